"""A bare role in a story about several countries takes the one country its paragraph names
(``actors.coding.paragraph_country``); a paragraph naming two leaves it bare, and so does a
role often foreign to the paragraph (GOV: "other leaders")."""

from __future__ import annotations

import pytest

# A story about the United States and China, then a paragraph set in one other country
# (after AllSides 2020, Netanyahu's immunity; AllSides 2014, the Peshawar school attack).
OPENING = (
    "President Trump met Chinese leaders in Washington on Monday. The White House said the "
    "United States and China agreed on a trade deal.\n\n"
)
ISRAEL = (
    "Netanyahu's trial opened in Jerusalem on Tuesday. He withdrew a request for immunity "
    "before parliament could reject it. Other leaders praised the deal."
)
PAKISTAN = (
    "Gunmen attacked a school in Peshawar, Pakistan, on Tuesday. Army commandos quickly "
    "arrived at the scene and exchanged fire with the attackers."
)
TWO_COUNTRIES = (
    "Egypt and Syria closed their borders on Tuesday. Police fired tear gas at the crowds."
)
CASES = [
    (ISRAEL, "parliament", "ISRLEG"),  # the paragraph names Israel only
    (ISRAEL, "Other leaders", "GOV"),  # leaders, governments: often foreign to the paragraph
    (PAKISTAN, "Army", "PAKMIL"),
    (TWO_COUNTRIES, "Police", "COP"),  # two countries: left bare
]


@pytest.mark.parametrize(("paragraph", "source", "code"), CASES)
def test_a_bare_role_takes_the_one_country_of_its_paragraph(analyse, paragraph, source, code):
    events = analyse(OPENING + paragraph, published="2020-01-29")["events"]
    codes = {e["source"]["name"]: e["source"]["code"] for e in events}
    assert codes[source] == code


# After AllSides 2015 (Congress and the Iran talks): Congress is told of in a paragraph on
# the United States and in one on the United States and Iran; the one country every such
# paragraph names is its own.
IRAN_TALKS = (
    "Iran's foreign minister met European diplomats in Vienna. Iran rejected the terms.\n\n"
    "President Obama urged Congress to wait for the talks in the White House on Monday.\n\n"
    "Congress may vote next week on new sanctions against Iran, Obama said."
)


def test_an_institution_takes_the_country_every_paragraph_of_its_mentions_names(analyse):
    events = analyse(IRAN_TALKS, published="2015-03-02")["events"]
    codes = {(e["target"] or {}).get("name"): (e["target"] or {}).get("code") for e in events}
    assert codes["Congress"] == "USALEG"

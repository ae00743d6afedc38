"""PETRARCH's verb defaults, gated: a verb no row of ours codes is an event only between actors
of two countries, as the verb's own subject and object, or, for an act complete without a
target (resigning), from a coded subject alone (real sentences from Wikinews, CC BY 2.5,
Wikinews contributors, en.wikinews.org)."""

from __future__ import annotations

import pytest


@pytest.fixture
def analyse(analyse_every):
    """Every event the coder reads: these tests are about which arguments open the gate;
    whether a weak event is stored is the confidence floor's (test_event_confidence)."""
    return analyse_every

# sentence -> (CAMEO code, source code, target code) of the event the gated default gives
OPENS = {
    "between two countries": (
        "The attack was claimed by the Houthi movement in Yemen, but both Saudi Arabia and "
        "the United States have alleged Iranian involvement.",
        [("110", "SAU", "IRN"), ("110", "USA", "IRN")],
    ),
    "an act complete without a target, by a coded subject": (
        "On the same day, Kurt Volker, the United States special envoy for Ukraine "
        "negotiations, resigned without public explanation.",
        [("083", "USAGOV", None)],
    ),
    "a phrasal default does not hide our frame of the verb": (
        "The hospital also asked for patience.",
        [("020", "HLH", None)],
    ),
}
# sentences whose verb only a gated default codes, in another sense: no event
CLOSED = {
    "inside one country": (
        "On Friday, a federal judge in Texas ruled the United States federal government's "
        "practice of registering men but not women for the draft, or military conscription, "
        "is unconstitutional."
    ),
    "no actor as object": (
        "Gunzburger, a trial lawyer since 1988, founded the nonpartisan Politics1.com in 1997."
    ),
    "retiring needs no target but is no political act": (
        "Baker retired from live performances in 2016 due to his ill health."
    ),
}


def triple(event: dict) -> tuple:
    target = event["target"]
    return event["cameo"], event["source"]["code"], target["code"] if target else None


@pytest.mark.parametrize("name", list(OPENS))
def test_gated_default_codes_between_coded_actors(analyse, name):
    sentence, expected = OPENS[name]
    found = [triple(e) for e in analyse(sentence, published="2020-10-01")["events"]]
    assert [t for t in found if t in expected] == expected


@pytest.mark.parametrize("name", list(CLOSED))
def test_gated_default_codes_nothing_otherwise(analyse, name):
    assert analyse(CLOSED[name], published="2020-10-01")["events"] == []


# Wikinews sentences (CC BY 2.5): who an event is between.
BETWEEN = {
    "a state's own forces are its instrument, not its target": (
        "Britain mobilized army reservists for a possible war against Iraq.",
        [("154", "GBR", "IRQ")],
    ),
    "a named organisation the dictionary lacks is still a source": (
        "The Umma party threatened to boycott the elections in Algeria.",
        [("133", None, "DZA")],
    ),
    "a person the actor coder cannot code is no source": (
        "Gammon withdrew due to health reasons around August 2019 and Collins took over as "
        "the presidential nominee.",
        [],
    ),
}


@pytest.mark.parametrize("name", list(BETWEEN))
def test_event_is_between_coded_actors(analyse, name):
    sentence, expected = BETWEEN[name]
    found = [triple(e) for e in analyse(sentence, published="2020-10-01")["events"]]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("The Taliban vowed to retaliate against the United States.", "intended"),
        ("The Taliban threatened to retaliate against the United States.", "asserted"),
    ],
)
def test_the_act_a_vow_announces_is_its_subjects(analyse, text, factuality):
    # a threat of force (138), not an intent to cooperate (030, "vow" alone)
    events = analyse(text, published="2015-05-10")["events"]
    assert [
        (e["source"]["code"], e["cameo"], e["target"]["code"], e["factuality"]) for e in events
    ] == [("AFGREB", "1384", "USA", factuality)]


def test_an_aim_opens_no_gate(analyse):
    # AllSides corpus, 2020-03-03: PETRARCH's broad "boost" stays closed under "seeking to"
    text = ("Russia is reportedly again seeking to boost both President Trump and Senator "
            "Sanders, who was briefed by intelligence officials on the matter, according to "
            "the Washington Post.")
    events = analyse(text, published="2020-03-03")["events"]
    assert [e["cameo"] for e in events if e["source"]["code"] == "RUS"] == []

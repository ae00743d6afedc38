"""PETRARCH's verb defaults, gated: a verb no row of ours codes is an event only between actors
of two countries, as the verb's own subject and object, or, for an act complete without a
target (resigning), from a coded subject alone (real sentences from Wikinews, CC BY 2.5,
Wikinews contributors, en.wikinews.org)."""

from __future__ import annotations

import pytest

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

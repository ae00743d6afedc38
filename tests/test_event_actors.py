"""Who an event's source and target are, and the codes they get (real news sentences)."""

from __future__ import annotations


def pairs(events: list[dict]) -> list[tuple]:
    return [
        (e["cameo"], e["source"]["name"], e["source"]["code"],
         (e["target"] or {}).get("name"), (e["target"] or {}).get("code"))
        for e in events
    ]


def test_two_people_with_one_code_are_two_actors(analyse):
    """Cantor and Kerry could share a code (in the article both were US officials); they are
    still two actors, and a majority leader sits in the legislature (these two sentences
    name no country for Cantor)."""
    events = analyse(
        "John Kerry apologized Monday. House Majority Leader Eric Cantor (R-VA) urged Kerry to "
        "apologize, saying that the secretary of state's remarks are extremely disappointing.",
        "2014-04-28",
    )["events"]
    assert ("020", "Eric Cantor", "LEG", "John Kerry", "USAGOV") in pairs(events)

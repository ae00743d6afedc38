"""The article's home country: bare home roles in a story about one country are its own."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.home import home_country, takes_home_country
from newsgraph.model import Entity, Mention

# AllSides corpus, 2013-08-14 ("'Bloodiest Day' In Cairo As Troops Move On Morsi Supporters")
EGYPT = (
    "Egypt's interim Prime Minister Hazem Beblawi defended the government's actions, saying "
    "the crackdown was necessary to restore security and he also praised the police for "
    "self-restraint. Egyptian Vice President Mohamed ElBaradei, a Nobel Peace Prize laureate, "
    "also announced his resignation. The Egyptian ministry of health reported 275 people had "
    "been killed and 2,001 had been injured across the country.\n\n"
    "Police have taken full control of the two major squares Morsi supporters had occupied "
    "for several weeks."
)
HOME_ROLES = frozenset({"GOV", "COP", "LEG", "CVL"})


def entity(country: str | None, mentions: int, code: str = "XXX") -> Entity:
    spans = [Mention(start=i * 10, end=i * 10 + 5, text="x") for i in range(mentions)]
    return Entity(id=f"{country}{mentions}", name="x", type="GPE", mentions=spans,
                  code=code if country else None, country=country)


def test_bare_police_in_a_story_about_egypt_are_egyptian(analyse):
    sources = {(e["source"] or {}).get("name"): (e["source"] or {}).get("code")
               for e in analyse(EGYPT, published="2013-08-14")["events"]}
    assert sources["Police"] == "EGYCOP"


def test_one_country_must_hold_most_mentions():
    assert home_country([entity("EGY", 4)]) == "EGY"
    assert home_country([entity("EGY", 3), entity("USA", 1)]) == "EGY"
    assert home_country([entity("USA", 5), entity("IRQ", 4)]) is None  # two countries' story
    assert home_country([entity("EGY", 3)]) is None  # too few to tell
    assert home_country([entity(None, 9), entity("EGY", 2)]) is None


def test_only_home_roles_take_the_home_country():
    assert takes_home_country("COP", "COP", HOME_ROLES)
    assert takes_home_country("GOVLEG", "GOV", HOME_ROLES)
    assert not takes_home_country("UAF", "UAF", HOME_ROLES)  # militants may be foreign
    assert not takes_home_country("GOVMIL", "GOV", HOME_ROLES)


def test_the_army_of_a_story_about_one_country_is_that_countrys(analyse):
    """AllSides (2014, Thailand): "the military" with no country, in a story about one
    country, is that country's army (a definite singular; "troops" keep none)."""
    events = analyse(
        "Thailand's army chief Prayuth Chan-ocha met Thai officials in Bangkok. Thai police "
        "arrested protesters. The Thai government criticized the protesters. On Tuesday, the "
        "military stepped up its involvement by declaring martial law. Troops fired on "
        "protesters.", "2014-05-20",
    )["events"]
    codes = {e["source"]["name"]: e["source"]["code"] for e in events}
    assert codes.get("the military") == "THAMIL"
    assert codes.get("Troops", "MIL") == "MIL"


# AllSides 2019-09-04 (the Brexit rebels): a story all about Britain.
BRITAIN = (
    "Prime Minister Boris Johnson lost his majority in the British Parliament on Tuesday. "
    "British lawmakers voted against Johnson in London. The Conservative Party expelled 21 "
    "rebels.\n\n"
)
RUDD = "Work and Pensions Secretary Amber Rudd warned against taking action against the rebels."
AMERICA = "President Trump praised Johnson in Washington. American officials were pleased.\n\n"


@pytest.mark.parametrize(("text", "code"), [
    (BRITAIN + RUDD, "GBRGOV"),  # four-fifths of the story is Britain's
    (BRITAIN + AMERICA + RUDD, "GOV"),  # a story with American voices: a person keeps none
])
def test_a_person_takes_the_home_country_of_a_story_almost_all_about_it(analyse, text, code):
    events = analyse(text, published="2019-09-04")["events"]
    codes = {e["source"]["name"]: e["source"]["code"] for e in events}
    assert codes["Amber Rudd"] == code

"""The article's home country: the one country most of its coded actors belong to.

A bare role ("police", "the authorities", "lawmakers") whose phrase and sentence name no
country is, in a story about one country, that country's. The home country is the country
of at least ``SHARE`` of the article's country-coded actor mentions, when there are at
least ``MENTIONS`` of them; an article about two or more countries has none. A person takes
it only when it holds ``PERSON_SHARE``. Only roles
listed in ``knowledge/data/actors/home_roles.tsv`` take it (a country's own institutions
and people): armed groups, troops, spies and the media are often foreign to the story's
country, so they keep no country rather than a guessed one.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.model import Entity

SHARE = 0.6
MENTIONS = 4
# A person with a home role and no country ("Work and Pensions Secretary Amber Rudd") takes
# the home country only when it holds this share: a story about Iraq with some American
# voices quotes a U.S. "Rep.", a story four-fifths about Britain seldom quotes foreign
# ministers without their country (fresh AllSides lines: 20 of 20 right).
PERSON_SHARE = 0.8


def home_country(entities: list[Entity], share: float = SHARE) -> str | None:
    """ISO alpha-3 of the country most mentions of coded actors belong to, if it holds at
    least ``share`` of them."""
    counts: Counter[str] = Counter()
    for entity in entities:
        if entity.country and entity.code:
            counts[entity.country] += len(entity.mentions)
    total = sum(counts.values())
    if total < MENTIONS:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= share * total else None


def takes_home_country(code: str | None, role: str | None, home_roles: frozenset[str]) -> bool:
    """Whether an actor coded with a role and no country may take the home country: its
    role is a home role and every role in its code is (not "GOVMIL", "REBCVL")."""
    if not code or not role or role not in home_roles:
        return False
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    return all(part in home_roles for part in parts)

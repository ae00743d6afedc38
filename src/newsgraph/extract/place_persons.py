"""Surnames read as places: "Ashley Sutton ... Sutton goes into the season" is the driver,
not Sutton in London; "offering the job to Bolton" after "John Bolton" is the man.

A mention whose text is the surname of a person the article names in full (a PERSON
entity of two or more words) is that person, unless a place cue stands before it ("in
Bolton") or a state or country follows it ("Freeland, Mich.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.model import Entity

# the cue that makes a surname a place again: "a rally in Bolton", "near Sutton"
PLACE_CUE = re.compile(r"\b(?:in|near|outside|across|throughout|around)\s+(?:the\s+)?$")
SURNAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")


def person_surnames(entities: Iterable[Entity]) -> frozenset[str]:
    """The last words of the persons the article names with a given name and a surname."""
    surnames = set()
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for text in {entity.name, *(m.text for m in entity.mentions)}:
            words = text.split()
            if len(words) >= 2 and SURNAME.fullmatch(words[-1]):
                surnames.add(words[-1])
    return frozenset(surnames)


def reads_as_person(
    text: str, start: int, doc_text: str, surnames: frozenset[str], qualified: bool = False
) -> bool:
    """True when a place mention at ``start`` is a named person's surname without a place
    cue before it or a qualifier after it."""
    if text not in surnames or qualified:
        return False
    return PLACE_CUE.search(doc_text[max(0, start - 20) : start]) is None

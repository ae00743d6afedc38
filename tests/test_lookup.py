"""EntityIndex finds the entity behind a span by its mention offsets."""

from __future__ import annotations

from newsgraph.extract.lookup import EntityIndex
from newsgraph.model import Entity, Mention

PUTIN = Entity("e1", "Vladimir Putin", "PERSON", [Mention(0, 14, "Vladimir Putin"),
                                                  Mention(40, 45, "Putin")])
KHAN = Entity("e2", "Imran Khan", "PERSON", [Mention(19, 29, "Imran Khan")])


def test_finds_entity_by_overlapping_span():
    index = EntityIndex([PUTIN, KHAN])
    assert index.at(9, 14) is PUTIN
    assert index.at(25, 29) is KHAN
    assert index.at(40, 45) is PUTIN


def test_returns_none_where_no_mention():
    assert EntityIndex([PUTIN, KHAN]).at(30, 39) is None

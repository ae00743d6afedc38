"""EntityIndex finds the entity behind a span by its mention offsets."""

from __future__ import annotations

from newsgraph.extract.index import EntityIndex
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



def test_two_entities_may_share_a_mention(pipeline):
    # Entities do not compare: a resolver that sorted mentions with their entities failed
    # on a shared span. The index keeps them in text order, ties as given.
    from newsgraph.extract.context import ArticleContext
    from newsgraph.extract.events.arguments import ActorResolver

    text = "Vladimir Putin met Imran Khan in Moscow. Putin said the talks went well."
    putin = Entity("e1", "Vladimir Putin", "PERSON", [Mention(0, 14, "Vladimir Putin"),
                                                      Mention(41, 46, "Putin")])
    khan = Entity("e2", "Imran Khan", "PERSON", [Mention(19, 29, "Imran Khan")])
    twin = Entity("e3", "Putin", "ORG", [Mention(41, 46, "Putin")])
    entities = [putin, khan, twin]
    assert [entity.id for _, _, entity in EntityIndex(entities).spans] == ["e1", "e2", "e1", "e3"]
    doc = pipeline.nlp(text)
    article = pipeline.make_article(text)
    context = ArticleContext.read(doc, article, pipeline.knowledge).with_entities(entities)
    resolver = ActorResolver(context)
    said_by = next(t for t in doc if t.text == "Putin" and t.idx == 41)
    assert resolver.one(said_by).ref.entity in ("e1", "e3")  # no TypeError on the tie

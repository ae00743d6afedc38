"""Entities: named-entity mentions grouped into one record per actor of the article."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.ids import record_id
from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Mention

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def extract_entities(doc: Doc, article: Article, knowledge: Knowledge) -> list[Entity]:
    """One entity per distinct (label, surface text) of spaCy's NER.

    This is the raw-NER baseline; in-document resolution refines it.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    for span in doc.ents:
        if span.label_ not in ACTOR_LABELS:
            continue
        groups.setdefault((span.label_, span.text), []).append(
            Mention(span.start_char, span.end_char, span.text)
        )
    entities = []
    for (label, name), mentions in groups.items():
        first = mentions[0]
        entities.append(
            Entity(
                id=record_id(article.id, "entity", first.start, first.end, name),
                name=name,
                type=label,
                mentions=mentions,
            )
        )
    return entities

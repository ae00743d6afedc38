"""Entities: named-entity mentions grouped into one record per actor of the article.

Two steps: find mentions (``entity_mentions``: spaCy's NER, repaired by rules), then resolve
them into actors (``entity_links``: names, descriptions, pronouns, acronyms).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities.links import MentionGroup, resolve_mentions
from newsgraph.extract.entities.mentions import ACTOR_LABELS, find_mentions
from newsgraph.ids import record_id
from newsgraph.knowledge.actors import words_of
from newsgraph.model import Article, Entity, Mention

__all__ = ["ACTOR_LABELS", "canonical_name", "extract_entities"]


def extract_entities(context: ArticleContext) -> list[Entity]:
    """One entity per actor of the article, with every mention that refers to it."""
    doc, article = context.doc, context.article
    candidates = find_mentions(doc, context.phrases)
    quotes = context.knowledge.quotes
    actors = resolve_mentions(
        doc, candidates, context.phrases, context.quoted, quotes.kinship, quotes.title_ranks
    )
    return [_record(doc, article, actor) for actor in actors]


def _record(doc: Doc, article: Article, actor: MentionGroup) -> Entity:
    mentions = [
        Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text)
        for s, e in dict.fromkeys(actor.mentions)
    ]
    name = canonical_name(doc, actor)
    first = mentions[0]
    return Entity(
        id=record_id(article.id, "entity", first.start, first.end, name),
        name=name,
        type=actor.label,
        mentions=mentions,
    )


def canonical_name(doc: Doc, actor: MentionGroup) -> str:
    """The fullest proper-name form among the mentions (most words, then longest): "Imran
    Khan" over "Khan", "United States" over "U.S.", "TASS" over "the agency"."""
    if actor.label == "PERSON" and actor.names:
        spans = [doc[s:e] for s, e in actor.mentions if doc[s].pos_ != "PRON"]
        named = [s for s in spans if words_of(s.text) in actor.names]
        if named:  # else every name starts with a pronoun ("His Messenger"): as below
            return max(named, key=lambda s: (len(words_of(s.text)), len(s.text))).text
    names = [doc[s:e] for s, e in actor.mentions if doc[s].pos_ not in ("DET", "PRON")]
    names = names or [doc[s:e] for s, e in actor.mentions]
    return max(names, key=lambda s: (len(words_of(s.text)), len(s.text))).text

"""Entities: named-entity mentions found and linked into one record per actor of the article.

``mentions`` finds them (spaCy's NER, repaired by rules), ``links`` links them (names,
descriptions, pronouns, acronyms), ``build`` makes the records, and ``coreference`` resolves
every third-person pronoun once, for the quotes and events rooms (``ArticleContext.referent``).
"""

from newsgraph.extract.entities.build import extract_entities
from newsgraph.extract.entities.coreference import resolve_pronouns
from newsgraph.extract.index import EntityIndex

__all__ = ["EntityIndex", "extract_entities", "resolve_pronouns"]

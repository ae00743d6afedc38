"""Entities: named-entity mentions found and linked into one record per actor of the article.

``mentions`` finds them (spaCy's NER, repaired by rules), ``links`` links them (names,
descriptions, pronouns, acronyms), ``build`` makes the records, and ``index`` finds the
entity behind a span of text for the rooms after this one.
"""

from newsgraph.extract.entities.build import extract_entities
from newsgraph.extract.index import EntityIndex

__all__ = ["EntityIndex", "extract_entities"]

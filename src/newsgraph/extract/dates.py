"""Time expressions, resolved against the article's publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Article, TimeRef


def extract_dates(doc: Doc, article: Article) -> list[TimeRef]:
    """Every time expression with its ISO value (partial allowed) or null."""
    return []

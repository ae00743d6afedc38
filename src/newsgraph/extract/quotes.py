"""Quotes: direct, mixed and indirect speech with their speakers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Quote


def load_knowledge(directory: Path) -> Any:
    """Load the cue verbs and phrases from ``directory``."""
    return None


def extract_quotes(
    doc: Doc, article: Article, entities: list[Entity], knowledge: Knowledge
) -> list[Quote]:
    """Every quote of the article with its speaker entity, or null."""
    return []

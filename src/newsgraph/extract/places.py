"""Places: toponyms geocoded offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Place


def load_knowledge(directory: Path) -> Any:
    """Load the gazetteer from ``directory``."""
    return None


def extract_places(
    doc: Doc, article: Article, entities: list[Entity], knowledge: Knowledge
) -> list[Place]:
    """Every place named in the article, geocoded where possible."""
    return []

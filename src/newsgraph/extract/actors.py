"""Actor coding: CAMEO actor code, country and role for each entity at the article's date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity


def load_knowledge(directory: Path) -> Any:
    """Load the actor dictionaries from ``directory``."""
    return None


def code_actors(
    entities: list[Entity], doc: Doc, article: Article, knowledge: Knowledge
) -> list[Entity]:
    """Return the entities with ``code``, ``country`` and ``role`` filled where known."""
    return entities

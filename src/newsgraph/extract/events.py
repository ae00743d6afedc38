"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Event, Place, Quote, TimeRef


def load_knowledge(directory: Path) -> Any:
    """Load verb patterns and the CAMEO tables from ``directory``."""
    return None


def extract_events(
    doc: Doc,
    article: Article,
    entities: list[Entity],
    places: list[Place],
    dates: list[TimeRef],
    quotes: list[Quote],
    knowledge: Knowledge,
) -> list[Event]:
    """Every event of the article, with factuality, date, place and evidence."""
    return []

"""Actor coding: CAMEO actor code, country and role for each entity at the article's date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity


def load_knowledge(directory: Path) -> Any:
    """Load the actor dictionaries from ``directory``."""
    return None


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code split into its parts: ``PAKGOV`` -> PAK / GOV."""

    code: str
    country: str | None
    role: str | None


def code_span(
    span: Span, article: Article, knowledge: Knowledge, entities: list[Entity] = ()
) -> ActorCode | None:
    """Code any noun phrase as an actor ("Western governments", "police", "Imran Khan").

    Used for entities and for actors NER does not tag; None when nothing fits.
    """
    return None


def code_actors(
    entities: list[Entity], doc: Doc, article: Article, knowledge: Knowledge
) -> list[Entity]:
    """Return the entities with ``code``, ``country`` and ``role`` filled where known."""
    return entities

"""What ingest yields: a raw article with its metadata, or a problem naming its origin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before analysis. ``origin`` is ``path`` or ``path:line``."""

    origin: str
    text: str
    external_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that cannot become an article; ``origin`` names the file (and line)."""

    origin: str
    reason: str
    external_id: str | None = None
    link: str | None = None  # a feed item's link whose page failed (watch remembers it)

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"

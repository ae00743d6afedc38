"""The records newsgraph produces: plain dataclasses that serialise to the JSON contract.

Field names and nesting follow ../shared/DESIGN.md ("The output contract"). Records
may gain fields; none may be renamed or dropped.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input document. ``text`` is exactly what offsets index into."""

    id: str
    external_id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    syndicated: bool = False
    duplicate_of: str | None = None
    processed_with: dict[str, str] = field(default_factory=dict)
    text: str


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One actor of an article, with all its mentions."""

    id: str
    name: str
    type: str
    mentions: list[Mention]
    code: str | None = None
    country: str | None = None
    role: str | None = None


@dataclass(slots=True)
class ActorRef:
    """An event's source or target, or a quote's speaker: a pointer to an entity."""

    entity: str | None
    name: str
    code: str | None = None
    country: str | None = None


@dataclass(slots=True)
class PlaceRef:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    source: ActorRef
    target: ActorRef | None
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    factuality: str
    date: str | None
    place: PlaceRef | None
    sentence: str
    evidence: Span
    confidence: float


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    fragments: list[Span]
    speaker: ActorRef | None
    confidence: float = 0.5


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None
    mentions: list[Span]


@dataclass(slots=True)
class TimeRef:
    id: str
    text: str
    start: int
    end: int
    value: str | None
    # how much time ``value`` names: day|week|month|year|decade|century ("1990" of "the 1990s"
    # is a decade), null with a null value
    granularity: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything extracted from one article; ``error`` is set when it could not be analysed."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[TimeRef] = field(default_factory=list)
    note: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON output contract for this article."""
        record = asdict(self)
        if record["note"] is None:
            del record["note"]
        if record["error"] is None:
            del record["error"]
        return record


def failed_analysis(external_id: str | None, reason: str) -> dict[str, Any]:
    """The output line for an input that could not be processed: aligned, empty, with a reason."""
    return {
        "article": {"external_id": external_id},
        "error": reason,
        "entities": [],
        "events": [],
        "quotes": [],
        "places": [],
        "dates": [],
    }

"""An article's text cut into segments, each covered by the same records (entity
mentions, quotes, event evidence), so a template can mark them without ever putting the
text itself into markup. Pure; offsets index the article text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "entity" | "quote" | "event"
    record_id: str
    label: str  # what hovering shows


@dataclass
class Segment:
    text: str
    spans: list[Span] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({span.kind for span in self.spans})

    @property
    def label(self) -> str:
        return "\n".join(dict.fromkeys(span.label for span in self.spans))

    @property
    def record_ids(self) -> str:
        return " ".join(dict.fromkeys(span.record_id for span in self.spans))


def side(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    return f"{actor.get('name')} ({actor.get('code') or '?'})"


def record_spans(record: dict[str, Any]) -> list[Span]:
    """The spans of an article's records: every entity mention, every quote (its quoted
    words), every event's evidence."""
    spans = []
    for entity in record.get("entities", []):
        label = f"{entity['name']} · {entity['type']} · {entity.get('code') or 'no code'}"
        spans += [Span(m["start"], m["end"], "entity", entity["id"], label)
                  for m in entity.get("mentions", [])]
    for quote in record.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        label = f"Quote ({quote['kind']}, {quote.get('cue') or 'no cue'}) by {speaker}"
        spans.append(Span(quote["start"], quote["end"], "quote", quote["id"], label))
    for event in record.get("events", []):
        label = (f"Event {event['cameo']} {event.get('plover') or '(statement)'}: "
                 f"{side(event['source'])} → {side(event.get('target'))}, "
                 f"{event['factuality']}, {event.get('date') or 'undated'}")
        evidence = event["evidence"]
        spans.append(Span(evidence["start"], evidence["end"], "event", event["id"], label))
    return spans


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows the spans covering it.
    Spans outside the text are clipped; empty spans are dropped."""
    spans = [s for s in spans if 0 <= s.start < s.end]
    cuts = sorted({0, len(text)} | {min(max(p, 0), len(text))
                                    for s in spans for p in (s.start, s.end)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start < end:
            covering = [s for s in spans if s.start <= start and end <= s.end]
            pieces.append(Segment(text[start:end], covering))
    return pieces

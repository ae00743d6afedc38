"""Finding the entity behind a span of text, for extractors that point at actors."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from newsgraph.model import Entity


class EntityIndex:
    """Character-offset index over every mention of every entity of one article."""

    def __init__(self, entities: list[Entity]) -> None:
        # Sorted by offsets only: two entities may share a mention's offsets.
        spans = sorted(
            ((m.start, m.end, entity) for entity in entities for m in entity.mentions),
            key=lambda span: span[:2],
        )
        self.starts = [start for start, _, _ in spans]
        self.spans = spans  # (start, end, entity) of every mention, in text order
        self.by_id = {entity.id: entity for entity in entities}

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end); the longest overlap wins."""
        best, best_overlap = None, 0
        # Mentions are short, so only those starting shortly before `end` can overlap.
        for i in range(bisect_right(self.starts, end) - 1, -1, -1):
            m_start, m_end, entity = self.spans[i]
            if m_end <= start - 200:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
        return best

    def for_span(self, span: Span | Token) -> Entity | None:
        """The entity mentioned by a spaCy span or token."""
        if isinstance(span, Token):
            return self.at(span.idx, span.idx + len(span))
        return self.at(span.start_char, span.end_char)

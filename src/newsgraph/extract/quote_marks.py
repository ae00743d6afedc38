"""Quotation marks: pair opening and closing marks into quoted spans of the raw text.

Works on characters only (no parse), so offsets index ``article.text`` exactly. Straight
marks are opening or closing by what surrounds them. A quote left open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the newspaper
convention for a quote over several paragraphs); otherwise it is dropped. Stray or
unbalanced marks are skipped, never raised on.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "\u201c\u201e\u00ab"  # “ „ «
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
SINGLE_OPENING = "\u2018"  # ‘
SINGLE_CLOSING = "\u2019"  # ’ (also the apostrophe)
# Characters after which a straight mark opens a quote.
OPEN_CONTEXT = " \t\n([{\u2014\u2013-/:"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The words between a pair of marks: ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int

    @property
    def open_mark(self) -> int:
        return self.start - 1

    @property
    def close_mark(self) -> int:
        return self.end


def _double_mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or None (a mark that cannot be read either way) for the mark at ``i``."""
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in OPEN_CONTEXT and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return None


def _single_mark_role(text: str, i: int) -> str | None:
    """Single curly marks: ‘ opens after a space; ’ closes only when no letter follows it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == SINGLE_OPENING:
        return "open" if before in OPEN_CONTEXT and not after.isspace() else None
    return "close" if not after.isalnum() and not before.isspace() else None


def _pair(text: str, marks: list[tuple[int, str]]) -> list[QuotedSpan]:
    """Pair (position, role) marks into spans, continuing quotes across paragraph breaks."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for position, role in marks:
        if role == "open":
            if open_at is not None and not _continues(text, open_at, position):
                open_at = None  # an unclosed mark earlier in the paragraph: skip it
            if open_at is None:
                open_at = position
        elif open_at is not None:
            if "\n" in text[open_at:position] and not _continues(text, open_at, position):
                open_at = None
                continue
            if position > open_at + 1:
                spans.append(QuotedSpan(open_at + 1, position))
            open_at = None
    return spans


def _continues(text: str, open_at: int, position: int) -> bool:
    """True when every paragraph break between the marks is followed by an opening mark."""
    between = text[open_at:position]
    if "\n" not in between:
        return False
    for line in between.split("\n")[1:]:
        stripped = line.lstrip()
        if stripped and stripped[0] not in OPENING + STRAIGHT:
            return False
    return True


def find_quoted_spans(text: str, single: bool = True) -> list[QuotedSpan]:
    """Every quoted span of ``text`` in order; single-mark quotes only outside double ones."""
    double_marks = [
        (i, role)
        for i, char in enumerate(text)
        if char in OPENING or char in CLOSING or char == STRAIGHT
        if (role := _double_mark_role(text, i)) is not None
    ]
    spans = _pair(text, double_marks)
    if single:
        single_marks = [
            (i, role)
            for i, char in enumerate(text)
            if char in (SINGLE_OPENING, SINGLE_CLOSING)
            if (role := _single_mark_role(text, i)) is not None
        ]
        inside = [(s.open_mark, s.close_mark) for s in spans]
        spans += [
            s
            for s in _pair_single(text, single_marks)
            if not any(a <= s.start and s.end <= b for a, b in inside)
        ]
        spans.sort(key=lambda s: s.start)
    return spans


def _pair_single(text: str, marks: list[tuple[int, str]]) -> list[QuotedSpan]:
    """Single marks pair within a paragraph only: a lone ’ is an apostrophe, not an error."""
    spans = []
    open_at: int | None = None
    for position, role in marks:
        if role == "open":
            open_at = position
        elif open_at is not None:
            if "\n" not in text[open_at:position] and position > open_at + 1:
                spans.append(QuotedSpan(open_at + 1, position))
            open_at = None
    return spans

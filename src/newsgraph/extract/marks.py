"""Quotation marks: pair opening and closing marks into quoted spans of the raw text.

Works on characters only (no parse), so offsets index ``article.text`` exactly. Straight
marks are opening or closing by what surrounds them. A quote left open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the newspaper
convention for a quote over several paragraphs); otherwise it is dropped. Stray or
unbalanced marks are skipped, never raised on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "\u201c\u201e\u00ab"  # “ „ «
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
DOUBLED = "''"  # two apostrophes, a straight double mark in some newspaper archives
SINGLE_OPENING = "\u2018"  # ‘
SINGLE_CLOSING = "\u2019"  # ’ (also the apostrophe)
SINGLE_STRAIGHT = "'"  # opening, closing or an apostrophe
# Every character that may be a mark, to find them without a Python loop over the text.
DOUBLE_MARK_CHARS = re.compile(f"[{re.escape(OPENING + CLOSING + STRAIGHT)}]")
SINGLE_MARK_CHARS = re.compile(f"[{re.escape(SINGLE_OPENING + SINGLE_CLOSING + SINGLE_STRAIGHT)}]")
# Characters after which a straight mark opens a quote.
OPEN_CONTEXT = " \t\n([{\u2014\u2013-/:"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The words between a pair of marks: ``start``/``end`` exclude the marks themselves.

    ``open_mark`` is the offset of the opening mark; the closing mark starts at ``end``.
    """

    start: int
    end: int
    open_mark: int

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
    """Single marks: ‘ opens after a space; ’ closes only when no letter follows it.

    A straight ' does either, by the same rules, unless it is half of a doubled mark.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == SINGLE_STRAIGHT:
        if "'" in (before, after):
            return None
        if before in OPEN_CONTEXT and after.isalnum():
            return "open"
    elif text[i] == SINGLE_OPENING:
        return "open" if before in OPEN_CONTEXT and not after.isspace() else None
    return "close" if not after.isalnum() and not before.isspace() else None


def _doubled_marks(text: str) -> list[tuple[int, str, int]]:
    """Doubled apostrophes (''quote'') read like straight double marks."""
    marks = []
    position = text.find(DOUBLED)
    while position >= 0:
        probe = text[:position] + '"' + text[position + 2 :]
        role = _double_mark_role(probe, position)
        if role is not None:
            marks.append((position, role, 2))
        position = text.find(DOUBLED, position + 2)
    return marks


def _pair(text: str, marks: list[tuple[int, str, int]]) -> list[QuotedSpan]:
    """Pair (position, role, length) marks into spans, continuing quotes over paragraphs."""
    spans: list[QuotedSpan] = []
    opened: tuple[int, int] | None = None
    for position, role, length in marks:
        if role == "open":
            if opened is not None and not _continues(text, opened, position):
                opened = None  # an unclosed mark earlier in the paragraph: skip it
            if opened is None:
                opened = (position, length)
        elif opened is not None:
            open_at, open_length = opened
            opened = None
            if "\n" in text[open_at:position] and not _continues(text, (open_at, open_length),
                                                                  position):
                continue
            if position > open_at + open_length:
                spans.append(QuotedSpan(open_at + open_length, position, open_at))
    return spans


def _continues(text: str, opened: tuple[int, int], position: int) -> bool:
    """True when every paragraph break between the marks is followed by the same opening mark."""
    open_at, length = opened
    mark = text[open_at : open_at + length]
    between = text[open_at:position]
    if "\n" not in between:
        return False
    for line in between.split("\n")[1:]:
        stripped = line.lstrip()
        if stripped and not stripped.startswith(mark):
            return False
    return True


def find_quoted_spans(text: str, single: bool = True) -> list[QuotedSpan]:
    """Every quoted span of ``text`` in order; single-mark quotes only outside double ones."""
    double_marks = [
        (i, role, 1)
        for i in (match.start() for match in DOUBLE_MARK_CHARS.finditer(text))
        if (role := _double_mark_role(text, i)) is not None
    ]
    if DOUBLED in text:
        double_marks += _doubled_marks(text)
        double_marks.sort()
    spans = _pair(text, double_marks)
    if single:
        single_marks = [
            (i, role)
            for i in (match.start() for match in SINGLE_MARK_CHARS.finditer(text))
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
                spans.append(QuotedSpan(open_at + 1, position, open_at))
            open_at = None
    return spans

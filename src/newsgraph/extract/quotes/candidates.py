"""Quote candidates: a quote's offsets, kind, cue and speaker token before records are built."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.extract.marks import QuotedSpan


@dataclass(slots=True)
class QuoteCandidate:
    """A quote before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: Token | None
    subject: Token | None
    confidence: float
    fragments: list[QuotedSpan] = field(default_factory=list)
    follows: QuoteCandidate | None = None  # the earlier direct quote this one continues


def trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and the comma that ends a quote before its cue."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def mark_at(text: str, offset: int) -> str:
    return "''" if text.startswith("''", offset) else text[offset]


def end_char(token: Token) -> int:
    return token.idx + len(token.text)


def crosses_paragraph(a: Token, b: Token) -> bool:
    """True when a line break lies between two tokens (read from the tokens: ``Doc.text``
    rebuilds the whole text on every access)."""
    low, high = sorted((a.i, b.i))
    return any("\n" in token.text_with_ws for token in a.doc[low:high])

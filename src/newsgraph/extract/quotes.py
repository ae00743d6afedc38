"""Quotes: direct, mixed and indirect speech with their speakers.

Two steps. First find candidates: quoted spans of the raw text that stand as whole
utterances ("direct"; their cue sits before or after the marks, or they continue the
previous speaker's quote), and cue verbs / source phrases whose reported content is a
clause ("indirect", or "mixed" when it carries quoted fragments). Then build records,
resolving each cue's subject to a speaker entity.

A quote that a speaker's cue introduces and that runs on over several sentences between
one pair of marks is one quote; a quote interrupted by its cue (“A,” he said. “B.”)
is two quotes with the same speaker.

``confidence``: 0.9 direct with its own cue, 0.7 direct continuing an earlier quote,
0.8 mixed, 0.7 indirect, 0.6 "according to" — fixed estimates, not calibrated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.extract.quote_cues import (
    QuoteKnowledge,
    load_quote_knowledge,
    source_of,
    subject_of,
)
from newsgraph.extract.quote_marks import CLOSING, OPENING, STRAIGHT, QuotedSpan, find_quoted_spans
from newsgraph.extract.speakers import SpeakerResolver
from newsgraph.ids import record_id
from newsgraph.knowledge import Knowledge
from newsgraph.model import ActorRef, Article, Entity, Quote, Span

MARKS = {*OPENING, *CLOSING, STRAIGHT, "\u2018", "\u2019", "''", "``"}
SENTENCE_END = {".", "!", "?"}
WINDOW_TOKENS = 40
# Words that may open reported content without belonging to it.
CONTENT_MARKERS = {"that"}


def load_knowledge(directory: Path) -> QuoteKnowledge:
    """Load the cue verbs and phrases from ``directory``."""
    return load_quote_knowledge(directory)


@dataclass(slots=True)
class Candidate:
    """A quote before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: Token | None
    subject: Token | None
    confidence: float
    fragments: list[QuotedSpan] = field(default_factory=list)
    follows: Candidate | None = None  # the earlier direct quote this one continues


def extract_quotes(
    doc: Doc, article: Article, entities: list[Entity], knowledge: Knowledge
) -> list[Quote]:
    """Every quote of the article with its speaker entity, or null."""
    cues: QuoteKnowledge = knowledge.quotes
    quoted = find_quoted_spans(article.text)
    direct = find_direct(doc, quoted, cues)
    reported = find_reported(doc, quoted, direct, cues)
    resolver = SpeakerResolver(doc, article, entities, knowledge, cues, quoted)
    candidates = sorted(direct + reported, key=lambda c: c.start)
    return build_quotes(candidates, article, resolver, cues)


# -- direct quotes ------------------------------------------------------------------------


def find_direct(doc: Doc, quoted: list[QuotedSpan], cues: QuoteKnowledge) -> list[Candidate]:
    """Quoted spans that stand as utterances, with the cue before or after them."""
    found: list[Candidate] = []
    for span in quoted:
        open_token = _token_at(doc, span.open_mark)
        close_token = _token_at(doc, span.close_mark)
        if open_token is None or close_token is None:
            continue
        before = _window_before(doc, open_token)
        after = _window_after(doc, close_token)
        if not _stands_alone(before, after, span, doc, cues):
            continue
        start, end = _trim(doc.text, span.start, span.end)
        if end <= start:
            continue
        cue, window = _cue_in(after, cues, first=True), after
        if cue is None:
            cue, window = _cue_in(before, cues, first=False), before
        if cue is not None:
            speaker = _direct_speaker(cue, window, span)
            found.append(Candidate(start, end, "direct", cue, speaker, 0.9, [span]))
        elif found and _adjacent(doc.text, found[-1].end, span.open_mark):
            found.append(Candidate(start, end, "direct", None, None, 0.7, [span], found[-1]))
    return merge_interrupted(doc.text, found)


def merge_interrupted(text: str, found: list[Candidate]) -> list[Candidate]:
    """“A,” he said. “B.” -> one quote from A to B whose fragments are the quoted parts."""
    merged: list[Candidate] = []
    for candidate in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and "\n" not in text[previous.end : candidate.start]
            and (candidate.follows is not None or _same(candidate.cue, previous.cue))
        ):
            previous.end = candidate.end
            previous.fragments = previous.fragments + candidate.fragments
            continue
        merged.append(candidate)
    for candidate in merged:
        if len(candidate.fragments) == 1:
            candidate.fragments = []  # an unbroken direct quote is its own single part
        candidate.follows = None
    for previous, candidate in zip(merged, merged[1:], strict=False):
        if candidate.cue is None:
            candidate.follows = previous
    return merged


def _same(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def _direct_speaker(cue: Token, window: list[Token], span: QuotedSpan) -> Token | None:
    """The cue's subject, unless the parse put it inside the quote or across a paragraph."""
    subject = _speaker_token(cue)
    text = cue.doc.text
    if subject is not None and not (span.open_mark <= subject.idx < span.end + 2):
        low, high = sorted((subject.idx, cue.idx))
        if "\n" not in text[low:high]:
            return subject
    nouns = [
        t
        for t in window
        if t.i != cue.i
        and t.pos_ in ("PROPN", "NOUN", "PRON")
        and (t.head.i == cue.i or t.head.i not in {w.i for w in window})
    ]
    return nouns[0] if nouns else None


def _stands_alone(
    before: list[Token], after: list[Token], span: QuotedSpan, doc: Doc, cues: QuoteKnowledge
) -> bool:
    """A whole utterance, not a fragment woven into the sentence around it."""
    words = [t for t in before if not t.is_space]
    if words:
        last = words[-1]
        if last.text == ",":
            if not any(cues.is_cue(t, True) or cues.source_phrase_at(t) for t in words):
                return False
        elif last.text != ":" and not cues.is_cue(last, True):
            return False
    inner = doc.text[span.start : span.end].rstrip()
    if inner and inner[-1] in ".,!?;:\u2026-\u2014":
        return True
    # An unpunctuated quote opening a sentence must be followed by its cue ("“No” he said").
    following = [t for t in after if not t.is_space and not t.is_punct]
    return bool(following) and _cue_in(after, cues, first=True) is not None


def _adjacent(text: str, previous_end: int, open_mark: int) -> bool:
    """True when only marks, the previous cue's sentence or one paragraph break lie between."""
    between = text[previous_end:open_mark]
    paragraphs = [p.strip() for p in between.split("\n") if p.strip()]
    return between.count("\n\n") <= 1 and len(between) < 200 and len(paragraphs) <= 1


def _cue_in(window: list[Token], cues: QuoteKnowledge, first: bool) -> Token | None:
    """The cue verb or source phrase in a window beside a quote."""
    ordered = window if first else list(reversed(window))
    for token in ordered:
        if cues.is_cue(token, beside_quote=True):
            return token
        end = cues.source_phrase_at(token)
        if end is not None:
            return end
    return None


def _speaker_token(cue: Token) -> Token | None:
    if cue.pos_ in ("VERB", "AUX"):
        return subject_of(cue)
    return source_of(cue)


def _window_before(doc: Doc, open_token: Token) -> list[Token]:
    """Tokens from the start of the clause up to an opening mark.

    A quote opening a paragraph takes the previous paragraph's clause when that ends
    with a colon ("He said:" / "The New York Times reports:").
    """
    window: list[Token] = []
    for token in reversed(doc[max(0, open_token.i - WINDOW_TOKENS) : open_token.i]):
        if "\n" in token.text:
            if any(not t.is_space for t in window):
                break
            previous = token.i - 1
            while previous >= 0 and doc[previous].is_space:
                previous -= 1
            if previous < 0 or doc[previous].text != ":":
                break
            continue
        if token.text in SENTENCE_END or token.text in MARKS:
            break
        if not token.is_space:
            window.append(token)
    return list(reversed(window))


def _window_after(doc: Doc, close_token: Token) -> list[Token]:
    """Tokens from a closing mark to the end of its sentence or the next quote."""
    window: list[Token] = []
    for token in doc[close_token.i + 1 : close_token.i + 1 + WINDOW_TOKENS]:
        if "\n" in token.text or token.text in SENTENCE_END or token.text in MARKS:
            break
        window.append(token)
    return window


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and the comma that ends a quote before its cue."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# -- reported speech ----------------------------------------------------------------------


def find_reported(
    doc: Doc, quoted: list[QuotedSpan], direct: list[Candidate], cues: QuoteKnowledge
) -> list[Candidate]:
    """Content clauses of cue verbs and source phrases; mixed when they hold quoted parts."""
    used = {c.cue.i for c in direct if c.cue is not None}
    found = []
    for token in doc:
        if token.i in used:
            continue
        if cues.is_cue(token):
            content = _content_of_verb(token)
            subject, confidence = subject_of(token), 0.7
        elif (end := cues.source_phrase_at(token)) is not None:
            content = _content_around(token, end)
            subject, confidence = source_of(end), 0.6
        else:
            continue
        if content is None or subject is None:
            continue
        cue = token if cues.is_cue(token) else cues.source_phrase_at(token)
        candidate = _reported(doc, content, quoted, direct, cue, subject, confidence)
        if candidate is not None:
            found.append(candidate)
    return found


def _reported(
    doc: Doc,
    content: tuple[int, int],
    quoted: list[QuotedSpan],
    direct: list[Candidate],
    cue: Token,
    subject: Token,
    confidence: float,
) -> Candidate | None:
    start, end = _within_paragraph(doc.text, doc[content[0]].idx, _end_char(doc[content[1]]),
                                   cue.idx)
    if start <= subject.idx < end or end - start < 2:
        return None
    for quote in direct:
        if min(end, quote.end) - max(start, quote.start) > 0.5 * (end - start):
            return None
    for quote in quoted:  # a fragment closing the content keeps its closing mark
        if start <= quote.open_mark < end <= quote.close_mark <= end + 3:
            end = quote.close_mark + len(_mark_at(doc.text, quote.close_mark))
    fragments = [q for q in quoted if start <= q.open_mark and q.close_mark < end]
    kind = "mixed" if fragments else "indirect"
    return Candidate(start, end, kind, cue, subject, 0.8 if fragments else confidence, fragments)


def _within_paragraph(text: str, start: int, end: int, cue: int) -> tuple[int, int]:
    """Cut reported content at paragraph breaks, keeping the part next to its cue."""
    if "\n" not in text[start:end]:
        return start, end
    if cue >= end:
        start = text.rindex("\n", start, end) + 1
    else:
        end = text.index("\n", start, end)
    return _trim(text, start, end)


def _content_of_verb(verb: Token) -> tuple[int, int] | None:
    """Token range of the clause a cue verb reports, without "that" and trailing asides."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return _clause_range(clause, exclude=verb)


def _content_around(phrase_start: Token, phrase_end: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase attaches to, without the phrase."""
    head = phrase_start.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
    if head.i == phrase_start.i:
        return None
    phrase_left = phrase_start.i
    phrase_right = phrase_end.right_edge.i
    left, right = head.left_edge.i, head.right_edge.i
    if phrase_left <= left + 1:
        left = phrase_right + 1
    elif phrase_right >= right - 1:
        right = phrase_left - 1
    return _strip(head.doc, left, right)


def _clause_range(clause: Token, exclude: Token) -> tuple[int, int] | None:
    left, right = clause.left_edge.i, clause.right_edge.i
    for child in clause.children:
        # "..., dismissing reports ..." / "..., adding ..." belong to the speaker, not the content.
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.i > clause.i
            and child.left_edge.i > 0
            and clause.doc[child.left_edge.i - 1].text == ","
            and child.right_edge.i == right
        ):
            right = child.left_edge.i - 1
    if left <= exclude.i <= right:
        return None
    return _strip(clause.doc, left, right)


def _strip(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Trim punctuation, spaces and a leading "that", keeping marks of fragments inside."""
    while left <= right and (
        doc[left].is_space
        or (doc[left].is_punct and doc[left].text not in OPENING + STRAIGHT)
        or (doc[left].lower_ in CONTENT_MARKERS and doc[left].dep_ == "mark")
    ):
        left += 1
    while right >= left and (
        doc[right].is_space or (doc[right].is_punct and doc[right].text not in CLOSING + STRAIGHT)
    ):
        right -= 1
    return (left, right) if left <= right else None


def _mark_at(text: str, offset: int) -> str:
    return "''" if text.startswith("''", offset) else text[offset]


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


# -- records ------------------------------------------------------------------------------


def build_quotes(
    candidates: list[Candidate],
    article: Article,
    resolver: SpeakerResolver,
    cues: QuoteKnowledge,
) -> list[Quote]:
    """Quote records with resolved speakers; continuing quotes take their leader's speaker."""
    speakers: dict[int, ActorRef | None] = {}
    quotes = []
    for candidate in candidates:
        leader = candidate
        while leader.follows is not None:
            leader = leader.follows
        if id(leader) not in speakers:
            speakers[id(leader)] = resolver.resolve(leader.subject)
        speaker = speakers[id(leader)]
        cue = leader.cue
        quotes.append(
            Quote(
                id=record_id(article.id, "quote", candidate.start, candidate.end, candidate.kind),
                text=article.text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                kind=candidate.kind,
                cue=_cue_text(cue, cues),
                fragments=[Span(*_trim(article.text, f.start, f.end)) for f in candidate.fragments],
                speaker=speaker,
                confidence=candidate.confidence,
            )
        )
    return quotes


def _cue_text(cue: Token | None, cues: QuoteKnowledge) -> str | None:
    """The cue as written: the verb, or the whole source phrase ("according to")."""
    if cue is None:
        return None
    phrase = None if cue.pos_ in ("VERB", "AUX") else cues.source_phrase_ending(cue)
    return phrase.text if phrase is not None else cue.text

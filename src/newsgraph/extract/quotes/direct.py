"""Direct quotes: quoted spans that stand as whole utterances, with the cue beside them.

The cue sits after the closing mark ("“…,” X said" / "“…,” said X" / "“…,” according to X")
or before the opening one ("X said: “…”", a paragraph ending "He said:"). A quote with no
cue of its own continues the previous speaker's quote when only a paragraph break or the
cue sentence lies between. A quote interrupted by its cue (“A,” he said. “B.”) is one
record from A to B whose ``fragments`` mark the quoted parts; its ``text`` holds only
those parts (joined by " … "), never its own attribution. A quoted name right after the cue, with no
punctuation between (“…,” she told “Fox News Sunday.”), is the programme or paper
addressed, not more of the quote. A quote over several paragraphs between one pair of
marks is one quote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.marks import CLOSING, OPENING, STRAIGHT, QuotedSpan
from newsgraph.extract.quotes.candidates import QuoteCandidate, crosses_paragraph, trim_quote
from newsgraph.extract.quotes.cues import (
    SUBJECT_RELATIVES,
    cue_subject,
    is_cue,
    source_of,
    source_phrase_at,
)
from newsgraph.knowledge.quotes import QuoteKnowledge

MARKS = {*OPENING, *CLOSING, STRAIGHT, "\u2018", "\u2019", "''", "``"}
SENTENCE_END = {".", "!", "?"}
WINDOW_TOKENS = 40


def find_direct(
    doc: Doc, quoted: list[QuotedSpan], cues: QuoteKnowledge, text: str | None = None
) -> list[QuoteCandidate]:
    """Quoted spans that stand as utterances, with the cue before or after them.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    found: list[QuoteCandidate] = []
    for span in quoted:
        open_token = _token_at(doc, span.open_mark)
        close_token = _token_at(doc, span.close_mark)
        if open_token is None or close_token is None:
            continue
        before = _window_before(doc, open_token)
        after = _window_after(doc, close_token)
        if not _stands_alone(before, after, text[span.start : span.end], cues):
            continue
        start, end = trim_quote(text, span.start, span.end)
        if end <= start:
            continue
        cue, window = _cue_in(after, cues, first=True), after
        if cue is not None and (not _introduces(after, cue) or _reports_own_clause(cue)
                                or _describes_quote(cue, cues)):
            cue = None
        if cue is not None and _introduced_before(before, text[span.start : span.end], cues):
            cue = None  # "X said, “… .” Calling it …, Y told": the next sentence's cue
        if cue is None:
            cue, window = _cue_in(before, cues, first=False), before
            if cue is not None and found and _same(cue, found[-1].cue) and _names_addressee(
                before, cue
            ):
                continue
        if cue is not None:
            speaker = _direct_speaker(cue, window, span, cues)
            found.append(QuoteCandidate(start, end, "direct", cue, speaker, 0.9, [span]))
        elif found and _continues(text, found[-1], span):
            found.append(QuoteCandidate(start, end, "direct", None, None, 0.7, [span], found[-1]))
    return merge_interrupted(text, found)


def merge_interrupted(text: str, found: list[QuoteCandidate]) -> list[QuoteCandidate]:
    """“A,” he said. “B.” -> one quote from A to B whose fragments are the quoted parts."""
    merged: list[QuoteCandidate] = []
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


def _without_closing_marks(inner: str) -> str:
    """The quoted words without the closing marks of a quote they end in ("… he said, 'No.'\"")."""
    return inner.rstrip().rstrip("'\u2019\"\u201d").rstrip()


def _introduced_before(before: list[Token], inner: str, cues: QuoteKnowledge) -> bool:
    """True for a whole-sentence quote its cue introduces ("Polak said, “I am … church.”"):
    a cue and a comma or colon right before the marks, a sentence end inside them."""
    words = [t for t in before if not t.is_space]
    inner = _without_closing_marks(inner)
    return (
        len(words) >= 2
        and words[-1].text in (",", ":")
        and is_cue(words[-2], cues, beside_quote=True)
        and inner[-1:] in SENTENCE_END
    )


def _names_addressee(before: list[Token], cue: Token) -> bool:
    """True when the quoted span right after the cue is its object, not an utterance:
    no punctuation between the cue (or its preposition) and the opening mark."""
    words = [t for t in before if not t.is_space]
    return bool(words) and not words[-1].is_punct and words[-1].i >= cue.i


def _same(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def _direct_speaker(
    cue: Token, window: list[Token], span: QuotedSpan, cues: QuoteKnowledge
) -> Token | None:
    """The cue's subject, unless the parse put it inside the quote or across a paragraph."""
    subject = _speaker_token(cue, cues)
    inside = subject is not None and span.open_mark <= subject.idx < span.end + 2
    if subject is not None and not inside and not crosses_paragraph(subject, cue):
        return subject
    nouns = [
        t
        for t in window
        if t.i != cue.i
        and t.pos_ in ("PROPN", "NOUN", "PRON")
        and (t.head.i == cue.i or t.head.i not in {w.i for w in window})
    ]
    return nouns[0] if nouns else None


def _describes_quote(cue: Token, cues: QuoteKnowledge) -> bool:
    """A relative clause after the marks (“a bomber task force,” which suggested …): the
    quoted words are its antecedent, and the clause is the writer's comment on them."""
    subject = _speaker_token(cue, cues)
    return subject is not None and subject.lower_ in SUBJECT_RELATIVES


def _reports_own_clause(cue: Token) -> bool:
    """True for a cue after a quote that reports a clause of its own, outside quotation
    marks (“… but said "the question is the timing." Gov. Pat McCrory said it would be
    …”): the quote before it is another speaker's."""
    doc = cue.doc
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i < cue.i or clause.tag_ == "VBG":
            continue
        # Only words between: no mark, and no comma ("told Stumpf, after he admitted …"
        # is the parse hanging an adverbial on the cue).
        if not any(t.is_punct for t in doc[cue.i + 1 : clause.left_edge.i + 1]):
            return True
    return False


def _introduces(after: list[Token], cue: Token) -> bool:
    """True when a cue after a quote belongs to it: only its own subject comes between
    ("“…,” the agency said"), not another clause ("“…” Trump was defensive … who said")."""
    between = [t for t in after if t.i < cue.i]
    if cue.pos_ not in ("VERB", "AUX"):  # the last word of "according to"
        return len(between) < 3
    return cue.left_edge.i <= after[0].i or all(
        t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT", "PRON", "NUM", "SPACE")
        for t in between
    )


def _stands_alone(
    before: list[Token], after: list[Token], inner: str, cues: QuoteKnowledge
) -> bool:
    """A whole utterance, not a fragment woven into the sentence around it."""
    words = [t for t in before if not t.is_space]
    if words:
        last = words[-1]
        if last.text == ",":
            if not any(is_cue(t, cues, True) or source_phrase_at(t, cues) for t in words):
                return False
        elif last.text != ":" and not is_cue(last, cues, True):
            return False
    inner = _without_closing_marks(inner)  # a quote ending in a quote
    if inner and inner[-1] in ".,!?;:\u2026-\u2014":
        return True
    # An unpunctuated quote opening a sentence must be followed by its cue ("“No” he said").
    following = [t for t in after if not t.is_space and not t.is_punct]
    return bool(following) and _cue_in(after, cues, first=True) is not None


def _continues(text: str, previous: QuoteCandidate, span: QuotedSpan) -> bool:
    """A cue-less quote goes on with the previous one: the same marks, and only the previous
    cue's sentence or one paragraph break between them (a ‘Heading.’ in other marks does not)."""
    first = previous.fragments[0]
    same_marks = _is_single(text, first.open_mark) == _is_single(text, span.open_mark)
    return same_marks and _adjacent(text, previous.end, span.open_mark)


def _is_single(text: str, mark: int) -> bool:
    return text[mark] in "\u2018'" and not text.startswith("''", mark)


def _adjacent(text: str, previous_end: int, open_mark: int) -> bool:
    """True when only marks, the previous cue's sentence or one paragraph break lie between."""
    between = text[previous_end:open_mark]
    paragraphs = [p.strip() for p in between.split("\n") if p.strip()]
    return between.count("\n\n") <= 1 and len(between) < 200 and len(paragraphs) <= 1


def _cue_in(window: list[Token], cues: QuoteKnowledge, first: bool) -> Token | None:
    """The cue verb or source phrase in a window beside a quote."""
    ordered = window if first else list(reversed(window))
    for token in ordered:
        if is_cue(token, cues, beside_quote=True):
            return token
        end = source_phrase_at(token, cues)
        if end is not None:
            return end
    return None


def _speaker_token(cue: Token, cues: QuoteKnowledge) -> Token | None:
    if cue.pos_ in ("VERB", "AUX"):
        return cue_subject(cue, cues.passive_speakers)
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

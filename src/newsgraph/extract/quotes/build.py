"""Quotes: direct, mixed and indirect speech with their speakers.

Two steps. First find candidates: quoted spans of the raw text that stand as whole
utterances ("direct"; their cue sits before or after the marks, or they continue the
previous speaker's quote), and cue verbs / source phrases whose reported content is a
clause ("indirect", or "mixed" when it carries quoted fragments). Then build records,
resolving each cue's subject to a speaker entity.

Direct quotes are found in ``quote_direct``, reported speech in ``reported_speech``,
speakers in ``speakers``; quotation marks are paired in ``quote_marks``.

An interrupted direct quote is one record whose ``text`` holds only its quoted parts,
joined by " … "; its offsets span them all and ``fragments`` locate each.

``confidence``: 0.9 direct with its own cue, 0.7 direct continuing an earlier quote,
0.8 mixed, 0.7 indirect, 0.6 "according to" — fixed estimates, not calibrated.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.quotes.candidates import QuoteCandidate, trim_quote
from newsgraph.extract.quotes.cues import source_phrase_ending
from newsgraph.extract.quotes.direct import find_direct
from newsgraph.extract.quotes.reported import find_reported
from newsgraph.extract.quotes.speakers import SpeakerResolver
from newsgraph.ids import record_id
from newsgraph.knowledge.quotes import QuoteKnowledge
from newsgraph.model import ActorRef, Article, Quote, Span

GAP = " … "  # stands for the attribution between the parts of an interrupted quote


def extract_quotes(context: ArticleContext) -> list[Quote]:
    """Every quote of the article with its speaker entity, or null."""
    doc, article, quoted = context.doc, context.article, context.quoted
    cues = context.knowledge.quotes
    text = doc.text  # rebuilt from the tokens on every access: once here
    direct = find_direct(doc, quoted, cues, text)
    reported = find_reported(doc, quoted, direct, cues, text)
    resolver = SpeakerResolver(context)
    candidates = sorted(direct + reported, key=lambda c: c.start)
    return build_quotes(candidates, article, resolver, cues)


def build_quotes(
    candidates: list[QuoteCandidate],
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
        fragments = [Span(*trim_quote(article.text, f.start, f.end)) for f in candidate.fragments]
        quotes.append(
            Quote(
                id=record_id(article.id, "quote", candidate.start, candidate.end, candidate.kind),
                text=_quoted_words(article.text, candidate, fragments),
                start=candidate.start,
                end=candidate.end,
                kind=candidate.kind,
                cue=_cue_text(cue, cues),
                fragments=fragments,
                speaker=speaker,
                confidence=candidate.confidence,
            )
        )
    return quotes


def _quoted_words(text: str, candidate: QuoteCandidate, fragments: list[Span]) -> str:
    """A direct quote's words: an interrupted one ("“A,” he said. “B.”") is its quoted
    parts joined by " … ", without the attribution between them (``start``/``end`` still
    span A to B, and ``fragments`` give each part's offsets)."""
    if candidate.kind == "direct" and fragments:
        return GAP.join(text[f.start : f.end] for f in fragments)
    return text[candidate.start : candidate.end]


def _cue_text(cue: Token | None, cues: QuoteKnowledge) -> str | None:
    """The cue as written: the verb, or the whole source phrase ("according to")."""
    if cue is None:
        return None
    phrase = None if cue.pos_ in ("VERB", "AUX") else source_phrase_ending(cue, cues)
    return phrase.text if phrase is not None else cue.text

"""Where and when an event happened: the place and time expression its predicate governs."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.event_actors import Actor
from newsgraph.extract.predicates import Predicate
from newsgraph.extract.tree import tree_of
from newsgraph.model import Place, PlaceRef, TimeRef


def attached(token: Token, predicate: Predicate) -> bool:
    """True when ``token`` depends on the predicate without passing through another verb."""
    own = {t.i for t in predicate.tokens}
    current = token
    for _ in range(8):
        if current.i in own:
            return True
        if current.i != token.i and current.pos_ == "VERB":
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def tokens_at(sentence: Span, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering [start, end) in the sentence."""
    tree = tree_of(sentence.doc)
    found = tree.char_span(start, end)
    if found is None or found[0] < sentence.start or found[1] > sentence.end:
        return None
    return tree.root(*found)


def event_date(predicate: Predicate, sentence: Span, dates: list[TimeRef]) -> str | None:
    """The value of the time expression the predicate governs in its sentence, if any."""
    for ref in dates:
        if ref.value and sentence.start_char <= ref.start and ref.end <= sentence.end_char:
            root = tokens_at(sentence, ref.start, ref.end)
            if root is not None and attached(root, predicate):
                return ref.value
    return None


def event_place(
    predicate: Predicate,
    sentence: Span,
    places: list[Place],
    sources: list[Actor],
    targets: list[Actor],
    target_is_place: bool = True,
) -> PlaceRef | None:
    """The place the predicate governs in its sentence ("met … in the Kremlin"), if any.

    A place that modifies an actor ("Pakistan Prime Minister …") or owns the source ("The
    government of Egypt ordered …") names who acts, not where ("rebels in the Ivory Coast"
    do act there). The target is the place only of an event done there
    (``target_is_place``: "travelled to Moscow", "shelled Kharkiv"), not of one addressed to
    it ("communicated to Pakistan our position")."""
    for place in places:
        for mention in place.mentions:
            if not (sentence.start_char <= mention.start and mention.end <= sentence.end_char):
                continue
            if any(a.start <= mention.start <= a.head for a in sources) or any(
                a.start <= mention.start < (a.head if target_is_place else a.end)
                for a in targets
            ):
                continue  # the source, or an actor's modifier: "Pakistan Prime Minister …"
            root = tokens_at(sentence, mention.start, mention.end)
            if root is not None and root.head.lower_ == "of" and any(
                a.start <= mention.start < a.end for a in sources
            ):
                continue  # the source's owner: "The government of Egypt"
            if root is not None and root.dep_ in ("compound", "amod", "poss", "nmod") and all(
                root.head.i != t.i for t in predicate.tokens
            ):
                continue  # it names a thing, not the event: "to discuss Libya–Turkey relations"
            if root is not None and attached(root, predicate):
                return PlaceRef(place.name, place.country, place.lat, place.lon)
    return None

"""Where and when an event happened: the place and time expression its predicate governs.

A predicate with no time expression of its own takes the time of the clause it belongs to
(a noun event that of the verb it is an argument of; an untensed or alike-tensed
subordinate or conjoined verb that of its governor), then a time phrase opening the
sentence ("Back in 2018, …"). Reported speech and relative clauses keep their own time,
except a relative clause on a time noun ("the last time they … was in 1972")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.events.arguments import Participant
from newsgraph.extract.events.predicates import Predicate
from newsgraph.extract.tree import tree_of
from newsgraph.model import Place, PlaceRef, TimeRef

# A clause in one of these relations shares its governor's time when it has none of its own:
# "filed … on February 10, accusing …", "ordered the network to shut down", "approved …, but
# it was dismissed", "launched missiles targeting US troops" (an -ing acl; a past participle,
# "forces opposed to the government", names a state); reported speech (ccomp) and relative
# clauses tell of other times.
SHARING = {"advcl", "xcomp", "conj", "acl", "pcomp"}
# "the last time [they] ordered …", "the fourth night that Serbians protested": a relative
# clause on a time noun happened at the time the clause around the noun gives.
TIME_NOUNS = {"time", "day", "night", "week", "month", "year", "moment", "occasion", "morning",
              "evening", "afternoon", "weekend"}
# "When they stormed … on Monday, police fired …": a clause of the same time lends its date
# to the clause it modifies; a clause before or after it only when hours apart ("Hours
# before the jet crashed on Wednesday, Iran launched …"), not "after Sharif travelled to
# Moscow in 1999" nor "two years after …".
TEMPORAL_MARKS = {"when", "as", "while", "once"}
SEQUENCE_MARKS = {"before", "after"}
NEAR_WORDS = {"hour", "minute", "moment", "shortly", "just", "immediately", "soon"}
FAR_UNITS = {"year", "decade", "century", "month"}
# "in recent years", "over the past decade", "in the seven decades following the war": acts
# spread over years, of no one day.
UNDATED = ""  # ``event_date``: told over years, of no one day (and not the publication day)
PERIOD_PREPS = {"in", "over", "during", "throughout", "across", "within"}
PERIOD_UNITS = {"year", "decade", "century"}
PERIOD_WORDS = {"recent", "past", "last", "previous", "preceding", "following"}
# Words that may open a sentence before its opening time phrase: "Back in 2018, …".
OPENERS = {"back", "in", "on", "at", "during", "by", "earlier", "later", "early", "late", "as",
           "of", "since", "the", "then", "and", "but"}


# A time expression inside a verb's subject or object dates that argument, not the verb's
# clause: "the taking of Crimea three years ago and its ongoing support … have challenged".
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj", "csubj", "csubjpass", "attr"}


def reaches(
    token: Token, heads: set[int], through_participles: bool = False, clause: bool = False
) -> bool:
    """True when ``token`` depends on one of ``heads`` without passing through another verb
    (with ``through_participles``, a participle modifying a noun is passed: "the martial law
    imposed back in 1972"; with ``clause``, not through the subject or object either)."""
    tree = tree_of(token.doc)
    pos, dep, head = tree.pos, tree.dep, tree.head
    first = current = token.i
    for _ in range(8):
        if current in heads:
            return True
        if current != first and pos[current] == "VERB" and not (
            through_participles and dep[current] == "acl" and tree.tag[current] == "VBN"
        ):
            return False
        if head[current] == current:
            return False
        if clause and current != first and head[current] in heads and dep[current] in ARGUMENTS:
            return False
        current = head[current]
    return False


def attached(token: Token, predicate: Predicate) -> bool:
    """True when ``token`` depends on the predicate without passing through another verb."""
    return reaches(token, {t.i for t in predicate.tokens})


def tokens_at(sentence: Span, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering [start, end) in the sentence."""
    tree = tree_of(sentence.doc)
    found = tree.char_span(start, end)
    if found is None or found[0] < sentence.start or found[1] > sentence.end:
        return None
    return tree.root(*found)


def tense(verb: Token) -> str | None:
    """"past", "present" or "future" for a finite verb group; None for an untensed one
    ("accusing", "to shut down", "imposed by …")."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"will", "shall", "'ll", "wo"} for a in auxes):
        return "future"
    tags = {verb.tag_, *(a.tag_ for a in auxes)}
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def own_date(
    heads: set[int], refs: list[tuple[Token, str]], through: bool = False, clause: bool = False
) -> str | None:
    """The value of the first time expression that depends on ``heads``."""
    for root, value in refs:
        if reaches(root, heads, through, clause):
            return value
    return None


def is_near_time_clause(verb: Token) -> bool:
    """"when they stormed …", "hours before the jet crashed …"; not "two years after …"."""
    words = [c for c in verb.children if c.dep_ in {"mark", "advmod", "npadvmod"}]
    near = {n.lemma_ for c in words for n in c.subtree}
    if near & FAR_UNITS:
        return False
    if any(c.lower_ in SEQUENCE_MARKS for c in words):
        return bool(near & NEAR_WORDS)
    return any(c.lower_ in TEMPORAL_MARKS for c in words)


def clause_date(verb: Token, refs: list[tuple[Token, str]]) -> str | None:
    """The date of a verb's clause, not of its subject or object: its own, else that of a
    conjoined verb sharing its subject ("was approved … and signed on Monday"), else that of
    a clause of time."""
    value = own_date({verb.i}, refs, through=verb.lemma_ == "be", clause=True)
    if value:
        return value
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.pos_ in {"VERB", "AUX"}
            and tense(child) in {None, tense(verb)}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        ):
            value = own_date({child.i}, refs, clause=True)
            if value:
                return value
        if child.dep_ == "advcl" and is_near_time_clause(child):
            value = own_date({child.i}, refs, clause=True)
            if value:
                return value
    return None


def on_time_noun(noun: Token) -> bool:
    """True when a relative clause's noun, or a noun it hangs from before the next verb, names
    a time ("the fourth night in a row that …")."""
    current = noun
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return False
        if current.lemma_ in TIME_NOUNS:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def in_relative_clause(token: Token) -> bool:
    """True when ``token`` is in a relative clause on a noun that names no time: such a clause
    tells of another time than the sentence around it."""
    return any(
        t.dep_ == "relcl" and not on_time_noun(t.head) for t in (token, *token.ancestors)
    )


def governor(token: Token) -> Token | None:
    """The verb whose clause ``token``'s clause takes its time from, or None.

    A noun event takes the time of the verb it is an argument of ("a Senate hearing was
    conducted on February 24"); a verb that of the clause it is subordinate or conjoined to,
    if tensed alike or untensed; a relative clause only when its noun names a time."""
    current = token
    for _ in range(10):
        if current.head.i == current.i:
            return None
        dep, head = current.dep_, current.head
        if current.pos_ in {"VERB", "AUX"}:
            if dep == "relcl":
                if not on_time_noun(head):
                    return None
            elif dep not in SHARING or (dep == "acl" and current.tag_ != "VBG"):
                return None
            elif dep == "conj" and head.pos_ in {"VERB", "AUX"}:
                mine, theirs = tense(current), tense(head)
                if mine is not None and theirs is not None and mine != theirs:
                    return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        current = head
    return None


def opening_date(sentence: Span, refs: list[tuple[Token, str]]) -> str | None:
    """The value of a time phrase that opens the sentence before a comma ("Back in 2018, …",
    "On Thursday, …"): it dates every clause that has no time of its own."""
    for root, value in refs:
        span = [t for t in root.subtree]
        first, last = span[0].i, span[-1].i
        if last + 1 >= sentence.end or sentence.doc[last + 1].text != ",":
            continue
        lead = sentence.doc[sentence.start : first]
        if len(lead) <= 3 and all(t.lower_ in OPENERS for t in lead):
            return value
    return None


def event_date(predicate: Predicate, sentence: Span, dates: list[TimeRef]) -> str | None:
    """The value of the time expression that dates the predicate in its sentence, if any;
    ``UNDATED`` when the nearest time it is told in is a span of years (``spans_years``).

    In order: one the predicate governs; one a verb conjoined to it (sharing its subject)
    or a clause of time under it governs; the same for each clause it takes its time from
    (``governor``); a time phrase opening the sentence."""
    refs = []
    for ref in dates:
        if ref.value and sentence.start_char <= ref.start and ref.end <= sentence.end_char:
            root = tokens_at(sentence, ref.start, ref.end)
            if root is not None:
                refs.append((root, ref.value))
    value = own_date({t.i for t in predicate.tokens}, refs)
    if value:
        return value
    head = predicate.head
    if head.pos_ in {"VERB", "AUX"}:
        value = clause_date(head, refs)
        if value:
            return value
    current: Token | None = head
    for _ in range(6):
        if over_years(current):
            return UNDATED
        current = governor(current)
        if current is None:
            break
        value = clause_date(current, refs)
        if value:
            return value
    if in_relative_clause(head):
        return None
    return opening_date(sentence, refs)


def over_years(token: Token) -> bool:
    """Whether a predicate or clause is told over a span of years: "trips he made in recent
    years", "Over the years, Russia has attacked …", "in the past decade … bombing a camp"."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in PERIOD_PREPS
        and any(spans_years(o) for o in prep.children if o.dep_ == "pobj")
        for prep in token.children
    )


def spans_years(noun: Token) -> bool:
    """A span of past years: "recent years", "the past two years", "the past decade", "the
    seven decades following the war", "over the years" ("the past year" is near enough to
    be dated; "in the coming years", "in two years" are to come)."""
    lemma = noun.lemma_.lower()
    if lemma not in PERIOD_UNITS or lemma == "year" and noun.tag_ != "NNS":
        return False
    words = {c.lower_ for c in noun.children}
    if words & PERIOD_WORDS:
        return True
    return noun.tag_ == "NNS" and words == {"the"} and noun.head.lower_ == "over"


def event_place(
    predicate: Predicate,
    sentence: Span,
    places: list[Place],
    sources: list[Participant],
    targets: list[Participant],
    target_is_place: bool = True,
) -> PlaceRef | None:
    """The place the predicate governs in its sentence ("met … in the Kremlin"), if any.

    A place that modifies an actor ("Pakistan Prime Minister …") or owns the source ("The
    government of Egypt ordered …") names who acts, not where ("rebels in the Ivory Coast"
    do act there). The target is the place only of an event done there
    (``target_is_place``: "travelled to Moscow", "shelled Kharkiv"), not of one addressed to
    it ("communicated to Pakistan our position")."""
    tree = tree_of(sentence.doc)
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
            if root is None:
                continue
            owner = tree.head[root.i]
            if tree.lower[owner] == "of" and any(
                a.start <= mention.start < a.end for a in sources
            ):
                continue  # the source's owner: "The government of Egypt"
            if tree.dep[root.i] in ("compound", "amod", "poss", "nmod") and all(
                owner != t.i for t in predicate.tokens
            ):
                continue  # it names a thing, not the event: "to discuss Libya–Turkey relations"
            if attached(root, predicate):
                return PlaceRef(place.name, place.country, place.lat, place.lon)
    return None

"""Events: who did what to whom, coded in CAMEO and PLOVER, with factuality, date and place.

Two steps per sentence: find the coded predicates (``predicates.find_predicates``), then build
one record per source–target pair of each (``build_events``).

Choices:
- Compound actors give one event per source–target pair, at most ``MAX_PAIRS`` per
  predicate. A reciprocal event (consult, cooperate, agree, support) with two or more sources
  and no target ("Pakistan and Russia held exercises") pairs the first source with the others.
- Reporting verbs ("said", "reported") are attribution, not events; they make the reported
  event's factuality ``reported``.
- An event its actor only announces ("agreed to share", "will give", "keen to sell") is coded
  as the intent (CAMEO 03x), a threatened one ("threatened to ban", "will withdraw … unless")
  as the threat (13x); the governing verb then gives no event of its own. An act that is
  only asked for ("demanded that Turkey provide …", "advised her to kill", "calls on all
  groups to seize … and join …") gives no event beside the appeal or demand; when that is
  not coded, the act is coded as hypothetical (``factuality``).
- An event made by saying (statement, appeal, demand, accusation, rejection, threat) with
  no agent of its own, inside what someone said, is the speaker's ("Price said it is
  every country's duty to voice objection to …").
- "X said Y must do Z" is a demand of X on Y (10x); "will not accept" a rejection (12x).
- A material act with no target of known country targets the country of its place
  ("imposed a curfew in Cizre" -> TUR); a thing acted upon stands for where it is.
- The date is the time expression the predicate governs, else the publication date; the
  place is the place it governs, never its source (``event_setting``).
- No event has the same actor as source and target, and the syndication notice gives none.

``confidence`` is how far a reader can trust the record, from the evidence a reader would
check (``confidence.py``: how specific the pattern is, whether the actors are coded and are
the predicate's own arguments, how the event is told); ``bench/audit.py`` prints precision
by its bands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.events.arguments import REFERRING, ActorResolver, Participant
from newsgraph.extract.events.confidence import Rater, floor, load_weights
from newsgraph.extract.events.factuality import PRESENT_TAGS, generic, obligation, telling
from newsgraph.extract.events.predicates import (
    DEFAULT,
    FINITE,
    SAID_MUST,
    SPEAKER_SIDE,
    SUBJECT_INHERITED,
    TARGET_PREPS,
    Predicate,
    adjunct_governor,
    find_predicates,
    to_infinitive,
)
from newsgraph.extract.events.setting import UNDATED, event_date, event_place
from newsgraph.extract.events.sourcing import about_sourcing, asks_a_question
from newsgraph.extract.tree import Tree, tree_of
from newsgraph.ids import record_id
from newsgraph.knowledge.events import CameoCode, EventKnowledge
from newsgraph.model import ActorRef, Article, Event, Place, PlaceRef, Quote, TimeRef
from newsgraph.model import Span as Offsets

MAX_PAIRS = 4
NESTED_PREPS = {"of", "for", "to", "on", "against", "with"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
ANNOUNCING = {"intended", "threat"}
INTENT_ROOT = "03"
SHOW_OF_FORCE = "15"
JOINING = frozenset({"join"})
CIVILIAN = "CVL"
# Demands, threats, protest and force: what civilians as such do that an analyst counts.
CIVILIAN_ROOTS = frozenset({"10", "13", "14", "17", "18", "19", "20"})
VERBAL_CONFLICT = 3  # quad classes 3 and 4 are conflict
# Events made by saying something (statements, appeals, demands, accusations, rejections,
# threats): without an agent of their own, inside reported speech, they are the speaker's.
PAST_TAGS = ("VBD", "VBN")
SAID_ROOTS = {"01", "02", "10", "11", "12", "13"}
NEWSROOM_ROOTS = frozenset({"02", "04", "09"})  # appeals, consultations, investigations
PLACE_VISITS = {"042", "043", "044"}
# Praise, defence, rallying support, recognition, apology, forgiveness: each of several
# actors does it to a third ("Britain and France praised …", "support from Bahrain, Jordan").
ONE_WAY = {"051", "052", "053", "054", "055", "056"}
OCCASION_PREPS = {"in", "at", "during"}  # "in an interview with …", "at a meeting with …"
FORCE_ROOTS = {"15", "17", "18", "19", "20"}
REQUEST_ROOTS = {"02", "10"}  # appeals and demands: what they ask for is not done
# An announced refusal of a verbal act has no code of its own ("said the FBI would not
# recommend charges" is no appeal, refused or negated: a decision told of something else).
UNREFUSABLE_ROOTS = {"01", "02", "10", "11"}
THREAT_ROOT = "13"
OBLIGING_MODES = ("demanded", "forbidden")  # "X said Y must (not) …": X's demand on Y
DEMAND = "100"  # what one says another must not do: a demand, whatever the act
REJECTION_ROOT = "12"  # negated, a rejection leaves the matter open ("would not rule out talks")
# Roles whose actors oppose their own state: facing one state's organs in an event, they are
# that state's ("Shona rebels attacked the Mozambique government"; decided here only).
OWN_STATE_OPPONENTS = {"REB", "OPP", "INS", "SEP"}
# A state (its government, or the country) commanding its own forces acts as one actor.
COMMANDING, FORCES = {"", "GOV"}, {"MIL", "COP"}
# Acts complete without a target (resigning, protesting): a broad verb default used without
# an object codes them from the subject alone.
UNDIRECTED = ("083", "14")
AIMING = {"at", "on", "against", "upon"}  # prepositions that aim a show of force at a target
AIMED_FORCE = "190"
SITES = frozenset({"LOC", "FAC"})  # entity types of places an act is done on, not aimed at
HARM_ROOTS = frozenset({"17", "18", "19", "20"})  # coercion and force: a place harmed is a target


def extract_events(
    context: ArticleContext, places: list[Place], dates: list[TimeRef], quotes: list[Quote]
) -> list[Event]:
    """Every event of the article, with factuality, date, place and evidence."""
    article, coder, kids, notices = (
        context.article, context.knowledge.events, context.tree, context.notices
    )
    resolver = ActorResolver(context, quotes, places)
    events: dict[str, Event] = {}
    ranks: dict[str, float] = {}  # record id -> its reading's specificity (``unique``)
    for sentence in paragraph_sentences(context.doc, article.text):
        if any(sentence.start_char < end and start < sentence.end_char for start, end in notices):
            continue
        predicates = without_nested(find_predicates(sentence, coder, kids), coder, kids)
        built = Built(
            {p.head.i: p for p in predicates},
            lambda p, s=sentence: build_events(
                p, s, article, resolver, places, dates, coder, kids, ranks
            ),
        )
        for predicate in predicates:
            if (
                announces_coded_event(predicate, built, coder, kids)
                or promises_an_act(predicate, coder, kids)
                or joins_an_act(predicate, kids)
                or agrees_that(predicate, kids)
                or is_requested(predicate, built, kids)
                or serves_cooperation(predicate, built, coder, kids)
            ):
                continue
            for event in built.get(predicate.head.i):
                if predicate.claimed and event.target is None:
                    told = told_before(event, events.values(), article)
                    ranks.setdefault(told.id, ranks[event.id])
                    event = told
                events.setdefault(event.id, event)
    least = floor(load_weights(context.knowledge.directory))
    return [e for e in unique(events.values(), ranks) if e.confidence >= least]


def told_before(event: Event, earlier: Iterable[Event], article: Article) -> Event:
    """A claimed act ("the Taliban later claimed the attack") is the act of that type the
    text told before: it takes that act's target."""
    found = None
    for other in earlier:  # in the order they were found: the last is the nearest
        if other.plover == event.plover and other.target is not None and (
            other.evidence.start < event.evidence.start
        ):
            found = other
    if found is None:
        return event
    target = found.target
    return replace(
        event,
        target=target,
        id=record_id(
            article.id, "event", event.evidence.start, event.evidence.end, event.cameo,
            actor_key(event.source), actor_key(target),
        ),
    )


def actor_key(ref: ActorRef) -> str:
    return ref.entity or ref.code or ref.name.lower()


class Built:
    """The events of a sentence's predicates by head token, built when first asked for: a
    predicate whose event another one stands for is never built."""

    def __init__(
        self, predicates: dict[int, Predicate], build: Callable[[Predicate], list[Event]]
    ) -> None:
        self.predicates, self.build = predicates, build
        self.events: dict[int, list[Event]] = {}

    def get(self, head: int) -> list[Event]:
        """The events of the predicate headed by token ``head`` (none when there is none)."""
        found = self.events.get(head)
        if found is None:
            predicate = self.predicates.get(head)
            found = self.events[head] = self.build(predicate) if predicate else []
        return found


def text_of(span: Span, text: str) -> str:
    """A span's text, sliced from the article's text (cheaper than joining its tokens)."""
    return text[span.start_char : span.end_char]


def paragraph_sentences(doc: Doc, text: str) -> list[Span]:
    """The parser's sentences, split again at paragraph breaks, which no sentence crosses."""
    parsed = tree_of(doc).sentences()
    if "\n\n" not in text:  # one paragraph: the parser's sentences as they are
        return [s for s in parsed if text_of(s, text).strip()]
    sentences = []
    for sentence in parsed:
        if "\n\n" not in text_of(sentence, text).strip():
            sentences.append(sentence)
            continue
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n\n" in token.text and token.i > start:
                sentences.append(doc[start : token.i])
                start = token.i + 1
        if start < sentence.end:
            sentences.append(doc[start : sentence.end])
    return [s for s in sentences if text_of(s, text).strip()]


def announces_coded_event(
    predicate: Predicate, built: Built, coder: EventKnowledge, kids: Tree
) -> bool:
    """True for an announcing verb ("agreed to", "threatened to") whose embedded event was
    coded: that event, coded as the intent or threat, stands for both."""
    head = predicate.head
    if coder.role(kids.lemma[head.i]) not in ANNOUNCING:
        return False
    return any(built.get(c.i) for c in kids.with_dep(head, ("xcomp", "ccomp")))


def promises_an_act(predicate: Predicate, coder: EventKnowledge, kids: Tree) -> bool:
    """A vow, pledge or promise to do a hostile act ("vowed to hit back hard", "vowed to
    fight poverty"), by its default code (intent to cooperate, 03): no cooperation is
    promised. The act is the event when it codes (``announces_coded_event``: a threat);
    when it codes nothing, neither does the vow. A promise of an act with no hostile
    sense ("promised to democratize Serbia") keeps its intent."""
    head = predicate.head
    return (
        predicate.frame == "default"
        and predicate.code[:2] == INTENT_ROOT
        and coder.has_role(kids.lemma[head.i], "commissive")
        and any(
            to_infinitive(c, kids) and hostile(kids.lemma[c.i], coder)
            for c in kids.with_dep(head, ("xcomp",))
        )
    )


def agrees_that(predicate: Predicate, kids: Tree) -> bool:
    """ "We agree now is the time for North Korea to end …", "agreed that … we're not safer
    today": agreeing that something is so is an opinion told, not an intent to cooperate
    (03). Agreeing that an act is to come ("agreed that their countries should cooperate",
    "that the talks would resume") is one: the clause has a modal."""
    head = predicate.head
    return (
        predicate.frame == "default"
        and predicate.code[:2] == INTENT_ROOT
        and not any(to_infinitive(c, kids) for c in kids.with_dep(head, ("xcomp",)))
        and any(statement_clause(c, kids) for c in kids.with_dep(head, ("ccomp",)))
    )


def statement_clause(verb: Token, kids: Tree) -> bool:
    """A finite clause with a subject and no modal: what is, not what is to be done."""
    return (
        bool(kids.with_dep(verb, ("nsubj", "nsubjpass", "expl")))
        and kids.tag[verb.i] in FINITE
        and not any(kids.tag[a.i] == "MD" for a in kids.with_dep(verb, ("aux",)))
    )


def joins_an_act(predicate: Predicate, kids: Tree) -> bool:
    """ "Japan joined the President in condemning the act", "joined France in imposing
    lockdowns": the act joined in is the event (its own predicate), not a cooperation with
    the one joined."""
    head = predicate.head
    return kids.lemma[head.i] in JOINING and any(
        kids.lower[p.i] == "in"
        and any(kids.tag[c.i] == "VBG" for c in kids.with_dep(p, ("pcomp",)))
        for p in kids.with_dep(head, ("prep",))
    )


def hostile(lemma: str, coder: EventKnowledge) -> bool:
    """Whether a verb's default code is conflict, verbal or material (quad class 3 or 4)."""
    default = coder.lookup("VERB", lemma).get(DEFAULT)
    found = coder.codes.get(default.code) if default is not None and default.code else None
    return found is not None and found.quad_class >= VERBAL_CONFLICT


def aimed_at(predicate: Predicate, targets: list[Participant], kids: Tree) -> bool:
    """Whether a target is the object of "at", "on" or "against" on the predicate itself;
    not a region or site "on" which it is done ("deploying bombers … perhaps on the Arabian
    Peninsula": where, not at whom)."""
    head = predicate.head.i
    for target in targets:
        span = kids.char_span(target.start, target.end)
        if span is None:
            continue
        token = kids.root(*span).i
        prep = kids.head[token]
        if kids.dep[token] != "pobj" or kids.lower[prep] not in AIMING or kids.head[prep] != head:
            continue
        if kids.lower[prep] == "on" and kids.ent_type[token] in SITES:
            continue
        return True
    return False


def serves_cooperation(
    predicate: Predicate, built: Built, coder: EventKnowledge, kids: Tree
) -> bool:
    """True for an act whose purpose clause tells what it is, across the line between
    cooperation and conflict: force used "to help Azerbaijan" is aid, not a threat or an
    assault; troops deployed "to fight the rebels" are no aid. The purpose stands for it."""
    cameo = coder.codes.get(predicate.code)
    if cameo is None or cameo.quad_class not in (2, 4):
        return False
    other_side = (1, 2) if cameo.quad_class == 4 else (4,)
    for clause in kids.with_dep(predicate.head, ("advcl",)):  # a purpose, not "pressed X to"
        if not any(kids.lower[c.i] == "to" for c in kids.with_dep(clause, ("aux", "mark"))):
            continue
        purpose = built.get(clause.i)
        if purpose and all(e.quad_class in other_side for e in purpose):
            return True
    return False


def is_requested(predicate: Predicate, built: Built, kids: Tree) -> bool:
    """True for an act someone only asked for ("demanded that Turkey provide information",
    "calls on all groups to seize the opportunity and join …", "called for sanctions",
    "called on Muslims everywhere to kill …"): the
    appeal or demand that was coded stands for it. A second verb of a coordination is asked
    for with the first."""
    head, dep = predicate.head.i, kids.dep
    while dep[head] == "conj" and kids.head[head] != head:
        head = kids.head[head]
    if dep[head] == "pobj" and kids.lower[kids.head[head]] == "for":
        head = kids.head[head]  # "called for sanctions"
    elif dep[head] not in ("ccomp", "xcomp") and not infinitive(head, kids):
        return False
    if kids.head[head] == head:
        return False
    asked = built.get(kids.head[head])
    return bool(asked) and asked[0].cameo_root in REQUEST_ROOTS


def infinitive(head: int, kids: Tree) -> bool:
    """An infinitive clause the parser hangs on a verb as an adverbial ("called on Muslims
    everywhere to kill …"): after an appeal, what it asks for."""
    return kids.dep[head] == "advcl" and to_infinitive(kids.tokens[head], kids)


def without_nested(
    predicates: list[Predicate], coder: EventKnowledge, kids: Tree
) -> list[Predicate]:
    """Drop an event noun that is the object of a coded verb ("accepted demands", "rejected
    an appeal"), the word its preposition frame names ("withdrew from the talks" is 164,
    not talks besides), or lies inside a verb event of the same CAMEO root ("met … in talks"). A
    broad verb default ("pressed demands") may come to nothing, so it drops no noun."""
    heads = {p.head.i: p for p in predicates if not p.gated}
    kept = []
    for predicate in predicates:
        head = predicate.head.i
        if predicate.kind == "noun" and (
            (kids.dep[head] in ("dobj", "obj") and kids.head[head] in heads)
            or named_by_frame(predicate, heads, kids)
            or governed_by_same_type(predicate, heads, coder, kids)
        ):
            continue
        kept.append(predicate)
    return kept


def named_by_frame(predicate: Predicate, heads: dict[int, Predicate], kids: Tree) -> bool:
    """True for an event noun that is the very word of a verb's preposition frame: "talks"
    in "withdrew from the talks" (``withdraw prep:from:@meeting``), "pulled out of the
    summit"; the verb's code already says what happened to them."""
    noun = predicate.head.i
    if kids.dep[noun] != "pobj":
        return False
    prep = kids.head[noun]
    token = kids.head[prep]
    if kids.dep[token] == "prep" and kids.head[token] != token:
        token = kids.head[token]  # "out of": the particle's verb
    verb = heads.get(token)
    pattern = verb.pattern if verb is not None else None
    return (
        pattern is not None and pattern.kind == "prep_word" and pattern.prep == kids.lower[prep]
        and pattern.word in (kids.lemma[noun], kids.lower[noun])
    )


def governed_by_same_type(
    predicate: Predicate, heads: dict[int, Predicate], coder: EventKnowledge, kids: Tree
) -> bool:
    """True when a governing predicate codes the same kind of event ("met … in talks")."""
    kind = plover_or_root(predicate.code, coder)
    token = predicate.head.i
    for _ in range(6):
        if kids.head[token] == token:
            return False
        token = kids.head[token]
        other = heads.get(token)
        if other is not None and plover_or_root(other.code, coder) == kind:
            return True
    return False


def plover_or_root(code: str, coder: EventKnowledge) -> str:
    cameo = coder.codes.get(code)
    return (cameo.plover if cameo else None) or code[:2]


def build_events(
    predicate: Predicate,
    sentence: Span,
    article: Article,
    resolver: ActorResolver,
    places: list[Place],
    dates: list[TimeRef],
    coder: EventKnowledge,
    kids: Tree,
    ranks: dict[str, float],
) -> list[Event]:
    """The records of one predicate: one per source–target pair (each record's specificity
    put in ``ranks``)."""
    if predicate.gated and not gate_may_open(predicate, coder, kids):
        return []  # decided from the parse alone, before any actor is resolved
    source_heads = own_source_heads(predicate, resolver, coder, kids)
    target_heads: Iterable[Token] = predicate.targets
    if predicate.kind == "noun" and not first_actors(
        source_heads, resolver, expand=predicate.expand_sources
    ):
        return []  # an event noun with no actor of its own ("the talks") codes nothing
    if generic(predicate.head, coder, kids):
        return []  # "When people harm Americans, we don't retreat": a rule, not an act
    if about_sourcing(predicate.head, coder, kids) or discussed_by_a_source(predicate, coder, kids):
        return []  # "spoke on condition of anonymity to discuss": how a source spoke
    if asks_a_question(predicate.head, coder, kids):
        return []  # "asked Psaki if her predecessor was truthful": a question, no appeal
    told_code = coder.codes.get(predicate.code)
    material = told_code is not None and told_code.quad_class in (2, 4)
    rejection = predicate.code[:2] == REJECTION_ROOT
    fact, mode = telling(predicate.head, coder, kids, material, rejection)
    if fact is None:
        return []  # "it's not like the media want to violate …": no act is told
    speakers = speaker_of(predicate.head, coder, kids) if mode in OBLIGING_MODES else []
    if mode in OBLIGING_MODES and lays_on_itself(predicate, speakers, resolver, kids):
        # "Netanyahu said Israel must attack Iran", "we have to act": what the speaker's
        # side must do is its own intent (or, "must not", its refusal), no demand
        if by_must_alone(predicate):
            return []  # "we must act": only "must" made it an event
        bound = obligation(predicate.head, coder, kids)
        if bound is not None and kids.tag[bound.i] == "VBD":
            mode = None  # "MPs said they had to hold the debate": done, and told as said
        else:
            mode = "intended" if mode == "demanded" else "refused"
            if mode == "intended" and recoded(predicate.code, mode, coder)[:2] != THREAT_ROOT:
                fact = "intended"  # a threat so made is told as the threatening is: said
        speakers = []
    if mode == "refused" and predicate.code[:2] in UNREFUSABLE_ROOTS:
        return []
    code = recoded(predicate.code, mode, coder)
    cameo = coder.codes.get(code) or coder.codes.get(code[:3]) or coder.codes.get(code[:2])
    if cameo is None:
        return []
    if mode in OBLIGING_MODES:  # "Russia said Sudan must return …": of Sudan
        source_heads, target_heads = speakers, predicate.sources
    sources = event_sources(predicate, source_heads, cameo.code, resolver, coder, kids)
    if not sources:
        return []
    targets = event_targets(predicate, target_heads, sources, cameo, resolver, kids)
    if not targets and predicate.kind == "noun" and code[:2] in REQUEST_ROOTS:
        targets = asked(predicate, resolver, sources)
    sources, targets = without_stand_ins(sources, targets, cameo)
    if not sources or newsroom_routine(code, sources, targets):
        return []
    sources, targets = opponents_of_their_state(sources, targets)
    sources = with_conjuncts_country(sources)
    date = event_date(predicate, sentence, dates)
    if date is None:
        date = article.published
    elif date == UNDATED:
        date = None  # an act told over years has no day, and not the publication day's
    place = event_place(
        predicate, sentence, places, sources, targets, target_is_place=done_in_place(cameo.code)
    )
    done = coder.codes.get(predicate.code, cameo)
    material = done.quad_class in (2, 4) or done.code[:2] == "14"
    if (
        material and place is not None and place.country
        and not any(t.specific for t in targets)
        and not at_home(done, place.country, sources)
    ):
        # A material act with no target of known country affects the place it is done in:
        # "imposed a curfew in Cizre" -> Turkey, "evacuate settlements in Gaza" -> Palestine.
        targets = [place_actor(place, sources[0])]
    if predicate.gated and not gate_open(predicate, sources, targets, coder, kids):
        return []
    # A source the coder cannot code ("a man", "residents", a person it does not know) makes
    # no event: on unseen news most are wrong senses or wrong arguments, and an analyst cannot
    # count an act of no one. A named organisation or group is an actor by nature ("the Umma
    # party").
    sources = [a for a in sources if a.ref.code or is_group(a, resolver)]
    if cameo.code[:2] not in CIVILIAN_ROOTS:
        # Civilians as such ("people", "residents", "Canadians") demand, threaten, protest
        # and fight; what else they say, agree, ask or reject is no event between
        # political actors.
        sources = [a for a in sources if not civilians(a)]
    if not sources:
        return []
    if code[:2] == "15" and mode is None and aimed_at(predicate, targets, kids):
        # A show of force aimed at an actor ("fired shells at targets in Jericho", "fired
        # missiles at Saudi Arabia") is an attack with it.
        code, cameo = AIMED_FORCE, coder.codes.get(AIMED_FORCE, cameo)
    context = resolver.context
    rate = Rater(
        load_weights(context.knowledge.directory), predicate, fact,
        context.in_quote(predicate.head.idx), kids,
    )
    told = Told(cameo, fact, date, place, rate)
    records = []
    for source, target in actor_pairs(sources, targets, code)[:MAX_PAIRS]:
        event = event_record(predicate, sentence, article, told, source, target)
        span = article.text[event.evidence.start : event.evidence.end]
        ranks.setdefault(event.id, rate.specificity(source, target, span))
        records.append(event)
    return records


def own_source_heads(
    predicate: Predicate, resolver: ActorResolver, coder: EventKnowledge, kids: Tree
) -> list[Token]:
    """The predicate's source heads, without those of an event noun that say where ("the
    Benghazi attacks", "the Paris talks") or what it is about ("the Pakistan threat", "the
    Iran nuclear agreement": nouns of the word class "topic")."""
    if predicate.kind != "noun":
        return predicate.sources
    topic = predicate.head.lemma_.lower() in coder.topics
    aimed = predicate.head.lemma_.lower() in coder.aimed
    return [
        t for t in predicate.sources
        if not (kids.dep[t.i] == "compound" and resolver.places.is_city(t))
        and not (topic and kids.dep[t.i] in ("compound", "nmod", "amod"))
        and not (aimed and place_aimed_at(t, predicate.head, resolver, kids))
    ]


def place_aimed_at(token: Token, noun: Token, resolver: ActorResolver, kids: Tree) -> bool:
    """Whether the compound modifier of an event noun of the word class ``aimed`` is a place
    called by its name, which the act is aimed at, not its actor: "the Russia investigation",
    "new Iran sanctions". An abbreviation is used as an adjective ("U.S. sanctions", "EU
    sanctions"), and an adjective names the actor ("the Andorran probe"): theirs stay."""
    text = kids.tokens[token.i].text
    return (
        kids.dep[token.i] == "compound" and kids.head[token.i] == noun.i
        and "." not in text and not text.isupper()
        and resolver.places.country_within(kids.starts[token.i], kids.ends[token.i]) is not None
    )


def event_sources(
    predicate: Predicate,
    heads: list[Token],
    code: str,
    resolver: ActorResolver,
    coder: EventKnowledge,
    kids: Tree,
) -> list[Participant]:
    """The actors of the source heads; a statement with no subject of its own (or only "it")
    is the speaker's ("Price said … it was the responsibility … to voice objection"); one
    whose subject names no actor ("said the law has condemned …") is not."""
    sources = first_actors(heads, resolver, expand=predicate.expand_sources)
    if restricted(predicate.head, heads, kids):  # the conjuncts lend a country, no more
        own = {kids.starts[t.i] for t in heads}
        sources = [a for a in with_conjuncts_country(sources) if a.head in own] or sources
    if (
        not sources
        and not any(kids.pos[t.i] in ("NOUN", "PROPN") or names_no_one(t, kids) for t in heads)
        and not predicate.passive
        and predicate.kind != "noun"
        and kids.dep[predicate.head.i] != "acl"  # "This threat to kill civilians": its own
        and not lost_subject(predicate.head, kids)
        and code[:2] in SAID_ROOTS
    ):
        doers = gerund_doers(predicate.head, kids)  # "responded by threatening": Trump's
        if doers is None:
            doers = speaker_of(predicate.head, coder, kids)
        sources = first_actors(doers, resolver, expand=True)
    return sources


def discussed_by_a_source(predicate: Predicate, coder: EventKnowledge, kids: Tree) -> bool:
    """An event noun that is only what a source asked anonymity to discuss ("who asked for
    anonymity to discuss the classified U.S. probe", "to discuss details of the operations"):
    the sentence tells how the source spoke; the act is told, if at all, elsewhere."""
    if predicate.kind != "noun":
        return False
    i = predicate.head.i
    for _ in range(3):
        if kids.dep[i] not in ("dobj", "pobj", "prep") or kids.head[i] == i:
            return False
        i = kids.head[i]
        if kids.pos[i] == "VERB":
            return about_sourcing(kids.tokens[i], coder, kids)
    return False


def names_no_one(subject: Token, kids: Tree) -> bool:
    """A subject of its own that stands for no actor, so the speaker's act it is not: a
    demonstrative or an indefinite ("he said this would threaten Israel", "some would attack")
    or a relative pronoun ("those who planted the bombs")."""
    word = kids.lower[subject.i]
    return kids.pos[subject.i] in ("PRON", "DET") and word not in REFERRING


def lost_subject(verb: Token, kids: Tree) -> bool:
    """Whether the verb is, or shares the subject of, a present-tense verb with no subject
    under a past-tense one: a verb of the reported clause whose subject the parser lost ("said
    that … the resolution reflects the facts, condemns violence … while also calling on both
    sides"), not the speaker's. A past tense like the governor's is its conjunct
    ("has declared …, threatened to launch strikes": the speaker's)."""
    for _ in range(4):
        up = kids.head[verb.i]
        if (
            kids.tag[verb.i] in PRESENT_TAGS
            and kids.tag[up] in PAST_TAGS
            and not kids.with_dep(verb, ("nsubj", "nsubjpass", "expl"))
        ):
            return True
        if kids.dep[verb.i] not in SUBJECT_INHERITED or up == verb.i:
            return False
        verb = kids.tokens[up]
    return False


def gerund_doers(verb: Token, kids: Tree) -> list[Token] | None:
    """The subject of the verb a gerund's phrase modifies, which does the gerund ("Trump
    responded by threatening Kim", "Trudeau double-crossed Trump by criticizing him"; "in
    addition to condemning settlements, the resolution reflects …": the resolution, no
    actor), rather than the speaker's; None when the gerund is no such adjunct."""
    if kids.dep[verb.i] != "pcomp" or kids.tag[verb.i] != "VBG":
        return None
    governor = adjunct_governor(verb, kids)
    if governor is None:
        return None
    return kids.with_dep(governor, ("nsubj",)) or None


def restricted(verb: Token, heads: list[Token], kids: Tree) -> bool:
    """Whether the source is a later conjunct a relative clause restricts: in "she and other
    lawmakers who visited Assad" only the other lawmakers visited."""
    return kids.dep[verb.i] == "relcl" and any(
        kids.dep[t.i] == "conj" and kids.head[verb.i] == t.i for t in heads
    )


def asked(
    predicate: Predicate, resolver: ActorResolver, sources: list[Participant]
) -> list[Participant]:
    """Whom an appeal or demand named by a noun asks: the subject of the verb that answers
    it ("Norway has already turned down a U.S. request to assist")."""
    kids, noun = resolver.kids, predicate.head
    if kids.dep[noun.i] not in ("dobj", "obj") or kids.head[noun.i] == noun.i:
        return []
    answering = kids.tokens[kids.head[noun.i]]
    taken = {a.key for a in sources}
    return [
        a for a in first_actors(kids.with_dep(answering, ("nsubj",)), resolver, expand=True)
        if a.key not in taken
    ]


def event_targets(
    predicate: Predicate,
    heads: Iterable[Token],
    sources: list[Participant],
    cameo: CameoCode,
    resolver: ActorResolver,
    kids: Tree,
) -> list[Participant]:
    """The actors of the target heads: never those of the occasion an act is told in ("in
    remarks to Marines", "in an interview with Reuters"), nor the place something was said
    or agreed in or about (a visit's place is its target), nor, between parties meeting or agreeing,
    a country that only names what they discuss ("… gathered to discuss Libya–Turkey
    relations")."""
    heads = (t for t in heads if not in_occasion(t, kids, predicate.head))
    said = cameo.quad_class in (1, 3) and not done_in_place(cameo.code)
    if said:
        heads = (t for t in heads if not is_setting(t, kids))
    targets = target_actors(heads, resolver, sources)
    if said:
        # "discuss the conflict in Ukraine", "urged a cease-fire in Idlib": a thing said or
        # agreed about is not the country it is in
        targets = [t for t in targets if not t.placed]
    if len(sources) > 1 and cameo.code[:2] in RECIPROCAL_ROOTS:
        targets = [t for t in targets if not t.owner]
    if cameo.code[:2] not in HARM_ROOTS:
        targets = [t for t in targets if not is_named_site(t, resolver)]
    return targets


def is_named_site(actor: Participant, resolver: ActorResolver) -> bool:
    """A region, a building or another named place the actor dictionary does not code ("the
    Arabian Peninsula", "Europe", "a customs plaza"): where an act is done, no one it is done
    to, unless it is harmed (force used on a place codes its country). A place the
    dictionary codes as an actor ("the West", "Northern Cyprus") stays one."""
    entity = actor.ref.entity
    return entity is not None and actor.ref.code is None and any(
        e.id == entity and e.type in SITES for e in resolver.entities
    )


def without_stand_ins(
    sources: list[Participant], targets: list[Participant], cameo: CameoCode
) -> tuple[list[Participant], list[Participant]]:
    """Things that stand for an actor only in force (``stand_ins.tsv``): a source only of
    force ("a tank fired"), a target only of a material act or a visit ("shelled a village",
    "aid to villages"); elsewhere no actor ("condemning settlements", "flown by helicopter
    to Catania")."""
    force = cameo.code[:2] in FORCE_ROOTS
    if not force:
        sources = [a for a in sources if not a.stand_in]
    if not (cameo.quad_class in (2, 4) or done_in_place(cameo.code)):
        targets = [a for a in targets if not a.stand_in]
    return sources, targets


def opponents_of_their_state(
    sources: list[Participant], targets: list[Participant]
) -> tuple[list[Participant], list[Participant]]:
    """Rebels or an opposition with no country of their own, facing the government or the
    forces of one country in an event, are that country's ("rebel forces were fighting
    government troops" after "Assad's government …" -> SYRREB against SYRMIL)."""
    def state(actors: list[Participant]) -> str | None:
        countries = {a.ref.country for a in actors if role_of(a) in COMMANDING | FORCES}
        return countries.pop() if len(countries) == 1 and None not in countries else None

    def own(actors: list[Participant], country: str | None) -> list[Participant]:
        if country is None:
            return actors
        return [
            in_country(a, country)
            if not a.ref.country and (a.ref.code or "")[:3] in OWN_STATE_OPPONENTS else a
            for a in actors
        ]

    return own(sources, state(targets)), own(targets, state(sources))


def with_conjuncts_country(actors: list[Participant]) -> list[Participant]:
    """Coordinated actors of one role and one country: a role with no country takes its
    conjunct's ("she and other lawmakers who visited Assad" after Senator Clinton ->
    USALEG)."""
    known = {(role_of(a), a.ref.country) for a in actors if a.ref.country and role_of(a)}
    if len(known) != 1 or len(actors) < 2:
        return actors
    role, country = known.pop()
    return [
        in_country(a, country) if not a.ref.country and a.ref.code == role else a
        for a in actors
    ]


def in_country(actor: Participant, country: str) -> Participant:
    """The actor with a country put before its code ("REB" -> "SYRREB")."""
    return actor._replace(
        ref=replace(actor.ref, code=country + (actor.ref.code or ""), country=country)
    )


class Told(NamedTuple):
    """What one predicate tells, shared by the records of its actor pairs."""

    cameo: CameoCode
    factuality: str
    date: str | None
    place: PlaceRef | None
    rate: Rater  # the confidence of each of its records


def event_record(
    predicate: Predicate,
    sentence: Span,
    article: Article,
    told: Told,
    source: Participant,
    target: Participant | None,
) -> Event:
    """The record of one source–target pair: evidence from the predicate's words to its
    actors' (within the sentence), and its confidence (``confidence.py``)."""
    spans = [(t.idx, t.idx + len(t)) for t in predicate.tokens]
    spans += [(a.start, a.end) for a in (source, target) if a is not None]
    start = max(min(s for s, _ in spans), sentence.start_char)
    end = min(max(e for _, e in spans), sentence.end_char)
    cameo = told.cameo
    return Event(
        id=record_id(
            article.id, "event", start, end, cameo.code, source.key, target.key if target else "",
        ),
        source=source.ref,
        target=target.ref if target else None,
        cameo=cameo.code,
        cameo_root=cameo.code[:2],
        plover=cameo.plover,
        plover_mode=cameo.plover_mode,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        factuality=told.factuality,
        date=told.date,
        place=told.place,
        sentence=text_of(sentence, article.text),
        evidence=Offsets(start, end),
        confidence=told.rate(source, target, article.text[start:end]),
    )


def gate_open(
    predicate: Predicate,
    sources: list[Participant],
    targets: list[Participant],
    coder: EventKnowledge,
    kids: Tree,
) -> bool:
    """Whether a broad verb default (PETRARCH's, coding every sense of the verb) is an event
    here: the verb's own subject and its own object (or the object of one of its
    prepositions) are actors of two different countries (``international``). An act
    complete without a target (``UNDIRECTED``: "the minister resigned", "students rallied"),
    used without object or clause, needs only a coded subject. Arguments the verb inherits
    or borrows from further away do not open the gate: there a wrong sense does most harm;
    the subject of a vow or threat is the subject of what it vows (``subjects_of``)."""
    verb = predicate.head
    if predicate.passive or not sources or not all(a.ref.code for a in sources):
        return False
    own = {t.i for t in subjects_of(verb, coder, kids)}
    if not any(kids.root(*span).i in own for span in spans_of(sources, kids)):
        return False
    if not targets:
        return predicate.code.startswith(UNDIRECTED) and not kids.with_dep(
            verb, ("dobj", "obj", "dative", "ccomp", "xcomp")
        )
    objects = {t.i for t in kids.with_dep(verb, ("dobj", "obj", "dative"))}
    for prep in kids.with_dep(verb, ("prep",)):
        objects |= {t.i for t in kids.with_dep(prep, ("pobj",))}
    objects |= {c.i for o in list(objects) for c in kids.conjuncts(kids.tokens[o])}
    return international(sources, targets) and any(
        kids.root(*span).i in objects for span in spans_of(targets, kids)
    )


def civilians(actor: Participant) -> bool:
    """An actor coded only as a country's civilians (``CVL``): people, residents, voters;
    not a person named."""
    code = actor.ref.code or ""
    return not actor.person and code.endswith(CIVILIAN) and len(code) <= len(CIVILIAN) + 3


def is_group(actor: Participant, resolver: ActorResolver) -> bool:
    """Whether the actor is a named organisation or group (party, people, faith)."""
    entity = actor.ref.entity
    return entity is not None and any(
        e.id == entity and e.type in ("ORG", "NORP") for e in resolver.entities
    )


def gate_may_open(predicate: Predicate, coder: EventKnowledge, kids: Tree) -> bool:
    """What ``gate_open`` needs of the parse: an active verb with a subject of its own, and
    an object or a preposition unless its act needs no target."""
    verb = predicate.head
    if predicate.passive or not subjects_of(verb, coder, kids):
        return False
    return predicate.code.startswith(UNDIRECTED) or bool(
        kids.with_dep(verb, ("dobj", "obj", "dative", "prep"))
    )


def subjects_of(verb: Token, coder: EventKnowledge, kids: Tree) -> list[Token]:
    """A verb's own subjects; for the act a vow, pledge or threat announces ("vowed to
    retaliate against", "threatened to strike"; cue role ``commissive``), the subject of the
    announcing verb, whose act it is as surely as its own (subject control). Not for
    "seeking to", "plans to": an aim names no act as surely."""
    own = kids.with_dep(verb, ("nsubj",))
    if own or kids.dep[verb.i] != "xcomp":
        return own
    governor = kids.tokens[kids.head[verb.i]]
    if not coder.has_role(kids.lemma[governor.i], "commissive"):
        return own
    return kids.with_dep(governor, ("nsubj",))


def international(sources: list[Participant], targets: list[Participant]) -> bool:
    """Every source and target has a country, and no target shares a source's: an unknown
    verb sense between two states is far likelier the political one ("Iran increased
    cooperation with China") than one inside a state ("Biden defeats Trump", "the court
    ruled the practice unconstitutional")."""
    countries = {a.ref.country for a in sources}
    return None not in countries and all(
        a.ref.country and a.ref.country not in countries for a in targets
    )


def spans_of(actors: list[Participant], kids: Tree) -> list[tuple[int, int]]:
    """The token spans of the participants' phrases (those the parse can align)."""
    return [span for a in actors if (span := kids.char_span(a.start, a.end)) is not None]


def is_setting(token: Token, kids: Tree) -> bool:
    """A place the event happens in or at ("talks in Pakistan", "a rally at the Kremlin"), or
    a body it happens in ("voiced his concerns in Turkey's National Assembly")."""
    if kids.dep[token.i] != "pobj":
        return False
    prep, kind = kids.lower[kids.head[token.i]], kids.ent_type[token.i]
    return (prep in ("in", "at") and kind in ("GPE", "LOC", "FAC")) or (
        prep == "in" and kind == "ORG"
    )


def in_occasion(token: Token, kids: Tree, act: Token) -> bool:
    """An actor named inside the occasion an act is told in ("In an interview in April with
    Reuters, President Trump warned …"): the interviewer is no target of the warning. Not
    when the occasion is the act itself ("during his visit to London", "in his offensive
    against ISIS")."""
    dep, head = kids.dep, kids.head
    if dep[token.i] != "pobj" or dep[head[token.i]] != "prep":
        return False
    noun = head[head[token.i]]
    return noun != act.i and dep[noun] == "pobj" and kids.lower[head[noun]] in OCCASION_PREPS


def done_in_place(code: str) -> bool:
    """Whether an event's target may be where it happens: a visit (042–044) or force used
    on a place (15x, 17x–20x), not an act addressed to a country."""
    return code[:3] in PLACE_VISITS or code[:2] in FORCE_ROOTS


def by_must_alone(predicate: Predicate) -> bool:
    """A demand coded by "must" alone (``said_must``), whatever its verb: "said Sudan must
    return …", "we must act"."""
    return predicate.pattern is not None and predicate.pattern.origin == SAID_MUST


def lays_on_itself(
    predicate: Predicate, speakers: list[Token], resolver: ActorResolver, kids: Tree
) -> bool:
    """Whether what a speaker says must be done is its own side's to do: "we", "I", the
    speaker itself ("Iran said it must respond") or the state a government speaks for
    ("Netanyahu said Israel must attack Iran", "Rouhani said Iran needs to negotiate"). A
    legislator's or an opponent's "the United States must …" stays a demand on the state."""
    if predicate.kind == "noun":
        return False  # an event noun inside what is demanded is not the act demanded
    if any(kids.lower[t.i] in SPEAKER_SIDE for t in predicate.sources):
        return True
    quoted = resolver.context.in_quote(predicate.head.idx)
    heads = [
        t for t in predicate.sources  # "“Yes, he should run again!” said Flake": not Flake
        if not (quoted and kids.pos[t.i] == "PRON")
    ]
    said_by = first_actors(speakers, resolver, expand=True)
    obliged = first_actors(heads, resolver, expand=True)
    if all(kids.lower[t.i] == "it" for t in heads):
        obliged = [a for a in obliged if not a.person]  # "it" is never the person who spoke
    return any(
        speaker.key == actor.key
        or (
            speaker.ref.code is not None and speaker.ref.code == actor.ref.code
            and not (speaker.person and actor.person)  # "Corbyn said May should resign"
        )
        or (
            role_of(speaker) == "GOV" and actor.ref.country == speaker.ref.country
            and actor.ref.code == actor.ref.country
        )
        for speaker in said_by for actor in obliged
    )


def speaker_of(token: Token, coder: EventKnowledge, kids: Tree) -> list[Token]:
    """The subject of the reporting verb a clause depends on: "Price said … to voice objection"."""
    for _ in range(6):
        head = kids.head[token.i]
        if head == token.i:
            return []
        token = kids.tokens[head]
        if coder.has_role(kids.lemma[head], "reported"):
            return kids.with_dep(token, ("nsubj",))
    return []


def target_actors(
    candidates: Iterable[Token], resolver: ActorResolver, sources: list[Participant]
) -> list[Participant]:
    """The first candidate's actors, or, when those are only a role with no country, a later
    named one ("providing intelligence to Macedonia", "withdraw its troops from Lebanon").
    A source is no target, nor is an organ of the source's own state ("the government
    withdrew US troops from …": the target is where they leave), nor what is the source's by
    a possessive pronoun (``owned_by``), nor the topic of a deal ("his protest of the Iran
    nuclear agreement" is no protest against Iran)."""
    taken = {a.key for a in sources}
    first: list[Participant] = []
    level: Iterable[Token] = candidates
    for depth in range(3):  # the candidates, then their nested objects, breadth first
        nested: list[Token] = []
        for token in level:
            if first and not has_name(token, resolver.kids):
                continue  # after a country-less actor, only a name can do better
            located = is_object(token, resolver.kids)
            own = owned_by(token, sources, resolver)
            found = [
                a for a in resolver.resolve(token, located=located)
                if a.key not in taken and not any(same_state(s, a) for s in sources)
                and not (depth and a.owner)  # "a review of U.S. assistance": the U.S. gives it
                and not (own and a.ref.entity is None)  # "its ambassador", not "its EC partners"
                and not (a.owner and resolver.kids.lemma[token.i] in resolver.events.topics)
            ]
            if not found:
                if (depth or located) and not resolver.is_event(token):
                    # "part of an aid program for Bosnia"; not through another act ("a review
                    # of U.S. assistance to the Palestinians": they are the assistance's)
                    nested += nested_objects(token, resolver.kids)
                continue
            if any(a.specific or resolver.is_named_actor(a) for a in found):
                return found
            first = first or found
        level = nested
    return first


def owned_by(token: Token, sources: list[Participant], resolver: ActorResolver) -> bool:
    """Whether a candidate is the source's own, by a possessive pronoun that means the source
    ("prompting Turkey to recall its ambassador"): unless named, no target of the source's
    act. An "its"
    or "their" coreference left open means the source when no other name comes between
    them ("criticized China and its allies": China's)."""
    kids, keys = resolver.kids, {a.key for a in sources}
    for pronoun in kids.with_dep(token, ("poss",)):
        if kids.pos[pronoun.i] != "PRON":
            continue
        meant = resolver.resolve(pronoun, expand=False)
        if meant:
            return any(a.key in keys for a in meant)
        if kids.lower[pronoun.i] in ("its", "their") and any(
            a.end <= pronoun.idx and not resolver.coder.mentions_in(a.end, pronoun.idx)
            for a in sources
        ):
            return True
    return False


def nested_objects(token: Token, kids: Tree) -> list[Token]:
    """Objects of the prepositions a non-actor noun carries ("program for Bosnia")."""
    found = []
    for child in kids(token):
        if kids.dep[child.i] == "prep" and kids.lower[child.i] in NESTED_PREPS:
            found += kids.with_dep(child, ("pobj",))
    return found


def is_object(token: Token, kids: Tree) -> bool:
    """An object of the verb, or of one of the prepositions that name a target."""
    dep = kids.dep[token.i]
    if dep in ("dobj", "obj", "dative", "nsubjpass"):
        return True
    return dep == "pobj" and kids.lower[kids.head[token.i]] in TARGET_PREPS


def has_name(token: Token, kids: Tree) -> bool:
    ent_type = kids.ent_type
    return bool(ent_type[token.i]) or any(ent_type[c.i] for c in kids(token))


def at_home(done: CameoCode, country: str, sources: list[Participant]) -> bool:
    """A show of force or an act of cooperation done in its own actors' country ("announced
    the deployment at Camp Pendleton", "withdrew its staff from its own embassy") is not done
    to that country; force used there is ("imposed a curfew in Cizre" -> Turkey), and so is
    a protest (its state is what a domestic protest addresses: "ethnic Albanians
    demonstrated in Serbia" -> SRB, a PLOVER record)."""
    kind = done.code[:2] == "15" or done.quad_class == 2
    return kind and all(s.ref.country == country for s in sources)


def place_actor(place: PlaceRef, near: Participant) -> Participant:
    ref = ActorRef(entity=None, name=place.name, code=place.country, country=place.country)
    return Participant(ref, f"place:{place.country}", near.start, near.end, 0.7)


def first_actors(
    candidates: list[Token], resolver: ActorResolver, expand: bool, skip: set[str] = frozenset()
) -> list[Participant]:
    """The actors of the first candidate that names any (other than those in ``skip``)."""
    for token in candidates:
        found = [a for a in resolver.resolve(token, expand=expand) if a.key not in skip]
        if found:
            return found
    return []


def recoded(code: str, mode: str | None, coder: EventKnowledge) -> str:
    """The code of an event as told: intended cooperation is an intent (03x), a hostile act
    only announced is a threat (13x), "must" a demand (10x), "must not" a demand (100),
    "will not" a rejection (12x)."""
    if mode is None or code[:2] == "13":
        return code
    if mode == "threatened":
        return coder.recode(code, "threatened", default="130")
    if mode == "demanded":
        return code if code[:2] == "10" else coder.recode(code, "demanded", default="100")
    if mode == "forbidden":
        return DEMAND  # "must not buy" demands no economic cooperation: a demand, unspecified
    if code[:2] in ("01", "02", "10", "11", "12") or (code[:2] == "03" and mode != "refused"):
        return code  # a refused intent is a rejection: "under no condition can we agree"
    cameo = coder.codes.get(code)
    if mode == "intended" and cameo is not None and cameo.quad_class in (3, 4):
        if code[:2] == SHOW_OF_FORCE:
            return code  # "troops will remain in Afghanistan": a posture announced, no threat
        return coder.recode(code, "threatened", default="130")
    if mode == "refused":
        return coder.recode(code, "refused", default="120")
    return coder.recode(code, "intended", default="030")


def actor_pairs(
    sources: list[Participant], targets: list[Participant], code: str
) -> list[tuple[Participant, Participant | None]]:
    """Source–target pairs, never one actor (one entity, or one actor code) on both sides;
    when no target differs from the source, the event keeps its source alone."""
    pairs: list[tuple[Participant, Participant | None]] = []
    if targets:
        pairs = [(s, t) for s in sources for t in targets if not same_actor(s, t)]
    elif (
        len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS
        and code[:3] not in PLACE_VISITS and code[:3] not in ONE_WAY
    ):
        # "talks between China and the US"; not "visits from China and the US" or "support
        # from Bahrain, Jordan" (each its own)
        pairs = [(sources[0], o) for o in sources[1:] if not same_actor(sources[0], o)]
    return pairs or [(s, None) for s in sources]


def same_actor(one: Participant, other: Participant) -> bool:
    """One entity, one actor code or a state and its forces; never two different people
    ("Majority Leader Eric Cantor urged Kerry": both may be coded USAGOV)."""
    if one.key != other.key and one.person and other.person:
        return False
    return (
        one.key == other.key
        or (one.ref.code is not None and one.ref.code == other.ref.code)
        or same_state(one, other)
    )


def same_state(source: Participant, target: Participant) -> bool:
    """A state and its own forces are one actor: what a government (or the country) does
    with its military or police ("withdrew US troops from …") is not done to them. Forces
    acting on their government ("the army ousted the government") still are events."""
    country = source.ref.country
    return (
        country is not None
        and country == target.ref.country
        and role_of(source) in COMMANDING
        and role_of(target) in FORCES
    )


def newsroom_routine(code: str, sources: list[Participant], targets: list[Participant]) -> bool:
    """The press's own work is no political event: a request for comment, an inquiry, a visit
    by a news organisation, a briefing of reporters ("didn't respond to Reuters requests for
    comment", "a White House official who briefed reporters"). Only appeals, consultations
    and investigations (``NEWSROOM_ROOTS``); the press accusing or praising stays an event."""
    if code[:2] not in NEWSROOM_ROOTS:
        return False
    return any(is_press(a) for a in sources) or bool(targets) and all(map(is_press, targets))


def is_press(actor: Participant) -> bool:
    """A news organisation or reporters (CAMEO role MED), with or without a country."""
    code = actor.ref.code or ""
    return code == "MED" or role_of(actor) == "MED"


def role_of(actor: Participant) -> str | None:
    """What an actor's code adds to its country: USAGOV -> GOV, USA -> "", USAGOVLEG -> GOVLEG."""
    code, country = actor.ref.code or "", actor.ref.country or ""
    return code[len(country) :] if country and code.startswith(country) else None


def unique(events: Iterable[Event], ranks: dict[str, float]) -> list[Event]:
    """One event per sentence, actors and CAMEO root, in text order: of two readings of one
    act ("attacked Biden for …, accusing the family of …"), the more specific one
    (``Rater.specificity``; the first on a tie)."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (
            event.sentence, event.source.entity or event.source.name,
            (event.target.entity or event.target.name) if event.target else None, event.cameo_root,
        )
        if key not in best or ranks[event.id] > ranks[best[key].id]:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.evidence.start, e.evidence.end, e.cameo))

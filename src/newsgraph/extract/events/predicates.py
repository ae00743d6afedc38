"""Event predicates in a dependency parse: verbs, event nouns and light-verb constructions.

A predicate is found by looking its lemma up in the compiled pattern index (one dict look-up
per token) and choosing the most specific frame its dependents satisfy. Its arguments are
returned as candidate head tokens in order of preference; which of them is an actor is
decided later, against the article's entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain

from spacy.tokens import Span, Token

from newsgraph.extract.events.factuality import counterfactual, inverted, obligation
from newsgraph.extract.labels import NAME_LABELS
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.events import EventKnowledge, Pattern

# --- dependency labels -------------------------------------------------------------
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "obj")
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
# Prepositions whose object is the target of a verb or a light-verb noun, best first.
TARGET_PREPS = ("on", "against", "with", "to", "at", "into", "upon", "toward", "towards", "for")
# Dependencies through which a verb takes its subject from the word it depends on.
SUBJECT_INHERITED = ("xcomp", "conj", "acomp", "advcl")
ACTOR_ENTITY_TYPES = ("NORP", "GPE", "ORG", "PERSON")
TIMES = ("DATE", "TIME")
OBJECT_PREPS = (*TARGET_PREPS, "of", "from", "by")
LAST_RESORT_PREPS = ("from", "in")
REQUESTS = ("02", "10")  # appeals and demands: carried out by whom they ask
# Roots of what is given (support, cooperation, aid): with a verb of receiving (cue role
# ``received``) the subject is given it, the giver acts. PETRARCH codes "received
# weapons" 072 by the receiver.
GIVEN_ROOTS = ("05", "06", "07")
WISHED_PREPS = ("for", "on", "upon")  # "hoping for", "count on", "count upon"
FINITE = ("VBD", "VBZ", "VBP")  # a finite clause without a subject shares none
DEFAULT = ("default",)
# A frame's phrase is a noun with one of these modifiers: "war games", "diplomatic link",
# "no reason" (PETRARCH's braced phrases, kept whole).
PHRASE_DEPS = ("compound", "amod")
PHRASE_DETERMINERS = {"no"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
ATTRIBUTING = frozenset({"report", "say", "note", "write", "tell", "explain", "put"})
CONDITIONS = {"if", "unless", "should"}  # a forecast under a condition is a threat
SAID_MUST = "said_must"  # the origin of a demand coded by "must" alone, whatever its verb
FORECAST = "012"  # a pessimistic comment: what a ``foretell`` verb says may happen
NO_COMMENT = "011"  # decline comment: a refusal to tell (word class ``telling``)
CONSULT = "04"
VENUE_PREPS = ("at", "in")  # where a consultation takes place, not with whom: "met at the UN"
VISITS = ("042", "043", "044")  # consultations whose place is whom: "arrived in Ankara"
PARTNER_PREPS = {"with", "between", "among"}  # whom one discusses a matter with
PLURAL_PRONOUNS = {"we", "they", "us", "them"}
SPEAKER_SIDE = frozenset({"i", "we"})  # "we must act": what the speaker's side lays on itself
PARTIES = {"him", "her", "them", "us", "me"}  # an object one calls or invites to discuss
MAX_GOVERNORS = 4
# Measure nouns whose "of" object names the event: "10 days of war games", "$5m of aid".
# Prepositions whose gerund is done by the subject of the verb they modify even when it has
# an object ("opened the new year by beheading", "met Ban after speaking with …"); after
# others, an object is the doer ("blamed X for", "accused X of", "prevented X from").
SUBJECT_CONTROL = {
    "by", "after", "before", "since", "upon", "on", "while", "despite", "besides", "in",
    "through", "without",
}
MEASURES = {
    "day", "week", "month", "round", "series", "wave", "spate", "number", "kind", "dollar",
    "euro", "ton", "tonne", "million", "billion", "package", "shipment", "worth", "set",
    "track",
}


@dataclass(slots=True)
class Predicate:
    """One coded event predicate and the candidate heads of its source and target."""

    head: Token
    code: str
    kind: str  # verb | light | noun
    frame: str  # the pattern kind that matched: obj | mod | prep_word | subj | prep | default
    tokens: list[Token]
    sources: list[Token] = field(default_factory=list)
    targets: Iterable[Token] = field(default_factory=list)  # lazy: read once, best first
    passive: bool = False
    expand_sources: bool = True  # False for "talks between X and Y": Y is the target
    pattern: Pattern | None = None  # the knowledge row that coded it (None: a built-in rule)
    claimant: Token | None = None  # "the group claimed the attack": the verb that claims it

    @property
    def claimed(self) -> bool:
        """A claimed act ("the group claimed the attack"): its target may be an earlier one's."""
        return self.claimant is not None

    @property
    def gated(self) -> bool:
        """A broad verb default: an event only when its arguments are coded actors."""
        return self.pattern is not None and self.pattern.gated


def forms(token: Token, kids: Tree) -> list[str]:
    """The words a token matches in a frame, most specific first: with its compound ("war
    games"), adjective ("diplomatic link") or negative determiner ("no reason"), then its
    text and lemma. In a fixed order, so that the first frame to match does not depend on
    hashing."""
    lower, lemma, dep = kids.lower, kids.lemma, kids.dep
    i = token.i
    words = []
    for child in kids(token):
        c = child.i
        if dep[c] in PHRASE_DEPS or (dep[c] == "det" and lower[c] in PHRASE_DETERMINERS):
            words += [f"{lower[c]} {lower[i]}", f"{lemma[c]} {lemma[i]}"]
    words += [lower[i], lemma[i]]
    return list(dict.fromkeys(words))


def measured_forms(token: Token, kids: Tree) -> list[str]:
    """A frame word's forms; for a measure noun, its "of" object's first: "withdrew from all
    tracks of negotiations" is a withdrawal from negotiations."""
    found = forms(token, kids)
    if kids.lemma[token.i] in MEASURES:
        for prep, obj in kids.preps(token):
            if prep == "of":
                found = forms(obj, kids) + found
    return found


def lemmas(token: Token, kids: Tree) -> list[str]:
    """The token's lemma, and for a past form the lemmatiser may have cut too far ("staged"
    -> "stag") the forms without "-d" and "-ed"; for an "-ing" form ("hoping" -> "hop")
    the stem with "e"."""
    i = token.i
    lemma = kids.lemma[i]
    found = [lemma]
    word = kids.lower[i]
    if kids.tag[i] in ("VBD", "VBN") and word.endswith("ed"):
        found += [f for f in (word[:-1], word[:-2]) if f != lemma]
    elif kids.tag[i] == "VBG" and word.endswith("ing") and lemma == word[:-3]:
        found.append(lemma + "e")
    return found


def frame_keys(token: Token, preps: list[tuple[str, Token]], kids: Tree) -> list[tuple]:
    """Every frame key the token's dependents offer, most specific kind first."""
    objects, modifiers, subjects = [], [], []
    dep = kids.dep
    for child in kids(token):
        label = dep[child.i]
        if label in OBJECTS or label == "prt":
            if kids.lower[child.i] in RELATIVE_PRONOUNS and dep[token.i] == "relcl":
                child = token.head  # "the values that we defend": the values are defended
            objects.extend(("obj", w) for w in measured_forms(child, kids))
        elif label in MODIFIER_DEPS:
            modifiers.extend(("mod", w) for w in forms(child, kids))
        elif label in SUBJECTS:
            subjects.extend(("subj", w) for w in forms(child, kids))
    if dep[token.i] == "relcl" and subjects and not objects:
        # "the values we defend": a relative clause with a subject and no object does its
        # act to the noun it describes
        objects.extend(("obj", w) for w in forms(token.head, kids))
    with_words = [("prep_word", p, w) for p, o in preps for w in measured_forms(o, kids)]
    return [*objects, *modifiers, *with_words, *subjects, *(("prep", p) for p, _ in preps),
            DEFAULT]


def match(
    knowledge: EventKnowledge, pos: str, token: Token, kids: Tree,
    candidates: list[str] | None = None,
) -> Pattern | None:
    """The most specific pattern of the token's lemma (with its particle first) that fits;
    ``candidates`` are the token's ``lemmas`` when the caller has read them.

    Each lemma's patterns are a dict by frame key, so a match is a few look-ups, not a scan.
    """
    candidates = candidates or lemmas(token, kids)
    for lemma in candidates:  # most words start no pattern: one set look-up tells
        if knowledge.may_code(pos, lemma):
            break
    else:
        return None
    dep, lower = kids.dep, kids.lower
    particles = [
        lower[c.i] for c in kids(token)
        if dep[c.i] == "prt" or (dep[c.i] == "prep" and not timed(c, kids))
    ] if any(knowledge.is_phrasal(pos, lemma) for lemma in candidates) else []
    keys = []
    for lemma in candidates:
        keys += [f"{lemma} {word}" for word in particles]
        keys.append(lemma)
    indexed = [found for key in keys if (found := knowledge.lookup(pos, key))]
    if not indexed:
        return None
    frames = None
    broad = None  # a gated default yields to any other key's frame ("ask for" < "ask")
    for patterns in indexed:
        if len(patterns) == 1 and DEFAULT in patterns:
            pattern = patterns[DEFAULT]  # no frame to tell apart: skip reading the dependents
        else:
            if frames is None:
                # A time is no frame: "called the deaths a shock on Monday" is no "call on".
                preps = [(p, o) for p, o in kids.preps(token) if kids.ent_type[o.i] not in TIMES]
                frames = frame_keys(token, preps, kids)
            pattern = next((found for f in frames if (found := patterns.get(f))), None)
        if pattern is not None and not pattern.gated:
            return pattern
        broad = broad or pattern
    return broad


def timed(prep: Token, kids: Tree) -> bool:
    """True for a preposition whose object is a time ("on Monday")."""
    return any(kids.ent_type[o.i] in TIMES for o in kids.with_dep(prep, ("pobj",)))


def subject_of(
    verb: Token, kids: Tree, knowledge: EventKnowledge | None = None
) -> list[Token]:
    """The subject a verb has or shares: its own, its governor's ("keen to sell"), a relative's;
    after a verb of cue role ``control`` with an object, the object ("prompted Turkey to
    recall": Turkey recalls)."""
    dep, head, tokens = kids.dep, kids.head, kids.tokens
    token = verb
    for _ in range(6):
        i = token.i
        subjects = kids.with_dep(token, SUBJECTS)
        if subjects:
            subject = subjects[0]
            if dep[i] == "relcl" and kids.lower[subject.i] in RELATIVE_PRONOUNS:
                return [described(tokens[head[i]], kids)]
            if token is verb and dep[subject.i] == "nsubjpass":
                return []
            return [subject]
        if dep[i] == "acl" and dep[head[i]] in OBJECTS:
            own = own_actor([tokens[head[i]]], i, kids, knowledge)
            if own:  # "welcomed the decision by the U.N. General Assembly to recognize …"
                return own
            token = tokens[head[head[i]]]  # "issued a declaration demanding …": the issuer
            continue
        if dep[i] in ("relcl", "acl") and kids.pos[head[i]] in ("NOUN", "PROPN"):
            return [described(tokens[head[i]], kids)] if dep[i] == "relcl" else []
        if dep[i] not in SUBJECT_INHERITED or head[i] == i:
            return []
        if dep[i] == "advcl" and kids.tag[i] in FINITE and i < head[i]:
            # "After an attack … killed an American contractor, the U.S. retaliated": a
            # finite clause before its verb, whose subject the parser lost (after it, a
            # participle the tagger took for a past tense: "flying …, headed for Moscow")
            return []
        if dep[i] == "advcl" and kids.with_dep(token, ("aux",)):
            own = own_actor(kids.with_dep(tokens[head[i]], OBJECTS), i, kids, knowledge)
            if own:  # the parser hangs the noun's infinitive on the verb
                return own
        if dep[i] == "xcomp" and knowledge is not None and knowledge.has_role(
            kids.lemma[head[i]], "control"
        ):
            objects = kids.with_dep(tokens[head[i]], OBJECTS)
            if objects:  # "prompted Turkey to recall", "urged Kerry to apologize": Turkey, Kerry
                return [objects[0]]
        token = tokens[head[i]]
    return []


def to_infinitive(verb: Token, kids: Tree) -> bool:
    """A verb with "to" as its auxiliary: an infinitive ("vowed to hit back")."""
    return any(kids.lower[c.i] == "to" for c in kids.with_dep(verb, ("aux",)))


def adjunct_governor(gerund: Token, kids: Tree) -> Token | None:
    """The verb a gerund's prepositional phrase modifies, whose subject does the gerund
    ("After meeting Putin, Trump said": Trump; "in addition to condemning settlements, the
    resolution reflects …": the resolution, through the bare noun of a fixed phrase). None
    when the phrase hangs on a noun of its own ("a ban on selling arms") or its preposition
    is an alternative ("instead of condemning": not done by the verb's subject)."""
    at = kids.head[gerund.i]  # the preposition
    if kids.with_dep(kids.tokens[at], ("advmod",)):
        return None
    for _ in range(3):  # "in addition to": prep, pobj, prep
        governor = kids.head[at]
        if governor == at:
            return None
        if kids.pos[governor] in ("VERB", "AUX"):
            verb = kids.tokens[governor]
            if kids.lower[at] not in SUBJECT_CONTROL and kids.with_dep(verb, ("dobj",)):
                return None  # "chided Obama for threatening", "accused X of": X does it
            return verb
        if kids.pos[governor] == "NOUN" and (
            kids.dep[governor] != "pobj" or kids(kids.tokens[governor]) != [kids.tokens[at]]
        ):
            return None  # a noun with more than the phrase ("a ban on"), no fixed phrase
        at = governor
    return None


def own_actor(
    nouns: list[Token], clause: int, kids: Tree, knowledge: EventKnowledge | None
) -> list[Token]:
    """The named actor of a noun an infinitive completes ("the decision by the U.N. General
    Assembly … to recognize", "a US offer to host"): the one who does it. Not for an appeal
    or a demand, which someone else is to carry out ("an appeal from President Gbagbo to lay
    down their arms"), nor a pronoun ("their hunger strike to demand": the subject's)."""
    for noun in nouns:
        if noun.i > clause or (knowledge is not None and asks(noun, knowledge, kids)):
            continue
        own = [s for s in sources_of_noun(noun, kids) if kids.pos[s.i] != "PRON"]
        if own:
            return own[:1]
    return []


def asks(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a noun names an appeal or a demand ("appeal", "call")."""
    patterns = knowledge.lookup("NOUN", kids.lemma[noun.i]).values()
    return any((p.code or "")[:2] in REQUESTS for p in patterns)


def described(noun: Token, kids: Tree) -> Token:
    """The actor a noun describes: "Khan is the first premier to visit …" and "Biden, the
    first president to visit …" are about Khan and Biden."""
    dep = kids.dep[noun.i]
    if dep == "appos":
        return noun.head
    if dep == "attr" and kids.lemma[noun.head.i] in ("be", "become", "remain"):
        subjects = kids.with_dep(noun.head, ("nsubj",))
        if subjects:
            return subjects[0]
    return noun


def event_object(token: Token, kids: Tree) -> Token:
    """The noun naming the event of a light verb's object: "10 days of war games" -> games."""
    if kids.lemma[token.i] in MEASURES:
        for prep, obj in kids.preps(token):
            if prep == "of":
                return obj
    return token


def event_noun(token: Token, knowledge: EventKnowledge, kids: Tree) -> tuple[Token, Pattern] | None:
    """The event a noun names, itself or through its compound ("a mediation effort")."""
    for candidate in (token, *kids.with_dep(token, ("compound",))):
        pattern = match(knowledge, "NOUN", candidate, kids)
        if pattern is not None and pattern.code is not None:
            return candidate, pattern
    return None


def no_event_noun(token: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a noun row says the noun names no event ("search and rescue operation",
    ``operation mod:rescue -``): the light verb that governs it names none either."""
    pattern = match(knowledge, "NOUN", token, kids)
    return pattern is not None and pattern.code is None and not pattern.gated


def verb_targets(
    verb: Token, noun: Token | None, kids: Tree, depth: int = 0
) -> Iterator[Token]:
    """Candidate targets of a verb, best first: indirect object, object, prepositions, the
    objects' prepositions ("rejected calls by Belarus"), an embedded clause's subject or
    targets ("offered to hand over to Britain"), the subject of a condition ("… unless
    Baghdad accepts"), then where the act is done or from where ("withdraw from Lebanon").
    A generator: the caller usually needs only the first few."""
    dep = kids.dep
    preps = kids.preps(verb)
    yield from [o for p, o in preps if p == "to" and dep[kids.head[o.i]] == "dative"]
    yield from [c for c in kids.with_dep(verb, ("dative",)) if kids.pos[c.i] != "ADP"]
    objects = kids.with_dep(verb, OBJECTS)
    if noun is not None:
        yield from targets_of_noun(noun, kids)
    else:
        for obj in objects:
            # "Cyprus, which Turkey does not recognize": the relative pronoun's antecedent.
            relative = kids.lower[obj.i] in RELATIVE_PRONOUNS and dep[verb.i] == "relcl"
            yield verb.head if relative else obj
    for wanted in TARGET_PREPS:
        yield from [o for p, o in preps if p == wanted]
    for obj in objects:
        yield from [o for p, o in kids.preps(obj) if p in OBJECT_PREPS]
    for _, obj in preps:  # "a possible war against Iraq"
        yield from [o for p, o in kids.preps(obj) if p in TARGET_PREPS]
    for clause in kids.with_dep(verb, ("ccomp", "xcomp", "advcl")):
        if dep[clause.i] == "advcl" and not kids.with_dep(clause, ("aux", "mark")):
            continue
        if dep[clause.i] == "advcl" and attributes(clause, kids):
            continue  # "As NPR's Ari Shapiro reports from Edinburgh, Cameron made …"
        yield from kids.with_dep(clause, SUBJECTS)
        if depth == 0 and dep[clause.i] != "ccomp":
            yield from verb_targets(clause, None, kids, depth + 1)
    yield from [o for p, o in preps if p in LAST_RESORT_PREPS]
    if dep[verb.i] in ("advcl", "xcomp") and depth == 0:
        # "summoned Niger's ambassador to complain": the purpose is aimed at the same actor.
        yield from kids.with_dep(verb.head, OBJECTS)


def attributes(clause: Token, kids: Tree) -> bool:
    """An adverbial clause that says who tells ("as NPR's Ari Shapiro reports"): "as" and a
    verb of saying or reporting."""
    return kids.lemma[clause.i] in ATTRIBUTING and any(
        kids.lower[m.i] == "as" for m in kids.with_dep(clause, ("mark",))
    )


def targets_of_noun(noun: Token, kids: Tree) -> list[Token]:
    """Candidate targets of an event noun: "sanctions on Russia", "invasion of Ukraine"."""
    event = noun.head if kids.dep[noun.i] == "compound" else noun
    preps = kids.preps(event)
    wanted = (*TARGET_PREPS, "between", "in", "of")
    return [o for prep in wanted for p, o in preps if p == prep]


def sources_of_noun(noun: Token, kids: Tree, leaving: bool = False) -> list[Token]:
    """A noun event's actor: "Russia's operation", "US sanctions", "appeals from the West";
    not, for a noun of ``leaving``, what is left ("withdrawal from the European Union")."""
    candidates = kids.with_dep(noun, ("poss",))
    if kids.dep[noun.i] == "compound":
        candidates += kids.with_dep(noun.head, ("poss",))
    by = ("by",) if leaving else ("by", "from")
    candidates += [o for p, o in kids.preps(noun) if p in by]
    candidates += [
        c for c in kids.with_dep(noun, MODIFIER_DEPS) if kids.ent_type[c.i] in ACTOR_ENTITY_TYPES
    ]
    return candidates


def between(noun: Token, kids: Tree) -> list[Token]:
    """The first member of "talks between X and Y" (its conjuncts are the others)."""
    return [o for p, o in kids.preps(noun) if p == "between"]


def find_predicates(sentence: Span, knowledge: EventKnowledge, kids: Tree) -> list[Predicate]:
    """Every coded predicate of a sentence: verbs (with light-verb nouns) and event nouns."""
    verbs: list[Predicate] = []
    nouns: list[Token] = []
    tags, deps, named = kids.pos, kids.dep, kids.ent_type
    for token in kids.tokens[sentence.start : sentence.end]:
        pos = tags[token.i]
        if named[token.i] in NAME_LABELS:
            continue  # part of a name: "Meet the Press" is a programme, no meeting
        if pos == "NOUN":
            nouns.append(token)
        elif pos in ("VERB", "AUX") and deps[token.i] not in ("aux", "amod"):
            predicate = verb_predicate(token, knowledge, kids)
            if predicate is not None:
                verbs.append(predicate)
    consumed = {t.i for p in verbs for t in p.tokens}
    # and the compounds of a consumed noun: "mediation" in "ended mediation efforts"
    consumed |= {c.i for i in list(consumed) for c in kids.with_dep(kids.tokens[i], ("compound",))}
    found = list(verbs)
    for token in nouns:
        if token.i not in consumed:
            predicate = noun_predicate(token, knowledge, kids)
            if predicate is not None:
                found.append(predicate)
    return found


def asks_question(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a verb of asking asks a question rather than for an act: its clause opens
    with a question word or "whether"/"if" ("was asked why the superpower has not
    intervened", "asked whether …"), or it is said of a question ("a question that I'm
    asking"). An appeal asks someone to do something ("asked Kerry to apologize")."""
    for clause in kids.with_dep(verb, ("ccomp", "dobj")):
        first = clause.left_edge.i
        if kids.tag[first].startswith("W") or kids.lower[first] in ("whether", "if"):
            return True
    head = kids.head[verb.i]
    return kids.dep[verb.i] == "relcl" and knowledge.has_role(kids.lemma[head], "question")


def verb_predicate(verb: Token, knowledge: EventKnowledge, kids: Tree) -> Predicate | None:
    noun = None
    pattern = None
    words = lemmas(verb, kids)
    if any(knowledge.has_role(lemma, "light") for lemma in words):
        for obj in kids.with_dep(verb, OBJECTS):
            named = event_object(obj, kids)
            found = event_noun(named, knowledge, kids)
            if found is not None and received(named, verb, knowledge, kids):
                break  # "it had support from Britain": Britain's support, the noun's own
            if found is not None:
                noun, pattern = found
                break
            if no_event_noun(named, knowledge, kids):
                return None  # "launched a search and rescue operation": the noun says no event
    kind = "light"
    if pattern is None and any(knowledge.has_role(lemma, "halt") for lemma in words):
        noun, pattern = halted_cooperation(verb, knowledge, kids)
    if pattern is None:
        pattern = match(knowledge, "VERB", verb, kids, words)
        kind = "verb"
    if (pattern is None or pattern.gated) and said_must(verb, knowledge, kids):
        pattern = Pattern("VERB", kids.lemma[verb.i], "default", None, None, "100", SAID_MUST)
    if pattern is None or pattern.code is None:
        return None
    if (
        pattern.kind == "default"
        and any(knowledge.has_role(lemma, "foretell") for lemma in words)
        and foretells(verb, knowledge, kids)
    ):
        # "warned that the tensions could escalate": a forecast, no threat
        pattern = replace(pattern, code=FORECAST, origin="rule")
    if (
        pattern.kind == "default"
        and any(knowledge.has_role(lemma, "foretell") for lemma in words)
        and any(
            foreseen(o, knowledge, kids) for p, o in kids.preps(verb) if p in ("of", "about")
        )
    ):
        # "warned of the consequences of failure", "warned about the impact on Hong Kong's
        # economy": what something may bring, a pessimistic comment, no threat
        pattern = replace(pattern, code=FORECAST, origin="rule")
    if pattern.code[:2] == "12" and declines_comment(verb, words, knowledge, kids):
        # "declined to comment", "refused to say whether …": no comment, not a rejection
        pattern = replace(pattern, code=NO_COMMENT, origin="rule")
    if (
        kids.dep[verb.i] == "xcomp"
        and any(lemma in knowledge.telling for lemma in words)
        and knowledge.has_role(kids.lemma[verb.head.i], "negated")
    ):
        return None  # "declined to discuss the probe": the refusal to comment is the act
    if (
        pattern.code[:2] == CONSULT
        and any(lemma in knowledge.telling for lemma in words)
        and not has_partner(verb, knowledge, kids)
    ):
        return None  # "Giuliani discussed Mueller's investigation", "I will discuss it"
    if any(knowledge.has_role(lemma, "catenative") for lemma in words) and only_complement(
        verb, kids
    ):
        return None  # "helped lead the Brotherhood": the leading is the act, no aid
    if any(knowledge.has_role(lemma, "question") for lemma in words) and asks_question(
        verb, knowledge, kids
    ):
        return None  # "asked why …", "a question I'm asking": no appeal
    passive = is_passive(verb, kids)
    if passive and noun is None and passive_object_silenced(verb, words, knowledge, kids):
        return None  # "an edict released by Mr. Morsi": publishing, as "released an edict"
    tokens = [verb] + ([noun] if noun is not None else [])
    if pattern.kind in ("prep", "prep_word"):
        framed = [o for p, o in kids.preps(verb) if p == pattern.prep]
    else:
        framed = []
    if passive:
        sources = [o for p, o in kids.preps(verb) if p == "by"]
        targets = chain(passive_subjects(verb, kids), framed, verb_targets(verb, noun, kids))
    else:
        sources = subject_of(verb, kids, knowledge)
        if sources and knowledge.lookup("NOUN", kids.lemma[sources[0].i]):
            # "US attacks have killed …", "a bombing killed …": the attack's actor acts; an
            # act with no actor of its own ("the agreement would deny Iran …") has none,
            # neither the one who speaks of it.
            sources = sources_of_noun(sources[0], kids) or sources
        elif sources and kids.lemma[sources[0].i] in knowledge.affairs:
            sources = []  # "the Syria issue doesn't lend itself": a matter acts for no one
        targets = chain(framed, verb_targets(verb, noun, kids))
        if pattern.code[:2] == CONSULT and pattern.code[:3] not in VISITS:
            targets = [t for t in targets if not venue(t, verb, kids)]
        if noun is None and pattern.code[:2] in GIVEN_ROOTS and any(
            knowledge.has_role(lemma, "received") for lemma in words
        ):  # (a light verb's event noun has its own giver: "had support from Britain")
            sources, targets = givers(verb, kids), sources  # the subject is given it
    return Predicate(
        verb, pattern.code, kind, pattern.kind, tokens, sources, targets, passive,
        pattern=pattern,
    )


def venue(token: Token, verb: Token, kids: Tree) -> bool:
    """Whether a token is where a consultation takes place, not with whom: the object of
    the verb's "at" or "in" ("they met at the European Council")."""
    up = kids.head[token.i]
    return (
        kids.dep[token.i] == "pobj" and kids.lower[up] in VENUE_PREPS and kids.head[up] == verb.i
    )


def givers(verb: Token, kids: Tree) -> list[Token]:
    """Who gives what a verb of receiving receives: its "from" phrase, else the actor of its
    object ("received weapons from Iran", "received U.S. weapons")."""
    found = [o for p, o in kids.preps(verb) if p == "from"]
    for obj in kids.with_dep(verb, OBJECTS):
        found += sources_of_noun(obj, kids)
    return found


def foretells(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a verb's that-clause tells what may happen rather than what an actor will do:
    its subject is a common noun or a clause ("the tensions could escalate", "cutting aid
    would hurt"), and no condition ("if", "unless") makes it a threat. A name or a pronoun
    as subject may be the speaker's side ("Washington would take action", "it has been
    authorized to attack"): a threat, as before."""
    clauses = kids.with_dep(verb, ("ccomp",))
    if not clauses:
        return False
    for clause in clauses:
        subjects = kids.with_dep(clause, SUBJECTS)
        if not subjects or any(
            kids.pos[s.i] in ("PROPN", "PRON") or kids.ent_type[s.i] for s in subjects
            if kids.dep[s.i] != "csubj"
        ):
            return False
    for head in (verb, *clauses):
        for condition in kids.with_dep(head, ("advcl",)):
            if any(kids.lower[m.i] in CONDITIONS for m in kids.with_dep(condition, ("mark",))):
                return False
    # "any provocative moves will be met with a strong response": a reprisal foretold is a
    # threat (word class ``reprisal``)
    return not any(
        kids.lemma[t.i] in knowledge.reprisals and not foreseen(t, knowledge, kids)
        for c in clauses for t in c.subtree
    )


def foreseen(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """An outcome one warns of (word class ``outcome``) told as what something else may
    bring: with an "of"/"on" phrase ("the consequences of failure", "the impact on Hong
    Kong's economy"), a relative clause ("the consequences such a decision would have"), an
    adjective that does not only grade it ("possible", "long-term", "increased"; word class
    ``severity`` grades: "serious", "unspecified"), or a "for" phrase naming no actor
    ("costs for U.S. consumers"). Bare or only graded ("warned Turkey of serious
    consequences"), it is the warner's answer left vague: a threat."""
    if kids.lemma[noun.i] not in knowledge.outcomes:
        return False
    for child in kids(noun):
        label = kids.dep[child.i]
        if label in ("relcl", "acl"):
            return True
        graded = kids.lemma[child.i] in knowledge.severities
        if label in ("amod", "compound", "nmod") and not graded:
            return True
        if label == "prep" and any(
            kids.lower[child.i] in ("of", "on")
            or not any(kids.ent_type[t.i] in ACTOR_ENTITY_TYPES for t in o.subtree)
            for o in kids.with_dep(child, ("pobj",))
        ):
            return True
    return False


def has_partner(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a verb of telling coded as a consultation ("discuss") has someone to consult:
    a "with", "between" or "among" phrase on it or its object ("discussed the sanctions with
    Kislyak"), a subject of several ("Trump and Putin discussed", "the two men", "we",
    "Boris Johnson's cabinet": word class ``assembly``), or a meeting it is the aim of ("met
    with King Salman to discuss", "summoned her cabinet for a meeting to discuss"). One
    actor alone talks about a matter ("Giuliani discussed Mueller's investigation in an
    interview", "I will discuss it when given the opportunity"): no consultation."""
    token = verb
    for _ in range(MAX_GOVERNORS):
        if any(
            kids.lower[p.i] in PARTNER_PREPS
            or any(meeting(o, knowledge, kids) for o in kids.with_dep(p, ("pobj",)))
            for p in phrase_preps(token, kids)
        ):
            return True  # "with Kislyak", "a range of issues with his Russian counterparts"
        if token is not verb and any(
            kids.pos[o.i] == "PROPN" or kids.tag[o.i] == "NNS" or kids.lower[o.i] in PARTIES
            for o in kids.with_dep(token, OBJECTS)
        ):
            return True  # "called Merkel to discuss", "invited the leaders to discuss"
        subjects = kids.with_dep(token, SUBJECTS) + [
            o for p in kids.with_dep(token, ("agent",)) for o in kids.with_dep(p, ("pobj",))
        ]
        if subjects:
            return any(several(s, knowledge, kids) for s in subjects)
        if token is not verb and (
            meeting(token, knowledge, kids)
            or any(p.code and p.code[:2] == CONSULT for p in knowledge.lookup(
                kids.pos[token.i], kids.lemma[token.i]).values() if p.kind == "default")
        ):
            return True  # "met to discuss", "a meeting to discuss"
        if kids.dep[token.i] not in (*SUBJECT_INHERITED, "acl") or kids.head[token.i] == token.i:
            return False
        token = kids.tokens[kids.head[token.i]]
    return False


def phrase_preps(verb: Token, kids: Tree) -> list[Token]:
    """The prepositions on a verb and inside its object's noun phrase ("discussed a range of
    issues with …"), not inside a clause of their own."""
    found, todo = [], [verb]
    while todo:
        token = todo.pop()
        for child in kids(token):
            label = kids.dep[child.i]
            if label == "prep":
                found.append(child)
                todo.append(child)
            elif label in ("pobj", *OBJECTS) and kids.pos[child.i] in ("NOUN", "PROPN", "PRON"):
                todo.append(child)
    return found


def meeting(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A noun of the word class ``meeting`` ("a meeting", "the talks", "the summit")."""
    return kids.lemma[noun.i] in knowledge.meetings or kids.lower[noun.i] in knowledge.meetings


def several(subject: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A subject naming more than one party: plural, coordinated, "we"/"they", or a body
    that deliberates (word class ``assembly``: a cabinet, a council, a parliament)."""
    return (
        kids.tag[subject.i] in ("NNS", "NNPS")
        or kids.lower[subject.i] in PLURAL_PRONOUNS
        or kids.lemma[subject.i] in knowledge.assemblies
        or bool(kids.with_dep(subject, ("conj",)))
    )


def declines_comment(
    verb: Token, words: list[str], knowledge: EventKnowledge, kids: Tree
) -> bool:
    """Whether a refusal ("declined", "refused", cue role ``negated``) is a refusal to tell:
    its infinitive is a verb of telling (word class ``telling``: "to comment", "to say")."""
    if not any(knowledge.has_role(lemma, "negated") for lemma in words):
        return False
    return any(
        kids.lemma[c.i] in knowledge.telling for c in kids.with_dep(verb, ("xcomp",))
    )


def passive_object_silenced(
    verb: Token, words: list[str], knowledge: EventKnowledge, kids: Tree
) -> bool:
    """Whether what a passive verb is done to ("an edict released by …", "the report was
    released") meets the verb's no-event row for that object (``release obj:@document -``).
    Only no-event rows: read as objects for every row, passive heads cost PLOVER recall."""
    dep = kids.dep[verb.i]
    done_to = kids.with_dep(verb, ("nsubjpass",))
    if not done_to and dep == "acl" and kids.pos[kids.head[verb.i]] in ("NOUN", "PROPN"):
        done_to = [kids.tokens[kids.head[verb.i]]]
    for noun in done_to:
        for lemma in words:
            patterns = knowledge.lookup("VERB", lemma)
            for word in forms(noun, kids):
                found = patterns.get(("obj", word))
                if found is not None and found.code is None:
                    return True
    return False


def only_complement(verb: Token, kids: Tree) -> bool:
    """Whether a verb has a verb complement ("help throw the Islamic State out") and no
    object of its own ("help Iraq rebuild" keeps Iraq); a relative pronoun the parser hangs
    on it is the complement's ("the Brotherhood, which Morsi helped lead")."""
    if not kids.with_dep(verb, ("xcomp",)):
        return False
    own = kids.with_dep(verb, (*OBJECTS, "dative"))
    return all(kids.lower[o.i] in RELATIVE_PRONOUNS for o in own)


def halted_cooperation(
    verb: Token, knowledge: EventKnowledge, kids: Tree
) -> tuple[Token | None, Pattern | None]:
    """ "ended mediation efforts", "halted aid", "suspended talks": a halting verb on a noun
    of cooperation reduces relations (CAMEO 16x, the ``halted`` column of modality.tsv)."""
    table = knowledge.modality.get("halted", {})
    for obj in kids.with_dep(verb, OBJECTS):
        found = event_noun(event_object(obj, kids), knowledge, kids)
        if found is None:
            continue
        code = found[1].code or ""
        for size in range(len(code), 1, -1):
            if code[:size] in table:  # the object stands for the event: "mediation efforts"
                return obj, replace(found[1], code=table[code[:size]])
    return None, None


def is_passive(verb: Token, kids: Tree) -> bool:
    """A passive verb: with a passive subject or auxiliary, conjoined with a passive verb
    whose subject it shares ("was arrested and banned"), or a past participle opening a
    clause or modifying a noun ("Asked about …, Trump said", "weapons seized by police")."""
    for _ in range(4):
        if kids.with_dep(verb, ("nsubjpass", "auxpass")):
            return True
        if kids.with_dep(verb, ("nsubj", "aux")):
            return False
        dep = kids.dep[verb.i]
        if kids.tag[verb.i] == "VBN" and dep in ("advcl", "acl"):
            return True
        if dep != "conj" or kids.head[verb.i] == verb.i:
            return False
        verb = verb.head
    return False


def passive_subjects(verb: Token, kids: Tree) -> list[Token]:
    """Who a passive verb is done to: its passive subject (the antecedent of "who" in "X,
    who was arrested"), a conjoined verb's, the subject of the clause a participle opens,
    or the noun a participle modifies."""
    for _ in range(4):
        subjects = kids.with_dep(verb, ("nsubjpass",))
        dep = kids.dep[verb.i]
        if subjects:
            relative = kids.lower[subjects[0].i] in RELATIVE_PRONOUNS and dep == "relcl"
            return [described(verb.head, kids)] if relative else subjects
        if dep == "advcl":
            return kids.with_dep(verb.head, ("nsubj", "nsubjpass"))
        if dep == "relcl":  # "the second journalist to be killed by …": the one described
            return [described(verb.head, kids)]
        if dep == "acl":  # "opponents detained by police", not "a lunch hosted by …"
            named = kids.ent_type[verb.head.i] in ACTOR_ENTITY_TYPES
            return [verb.head] if named or kids.tag[verb.head.i] in ("NNS", "NNPS") else []
        if dep != "conj" or kids.head[verb.i] == verb.i:
            return []
        verb = verb.head
    return []


def is_said(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a verb codes a verbal event (a statement, appeal, praise or accusation)."""
    pattern = match(knowledge, "VERB", verb, kids)
    cameo = knowledge.codes.get(pattern.code) if pattern and pattern.code else None
    return cameo is not None and cameo.quad_class in (1, 3)


def said_must(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """ "Russia said Sudan must return …", "Kerry says North Korea needs to show …": a demand
    whatever the verb (CAMEO 100). Not what the speaker's side lays on itself ("we must
    act", "I have to go"): that is no demand on anyone."""
    if kids.lemma[verb.i] == "be" and not any(
        kids.dep[c.i] in ("expl", "xcomp")
        or (knowledge.has_role(kids.lemma[c.i], "ready") and kids.with_dep(c, ("xcomp",)))
        for c in kids(verb)
    ):
        # "it has to be a weighty resolution", "the focus must be on", "that must be the
        # intelligence agencies": a state; not "there must be an investigation", "should be
        # able to put resources toward …"
        return False
    clause = obligation(verb, knowledge, kids) or verb  # "needs to show", "has to accept"
    if clause is verb and not any(
        knowledge.role(kids.lower[c.i]) == "obliged" and not inverted(c, verb, kids)
        for c in kids.with_dep(verb, ("aux",))
    ):
        return False
    if counterfactual(verb, kids):
        return False  # "we should have learned our lesson": a regret, no demand
    i = clause.i
    if kids.tag[i] == "VBD" and kids.tag[kids.head[i]] in ("VBZ", "VBP"):
        return False  # "states that RCA members needed to hide …": a past necessity told now
    return (
        kids.dep[i] == "ccomp"
        and knowledge.has_role(kids.lemma[kids.head[i]], "reported")
        and not any(kids.lower[s.i] in SPEAKER_SIDE for s in kids.with_dep(clause, SUBJECTS))
    )


def noun_predicate(noun: Token, knowledge: EventKnowledge, kids: Tree) -> Predicate | None:
    if kids.lemma[noun.i] in knowledge.attitudes:
        return None  # "her concern for Britain": a state; "voiced concern" is the light verb's
    pattern = match(knowledge, "NOUN", noun, kids)
    if pattern is None or pattern.code is None or names_a_thing(noun, knowledge, kids):
        return None
    if remembered(noun, knowledge, kids) or wished_for(noun, knowledge, kids):
        return None
    pair = between(noun, kids)
    claimant = None
    if pair:
        sources, targets = pair, kids.conjuncts(pair[0])
    else:
        leaving = kids.lemma[noun.i] in knowledge.leaving
        sources, targets = sources_of_noun(noun, kids, leaving), targets_of_noun(noun, kids)
        if kids.lemma[noun.i] in knowledge.undergone:
            sources, targets = undergoers_first(noun, sources, targets, kids)
        claimant = claiming_verb(noun, knowledge, kids)
        if received(noun, noun.head, knowledge, kids):
            targets = targets + subject_of(noun.head, kids, knowledge)  # who has it
        if claimant is not None and not sources:
            sources = subject_of(claimant, kids, knowledge)  # "the Taliban claimed the attack"
        if (
            noun.dep_ == "pobj"
            and noun.head.head.pos_ == "VERB"
            and (
                noun.head.lower_ == "for"
                or any(p in ("with", "against") for p, _ in kids.preps(noun))
            )
        ):
            # "returned to Geneva for talks", "retook the village after fighting with
            # guerrillas": the doer's talks and fight; not when the verb says something
            # about the noun ("blamed Israel for the attack", "thanked Japan for the aid").
            verb = noun.head.head
            if not (noun.head.lower_ == "for" and is_said(verb, knowledge, kids)):
                sources += subject_of(verb, kids, knowledge)
    return Predicate(
        noun, pattern.code, "noun", pattern.kind, [noun], sources, targets,
        expand_sources=not pair, pattern=pattern, claimant=claimant,
    )


def undergoers_first(
    noun: Token, sources: list[Token], targets: list[Token], kids: Tree
) -> tuple[list[Token], list[Token]]:
    """The sources and targets of a noun of something undergone (word class ``undergone``)
    with no "of" phrase: its possessor, or a person named before it, is who undergoes it,
    not who does it ("Navalny's arrest", "the Khashoggi killing"; "Russia's arrest of
    activists" keeps Russia as the doer)."""
    if any(p == "of" for p, _ in kids.preps(noun)):
        return sources, targets
    undergoers = [
        t for t in sources
        if kids.head[t.i] == noun.i
        and (kids.dep[t.i] == "poss" or kids.ent_type[t.i] == "PERSON")
    ]
    return [t for t in sources if t not in undergoers], undergoers + targets


def remembered(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether an event noun (or the first of its conjuncts) is what a noun of remembering is
    "of", an act of the past and not the article's day's: "the anniversary of the Sept. 11
    attacks", "a reminder of the PLA's bloody crackdown" (word class ``remembered``)."""
    i = noun.i
    while kids.dep[i] == "conj" and kids.head[i] != i:
        i = kids.head[i]
    if kids.dep[i] != "pobj" or kids.lower[kids.head[i]] != "of":
        return False
    of = kids.head[i]
    return kids.dep[of] == "prep" and kids.lemma[kids.head[of]] in knowledge.remembered


def wished_for(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether an event noun with an actor of its own is what another actor wants, hopes,
    waits or counts on (word class ``wishing``): "hoping for American assistance", "count
    on American support", "Ukraine wants U.S. weapons": the act is not done, and not
    announced by its actor."""
    governor, label = kids.head[noun.i], kids.dep[noun.i]
    if label == "pobj" and kids.lower[governor] in WISHED_PREPS:
        governor = kids.head[governor]
    elif label not in OBJECTS:
        return False
    verb = kids.tokens[governor]
    if kids.pos[governor] != "VERB" or not any(
        lemma in knowledge.wishing for lemma in lemmas(verb, kids)
    ):
        return False
    own = {t.i for t in sources_of_noun(noun, kids)}
    return bool(own) and not own & {t.i for t in subject_of(verb, kids, knowledge)}


def received(noun: Token, verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether an event noun with its actor in a "from" phrase is the object of a verb of
    receiving (cue role ``received``): "the US said it had support from Britain", "drew
    criticism from Democrats". The subject has the act done to it, not by it."""
    return (
        kids.dep[noun.i] in OBJECTS and kids.head[noun.i] == verb.i
        and knowledge.has_role(kids.lemma[verb.i], "received")
        and any(p == "from" for p, _ in kids.preps(noun))
    )


def names_a_thing(noun: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether an event noun only qualifies the noun it is a compound of, which names a
    thing, not an event: "aid cuts", "aid workers", "veto power" (a measure or a carrier
    keeps it: "an aid package", "Russia's aid convoy"; word class ``carrier``)."""
    if kids.dep[noun.i] != "compound" or kids.pos[kids.head[noun.i]] != "NOUN":
        return False
    head = kids.tokens[kids.head[noun.i]]
    lemma = kids.lemma[head.i]
    return (
        lemma not in MEASURES and lemma not in knowledge.carriers
        and match(knowledge, "NOUN", head, kids) is None
    )


def claiming_verb(noun: Token, knowledge: EventKnowledge, kids: Tree) -> Token | None:
    """The verb by which an actor owns an act: "claimed the attack", "claimed responsibility
    for the bombing", "took credit for the strike" (cue role ``claim`` on the verb; the
    nouns of owning are ``claimed`` cues)."""
    i, dep, head = noun.i, kids.dep, kids.head
    if dep[i] == "pobj" and kids.lower[head[i]] == "for":
        owning = head[head[i]]
        if not knowledge.has_role(kids.lemma[owning], "claimed"):
            return None
        i = owning
    if dep[i] not in OBJECTS or head[i] == i:
        return None
    verb = kids.tokens[head[i]]
    return verb if knowledge.has_role(kids.lemma[verb.i], "claim") else None

"""Factuality of an event: did it happen as told, or is it intended, expected, denied ...?

The cues are words in ``knowledge/events/cues.tsv``; the method is a walk from the predicate
up its chain of governors ("keen" -> "to sell", "expected" -> "to push", "said" -> "would
sanction"), collecting the cues met. The strongest wins: cancelled ("cancelled plans to
visit", "called off the talks": called off, postponed or refused as a plan, not intended),
negated, hypothetical (so is a threatened act), expected, intended, reported, else asserted;
a threat coded as the threat (13x) is told as the threatening is (``threat``). Along the
walk:

- the second verb of a coordination climbs to the first ("failed to round up and kill"),
  sharing its auxiliaries when it has no subject of its own, unless contrasted ("but");
- a clause on a cue noun takes the noun's cue ("plans to attack", "a threat to ban");
- what a directive verb asks for ("advised her to kill", "recommended the troops withdraw",
  "called for sanctions") is hypothetical, as is what one must, should, needs to, has to or
  ought to do (unless it is said of another: then the statement is a demand; of the
  speaker's own side, its intent: see ``build``), a "whether"/"if" clause, and a yes–no
  question; "under no condition", "at no time" negate, and "cannot" on a verb of consent
  is a refusal ("cannot accept"), on any other verb an inability, no act ("cannot safely
  enter"); a refusal coded as one (12x) is told as the refusal is, not negated;
- a relative clause, a temporal adjunct ("after talks between …", "when the junta
  seized …") and a condition ("canceled if the rebels violate it") tell events of their
  own: past them, only attribution carries; a meeting one
  speaks in ("said in a meeting") is not what is said. A temporal clause in the present
  simple under a verb not in the past ("when the President issues an ultimatum, he should
  know …") tells an occasion, not an act: hypothetical;
- an event noun that is the subject of a verb with "would", "could", "might" or "may" ("an
  attack in the U.S. would pale …") is hypothetical;
- ``generic``: a present simple with a present-simple "when"/"if" clause of its own
  ("When people harm Americans, we don't retreat") states a rule: no event at all;
- a negation on a governor that is no cue word (a copula, a verb of meaning: "it's not
  like the media want to violate …", "doesn't signal diminished support") denies a
  description, not the act: no event at all (``telling`` gives no factuality);
- an open question ("unable to determine if an aircraft bombed …") is its own clause: the
  act asked about is hypothetical, neither negated nor announced;
- an infinitive of purpose that tells a material act ("imposed sanctions to force Iran to
  give up …", "sent personnel to investigate") is an aim: intended, with no modality (the
  code is not recoded as an intent); a verbal act is done by the act it is the purpose
  of ("staged demonstrations to demand reforms", "flew to Paris to meet Lavrov").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from newsgraph.extract.tree import Tree
from newsgraph.knowledge.events import EventKnowledge

# What a threat's content may be told as, which is not how the threat is told.
MODES_OF_THE_ACT = frozenset({"hypothetical", "intended", "expected"})
ORDER = ("cancelled", "negated", "hypothetical", "threat", "expected", "intended", "reported")
# Dependencies that embed a predicate in the word it depends on.
EMBEDDING = ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj", "relcl")
MODAL_DEPS = ("aux", "neg", "mark", "det", "advmod")
REPORTING_DEPS = ("parataxis", "ccomp", "advcl", "prep")
NOMINAL_SUBJECTS = ("nsubj", "nsubjpass")
# A clause on a cue noun ("plans to attack", "a threat to ban") takes the noun's cue.
NOUN_CUES = ("intended", "threat", "expected", "directive")
# What an adjective on an event noun may make of it (cue rows by the adjective's form).
NOUN_MODES = frozenset({"intended", "expected", "hypothetical"})
OWN_EVENT_DEPS = frozenset({"relcl", "prep", "advcl", "ccomp"})
OPEN_QUESTION = ("if", "whether")
FORESEEING = ("hypothetical", "intended")  # "would have to", "will need to": foreseen
MAX_STEPS = 6
PRESENT_TAGS = ("VBZ", "VBP")


@dataclass(slots=True)
class Cues:
    """The cues found on a predicate's chain of governors."""

    roles: set[str] = field(default_factory=set)
    conditional: bool = False  # an "if"/"unless" clause on the chain
    unless: bool = False  # the condition is "unless": what is announced is a threat
    obliged: bool = False  # "must"/"should" on the chain
    able: bool = False  # "can" on the predicate itself: "cannot accept" is a refusal
    asked: bool = False  # a directive asks for it: "advised her to kill"
    speech: bool = False  # a reporting verb governs the predicate
    announced: bool = False  # "said … would": the actor announces it
    rhetorical: bool = False  # negated by a governor that is no cue: "it's not like …"
    purpose: bool = False  # told as the aim of another act: "imposed sanctions to force …"
    asked_about: bool = False  # in an open question: "unable to determine if X bombed …"
    denied: bool = False  # the predicate itself is negated ("did not find", "does not support")
    imagined: bool = False  # "would" on the predicate itself: "He would criticize it a lot."
    had: bool = False  # "had to", "needed to": a past obligation
    done: bool = False  # "had to": told, not said, the act was done ("he had to step down")
    # the roles told of a threatened act, below the word that threatens it ("threatened to
    # attack … if …": the condition is the threat's, the threatening is the act told)
    threatened: set[str] | None = None


def object_denied(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether the verb's object is denied by its determiner ("held no talks", "makes no
    apologies", "offered no support"): the act the verb and its object name was not done."""
    return any(
        knowledge.role(kids.lower[det.i]) == "negated" and det.i == first_word(obj, kids)
        for obj in kids.with_dep(verb, ("dobj",))
        for det in kids.with_dep(obj, ("det",))
    )  # the phrase's first word: not "urged a “no” vote"


def first_word(phrase: Token, kids: Tree) -> int:
    """The first token of a phrase that is no punctuation (an opening quotation mark)."""
    first = phrase.left_edge.i
    while first < phrase.i and kids.pos[first] == "PUNCT":
        first += 1
    return first


def own_cues(
    token: Token, knowledge: EventKnowledge, own: bool, cues: Cues, kids: Tree
) -> None:
    """Add the cues attached to one token of the chain (its auxiliaries, negation, marks,
    "under no condition")."""
    dep, lower = kids.dep, kids.lower
    for child in kids(token):
        label = dep[child.i]
        if label == "amod" and own and kids.pos[token.i] == "NOUN":
            role = knowledge.role(lower[child.i])
            if role in NOUN_MODES:  # "the proposed travel ban", "a possible strike"
                cues.roles.add(role)
            continue
        if label == "prep":
            if knowledge.role(no_phrase(child, kids)) == "negated":
                cues.roles.add("negated")  # "under no condition", "at no time"
            continue
        if label not in MODAL_DEPS:
            continue
        role = knowledge.role(lower[child.i])
        if label == "det" and (role != "negated" or not own):
            continue
        if role in ("negated", "hypothetical", "intended"):
            cues.roles.add(role)
            cues.denied |= own and role == "negated" and label in ("neg", "advmod")
            imagined = knowledge.has_role(lower[child.i], "imagined")
            cues.imagined |= own and label == "aux" and imagined
            cues.conditional |= label == "mark" and role == "hypothetical"
        if label == "aux":
            if role == "obliged" and own and counterfactual(token, kids):
                cues.rhetorical = True  # "we should have had this dialogue": not done, no act
            elif role == "obliged" and inverted(child, token, kids):
                # "should Washington enforce sanctions": a condition, neither asked nor announced
                cues.roles.add("hypothetical")
                cues.conditional = cues.asked_about = True
            else:  # not "should have asked why"
                cues.obliged |= role == "obliged" and not cues.speech
            cues.able |= role == "able" and own
    for child in kids(token):
        if dep[child.i] != "advcl":
            continue
        bound = False  # "even though advisers said …" is no attribution; "as TASS said" is
        for mark in kids(child):
            if dep[mark.i] == "mark" and knowledge.role(lower[mark.i]) == "hypothetical":
                cues.conditional = True
                cues.unless |= lower[mark.i] == "unless"
            bound |= dep[mark.i] == "mark" and lower[mark.i] != "as"
        if (
            not bound
            and dep[child.i] in REPORTING_DEPS
            and knowledge.has_role(kids.lemma[child.i], "reported")
            and not mentions_which(child, kids)  # "according to which"
        ):
            cues.roles.add("reported")  # "…, TASS reported." / "according to …"


def examines(noun: int, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A noun whose "of"/"into"/"to" phrase names an act it examines or ends ("a review of U.S.
    assistance", "an end to the attacks": cue roles ``examine`` and ``halt``): asking for
    the review or the end does not ask for the act."""
    lemma = kids.lemma[noun]
    return kids.pos[noun] == "NOUN" and (
        knowledge.has_role(lemma, "examine") or knowledge.has_role(lemma, "halt")
    )


def mentions_which(clause: Token, kids: Tree) -> bool:
    """Whether "which" is in the clause's subtree (only read when its span has one)."""
    first, last = clause.left_edge.i, clause.right_edge.i
    if "which" not in kids.lower[first : last + 1]:
        return False
    return any(kids.lower[t.i] == "which" for t in clause.subtree)


def no_phrase(prep: Token, kids: Tree) -> str:
    """"under no condition" for a preposition followed by "no" and its object, else ""."""
    lower, i = kids.lower, prep.i
    if i + 1 >= len(lower) or lower[i + 1] != "no":
        return ""
    for obj in kids(prep):
        if kids.dep[obj.i] == "pobj":
            return f"{lower[i]} no {kids.lemma[obj.i]}"
    return ""


def collect(head: Token, knowledge: EventKnowledge, kids: Tree, material: bool = False) -> Cues:
    """Walk up from the predicate, collecting cues. The second verb of a coordination shares
    the first's governors (and, with no subject of its own, its auxiliaries) unless the two
    are contrasted ("but"). Past a relative clause or a temporal adjunct ("after talks
    between …"), which tell events of their own, only attribution carries."""
    cues = inner = Cues()
    dep, role_of = kids.dep, knowledge.role
    token, own = head, True
    if kids.pos[head.i] == "NOUN" and dep[head.i] in NOMINAL_SUBJECTS:
        # "an ISIS attack in the U.S. would pale …": what might be is no act
        verb = kids.tokens[kids.head[head.i]]
        if any(role_of(kids.lower[a.i]) == "hypothetical" for a in kids.with_dep(verb, ("aux",))):
            cues.roles.add("hypothetical")
    if object_denied(head, knowledge, kids):
        cues.roles.add("negated")  # "have held no talks", "offered no support"
        cues.denied = True
    cue_governor = True  # the token's governor on the walk is a cue word (or the token itself)
    examined = False  # the walk has passed a noun that examines or ends it ("a review of")
    child, label = head, ""  # the token the walk came from, and its dependency
    for _ in range(MAX_STEPS):
        negated = "negated" in cues.roles
        own_cues(token, knowledge, own, cues, kids)
        if (
            not (own or negated) and "negated" in cues.roles and label == "ccomp"
            and silent(token, knowledge, kids) and not asked_what(child, kids)
            and kids.tag[child.i] != "VBG"
        ):
            # "I'm not saying that's why I would support …", "Boehner did not say he would
            # pressure …": a clause one does not say tells no act, neither done nor denied
            # (a denial, "denied that its forces had shot down the plane", is a cue of its
            # own; "did not say what conditions the US had set" presupposes them)
            cues.rhetorical = True
        if not (own or negated or cue_governor) and "negated" in cues.roles:
            # "It's not like the media want to violate …", "not so stupid as to destroy
            # it", "doesn't signal diminished support": the negation of a copula or a verb
            # of meaning denies a description, not the act: no act is told
            cues.rhetorical = True
        if dep[token.i] == "conj":
            first = first_conjunct(token, kids)
            if contrasted(first, knowledge, kids):
                break
            if not kids.with_dep(token, NOMINAL_SUBJECTS):
                own_cues(first, knowledge, own, cues, kids)
            token = first
        label, up = dep[token.i], kids.head[token.i]
        if up == token.i:
            if cues is inner and is_question(token, kids):
                cues.roles.add("hypothetical")  # "Did the Senators ask …?", "Will X attack?"
                cues.roles.discard("intended")  # asked about, not announced
            break
        role = role_of(phrasal_lemma(up, kids)) or role_of(kids.lemma[up])
        cue_governor = role is not None or role_of(kids.lower[up]) is not None
        if label == "xcomp" and obliges(kids.tokens[up], knowledge, kids):
            # "needs to release", "has to accept", "ought to go": what one must do, as with
            # "must" (said of another: a demand); not wanted or announced. "does not have
            # to", "need not": no obligation, so no act is told.
            role = None
            cues.obliged |= not cues.speech
            cues.had |= kids.tag[up] == "VBD"
            cues.done |= kids.tag[up] == "VBD" and kids.lemma[up] == "have"
            cues.rhetorical |= any(
                knowledge.role(kids.lower[n.i]) == "negated" or kids.lower[n.i] == "why"
                for n in kids.with_dep(kids.tokens[up], ("neg", "advmod"))
            )  # "why do you have to block me?" asks, lays no obligation
        if role == "threat" and cues.threatened is None:
            cues.threatened = set(cues.roles)
        if label == "pobj" and kids.head[up] != up and examines(kids.head[up], knowledge, kids):
            examined = True  # "a review of U.S. assistance": what is reviewed is not asked for
        aim = material and is_purpose(token, label, kids)
        if label not in EMBEDDING and not (label == "acl" and role in NOUN_CUES) and not aim:
            break
        # past "in order to" only attribution carries (as past an adjunct); an adverbial aim
        # keeps its governor's cues ("threatened to send troops to attack": a threat)
        bound = (aim and label == "acl") or (
            label in OWN_EVENT_DEPS and own_event(token, label, knowledge, kids)
        )
        governor = kids.tokens[up]
        cues.purpose |= aim and cues is inner
        if bound and cues is inner:
            if label == "advcl" and occasion(token, knowledge, kids) and not past(governor, kids):
                cues.roles.add("hypothetical")  # "when X issues an ultimatum, he should …"
            cues.asked_about |= label == "ccomp"  # (only an open question binds a ccomp)
            cues = Cues()  # a relative clause, "after …": its own event
        if role == "reported" and (
            (bound and label != "relcl") or knowledge.role(kids.lower[token.i]) == "setting"
        ):
            role = None  # "said in a meeting", "said during his trip": when, not what
        elif role == "directive":
            role = None if examined else asks(governor, token, kids)
        elif role == "reported" and label == "xcomp" and kids.with_dep(governor, ("dobj",)):
            role = "asked"  # "told her to kill": an order, not a report
        cues.asked |= role == "asked"
        if role in ORDER:
            cues.roles.add(role)
        cues.speech |= role == "reported"
        if role == "reported" and cues.had and kids.tag[up] in PRESENT_TAGS:
            # "Cifuni states that RCA members needed to hide their weapons": a past
            # necessity told now, no demand (a demand is backshifted only under "said")
            cues.obliged = False
        child, token, own = token, governor, False
    if cues is not inner:
        inner.roles |= cues.roles & {"reported"}
        inner.speech |= cues.speech
    if inner.done and not inner.speech:
        inner.obliged = False  # "he almost immediately had to walk back his message": he did
    if inner.speech and "hypothetical" in inner.roles and not inner.asked_about:
        # "said they would boycott": the future of the past; with a condition ("would meet
        # … if"), a conditional offer: announced, but not asserted.
        inner.announced = True
        if not inner.conditional:
            inner.roles.discard("hypothetical")
            inner.roles.add("intended")
    return inner


def obliges(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A verb of obligation governing a "to" infinitive (cue role ``obliging``: "needs to",
    "has to", "ought to"): a semi-modal, read as "must". Not in the passive ("troops are
    needed to push back the Taliban": what for) nor under "would", "may", "might", "could"
    ("Vienna may have to reconsider", "the next leader would have to unify his party": a
    necessity foreseen, laid on no one; so "will have to"), nor "has yet to", nor "having to".
    """
    if not knowledge.has_role(kids.lemma[verb.i], "obliging") or kids.tag[verb.i] == "VBG":
        return False  # "complained about having to attend": no one lays it
    for child in kids(verb):
        label = kids.dep[child.i]
        if (
            label in ("auxpass", "nsubjpass", "dobj")  # "had no right to stand": a possession
            or (label == "aux" and knowledge.role(kids.lower[child.i]) in FORESEEING)
            or kids.lower[child.i] == "yet"  # "has yet to refute": not done yet
        ):
            return False
    return any(
        kids.dep[c.i] == "xcomp"
        and any(kids.dep[a.i] == "aux" and kids.lower[a.i] == "to" for a in kids(c))
        for c in kids(verb)
    )


def counterfactual(verb: Token, kids: Tree) -> bool:
    """ "should have had", "should have learned": what ought to have been done was not."""
    return any(
        kids.lemma[a.i] == "have" and kids.tag[a.i] == "VB"
        for a in kids.with_dep(verb, ("aux",))
    )


def inverted(auxiliary: Token, verb: Token, kids: Tree) -> bool:
    """ "should Washington enforce sanctions": "should" before its verb's subject, in a clause
    that is not the sentence's root, is a condition ("if Washington enforces …"), no obligation."""
    subjects = kids.with_dep(verb, NOMINAL_SUBJECTS)
    return (
        bool(subjects) and auxiliary.i < subjects[0].i and kids.head[verb.i] != verb.i
    )  # (a root: "Should we stay?" is a question)


def obligation(head: Token, knowledge: EventKnowledge, kids: Tree) -> Token | None:
    """The verb of obligation whose infinitive the predicate is ("needs to release"), if any."""
    up = kids.head[head.i]
    if kids.dep[head.i] == "xcomp" and up != head.i and obliges(kids.tokens[up], knowledge, kids):
        return kids.tokens[up]
    return None


def asked_what(clause: Token, kids: Tree) -> bool:
    """A clause that opens with a question word or "whether"/"if" ("what conditions the US
    had set"): what it names is presupposed or asked about, not told."""
    first = first_word(clause, kids)
    return kids.tag[first].startswith("W") or kids.lower[first] in OPEN_QUESTION


def silent(token: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A verb of telling or reporting ("say", "mention", "confirm": word class ``telling``,
    cue role ``reported``): negated, it tells nothing of the clause it governs."""
    lemma = kids.lemma[token.i]
    return kids.pos[token.i] in ("VERB", "AUX") and (
        lemma in knowledge.telling or knowledge.role(lemma) == "reported"
    )


def generic(head: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A generic statement, no event: a verb in the present simple whose own "when", "if"
    or "whenever" clause is in the present simple too ("When people harm Americans, we
    don't retreat", "if they attack, we respond"): a rule or habit, not an act."""
    if not present_simple(head, kids):
        return False
    for clause in kids.with_dep(head, ("advcl",)):
        if occasion(clause, knowledge, kids) or present_simple(clause, kids) and any(
            knowledge.role(kids.lower[m.i]) == "hypothetical"
            for m in kids.with_dep(clause, ("mark",))
        ):
            return True
    return False


def occasion(clause: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A clause in the present simple that names an occasion ("when people harm …",
    "once they agree"; cue role ``occasion``)."""
    return present_simple(clause, kids) and any(
        knowledge.has_role(kids.lower[m.i], "occasion")
        for m in kids.with_dep(clause, ("mark", "advmod"))
    )


def present_simple(verb: Token, kids: Tree) -> bool:
    """A verb in the present simple, active or passive ("harm", "does not retreat", "is
    attacked"), not progressive, perfect or modal."""
    auxiliaries = kids.with_dep(verb, ("aux", "auxpass"))
    if any(kids.tag[a.i] not in PRESENT_TAGS or kids.lemma[a.i] == "have" for a in auxiliaries):
        return False
    tag = kids.tag[verb.i]
    return tag in PRESENT_TAGS or (tag in ("VB", "VBN") and bool(auxiliaries))


def past(verb: Token, kids: Tree) -> bool:
    """A verb told in a past tense (its own or an auxiliary's)."""
    auxiliaries = kids.with_dep(verb, ("aux", "auxpass"))
    return kids.tag[verb.i] == "VBD" or any(kids.tag[a.i] == "VBD" for a in auxiliaries)


def phrasal_lemma(i: int, kids: Tree) -> str:
    """A verb's lemma with its particle ("call off") when it has one, else its lemma."""
    for child in kids(kids.tokens[i]):
        if kids.dep[child.i] == "prt":
            return f"{kids.lemma[i]} {kids.lower[child.i]}"
    return kids.lemma[i]


def is_purpose(token: Token, label: str, kids: Tree) -> bool:
    """An infinitive of purpose: "imposed sanctions to force Iran to …", "in order to force
    it …" (a "to" infinitive with no subject of its own, adverbial or on "order"). What it
    tells is the actor's aim, not an act done (for a material act: see ``collect``)."""
    if label == "acl":
        if kids.lemma[kids.head[token.i]] != "order":
            return False
    elif label != "advcl":
        return False
    children = kids(token)
    return kids.tag[token.i] == "VB" and any(
        kids.dep[c.i] == "aux" and kids.lower[c.i] == "to" for c in children
    ) and not any(kids.dep[c.i] in NOMINAL_SUBJECTS for c in children)


def own_event(token: Token, label: str, knowledge: EventKnowledge, kids: Tree) -> bool:
    """A relative clause, a temporal adjunct ("after talks", "before they met"), a
    condition ("if they attack") or an open question ("determine whether X bombed …")."""
    if label == "relcl" or (label in ("advcl", "ccomp") and any(
        knowledge.role(kids.lower[a.i]) == "obliged" and inverted(a, token, kids)
        for a in kids.with_dep(token, ("aux",))
    )):
        return True  # "should Washington enforce sanctions": a condition, its own event
    if label == "prep":
        return knowledge.role(kids.lower[token.i]) == "adjunct"
    if label == "ccomp":  # "unable to determine if an aircraft bombed …": an open question
        return any(kids.lower[m.i] in OPEN_QUESTION for m in kids.with_dep(token, ("mark",)))
    marks = kids.with_dep(token, ("mark", "advmod"))  # "after they met", "when … seized"
    # and a condition: "the cease-fire will be canceled if the rebels violate it" - the
    # violation is hypothetical, not cancelled ("unless" names what a threat demands, and
    # shares the threat: ``Cues.unless``)
    return any(
        knowledge.role(kids.lower[m.i]) == "adjunct"
        or knowledge.role(kids.lower[m.i]) == "hypothetical" and kids.lower[m.i] != "unless"
        for m in marks
    )


def first_conjunct(token: Token, kids: Tree) -> Token:
    dep, head = kids.dep, kids.head
    i = token.i
    while dep[i] == "conj" and head[i] != i:
        i = head[i]
    return kids.tokens[i]


def contrasted(first: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """True when the coordination is a contrast ("did not fight but surrendered")."""
    return any(
        knowledge.role(kids.lower[c.i]) == "contrast" for c in kids.with_dep(first, ("cc",))
    )


def asks(directive: Token, clause: Token, kids: Tree) -> str | None:
    """How a directive verb governs a clause: "asked" for what it asks for ("advised her to
    kill", "recommended the troops withdraw", "called for sanctions"), "reported" for what
    it tells ("advised that the talks had failed"), None for a clause beside it ("called on
    Italy to join, adding …")."""
    label = kids.dep[clause.i]
    if label in ("xcomp", "dobj", "acl"):
        return "asked"
    if label == "prep":  # "called for sanctions"; not "asked about the talks"
        return "asked" if kids.lower[clause.i] == "for" else None
    auxiliaries = [kids.lower[a.i] for a in kids.with_dep(clause, ("aux",))]
    if label == "advcl":  # "calling for the troops to surrender"
        return "asked" if "to" in auxiliaries else None
    if label != "ccomp":
        return None
    return "asked" if kids.tag[clause.i] == "VB" or "should" in auxiliaries else "reported"


def is_question(root: Token, kids: Tree) -> bool:
    """A yes–no question: the sentence root ends in "?" and an auxiliary comes before its
    subject with no question word ahead ("Did the Senators ask …?", not "Why did …?")."""
    children = kids(root)
    if not any(kids.lower[c.i] == "?" for c in children):
        return False
    subjects = [c.i for c in children if kids.dep[c.i] in NOMINAL_SUBJECTS]
    auxiliaries = [c.i for c in children if kids.dep[c.i] in ("aux", "auxpass")]
    if not subjects or not auxiliaries or auxiliaries[0] > subjects[0]:
        return False
    return not any(kids.tag[i].startswith("W") for i in range(root.left_edge.i, auxiliaries[0]))


def telling(
    head: Token,
    knowledge: EventKnowledge,
    kids: Tree,
    material: bool = False,
    rejection: bool = False,
) -> tuple[str | None, str | None]:
    """The event's factuality and modality, from one walk up its governors; factuality None
    when no act is told (a governor that is no cue negated: "it's not like they want to …";
    see ``denies_no_act`` for a negated predicate). ``material``: the event is a material
    act (an infinitive of purpose makes it an aim); ``rejection``: its code is one (12)."""
    cues = collect(head, knowledge, kids, material)
    if cues.rhetorical or imagined(cues) or denies_no_act(head, cues, knowledge, kids, rejection):
        return None, None
    mode = modality(cues)
    if mode in ("refused", "forbidden"):
        return refusal(cues), mode
    if mode == "threatened":
        return threat(cues), mode
    return factuality(cues), mode


def threat(cues: Cues) -> str:
    """How a threat is told, when the threat is the event coded (13x): the threatening is
    the act, so what is threatened being yet to come, or conditional, does not make it
    hypothetical ("North Korea threatened to attack if the drills continue": asserted; "said
    it would attack unless …": reported). A threat itself under a condition or a modal
    stays so ("If North Korea threatens to attack", "Iran could threaten to …")."""
    content = cues.threatened if cues.threatened is not None else {"hypothetical", "intended"}
    told = replace(cues, roles=cues.roles - {"threat"} - (content & MODES_OF_THE_ACT))
    if cues.threatened is None:
        told.obliged = told.asked = False
    return factuality(told)


def refusal(cues: Cues) -> str:
    """How a refusal is told, when the refusal is the event coded ("will not support" is a
    rejection, 12x): the negation and the "will" make the refusal, they do not deny it, so
    "Russia will not accept the sanctions" is asserted, "said it would not accept" reported,
    "if North Korea will not offer …" hypothetical. So for a demand that something not be
    done ("Republicans say the U.S. should not further reward Iran": reported)."""
    told = replace(cues, roles=cues.roles - {"negated", "intended"}, able=False)
    return factuality(told)


def imagined(cues: Cues) -> bool:
    """An act only imagined: "would" on the predicate itself (cue role ``imagined``) with no
    one announcing it, no condition and no other cue ("He would criticize it a lot", "a
    strong leader would withhold that aid", "Iran and world powers would then agree"): the
    writer's or a speaker's scenario, not an act told. "said they would boycott" is
    announced, "would meet … if" a conditional offer, "a bill that would have permitted
    China to extradite" has "would" on another verb: all stay coded."""
    return (
        cues.imagined
        and not (cues.speech or cues.conditional or cues.asked or cues.obliged)
        and cues.roles <= {"hypothetical"}
    )


def denies_no_act(
    head: Token, cues: Cues, knowledge: EventKnowledge, kids: Tree, rejection: bool
) -> bool:
    """Whether the negation of the predicate itself tells no act at all:

    - a negated rejection ("would not rule out talks", "did not dismiss a comment") leaves
      the matter open: neither a refusal nor a rejection;
    - a negated outcome ("did not find evidence": cue role ``outcome``) tells what an act
      did not yield, not an act not done (they did investigate);
    - "cannot" on a verb that is no consent (cue role ``consent``: "cannot accept" is a
      refusal) tells an inability, not a refusal: "FBI agents cannot safely enter the city",
      "if the administration cannot ease senators' concern".
    """
    if not cues.denied:
        return False
    lemma = phrasal_lemma(head.i, kids)
    if cues.able and not knowledge.has_role(lemma, "consent"):
        return True
    if cues.conditional:
        return False
    return rejection or knowledge.has_role(lemma, "outcome")


def factuality(cues: Cues) -> str:
    """asserted | intended | expected | negated | hypothetical | reported | cancelled. What
    someone must or should do, or is asked to do, is not done: hypothetical; what was
    planned and then called off, postponed or scrapped: cancelled."""
    if "cancelled" in cues.roles:
        return "cancelled"
    demand = cues.obliged and cues.speech  # the demand is the event: "X said Y must …"
    if (cues.obliged and not demand or cues.asked) and "negated" not in cues.roles:
        return "hypothetical"
    for role in ORDER:
        if role in cues.roles:
            return "hypothetical" if role == "threat" else role
        if role == "intended" and cues.purpose:
            return "intended"  # an aim: not done as told, and not announced (no modality)
    return "asserted"


def modality(cues: Cues) -> str | None:
    """How the actor tells the event, when it does not simply report it as done:

    - ``threatened``: "threatened to ban", "will withdraw … unless …";
    - ``demanded``: "X said Y must return …" (X demands it of Y);
    - ``forbidden``: "X said Y must not buy …" (X demands that Y not do it);
    - ``refused``: "will not accept", "would not meet";
    - ``intended``: "agreed to share", "will give", "keen to sell";
    else None.
    """
    if "cancelled" in cues.roles:
        return None  # a cancelled visit is a visit that did not happen, not an intent
    if "threat" in cues.roles:
        return "threatened"
    if cues.obliged and cues.speech:
        return "forbidden" if "negated" in cues.roles else "demanded"
    if "negated" in cues.roles and cues.able:
        return "refused"  # "cannot accept", "under no condition can we agree"
    if "intended" in cues.roles or cues.announced:
        if "negated" in cues.roles:
            return "refused"
        return "threatened" if cues.unless else "intended"
    return None

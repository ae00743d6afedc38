"""Factuality of an event: did it happen as told, or is it intended, expected, denied ...?

The cues are words in ``knowledge/events/cues.tsv``; the method is a walk from the predicate
up its chain of governors ("keen" -> "to sell", "expected" -> "to push", "said" -> "would
sanction"), collecting the cues met. The strongest wins: negated, hypothetical (a threat is
hypothetical too), expected, intended, reported, else asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.extract.event_knowledge import EventKnowledge
from newsgraph.extract.tree import Tree

ORDER = ("negated", "hypothetical", "threat", "expected", "intended", "reported")
# Dependencies that embed a predicate in the word it depends on.
EMBEDDING = ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj", "relcl")
MODAL_DEPS = ("aux", "neg", "mark", "det", "advmod")
REPORTING_DEPS = ("parataxis", "ccomp", "advcl", "prep")
MAX_STEPS = 6


@dataclass(slots=True)
class Cues:
    """The cues found on a predicate's chain of governors."""

    roles: set[str] = field(default_factory=set)
    conditional: bool = False  # an "if"/"unless" clause on the chain
    unless: bool = False  # the condition is "unless": what is announced is a threat
    obliged: bool = False  # "must" on the predicate itself
    speech: bool = False  # a reporting verb governs the predicate
    announced: bool = False  # "said … would": the actor announces it


def own_cues(
    token: Token, knowledge: EventKnowledge, own: bool, cues: Cues, kids: Tree
) -> None:
    """Add the cues attached to one token of the chain (its auxiliaries, negation, marks)."""
    dep, lower = kids.dep, kids.lower
    for child in kids(token):
        label = dep[child.i]
        if label not in MODAL_DEPS:
            continue
        role = knowledge.role(lower[child.i])
        if label == "det" and (role != "negated" or not own):
            continue
        if role in ("negated", "hypothetical", "intended"):
            cues.roles.add(role)
            cues.conditional |= label == "mark" and role == "hypothetical"
        cues.obliged |= role == "obliged" and label == "aux"
    for child in kids(token):
        if dep[child.i] != "advcl":
            continue
        for mark in kids(child):
            if dep[mark.i] == "mark" and knowledge.role(lower[mark.i]) == "hypothetical":
                cues.conditional = True
                cues.unless |= lower[mark.i] == "unless"
        if (
            dep[child.i] in REPORTING_DEPS
            and knowledge.role(kids.lemma[child.i]) == "reported"
            and not any(t.lower_ == "which" for t in child.subtree)  # "according to which"
        ):
            cues.roles.add("reported")  # "…, TASS reported." / "according to …"


def collect(head: Token, knowledge: EventKnowledge, kids: Tree) -> Cues:
    cues = Cues()
    token, own = head, True
    for _ in range(MAX_STEPS):
        own_cues(token, knowledge, own, cues, kids)
        if not own:
            role = knowledge.role(kids.lemma[token.i])
            if role in ORDER:
                cues.roles.add(role)
            cues.speech |= role == "reported"
        head = kids.head[token.i]
        if kids.dep[token.i] not in EMBEDDING or head == token.i:
            break
        token, own = kids.tokens[head], False
    if cues.speech and "hypothetical" in cues.roles:
        # "said they would boycott": the future of the past; with a condition ("would meet
        # … if"), a conditional offer: announced, but not asserted.
        cues.announced = True
        if not cues.conditional:
            cues.roles.discard("hypothetical")
            cues.roles.add("intended")
    return cues


def telling(head: Token, knowledge: EventKnowledge, kids: Tree) -> tuple[str, str | None]:
    """The event's factuality and modality, from one walk up its governors."""
    cues = collect(head, knowledge, kids)
    return factuality(cues), modality(cues)


def factuality(cues: Cues) -> str:
    """asserted | intended | expected | negated | hypothetical | reported."""
    for role in ORDER:
        if role in cues.roles:
            return "hypothetical" if role == "threat" else role
    return "asserted"


def modality(cues: Cues) -> str | None:
    """How the actor tells the event, when it does not simply report it as done:

    - ``threatened``: "threatened to ban", "will withdraw … unless …";
    - ``demanded``: "X said Y must return …" (X demands it of Y);
    - ``refused``: "will not accept", "would not meet";
    - ``intended``: "agreed to share", "will give", "keen to sell";
    else None.
    """
    if "threat" in cues.roles:
        return "threatened"
    if cues.obliged and cues.speech:
        return "demanded"
    if "intended" in cues.roles or cues.announced:
        if "negated" in cues.roles:
            return "refused"
        return "threatened" if cues.unless else "intended"
    return None

"""Factuality of an event: did it happen as told, or is it intended, expected, denied ...?

The cues are words in ``knowledge/events/cues.tsv``; the method is a walk from the predicate
up its chain of governors ("keen" -> "to sell", "expected" -> "to push", "said" -> "would
sanction"), collecting the strongest cue met. Strength, strongest first: negated,
hypothetical, threat, expected, intended, reported, then asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.event_knowledge import EventKnowledge

ORDER = ("negated", "hypothetical", "threat", "expected", "intended", "reported")
# Dependencies that embed a predicate in the word it depends on.
EMBEDDING = ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj", "relcl")
MODAL_DEPS = ("aux", "neg", "mark", "det", "advmod")
REPORTING_DEPS = ("parataxis", "ccomp", "advcl", "prep")


def cue_roles(token: Token, knowledge: EventKnowledge, own: bool) -> set[str]:
    """The roles of the cues attached to one token of the chain."""
    roles = set()
    for child in token.children:
        if child.dep_ not in MODAL_DEPS:
            continue
        role = knowledge.role(child.lower_)
        if child.dep_ == "det" and (role != "negated" or not own):
            continue
        if role in ("negated", "hypothetical", "intended"):
            roles.add(role)
    if not own:
        role = knowledge.role(token.lemma_.lower())
        if role in ORDER:
            roles.add(role)
    return roles


def reported_by(token: Token, knowledge: EventKnowledge) -> bool:
    """True when a reporting verb hangs off the clause: "…, TASS reported." / "according to"."""
    for child in token.children:
        if child.dep_ in REPORTING_DEPS and knowledge.role(child.lemma_.lower()) == "reported":
            return True
    return False


def factuality(head: Token, knowledge: EventKnowledge) -> str:
    """asserted | intended | expected | negated | hypothetical | reported (threat -> hypothetical).

    "would" in a clause reported by a speech verb is the future of the past ("said they would
    boycott"), so it counts as intended unless an "if"/"unless" clause makes it conditional.
    """
    roles: set[str] = set()
    token, own, steps = head, True, 0
    while steps < 6:
        roles |= cue_roles(token, knowledge, own)
        if reported_by(token, knowledge):
            roles.add("reported")
        if token.dep_ not in EMBEDDING or token.head is token:
            break
        future_of_past = (
            knowledge.role(token.head.lemma_.lower()) == "reported"
            and "hypothetical" in roles
            and not any(c.dep_ == "advcl" and has_condition(c, knowledge) for c in head.children)
        )
        if future_of_past:
            roles.discard("hypothetical")
            roles.add("intended")
        token, own, steps = token.head, False, steps + 1
    for role in ORDER:
        if role in roles:
            return "hypothetical" if role == "threat" else role
    return "asserted"


def has_condition(clause: Token, knowledge: EventKnowledge) -> bool:
    return any(
        c.dep_ == "mark" and knowledge.role(c.lower_) == "hypothetical" for c in clause.children
    )


def modality(head: Token, knowledge: EventKnowledge) -> str | None:
    """How the event is announced: "threat" (threatened to, … unless), "intended", else None."""
    token, steps = head, 0
    conditional = any(c.dep_ == "advcl" and has_condition(c, knowledge) for c in head.children)
    found = None
    while steps < 4:
        roles = cue_roles(token, knowledge, own=steps == 0)
        if "threat" in roles:
            return "threat"
        if "intended" in roles and found is None:
            found = "intended"
        if token.dep_ not in ("xcomp", "ccomp", "acomp") or token.head is token:
            break
        token, steps = token.head, steps + 1
    if found == "intended" and conditional:
        return "threat"
    return found

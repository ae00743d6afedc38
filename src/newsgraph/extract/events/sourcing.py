"""News writing's sentences about its own sources: no event.

"officials, who spoke on condition of anonymity to discuss the talks", "who requested
anonymity to speak freely": the verbs tell how a source talked to the reporter, not an act
between political actors (no consultation, no appeal). The nouns that mark such a clause
are the word class ``sourcing`` of ``word_classes.tsv`` ("anonymity"), so an analyst can
add more without touching code.

"Rosen asked Psaki if her predecessor was speaking truthfully", "asked Feinstein about the
program": a question (cue role ``question``), not an appeal, which asks someone to do
something ("asked Lavrov to press Assad")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.predicates import to_infinitive
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.events import EventKnowledge

PURPOSE_DEPS = ("advcl", "xcomp", "acl", "relcl", "ccomp")  # where a clause hangs on its governor
NOUN_PATH_DEPS = ("dobj", "prep", "pobj", "npadvmod", "nsubjpass")
DEPTH = 4  # "on [the condition] of anonymity": prep, pobj, prep, pobj


def about_sourcing(head: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a predicate tells how a source spoke: its own clause names a sourcing noun
    ("requested anonymity"), or it is the infinitive of purpose of a clause or noun that
    does ("spoke on condition of anonymity to discuss", "anonymity to discuss")."""
    if not knowledge.sourcing:
        return False
    if names_sourcing(head, knowledge, kids):
        return True
    if kids.dep[head.i] not in PURPOSE_DEPS or not to_infinitive(head, kids):
        return False
    governor = kids.tokens[kids.head[head.i]]
    return kids.lemma[governor.i] in knowledge.sourcing or names_sourcing(
        governor, knowledge, kids
    )


def names_sourcing(verb: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a sourcing noun is the verb's object or in a prepositional phrase of it."""
    level = [c for c in kids(verb) if kids.dep[c.i] in NOUN_PATH_DEPS]
    for _ in range(DEPTH):
        if any(kids.lemma[t.i] in knowledge.sourcing for t in level):
            return True
        level = [c for t in level for c in kids(t) if kids.dep[c.i] in NOUN_PATH_DEPS]
    return False


QUESTION_MARKS = frozenset({"if", "whether"})
QUESTION_DEPS = ("ccomp", "advcl")


def asks_a_question(head: Token, knowledge: EventKnowledge, kids: Tree) -> bool:
    """Whether a verb of asking (cue role ``question``) asks a question: a clause under
    "if", "whether" or a question word, or "about" a topic, and no infinitive of what to do."""
    if not knowledge.has_role(kids.lemma[head.i], "question"):
        return False
    children = kids(head)
    if any(kids.dep[c.i] == "xcomp" for c in children):
        return False  # "asked Lavrov to press Assad": an appeal
    if any(kids.dep[c.i] == "prep" and kids.lower[c.i] == "about" for c in children):
        return True
    return any(is_question_clause(c, kids) for c in children if kids.dep[c.i] in QUESTION_DEPS)


def is_question_clause(clause: Token, kids: Tree) -> bool:
    """A clause under "if"/"whether", or one that starts with a question word ("what she
    discussed", "why the administration failed")."""
    if any(kids.lower[m.i] in QUESTION_MARKS for m in kids.with_dep(clause, ("mark",))):
        return True
    first = clause.left_edge.i
    return kids.tag[first] in ("WP", "WRB", "WDT", "WP$")

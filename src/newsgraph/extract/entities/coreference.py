"""Coreference: the entity each third-person pronoun stands for, resolved once per article.

Quotes (a cue's "he said") and events (an argument's "he", "it") read the answer from the
article's context, so one pronoun names one entity in both. In order:

1. A pronoun entity linking made a mention of an entity ("Imran Khan … his visit") is that
   entity.
2. "it" with a copula and an attribute ("it is the responsibility of …") refers to nothing.
3. The subject pronoun of a clause reported by a speech verb is that verb's subject
   ("Syria says it will …", "Putin said he would …"), when the subject names an entity; when
   it names another phrase ("rebels said they …"), the pronoun has no entity.
4. Otherwise an earlier entity of a fitting type and gender (he/she: a person; it: a
   country or organisation) within ``WINDOW_CHARS``, outside quotations unless the pronoun
   is inside one: the most recent one that is the subject of its clause (what the text is
   about: "Panetta … an emotional opportunity. '…,' he told reporters"), else the nearest.

A surname entity NER left unmerged ("Price") stands for the fuller person ("Ned Price").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from newsgraph.extract.context import ArticleContext, Referent
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.events import EventKnowledge
from newsgraph.model import Entity

PERSONAL = {"he": "male", "him": "male", "his": "male",
            "she": "female", "her": "female", "hers": "female"}
COLLECTIVE = frozenset({"it", "its"})
TYPES = {"personal": ("PERSON",), "collective": ("GPE", "ORG")}
WINDOW_CHARS = 1500  # how far back a pronoun's antecedent may be
SUBJECT_DEPS = ("nsubj", "nsubjpass")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def resolve_pronouns(context: ArticleContext) -> dict[int, Referent]:
    """Pronoun (its character offset) -> the entity it stands for, for every third-person
    pronoun of the article that stands for one."""
    resolver = Coreference(context)
    found = {}
    for token in context.doc:
        if token.pos_ != "PRON" or not (token.lower_ in PERSONAL or token.lower_ in COLLECTIVE):
            continue
        referent = resolver.referent(token)
        if referent is not None:
            found[token.idx] = referent
    return found


def is_expletive(pronoun: Token) -> bool:
    """ "it is the responsibility of …": an "it" with a copula and an attribute."""
    head = pronoun.head
    return (
        pronoun.lower_ == "it"
        and (head.lemma_ == "be" or head.lower_ in ("’s", "'s"))
        and any(child.dep_ == "attr" for child in head.children)
    )


def reporting_subject(pronoun: Token, events: EventKnowledge) -> Token | None:
    """The subject of the speech verb whose reported clause a third-person pronoun is the
    subject of: "Syria" in "Syria says it will …", "rebels" in "rebels said they would …"."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.lower_ in FIRST_PERSON:
        return None
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
            return None
        clause = clause.head
        if events.role(clause.lemma_.lower()) == "reported":
            break
    else:
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return subjects[0] if subjects else None


def previous_sentence_start(tree: Tree, token: Token) -> int:
    """The character offset where the sentence before the token's sentence starts."""
    start, _ = tree.sentence(token.i)
    if start == 0:
        return 0
    return tree.starts[tree.sentence(start - 1)[0]]


def fuller_person(entity: Entity, entities: list[Entity], honorifics: dict[str, str]) -> Entity:
    """For an unmerged surname ("Price", "Mr Price"), the fuller PERSON entity ending with it."""
    if entity.type != "PERSON":
        return entity
    words = entity.name.split()
    if len(words) > 1 and words[0].lower().rstrip(".") not in honorifics:
        return entity
    surname = words[-1]
    fuller = [
        other
        for other in entities
        if other.type == "PERSON"
        and other is not entity
        and len(other.name.split()) > len(words)
        and other.name.split()[-1] == surname
    ]
    return min(fuller, key=lambda e: e.mentions[0].start) if fuller else entity


class Coreference:
    """Resolves the pronouns of one article (see the module docstring for the rules)."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.tree = context.tree
        self.index = context.index
        self.honorifics = context.knowledge.quotes.honorifics
        self.genders = {e.id: self.gender(e) for e in context.entities if e.type == "PERSON"}

    def referent(self, pronoun: Token) -> Referent | None:
        linked = self.index.for_span(pronoun)
        if linked is not None:
            return Referent(linked, True)
        if is_expletive(pronoun):
            return None
        reporter = reporting_subject(pronoun, self.context.knowledge.events)
        if reporter is not None:
            entity = self.index.for_span(reporter)
            return self.fuller(entity, True) if entity is not None else None
        return self.antecedent(pronoun)

    def fuller(self, entity: Entity, subject: bool) -> Referent:
        return Referent(fuller_person(entity, self.context.entities, self.honorifics), subject)

    def antecedent(self, pronoun: Token) -> Referent | None:
        """The most recent fitting subject, else the nearest fitting mention (rule 4 of the
        module); ``subject`` says whether it is a subject of this or the previous sentence."""
        candidates = list(self.candidates(pronoun))  # nearest first
        if not candidates:
            return None
        earliest = previous_sentence_start(self.tree, pronoun)
        for start, end, entity in candidates:
            if self.is_subject_at(start, end):
                return self.fuller(entity, start >= earliest)
        return self.fuller(candidates[0][2], False)

    def candidates(self, pronoun: Token):
        """Mentions of a fitting type and gender before the pronoun, nearest first, within
        ``WINDOW_CHARS``; a pronoun outside quotation marks does not refer into a quotation."""
        word = pronoun.lower_
        gender = PERSONAL.get(word)
        types = TYPES["personal"] if gender else TYPES["collective"]
        quoted = self.context.in_quote(pronoun.idx)
        spans = self.index.spans
        i = bisect_left(self.index.starts, pronoun.idx) - 1
        while i >= 0 and spans[i][0] >= pronoun.idx - WINDOW_CHARS:
            start, end, entity = spans[i]
            i -= 1
            if entity.type not in types or end > pronoun.idx:
                continue
            if not quoted and self.context.in_quote(start):
                continue
            if gender and self.genders.get(entity.id) not in (None, gender):
                continue
            yield start, end, entity

    def is_subject_at(self, start: int, end: int) -> bool:
        found = self.tree.char_span(start, end)
        if found is None:
            return False
        return self.tree.dep[self.tree.root(*found).i] in SUBJECT_DEPS

    def gender(self, entity: Entity) -> str | None:
        """A person's gender from an honorific in or just before a mention ("Mr", "Ms"),
        else from the first name of a full name ("Hillary Clinton") when that name is given
        almost only to one sex (``first_names.tsv``)."""
        text = self.context.text
        for mention in entity.mentions:
            words = mention.text.split()
            before = text[max(0, mention.start - 6) : mention.start].split()
            for word in words[:1] + before[-1:]:
                gender = self.honorifics.get(word.lower())
                if gender:
                    return gender
        first_names = self.context.knowledge.quotes.first_names
        for mention in entity.mentions:
            words = mention.text.split()
            if len(words) > 1 and (gender := first_names.get(words[0].lower())):
                return gender
        return None

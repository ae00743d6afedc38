"""Coreference: the entity each third-person pronoun stands for, resolved once per article.

Quotes (a cue's "he said") and events (an argument's "he", "it") read the answer from the
article's context, so one pronoun names one entity in both. In order:

1. A pronoun entity linking made a mention of an entity ("Imran Khan … his visit") is that
   entity.
2. "it" with a copula and an attribute ("it is the responsibility of …") refers to nothing.
3. The subject pronoun of a clause reported by a speech verb is that verb's subject
   ("Syria says it will …", "Putin said he would …"), when the subject names an entity; when
   it names another phrase ("rebels said they …"), the pronoun has no entity.
4. he/she: sentence by sentence back from the pronoun's own (up to ``SENTENCES_BACK``), a
   person of a fitting gender who is a main-clause subject (what the text is about:
   "Mr. Clarke said the Patriot deal … . He is not only reclaiming …"), else the nearest
   person of that gender named in that sentence; an earlier pronoun subject counts as the
   person it stands for, so a chain of "he"s keeps its person. Past those sentences, the
   most recent fitting subject within ``WINDOW_CHARS``, else the nearest fitting mention.
   Mentions inside quotations count only for a pronoun inside one.
5. it/its: the nearest subject before it in its sentence or the one before decides: a
   country or organisation is the referent, a person is passed over, a text ("the report
   said … it added") stands for its author ("a Times article") or for nothing, and any
   other subject ("the plan", "the situation") or none means no entity.

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
GROUP = frozenset({"they"})
GROUP_TYPES = ("ORG", "NORP")
PLURAL_TAGS = ("NNS", "NNPS")
TYPES = {"personal": ("PERSON",), "collective": ("GPE", "ORG")}
WINDOW_CHARS = 1500  # how far back a pronoun's antecedent may be
SUBJECT_DEPS = ("nsubj", "nsubjpass")
MAIN_CLAUSES = ("conj", "parataxis", "ccomp")  # clauses on a par with the sentence's root
SENTENCES_BACK = 4  # sentences before a he/she in which its person is looked for first
RELATIVES = frozenset({"who", "which", "that"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def resolve_pronouns(context: ArticleContext) -> dict[int, Referent]:
    """Pronoun (its character offset) -> the entity it stands for, for every third-person
    pronoun of the article that stands for one."""
    resolver = Coreference(context)
    found = {}
    for token in context.doc:
        word = token.lower_
        if token.pos_ != "PRON" or not (word in PERSONAL or word in COLLECTIVE or word in GROUP):
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
    subject of: "Syria" in "Syria says it will …", "rebels" in "rebels said they would …",
    "the Houthis" in "the Houthis issued a statement saying they will …". Past a clause with
    a noun subject of its own the reporter's subject is not the pronoun's ("a representative vowed
    they would …, AFP reports"): the pronoun itself is returned, which names no one."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.lower_ in FIRST_PERSON:
        return None
    clause = pronoun.head
    between = False  # a clause on the way up has a noun subject of its own
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
            return None
        clause = clause.head
        if events.role(clause.lemma_.lower()) == "reported":
            break
        between |= any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children)
    else:
        return None
    if between:
        return pronoun  # "X vowed they would …, AFP reports": not AFP's
    if clause.dep_ == "acl" and clause.head.dep_ == "dobj":
        clause = clause.head.head  # "The Houthis issued a statement saying they will …"
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return subjects[0] if subjects else None


def previous_sentence_start(tree: Tree, token: Token) -> int:
    """The character offset where the sentence before the token's sentence starts."""
    start, _ = tree.sentence(token.i)
    if start == 0:
        return 0
    return tree.starts[tree.sentence(start - 1)[0]]


def text_author(text: Token) -> Token | None:
    """The name a text is credited to: its possessor or naming modifier ("the Pentagon's
    statement", "a Times article"), who it is from or by ("a statement from the Foreign
    Ministry", "a tweet by the group's director", "the decree signed by the Pope"), who
    delivered it ("a speech Mrs. Clinton delivered"), who issued it ("J Street issued a
    statement saying", "In a statement announcing the pick, the union called"); for "the
    statement", the author of the one named shortly before."""
    named = _credited(text)
    if named is not None or not any(c.lower_ in ("the", "this") for c in text.children):
        return named
    lemma = text.lemma_.lower()
    for token in reversed(text.doc[: text.i]):
        if token.idx < text.idx - WINDOW_CHARS:
            break
        if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
            return _credited(token)
    return None


def _credited(text: Token) -> Token | None:
    """``text_author`` from the text's own phrase and clause."""
    for child in text.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
    for child in text.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i > text.i:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in RELATIVES:
                return subject
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "the decree signed by the Pope"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    verb = text.head
    if text.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ in ("VERB", "AUX"):
        text, verb = verb, verb.head  # "In a statement, the ministry said"
    elif text.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != text.i:
            return child
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


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



def main_subjects(tree: Tree, first: int, end: int) -> list[Token]:
    """The subjects of a sentence's main clauses, shallowest first: the root's subject, then
    those of the clauses joined to it ("and said", "said that X …") and of any inserted
    reporting clause (", he said,"); not those of other subordinate or relative clauses
    ("while Obama had …", "who has …")."""
    queue = [tree.root(first, end)]
    queue += [tree.tokens[i] for i in range(first, end) if tree.dep[i] == "parataxis"]
    found, seen = [], set()
    for verb in queue:
        if verb.i in seen:
            continue
        seen.add(verb.i)
        for child in tree.kids[verb.i]:
            dep = tree.dep[child.i]
            if dep in SUBJECT_DEPS:
                found.append(child)
            elif dep in MAIN_CLAUSES:
                queue.append(child)
    return found


class Coreference:
    """Resolves the pronouns of one article, in text order (see the module docstring)."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.tree = context.tree
        self.index = context.index
        self.honorifics = context.knowledge.quotes.honorifics
        self.documents = context.knowledge.quotes.document_nouns
        self.sources = context.knowledge.quotes.source_nouns
        self.organisations = context.knowledge.quotes.organisation_nouns
        self.speech = context.knowledge.quotes.speech
        self.genders = {e.id: self.gender(e) for e in context.entities if e.type == "PERSON"}
        self.resolved: dict[int, Referent | None] = {}  # pronoun offset -> its referent

    def referent(self, pronoun: Token) -> Referent | None:
        if pronoun.idx not in self.resolved:
            self.resolved[pronoun.idx] = self.resolve(pronoun)
        return self.resolved[pronoun.idx]

    def resolve(self, pronoun: Token) -> Referent | None:
        linked = self.index.for_span(pronoun)
        if linked is not None:
            return Referent(linked, True)
        if is_expletive(pronoun):
            return None
        reporter = reporting_subject(pronoun, self.context.knowledge.events)
        if reporter is not None:
            entity = self.index.for_span(reporter)
            if entity is not None:
                return self.fuller(entity, True)
            if pronoun.lower_ in GROUP and reporter.tag_ in PLURAL_TAGS:
                return Referent(None, True, reporter)  # "rebels said they would …"
            return None
        if pronoun.lower_ in COLLECTIVE:
            return self.collective(pronoun)
        if pronoun.lower_ in GROUP:
            return self.group(pronoun)
        return self.person(pronoun)

    def fuller(self, entity: Entity, subject: bool) -> Referent:
        return Referent(fuller_person(entity, self.context.entities, self.honorifics), subject)

    # -- he, she ----------------------------------------------------------------------------

    def person(self, pronoun: Token) -> Referent | None:
        """Rule 4 for he/she: sentence by sentence back from the pronoun's own, a fitting
        main-clause subject, else the nearest fitting person named in that sentence; past
        ``SENTENCES_BACK`` sentences, the most recent fitting subject, else the nearest
        fitting mention."""
        gender = PERSONAL[pronoun.lower_]
        quoted = self.context.in_quote(pronoun.idx)
        own_clause = self.own_clause_subjects(pronoun)
        first, end = self.tree.sentence(pronoun.i)
        for back in range(SENTENCES_BACK + 1):
            if back:
                if first == 0:
                    break
                first, end = self.tree.sentence(first - 1)
            limit = pronoun.i if back == 0 else end
            for subject in main_subjects(self.tree, first, end):
                if subject.i >= limit or subject.i in own_clause:
                    continue
                entity = self.person_at(subject, gender, quoted)
                if entity is not None:
                    return self.fuller(entity, back <= 1)
            for i in range(limit - 1, first - 1, -1):
                if i in own_clause or self.tree.pos[i] not in ("PROPN", "PRON"):
                    continue
                entity = self.person_at(self.tree.tokens[i], gender, quoted)
                if entity is not None:
                    return self.fuller(entity, False)
        return self.antecedent(pronoun)

    def person_at(self, token: Token, gender: str, quoted: bool) -> Entity | None:
        """The person of ``gender`` a token names or, for a pronoun, stands for."""
        if not quoted and self.context.in_quote(token.idx):
            return None
        if token.pos_ == "PRON":
            if PERSONAL.get(token.lower_) != gender:
                return None
            found = self.resolved.get(token.idx)
            entity = found.entity if found is not None else self.index.for_span(token)
        else:
            entity = self.index.for_span(token)
        if entity is None or entity.type != "PERSON":
            return None
        return entity if self.genders.get(entity.id) in (None, gender) else None

    def own_clause_subjects(self, pronoun: Token) -> set[int]:
        """The subject of the clause an object or possessive pronoun is in, which an object
        pronoun cannot mean ("Trump attacked him" is not Trump); for an infinitive with no
        subject of its own, the subject it takes from its governor ("the United States should
        intensify sanctions … in order to force it to give up …": "it" is not the U.S.)."""
        tree = self.tree
        if tree.dep[pronoun.i] in SUBJECT_DEPS or tree.dep[pronoun.i] == "poss":
            return set()
        verb = pronoun.i
        for _ in range(6):
            if tree.pos[verb] in ("VERB", "AUX") or tree.head[verb] == verb:
                break
            verb = tree.head[verb]
        for _ in range(3):
            subjects = [c for c in tree.kids[verb] if tree.dep[c.i] in SUBJECT_DEPS]
            if subjects or not any(tree.lower[c.i] == "to" for c in tree.kids[verb]):
                break  # its own subject, or a finite clause that lost its subject in the parse
            head = tree.head[verb]
            if tree.dep[verb] == "acl" and tree.lower[head] == "order":
                verb = tree.head[tree.head[head]]  # "in order to force it": the verb of "in"
            elif tree.dep[verb] in ("xcomp", "advcl") and head != verb:
                verb = head
            else:
                break
        return {t.i for child in subjects for t in child.subtree}

    # -- it, its ----------------------------------------------------------------------------

    def collective(self, pronoun: Token) -> Referent | None:
        """Rule 5: "it"/"its" stands for what the subjects before it, in its sentence or the
        one before, name (see ``collective_subjects`` for their order): the first that is not
        a person decides; a country or organisation is the referent, a text ("the report said
        … it added") stands for its author ("a Times article") or nothing, any other phrase
        for no entity; no subject, no entity."""
        bound = self.own_clause_subjects(pronoun)
        for subject in self.collective_subjects(pronoun):
            if subject.i in bound:
                continue  # "to force it to give up": "it" is not who forces
            if subject.pos_ == "PRON":
                if subject.lower_ in COLLECTIVE:
                    return self.resolved.get(subject.idx)
                continue  # he, they, I: a person or people, not "it"
            if subject.lemma_.lower() in self.documents:
                subject = text_author(subject)
                if subject is None:
                    return None
            entity = self.index.for_span(subject)
            if entity is not None and entity.type == "PERSON":
                continue
            if entity is not None and entity.type in TYPES["collective"]:
                return Referent(entity, True)
            if entity is None and subject.lemma_.lower() in self.sources:
                return Referent(None, True, subject)  # "the report … it said"
            return None
        return None

    # -- they -------------------------------------------------------------------------------

    def group(self, pronoun: Token) -> Referent | None:
        """ "they": the subjects before it, as for "it" (``collective_subjects``): the first
        that can be a group decides: an organisation or a people ("Democrats") is the
        referent; a plural or organisation noun with no entity ("show insiders", "the
        committee") or two people named together ("Mr. Grassley and Mr. Leahy") is the
        phrase, with no entity. A single person, a place or another noun is passed over."""
        for subject in self.collective_subjects(pronoun):
            if subject.pos_ == "PRON":
                if subject.lower_ in GROUP:
                    return self.resolved.get(subject.idx)
                continue
            entity = self.index.for_span(subject)
            if entity is not None and entity.type in GROUP_TYPES:
                return Referent(entity, True)
            if entity is not None and entity.type == "PERSON":
                if any(self.tree.dep[c.i] == "conj" for c in self.tree.kids[subject.i]):
                    return Referent(None, True, subject)
                continue
            if entity is None and (
                self.tree.tag[subject.i] in PLURAL_TAGS
                or self.tree.lemma[subject.i] in self.organisations
            ):
                return Referent(None, True, subject)
        return None

    def collective_subjects(self, pronoun: Token) -> list[Token]:
        """The subjects an "it" may continue: those of its own sentence before it, then of the
        sentence before; in each, the subjects of speech verbs first ("the Observatory said
        … . It said"), then the others, nearest first. What an "it said" reports is no
        antecedent ("Most were later released, it said"), nor is a quotation for a pronoun
        outside one."""
        quoted = self.context.in_quote(pronoun.idx)
        first, _ = self.tree.sentence(pronoun.i)
        verb = pronoun.head
        # "Most were later released, it said": what it said comes first and is no antecedent;
        # "Although the report found …, it said that …" reports what follows.
        reporting = pronoun.dep_ in SUBJECT_DEPS and self.is_speech(verb) and not any(
            self.tree.dep[c.i] == "ccomp" and c.i > verb.i for c in self.tree.kids[verb.i]
        )
        ranges = [] if reporting else [(first, pronoun.i)]
        if first:
            ranges.append((self.sentence_before(pronoun, quoted), first))
        found = []
        for start, end in ranges:
            subjects = []
            for i in range(end - 1, start - 1, -1):
                if self.tree.dep[i] not in SUBJECT_DEPS and not self.is_cited(i):
                    continue
                subject = self.tree.tokens[i]
                if not quoted and self.context.in_quote(subject.idx):
                    continue
                if subject.lower_ in RELATIVES and self.tree.dep[subject.head.i] == "relcl":
                    subject = subject.head.head  # "the ministry, which said …"
                subjects.append(subject)
            subjects.sort(key=lambda t: not self.is_speech(t.head))  # stable: nearest first
            found += subjects
        return found

    def is_speech(self, verb: Token) -> bool:
        """A speech verb, or the "to" of "according to X" (its source counts as a speaker)."""
        i = verb.i
        if self.tree.lower[i] == "to" and i and self.tree.lower[i - 1] == "according":
            return True
        return self.tree.lemma[verb.i] in self.speech

    def is_cited(self, i: int) -> bool:
        """The source of "according to X", which a later "it"/"they" may continue."""
        head = self.tree.head[i]
        return (
            self.tree.dep[i] == "pobj"
            and self.tree.lower[head] == "to"
            and head > 0
            and self.tree.lower[head - 1] == "according"
        )

    def sentence_before(self, pronoun: Token, quoted: bool) -> int:
        """The first token of the sentence before the pronoun's; for a pronoun outside
        quotation marks, of the last such sentence that is not all quotation ("…,” the
        Times wrote. “But … . He continues …,” it further wrote.")."""
        first, _ = self.tree.sentence(pronoun.i)
        for _ in range(3):
            if first == 0:
                break
            first, end = self.tree.sentence(first - 1)
            words = [i for i in range(first, end) if not self.tree.bare[i]]
            if quoted or not words or not all(
                self.context.in_quote(self.tree.starts[i]) for i in (words[0], words[-1])
            ):
                break
        return first

    # -- the fallback -----------------------------------------------------------------------

    def antecedent(self, pronoun: Token) -> Referent | None:
        """The most recent fitting subject within ``WINDOW_CHARS``, else the nearest fitting
        mention; ``subject`` says whether it is a subject of this or the previous sentence."""
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
        """A person's gender from an honorific in or just before a mention ("Mr", "Ms"), or
        a relative's noun before it ("his wife, Heidi"), else from the first name of a full
        name ("Hillary Clinton") when that name is given almost only to one sex
        (``first_names.tsv``)."""
        text = self.context.text
        kinship = self.context.knowledge.quotes.kinship
        for mention in entity.mentions:
            words = mention.text.split()
            before = text[max(0, mention.start - 20) : mention.start].rstrip(", ").split()
            gender = kinship.get(before[-1].lower()) if before else None
            for word in words[:1] + before[-1:]:
                gender = gender or self.honorifics.get(word.lower())
            if gender:
                return gender
        first_names = self.context.knowledge.quotes.first_names
        for mention in entity.mentions:
            words = mention.text.split()
            if len(words) > 1 and (gender := first_names.get(words[0].lower())):
                return gender
        return None

"""The actor code of an argument's noun phrase, read in its article: the phrase around a head
token, the entity it mentions, and its code (the entity's, or the actor coder's code of the
phrase, or, for a thing acted upon, the country it is in).

``events.arguments.ActorResolver`` decides which tokens are actors and whom a pronoun means;
this part only codes the phrases it is given.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple, Protocol

from spacy.tokens import Span, Token

from newsgraph.extract.actors.coding import GROUP_WORDS, ActorCode, code_span, group_antecedent
from newsgraph.extract.actors.phrases import code_phrase
from newsgraph.extract.context import ArticleContext
from newsgraph.model import Entity

NAMED_TYPES = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
LOCATIVE = {"in", "at", "near", "throughout", "across", "inside", "outside", "of", "from"}
HOLDING = LOCATIVE | {"into", "by"}  # prepositions that say where a thing acted on is
# Prepositions that say only where a thing is, not whose it is: "the situation in Iraq" is
# Iraq's only as a place ("Israeli settlements", "property seized by Algerian forces" are
# someone's).
WHERE = {"in", "at", "near", "throughout", "across", "inside", "outside"}
OWNER_DEPS = ("amod", "compound", "poss", "nmod")  # what names a noun's owner
ACTED_ON = {"dobj", "obj", "dative", "nsubj", "nsubjpass", "attr"}
PLACE_TYPES = {"GPE", "LOC", "FAC", "NORP"}
PHRASE_CAP = 12  # tokens of a noun phrase given to the actor coder


class Phrase(NamedTuple):
    """An argument's tokens [start, end) with their characters and syntactic head: what the
    resolver reads of a phrase (a spaCy Span, and its root, cost more to build)."""

    start: int
    end: int
    start_char: int
    end_char: int
    root: Token


class PlaceCountries(Protocol):
    """Where the article's places are (``events.located.PlaceMentions``)."""

    def country_within(self, start: int, end: int) -> str | None:
        """The country of a place mention that holds all of [start, end)."""


def entity_code(entity: Entity) -> ActorCode:
    """The code the actor coder gave an entity, as an ``ActorCode``."""
    return ActorCode(entity.code, entity.country, entity.role)


class ArgumentCoder:
    """Codes the noun phrases of one article's event arguments (answers kept per article)."""

    def __init__(self, context: ArticleContext, places: PlaceCountries) -> None:
        self.context = context
        self.kids = context.tree
        self.index = context.index
        self.places = places
        self.coded: dict[tuple[int, int], ActorCode | None] = {}
        self.agents: dict[str, bool] = {}
        self.entities_at: dict[int, Entity | None] = {}

    def entity_of(self, token: Token | Span) -> Entity | None:
        """The entity a token (or span) mentions; a token's is looked up once."""
        if not isinstance(token, Token):
            return self.index.for_span(token)
        found = self.entities_at.get(token.i, self)
        if found is self:
            found = self.entities_at[token.i] = self.index.for_span(token)
        return found

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The entity mentions that lie within characters [start, end), in text order."""
        mentions = self.index.spans
        i = bisect_left(self.index.starts, start)
        found = []
        while i < len(mentions) and mentions[i][0] < end:
            if mentions[i][1] <= end:
                found.append(mentions[i])
            i += 1
        return found

    def phrase(self, first: int, end: int) -> Phrase:
        """The phrase of tokens [first, end)."""
        kids = self.kids
        return Phrase(first, end, kids.starts[first], kids.ends[end - 1], kids.root(first, end))

    def noun_phrase(self, token: Token, whole: bool) -> Phrase:
        """The head with its modifiers; with ``whole``, also its prepositional phrases and
        participles that name a place ("students throughout Indonesia", "refugees fleeing the
        war in Liberia"), which tell the actor coder the country."""
        kids, end, first = self.kids, token.i, token.left_edge.i
        if whole:
            for child in kids(token):
                c = child.i
                if c < token.i:
                    continue
                clause = kids.dep[c] in ("acl", "relcl")
                if not (clause and self.tells_where(child)) and kids.lower[c] not in LOCATIVE:
                    continue
                last = child.right_edge.i
                if last - first < PHRASE_CAP and self.index.at(
                    kids.starts[c], kids.starts[last] + 1
                ) is not None:
                    end = last
        return self.phrase(first, end + 1)

    def tells_where(self, clause: Token) -> bool:
        """Whether a clause on a noun names a place it is in or who holds it ("refugees
        fleeing the war in Liberia", "property held by Algerian forces"), not only actors it
        acts on ("the group that beheaded two American journalists" is no American group)."""
        kids = self.kids
        return any(
            kids.ent_type[t.i] in PLACE_TYPES and self.reaches(t.i, clause.i)
            for t in clause.subtree
        )

    def reaches(self, i: int, top: int) -> bool:
        """Whether token ``i`` tells where the phrase headed by ``top`` is: every step up to
        it is a modifier or the object of a preposition of place or holding (``HOLDING``),
        never an argument of a verb nor whom something is "to" or "for"."""
        kids = self.kids
        while i != top and kids.head[i] != i:
            if kids.dep[i] in ACTED_ON or (
                kids.dep[i] == "pobj" and kids.lower[kids.head[i]] not in HOLDING
            ):
                return False
            i = kids.head[i]
        return i == top

    def code(self, phrase: Phrase, entity: Entity | None) -> ActorCode | None:
        """The phrase's code: its entity's when the phrase is a mention of that entity (the
        actor coder has coded it in context) or adds no role to it ("Haiti's efforts"), else
        the coder's code of the phrase ("Hungarian officials" -> HUNGOV)."""
        if entity is not None and entity.code and (
            self.entity_of(phrase.root) is entity or not self.adds_role(phrase)
        ):
            return self.then_code(phrase.root, entity) or entity_code(entity)
        if entity is not None and entity.type == "PERSON" and self.entity_of(phrase.root) is entity:
            return None  # coded in context by the actor coder, which found no code for them
        coded = None
        if self.codable(phrase):
            key = (phrase.start, phrase.end)
            if key not in self.coded:
                span = self.context.doc[phrase.start : phrase.end]
                self.coded[key] = code_span(span, self.context)
            coded = self.coded[key]
        if coded is None and entity is not None and entity.code:
            return entity_code(entity)
        return coded

    def then_code(self, token: Token, entity: Entity) -> ActorCode | None:
        """The code of the office a "then-" title gives the entity in the token's sentence
        (its mention there, or the one a pronoun stands for: "Then-FBI Director James Comey
        held a news conference in which he criticized Clinton")."""
        sentence, doc = token.sent, self.context.doc
        for start, end, mentioned in self.mentions_in(sentence.start_char, sentence.end_char):
            if mentioned is entity:
                span = doc.char_span(start, end, alignment_mode="expand")
                code = self.then_titled(span[-1], entity) if span else None
                if code is not None:
                    return code
        return None

    def then_titled(self, name: Token, entity: Entity) -> ActorCode | None:
        """The code of a person's title at the time told, for a mention that "then-" names
        by the office held then ("then-Secretary of State Hillary Clinton met Lavrov" in
        2019: USAGOV, not the entity's ELI of the article's day); the country is the
        title's, else the person's."""
        doc, i = self.context.doc, name.i
        while i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].text[:1].isupper():
            i -= 1  # back to the first word of the name
        end, start = i, i
        while start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ == "of"):
            start -= 1  # the title's words: "Secretary of State", "FBI Director"
        if start == end or start < 2 or doc[start - 1].text != "-":
            return None
        if doc[start - 2].lower_ != "then":
            return None
        title = list(doc[start:end])
        code, _ = code_phrase(title, len(title) - 1, self.context.phrases, None)
        if code is None or code.role is None or code.role == "ELI":
            return None
        country = code.country or entity.country
        if country is None or code.country is None and code.code != code.role:
            return None
        return ActorCode(country + code.role, country, code.role)

    def adds_role(self, phrase: Phrase) -> bool:
        """Whether the phrase's head, or a modifier of it, is an agent word: "Hungarian
        officials", "Turkey's main opposition party" (not "Haiti's efforts")."""
        return self.names_agent(phrase.root)

    def names_agent(self, token: Token) -> bool:
        """Whether a noun or a compound on it is an agent word ("officials", "the
        peacekeeping force")."""
        return self.is_agent(token) or any(
            self.kids.dep[child.i] == "compound" and self.is_agent(child)
            for child in self.kids(token)
        )

    def located_code(self, phrase: Phrase) -> tuple[ActorCode | None, bool]:
        """The country of the first coded entity or place in a phrase naming a thing:
        "aid deliveries in Baghdad" -> IRQ, "property seized by Algerian forces" -> DZA; and
        whether that country is only where the thing is (``placed_in``)."""
        for start, end, entity in self.mentions_in(phrase.start_char, phrase.end_char):
            if not self.holds(start, end, phrase):
                continue
            country = entity.country or self.places.country_within(start, end)
            if country:
                return ActorCode(country, country, None), self.placed_in(start, end, phrase)
        return None, False

    def placed_in(self, start: int, end: int, phrase: Phrase) -> bool:
        """Whether the mention at characters [start, end) is the place the phrase's thing is
        in or at (the object of a ``WHERE`` preposition: "the conflict in Ukraine", "a key
        airbase near the city of Aleppo"), not its owner ("Kabul's power lines", "disappointment
        at the U.S. decision") nor where the actors it is for are ("an extension of the
        mandate for the peacekeeping force in Lebanon")."""
        kids = self.kids
        span = kids.char_span(start, end)
        if span is None:
            return False
        i = kids.root(*span).i
        while kids.dep[i] == "pobj" and kids.lower[kids.head[i]] == "of":
            i = kids.head[kids.head[i]]  # "the city of Aleppo"
        if i == phrase.root.i or kids.dep[i] != "pobj" or kids.lower[kids.head[i]] not in WHERE:
            return False
        return not self.names_agent(kids.tokens[kids.head[kids.head[i]]])

    def holds(self, start: int, end: int, phrase: Phrase) -> bool:
        """Whether the mention at characters [start, end) tells where the phrase's thing is:
        its own modifier ("Kabul's power lines") or a place it is in, into or held by ("aid
        deliveries in Baghdad", "property seized by Algerian forces", "a number of Paris
        cafés"), not the actor of an act in it or whom it is for ("a review of U.S. assistance
        to the Palestinians" is in neither country)."""
        kids = self.kids
        span = kids.char_span(start, end)
        if span is None:
            return False
        i = kids.root(*span).i
        if kids.dep[i] in OWNER_DEPS and self.is_event(kids.head[i]):
            return False  # "U.S. assistance": the owner of an act is its actor, not a place
        return self.reaches(i, phrase.root.i)

    def is_event(self, i: int) -> bool:
        """Whether token ``i`` is an event noun ("assistance", "talks")."""
        kids = self.kids
        return kids.pos[i] == "NOUN" and bool(
            self.context.knowledge.events.lookup("NOUN", kids.lemma[i])
        )

    def codable(self, phrase: Phrase) -> bool:
        """Cheap test before the actor coder: a name in the phrase, or an agent word as head
        ("police", "rebels"); "targets" or "the program" name no actor."""
        ent_type, pos = self.kids.ent_type, self.kids.pos
        if any(
            ent_type[i] in NAMED_TYPES or (pos[i] == "PROPN" and not ent_type[i])
            for i in range(phrase.start, phrase.end)
        ):
            return True
        if self.is_agent(phrase.root):
            return True
        # "the extremist group": a group word names the armed group told of before, if any
        return self.kids.lemma[phrase.root.i] in GROUP_WORDS and group_antecedent(
            self.context.doc[phrase.start : phrase.end], self.context
        ) is not None

    def is_stand_in(self, token: Token) -> bool:
        """True for a thing the agent files code as an actor only where force is used on it
        or with it ("settlements", "a helicopter", "fighter jets": ``stand_ins.tsv``)."""
        kids, i = self.kids, token.i
        dictionary = self.context.knowledge.actors
        forms = [(kids.lower[i],), (kids.lemma[i],)]
        if i and kids.dep[i - 1] in ("compound", "amod") and kids.head[i - 1] == i:
            forms.append((kids.lower[i - 1], kids.lower[i]))
        return any(dictionary.is_stand_in(form) for form in forms)

    def is_agent(self, token: Token) -> bool:
        """True for a word the actor dictionary knows as an agent ("police", "students")."""
        word = self.kids.lower[token.i]
        if word not in self.agents:
            dictionary = self.context.knowledge.actors
            self.agents[word] = any(
                dictionary.agent((form,)) is not None for form in (word, self.kids.lemma[token.i])
            )
        return self.agents[word]

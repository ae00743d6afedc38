"""The actors of an event: from an argument's head token to the entity and CAMEO actor code.

An argument is an actor when it is (or its modifiers are) an entity mention, or when the
actor coder codes its noun phrase ("police", "Western governments"). Pronouns take the
entity coreference resolved them to (``entities.coreference``, read from the context, as
quotes read it), a quote's speaker for "we"/"I" inside its quote, or for "they" the nearest
plural actor phrase; "the two countries" takes the two countries most mentioned just before
it. Where the article's places are named is ``located``'s; the phrase around a token and its
code are ``actors.argument_coder``'s."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.extract.actors.argument_coder import OWNER_DEPS, ArgumentCoder, Phrase, entity_code
from newsgraph.extract.actors.coding import ActorCode
from newsgraph.extract.actors.phrases import make_code
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities.coreference import (
    PLURAL_TAGS,
    is_expletive,
    previous_sentence_start,
    reporting_subject,
)
from newsgraph.extract.events.located import PlaceMentions
from newsgraph.model import ActorRef, Entity, Place, Quote

COUNTRYLESS = {"IGO", "NGO", "IMG", "MNC", "WST", "AFR", "ASA", "EUR", "MEA"}
NAMED_ACTORS = ("PERSON", "ORG", "NORP", "GPE")
NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY"}
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X")
PLURAL = {"they", "them", "their"}
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
SPEAKER = {"i", "me", "my", "we", "us", "our"}
# The pronouns that stand for an actor named elsewhere; a demonstrative or an indefinite
# ("this", "those", "some", "all of them") names none that coreference could find.
REFERRING = SPEAKER | PLURAL | {"he", "him", "his", "she", "her", "hers", "it", "its", "theirs"}
RELATIVE_TAGS = ("WP", "WDT", "WP$")
OWNING_PRONOUNS = frozenset({"its", "their"})  # "its foreign minister": a country's role
GROUP_HEADS = {
    "group", "member", "leader", "official", "delegation", "team", "representative",
    "thousand", "hundred", "dozen", "scores", "score", "some", "part", "unit", "contingent",
    "patch", "deployment", "head", "chief", "groups",
}
PAIRED = {"country": ("GPE",), "nation": ("GPE",), "side": ("GPE", "NORP", "ORG"),
          "government": ("GPE",), "leader": ("PERSON",)}
SALIENCE_WINDOW = 500  # characters back in which "the two countries" are counted
# Pair words that name the parties of what was just told ("the two sides"), not the most
# named countries: they are counted in their sentence and the one before only.
PARTIES = {"side"}
PARTY_DEPS = (*ARGUMENT_DEPS, "attr")


class Participant(NamedTuple):
    """A resolved event argument: its reference, its key for same-actor checks, its quality
    (a tuple: cheaper to make than a frozen dataclass)."""

    ref: ActorRef
    key: str
    start: int
    end: int
    quality: float
    head: int = -1  # character offset of the phrase's head word
    owner: bool = False  # named only as a modifier of a thing: "Libya–Turkey relations"
    person: bool = False  # a person entity: two people are two actors, whatever their codes
    stand_in: bool = False  # a thing that is an actor only in force: "settlements", "a tank"
    placed: bool = False  # a thing coded as the place it is in: "the conflict in Ukraine"

    @property
    def specific(self) -> bool:
        """A country, or an actor that has none by nature (IGO, NGO, …)."""
        return bool(self.ref.country) or (self.ref.code or "")[:3] in COUNTRYLESS


class ActorResolver:
    """Resolves argument tokens of one article to actors."""

    def __init__(
        self, context: ArticleContext, quotes: list[Quote] = (), places: list[Place] = ()
    ) -> None:
        self.context = context
        self.kids = context.tree
        self.article = context.article
        self.entities = context.entities
        self.index = context.index
        # Sorted by offsets only (two entities may share a mention's offsets, and entities
        # do not compare): the index's list.
        self.mentions = self.index.spans
        self.events = context.knowledge.events
        self.places = PlaceMentions(places)
        self.coder = ArgumentCoder(context, self.places)
        self.cache: dict[tuple[int, bool], Participant | None] = {}
        self.resolved: dict[tuple[int, bool, bool], list[Participant]] = {}
        self.quotes = [q for q in quotes if q.speaker is not None and q.speaker.entity]

    # --- public ---------------------------------------------------------------------
    def resolve(
        self, token: Token, expand: bool = True, located: bool = False
    ) -> list[Participant]:
        """The actors an argument names, one per conjunct ("Hungarian and Romanian officials");
        read once per token (a sentence's predicates share their arguments)."""
        key = (token.i, expand, located)
        found = self.resolved.get(key)
        if found is None:
            found = self.resolved[key] = self._resolve(token, expand, located)
        return found

    def _resolve(self, token: Token, expand: bool, located: bool) -> list[Participant]:
        paired = self.pair(token)
        if paired:
            return paired
        members = [token, *self.kids.conjuncts(token)] if expand else [token]
        found = []
        for member in members:
            found.extend(self.modifier_conjuncts(member) if expand else [])
            actor = self.one(member, located)
            if actor is not None:
                found.append(actor)
        unique: dict[str, Participant] = {}
        for actor in found:
            unique.setdefault(actor.key, actor)
        return list(unique.values())

    def one(self, token: Token, located: bool = False) -> Participant | None:
        """The actor of one head token, or None when it names none (cached per token).

        With ``located``, a thing acted upon stands for the country it is in: "power lines
        leading into Kabul" -> Afghanistan."""
        key = (token.i, located)
        if key not in self.cache:
            # None while it is being found: a pronoun whose antecedent leads back to the token
            # ("hundreds of migrants after they crossed") resolves to nothing, not forever
            self.cache[key] = None
            self.cache[key] = self.find(token, located)
        return self.cache[key]

    def find(self, token: Token, located: bool = False) -> Participant | None:
        kids, i = self.kids, token.i
        pos, ent_type = kids.pos[i], kids.ent_type[i]
        if (pos not in NOMINAL and not ent_type) or ent_type in NOT_ACTORS:
            return None
        if pos == "PRON":
            return self.pronoun(token)
        entity = self.coder.entity_of(token)
        collective = kids.lemma[i] in GROUP_HEADS or self.coder.is_agent(token)
        whole = entity is None and (collective or located)
        owner = False
        if entity is None and collective:
            entity = self.named_in_apposition(token)  # "the militant Islamic group Boko Haram"
        named = self.titled_person(token) if entity is None else None
        if named is not None:
            return self.one(named)  # "Director of National Intelligence James Clapper"
        if entity is None:
            for child in kids(token):
                if kids.dep[child.i] in OWNER_DEPS:
                    entity = self.coder.entity_of(child)
                    if entity is not None:
                        owner = not collective
                        break
        if entity is None and self.is_event(token):
            return None  # "a special military operation" names an event, not an actor
        if entity is None and kids.lemma[i] in GROUP_HEADS:
            for child in kids(token):
                if kids.dep[child.i] == "prep" and kids.lower[child.i] == "of":
                    for obj in kids.with_dep(child, ("pobj",)):
                        return self.one(obj)
        phrase = self.coder.noun_phrase(token, whole)
        placed = False
        if entity is None and located and not collective:
            # a thing, not an actor: only where it is, or whose, counts
            code, placed = self.coder.located_code(phrase)
        else:
            code = self.coder.code(phrase, entity)
        if entity is None and code is not None and code.country is None and code.role:
            code = self.owners_country(token, code)  # "Its foreign minister" after China
        if entity is None and code is None:
            return None
        found = self.actor(entity, code, phrase, 1.0 if entity is not None else 0.9)
        if owner:
            found = found._replace(owner=True)
        if placed:
            found = found._replace(placed=True)
        if entity is None and self.coder.is_stand_in(token):
            found = found._replace(stand_in=True)
        return found

    def owners_country(self, token: Token, code: ActorCode) -> ActorCode:
        """A role with no country owned by "its" or "their" is the country of whom the pronoun
        stands for: "China's state media … Its foreign minister warned" is China's."""
        kids = self.kids
        for child in kids(token):
            if kids.dep[child.i] != "poss" or kids.lower[child.i] not in OWNING_PRONOUNS:
                continue
            owner = self.pronoun(child)
            country = owner.ref.country if owner is not None else None
            if country:
                return make_code(country + code.code, self.context.knowledge.actors) or code
        return code

    def named_in_apposition(self, token: Token) -> Entity | None:
        """The entity a group word is named by in apposition ("the militant Islamic group
        Boko Haram" is Boko Haram, not "Islamic")."""
        for child in self.kids.with_dep(token, ("appos",)):
            named = self.coder.entity_of(child)
            if named is not None:
                return named
        return None

    def titled_person(self, token: Token) -> Token | None:
        """The person a capitalised title's "of" phrase ends in, when the parse made the name
        the title's object: "Director of National Intelligence James Clapper criticized" has
        "Director" as subject and "Clapper" under "of". Every word from the title to the name
        is capitalised (a title, not "the spokesman of Hamas leader Ismail Haniyeh")."""
        kids = self.kids
        if not token.text[:1].isupper():
            return None
        for prep in kids(token):
            if kids.dep[prep.i] != "prep" or kids.lower[prep.i] != "of":
                continue
            for obj in kids.with_dep(prep, ("pobj",)):
                entity = self.coder.entity_of(obj)
                if entity is None or entity.type != "PERSON":
                    continue
                words = range(token.i, obj.i + 1)
                if all(kids.tokens[w].text[:1].isupper() or kids.lower[w] == "of" for w in words):
                    return obj
        return None

    def is_named_actor(self, actor: Participant) -> bool:
        """A person, organisation or group by name (not a building or a river)."""
        entity = self.index.by_id.get(actor.ref.entity) if actor.ref.entity else None
        return entity is not None and entity.type in NAMED_ACTORS

    # --- helpers --------------------------------------------------------------------
    def is_event(self, token: Token) -> bool:
        return bool(self.events.lookup("NOUN", self.kids.lemma[token.i]))

    def actor(
        self, entity: Entity | None, code: ActorCode | None, phrase: Phrase, quality: float
    ) -> Participant:
        start, end = phrase.start_char, phrase.end_char
        # a phrase's words, on one line ("suspect Dzhokhar Tsarnaev in Watertown\n\n")
        name = entity.name if entity is not None else " ".join(self.article.text[start:end].split())
        ref = ActorRef(
            entity=entity.id if entity is not None else None,
            name=name,
            code=code.code if code else None,
            country=code.country if code else None,
        )
        country = None if code is not None else self.place_country(phrase)
        if country is not None:
            # An uncoded toponym ("South Lebanon") stands for its country.
            code = ActorCode(country, country, None)
        if code is None:
            quality *= 0.7
        key = entity.id if entity is not None else (code.code if code else name.lower())
        person = entity is not None and entity.type == "PERSON"
        return Participant(
            ref, key, start, end, quality, self.kids.starts[phrase.root.i], person=person
        )

    def modifier_conjuncts(self, token: Token) -> list[Participant]:
        """Actors of coordinated modifiers: "Hungarian and Romanian officials" -> both."""
        found = []
        for child in self.kids(token):
            if self.kids.dep[child.i] not in ("amod", "compound"):
                continue
            conjuncts = self.kids.conjuncts(child)
            if conjuncts:
                for member in (child, *conjuncts):
                    entity = self.coder.entity_of(member)
                    if entity is not None:
                        phrase = self.coder.phrase(member.i, token.i + 1)
                        code = self.coder.code(phrase, entity)
                        found.append(self.actor(entity, code, phrase, 1.0))
        return found

    def pronoun(self, token: Token) -> Participant | None:
        """The actor a pronoun stands for: the person entity linking attached it to, the
        speaker of the quotation it is in ("we", "I"), the subject of the reporting verb
        above it ("Syria says it will …"), else the nearest fitting entity before it."""
        linked = self.coder.entity_of(token)
        if linked is not None:
            return self.from_entity(linked, token, 0.8)
        word = token.lower_
        if word not in REFERRING and self.kids.tag[token.i] not in RELATIVE_TAGS:
            return None  # "this would threaten Israel", "some would attack": no one named
        if word in SPEAKER:
            for quote in self.quotes:
                if quote.start <= token.idx < quote.end:
                    entity = self.index.by_id.get(quote.speaker.entity)
                    if entity is not None:
                        return self.from_entity(entity, token, 0.8)
            return None
        if is_expletive(token):
            return None  # "it is the responsibility of …": no referent
        reporter = reporting_subject(token, self.events)
        if reporter is not None:
            return self.one(reporter)
        if word in PLURAL:
            return self.plural_antecedent(token)
        # Resolved once by the entities step (coreference), as quotes read it: a subject of
        # this or the last sentence is what the text is about, so it is the surer answer.
        referent = self.context.referent(token)
        if referent is None or referent.entity is None:
            return None
        return self.from_entity(referent.entity, token, 0.8 if referent.subject else 0.7)

    def clause_subject(self, pronoun: Token) -> set[int]:
        """The tokens of the subject of the clause an object pronoun is in, which the
        pronoun cannot mean (a reflexive would be used)."""
        kids = self.kids
        if kids.dep[pronoun.i] in ("nsubj", "nsubjpass", "poss"):
            return set()
        verb = pronoun.i
        for _ in range(6):
            if kids.pos[verb] in ("VERB", "AUX") or kids.head[verb] == verb:
                break
            verb = kids.head[verb]
        subjects = kids.with_dep(kids.tokens[verb], ("nsubj", "nsubjpass"))
        return {t.i for s in subjects for t in s.subtree}

    def plural_antecedent(self, token: Token) -> Participant | None:
        """ "they", "them", "their": the nearest plural actor phrase before the pronoun in its
        sentence or the one before ("protesters", "police", "Palestinians"), never a single
        country or organisation ("Serbia … they" is the people of Serbia, not its state)."""
        quoted = self.in_quote(token.idx)
        earliest = previous_sentence_start(self.kids, token)
        kids = self.kids
        own_subject = self.clause_subject(token)
        for i in range(token.i - 1, -1, -1):
            if kids.starts[i] < earliest:
                break
            if kids.tag[i] not in PLURAL_TAGS or kids.dep[i] not in ARGUMENT_DEPS:
                continue
            if i in own_subject:
                continue  # "police fired tear gas at them": not the police
            if not quoted and self.in_quote(kids.starts[i]):
                continue
            actor = self.one(kids.tokens[i])
            if actor is not None:
                return actor._replace(quality=min(actor.quality, 0.7))
        return None

    def place_country(self, phrase: Phrase) -> str | None:
        """The country of a place named by the whole phrase or its head."""
        return self.places.country_named(self.kids.starts[phrase.root.i], phrase.start_char)

    def in_quote(self, offset: int) -> bool:
        return self.context.in_quote(offset)

    def from_entity(self, entity: Entity, token: Token, quality: float) -> Participant:
        phrase = self.coder.phrase(token.i, token.i + 1)
        code = None
        if entity.code:  # the office a "then-" title names in the sentence, else the entity's
            code = self.coder.then_code(token, entity) or entity_code(entity)
        return self.actor(entity, code, phrase, quality)

    def is_party(self, start: int, end: int) -> bool:
        """Whether a mention names an actor of its clause (a subject, object or conjunct),
        not a modifier ("an Islamist-backed one")."""
        span = self.kids.char_span(start, end)
        return span is not None and self.kids.dep[self.kids.root(*span).i] in PARTY_DEPS

    def pair(self, token: Token) -> list[Participant]:
        """ "The two countries" -> the two countries most mentioned in the text just before;
        "the two sides" -> the two named in its sentence or the one before (the parties just
        told of: "rival governments … in Tobruk, and … in Tripoli. The two sides …")."""
        lemma = self.kids.lemma[token.i]
        types = PAIRED.get(lemma)
        if not types or not any(c.lower_ in ("two", "both") for c in self.kids(token)):
            return []
        earliest = token.idx - SALIENCE_WINDOW
        if lemma in PARTIES:
            earliest = max(earliest, previous_sentence_start(self.kids, token))
        counts = Counter(
            entity.id for start, end, entity in self.mentions
            if earliest <= start < token.idx and entity.type in types
            and (lemma not in PARTIES or self.is_party(start, end))
        )
        top = [self.index.by_id[entity_id] for entity_id, _ in counts.most_common(2)]
        if len(top) < 2:
            return []
        return [self.from_entity(entity, token, 0.7) for entity in top]

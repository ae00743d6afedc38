"""Speakers: from the subject of a cue to the actor entity that spoke.

The actors extractor merges an actor's mentions (names, titles, pronouns) into one
entity; this module uses those mentions and adds the resolution a quote needs where they
fall short: the entity behind an appositive ("the Focal Person ..., Dr Arslan Khalid,
said"), a pronoun no entity claims ("he said" -> the most recent compatible subject
outside quotes), a definite description ("the spokesperson said" -> the person introduced
with that title, "the agency said" -> the entity introduced as "TASS news agency") and,
for unmerged raw NER entities, a surname ("Price" -> "Ned Price"). When no entity fits,
the speaker is the noun phrase itself with ``entity`` null ("a source", "experts"); when
not even that, null.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.coding import code_span
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.entities.coreference import fuller_person, text_author
from newsgraph.extract.entities.links import in_title_case
from newsgraph.extract.quotes.cues import SUBJECT_RELATIVES
from newsgraph.knowledge.quotes import QuoteKnowledge
from newsgraph.model import ActorRef, Entity

NOMINAL_WINDOW_CHARS = 6000
NAME_PARTS = ("compound", "flat", "nmod")
SPEAKER_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
# Pronouns that name nobody in particular: the speaker is the phrase ("someone asked",
# "those close to him say", "each ... saying").
INDEFINITE = frozenset({
    "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "one",
    "each", "both", "all", "many", "some", "several", "few", "others", "those", "most",
})
# Words after a noun head that still belong to the speaker's phrase: "the head of
# Kurdistan's security council", "those close to him".
PHRASE_TAILS = ("prep", "amod", "compound")
DASHES = frozenset({"-", "–", "—", "―", "--"})


class SpeakerResolver:
    """Resolves cue subjects of one parsed article to speakers."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.doc, self.article = context.doc, context.article
        self.entities = context.entities
        self.knowledge = context.knowledge
        self.cues: QuoteKnowledge = context.knowledge.quotes
        self.index = context.index
        self.quoted = context.quoted

    # -- public ---------------------------------------------------------------------------

    def resolve(self, subject: Token | None) -> ActorRef | None:
        """The speaker behind the subject token of a cue, or None."""
        if subject is None:
            return None
        if subject.lower_ in SUBJECT_RELATIVES and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "the ministry, which said" -> the ministry
        if subject.lemma_.lower() in self.cues.document_nouns:
            subject = text_author(subject)
            if subject is None:
                return None
        entity = self.entity_for(subject)
        if entity is not None:
            return self._ref(entity)
        whole = False
        if subject.lower_ in self.cues.pronouns:
            # A pronoun that stands for a phrase, not an entity ("they" -> "show insiders").
            referent = self.context.referent(subject)
            if referent is None or referent.phrase is None:
                return None
            subject, whole = referent.phrase, True
        elif subject.pos_ == "PRON" and subject.lower_ not in INDEFINITE:
            return None
        phrase = self._phrase(subject, whole)
        if not phrase.text.strip():
            return None
        code = code_span(phrase, self.context)
        if code is None:
            return ActorRef(entity=None, name=phrase.text)
        return ActorRef(entity=None, name=phrase.text, code=code.code, country=code.country)

    def entity_for(self, subject: Token) -> Entity | None:
        """The entity a subject refers to, trying each kind of reference in turn."""
        if subject.lower_ in self.cues.pronouns:
            # Resolved once by the entities step: a quote and an event agree on who "he" is.
            referent = self.context.referent(subject)
            return referent.entity if referent is not None else None
        # A description names whoever was introduced with that title ("Spokesperson Ned
        # Price" -> "the spokesperson"), before any entity it was merged into.
        described = self._described(subject) if subject.pos_ == "NOUN" else None
        if described is not None:
            return described
        found = self._named(subject)
        return self._canonical(found) if found is not None else None

    # -- kinds of reference ---------------------------------------------------------------

    def _named(self, head: Token) -> Entity | None:
        """An entity on the head, on an appositive, or an ORG naming the head ("TASS agency")."""
        entity = self._speaker_entity(head)
        if entity is not None:
            return entity
        titled = self._titled_name(head)
        if titled is not None:
            return titled
        for token in head.subtree:
            if token.dep_ == "appos" and token.i != head.i and self._same_paragraph(token, head):
                entity = self._speaker_entity(token)
                if entity is not None and entity.type in ("PERSON", "ORG"):
                    return entity
        if head.lemma_.lower() in self.cues.organisation_nouns:
            for child in head.children:
                if child.dep_ in NAME_PARTS:
                    entity = self._speaker_entity(child)
                    if entity is not None and entity.type == "ORG":
                        return entity
        return self._by_name(head)

    def _titled_name(self, head: Token) -> Entity | None:
        """The person a capitalised title phrase ends with: "US Ambassador to France Jane
        Doe", "Prime Minister of Canada Justin Trudeau" (parsed as the title's object)."""
        if head.pos_ != "PROPN" or any(c.dep_ == "det" for c in head.children):
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.i < head.i:
                continue
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if name is None or name.i != head.right_edge.i:
                continue
            entity = self._speaker_entity(name)
            if entity is not None and entity.type == "PERSON":
                return entity
        return None

    def _by_name(self, head: Token) -> Entity | None:
        """A proper name NER missed here but tagged elsewhere ("Trump boasted")."""
        if head.pos_ != "PROPN":
            return None
        named = [
            e for e in self.entities
            if e.type in ("PERSON", "ORG") and head.text in (e.name.split()[-1], e.name)
        ]
        return named[0] if len(named) == 1 else None

    def _speaker_entity(self, token: Token) -> Entity | None:
        entity = self.index.for_span(token)
        return entity if entity is not None and entity.type in SPEAKER_TYPES else None

    def _described(self, head: Token) -> Entity | None:
        """A definite description ("the agency") -> the entity introduced with that noun.

        The earlier noun must name an entity as its title ("Spokesperson Ned Price",
        "TASS news agency") or appositive, and carry every modifier the description has
        ("the Democratic nominee" is not "Republican nominee Donald Trump"); a rank word
        of the earlier title must be in the description ("the president" is not "Vice
        President Joseph R. Biden Jr.").
        """
        if head.tag_ in ("NNS", "NNPS") or not any(
            child.lower_ in ("the", "this") for child in head.children
        ):
            return None
        lemma = head.lemma_.lower()
        modifiers = {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound")}
        for token in reversed(self.doc[: head.i]):
            if token.idx < head.idx - NOMINAL_WINDOW_CHARS:
                break
            if token.lemma_.lower() != lemma or token.tag_ in ("NNS", "NNPS"):
                continue
            if in_title_case(token):
                continue  # "Popular Website Shows Bias": a headline's capitals name nothing
            entity, phrase_head = self._titled(token)
            if entity is None:
                continue
            words = {t.lemma_.lower() for t in phrase_head.subtree}
            ranks = {
                c.lower_ for c in token.children
                if c.dep_ in ("amod", "compound") and c.lower_ in self.cues.title_ranks
            }
            if modifiers <= words and ranks <= modifiers:
                return self._canonical(entity)
        return None

    def _titled(self, noun: Token) -> tuple[Entity | None, Token]:
        """The entity a noun is the title or appositive of, with the head of their phrase."""
        if noun.dep_ in ("compound", "appos") and noun.head.i != noun.i:
            entity = self._speaker_entity(noun.head)
            if entity is not None and entity.type in ("PERSON", "ORG"):
                return entity, noun.head
        for child in noun.children:
            if child.dep_ in ("compound", "appos"):
                entity = self._speaker_entity(child)
                if entity is not None and (entity.type == "ORG" or child.dep_ == "appos"):
                    return entity, noun
        entity = self._speaker_entity(noun)
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return entity, noun
        return None, noun

    def _canonical(self, entity: Entity) -> Entity:
        """For an unmerged surname ("Price"), the fuller PERSON entity ending with it."""
        return fuller_person(entity, self.entities, self.cues.honorifics)

    # -- helpers --------------------------------------------------------------------------

    def _ref(self, entity: Entity) -> ActorRef:
        return ActorRef(entity=entity.id, name=entity.name, code=entity.code,
                        country=entity.country)

    def _phrase(self, head: Token, whole: bool = False) -> Span:
        """The speaker's noun phrase ("a senior official", "the head of Kurdistan's
        security council"), from after the last punctuation before the head (a misparse
        can reach back across a dash; a hyphen inside a word, "Coca-Cola", is no break) to
        its "of …"/adjective tail, unbroken by punctuation; ``whole`` also keeps the names
        joined to it ("Mr. Grassley and Mr. Leahy", for a "they")."""
        start = head.left_edge.i
        for token in self.doc[start : head.i]:
            if (token.is_punct and not self._in_word(token)) or token.is_space or (
                not self._same_paragraph(token, head)
            ):
                start = token.i + 1
        end = head.i
        tails = PHRASE_TAILS + (("cc", "conj") if whole else ())
        for child in head.children:
            if child.i < head.i or child.dep_ not in tails or child.left_edge.i != end + 1:
                continue
            tail = self.doc[child.i : child.right_edge.i + 1]
            if child.dep_ == "prep" and head.pos_ != "PRON" and child.lower_ != "of" and not whole:
                continue
            if any(t.is_punct or t.is_space for t in tail) or not self._same_paragraph(
                tail[-1], head
            ):
                continue
            end = child.right_edge.i
        while end > head.i and self.doc[end].dep_ == "cc":
            end -= 1  # "the former secretary of state and current … nominee": "and" is no tail
        return self.doc[start : end + 1]

    def _in_word(self, token: Token) -> bool:
        """A hyphen joining two words with no space ("Coca-Cola", "Ki-moon")."""
        return (
            token.text in DASHES
            and token.i > 0
            and not self.doc[token.i - 1].whitespace_
            and not token.whitespace_
        )

    def _same_paragraph(self, a: Token, b: Token) -> bool:
        low, high = sorted((a.idx, b.idx))
        return "\n" not in self.article.text[low:high]


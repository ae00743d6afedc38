"""Actor coding: CAMEO actor code, country and role for each entity at the article's date.

A phrase is coded from what it says before what the dictionary remembers: a title in the
text ("Pakistan Prime Minister Imran Khan", "former premier Nawaz Sharif") beats a stale
dictionary entry; the dictionary (Phoenix, with date ranges) codes bare names; countries and
their adjectives give the country; agents ("police", "state-run media") give the role.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actor_dictionary import (
    ActorDictionary,
    Agent,
    Dated,
    load_dictionary,
    resolve,
    singular,
    words_of,
)
from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity

# A title preceded by one of these words names a past office holder: CAMEO codes them ELI.
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time"})
OFFICE_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})
COUNTRYLESS = frozenset({"IGO", "NGO", "IMG", "MNC"})
# How much a mention's coding says about its entity: a title in context beats a dictionary
# entry, which beats a bare country or a bare role.
RANK_TITLE, RANK_NAME, RANK_WEAK = 3, 2, 1
NOUNS = ("NOUN", "PROPN")


def load_knowledge(directory: Path) -> ActorDictionary:
    """Load the actor dictionaries from ``directory``."""
    return load_dictionary(directory)


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code split into its parts: ``PAKGOV`` -> PAK / GOV."""

    code: str
    country: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token positions within the phrase
    end: int
    codes: tuple[Dated, ...] | None = None
    agent: Agent | None = None


def published_day(article: Article) -> date | None:
    """The article's date, with partial dates taken at their start ("2022-02" -> 1 Feb)."""
    if not article.published:
        return None
    parts = article.published.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2][:2]) if len(parts) > 2 else 1,
        )
    except ValueError:
        return None


def _words(tokens: list[Token]) -> tuple[list[str], list[int]]:
    words, owners = [], []
    for i, token in enumerate(tokens):
        if token.tag_ == "POS" or token.is_punct and token.text not in ("-",):
            continue
        for word in words_of(token.text):
            words.append(word)
            owners.append(i)
    return words, owners


def _name_allowed(tokens: list[Token]) -> bool:
    """Dictionary names must look like names in the text: capitalised, short ones upper case,
    and whole: "Khalid" in "Arslan Khalid" is not the dictionary's Khalid."""
    if not any(t.text[:1].isupper() for t in tokens):
        return False
    last = tokens[-1]
    if tokens[0].ent_iob_ == "I" or (
        last.i + 1 < len(last.doc) and last.doc[last.i + 1].ent_iob_ == "I"
    ):
        return False
    if len(tokens) == 1 and len(tokens[0].text.rstrip(".")) <= 3:
        return tokens[0].text.isupper()
    return True


def find_matches(tokens: list[Token], dictionary: ActorDictionary) -> list[_Match]:
    """Longest dictionary names and agents in a phrase, left to right, not overlapping."""
    words, owners = _words(tokens)
    matches: list[_Match] = []
    i = 0
    while i < len(words):
        best: _Match | None = None
        best_len = 0
        for length in range(min(len(words) - i, dictionary.longest_name), 0, -1):
            key = tuple(words[i : i + length])
            codes = dictionary.name_codes(key)
            if codes is None and singular(key[-1]):
                codes = dictionary.name_codes(key[:-1] + (singular(key[-1]),))
            span = tokens[owners[i] : owners[i + length - 1] + 1]
            if codes is not None and _name_allowed(span):
                best = _Match(owners[i], owners[i + length - 1] + 1, codes=codes)
                best_len = length
                break
        for length in range(min(len(words) - i, dictionary.longest_agent), best_len, -1):
            agent = dictionary.agent(tuple(words[i : i + length]))
            if agent is not None:
                best = _Match(owners[i], owners[i + length - 1] + 1, agent=agent)
                best_len = length
                break
        if best is None:
            i += 1
            continue
        matches.append(best)
        i += best_len
    return matches


def _pick_agent(agents: list[_Match]) -> _Match | None:
    """The phrase's role: the last specific agent, else the last generic one."""
    specific = [m for m in agents if not m.agent.generic]
    return (specific or agents or [None])[-1]


def _make(code: str | None, dictionary: ActorDictionary) -> ActorCode | None:
    if not code:
        return None
    return ActorCode(code, dictionary.country(code), dictionary.role(code))


def code_phrase(
    tokens: list[Token],
    head: int,
    dictionary: ActorDictionary,
    day: date | None,
    known: tuple[Dated, ...] | None = None,
) -> tuple[ActorCode | None, int]:
    """Code a phrase (a list of tokens whose head is ``tokens[head]``); returns (code, rank).

    ``known`` are dictionary codes for the phrase's head when the caller knows more than the
    phrase shows (the entity's canonical name behind a bare surname).
    """
    matches = find_matches(tokens, dictionary)
    names = [(m, resolve(m.codes, day)) for m in matches if m.codes is not None]
    places = [code for _, code in names if code and len(code) == 3 and code[:3] not in COUNTRYLESS]
    actors = [(m, code) for m, code in names if code and not (len(code) == 3 and code in places)]
    at_head = next((pair for pair in actors if pair[0].start <= head < pair[0].end), None)
    if at_head is None and known:
        at_head = (_Match(head, head + 1, codes=known), resolve(known, day))
    agents = [m for m in matches if m.agent is not None]
    agent = _pick_agent(agents)
    role = agent.agent.role if agent else None
    if agent and role in OFFICE_ROLES and _is_former(tokens, agent):
        role = "ELI"
    country = places[0] if places else None

    if at_head is not None:
        named = at_head[1]
        title = agent is not None and role and agent.start < at_head[0].start
        if title:
            prefix = country or (named[:3] if named else None)
            return _make(_join(prefix, role, dictionary), dictionary), RANK_TITLE
        return _make(named, dictionary), RANK_NAME
    modifiers = [code for m, code in actors]
    if modifiers:
        org = modifiers[-1]
        if agent is None or role is None or agent.agent.generic or dictionary.role(org) == role:
            return _make(org, dictionary), RANK_NAME
        prefix = org if org[:3] in COUNTRYLESS else (country or org[:3])
        return _make(_join(prefix, role, dictionary), dictionary), RANK_TITLE
    if role:
        rank = RANK_TITLE if country else RANK_WEAK
        return _make(_join(country, role, dictionary), dictionary), rank
    if country:
        return _make(country, dictionary), RANK_WEAK
    return None, 0


def _join(prefix: str | None, role: str, dictionary: ActorDictionary) -> str:
    if role.endswith("~"):  # Phoenix's [IGO~]: an international role ("peacekeeping troops")
        return role[:-1] + (prefix if prefix and dictionary.country(prefix) else "")
    return (prefix or "") + role


def _is_former(tokens: list[Token], agent: _Match) -> bool:
    before = tokens[max(0, agent.start - 2) : agent.start]
    return any(t.lower_.strip("-") in FORMER_WORDS for t in before)


def code_span(
    span: Span, article: Article, knowledge: Knowledge, entities: list[Entity] = ()
) -> ActorCode | None:
    """Code any noun phrase as an actor ("Western governments", "police", "Imran Khan").

    Used for entities and for actors NER does not tag; None when nothing fits. When the span
    is a mention of a coded entity (``entities``), that entity's code is used.
    """
    for entity in entities:
        if entity.code and any(
            m.start <= span.start_char and span.end_char <= m.end for m in entity.mentions
        ):
            return ActorCode(entity.code, entity.country, entity.role)
    tokens = list(span)
    if not tokens:
        return None
    head = span.root.i - span.start
    code, _ = code_phrase(tokens, head, knowledge.actors, published_day(article))
    return code


def mention_context(doc: Doc, start: int, end: int) -> tuple[list[Token], int]:
    """The tokens that describe a mention: its left modifiers ("US President" before "Joe
    Biden"), or the noun phrase it is in apposition to; and the mention head's position."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return [], 0
    root = span.root
    first = min(root.left_edge.i, span.start)
    tokens = list(doc[first : span.end])
    head = root.i - first
    if root.dep_ == "appos" and root.head.pos_ in NOUNS and root.head.i < span.start:
        owner = _description_head(root.head)
        described = [t for t in doc[owner.left_edge.i : owner.i + 1]]
        return described + tokens, len(described) + head
    return tokens, head


def _description_head(token: Token) -> Token:
    """Climb from a noun inside a prepositional phrase to the noun the phrase modifies."""
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in NOUNS:
        token = token.head.head
    return token


def code_entity(
    entity: Entity, doc: Doc, dictionary: ActorDictionary, day: date | None
) -> tuple[ActorCode | None, int]:
    """The best code among an entity's mentions, with its rank."""
    known = dictionary.name_codes(words_of(entity.name))
    best: tuple[ActorCode | None, int] = (None, 0)
    for mention in entity.mentions:
        if entity.type in ("GPE", "LOC", "NORP"):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            tokens, head = (list(span), span.root.i - span.start) if span else ([], 0)
        else:
            tokens, head = mention_context(doc, mention.start, mention.end)
        if not tokens:
            continue
        found = code_phrase(tokens, head, dictionary, day, known)
        if found[0] is not None and found[1] > best[1]:
            best = found
    if best[0] is None and known:
        best = (_make(resolve(known, day), dictionary), RANK_NAME)
    return best


def code_actors(
    entities: list[Entity], doc: Doc, article: Article, knowledge: Knowledge
) -> list[Entity]:
    """Return the entities with ``code``, ``country`` and ``role`` filled where known.

    An entity whose own mentions give a role but no country ("the Prime Minister's Focal
    Person, Dr Arslan Khalid") takes the country of another entity mentioned in its context.
    """
    dictionary: ActorDictionary = knowledge.actors
    day = published_day(article)
    coded: list[Entity] = []
    for entity in entities:
        code, _ = code_entity(entity, doc, dictionary, day)
        coded.append(_with_code(entity, code))
    return [_borrow_country(entity, coded, doc, dictionary) for entity in coded]


def _with_code(entity: Entity, code: ActorCode | None) -> Entity:
    if code is None:
        return entity
    return replace(entity, code=code.code, country=code.country, role=code.role)


def _borrow_country(
    entity: Entity, entities: list[Entity], doc: Doc, dictionary: ActorDictionary
) -> Entity:
    """Fill a missing country from an entity mentioned in this entity's describing context."""
    if entity.country or not entity.role or (entity.code or "")[:3] in COUNTRYLESS:
        return entity
    for mention in entity.mentions:
        tokens, _ = mention_context(doc, mention.start, mention.end)
        context = [t for t in tokens if not mention.start <= t.idx < mention.end]
        for other in entities:
            if other is entity or not other.country or not other.code:
                continue
            if any(m.start <= t.idx < m.end for t in context for m in other.mentions):
                code = other.code[:3] + (entity.code or "")
                return _with_code(entity, _make(code, dictionary))
    return entity

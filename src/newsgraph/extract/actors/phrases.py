"""Coding one phrase as an actor: find dictionary names and agents in it, then read them as
CAMEO does: a title in the text beats what the dictionary remembers of a name; countries and
their adjectives give the country; agents ("police", "state-run media") give the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.extract.labels import PLACE_LABELS
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.actors import (
    ORGANISATION_PREFIXES,
    ActorDictionary,
    Agent,
    Dated,
    code_on,
    singular,
    words_of,
)

# A title preceded by one of these words names a past office holder: CAMEO codes them ELI.
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time"})
OFFICE_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})
# How much a mention's coding says about its entity: a title in context beats a dictionary
# entry, which beats a bare country or a bare role.
RANK_TITLE, RANK_NAME, RANK_WEAK = 3, 2, 1


class ActorCode(NamedTuple):
    """A CAMEO actor code split into its parts: ``PAKGOV`` -> PAK / GOV (a tuple: coding
    makes many, and a frozen dataclass costs several times more to make)."""

    code: str
    country: str | None
    role: str | None


MAX_READINGS = 20_000  # token texts whose readings are kept (~5 MB; then it starts over)

class Word(NamedTuple):
    """One normalised word of a token, read once against the dictionary's tries."""

    text: str
    plain: str | None  # its singular, when it is a plural
    starts_name: bool  # some name (or, for a plural, its singular) starts with it
    starts_agent: bool
    starts_place: bool


TokenWords = tuple[Word, ...]


def read_word(word: str, dictionary: ActorDictionary) -> Word:
    """A word with its singular and the tries it may start a key in."""
    plain = singular(word)
    names, agents = word in dictionary.name_trie, word in dictionary.agent_trie
    if plain is not None:
        names = names or plain in dictionary.name_trie
        agents = agents or plain in dictionary.agent_trie
    return Word(word, plain, names, agents, word in dictionary.place_trie)


class _Match(NamedTuple):
    start: int  # token positions within the phrase
    end: int
    codes: tuple[Dated, ...] | None = None
    agent: Agent | None = None
    capital: bool = False
    plural: bool = False  # a plural demonym: "Palestinians"


@dataclass(slots=True)
class PhraseTable:
    """What actor coding reads of one article's tokens with one dictionary, read once (phrases
    overlap, and spaCy builds a new string on every attribute access), and the answers it
    keeps for that article: its sentences' matches and its spans' codes. The article's
    context owns it (``ArticleContext.phrases``), so it lives and dies with the article."""

    dictionary: ActorDictionary
    words: list[TokenWords]  # each token's words: none for punctuation but "-", or "'s"
    capital: list[bool]  # whether each token's text starts with a capital letter
    tree: Tree
    text: str  # the Doc's text
    sentence_matches: dict[int, list[_Match]]  # by the sentence's first token
    span_codes: dict[tuple[int, int], ActorCode | None]  # by the span's tokens [start, end)


def read_table(tree: Tree, text: str, dictionary: ActorDictionary) -> PhraseTable:
    """What the matcher reads of every token of a parsed text."""
    tags, bare = tree.tag, tree.bare
    readings: dict[str, TokenWords] = dictionary.readings  # each text read once per process
    if len(readings) > MAX_READINGS:
        readings.clear()

    def read(lower: str) -> TokenWords:
        found = readings.get(lower)
        if found is None:
            found = readings[lower] = tuple(read_word(w, dictionary) for w in words_of(lower))
        return found

    words = [
        () if tags[i] == "POS" or bare[i] and lower != "-" else read(lower)
        for i, lower in enumerate(tree.lower)  # matching ignores case
    ]
    capital = [text[start].isupper() for start in tree.starts]
    return PhraseTable(dictionary, words, capital, tree, text, {}, {})


def _words(tokens: list[Token], table: PhraseTable) -> tuple[list[Word], list[int]]:
    """The phrase's normalised words and, for each, the position of its token in the phrase."""
    words: list[Word] = []
    owners: list[int] = []
    known = table.words
    for i, token in enumerate(tokens):
        for word in known[token.i]:
            words.append(word)
            owners.append(i)
    return words, owners


def is_place(codes: tuple[Dated, ...]) -> bool:
    """Whether a name's code is a country's (or a bloc's): a three-letter code."""
    code = code_on(codes, None)
    return bool(code) and len(code) == 3 and code not in ORGANISATION_PREFIXES


def _name_allowed(tokens: list[Token], place: bool, table: PhraseTable) -> bool:
    """Dictionary names must look like names in the text: capitalised, short ones upper case,
    and a person or organisation whole: "Khalid" in "Arslan Khalid" is not the dictionary's
    Khalid (a country adjective may sit inside a longer name: "British Defence Secretary")."""
    capital, tree = table.capital, table.tree
    for token in tokens:
        if capital[token.i]:
            break
    else:
        return False
    first, last = tokens[0].i, tokens[-1].i
    if len(tokens) == 1:
        text = table.text[tree.starts[first] : tree.ends[first]]
        if len(text.rstrip(".")) <= 3 and not text.isupper():
            return False
    if place:
        return True
    inside, pos = tree.ent_iob, tree.pos  # 1: inside an entity
    cut_before = inside[first] == 1 and first > 0 and pos[first - 1] == "PROPN"
    cut_after = last + 1 < len(pos) and inside[last + 1] == 1
    return not (cut_before or cut_after and pos[last + 1] == "PROPN")


def _walk(
    trie: dict, words: list[Word], i: int, last_plural: bool = True
) -> list[tuple[int, object, bool]]:
    """Keys of a word trie at word i, longest first: (length, value, whether the last word
    was read as its singular: "Palestinians" -> "palestinian")."""
    found = []
    node = trie
    for j in range(i, len(words)):
        word = words[j]
        entry = node.get(word.text)
        if entry is not None and entry[0] is not None:
            found.append((j - i + 1, entry[0], False))
        elif last_plural:
            plain = word.plain
            if plain is not None:
                other = node.get(plain)
                if other is not None and other[0] is not None:
                    found.append((j - i + 1, other[0], True))
        if entry is None:
            break
        node = entry[1]
        if not node:
            break
    if len(found) > 1:
        found.reverse()
    return found


def _name_at(
    words: list[Word], owners: list[int], i: int, tokens: list[Token], table: PhraseTable,
    names: bool = True, places: bool = True,
) -> tuple[_Match, int] | None:
    """The longest dictionary name (or, inside a place NER found, gazetteer place) at word i.
    Positions are in ``tokens``, which need not be contiguous in the Doc (a description may
    be put before a name)."""
    dictionary = table.dictionary
    for length, codes, plural in _walk(dictionary.name_trie, words, i) if names else ():
        span = tokens[owners[i] : owners[i + length - 1] + 1]
        place = is_place(codes)
        if _name_allowed(span, place, table):
            capital = False  # only a place's capital and plural are read (``_place_role``)
            if place:
                capital = dictionary.is_capital(tuple(w.text for w in words[i : i + length]))
                if length == 1 and not plural:
                    plain = words[i].plain
                    plural = bool(plain and dictionary.name_codes((plain,)))
            match = _Match(
                owners[i], owners[i + length - 1] + 1, codes=codes, capital=capital, plural=plural
            )
            return match, length
    if not places:
        return None
    for length, place, _ in _walk(dictionary.place_trie, words, i, last_plural=False):
        if length > 4:
            continue
        span = tokens[owners[i] : owners[i + length - 1] + 1]
        if _facility_tail(span[0], table.tree):
            continue
        if all(table.tree.ent_type[t.i] in PLACE_LABELS for t in span):
            codes = (Dated(place[0], None, None),)
            match = _Match(owners[i], owners[i + length - 1] + 1, codes=codes, capital=place[1])
            return match, length
    return None


def _facility_tail(first: Token, tree: Tree) -> bool:
    """Whether a gazetteer word sits inside a facility's name after its first word: the
    David of "Camp David" or the Hood of "Fort Hood" is no town, while the Baghdad of
    "Baghdad International Airport" tells the facility's country."""
    return tree.ent_type[first.i] == "FAC" and tree.ent_iob[first.i] == 1


def find_matches(tokens: list[Token], table: PhraseTable) -> list[_Match]:
    """Longest dictionary names and agents in a phrase, left to right, not overlapping."""
    if not tokens:
        return []
    words, owners = _words(tokens, table)
    matches: list[_Match] = []
    agent_trie = table.dictionary.agent_trie
    i = 0
    while i < len(words):
        # Most words start no key: the word's reading tells, once per word and dictionary.
        _, _, names, agents, places = words[i]
        if not (names or agents or places):
            i += 1
            continue
        best: _Match | None = None
        best_len = 0
        if names or places:
            named = _name_at(words, owners, i, tokens, table, names, places)
            if named:
                best, best_len = named
        for length, agent, _ in _walk(agent_trie, words, i) if agents else ():
            if is_surname(tokens[owners[i]], tokens[owners[i + length - 1]], table.tree):
                break
            if length > best_len:
                best = _Match(owners[i], owners[i + length - 1] + 1, agent=agent)
                best_len = length
            break
        if best is None:
            i += 1
            continue
        matches.append(best)
        i += best_len
    return matches


def allegiance(tokens: list[Token], match: _Match) -> bool:
    """Whether a country is named only as a side taken, "pro-" or "anti-" it: "pro-Russian
    separatists" in Donetsk are no Russian rebels, "anti-American protesters" no Americans."""
    before = [t.lower_ for t in tokens[max(0, match.start - 2) : match.start]]
    return before in (["pro", "-"], ["anti", "-"]) or tokens[match.start].lower_.startswith(
        ("pro-", "anti-")
    )


def is_surname(first: Token, last: Token, tree: Tree) -> bool:
    """Whether an agent's words end a person's name after another part of it ("Eric
    Cantor" is no cantor, "Tom Judge" no judge): titles come before names, not at their
    end."""
    if tree.ent_type[first.i] != "PERSON" or tree.ent_iob[first.i] != 1:
        return False  # "Pope Francis": the title starts the name
    after = last.i + 1
    return after >= len(tree.ent_iob) or tree.ent_iob[after] != 1


def _pick_agent(agents: list[_Match]) -> _Match | None:
    """The phrase's role: the last specific agent, else the last generic one."""
    specific = [m for m in agents if not m.agent.generic]
    return (specific or agents or [None])[-1]


def make_code(
    code: str | None, dictionary: ActorDictionary, prefixed: bool = True
) -> ActorCode | None:
    """Split a code; ``prefixed=False`` for a bare role ("MUS" is Muslims, not Mauritius)."""
    if not code:
        return None
    country = dictionary.country(code) if prefixed else None
    role = dictionary.role(code) if prefixed else dictionary.role("---" + code)
    return ActorCode(code, country, role)


@dataclass(slots=True)
class _Parts:
    """What a phrase says about its actor, before it is put together as one code."""

    country: str | None  # the phrase's country or bloc code ("PAK", "WST")
    places: list[tuple[_Match, str]]
    named: tuple[_Match, str | None] | None  # the dictionary actor at the head
    modifiers: list[str]  # dictionary actors elsewhere in the phrase ("Department of State")
    agent: _Match | None
    role: str | None


def code_phrase(
    tokens: list[Token],
    head: int,
    table: PhraseTable,
    day: date | None,
    known: tuple[Dated, ...] | None = None,
) -> tuple[ActorCode | None, int]:
    """Code a phrase (a list of tokens whose head is ``tokens[head]``); returns (code, rank).

    ``known`` are dictionary codes for the phrase's head when the caller knows more than the
    phrase shows (the entity's canonical name behind a bare surname).
    """
    parts = read_phrase(tokens, head, table, day, known)
    return assemble(parts, head, table.dictionary)


def read_phrase(
    tokens: list[Token],
    head: int,
    table: PhraseTable,
    day: date | None,
    known: tuple[Dated, ...] | None = None,
) -> _Parts:
    """The country, the named actor, the other named actors and the role in a phrase."""
    dictionary = table.dictionary
    matches = find_matches(tokens, table)
    places: list[tuple[_Match, str]] = []
    actors: list[tuple[_Match, str]] = []
    agents: list[_Match] = []
    named = None
    for match in matches:
        if match.codes is None:
            agents.append(match)
            continue
        code = code_on(match.codes, day)
        if not code:
            continue
        if is_place(match.codes):
            if not allegiance(tokens, match):
                places.append((match, code))
            continue
        actors.append((match, code))
        if named is None and match.start <= head < match.end:
            named = (match, code)
    if named is None and known:
        named = (_Match(head, head + 1, codes=known), code_on(known, day))
    agent = _pick_agent(agents)
    role = agent.agent.role if agent else None
    if agent and role in OFFICE_ROLES and _is_former(tokens, agent):
        role = "ELI"
    # A country before a bloc: "village in Western Cambodia" is Cambodia's.
    if len(places) > 1:
        places.sort(key=lambda pair: dictionary.country(pair[1]) is None)
    country = places[0][1] if places else None
    if country is None and _bare_surname(tokens, head, matches):
        country = dictionary.surnames.get(tokens[head].lower_)
    if named is not None and country and agent is None:
        # An institution the dictionary gives one country ("senate" -> USAGOVLEG) is
        # another country's when the phrase says so: "the Philippine Senate" -> PHLLEG.
        generic = _institution(tokens, named, country, dictionary)
        if generic is not None:
            named, agent, role = None, generic, generic.agent.role
    modifiers = [code for m, code in actors if named is None or m is not named[0]]
    return _Parts(country, places, named, modifiers, agent, role)


def _institution(
    tokens: list[Token],
    named: tuple[_Match, str | None],
    country: str,
    dictionary: ActorDictionary,
) -> _Match | None:
    """A named match read as an agent instead, when the name's code is of another country
    than ``country`` and its words are also a common noun ("senate", "parliament")."""
    match, code = named
    if not code or dictionary.country(code) in (None, dictionary.country(country)):
        return None
    words = tuple(w for t in tokens[match.start : match.end] for w in words_of(t.text))
    agent = dictionary.agent(words)
    if agent is None or agent.role is None:
        return None
    return _Match(match.start, match.end, agent=agent)


def assemble(parts: _Parts, head: int, dictionary: ActorDictionary) -> tuple[ActorCode | None, int]:
    """One code from a phrase's parts: a title before a name beats the name's dictionary
    code; an organisation keeps its code unless a specific role adds to it; else country +
    role, or the country alone."""
    country, agent, role = parts.country, parts.agent, parts.role
    if parts.named is not None:
        match, named = parts.named
        if agent is not None and role and agent.start < match.start:
            prefix = country or (named[:3] if named else None)
            if named and named[:3] in ORGANISATION_PREFIXES:  # "U.N. Secretary-General Kofi Annan"
                prefix = named
            return make_code(_join(prefix, role, dictionary), dictionary), RANK_TITLE
        return make_code(named, dictionary), RANK_NAME
    if parts.modifiers:
        org = parts.modifiers[-1]
        org_role = dictionary.role(org)
        if agent is None or role is None or org_role == role or agent.agent.generic and org_role:
            return make_code(org, dictionary), RANK_NAME
        prefix = org if org[:3] in ORGANISATION_PREFIXES else (country or org[:3])
        return make_code(_join(prefix, role, dictionary), dictionary), RANK_TITLE
    if role:
        rank = RANK_TITLE if country else RANK_WEAK
        code = _join(country, role, dictionary)
        return make_code(code, dictionary, prefixed=bool(country) or code != role), rank
    if country:
        return make_code(country + _place_role(parts.places, head), dictionary), RANK_WEAK
    return None, 0


def _bare_surname(tokens: list[Token], head: int, matches: list[_Match]) -> bool:
    """Whether the head is a surname right after a title ("President Kagame"): a full name
    the dictionary lacks ("Marco Rubio"), or a name alone ("Denis"), says nothing about the
    dictionary's Rubio or Denis."""
    if tokens[head].pos_ != "PROPN" or head == 0:
        return False
    return any(m.agent is not None and m.end == head for m in matches)


def _place_role(places: list[tuple[_Match, str]], head: int) -> str:
    """A capital acting alone stands for its government ("Tehran"); a plural demonym at the
    head names the people ("Palestinians", "Iraqi Kurds" is left alone)."""
    if len(places) != 1:
        return ""
    match = places[0][0]
    if not match.start <= head < match.end:
        return ""  # "The Jakarta Post" is no government
    if match.capital:
        return "GOV"
    return "CVL" if match.plural else ""


def _join(prefix: str | None, role: str, dictionary: ActorDictionary) -> str:
    if role.endswith("~"):  # Phoenix's [IGO~]: an international role ("truce monitors")
        if prefix and prefix.startswith(role[:-1]):
            return prefix
        return role[:-1] + (prefix if prefix and dictionary.country(prefix) else "")
    return (prefix or "") + role


def _is_former(tokens: list[Token], agent: _Match) -> bool:
    before = tokens[max(0, agent.start - 2) : agent.start]
    return any(t.lower_.strip("-") in FORMER_WORDS for t in before)

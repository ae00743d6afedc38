"""Places: toponyms geocoded offline.

Two steps. ``find_toponyms`` collects place mentions: GPE/LOC/FAC entities of spaCy and
of the actor step (which repairs NER slips); PERSON/ORG spans the gazetteer knows as
places ("Donbass" tagged PERSON, "Kremlin" tagged ORG, a big city tagged ORG); a town
tagged otherwise after a locative cue, before its state ("White Plains, New York" as
ORG) or in a list with a place ("New Rochelle and Yonkers", Yonkers as NORP); curated
names and capitalised datelines NER missed (at a line's start, or after a by-line when
an agency follows: "BOSTON (Reuters) -"); "Rome, Italy" and "Greece Italy" split in
two. Demonyms (NORP) never. ``best_entries`` picks one gazetteer entry per distinct name,
scoring each candidate by

- its base plausibility (countries and curated regions, then cities by population),
- a bonus when it lies in a country the article is about (the actors' countries and the
  countries, regions and states it names unambiguously; not cities), in proportion to
  that country's share of those mentions,
- a bonus when it lies in a state/region the article names, and a large one when a
  qualifier follows it ("Portland, Maine", "Moscow, Idaho") or a state cue does ("New
  York Gov.", "Quebec province": the state, not its city),
- a bonus when it lies within 300 km of a place the article names without doubt (spatial
  coherence: "Charleston" near Mount Pleasant is the one in South Carolina).

A small town (under 5,000 people, ``towns.tsv``) is a candidate only where the article
points at it: a qualifier of its state or country ("Shelby, Mont."), or, when no big
city (100,000+), country or region has the name, its state named in the article or a
place read without doubt within 300 km.

Every occurrence of a resolved name elsewhere in the text becomes a mention too. A name
no entry fits is kept with null coordinates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.extract.context import ArticleContext
from newsgraph.extract.labels import PLACE_LABELS
from newsgraph.extract.place_persons import person_surnames, reads_as_person
from newsgraph.extract.place_sites import containing_town, is_site, is_site_slip, site_entry
from newsgraph.extract.tree import Tree
from newsgraph.ids import record_id
from newsgraph.knowledge.places import (
    Gazetteer,
    GazetteerEntry,
    PlaceKnowledge,
    distance_km,
    normalise,
)
from newsgraph.model import Entity, Place, Span

SLIP_LABELS = {"PERSON", "ORG"}
COUNTRY_BONUS = 25.0
STRONG_BASE = 50.0  # a city of 100,000 people, or any country or region
ADMIN_BONUS = 15.0
QUALIFIER_BONUS = 40.0
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "Oaxaca State", "Greater Manchester", "Kano city": the name is the place's own name.
GENERIC_WORDS = re.compile(
    r"^(?:greater|metropolitan|central) | (?:state|province|region|governorate|oblast|"
    r"district|city|prefecture|municipality|territory|county|parish)$",
    re.IGNORECASE,
)
SLIP_MIN_POPULATION = 100_000
# NER's other labels for a town it did not know; read as the town after a locative cue
RESCUE_LABELS = {"PERSON", "ORG", "NORP", "LANGUAGE"}
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|from)|\bsuburb of|\boutside"
    # a journey's end: "moved to Thornhill", "a return trip to Saipan", "driving to Castlegar"
    r"|\b(?:moved|moving|relocated|trips?|travel(?:l?ed|l?ing)?|drive|driving|drove|flew|"
    r"flights?|returned|returning|headed|heading|commute|commuting) (?:back )?(?:in)?to"
    # a person's home town in the press's formula: "Miss Abdhou, of Hayes, was ..."
    r"|, of) $"
)
LOCATIVE_AFTER = re.compile(r"^-based\b")
# features a name inside an organisation's name may be read as without other evidence
REGION_FEATURES = {"country", "admin region", "county"}
# Spatial coherence: a town within NEAR_KM of a place the article names without doubt
# ("Charleston" in a story that also names Mount Pleasant, S.C.) is the likelier reading.
NEAR_KM = 300.0
NEAR_BONUS = 20.0
# an anchor is a name whose best reading leads the next one of another country or
# admin1 region by at least this much (a single candidate always anchors)
ANCHOR_MARGIN = 15.0
# "New York Gov.", "Quebec province", "the state of Washington": a state, not its city
STATE_AFTER = re.compile(
    r"^(?:'s)? (?:Gov\.|Governor|governor|state\b|State (?:Legislature|Senate|House|"
    r"Assembly|Capitol|legislature|lawmakers)|province|Province|legislature|lawmakers|"
    r"Attorney General|attorney general)"
)
STATE_BEFORE = re.compile(r"(?:state|province|State|Province) of $")
# A dateline in capitals, which NER misses: "SAN DIEGO (AP) —", "HELENA, Mont. —", and the
# single hyphen many local papers type ("SPRINGFIELD - ")
DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})"
    r"(?=(?:,[ \t]*(?P<qualifier>[^\n]{0,24}?))?\s*(?:\(|—|–|--|-[ \t]|:[ \t]))",
    re.MULTILINE,
)
# the colon dateline of the Gulf and South Asian press, in title case at the article's
# start: "Muscat: The 10th Muscat International Film Festival came ..."; only a big place
# (a city of 100,000+, a region or a country), so "Photo:" or "Source:" never is one
OPENING_DATELINE = re.compile(r"\A\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):[ \t]")
# a lede opening with its place in capitals and no dash: "SAN ANTONIO Turner Sports
# analyst ...", "A PARANAQUE court on Friday ..."; only a big place, as OPENING_DATELINE
OPENING_CAPITALS = re.compile(
    r"\A\s*(?:(?:A|AN|THE) )?([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?= [A-Z]?[a-z])"
)
# the same after an earlier sentence on its line, when a news agency follows:
# "By Nate Raymond. BOSTON (Reuters) -"
INLINE_DATELINE = re.compile(
    r"(?<=[.!?\"”] )([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})"
    r"(?=(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)? \([A-Z][\w ]{0,20}\) ?(?:—|–|--|-[ \t]))"
)
# a sports opponent named by its town: "against Louisville", "outlasted Portland"
OPPONENT_BEFORE = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeating|outlasted|edged|swept|vs\.?|versus)"
    r" (?:the )?$"
)
# a town owning a site: "Derry's Altnagelvin Hospital"
POSSESSIVE_HEAD = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)(?:'s|’s) (?=[A-Z])")
LIST_JOINER = re.compile(r",? (?:and|or) |, ")
LIST_JOINER_CHARS = len(", and ")  # the longest text LIST_JOINER matches
LIST_GOES_ON = re.compile(r"(?:,|;|\.|$| and | or )")
WORD = re.compile(r"[^\s\-–/]+")
QUOTE_OPENERS = "\"“"
QUOTE_CLOSE = re.compile(r"[.,!?]?[\"”]")
# a city this big at the head of an organisation's name is the place ("Winnipeg Fire
# Paramedic Service", "Muscat International Film Festival")
BIG_CITY_INSIDE = 500_000
# places whose own name, labelled otherwise by NER elsewhere, is still the place
OWN_NAME_FEATURES = {"country", "admin region", "city"}
WORD_CHAR = re.compile(r"\w")
# a region named with its kind of region: "Borno State", "Sindh Province"
# (every start: "Maiduguri Borno State" holds "Borno State")
REGION_WITH_WORD = re.compile(
    r"(?<![\w-])(?!The )(?=([A-Z][a-z]+(?: [A-Z][a-z]+)? (?:State|Province|County|Region|"
    r"Governorate|Oblast|Prefecture)(?![\w-])))"
)
# a capitalised name after a locative cue or a person's "of" (see ``missed_towns``)
MISSED_TOWN = re.compile(
    r" (?P<cue>in|near|from|outside|of) (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w-])"
)
# capital initials standing alone: "SA", "PNG"
INITIALS = re.compile(r"(?<![\w.&-])[A-Z]{2,4}(?![\w&-]|\.\w)")


@dataclass(slots=True)
class Toponym:
    """One mention of a place name, with the qualifier that follows it, if any."""

    start: int
    end: int
    text: str
    qualifier: str | None = None
    label: str | None = None
    qualifies: bool = False
    # the name stands for a big place: a dateline with no state after it ("WASHINGTON
    # (AP)"), or a team named by its town ("against Louisville")
    big: bool = False
    # the name of the place that initials stand for: "South Africa" for "SA"
    stands_for: str | None = None


# --- candidates ----------------------------------------------------------------------------


def trim_toponym(start: int, end: int, text: str) -> tuple[int, int, str]:
    """Drop a possessive ending and a leading "the" from a mention."""
    match = POSSESSIVE.search(text)
    if match and len(text) > len(match.group(0)) + 1:
        end -= len(match.group(0))
        text = text[: match.start()]
    if text.lower().startswith("the "):
        start, text = start + 4, text[4:]
    return start, end, text


def qualifier_after(
    doc: Doc, end_token: int, ents: tuple[SpacySpan, ...] | None = None
) -> str | None:
    """The place named right after a comma: "Portland, Maine" -> "Maine".

    ``ents`` is ``doc.ents`` when the caller has it: spaCy rebuilds it on every access.
    """
    if end_token + 1 < len(doc) and doc[end_token].text == ",":
        following = doc[end_token + 1]
        if following.ent_type_ in PLACE_LABELS and following.ent_iob_ == "B":
            ent = next(e for e in (doc.ents if ents is None else ents) if e.start == following.i)
            return ent.text
        if following.text.endswith(".") and following.is_title:
            return following.text
    return None


def split_qualified(start: int, text: str, qualifier: str | None) -> list[Toponym]:
    """ "Rome, Italy" tagged as one entity: two toponyms, the first qualified by the second."""
    head, comma, tail = text.partition(", ")
    if not comma or not tail[:1].isupper():
        return [Toponym(start, start + len(text), text, qualifier)]
    tail_start = start + len(head) + len(comma)
    return [
        Toponym(start, start + len(head), head, tail),
        Toponym(tail_start, tail_start + len(tail), tail, qualifier),
    ]


def split_possessive(toponym: Toponym, gazetteer: Gazetteer) -> list[Toponym]:
    """ "Derry's Altnagelvin Hospital": the town that owns a site is a toponym of its own."""
    match = POSSESSIVE_HEAD.match(toponym.text)
    if not match or not gazetteer.lookup(match.group(1)):
        return [toponym]
    head, rest = match.group(1), toponym.text[match.end() :]
    rest_start = toponym.start + match.end()
    return [
        Toponym(toponym.start, toponym.start + len(head), head, label=toponym.label),
        Toponym(rest_start, toponym.end, rest, toponym.qualifier, toponym.label),
    ]


def split_unknown(toponym: Toponym, gazetteer: Gazetteer) -> list[Toponym]:
    """An unknown name made of known ones: "Greece Italy", "Asia-Pacific" -> two toponyms;
    "Pacific equatorial" -> "Pacific". Otherwise the toponym as it is."""
    if lookup(gazetteer, toponym.text):
        return [toponym]
    parts = [(m.start(), m.group()) for m in WORD.finditer(toponym.text)]
    known = [
        (start, word) for start, word in parts
        if any(c.feature != "county" for c in gazetteer.lookup(word))
    ]
    others = [word for start, word in parts if (start, word) not in known]
    if not known or any(word[:1].isupper() for word in others):
        return [toponym]
    return [
        Toponym(toponym.start + start, toponym.start + start + len(word), word, toponym.qualifier,
                toponym.label)
        for start, word in known
    ]


def is_known_place(gazetteer: Gazetteer, name: str, label: str) -> bool:
    """A curated place or a big city (or, for ORG, a country): safe to read as a place when
    NER said PERSON or ORG ("Donbass", "the Kremlin", "Liverpool"). Country names that are
    also first names ("Jordan", "Chad") stay persons."""
    candidates = gazetteer.lookup(name)
    if label == "PERSON" and any(c.feature == "country" for c in candidates):
        return False
    return gazetteer.is_curated(name) or any(
        c.population >= SLIP_MIN_POPULATION and not c.alternate for c in candidates
    )


def is_locative_town(gazetteer: Gazetteer, ent: SpacySpan, text: str) -> bool:
    """A town NER labelled otherwise ("in Marksville" as PERSON, "Tyler-based" as ORG):
    the gazetteer has a town of that name and a locative cue stands next to it."""
    if ent.label_ not in RESCUE_LABELS:
        return False
    before = text[max(0, ent.start_char - 24) : ent.start_char]
    after = text[ent.end_char : ent.end_char + 8]
    if not (LOCATIVE_BEFORE.search(before) or LOCATIVE_AFTER.match(after)):
        return False
    candidates = gazetteer.lookup(ent.text)
    if ent.label_ == "PERSON" and any(c.feature == "country" for c in candidates):
        return False
    return any(c.feature == "city" and not c.alternate for c in candidates)


def is_qualified_town(
    gazetteer: Gazetteer, ent: SpacySpan, qualifier: str | None
) -> bool:
    """A town NER labelled otherwise, followed by its state or country: "the US city of
    White Plains, New York" (ORG). Small towns count: the qualifier vouches for them."""
    if ent.label_ not in RESCUE_LABELS or qualifier is None:
        return False
    qualifiers = gazetteer.lookup(qualifier)
    return any(
        c.feature == "city" and not c.alternate and any(qualifies_as(q, c) for q in qualifiers)
        for c in gazetteer.lookup(ent.text, towns=True)
    )


def is_listed_town(
    gazetteer: Gazetteer, ent: SpacySpan, place_spans: list[tuple[int, int]], text: str
) -> bool:
    """A town NER labelled otherwise in a list of places: "New Rochelle and Yonkers"
    (NORP), "from Dolgellau, Harlech, Barmouth" — next to a place entity (``place_spans``:
    the character spans of the article's place entities), joined by a comma or
    "and"/"or", and the gazetteer has a town of that name."""
    if ent.label_ not in RESCUE_LABELS:
        return False
    start, end = ent.start_char, ent.end_char
    # after a comma the list must go on ("Illinois, Rittenhouse is accused" is no list)
    goes_on = LIST_GOES_ON.match(text[end : end + 5]) is not None
    # only a gap of a joiner's length can be one, so no other gap is sliced or matched
    if not any(
        0 < start - e_end <= LIST_JOINER_CHARS
        and (joiner := LIST_JOINER.fullmatch(text[e_end:start]))
        and (goes_on or "and" in joiner.group() or "or" in joiner.group())
        or 0 < e_start - end <= LIST_JOINER_CHARS and LIST_JOINER.fullmatch(text[end:e_start])
        for e_start, e_end in place_spans
    ):
        return False
    candidates = gazetteer.lookup(ent.text)
    if ent.label_ == "PERSON" and any(c.feature == "country" for c in candidates):
        return False
    return any(c.feature == "city" and not c.alternate for c in candidates)


def is_region_inside(gazetteer: Gazetteer, name: str) -> bool:
    """A name safe to read as a place inside an organisation's name on its own: a country,
    a curated state or province, or a county, by its own name ("Ohio", "Morris County";
    not an abbreviation such as "Mass." nor a word such as "Centre")."""
    return any(
        c.name == name and not c.alternate and (
            c.feature == "country"
            or c.feature == "admin region" and gazetteer.is_curated(name)
            or c.feature == "county" and GENERIC_WORDS.search(name) is not None
        )
        for c in gazetteer.lookup(name)
    )


def is_big_city(gazetteer: Gazetteer, name: str) -> bool:
    """A city of BIG_CITY_INSIDE people or more by its own name."""
    return any(
        c.feature == "city" and c.name == name and not c.alternate
        and c.population >= BIG_CITY_INSIDE
        for c in gazetteer.lookup(name)
    )


def places_inside(
    ent: SpacySpan, gazetteer: Gazetteer, named: set[str]
) -> list[Toponym]:
    """Places named inside an organisation's or a building's name: "Ohio" in "Ohio State
    Highway Patrol", "Morris County" in "Morris County Sheriff's Office", a town the
    article names elsewhere ("Bradford" in "Bradford Council") and a city of
    BIG_CITY_INSIDE people heading the name ("Winnipeg Fire Paramedic Service"). Longest
    name first, in capitalised words only; the organisation's own whole name is not looked
    at here."""
    found = []
    tokens = list(ent)
    i = 0
    while i < len(tokens):
        if tokens[i].lower_ == "the":
            i += 1
            continue
        for j in range(len(tokens), i, -1):
            if j - i == len(tokens) or not all(t.text[:1].isupper() for t in tokens[i:j]):
                continue
            span = ent.doc[ent.start + i : ent.start + j]
            heads = i == 0 or i == 1 and tokens[0].lower_ == "the"
            if (normalise(span.text) in named or is_region_inside(gazetteer, span.text)
                    or heads and is_big_city(gazetteer, span.text)):
                found.append(Toponym(span.start_char, span.end_char, span.text, label="ORG"))
                i = j - 1
                break
        i += 1
    return found


def dateline_state(match: re.Match[str], gazetteer: Gazetteer) -> Toponym | None:
    """The state or country after a dateline's town, a place of its own: "Calif." in
    "PLEASANTON, Calif.--(BUSINESS WIRE)--"."""
    text = (match.groupdict().get("qualifier") or "").strip()
    if not text or not any(
        c.feature in {"admin region", "country"} for c in gazetteer.lookup(text)
    ):
        return None
    start = match.start("qualifier")
    return Toponym(start, start + len(text), text)


def is_quoted_title(text: str, start: int, end: int) -> bool:
    """A name that is all of a quotation is a title: the musical "Hamilton." is no town."""
    return (
        start > 0 and text[start - 1] in QUOTE_OPENERS
        and QUOTE_CLOSE.match(text, end) is not None
    )


def initials_of_countries(text: str, knowledge: PlaceKnowledge) -> list[Toponym]:
    """Initials standing for a country the article names in full: "SA" in a story that
    says "South Africa" (or "South Africans"). Initials the gazetteer knows as they are
    ("UK", "US") are found elsewhere; initials of two countries the article names both
    are left alone."""
    found = []
    for match in INITIALS.finditer(text):
        names = knowledge.initials.get(match.group())
        if not names or knowledge.gazetteer.lookup(match.group()):
            continue
        named = {
            name for name in names
            if re.search(rf"(?<![\w-]){re.escape(name)}", text) is not None
        }
        countries = {
            entry.geonameid for name in named for entry in knowledge.gazetteer.lookup(name)
            if entry.feature == "country"
        }
        if len(countries) == 1:
            found.append(Toponym(*match.span(), match.group(), stands_for=min(named)))
    return found


def missed_towns(text: str, ents: tuple[SpacySpan, ...], gazetteer: Gazetteer) -> list[Toponym]:
    """Towns NER did not tag at all: a city of SLIP_MIN_POPULATION people or more after
    "in", "near", "from" or "outside" ("in Forbury Gardens in Reading, Berkshire"), and a
    town of the cities table after a person and "of" ("David and Jodi Mahler of
    Bellmore", the press's home town). Capitalised words outside any entity, named as the
    town is (not an alternate name). The first kind is marked ``big``: found for its big
    city, it is read as one."""
    inside = covered(len(text), [(e.start_char, e.end_char) for e in ents])
    persons = {e.end_char for e in ents if e.label_ == "PERSON"}
    found = []
    for match in MISSED_TOWN.finditer(text):
        start, end = match.span("name")
        if 1 in inside[start:end]:
            continue
        home = match.group("cue") == "of" and match.start() in persons
        if home or match.group("cue") != "of":
            least = 0 if home else SLIP_MIN_POPULATION
            if any(c.feature == "city" and not c.alternate and c.population >= least
                   for c in gazetteer.lookup(match.group("name"))):
                # found for its big city, it stands for that city
                found.append(Toponym(start, end, match.group("name"), big=not home))
    return found


def joined_names(
    doc: Doc, ents: tuple[SpacySpan, ...], gazetteer: Gazetteer
) -> list[Toponym]:
    """Place names NER cut in two entities side by side, one of them a place: "living in
    Boa Vista" as GPE "Boa" and ORG "Vista" (which alone is Vista, California). The two
    make one toponym when the gazetteer knows the whole name by its own name."""
    found = []
    for first, second in zip(ents, ents[1:], strict=False):
        if (second.start != first.end or second.start_char != first.end_char + 1
                or PLACE_LABELS.isdisjoint((first.label_, second.label_))):
            continue
        name = f"{first.text} {second.text}"
        if any(c.feature in REGION_FEATURES | {"city"} and not c.alternate
               for c in gazetteer.lookup(name)):
            found.append(Toponym(first.start_char, second.end_char, name,
                                 qualifier_after(doc, second.end, ents), label="GPE"))
    return found


def find_toponyms(
    doc: Doc, entities: list[Entity], knowledge: PlaceKnowledge, text: str | None = None
) -> list[Toponym]:
    """Place mentions from NER and from the actor step, with demonyms and non-places left out.

    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds doc.text and doc.ents
    from the tokens on every access, so each is read once here.
    """
    gazetteer = knowledge.gazetteer
    found: dict[tuple[int, int], Toponym] = {}
    ents, doc_text = doc.ents, doc.text if text is None else text
    place_spans = [(e.start_char, e.end_char) for e in ents if e.label_ in PLACE_LABELS]
    for ent in ents:
        is_place = ent.label_ in PLACE_LABELS
        is_slip = ent.label_ in SLIP_LABELS and is_known_place(
            gazetteer, trim_toponym(0, 0, ent.text)[2], ent.label_
        )
        qualifier = qualifier_after(doc, ent.end, ents)
        # "sent to the New Bilibid Prison": NER's span may hold the article
        name_start, name_end, name = trim_toponym(ent.start_char, ent.end_char, ent.text)
        before = doc_text[max(0, name_start - 16) : name_start]
        site_slip = not (is_place or is_slip) and is_site_slip(
            name, ent.label_, before, knowledge.site_words, doc_text[name_end : name_end + 10]
        )
        is_rescue = not (is_place or is_slip) and (
            site_slip
            or is_locative_town(gazetteer, ent, doc_text)
            or is_qualified_town(gazetteer, ent, qualifier)
            or is_listed_town(gazetteer, ent, place_spans, doc_text)
        )
        if is_place or is_slip or is_rescue:
            start, end, text = trim_toponym(ent.start_char, ent.end_char, ent.text)
            parts = split_qualified(start, text, qualifier)
            if site_slip:
                parts = [p for part in parts for p in split_possessive(part, gazetteer)]
            for toponym in parts:
                toponym.label = ent.label_
                found[(toponym.start, toponym.end)] = toponym
    for toponym in joined_names(doc, ents, gazetteer):
        for key in [k for k in found if toponym.start <= k[0] and k[1] <= toponym.end]:
            del found[key]
        found[(toponym.start, toponym.end)] = toponym
    datelines = [*DATELINE.finditer(doc_text), *INLINE_DATELINE.finditer(doc_text)]
    datelines += [
        match for pattern in (OPENING_DATELINE, OPENING_CAPITALS)
        for match in pattern.finditer(doc_text)
        if any(c.base >= STRONG_BASE for c in lookup(gazetteer, match.group(1)))
    ]
    datelines = [match for match in datelines if lookup(gazetteer, match.group(1))]
    named = {normalise(t.text) for t in found.values()}
    named |= {normalise(match.group(1)) for match in datelines}
    for ent in ents:
        if ent.label_ in {"ORG", "FAC", "EVENT"}:
            for toponym in places_inside(ent, gazetteer, named):
                if not any(s < toponym.end and toponym.start < e for s, e in found):
                    found[(toponym.start, toponym.end)] = toponym
    for match in datelines:
        start, end = match.span(1)
        if (start, end) not in found:
            found[(start, end)] = Toponym(start, end, match.group(1))
        qualifier = dateline_state(match, gazetteer)
        if qualifier and not any(s < qualifier.end and qualifier.start < e for s, e in found):
            found[(qualifier.start, qualifier.end)] = qualifier
    for toponym in [*initials_of_countries(doc_text, knowledge),
                    *missed_towns(doc_text, ents, gazetteer)]:
        if not any(s < toponym.end and toponym.start < e for s, e in found):
            found[(toponym.start, toponym.end)] = toponym
    ent_spans = [(e.start_char, e.end_char) for e in ents]
    for match in REGION_WITH_WORD.finditer(doc_text):
        # "in Maiduguri Borno State": a region NER missed, named with its kind
        start, end = match.span(1)
        if not any(s < end and start < e for s, e in [*ent_spans, *found]) and any(
            c.feature in {"admin region", "county"} for c in lookup(gazetteer, match.group(1))
        ):
            found[(start, end)] = Toponym(start, end, match.group(1))
    for match in knowledge.curated_names.finditer(doc_text):
        start, end = match.span()
        overlapping = [(s, e) for s, e in ent_spans if s < end and start < e]
        # a longer curated name wins over the entities inside it ("Trinidad and Tobago" read
        # as GPE + PERSON); an entity of exactly that span keeps its own label ("Jordan")
        inside = all(start <= s and e <= end for s, e in overlapping)
        if inside and (start, end) not in overlapping:
            for key in [k for k in found if start <= k[0] and k[1] <= end]:
                del found[key]
            if not any(s < end and start < e for s, e in found):
                found[(start, end)] = Toponym(start, end, match.group())
    for entity in entities:
        if entity.type in PLACE_LABELS:
            for mention in entity.mentions:
                start, end, text = trim_toponym(mention.start, mention.end, mention.text)
                if not any(s < end and start < e for s, e in found):
                    found[(start, end)] = Toponym(start, end, text, label=entity.type)
    toponyms = [
        part for _, t in sorted(found.items())
        # a site's name is one name: "Rogers Centre" is no Rogers and no Centre
        for part in ([t] if is_site(t.text, [t.label], knowledge.site_words)
                     else split_unknown(t, gazetteer))
        if normalise(part.text) not in knowledge.not_places
        and any(c.isalpha() for c in part.text)
        and not is_quoted_title(doc_text, part.start, part.end)
    ]
    ends = {t.end for t in toponyms}
    unqualified_datelines = {
        match.span(1) for match in datelines if doc_text[match.end(1) : match.end(1) + 1] != ","
    }
    for toponym in toponyms:
        toponym.big = toponym.big or (toponym.start, toponym.end) in unqualified_datelines or bool(
            OPPONENT_BEFORE.search(doc_text[max(0, toponym.start - 16) : toponym.start])
        )
        # "Tacoma, Washington": Washington qualifies another place, so it is a state;
        # so is "New York" in "New York Gov." and "Quebec" in "Quebec province"
        before = doc_text[max(0, toponym.start - 2) : toponym.start]
        toponym.qualifies = (
            before == ", " and toponym.start - 2 in ends
            or bool(STATE_AFTER.match(doc_text[toponym.end : toponym.end + 40]))
            or bool(STATE_BEFORE.search(doc_text[max(0, toponym.start - 20) : toponym.start]))
        )
    return toponyms


# --- resolution ----------------------------------------------------------------------------


@dataclass(slots=True)
class Context:
    """What the article is about: countries and (country, admin1) regions it names."""

    countries: Counter = field(default_factory=Counter)
    regions: set[tuple[str | None, str | None]] = field(default_factory=set)


def article_context(
    names: dict[str, list[Toponym]], gazetteer: Gazetteer, entities: list[Entity]
) -> Context:
    """Countries the article is about: the actors' countries and the countries of the
    countries, regions and states it names whose plausible readings all lie in one country.
    Cities do not count: "Moscow" alone does not make a story Russian."""
    context = Context()
    for entity in entities:
        # Place entities count below, by what the gazetteer says of them: the actor coder
        # gives a city its country too, and a city alone must not decide.
        if entity.country and entity.type not in PLACE_LABELS:
            context.countries[entity.country] += len(entity.mentions)
    for key, mentions in names.items():
        candidates = [c for c in lookup(gazetteer, key) if c.base >= STRONG_BASE]
        countries = {c.country for c in candidates}
        if len(countries) != 1 or None in countries:
            continue
        best = max(candidates, key=lambda c: c.base)
        if best.feature != "city":
            context.countries[best.country] += len(mentions)
        if best.feature == "admin region":
            context.regions.add((best.country, best.admin1))
    return context


def score(
    candidate: GazetteerEntry, context: Context, qualifiers: list[GazetteerEntry]
) -> float:
    value = candidate.base
    total = sum(context.countries.values())
    if total:
        value += COUNTRY_BONUS * context.countries[candidate.country] / total
    if (candidate.country, candidate.admin1) in context.regions:
        value += ADMIN_BONUS
    if any(qualifies_as(q, candidate) for q in qualifiers):
        value += QUALIFIER_BONUS
    return value


def lookup(gazetteer: Gazetteer, name: str, towns: bool = False) -> list[GazetteerEntry]:
    """Entries for a name, else for the name without a generic word ("Oaxaca State");
    with ``towns``, small towns too."""
    candidates = gazetteer.lookup(name, towns)
    if not candidates:
        bare = GENERIC_WORDS.sub("", name)
        if bare != name and len(bare) > 2:
            candidates = gazetteer.lookup(bare, towns)
    return candidates


def is_anchor(ranked: list[tuple[float, GazetteerEntry]]) -> bool:
    """A name read without doubt: its best town or region leads every reading elsewhere
    (another country or admin1 region) by ANCHOR_MARGIN. Countries, continents and seas
    are too large to say where a town lies."""
    if not ranked or ranked[0][1].lat is None:
        return False
    best_value, best = ranked[0]
    if best.feature not in {"city", "admin region"}:
        return False
    rivals = [v for v, c in ranked[1:] if (c.country, c.admin1) != (best.country, best.admin1)]
    return not rivals or best_value - max(rivals) >= ANCHOR_MARGIN


def near_anchor(candidate: GazetteerEntry, anchors: list[GazetteerEntry]) -> bool:
    """True when the candidate lies in the admin1 region of a place resolved without doubt
    or, for a town, within NEAR_KM of one ("Ontario" near Sarnia is the province)."""
    for anchor in anchors:
        if anchor.geonameid == candidate.geonameid or candidate.lat is None:
            continue
        if anchor.admin1 and (anchor.country, anchor.admin1) == (
            candidate.country, candidate.admin1
        ):
            return True
        if candidate.feature == "city" and distance_km(candidate, anchor) <= NEAR_KM:
            return True
    return False


def qualifies_as(qualifier: GazetteerEntry, candidate: GazetteerEntry) -> bool:
    """True when a qualifier ("Maine" in "Portland, Maine") names the candidate's country
    or its state."""
    return qualifier.country == candidate.country and (
        qualifier.feature == "country" or qualifier.admin1 == candidate.admin1
    )


def small_town_fits(
    candidate: GazetteerEntry, context: Context, anchors: list[GazetteerEntry]
) -> bool:
    """The article points at a small town without qualifying it: it names the town's
    state, or a place read without doubt lies within NEAR_KM."""
    return (candidate.country, candidate.admin1) in context.regions or bool(
        anchors
    ) and near_anchor(candidate, anchors)


def candidates_for(
    key: str, mentions: list[Toponym], gazetteer: Gazetteer
) -> list[GazetteerEntry]:
    """The gazetteer entries a name may refer to, as it is used in this article."""
    candidates = lookup(gazetteer, key, towns=True)
    bare = GENERIC_WORDS.sub("", key)
    if bare != key and len(bare) > 2 and key.endswith(" county"):
        # "Hampshire County Council": the English county is named without "County"
        for candidate in gazetteer.lookup(bare):
            if candidate.feature in {"admin region", "county"} and candidate not in candidates:
                candidates.append(candidate)
    if all(m.label == "FAC" and not m.qualifier for m in mentions):
        # a building or road named like a town ("Washington Square") is not that town;
        # one followed by a state ("Beaver Falls, Pennsylvania") is the town
        candidates = [
            c for c in candidates
            if c.feature != "city" or c.population >= SLIP_MIN_POPULATION
        ]
    return candidates


def ranked_entries(
    key: str,
    mentions: list[Toponym],
    gazetteer: Gazetteer,
    context: Context,
    anchors: list[GazetteerEntry] = (),  # type: ignore[assignment]
) -> list[tuple[float, GazetteerEntry]]:
    """A name's gazetteer entries, most plausible first, with their scores."""
    qualifiers = [q for m in mentions if m.qualifier for q in gazetteer.lookup(m.qualifier)]
    qualifies = any(m.qualifies for m in mentions)

    def plausibility(candidate: GazetteerEntry) -> float:
        value = score(candidate, context, qualifiers)
        if qualifies and candidate.feature in {"admin region", "country"}:
            value += QUALIFIER_BONUS
        if anchors and near_anchor(candidate, anchors):
            value += NEAR_BONUS
        return value

    candidates = candidates_for(key, mentions, gazetteer)
    if any(m.big for m in mentions) and any(c.base >= STRONG_BASE for c in candidates):
        # "WASHINGTON (AP)", "against Portland": a dateline without its state, or a team,
        # names a big place (a city of 100,000+, a region or a country), whatever is near
        candidates = [c for c in candidates if c.base >= STRONG_BASE]
    # a small town never displaces a big city, a country or a region by context alone
    strong = any(c.base >= STRONG_BASE for c in candidates)
    kept = [c for c in candidates if not c.small or (
        any(qualifies_as(q, c) for q in qualifiers)
        or not strong and small_town_fits(c, context, anchors)
    )]
    ranked = [(plausibility(c), c) for c in kept]
    return sorted(ranked, key=lambda pair: -pair[0])


def best_entries(
    names: dict[str, list[Toponym]], gazetteer: Gazetteer, context: Context
) -> dict[str, GazetteerEntry | None]:
    """The best entry for every name, decided jointly: names read without doubt anchor
    the others, whose readings near an anchor gain NEAR_BONUS."""
    first = {key: ranked_entries(key, mentions, gazetteer, context)
             for key, mentions in names.items()}
    best = {key: ranked[0][1] if ranked else None for key, ranked in first.items()}
    anchors = {key: best[key] for key, ranked in first.items() if is_anchor(ranked)}
    for key in first:
        if key in anchors:
            continue
        others = [entry for other, entry in anchors.items() if other != key]
        if others:
            again = ranked_entries(key, names[key], gazetteer, context, others)
            if again:
                best[key] = again[0][1]
    return best


# --- records -------------------------------------------------------------------------------


def more_mentions(
    doc: Doc,
    surfaces: set[str],
    taken: list[tuple[int, int]],
    entity_spans: list[tuple[int, int]] | None = None,
    text: str | None = None,
    blocked: bytearray | None = None,
) -> list[tuple[int, int]]:
    """Other occurrences of a place's names that NER missed, outside any other entity.

    ``entity_spans`` (the entities' character spans) and ``text`` (``doc.text``) are
    passed by a caller that has them: spaCy rebuilds both on every access. ``blocked``:
    the ``covered`` mask of ``taken`` and ``entity_spans``, from a caller that asks for
    several places in turn; the occurrences found are marked in it.
    """
    if entity_spans is None:
        entity_spans = [(e.start_char, e.end_char) for e in doc.ents]
    text = doc.text if text is None else text
    spans = []
    # Longest name first ("U.S." before "U.S"), in a fixed order: a set's order depends on
    # the process's hash seed, and so would the records.
    for surface in sorted(surfaces, key=lambda s: (-len(s), s)):
        for start, end in whole_words(surface, text):
            if blocked is None:  # 1 at each character of a taken span, built when needed
                blocked = covered(len(text), [*taken, *entity_spans])
            if 1 not in blocked[start:end]:
                spans.append((start, end))
                blocked[start:end] = b"\x01" * (end - start)
    return spans


def whole_words(surface: str, text: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``surface`` in ``text`` not inside a longer word, left to right and not
    overlapping: what ``re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)`` finds,
    by ``str.find`` (the pattern's lookbehind made the regex engine try every position)."""
    size = len(surface)
    start = text.find(surface)
    while start >= 0:
        end = start + size
        if (start == 0 or not WORD_CHAR.match(text, start - 1)) and not WORD_CHAR.match(text, end):
            yield start, end
            start = text.find(surface, end)
        else:
            start = text.find(surface, start + 1)


def covered(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """A mask of ``length`` characters with 1 inside any of the (non-empty) spans: a span
    overlaps one of them exactly when its slice of the mask holds a 1."""
    mask = bytearray(length)
    for start, end in spans:
        end = min(end, length)  # a longer slice assignment would lengthen the mask
        mask[start:end] = b"\x01" * max(0, end - start)
    return mask


def named_town(site: str, chosen: dict[str, GazetteerEntry | None]) -> GazetteerEntry | None:
    """The town a site's name begins with, when the article names and places that town
    elsewhere: "Stavanger Airport" in a story that says "from Stavanger"."""
    words = site.split()
    for size in range(len(words) - 1, 0, -1):
        town = chosen.get(normalise(" ".join(words[:size])))
        if town is not None and town.feature == "city":
            return town
    return None


def place_sites(
    chosen: dict[str, GazetteerEntry | None],
    names: dict[str, list[Toponym]],
    tree: Tree,
    site_words: frozenset[str],
) -> None:
    """Give every site the gazetteer lacks ("Royal Street", "City Hall") its town's point
    (``place_sites``), in place."""
    unplaced = [
        key for key, entry in chosen.items()
        if entry is None and is_site(names[key][0].text, (m.label for m in names[key]), site_words)
    ]
    if not unplaced:
        return
    towns = [
        (entry, [(m.start, m.end) for m in names[key]])
        for key, entry in chosen.items()
        if entry is not None and entry.feature == "city"
    ]
    for key in unplaced:
        first = min(names[key], key=lambda m: m.start)
        qualifier = chosen.get(normalise(first.qualifier)) if first.qualifier else None
        town = named_town(first.text, chosen) or containing_town(
            (first.start, first.end), qualifier, tree, towns, NEAR_KM)
        if town is not None:
            chosen[key] = site_entry(first.text, town)


def names_of_places(
    groups: Iterable[tuple[GazetteerEntry | None, list[Toponym]]], surnames: frozenset[str]
) -> set[tuple[str, bool]]:
    """(name, person label) pairs of the entities NER labelled otherwise that are, as a
    whole, the own name of a country, region or town the article places: "across
    Mauritius" labelled PRODUCT where Mauritius is the country, "services into Nelson"
    labelled PERSON where NER's PERSON "in Nelson" was read as the town (one sense per
    article). A PERSON is opened only when NER labelled PERSON a mention read as the
    place; never a surname of a person named in full, nor an acronym ("NATO" misread
    once as a town is no reason to misread it everywhere)."""
    found = set()
    for best, mentions in groups:
        if best is None or best.lat is None or best.feature not in OWN_NAME_FEATURES:
            continue
        for mention in mentions:
            if (mention.text[:1].isupper() and not mention.text.isupper()
                    and mention.text not in surnames
                    and normalise(mention.text) == normalise(best.name)):
                found.add((mention.text, False))
                if mention.label == "PERSON":
                    found.add((mention.text, True))
    return found


def unknown_names_ner_doubts(
    chosen: dict[str, GazetteerEntry | None],
    names: dict[str, list[Toponym]],
    ents: tuple[SpacySpan, ...],
    site_words: frozenset[str],
) -> list[str]:
    """Names no gazetteer entry or town fits that NER labels a person or an organisation
    at least as often as a place in the article: "Guhdar" (a refugee, once LOC), "ICON"
    and "Wavepiston" (companies, sometimes GPE). A name the gazetteer knows keeps its
    reading (the mirror rule is ``names_of_places``), and so does a site ("Royal
    Street"), whose name no gazetteer holds."""
    labels: dict[str, Counter] = {}
    for ent in ents:
        labels.setdefault(trim_toponym(0, 0, ent.text)[2], Counter())[
            ent.label_ in PLACE_LABELS] += 1
    doubted = []
    for key, entry in chosen.items():
        mentions = names[key]
        if entry is not None or is_site(mentions[0].text, (m.label for m in mentions),
                                        site_words):
            continue
        votes: Counter = Counter()
        for text in {m.text for m in names[key]}:
            votes.update(labels.get(text, Counter()))
        if votes[False] and votes[False] >= votes[True]:
            doubted.append(key)
    return doubted


def extract_places(context: ArticleContext) -> list[Place]:
    """Every place named in the article, geocoded where possible: one record per place."""
    doc, article, entities, tree = context.doc, context.article, context.entities, context.tree
    place_knowledge = context.knowledge.places
    gazetteer = place_knowledge.gazetteer
    names: dict[str, list[Toponym]] = {}
    doc_text = doc.text  # rebuilt from the tokens on every access: once here
    surnames = person_surnames(entities)
    for toponym in find_toponyms(doc, entities, place_knowledge, doc_text):
        if not reads_as_person(toponym.text, toponym.start, doc_text, surnames,
                               toponym.qualifier is not None):
            names.setdefault(normalise(toponym.stands_for or toponym.text), []).append(toponym)
    context = article_context(names, gazetteer, entities)

    groups: dict[object, tuple[GazetteerEntry | None, list[Toponym]]] = {}
    chosen = best_entries(names, gazetteer, context)
    place_sites(chosen, names, tree, place_knowledge.site_words)
    for key in unknown_names_ner_doubts(chosen, names, doc.ents, place_knowledge.site_words):
        del chosen[key], names[key]
    for key, mentions in names.items():
        best = chosen[key]
        group = (best.name, best.country, best.feature) if best else key
        groups.setdefault(group, (best, []))[1].extend(mentions)

    taken = [(m.start, m.end) for _, mentions in groups.values() for m in mentions]
    open_names = names_of_places(groups.values(), surnames)
    entity_spans = [
        (e.start_char, e.end_char) for e in doc.ents
        if (e.text, e.label_ == "PERSON") not in open_names and e.label_ not in PLACE_LABELS
        or e.label_ in PLACE_LABELS
    ]
    # one mask of what is taken for every place's search, each one's finds marked in it
    blocked = covered(len(doc_text), [*taken, *entity_spans])
    places = []
    for best, mentions in groups.values():
        spans = {(m.start, m.end) for m in mentions}
        # a surname is no other mention of a place ("Sutton" the driver)
        surfaces = {m.text for m in mentions if m.text[:1].isupper() and m.text not in surnames}
        extra = more_mentions(doc, surfaces, taken, entity_spans, doc_text, blocked)
        spans.update(extra)
        ordered = sorted(spans)
        name = best.name if best else mentions[0].text
        places.append(
            Place(
                id=record_id(article.id, "place", ordered[0][0], ordered[0][1], name),
                name=name,
                country=best.country if best else None,
                lat=best.lat if best else None,
                lon=best.lon if best else None,
                geonameid=best.geonameid if best else None,
                feature=best.feature if best else None,
                mentions=[Span(start, end) for start, end in ordered],
            )
        )
    return sorted(places, key=lambda p: (p.mentions[0].start, p.mentions[0].end))

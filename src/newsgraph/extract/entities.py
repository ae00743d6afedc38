"""Entities: named-entity mentions grouped into one record per actor of the article.

Two steps: find mentions (spaCy's NER, repaired by rules), then resolve them into actors
(full name, surname, title + surname, role descriptions introduced for the person, and
pronouns whose antecedent is unambiguous).

Repairs, each a named function:
- ``strip_titles``: "Spokesperson Ned Price" -> "Ned Price"; "Vladimir Putin’s" -> "Vladimir Putin".
- ``is_possessive_fragment``: "’s Focal" (from "the Prime Minister’s Focal Person") is no one.
- ``retype_places``: a PERSON that the actor dictionary knows as a place ("Donbass") is a GPE.
- ``untagged_organisations``: "RT" in "state-run RT television network" is an ORG.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actor_dictionary import ActorDictionary, resolve, words_of
from newsgraph.extract.actors import COUNTRYLESS, find_matches
from newsgraph.ids import record_id
from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Mention

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
DEFINITE = frozenset({"the"})
# Titles a description may use for a head of state or government it was not introduced with.
LEADER_WORDS = frozenset({("leader",), ("head", "of", "state"), ("head", "of", "government")})
LEADER_TITLES = frozenset({("president",), ("prime", "minister"), ("premier",), ("chancellor",)})
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


@dataclass(slots=True)
class _Candidate:
    start: int  # token offsets in the doc
    end: int
    label: str


@dataclass(slots=True)
class _Actor:
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token offsets
    names: list[tuple[str, ...]] = field(default_factory=list)
    titles: set[tuple[tuple[str, ...], str | None]] = field(default_factory=set)


def extract_entities(doc: Doc, article: Article, knowledge: Knowledge) -> list[Entity]:
    """One entity per actor of the article, with every mention that refers to it."""
    dictionary: ActorDictionary = knowledge.actors
    candidates = find_mentions(doc, dictionary)
    actors = resolve_mentions(doc, candidates, dictionary)
    return [_record(doc, article, actor) for actor in actors]


# --- finding mentions ------------------------------------------------------------------------


def find_mentions(doc: Doc, dictionary: ActorDictionary) -> list[_Candidate]:
    """NER mentions of actors, repaired, plus organisations NER missed."""
    found = []
    for span in doc.ents:
        if span.label_ not in ACTOR_LABELS or is_possessive_fragment(span):
            continue
        start, end = strip_titles(span, dictionary) if span.label_ == "PERSON" else _trim(span)
        if start >= end:
            continue
        label = retype_places(doc[start:end], span.label_, dictionary)
        found.append(_Candidate(start, end, label))
    found.extend(untagged_organisations(doc, dictionary))
    return sorted(found, key=lambda c: c.start)


def is_possessive_fragment(span: Span) -> bool:
    """A span that starts with a possessive marker ("’s Focal") is a fragment, not a name."""
    return span[0].tag_ == "POS" or span[0].text in ("’s", "'s")


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    while start < end and span.doc[start].lower_ in DEFINITE:
        start += 1
    return start, end


def strip_titles(span: Span, dictionary: ActorDictionary) -> tuple[int, int]:
    """Drop titles glued to a person's name and a trailing possessive."""
    start, end = _trim(span)
    doc = span.doc
    while start < end - 1:
        matches = find_matches(list(doc[start : end - 1]), dictionary)
        lead = matches[0] if matches else None
        if lead is None or lead.start != 0 or lead.agent is None:
            break
        start += lead.end
    return start, end


def retype_places(span: Span, label: str, dictionary: ActorDictionary) -> str:
    """A PERSON whose whole name the dictionary knows as a country or region is a GPE."""
    if label != "PERSON":
        return label
    codes = dictionary.name_codes(words_of(span.text))
    if codes:
        code = resolve(codes, None)
        if code and len(code) == 3 and code not in COUNTRYLESS:
            return "GPE"
    return label


def untagged_organisations(doc: Doc, dictionary: ActorDictionary) -> list[_Candidate]:
    """Proper nouns NER left untagged that name an organisation by their head noun:
    "RT" in "state-run RT television network"."""
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
            i += 1
            continue
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
            end += 1
        head = doc[end - 1].head
        if doc[end - 1].dep_ == "compound" and head.i >= end and head.pos_ == "NOUN":
            described = doc[end : head.i + 1]
            if dictionary.agent(words_of(described.text)) or dictionary.agent((head.lower_,)):
                found.append(_Candidate(i, end, "ORG"))
        i = end
    return found


# --- resolving mentions into actors ----------------------------------------------------------


def resolve_mentions(
    doc: Doc, candidates: list[_Candidate], dictionary: ActorDictionary
) -> list[_Actor]:
    """Group mentions into actors: names first, then descriptions, then pronouns."""
    persons = [c for c in candidates if c.label == "PERSON"]
    actors = group_person_names(doc, persons)
    others: dict[tuple[str, tuple[str, ...]], _Actor] = {}
    for candidate in candidates:
        if candidate.label == "PERSON":
            continue
        key = (candidate.label, words_of(doc[candidate.start : candidate.end].text))
        actor = others.setdefault(key, _Actor(candidate.label))
        actor.mentions.append((candidate.start, candidate.end))
    for actor in actors:
        actor.titles = introduced_titles(doc, actor, dictionary)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    link_descriptions(doc, actors, dictionary, taken)
    link_pronouns(doc, actors)
    every = actors + list(others.values())
    for actor in every:
        actor.mentions.sort()
    return sorted(every, key=lambda a: a.mentions[0])


def group_person_names(doc: Doc, persons: list[_Candidate]) -> list[_Actor]:
    """Full names are actors; a shorter name joins the full name it is part of ("Khan",
    "Vladimir Putin" ⊂ "Vladimir Vladimirovich Putin"), the nearest preceding one if several."""
    names = [(c, words_of(doc[c.start : c.end].text)) for c in persons]
    actors: list[_Actor] = []
    for candidate, words in sorted(names, key=lambda pair: -len(pair[1])):
        if not words:
            continue
        owners = [a for a in actors if any(_part_of(words, full) for full in a.names)]
        if not owners:
            actor = _Actor("PERSON")
            actors.append(actor)
        else:
            actor = _nearest(owners, candidate.start)
        actor.mentions.append((candidate.start, candidate.end))
        actor.names.append(words)
    return actors


def _part_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a shorter name is part of a full one: khan ⊂ imran khan; vladimir putin ⊂
    vladimir vladimirovich putin."""
    if short == full:
        return True
    if len(short) == 1:
        return short[0] == full[-1] or (len(full) > 1 and short[0] == full[0])
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(word in it for word in short)


def _nearest(actors: list[_Actor], position: int) -> _Actor:
    def distance(actor: _Actor) -> tuple[int, int]:
        before = [position - s for s, _ in actor.mentions if s <= position]
        after = [s - position for s, _ in actor.mentions if s > position]
        return (0, min(before)) if before else (1, min(after))

    return min(actors, key=distance)


def introduced_titles(
    doc: Doc, actor: _Actor, dictionary: ActorDictionary
) -> set[tuple[tuple[str, ...], str | None]]:
    """Titles the text gives the person next to a name ("Russian President Vladimir Putin"
    -> (("president",), "RUS")); a former office ("former premier") introduces nothing."""
    titles = set()
    for start, end in actor.mentions:
        root = doc[start:end].root
        context = list(doc[root.left_edge.i : start])
        if not context or any(t.lower_ in ("former", "ex") for t in context):
            continue
        country = _country_in(context, dictionary)
        for match in find_matches(context, dictionary):
            if match.agent is not None and match.agent.role:
                titles.add(
                    (words_of(" ".join(t.text for t in context[match.start : match.end])), country)
                )
    return titles


def _country_in(tokens: list[Token], dictionary: ActorDictionary) -> str | None:
    for match in find_matches(tokens, dictionary):
        if match.codes is not None:
            code = resolve(match.codes, None)
            if code and len(code) == 3 and code not in COUNTRYLESS:
                return code
    return None


def link_descriptions(
    doc: Doc, actors: list[_Actor], dictionary: ActorDictionary, taken: set[int]
) -> None:
    """Attach "the [Russian] President", "the Russian leader", "the spokesperson" to the one
    person introduced earlier with that title (and country); ambiguous descriptions stay out."""
    for token in doc:
        if token.lower_ not in DEFINITE:
            continue
        described = _description_at(doc, token.i + 1, dictionary, taken)
        if described is None:
            continue
        end, title, country = described
        owners = [
            actor
            for actor in actors
            if actor.mentions
            and min(actor.mentions)[0] < token.i
            and any(_title_fits(title, country, known) for known in actor.titles)
        ]
        if len(owners) == 1:
            owners[0].mentions.append((token.i, end))


def _description_at(
    doc: Doc, start: int, dictionary: ActorDictionary, taken: set[int]
) -> tuple[int, tuple[str, ...], str | None] | None:
    """(end, title words, country) for "[Russian] President" at ``start``, if it is a whole
    description: not followed by a name ("the President Joe Biden") or an "of" phrase."""
    window = list(doc[start : min(len(doc), start + 6)])
    matches = find_matches(window, dictionary)
    if not matches or matches[0].start != 0:
        return None
    country = None
    index = 0
    if matches[0].codes is not None:
        country = _country_in(window[: matches[0].end], dictionary)
        if country is None or len(matches) < 2 or matches[1].start != matches[0].end:
            return None
        index = 1
    title = matches[index]
    if title.agent is None or not title.agent.role:
        return None
    end = start + title.end
    following = doc[end] if end < len(doc) else None
    if following is not None and (
        following.pos_ == "PROPN" or following.i in taken or following.lower_ == "of"
    ):
        return None
    words = words_of(" ".join(t.text for t in window[title.start : title.end]))
    return end, words, country


def _title_fits(
    title: tuple[str, ...], country: str | None, known: tuple[tuple[str, ...], str | None]
) -> bool:
    known_title, known_country = known
    if country and known_country and country != known_country:
        return False
    if country and not known_country:
        return False
    if title == known_title:
        return True
    return title in LEADER_WORDS and known_title in LEADER_TITLES


def link_pronouns(doc: Doc, actors: list[_Actor]) -> None:
    """Attach he/his/she/her to the one person mentioned (outside quotations) in the same
    sentence before it, else in the nearest of the two previous sentences that mentions any."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]

    def inside_quote(token: Token) -> bool:
        return any(s <= token.idx < e for s, e in quoted)

    owner_at: dict[int, _Actor] = {}
    for actor in actors:
        for start, _ in actor.mentions:
            if not inside_quote(doc[start]):
                owner_at[start] = actor
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        for token in sentence:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or inside_quote(token):
                continue
            if _named_later(owner_at, token.i, sentence.end) and not _named_later(
                owner_at, sentence.start, token.i
            ):
                continue  # "ahead of his trip, Imran Khan …": the name may come after
            scopes = [range(sentence.start, token.i)]
            earlier = sentences[max(0, index - 2) : index]
            scopes += [range(s.start, s.end) for s in reversed(earlier)]
            for scope in scopes:
                found = {id(a): a for i, a in owner_at.items() if i in scope}
                if found:
                    if len(found) == 1:
                        next(iter(found.values())).mentions.append((token.i, token.i + 1))
                    break


def _named_later(owner_at: dict[int, _Actor], start: int, end: int) -> bool:
    return any(start <= i < end for i in owner_at)


# --- records ---------------------------------------------------------------------------------


def _record(doc: Doc, article: Article, actor: _Actor) -> Entity:
    mentions = [
        Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text)
        for s, e in dict.fromkeys(actor.mentions)
    ]
    name = canonical_name(doc, actor)
    first = mentions[0]
    return Entity(
        id=record_id(article.id, "entity", first.start, first.end, name),
        name=name,
        type=actor.label,
        mentions=mentions,
    )


def canonical_name(doc: Doc, actor: _Actor) -> str:
    """The fullest proper-name form among the mentions (most words, then longest)."""
    if actor.label == "PERSON" and actor.names:
        spans = [doc[s:e] for s, e in actor.mentions if doc[s].pos_ != "PRON"]
        named = [s for s in spans if words_of(s.text) in actor.names]
        best = max(named, key=lambda s: (len(words_of(s.text)), len(s.text)))
        return best.text
    start, end = actor.mentions[0]
    return doc[start:end].text

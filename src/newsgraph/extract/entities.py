"""Entities: named-entity mentions grouped into one record per actor of the article.

Two steps: find mentions (spaCy's NER, repaired by rules), then resolve them into actors
(full name, surname, title + surname, role descriptions introduced for the person, and
pronouns whose antecedent is unambiguous; for organisations, acronyms of their name and
"the <noun>" they were introduced with).

Repairs, each a named function:
- ``extend_first_name``: "Imran" left out of sentence-initial "Imran Khan" is taken back.
- ``strip_titles``: "Spokesperson Ned Price" -> "Ned Price"; "Vladimir Putin’s" -> "Vladimir Putin".
- ``is_possessive_fragment``: "’s Focal" (from "the Prime Minister’s Focal Person") is no one;
  nor is a PERSON with no capital letter ("cubic meter"), nor one that is a common noun for a
  kind of actor ("Scholars" at the start of a sentence): ``is_common_noun``.
- ``retype_places``: a PERSON that the actor dictionary knows as a place ("Donbass") is a GPE.
- ``untagged_organisations``: "RT" in "state-run RT television network" is an ORG.
- ``relabel_person_names``: "Trump" tagged ORG, or untagged "Pelosi", after the full name,
  is a mention of that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actor_dictionary import ActorDictionary, resolve, words_of
from newsgraph.extract.actor_phrases import COUNTRYLESS, find_matches
from newsgraph.ids import record_id
from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity, Mention

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
MALE = frozenset({"he", "him", "his", "himself"})
PRONOUNS = MALE | {"she", "her", "hers", "herself"}
MALE_TITLES = frozenset({"mr", "mister", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"})
DEFINITE = frozenset({"the"})
# Titles a description may use for a head of state or government it was not introduced with.
LEADER_WORDS = frozenset({("leader",), ("head", "of", "state"), ("head", "of", "government")})
LEADER_TITLES = frozenset({("president",), ("prime", "minister"), ("premier",), ("chancellor",)})
STREET_WORDS = frozenset({"avenue", "street", "road", "boulevard", "square", "lane", "highway"})
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
        if span.label_ == "PERSON" and not any(t.text[:1].isupper() for t in span):
            continue  # "cubic meter": names are capitalised
        start, end = strip_titles(span, dictionary) if span.label_ == "PERSON" else _trim(span)
        if start >= end or span.label_ == "PERSON" and is_common_noun(doc[start:end], dictionary):
            continue
        label = retype_places(doc[start:end], span.label_, dictionary)
        found.append(_Candidate(start, end, label))
    found.extend(untagged_organisations(doc, dictionary))
    return sorted(found, key=lambda c: c.start)


def is_possessive_fragment(span: Span) -> bool:
    """A span that starts with a possessive marker ("’s Focal") is a fragment, not a name."""
    return span[0].tag_ == "POS" or span[0].text in ("’s", "'s")


def is_common_noun(span: Span, dictionary: ActorDictionary) -> bool:
    """A one-word "person" that is a kind of actor ("Scholars" starting a sentence) is no name."""
    return len(span) == 1 and dictionary.agent(words_of(span.text)) is not None


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    while start < end and span.doc[start].lower_ in DEFINITE:
        start += 1
    return start, end


def extend_first_name(span: Span, dictionary: ActorDictionary) -> int:
    """Where NER left a first name out ("Imran" of sentence-initial "Imran Khan"), take it
    back: capitalised proper nouns right before the name that modify it and are no title."""
    doc, start = span.doc, span.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].head.i in range(start, span.end)
        and doc[start - 1].text[:1].isupper()
        and dictionary.agent(words_of(doc[start - 1].text)) is None
        and not dictionary.name_codes(words_of(doc[start - 1].text))
    ):
        start -= 1
    return start


def strip_titles(span: Span, dictionary: ActorDictionary) -> tuple[int, int]:
    """Drop titles glued to a person's name and a trailing possessive."""
    start, end = _trim(span)
    doc = span.doc
    if start == span.start:
        start = extend_first_name(span, dictionary)
    while start < end - 1:
        matches = find_matches(list(doc[start : end - 1]), dictionary)
        lead = matches[0] if matches else None
        if lead is None or lead.start != 0 or lead.agent is None:
            break
        start += lead.end
    return start, end


def retype_places(span: Span, label: str, dictionary: ActorDictionary) -> str:
    """A PERSON whose whole name the actor dictionary knows as a country or region
    ("Donbass"), or that is a city of several words ("La Llagosta"), is a GPE; one ending in
    a street word ("Karl Marx Avenue") is a FAC."""
    if label != "PERSON":
        return label
    words = words_of(span.text)
    codes = dictionary.name_codes(words)
    if codes:
        code = resolve(codes, None)
        if code and len(code) == 3 and code not in COUNTRYLESS:
            return "GPE"
    if len(words) > 1 and words in dictionary.places:
        return "GPE"
    if words and words[-1] in STREET_WORDS:
        return "FAC"
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
    candidates = relabel_person_names(doc, candidates, actors)
    others: dict[tuple[str, tuple[str, ...]], _Actor] = {}
    for candidate in candidates:
        if candidate.label == "PERSON":
            continue
        key = (candidate.label, words_of(doc[candidate.start : candidate.end].text))
        actor = others.setdefault(key, _Actor(candidate.label))
        actor.mentions.append((candidate.start, candidate.end))
    organisations = merge_acronyms(doc, list(others.values()))
    for actor in actors:
        actor.titles = introduced_titles(doc, actor, dictionary)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    link_descriptions(doc, actors, dictionary, taken)
    link_pronouns(doc, actors)
    link_organisation_nouns(doc, [a for a in organisations if a.label == "ORG"], dictionary, taken)
    every = actors + organisations
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


def merge_acronyms(doc: Doc, actors: list[_Actor]) -> list[_Actor]:
    """ "UN" / "U.N." joins "United Nations" when its letters are the name's initials."""
    full: dict[str, _Actor] = {}
    for actor in actors:
        start, end = actor.mentions[0]
        words = [t.text for t in doc[start:end] if t.text[:1].isupper()]
        if actor.label == "ORG" and len(words) > 1:
            full.setdefault("".join(w[0] for w in words), actor)
    kept = []
    for actor in actors:
        start, end = actor.mentions[0]
        letters = doc[start:end].text.replace(".", "")
        owner = full.get(letters) if letters.isupper() and letters.isalpha() else None
        if owner is not None and owner is not actor:
            owner.mentions.extend(actor.mentions)
        else:
            kept.append(actor)
    return kept


def link_organisation_nouns(
    doc: Doc, organisations: list[_Actor], dictionary: ActorDictionary, taken: set[int]
) -> None:
    """ "the agency" after "state-run TASS news agency" (or "TASS, the agency") is TASS: an
    organisation introduced with a head noun that names a kind of actor is the one
    "the <noun>" refers to, if only one organisation was introduced with that noun ("Navy
    ship" introduces no organisation noun: a ship is no actor)."""
    introduced: dict[str, list[tuple[int, _Actor]]] = {}

    def introduce(noun: Token, actor: _Actor) -> None:
        lemma = noun.lemma_.lower()
        before = doc[noun.i - 1].lower_ if noun.i else ""
        if noun.pos_ == "NOUN" and (
            dictionary.agent((lemma,)) or dictionary.agent((before, lemma))
        ):
            introduced.setdefault(lemma, []).append((noun.i, actor))

    for actor in organisations:
        for start, end in actor.mentions:
            root = doc[start:end].root
            if root.dep_ == "compound" and root.head.i >= end:
                introduce(root.head, actor)
            for child in root.children:
                if child.dep_ == "appos":
                    introduce(child, actor)
    for token in doc:
        if token.lower_ not in DEFINITE or token.i + 1 >= len(doc):
            continue
        noun = doc[token.i + 1]
        if noun.i in taken or noun.pos_ != "NOUN" or noun.dep_ == "compound":
            continue
        owners = {id(a): a for i, a in introduced.get(noun.lemma_.lower(), []) if i < noun.i}
        if len(owners) == 1:
            next(iter(owners.values())).mentions.append((token.i, noun.i + 1))


def relabel_person_names(
    doc: Doc, candidates: list[_Candidate], actors: list[_Actor]
) -> list[_Candidate]:
    """A surname NER tagged as an organisation ("Trump" ORG) or left untagged, once the
    article has named that person in full, is a mention of the person; the surname must
    belong to one person of the article."""
    owners: dict[tuple[str, ...], list[_Actor]] = {}
    for actor in actors:
        for name in {full[-1:] for full in actor.names if len(full) > 1}:
            owners.setdefault(name, []).append(actor)
    unique = {name: found[0] for name, found in owners.items() if len(found) == 1}
    kept = []
    for candidate in candidates:
        words = words_of(doc[candidate.start : candidate.end].text)
        if candidate.label == "ORG" and words in unique:
            unique[words].mentions.append((candidate.start, candidate.end))
        else:
            kept.append(candidate)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in taken and not token.ent_type_:
            actor = unique.get(words_of(token.text))
            if actor is not None and token.text[:1].isupper():
                actor.mentions.append((token.i, token.i + 1))
    return kept


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
    sentence before it, else in the previous sentence (looking past sentences that are all
    quotation); never against a gender the person already has (from "Mr"/"Ms" or an earlier
    pronoun)."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]

    def inside_quote(token: Token) -> bool:
        return any(s <= token.idx < e for s, e in quoted)

    owner_at: dict[int, _Actor] = {}
    for actor in actors:
        for start, _ in actor.mentions:
            if not inside_quote(doc[start]):
                owner_at[start] = actor
    genders = {id(actor): _honorific_gender(doc, actor) for actor in actors}
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        for token in sentence:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or inside_quote(token):
                continue
            if _named_later(owner_at, token.i, sentence.end) and not _named_later(
                owner_at, sentence.start, token.i
            ):
                continue  # "ahead of his trip, Imran Khan …": the name may come after
            gender = "male" if token.lower_ in MALE else "female"
            for scope in _scopes(sentences, index, token, inside_quote):
                found = {id(a): a for i, a in owner_at.items() if i in scope}
                if not found:
                    continue
                fitting = [a for a in found.values() if genders[id(a)] in (None, gender)]
                if len(found) == 1 and fitting:
                    fitting[0].mentions.append((token.i, token.i + 1))
                    genders[id(fitting[0])] = gender
                break


def _scopes(sentences: list[Span], index: int, token: Token, inside_quote) -> list[range]:
    scopes = [range(sentences[index].start, token.i)]
    for earlier in reversed(sentences[max(0, index - 3) : index]):
        scopes.append(range(earlier.start, earlier.end))
        if not inside_quote(earlier[0]):
            break
    return scopes


def _honorific_gender(doc: Doc, actor: _Actor) -> str | None:
    for start, _ in actor.mentions:
        if start > 0:
            word = doc[start - 1].lower_.rstrip(".")
            if word in MALE_TITLES:
                return "male"
            if word in FEMALE_TITLES:
                return "female"
    return None


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

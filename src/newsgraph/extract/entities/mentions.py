"""Finding actor mentions: spaCy's NER, with its systematic slips repaired by rules.

Repairs, each a named function:
- ``extend_first_name``: "Imran" left out of sentence-initial "Imran Khan" is taken back.
- ``strip_titles``: "Spokesperson Ned Price" -> "Ned Price"; "Vladimir Putin’s" -> "Vladimir Putin";
  ``repair_person`` also drops a sentence opener ("Initially Sanger"), lower-case tails
  (not a hyphenated part: "Ban Ki-moon") and a headline's verb ("Obama Warns").
- ``is_possessive_fragment``: "’s Focal" (from "the Prime Minister’s Focal Person") is no one;
  nor is a PERSON with no capital letter ("cubic meter"), nor, by ``is_common_noun``, a
  one-word PERSON that names a kind of actor ("Scholars" at the start of a sentence).
- ``retype_places``: a PERSON the actor dictionary knows as a place ("Donbass") or a city of
  several words ("La Llagosta") is a GPE; a street ("Karl Marx Avenue") is a FAC.
- ``known_name``: an adjective NER took alone ("Islamic" of "the Islamic State") is the
  name the dictionary knows.
- ``untagged_organisations``: "RT" in "state-run RT television network" is an ORG.
- ``is_title_part``: an ORG that only begins a title ("Defense" of "Defense Secretary Chuck
  Hagel") is no organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.actors.phrases import PhraseTable, find_matches, is_place
from newsgraph.knowledge.actors import ORGANISATION_PREFIXES, ActorDictionary, code_on, words_of

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
DEFINITE = frozenset({"the"})
# Parts of speech of a capitalised sentence opener NER glued to a name.
NOT_NAMES = frozenset({"ADV", "VERB", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "AUX", "PART"})
# Finite verbs end no name: "Obama Warns" in a headline is Obama and his verb.
FINITE_VERBS = frozenset({"VBZ", "VBD", "VBP", "MD"})
STREET_WORDS = frozenset({"avenue", "street", "road", "boulevard", "square", "lane", "highway"})


@dataclass(slots=True)
class MentionCandidate:
    """One mention: token offsets in the doc and its entity label."""

    start: int  # token offsets in the doc
    end: int
    label: str


def find_mentions(doc: Doc, table: PhraseTable) -> list[MentionCandidate]:
    """NER mentions of actors, repaired, plus organisations NER missed."""
    found = []
    taken = 0  # the end of a name that took in NER's next span ("Islamic" + "State")
    for span in doc.ents:
        if span.label_ not in ACTOR_LABELS or is_possessive_fragment(span) or span.start < taken:
            continue
        if span.label_ == "PERSON":
            candidate = repair_person(span, table)
        elif span.label_ == "NORP" and (named := known_name(span, table.dictionary)):
            candidate = named  # "the Islamic State": an organisation, not the adjective
        elif span.label_ in ("GPE", "LOC") and described_with_who(span):
            candidate = MentionCandidate(*_trim(span), "PERSON")  # "Amman, who was described as …"
        elif span.label_ == "ORG" and is_title_part(span, table):
            candidate = None  # "Defense" of "Defense Secretary Chuck Hagel": a title's word
        else:
            candidate = MentionCandidate(*_trim(span), span.label_)
        if candidate is not None and candidate.start < candidate.end:
            found.append(candidate)
            taken = max(taken, candidate.end)
    found.extend(untagged_organisations(doc, table.dictionary))
    return sorted(found, key=lambda c: c.start)


def known_name(span: Span, dictionary: ActorDictionary) -> MentionCandidate | None:
    """An adjective NER took alone whose capitalised next words (untagged, or an
    organisation of their own) complete a name the actor dictionary knows ("Islamic" +
    "State"): that name, as an organisation."""
    doc = span.doc
    end = span.end
    while (
        end < len(doc) and doc[end].ent_type_ in ("", "ORG") and doc[end].tag_ in ("NNP", "NNPS")
        and doc[end].text[:1].isupper()
    ):
        end += 1
    start = span.start + (doc[span.start].lower_ in DEFINITE)
    for stop in range(end, span.end, -1):
        words = words_of(doc[start:stop].text)
        if dictionary.name_codes(words) or dictionary.name_codes(("the", *words)):
            return MentionCandidate(start, stop, "ORG")
    return None


def is_title_part(span: Span, table: PhraseTable) -> bool:
    """Whether an organisation NER tagged is only the first words of a title or name the
    actor dictionary knows ("Defense" of "Defense Secretary [Chuck Hagel]"), not a name of
    its own ("NATO Secretary General" keeps NATO)."""
    doc = span.doc
    if span.end >= len(doc) or table.dictionary.name_codes(words_of(span.text)):
        return False
    matches = find_matches(list(doc[span.start : min(len(doc), span.end + 3)]), table)
    return bool(matches) and matches[0].start == 0 and matches[0].end > len(span)


def described_with_who(span: Span) -> bool:
    """Whether a name is the antecedent of "who": a person, whatever place shares the name."""
    return any(
        child.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in child.children)
        for child in span.root.rights
    )


def repair_person(span: Span, table: PhraseTable) -> MentionCandidate | None:
    """A PERSON span with its first name, without titles, re-typed if it is a place; None
    when it is no name at all."""
    if not any(t.text[:1].isupper() for t in span):
        return None  # "cubic meter": names are capitalised
    dictionary = table.dictionary
    start, end = strip_titles(span, table)
    doc = span.doc
    while start < end and doc[start].is_sent_start and doc[start].pos_ in NOT_NAMES:
        start += 1  # "Initially Sanger said": a capitalised sentence opener is no name
    while end > start and (
        not doc[end - 1].text[:1].isupper() and not hyphenated(doc, end - 1)
        or doc[end - 1].tag_ in FINITE_VERBS
    ):
        end -= 1  # "David Axelrod - the"; a headline's verb: "Obama Warns"
    name = doc[start:end]
    if not any(t.tag_ in ("NNP", "NNPS") for t in name):
        return None  # "Will Be Served": a headline's words, no name
    if start >= end or is_common_noun(name, dictionary):
        return None
    return MentionCandidate(start, end, retype_places(name, "PERSON", dictionary))


def hyphenated(doc: Doc, i: int) -> bool:
    """Whether token i ends a hyphenated name part written as one word ("Ban Ki-moon")."""
    joined = i >= 2 and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_
    return joined and doc[i - 1].text == "-"


def is_possessive_fragment(span: Span) -> bool:
    """A span that starts with a possessive marker ("’s Focal") is a fragment, not a name."""
    return span[0].tag_ == "POS" or span[0].text in ("’s", "'s")


def is_common_noun(span: Span, dictionary: ActorDictionary) -> bool:
    """A one-word "person" that is a kind of actor ("Scholars" starting a sentence) is no name."""
    return len(span) == 1 and dictionary.agent(words_of(span.text)) is not None


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while end > start and (
        span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct or span.doc[end - 1].is_space
    ):
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


def strip_titles(span: Span, table: PhraseTable) -> tuple[int, int]:
    """Drop titles glued to a person's name and a trailing possessive."""
    start, end = _trim(span)
    doc = span.doc
    if start == span.start:
        start = extend_first_name(span, table.dictionary)
    first = start - 1 if start > 0 and doc[start - 1].ent_type_ in ("NORP", "GPE") else start
    while start < end - 1:
        matches = find_matches(list(doc[first : end - 1]), table)
        lead = matches[0] if matches else None
        if lead is None or lead.start != 0:
            break
        if lead.agent is None:  # a place before a title: "Saudi Arabian King Salman"
            title = matches[1] if len(matches) > 1 else None
            if lead.codes is None or not is_place(lead.codes) or title is None or (
                title.start != lead.end or title.agent is None
            ):
                break
            lead = title
        start = first = max(start, first + lead.end)
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
        code = code_on(codes, None)
        if code and len(code) == 3 and code not in ORGANISATION_PREFIXES:
            return "GPE"
    if len(words) > 1 and words in dictionary.places:
        return "GPE"
    if words and words[-1] in STREET_WORDS:
        return "FAC"
    return label


def untagged_organisations(doc: Doc, dictionary: ActorDictionary) -> list[MentionCandidate]:
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
                found.append(MentionCandidate(i, end, "ORG"))
        i = end
    return found

"""Resolving mentions into actors, within one article.

A person's full name, surname and title + surname are one actor; so are the role
descriptions the text introduced for that person ("the Russian President", "the Prime
Minister") and pronouns whose antecedent is unambiguous. For organisations: acronyms of their
name ("U.N.") and "the <noun>" they were introduced with ("the agency" after "TASS news
agency"). A surname NER tagged ORG or left untagged, after the full name, is the person.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors.phrases import PhraseTable, find_matches
from newsgraph.extract.entities.mentions import DEFINITE, MentionCandidate
from newsgraph.extract.marks import QuotedSpan
from newsgraph.knowledge.actors import ORGANISATION_PREFIXES, ActorDictionary, code_on, words_of

MALE = frozenset({"he", "him", "his", "himself"})
PRONOUNS = MALE | {"she", "her", "hers", "herself"}
MALE_TITLES = frozenset({"mr", "mister", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"})
# Titles a description may use for a head of state or government it was not introduced with.
LEADER_WORDS = frozenset({("leader",), ("head", "of", "state"), ("head", "of", "government")})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
LEADER_TITLES = frozenset({("president",), ("prime", "minister"), ("premier",), ("chancellor",)})
# Words before a father's name in a full name: "Salman" alone is not Mohammed bin Salman.
PATRONYMIC = frozenset({"bin", "ibn", "bint"})


@dataclass(slots=True)
class MentionGroup:
    """One actor of the article: its mentions as token offsets."""

    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token offsets
    names: list[tuple[str, ...]] = field(default_factory=list)
    titles: set[tuple[tuple[str, ...], str | None]] = field(default_factory=set)


def resolve_mentions(
    doc: Doc,
    candidates: list[MentionCandidate],
    table: PhraseTable,
    quoted: list[QuotedSpan] = (),
    kinship: Collection[str] = (),
    ranks: Collection[str] = (),
) -> list[MentionGroup]:
    """Group mentions into actors: names first, then descriptions, then pronouns;
    ``kinship``: nouns naming a relative ("wife"), whose bare surname is not theirs;
    ``ranks``: words that make a title another office ("Vice President")."""
    persons = [c for c in candidates if c.label == "PERSON"]
    actors = group_person_names(doc, persons, kinship)
    candidates = relabel_person_names(doc, candidates, actors)
    others: dict[tuple[str, tuple[str, ...]], MentionGroup] = {}
    for candidate in candidates:
        if candidate.label == "PERSON":
            continue
        key = (candidate.label, words_of(doc[candidate.start : candidate.end].text))
        actor = others.setdefault(key, MentionGroup(candidate.label))
        actor.mentions.append((candidate.start, candidate.end))
    organisations = merge_acronyms(doc, list(others.values()))
    for actor in actors:
        actor.titles = introduced_titles(doc, actor, table, ranks)
    taken = {i for c in candidates for i in range(c.start, c.end)}
    link_descriptions(doc, actors, table, taken)
    link_pronouns(doc, actors, quoted)
    organisation_groups = [a for a in organisations if a.label == "ORG"]
    link_organisation_nouns(doc, organisation_groups, table.dictionary, taken)
    every = actors + organisations
    for actor in every:
        actor.mentions.sort()
    return sorted(every, key=lambda a: a.mentions[0])


def group_person_names(
    doc: Doc, persons: list[MentionCandidate], kinship: Collection[str] = ()
) -> list[MentionGroup]:
    """Full names are actors; a shorter name joins the full name it is part of ("Khan",
    "Vladimir Putin" ⊂ "Vladimir Vladimirovich Putin"), the nearest preceding one if several.
    A bare name that could be a relative's ("Cruz" after "his wife, Heidi" and "Heidi Cruz")
    names the one who is no relative (Ted Cruz), if there is one."""
    names = [(c, words_of(doc[c.start : c.end].text)) for c in persons]
    relatives = {words for c, words in names if words and is_relative(doc, c.start, kinship)}
    actors: list[MentionGroup] = []
    for candidate, words in sorted(names, key=lambda pair: -len(pair[1])):
        if not words:
            continue
        owners = [a for a in actors if any(_part_of(words, full) for full in a.names)]
        if len(words) == 1 and len(owners) > 1:
            principals = [
                a for a in owners
                if not any(_part_of(kin, full) for kin in relatives for full in a.names)
            ]
            owners = principals or owners
        if not owners:
            actor = MentionGroup("PERSON")
            actors.append(actor)
        else:
            actor = _nearest(owners, candidate.start)
        actor.mentions.append((candidate.start, candidate.end))
        actor.names.append(words)
    return actors


def is_relative(doc: Doc, start: int, kinship: Collection[str]) -> bool:
    """Whether the name starting at token ``start`` follows a noun naming a relative: "his
    wife, Heidi", "his wife Hillary Clinton"."""
    before = start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    return before >= 0 and doc[before].lower_ in kinship


def merge_acronyms(doc: Doc, actors: list[MentionGroup]) -> list[MentionGroup]:
    """An acronym joins the name it abbreviates, of the same label: "U.N." -> "United
    Nations", "U.S." -> "United States"."""
    full: dict[tuple[str, str], MentionGroup] = {}
    for actor in actors:
        start, end = actor.mentions[0]
        words = [t.text for t in doc[start:end] if t.text[:1].isupper()]
        if len(words) > 1:
            full.setdefault((actor.label, "".join(w[0] for w in words)), actor)
    kept = []
    for actor in actors:
        start, end = actor.mentions[0]
        letters = doc[start:end].text.replace(".", "")
        acronym = letters.isupper() and letters.isalpha()
        owner = full.get((actor.label, letters)) if acronym else None
        if owner is not None and owner is not actor:
            owner.mentions.extend(actor.mentions)
        else:
            kept.append(actor)
    return kept


def link_organisation_nouns(
    doc: Doc, organisations: list[MentionGroup], dictionary: ActorDictionary, taken: set[int]
) -> None:
    """ "the agency" after "state-run TASS news agency" (or "TASS, the agency") is TASS: an
    organisation introduced with a head noun that names a kind of actor is the one
    "the <noun>" refers to, if only one organisation was introduced with that noun ("Navy
    ship" introduces no organisation noun: a ship is no actor)."""
    introduced: dict[str, list[tuple[int, MentionGroup]]] = {}

    def introduce(noun: Token, actor: MentionGroup) -> None:
        lemma = noun.lemma_.lower()
        before = doc[noun.i - 1].lower_ if noun.i else ""
        if in_title_case(noun):
            return  # "Popular Website Shows Bias": a headline's capitals name no "website"
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


def in_title_case(token: Token) -> bool:
    """A word of a sentence in title case (a headline: "Popular Website Shows Bias When It
    Comes To …"), where a capital tells no name."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def relabel_person_names(
    doc: Doc, candidates: list[MentionCandidate], actors: list[MentionGroup]
) -> list[MentionCandidate]:
    """A surname NER tagged as an organisation ("Trump" ORG) or left untagged, once the
    article has named that person in full, is a mention of the person; the surname must
    belong to one person of the article."""
    owners: dict[tuple[str, ...], list[MentionGroup]] = {}
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
            if actor is not None and token.text[:1].isupper() and _stands_alone(token):
                actor.mentions.append((token.i, token.i + 1))
    return kept


def _stands_alone(token: Token) -> bool:
    """A bare name, not part of a longer one ("Price" in "Consumer Price Index" is not)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.dep_ != "compound"
        and not (before is not None and before.pos_ == "PROPN")
        and not (after is not None and after.pos_ == "PROPN")
    )


def _part_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether a shorter name is part of a full one: khan ⊂ imran khan; vladimir putin ⊂
    vladimir vladimirovich putin; not a father's name (salman ⊄ mohammed bin salman)."""
    if short == full:
        return True
    if len(short) == 1:
        fathers = len(full) > 2 and full[-2] in PATRONYMIC  # Salman ⊄ Mohammed bin Salman
        return (short[0] == full[-1] and not fathers) or (len(full) > 1 and short[0] == full[0])
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(word in it for word in short)


def _nearest(actors: list[MentionGroup], position: int) -> MentionGroup:
    def distance(actor: MentionGroup) -> tuple[int, int]:
        before = [position - s for s, _ in actor.mentions if s <= position]
        after = [s - position for s, _ in actor.mentions if s > position]
        return (0, min(before)) if before else (1, min(after))

    return min(actors, key=distance)


def introduced_titles(
    doc: Doc, actor: MentionGroup, table: PhraseTable, ranks: Collection[str] = ()
) -> set[tuple[tuple[str, ...], str | None]]:
    """Titles the text gives the person next to a name ("Russian President Vladimir Putin"
    -> (("president",), "RUS")); a former office ("former premier") introduces nothing, and
    a rank word before the title is part of it ("Vice President" -> ("vice", "president"),
    which "the president" does not describe)."""
    titles = set()
    for start, end in actor.mentions:
        root = doc[start:end].root
        context = own_description(list(doc[root.left_edge.i : start]))
        if not context or any(t.lower_ in ("former", "ex") for t in context):
            continue
        country = _country_in(context, table)
        for match in find_matches(context, table):
            if match.agent is not None and match.agent.role:
                first = match.start
                if first > 0 and context[first - 1].lower_ in ranks:
                    first -= 1
                title = " ".join(t.text for t in context[first : match.end])
                titles.add((words_of(title), country))
    return titles


def own_description(context: list[Token]) -> list[Token]:
    """The words before a name that describe it: those after the last verb ("a militant
    beheading American journalist Steven Sotloff": the militant is another actor, the
    journalist is Sotloff)."""
    verbs = [k for k, token in enumerate(context) if token.pos_ in ("VERB", "AUX")]
    return context[verbs[-1] + 1 :] if verbs else context


def _country_in(tokens: list[Token], table: PhraseTable) -> str | None:
    for match in find_matches(tokens, table):
        if match.codes is not None:
            code = code_on(match.codes, None)
            if code and len(code) == 3 and code not in ORGANISATION_PREFIXES:
                return code
    return None


def link_descriptions(
    doc: Doc, actors: list[MentionGroup], table: PhraseTable, taken: set[int]
) -> None:
    """Attach "the [Russian] President", "the Russian leader", "the spokesperson" to the one
    person introduced earlier with that title (and country); ambiguous descriptions stay out."""
    for token in doc:
        if token.lower_ not in DEFINITE:
            continue
        described = _description_at(doc, token.i + 1, table, taken)
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
    doc: Doc, start: int, table: PhraseTable, taken: set[int]
) -> tuple[int, tuple[str, ...], str | None] | None:
    """(end, title words, country) for "[Russian] President" at ``start``, if it is a whole
    description: not followed by a name ("the President Joe Biden") or an "of" phrase."""
    window = list(doc[start : min(len(doc), start + 6)])
    matches = find_matches(window, table)
    if not matches or matches[0].start != 0:
        return None
    country = None
    index = 0
    if matches[0].codes is not None:
        country = _country_in(window[: matches[0].end], table)
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
        or (following.pos_ == "NOUN" and doc[end - 1].head.i >= end)
    ):  # a name, an "of" phrase, or a noun the title only modifies ("the militant group")
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


def link_pronouns(doc: Doc, actors: list[MentionGroup], quoted: list[QuotedSpan]) -> None:
    """Attach he/his/she/her to the one person mentioned (outside quotations) in the same
    sentence before it, else in the previous sentence (looking past sentences that are all
    quotation), when that person is a subject there ("He is not only reclaiming Patriot's
    mines. He has …": "Patriot" is no antecedent; coreference resolves such pronouns from
    the sentences before); never against a gender the person already has (from "Mr"/"Ms"
    or an earlier pronoun). A pronoun in a phrase put before its clause's subject refers to
    that subject when it is a person named there: "Ahead of his trip, Imran Khan said …"."""

    def inside_quote(token: Token) -> bool:
        # The marks belong to the quotation: a sentence that opens with one is quoted.
        return any(q.open_mark <= token.idx <= q.close_mark for q in quoted)

    owner_at: dict[int, MentionGroup] = {}
    subjects: set[int] = set()  # the starts of mentions that are a clause's subject
    for actor in actors:
        for start, end in actor.mentions:
            if not inside_quote(doc[start]):
                owner_at[start] = actor
                if doc[start:end].root.dep_ in SUBJECT_DEPS:
                    subjects.add(start)
    genders = {id(actor): _honorific_gender(doc, actor) for actor in actors}
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        for token in sentence:
            if token.lower_ not in PRONOUNS or token.pos_ != "PRON" or inside_quote(token):
                continue
            gender = "male" if token.lower_ in MALE else "female"
            if _named_later(owner_at, token.i, sentence.end) and not _named_later(
                owner_at, sentence.start, token.i
            ):
                # "ahead of his trip, Imran Khan …": the name comes after.
                subject = _fronted_subject(token, actors)
                if subject is not None and genders[id(subject)] in (None, gender):
                    subject.mentions.append((token.i, token.i + 1))
                    genders[id(subject)] = gender
                continue
            for scope in _scopes(sentences, index, token, inside_quote):
                found = {id(a): a for i, a in owner_at.items() if i in scope}
                if not found:
                    continue
                fitting = [a for a in found.values() if genders[id(a)] in (None, gender)]
                subject = any(i in subjects for i in scope)
                if len(found) == 1 and fitting and subject:
                    fitting[0].mentions.append((token.i, token.i + 1))
                    genders[id(fitting[0])] = gender
                break


def _fronted_subject(pronoun: Token, actors: list[MentionGroup]) -> MentionGroup | None:
    """The person who is the subject of the clause a pronoun's phrase is put in front of:
    the pronoun's phrase hangs off the clause's verb before its subject."""
    verb, subjects = pronoun, []
    for _ in range(10):  # up to the first verb with a subject: "After meeting his …, X said"
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                break
    if not subjects or subjects[0].i < pronoun.i or subjects[0].pos_ != "PROPN":
        return None
    subject = subjects[0].i
    for actor in actors:
        if actor.label == "PERSON" and any(start <= subject < end for start, end in actor.mentions):
            return actor
    return None


def _scopes(sentences: list[Span], index: int, token: Token, inside_quote) -> list[range]:
    scopes = [range(sentences[index].start, token.i)]
    for earlier in reversed(sentences[max(0, index - 3) : index]):
        scopes.append(range(earlier.start, earlier.end))
        if not inside_quote(earlier[0]):
            break
    return scopes


def _honorific_gender(doc: Doc, actor: MentionGroup) -> str | None:
    for start, _ in actor.mentions:
        if start > 0:
            word = doc[start - 1].lower_.rstrip(".")
            if word in MALE_TITLES:
                return "male"
            if word in FEMALE_TITLES:
                return "female"
    return None


def _named_later(owner_at: dict[int, MentionGroup], start: int, end: int) -> bool:
    return any(start <= i < end for i in owner_at)

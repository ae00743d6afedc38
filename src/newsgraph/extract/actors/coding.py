"""Actor coding: CAMEO actor code, country and role for each entity at the article's date.

Each mention is coded from the phrase that describes it (``phrases.code_phrase``); the
entity takes its most telling mention (a title in the text beats a dictionary entry, which
beats a bare country). What a phrase leaves open is filled from around it: a role without a
country takes the country of another entity in its description ("the Prime Minister's Focal
Person, Dr Arslan Khalid") or of its sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import party_marker
from newsgraph.extract.actors.home import PERSON_SHARE, home_country, takes_home_country
from newsgraph.extract.actors.phrases import (
    RANK_NAME,
    RANK_TITLE,
    ActorCode,
    PhraseTable,
    allegiance,
    code_phrase,
    find_matches,
    is_place,
    make_code,
)
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.labels import PLACE_LABELS
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.actors import (
    ORGANISATION_PREFIXES,
    RELIGION_CODES,
    ActorDictionary,
    Dated,
    code_on,
    words_of,
)
from newsgraph.model import Entity

__all__ = ["ActorCode", "code_actors", "code_span"]
NOUNS = ("NOUN", "PROPN")
# Codes that never take the country of the sentence they are in: organisations, the West.
NO_SENTENCE_COUNTRY = ORGANISATION_PREFIXES | {"WST"}
SETTING_PREPS = {"in", "at", "inside", "across", "throughout", "near", "from", "within"}
# How far in the parse a country may be from an actor to lend it its country: "police in
# Cairo" (2 arcs), "Minister Zinichev said Russia would …" (3), not a country told of in
# another clause ("Gulf state leaders … to explain how … the crisis in Libya").
MAX_ARCS = 4
CLAUSE_DEPS = frozenset({"relcl", "acl"})
# How far a person may be from the one country of their sentence to take it: "President
# Abdelaziz Bouteflicka threatened to institute a curfew in Algiers" is 5 arcs.
PERSON_REACH = 6
CLAUSE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "agent"})
ANAPHORIC_DETERMINERS = frozenset({"the", "these", "those", "this", "that"})
# Heads of a definite phrase that names the armed group told of before ("the militant group").
GROUP_WORDS = frozenset({"group", "organization", "organisation", "movement", "militia", "faction"})
ARMED_ROLES = frozenset({"UAF", "REB", "INS", "RAD"})
# Nouns that name a government told of before when they qualify a role ("administration
# officials", "regime forces"): the phrase refers back like "the officials".
REFERRING_NOUNS = frozenset({"administration", "regime", "government", "cabinet"})
ANTECEDENT_WINDOW = 1500  # characters back in which a definite role phrase finds its actor
# Words that set a role beside or beyond any one country: "world leaders", "international
# monitors", "other leaders", "fellow leaders" (a paragraph's one country is not theirs).
NO_COUNTRY_SCOPE = frozenset({"world", "international", "global", "foreign", "other", "fellow"})


def code_span(span: Span, context: ArticleContext) -> ActorCode | None:
    """Code any noun phrase of the article as an actor ("Western governments", "police",
    "Imran Khan").

    Used for entities and for actors NER does not tag; None when nothing fits. When the span
    is a mention of one of the context's coded entities, that entity's code is used.
    """
    for entity in context.entities:
        if entity.code and any(
            m.start <= span.start_char and span.end_char <= m.end for m in entity.mentions
        ):
            return ActorCode(entity.code, entity.country, entity.role)
    if not len(span):
        return None
    # The event coder asks about the same phrases many times: the context keeps the answers.
    table = context.phrases
    key = (span.start, span.end)
    if key not in table.span_codes:
        table.span_codes[key] = _code_phrase_span(span, table, context)
    code = table.span_codes[key]
    if code is not None and code.country is None:
        code = _with_home_country(code, context.home_country, table.dictionary, span)
    if code is not None and code.country is None and context.home_country is None:
        # a story about several countries: the paragraph may still be set in one
        code = _with_paragraph_country(code, span, table, context.day, context.entities)
    return code


def _with_antecedent_country(span: Span, code: ActorCode, context: ArticleContext) -> ActorCode:
    """A definite role phrase names an actor told of before ("the secretary of state" after
    "Secretary of State John Kerry", "the troops" after "the Pentagon sent …", "several
    administration officials" after "the Obama administration"): it takes the
    country of the nearest earlier entity with the same role (or, for a role qualified by a
    government, "government troops", that government's), before any country its sentence
    names (``sentence_country``: a country of another clause is weaker evidence)."""
    tree = context.tree
    government = any(tree.lower[i] in REFERRING_NOUNS for i in range(span.start, span.end - 1))
    roles = {code.role, "GOV"} if government else {code.role}  # "government troops": its army
    found = _antecedent(
        span, context, lambda e: bool(e.country) and e.role in roles, referring=government
    )
    if found is None or found.country is None:
        return code
    return make_code(found.country + code.code, context.phrases.dictionary) or code


def group_antecedent(span: Span, context: ArticleContext) -> Entity | None:
    """The armed group a definite group phrase ("the extremist group") names, told of before;
    not a plural ("the more groups that pledge allegiance" are other groups)."""
    tree = context.tree
    if tree.tag[tree.root(span.start, span.end).i] in ("NNS", "NNPS"):
        return None
    return _antecedent(span, context, armed_group)


def armed_group(entity: Entity) -> bool:
    """An armed or militant organisation ("Islamic State", "Boko Haram")."""
    return (entity.code or "")[:3] == "IMG" or entity.role in ARMED_ROLES


def _antecedent(
    span: Span, context: ArticleContext, fits, referring: bool = False
) -> Entity | None:
    """The nearest entity told of before a definite phrase without a name ("the troops",
    "the extremist group"; ``referring``: a phrase with a government noun, "administration
    officials") that ``fits``, within ``ANTECEDENT_WINDOW`` characters."""
    tree, capital = context.tree, context.phrases.capital
    head = tree.root(span.start, span.end).i
    if not (referring or tree.lower[span.start] in ANAPHORIC_DETERMINERS) or any(
        tree.ent_type[i] or capital[i] for i in range(span.start + 1, head + 1)
    ):
        return None  # a name, not a bare role (what follows the head may name others)
    spans, start = context.index.spans, span.start_char
    i = bisect_left(context.index.starts, start) - 1
    while i >= 0 and spans[i][0] >= start - ANTECEDENT_WINDOW:
        begin, end, entity = spans[i]
        i -= 1
        if end <= start and fits(entity) and not describes_another(begin, end, tree):
            return entity
    return None


def describes_another(start: int, end: int, tree: Tree) -> bool:
    """Whether a mention only qualifies what another is said to be ("The Islamic State group
    is an al-Qaida breakaway"): it names no actor told of."""
    found = tree.char_span(start, end)
    if found is None:
        return False
    root = tree.root(*found).i
    head = tree.head[root]
    return tree.dep[root] in ("compound", "amod", "nmod", "poss") and tree.dep[head] == "attr"


def _code_phrase_span(span: Span, table: PhraseTable, context: ArticleContext) -> ActorCode | None:
    dictionary = table.dictionary
    tokens, head = _with_noun(span, table.tree)
    tokens, head = _without_clause_actors(tokens, head, table.tree)
    code, _ = code_phrase(tokens, head, table, context.day)
    if tokens[head].lemma_.lower() in GROUP_WORDS:
        # "the militant group in Syria" after the Islamic State: the group, wherever it is
        group = group_antecedent(span, context)
        if group is not None:
            return ActorCode(group.code, group.country, group.role)
    if code is not None and code.country and is_ethnic(span, table.tree):
        return ethnic_group(code, span, table)
    if code is None or code.country or code.code[:3] in NO_SENTENCE_COUNTRY:
        return code
    if is_region(code.code, dictionary) or any(t.ent_type_ == "LOC" for t in tokens):
        return code  # "European leaders", "Gulf state leaders" name their own part of the world
    if code.role:
        code = _with_antecedent_country(span, code, context)
    if code.country is None:
        country = sentence_country(span, table)
        if country:
            rest = code.code[3:] if code.code[:3] in dictionary.countries else code.code
            code = make_code(country + rest, dictionary)
    return code


def _with_home_country(
    code: ActorCode, home: str | None, dictionary: ActorDictionary, span: Span | None = None
) -> ActorCode:
    """A bare home role ("police", "the authorities") in a story about one country is that
    country's (``home``); so is the one army of the story ("the army", "the military": a
    definite singular, while "troops" and "forces" are often foreign to it)."""
    if home is None:
        return code
    own_army = (
        span is not None and code.code == "MIL" and span[0].lower_ == "the"
        and span[-1].tag_ == "NN"
    )
    if not (own_army or takes_home_country(code.code, code.role, dictionary.home_roles)):
        return code
    return make_code(home + code.code, dictionary) or code


def _without_clause_actors(tokens: list[Token], head: int, tree: Tree) -> tuple[list[Token], int]:
    """A clause on the phrase's head tells where its actor is, not who it is: of "the
    extremist group that took responsibility for beheading two American journalists" only
    its places count ("refugees fleeing the war in Liberia"), not the journalists."""
    root = tokens[head].i
    kept = []
    for token in tokens:
        i, inside = token.i, False
        while i != root and tree.head[i] != i:
            if tree.dep[i] in CLAUSE_DEPS and tree.head[i] == root:
                inside = True
                break
            i = tree.head[i]
        if not inside or tree.ent_type[token.i] in PLACE_LABELS:
            kept.append(token)
    if len(kept) == len(tokens):
        return tokens, head
    return kept, kept.index(tokens[head])


def is_region(code: str, dictionary: ActorDictionary) -> bool:
    """Whether a code's prefix is a region or bloc (EUR, MEA, WST: no country by nature,
    ``cameo_countries.tsv``), not a religion (a faith's people live in some country)."""
    prefix = code[:3]
    return (
        prefix in dictionary.countries and dictionary.countries[prefix] is None
        and prefix not in RELIGION_CODES
    )


def is_ethnic(span: Span, tree: Tree) -> bool:
    """An ethnic group named by its people ("ethnic Albanians"), with "ethnic" in or just
    before the span."""
    first = max(span.start - 1, 0)
    return "ethnic" in tree.lower[first : span.end]


def ethnic_group(code: ActorCode, span: Span, table: PhraseTable) -> ActorCode:
    """An ethnic group belongs to the country it lives in, not its kin state: "ethnic
    Albanians demonstrated in Serbia" -> SRB. The nearest other country of the sentence,
    else the kin state when the sentence names none."""
    country = sentence_country(span, table, besides=code.country)
    if not country:
        return code
    return make_code(country + code.code[3:], table.dictionary)  # the kin state's prefix replaced


def _with_noun(span: Span, tree: Tree) -> tuple[list[Token], int]:
    """A lone modifier stands for the noun it modifies: "Russian" in "Russian diplomats",
    "Romanian" in "Hungarian and Romanian leaders" is coded with "diplomats", "leaders"."""
    tokens, root = tree.tokens[span.start : span.end], tree.root(span.start, span.end).i
    dep, heads = tree.dep, tree.head
    modifier = root
    while dep[modifier] == "conj" and heads[modifier] < modifier:
        modifier = heads[modifier]
    head = heads[modifier]
    if (
        dep[modifier] in ("amod", "compound", "nmod")
        and tree.pos[head] == "NOUN"
        and not span.start <= head < span.end
        and head > span.end - 1
    ):
        return tokens + [tree.tokens[head]], len(tokens)
    return tokens, root - span.start


def sentence_matches(first: int, end: int, table: PhraseTable) -> list:
    """Dictionary matches of the sentence of tokens [first, end), found once per sentence
    (the table keeps them)."""
    found = table.sentence_matches.get(first)
    if found is None:
        found = table.sentence_matches[first] = find_matches(table.tree.tokens[first:end], table)
    return found


def sentence_country(
    span: Span,
    table: PhraseTable,
    besides: str | None = None,
    reach: int | None = None,
    person: bool = False,
) -> str | None:
    """The country named nearest to ``span`` in its sentence, outside it (other than
    ``besides``): the setting of "Shona rebels" in a sentence about Mozambique's government.

    Not a country a verb acts on (``acted_on``): "the ministry posted a statement accusing
    Turkey" is no Turkish ministry, "fighters deployed to Mali" are not Mali's; rebels who
    fight a state's organs are that state's, which only their event tells
    (``events.build.opponents_of_their_state`` decides it). With ``reach``, none further
    than that many arcs in the parse. For a ``person``, not the country whose act is done to
    them (``acts_on``): "Russia is seeking to boost Senator Sanders" is no Russian senator."""
    tree, dictionary = table.tree, table.dictionary
    first, last = tree.sentence(span.start)
    root = tree.root(span.start, span.end).i
    found: list[tuple[bool, int, str]] = []
    for match in sentence_matches(first, last, table):
        start, end = first + match.start, first + match.end
        inside = start < span.end and end > span.start
        if match.codes is None or not is_place(match.codes) or inside:
            continue
        code = code_on(match.codes, None)
        if not code or dictionary.country(code) is None or code[:3] == besides:
            continue
        if acted_on(start, end, tree):
            continue
        if in_other_clause(tree.root(start, end).i, root, tree):
            continue
        if person and acts_on(tree.root(start, end).i, root, tree):
            continue
        if qualifies_object_of(tree.root(start, end).i, root, tree, dictionary):
            continue
        apart = arcs(root, tree.root(start, end).i, tree)
        if reach is not None and apart > reach:
            continue
        far = apart > MAX_ARCS
        distance = span.start - end if end <= span.start else start - span.end
        found.append((far, distance, code[:3]))
    if len({country for _, _, country in found}) > 1:
        # Several countries: only one near in the parse is this actor's ("police in
        # Cairo"); the others are told of in other clauses.
        found = [f for f in found if not f[0]]
    return min(found, key=lambda f: f[1])[2] if found else None


def qualifies_object_of(
    mention: int, actor: int, tree: Tree, dictionary: ActorDictionary
) -> bool:
    """Whether ``mention`` only qualifies a thing the actor's own verb acts on ("the senator
    praised the Iran nuclear agreement", "the minister criticized Russia's decision"): a
    topic of the act, not the actor's country. Not an actor acted on ("Shona rebels
    attacked the Mozambique government": rebels fight their own state), and not the object
    of another clause's verb, whose country still tells the setting ("will boycott
    Algeria's elections unless the president agrees": Algeria's president)."""
    noun = mention
    for _ in range(3):
        if tree.dep[noun] not in ("compound", "amod", "poss", "nmod") or tree.head[noun] == noun:
            break
        noun = tree.head[noun]
    if noun == mention or tree.pos[noun] != "NOUN" or dictionary.agent((tree.lemma[noun],)):
        return False
    verb = tree.head[noun]
    if tree.dep[noun] == "pobj" and tree.pos[tree.head[verb]] in ("VERB", "AUX"):
        verb = tree.head[verb]
    elif tree.dep[noun] not in ("dobj", "obj"):
        return False
    while tree.dep[actor] == "conj" and tree.head[actor] != actor:
        actor = tree.head[actor]
    return tree.head[actor] == verb and tree.dep[actor] in ("nsubj", "nsubjpass")


def acts_on(mention: int, actor: int, tree: Tree) -> bool:
    """Whether ``mention`` is the subject of the verb whose object (or prepositional object)
    ``actor`` is, directly or through a to-infinitive ("Russia is seeking to boost … Senator
    Sanders"); not a country that only qualifies the subject ("Egypt's army detained …")."""
    while tree.dep[actor] == "conj" and tree.head[actor] != actor:
        actor = tree.head[actor]
    verb = tree.head[actor]
    if tree.dep[actor] == "pobj" and tree.pos[tree.head[verb]] in ("VERB", "AUX"):
        verb = tree.head[verb]
    elif tree.dep[actor] not in ("dobj", "obj", "dative"):
        return False
    for _ in range(4):
        subjects = [t.i for t in tree.with_dep(tree.tokens[verb], ("nsubj",))]
        if subjects:  # the country itself, not one qualifying the subject ("an Argentine
            return mention in subjects  # judge has ordered former president Carlos Menem")
        if tree.dep[verb] not in ("xcomp", "conj") or tree.head[verb] == verb:
            return False
        verb = tree.head[verb]
    return False


def in_other_clause(mention: int, actor: int, tree: Tree) -> bool:
    """Whether a mention is an actor (subject, object) of a relative or participle clause on
    another noun than the actor (or its apposition: "the Yazidi people, a minority displaced
    on Sinjar Mountain"), which tells of that noun: in "called on people to stop their sons
    joining rebels that the U.S. plans to train", the U.S. is no country of the people; a
    setting of such a clause still is ("shortened the curfew imposed in Sudan"). So is an
    actor of a coordinated clause with its own subject (``own_clause``)."""
    i, argument = mention, False
    while tree.head[i] != i:
        if (
            tree.dep[i] in CLAUSE_DEPS and tree.head[i] not in own_nouns(actor, tree)
        ) or own_clause(i, tree):
            clause = tree.tokens[i]
            if argument and not clause.left_edge.i <= actor <= clause.right_edge.i:
                return True
        argument = argument or tree.dep[i] in CLAUSE_ARGUMENTS
        i = tree.head[i]
    return False


def own_clause(i: int, tree: Tree) -> bool:
    """Whether token ``i`` heads a coordinated clause with a subject of its own ("militants
    fired rockets into Israel and Israel responded"): it tells of another actor."""
    return (
        tree.dep[i] == "conj" and tree.pos[i] in ("VERB", "AUX")
        and bool(tree.with_dep(tree.tokens[i], ("nsubj", "nsubjpass")))
    )


def own_nouns(actor: int, tree: Tree) -> set[int]:
    """The actor's token, the noun it modifies ("Yazidi" of "the Yazidi people") and their
    appositions."""
    own = {actor}
    if tree.dep[actor] in ("compound", "amod", "nmod", "poss"):
        own.add(tree.head[actor])
    for i in list(own):
        own |= {t.i for t in tree.with_dep(tree.tokens[i], ("appos",))}
    return own


def arcs(one: int, other: int, tree: Tree) -> int:
    """How many dependency arcs join tokens ``one`` and ``other`` of a sentence."""
    up: dict[int, int] = {}
    i, steps = one, 0
    while True:
        up[i] = steps
        if tree.head[i] == i:
            break
        i, steps = tree.head[i], steps + 1
    i, steps = other, 0
    while i not in up:
        if tree.head[i] == i:
            return len(tree.head)  # another sentence's tree
        i, steps = tree.head[i], steps + 1
    return steps + up[i]


def acted_on(start: int, end: int, tree: Tree) -> bool:
    """Whether the mention [start, end) is what a verb acts on: its object ("criticized
    Russia") or the object of its preposition ("deployed troops to Mali"), or a people after
    a preposition of place ("expressed anger at the Saudis"), not a setting ("in Sudan"), an
    owner ("Algeria's president") or a subject ("said Vietnam is …")."""
    mention = tree.root(start, end).i
    dep, head = tree.dep[mention], tree.head[mention]
    if dep in ("dobj", "obj", "dative"):
        return tree.pos[head] in ("VERB", "AUX")
    if dep != "pobj":
        return False
    if tree.lower[head] in SETTING_PREPS:
        return tree.ent_type[mention] == "NORP"  # a people is no setting: "anger at the Saudis"
    return tree.pos[tree.head[head]] in ("VERB", "AUX")


def mention_context(tree: Tree, start: int, end: int) -> tuple[list[Token], int]:
    """The tokens that describe a mention: its left modifiers ("US President" before "Joe
    Biden"), or the noun phrase it is in apposition to, or that is in apposition to it or
    predicated of it ("Biden, the first US president to …", "Macron became the first French
    leader to …"); and the mention head's position."""
    found = tree.char_span(start, end)
    if found is None:
        return [], 0
    span_start, span_end = found
    root = tree.root(span_start, span_end)
    first = min(root.left_edge.i, span_start)
    every = tree.tokens
    tokens = every[first:span_end]
    head = root.i - first
    owner = tree.head[root.i]
    if tree.dep[root.i] == "appos" and tree.pos[owner] in NOUNS and owner < span_start:
        owner = _description_head(every[owner], tree)
        described = every[owner.left_edge.i : owner.i + 1]
        return described + tokens, len(described) + head
    description = _predicated(root, tree)
    if description is not None:
        described = every[description.left_edge.i : description.i + 1]
        return described + tokens, len(described) + head
    return tokens, head


def _predicated(root: Token, tree: Tree) -> Token | None:
    """The noun a mention is described by after it: its apposition, or the complement of
    "be"/"become" when it is the subject."""
    for child in tree.with_dep(root, ("appos",)):
        if child.i > root.i and tree.pos[child.i] == "NOUN":
            return child
    if tree.dep[root.i] == "nsubj" and tree.lemma[root.head.i] in ("be", "become", "remain"):
        for attr in tree.with_dep(root.head, ("attr",)):
            if tree.pos[attr.i] == "NOUN":
                return attr
    return None


def _description_head(token: Token, tree: Tree) -> Token:
    """Climb from a noun inside a prepositional phrase to the noun the phrase modifies."""
    dep, head, i = tree.dep, tree.head, token.i
    while dep[i] == "pobj" and dep[head[i]] == "prep" and tree.pos[head[head[i]]] in NOUNS:
        i = head[head[i]]
    return tree.tokens[i]


def _place_tokens(tree: Tree, start: int, end: int) -> tuple[list[Token], int]:
    """A place mention's tokens, with a preceding "the" ("the West")."""
    found = tree.char_span(start, end)
    if found is None:
        return [], 0
    span_start, span_end = found
    first = span_start - 1 if span_start and tree.lower[span_start - 1] == "the" else span_start
    return tree.tokens[first:span_end], tree.root(span_start, span_end).i - first


def code_entity(
    entity: Entity, table: PhraseTable, day: date | None
) -> tuple[ActorCode | None, int]:
    """The best code among an entity's mentions, with its rank."""
    dictionary, tree = table.dictionary, table.tree
    name = words_of(entity.name)
    known = dictionary.name_codes(name)
    best: tuple[ActorCode | None, int] = (None, 0)
    told_after = False  # whether the best mention's description follows the name
    for mention in entity.mentions:
        if entity.type in ("GPE", "LOC", "NORP"):
            tokens, head = _place_tokens(tree, mention.start, mention.end)
        else:
            tokens, head = mention_context(tree, mention.start, mention.end)
        if not tokens:
            continue
        found = code_phrase(tokens, head, table, day, known)
        if found[0] is not None and found[1] > best[1]:
            best = found
            told_after = any(t.idx >= mention.end for t in tokens)
            if best[1] >= RANK_TITLE:
                break  # no later mention can tell more
    if best[0] is None and known:
        best = (make_code(code_on(known, day), dictionary), RANK_NAME)
    elif best[0] is not None and best[0].role == "ELI" and told_after and holds_office(
        known, day
    ):
        # "Tillerson, the former chief executive of Exxon Mobil" while Secretary of State:
        # a past post told in passing after the name does not undo the office the
        # dictionary dates ("Former premier Nawaz Sharif", before the name, still does)
        best = (make_code(code_on(known, day), dictionary), RANK_TITLE)
    code = best[0]
    named_like_a_place = entity.type == "PERSON" and name in dictionary.places
    if named_like_a_place and code is not None and code.code == code.country:
        return None, 0  # a person named like a place ("Amman, who …") is not that country
    return best


def holds_office(known: tuple[Dated, ...] | None, day: date | None) -> bool:
    """Whether the dictionary dates an office (not ELI) that holds on ``day``."""
    if not known or day is None:
        return False
    return any(
        (c.start is not None or c.end is not None)
        and (c.start is None or c.start <= day) and (c.end is None or day < c.end)
        and "ELI" not in c.code
        for c in known
    )


def code_actors(entities: list[Entity], context: ArticleContext) -> list[Entity]:
    """Return the entities with ``code``, ``country`` and ``role`` filled where known.

    An entity whose own mentions give a role but no country ("the Prime Minister's Focal
    Person, Dr Arslan Khalid") takes the country of another entity mentioned in its context.
    """
    doc, table, day = context.doc, context.phrases, context.day
    coded: list[Entity] = []
    for entity in entities:
        code, _ = code_entity(entity, table, day)
        coded.append(_with_code(entity, code))
    coded = [_borrow_country(entity, coded, table) for entity in coded]
    coded = [_ethnic_entity(entity, doc, table) for entity in coded]
    coded = [_country_from_sentence(entity, doc, table) for entity in coded]
    coded = [_party_member(entity, context.article.text, table) for entity in coded]
    home, own = home_country(coded), home_country(coded, PERSON_SHARE)
    coded = [_home_entity(entity, home, table.dictionary) for entity in coded]
    coded = [_home_person(entity, own, table.dictionary) for entity in coded]
    if home is None:
        coded = [_paragraph_entity(entity, doc, table, day, coded) for entity in coded]
    return coded


def _home_entity(entity: Entity, home: str | None, dictionary: ActorDictionary) -> Entity:
    """An entity with a home role and no country ("the House") in a story about one country
    takes that country (``home.home_country``). Not a person: news of one country quotes
    the officials of others ("Rep. Ileana Ros-Lehtinen" in a story about Iraq)."""
    if entity.country or not entity.code or entity.type == "PERSON":
        return entity
    code = ActorCode(entity.code, None, entity.role)
    found = _with_home_country(code, home, dictionary)
    return entity if found is code else _with_code(entity, found)


def _home_person(entity: Entity, home: str | None, dictionary: ActorDictionary) -> Entity:
    """A person with a home role and no country ("Work and Pensions Secretary Amber Rudd",
    "Interior Minister Christophe Castaner") in a story almost all about one country
    (``home.PERSON_SHARE``) is that country's."""
    if home is None or entity.country or not entity.code or entity.type != "PERSON":
        return entity
    if not takes_home_country(entity.code, entity.role, dictionary.home_roles):
        return entity
    return _with_code(entity, make_code(home + entity.code, dictionary))


def _paragraph_entity(
    entity: Entity, doc: Doc, table: PhraseTable, day: date | None, others: list[Entity]
) -> Entity:
    """An organisation with a paragraph role and no country ("the House of Representatives",
    "Congress") takes the one country that every paragraph of its mentions naming any country
    names ("Congress" in a paragraph on Obama and in one on Obama and Iran's sanctions is the
    United States'; in one on Obama and one on Syria alone it keeps none). Not a person: a
    paragraph quotes the officials of others."""
    if entity.country or not entity.code or entity.type == "PERSON":
        return entity
    if not _takes_paragraph_country(entity.code, entity.role, table.dictionary):
        return entity
    found: set[str] | None = None
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        named = paragraph_countries(span.start, span.end, table, day, others)
        if named:
            found = named if found is None else found & named
    if not found or len(found) != 1:
        return entity
    return _with_code(entity, make_code(found.pop() + entity.code, table.dictionary))


def _party_member(entity: Entity, text: str, table: PhraseTable) -> Entity:
    """A person with a US party marker after a mention ("Bob Corker (R) of Tennessee") is an
    American politician (``party_marker``), whatever country the sentence named."""
    if entity.type != "PERSON" or entity.country == party_marker.COUNTRY:
        return entity
    if not any(party_marker.has_party_marker(text, m.end) for m in entity.mentions):
        return entity
    role = entity.role if entity.role and entity.role != "ELI" else None
    code = make_code(party_marker.party_code(role), table.dictionary)
    return _with_code(entity, code)


def _ethnic_entity(entity: Entity, doc: Doc, table: PhraseTable) -> Entity:
    """A people named as an ethnic group ("ethnic Albanians") takes the country it lives in
    (``ethnic_group``), read at its first mention so named."""
    if entity.type != "NORP" or not entity.country or not entity.code:
        return entity
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and is_ethnic(span, table.tree):
            code = ActorCode(entity.code, entity.country, entity.role)
            return _with_code(entity, ethnic_group(code, span, table))
    return entity


def _with_code(entity: Entity, code: ActorCode | None) -> Entity:
    if code is None:
        return entity
    # Built directly: dataclasses.replace costs several times more, once per entity.
    return Entity(
        id=entity.id, name=entity.name, type=entity.type, mentions=entity.mentions,
        code=code.code, country=code.country, role=code.role,
    )


def _borrow_country(
    entity: Entity, entities: list[Entity], table: PhraseTable
) -> Entity:
    """Fill a missing country from an entity mentioned in this entity's describing context."""
    if entity.country or not entity.role or (entity.code or "")[:3] in ORGANISATION_PREFIXES:
        return entity
    for mention in entity.mentions:
        tokens, _ = mention_context(table.tree, mention.start, mention.end)
        context = [t for t in tokens if not mention.start <= t.idx < mention.end]
        for other in entities:
            if other is entity or not other.country or not other.code:
                continue
            if any(m.start <= t.idx < m.end for t in context for m in other.mentions):
                code = other.code[:3] + (entity.code or "")
                return _with_code(entity, make_code(code, table.dictionary))
    return entity


def _country_from_sentence(entity: Entity, doc: Doc, table: PhraseTable) -> Entity:
    """A person with a role but no country ("Minister Yevgeny Zinichev" -> GOV) takes the
    country named nearest to their first mention in its sentence, within ``PERSON_REACH``
    arcs of the parse (not Benghazi inside a quotation the columnist wrote). Not organisations: an
    organisation's name words ("Digital Media") say little about where it belongs."""
    if entity.type != "PERSON" or entity.country or not entity.code or not entity.role:
        return entity
    if entity.code[:3] in NO_SENTENCE_COUNTRY:
        return entity
    dictionary = table.dictionary
    rest = entity.code[3:] if entity.code[:3] in dictionary.countries else entity.code
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        country = sentence_country(span, table, reach=PERSON_REACH, person=True)
        if country:
            return _with_code(entity, make_code(country + rest, dictionary))
    return entity


def _with_paragraph_country(
    code: ActorCode, span: Span, table: PhraseTable, day: date | None, entities: list[Entity]
) -> ActorCode:
    """A bare role in a paragraph that names one country is that country's ("Army commandos"
    after "Peshawar, Pakistan"; "parliament" in a paragraph on Netanyahu). Not a role owned by
    someone ("his administration", "the Castro regime": the owner tells) nor one set beside
    or beyond any one country ("world leaders", "other leaders")."""
    if not _takes_paragraph_country(code.code, code.role, table.dictionary):
        return code
    tree = table.tree
    head = tree.root(span.start, span.end).i
    if any(tree.dep[child.i] == "poss" for child in tree.kids[head]):
        return code
    if any(
        tree.ent_type[i] == "PERSON" or tree.lower[i] in NO_COUNTRY_SCOPE
        for i in range(span.start, span.end)
    ):
        return code
    country = paragraph_country(span.start, span.end, table, day, entities)
    if country is None:
        return code
    return make_code(country + code.code, table.dictionary) or code


def _takes_paragraph_country(code: str, role: str | None, dictionary: ActorDictionary) -> bool:
    """Whether a code with no country is a paragraph role and every role in it is ("MIL", not
    "REBMIL")."""
    if not role or role not in dictionary.paragraph_roles:
        return False
    return all(code[i : i + 3] in dictionary.paragraph_roles for i in range(0, len(code), 3))


def paragraph_country(
    start: int, end: int, table: PhraseTable, day: date | None, entities: list[Entity]
) -> str | None:
    """The one country the paragraph of tokens [start, end) names outside them, if only one."""
    found = paragraph_countries(start, end, table, day, entities)
    return next(iter(found)) if len(found) == 1 else None


def paragraph_countries(
    start: int, end: int, table: PhraseTable, day: date | None, entities: list[Entity]
) -> set[str]:
    """The countries the paragraph (its lines) of tokens [start, end) names outside them: by
    a country's or a known actor's name, or by a coded entity's mention. As in
    ``sentence_country``, a side taken ("anti-American") names none, nor a country a verb
    acts on ("a statement accusing Turkey": ``acted_on``), nor one qualifying what the
    actor acts on ("the senator praised the Iran nuclear agreement")."""
    tree, text, dictionary = table.tree, table.text, table.dictionary
    begin, finish = tree.starts[start], tree.ends[end - 1]
    first_char = text.rfind("\n", 0, begin) + 1
    last_char = text.find("\n", begin)
    if last_char < 0:
        last_char = len(text)
    actor = tree.root(start, end).i

    def tells(first: int, last: int) -> bool:
        """Whether the mention of tokens [first, last) tells where the paragraph is set."""
        if acted_on(first, last, tree):
            return False
        return not qualifies_object_of(tree.root(first, last).i, actor, tree, dictionary)

    found: set[str] = set()
    for entity in entities:
        if entity.country:
            for mention in entity.mentions:
                if first_char <= mention.start < last_char and not (
                    mention.start < finish and mention.end > begin
                ):
                    tokens = tree.char_span(mention.start, mention.end)
                    if tokens is None or tells(*tokens):
                        found.add(entity.country)
    i = bisect_left(tree.starts, first_char)
    while i < len(tree.starts) and tree.starts[i] < last_char:
        first, last = tree.sentence(i)
        tokens = tree.tokens[first:last]
        for match in sentence_matches(first, last, table):
            s, e = first + match.start, first + match.end
            if not first_char <= tree.starts[s] < last_char or (s < end and e > start):
                continue
            if match.codes is None or allegiance(tokens, match) or not tells(s, e):
                continue
            country = dictionary.country(code_on(match.codes, day))
            if country:
                found.add(country)
        i = max(last, i + 1)
    return found

"""Sites inside a town that the gazetteer lacks: streets, squares, buildings, parks.

"Royal Street", "Alder Hey Children's Hospital", "City Hall": no gazetteer lists them,
but the article says which town they are in. Such a site is placed at its town — a town
the article names in the site's own sentence (the nearest one), else the town the article
names most often when all the article's towns lie near it (a local story) — and gets the
feature "site" and no GeoNames id, so a reader sees the point is its town's. A site in an
article that names no such town keeps null coordinates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsgraph.extract.tree import Tree
from newsgraph.knowledge.places import GazetteerEntry, distance_km

SITE_FEATURE = "site"
# NER's labels for a site it took for an organisation or a person ("Northwestern Memorial
# Hospital" as ORG, "Fitzwilliam Place" as PERSON)
SITE_SLIP_LABELS = {"ORG", "PERSON"}
# a preposition of place right before a name: "pronounced dead at", "sent to the"
PLACE_PREPOSITION = re.compile(
    r"\b(?:at|in|on|to|into|from|near|outside|inside|of|along|opposite|behind|across)"
    r"(?: the)? $",
    re.IGNORECASE,
)

# the town a site is in, right after its name: "Crossroads Correctional Center in Shelby"
TOWN_AFTER = re.compile(r",? (?:in|near|outside) [A-Z]")


def is_site(name: str, labels: Iterable[str | None], site_words: frozenset[str]) -> bool:
    """A building or facility (NER's FAC), or a name of two words or more whose last word
    names a kind of site ("Frenchmen Street", "Rogers Centre")."""
    words = name.split()
    return "FAC" in labels or (
        len(words) > 1 and words[-1].rstrip(".").lower() in site_words
    )


def is_site_slip(
    name: str, label: str, before: str, site_words: frozenset[str], after: str = ""
) -> bool:
    """A site NER labelled ORG or PERSON, read as a place after a preposition of place
    ("pronounced dead at Northwestern Memorial Hospital", "sent to the New Bilibid
    Prison") or before the town it is in ("to run Crossroads Correctional Center in
    Shelby"). ``before`` and ``after`` are the texts right before and after the name (a
    few words)."""
    words = name.split()
    return (
        label in SITE_SLIP_LABELS
        and len(words) > 1
        and name[:1].isupper()
        and words[-1].rstrip(".").lower() in site_words
        and (PLACE_PREPOSITION.search(before) is not None or TOWN_AFTER.match(after) is not None)
    )


# prepositions that put a town around a site: "Camp Pendleton in California"
AROUND = frozenset({"in", "near", "outside", "at", "inside"})
# parts of speech that head a clause
CLAUSE_POS = frozenset({"VERB", "AUX"})


def hangs_on_site(tree: Tree, site: int, town: int) -> bool:
    """True when the town (its head token) hangs on the site (the site's head token) in
    the parse: below it ("the hospital where Alfie is admitted in Liverpool", "Derry's
    hospital") by no coordination, or as a sibling place ("sent to the prison in
    Muntinlupa", "a speech at Camp Pendleton in California"). A town merely coordinated
    with the site or named in another clause of its sentence is not attached."""
    head, dep, lower = tree.head, tree.dep, tree.lower
    current = town
    while head[current] != current and dep[current] != "conj":
        current = head[current]
        if current == site:
            return True
    preposition = head[town]
    if dep[town] != "pobj" or lower[preposition] not in AROUND or dep[preposition] != "prep":
        return False
    governor = head[preposition]
    site_governor = head[head[site]] if dep[site] == "pobj" else head[site]
    return governor in (site, site_governor)


def containing_town(
    site: tuple[int, int],
    qualifier: GazetteerEntry | None,
    tree: Tree,
    towns: Sequence[tuple[GazetteerEntry, Sequence[tuple[int, int]]]],
    near_km: float,
) -> GazetteerEntry | None:
    """The town or region a site (its first mention's characters ``site``) lies in.

    First the place named right after it ("Camp Pendleton, California"): a town is the
    answer; a state or country bounds the answer. Then, within that bound, the town in
    the site's sentence nearest to it that hangs on it in the parse (``hangs_on_site``),
    else the nearest one in its clause. Else the town the article names most often (the first
    named of equals), when every town the article names lies within ``near_km`` of it (a
    local story), it lies within the bound, and the site's own sentence does not name it
    apart from the site ("visited Camp Pendleton and flew on to Irbil"). A story whose
    towns lie far apart ("Trump Tower" with Washington and a misread Bolton) does not say
    where its sites are. A bound and no town: the bound itself (its country and admin1,
    no point). ``towns`` pairs each resolved town with the character spans of its
    mentions.
    """
    if qualifier is not None and qualifier.feature == "city":
        return qualifier

    def within(town: GazetteerEntry) -> bool:
        return qualifier is None or qualifier.country == town.country and (
            qualifier.feature == "country" or qualifier.admin1 == town.admin1)

    cities = [pair for pair in towns if within(pair[0])]
    near, same, apart = sentence_towns(site, tree, cities)
    if near or same:
        return near or same
    if cities:
        main = max(cities, key=lambda pair: (len(pair[1]), -min(pair[1])[0]))[0]
        if main not in apart and all(
            distance_km(main, town) <= near_km for town, _ in towns
        ):
            return main
    if qualifier is not None:
        return replace(qualifier, lat=None, lon=None)
    return None


def clause_head(tree: Tree, i: int) -> int:
    """The verb heading token i's clause (the sentence's root when none is above it)."""
    while tree.pos[i] not in CLAUSE_POS and tree.head[i] != i:
        i = tree.head[i]
    return i


def sentence_towns(
    site: tuple[int, int],
    tree: Tree,
    towns: Sequence[tuple[GazetteerEntry, Sequence[tuple[int, int]]]],
) -> tuple[GazetteerEntry | None, GazetteerEntry | None, list[GazetteerEntry]]:
    """The towns named in a site's sentence: the nearest one that hangs on it in the
    parse (``hangs_on_site``), the nearest one in its clause ("former Atlanta Mayor ...
    indicted in an investigation at City Hall"), each None when there is none, and those
    named apart from it: coordinated with it or in a clause coordinated with its own
    ("spoke at Camp Pendleton and then flew on to Irbil")."""
    tokens = tree.char_span(*site)
    if tokens is None:
        return None, None, []
    root = tree.root(*tokens).i
    low, high = tree.sentence(root)
    clause = clause_head(tree, root)
    conjuncts = {token.i for token in tree.conjuncts(tree.tokens[root])}
    clauses = {token.i for token in tree.conjuncts(tree.tokens[clause])}
    near: list[tuple[int, GazetteerEntry]] = []
    same: list[tuple[int, GazetteerEntry]] = []
    apart = []
    for town, spans in towns:
        for start, end in spans:
            town_tokens = tree.char_span(start, end)
            if town_tokens is None or not low <= town_tokens[0] < high:
                continue
            head = tree.root(*town_tokens).i
            if hangs_on_site(tree, root, head):
                near.append((abs(start - site[0]), town))
            elif head in conjuncts or clause_head(tree, head) in clauses:
                apart.append(town)
            elif clause_head(tree, head) == clause:
                same.append((abs(start - site[0]), town))
    return nearest(near), nearest(same), apart


def nearest(pairs: list[tuple[int, GazetteerEntry]]) -> GazetteerEntry | None:
    """The entry of the pair with the smallest distance; None for no pairs."""
    return min(pairs, key=lambda pair: pair[0])[1] if pairs else None


def site_entry(name: str, town: GazetteerEntry) -> GazetteerEntry:
    """A gazetteer-like entry for a site, at its town's point (or its region's, when it
    has none) and in its town's country."""
    return GazetteerEntry(
        name=name, country=town.country, lat=town.lat, lon=town.lon, geonameid=None,
        feature=SITE_FEATURE, admin1=town.admin1,
    )

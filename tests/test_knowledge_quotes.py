"""Format of the quote knowledge files: an analyst can extend them without reading code."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.knowledge.quotes import load_quotes

FOLDER = DEFAULT_DIRECTORY / "quotes"
COLUMNS = {
    "cues.tsv": ["cue", "type", "object"],
    "pronouns.tsv": ["pronoun", "types", "gender"],
    "honorifics.tsv": ["honorific", "gender"],
    "organisation_nouns.tsv": ["noun"],
    "document_nouns.tsv": ["noun"],
    "source_nouns.tsv": ["noun"],
    "first_names.tsv": ["name", "gender"],
    "kinship.tsv": ["noun", "gender"],
    "title_ranks.tsv": ["word"],
    "aspect_verbs.tsv": ["verb"],
}
GENDERS = {"male", "female"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t"))


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_header_and_row_width(name):
    header, *body = rows(FOLDER / name)
    assert header == COLUMNS[name]
    assert body and all(len(row) == len(header) and all(row) for row in body)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_first_column_is_unique_lower_case(name):
    keys = [row[0] for row in rows(FOLDER / name)[1:]]
    assert len(keys) == len(set(keys))
    assert all(key == key.lower().strip() for key in keys)


def test_cue_types():
    types = {row[1] for row in rows(FOLDER / "cues.tsv")[1:]}
    assert types == {"speech", "quote", "source", "passive"}
    assert {row[2] for row in rows(FOLDER / "cues.tsv")[1:]} == {"yes", "no"}


def test_pronoun_types_and_genders():
    for _, types, gender in rows(FOLDER / "pronouns.tsv")[1:]:
        assert set(types.split(",")) <= ENTITY_TYPES
        assert gender in GENDERS | {"-"}


def test_honorific_genders():
    assert {row[1] for row in rows(FOLDER / "honorifics.tsv")[1:]} <= GENDERS


def test_first_names_are_single_words_with_a_gender_and_a_source_line():
    lines = (FOLDER / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    assert "Social Security Administration" in lines[0] and "public domain" in lines[0]
    body = rows(FOLDER / "first_names.tsv")[1:]
    assert len(body) > 3000
    assert all(name.isalpha() and gender in GENDERS for name, gender in body)


def test_loaded_knowledge_reflects_the_files():
    knowledge = load_quotes(DEFAULT_DIRECTORY)
    assert {"say", "tell", "report"} <= knowledge.speech
    assert "continue" in knowledge.quote_only
    assert "deny" in knowledge.objects and "say" not in knowledge.objects
    assert ("according", "to") in knowledge.sources
    assert knowledge.pronouns["she"] == (frozenset({"PERSON"}), "female")
    assert knowledge.honorifics["mrs"] == "female"
    assert (knowledge.first_names["hillary"], knowledge.first_names["ted"]) == ("female", "male")
    assert "agency" in knowledge.organisation_nouns
    assert "vice" in knowledge.title_ranks
    assert "continue" in knowledge.aspect_verbs and "want" not in knowledge.aspect_verbs
    assert "quote" in knowledge.passive_speakers and "quote" not in knowledge.speech


def test_kinship_genders():
    genders = {row[1] for row in rows(FOLDER / "kinship.tsv")[1:]}
    assert genders <= GENDERS | {"-"}
    assert load_quotes(DEFAULT_DIRECTORY).kinship["wife"] == "female"

"""The event knowledge files: their format, and that every code they name exists."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsgraph.extract.event_knowledge import load_event_knowledge, parse_frame, read_tsv
from newsgraph.knowledge import DEFAULT_DIRECTORY

FOLDER = DEFAULT_DIRECTORY / "events"
PATTERN_FILES = ["patterns.tsv", "petrarch_verbs.tsv"]
ROLES = {"light", "intended", "expected", "hypothetical", "negated", "reported", "threat",
         "obliged", "able", "directive", "adjunct", "contrast", "setting"}
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


@pytest.fixture(scope="module")
def knowledge():
    return load_event_knowledge(DEFAULT_DIRECTORY)


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return next(csv.reader(handle, delimiter="\t"))


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_file_format(name, knowledge):
    path = FOLDER / name
    assert header(path) == ["pos", "lemma", "frame", "code", "note"]
    for row in read_tsv(path):
        assert row["pos"] in ("VERB", "NOUN"), row
        assert row["lemma"] == row["lemma"].lower().strip() and row["lemma"], row
        parse_frame(row["frame"])  # raises on an unknown frame
        assert row["code"] == "-" or row["code"] in knowledge.codes, row


def test_every_modality_code_exists(knowledge):
    for mode, table in knowledge.modality.items():
        for prefix, code in table.items():
            assert code in knowledge.codes, (mode, prefix, code)


def test_cue_roles_are_known():
    rows = read_tsv(FOLDER / "cues.tsv")
    assert header(FOLDER / "cues.tsv") == ["lemma", "role", "note"]
    assert {row["role"] for row in rows} <= ROLES


def test_cameo_codes_have_scales(knowledge):
    assert len(knowledge.codes) == 311  # CAMEO 1.1b3, with 106 split from 1056 again
    assert knowledge.codes["106"].name == "Demand withdrawal"
    for code in knowledge.codes.values():
        assert -10 <= code.goldstein <= 10
        assert code.quad_class in (1, 2, 3, 4)
        assert code.plover is None or code.plover in PLOVER_TYPES, code


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [
        ("010", None, None),  # statements have no PLOVER type
        ("020", "REQUEST", None),  # appeals are requests in PLOVER 2.0
        ("0234", "REQUEST", None),
        ("042", "CONSULT", "visit"),
        ("062", "COOPERATE", None),
        ("112", "ACCUSE", "disapprove"),
        ("163", "SANCTION", "restrict"),
        ("190", "ASSAULT", None),
    ],
)
def test_plover_types(knowledge, code, plover, mode):
    assert (knowledge.codes[code].plover, knowledge.codes[code].plover_mode) == (plover, mode)


def test_our_patterns_own_their_lemmas(knowledge):
    """A lemma in patterns.tsv is coded by its rows alone, never by a PETRARCH frame."""
    meet = knowledge.lookup("VERB", "meet")
    assert {p.origin for p in meet.values()} == {"patterns"}


def test_licences_ship_with_third_party_files():
    assert "CC BY-SA 4.0" in (FOLDER / "CAMEO2PLOVER-2021.LICENSE.txt").read_text()
    assert "MIT" in (FOLDER / "petrarch_verbs.LICENSE.txt").read_text()

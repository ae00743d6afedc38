"""The event knowledge files: their format, and that every code they name exists."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

import pytest

from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.knowledge.events import (
    CLOSED,
    expand_frame,
    load_classes,
    load_events,
    load_patterns,
    load_symmetric,
    parse_frame,
)
from newsgraph.knowledge.tsv import read_tsv
from tests.conftest import REPO, SHARED, shared_file

FOLDER = DEFAULT_DIRECTORY / "events"
PATTERN_FILES = ["patterns.tsv", "petrarch_verbs.tsv"]
ROLES = {"light", "intended", "expected", "hypothetical", "negated", "reported", "threat",
         "obliged", "able", "directive", "adjunct", "occasion", "contrast", "setting", "claim",
         "claimed", "halt", "question", "cancelled", "catenative", "control",
         "outcome", "imagined", "examine", "foretell", "commissive", "received", "consent",
         "obliging", "ready"}
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


@pytest.fixture(scope="module")
def knowledge():
    return load_events(DEFAULT_DIRECTORY)


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return next(csv.reader(handle, delimiter="\t"))


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_file_format(name, knowledge):
    path = FOLDER / name
    classes = load_classes(FOLDER / "word_classes.tsv")
    assert header(path) == ["pos", "lemma", "frame", "code", "note"]
    for row in read_tsv(path):
        assert row["pos"] in ("VERB", "NOUN"), row
        assert row["lemma"] == row["lemma"].lower().strip() and row["lemma"], row
        assert row["frame"] != CLOSED or name == "patterns.tsv", row
        for frame in expand_frame(row["frame"], classes):  # raises on an unknown class
            parse_frame(frame)  # raises on an unknown frame
        assert row["code"] == "-" or row["code"] in knowledge.codes, row


def test_word_classes_format():
    path = FOLDER / "word_classes.tsv"
    assert header(path) == ["class", "word", "note"]
    rows = read_tsv(path)
    for row in rows:
        assert row["class"].isalpha() and row["class"] == row["class"].lower(), row
        assert row["word"] == row["word"].lower().strip() and ":" not in row["word"], row
    assert len({(row["class"], row["word"]) for row in rows}) == len(rows)


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


# (pos, lemma, frame key, code, file): how patterns.tsv and PETRARCH's rows combine.
LOADED = {
    "our default replaces PETRARCH's": ("VERB", "attack", ("default",), "190", "patterns"),
    "PETRARCH's frame under our lemma": ("VERB", "attack", ("obj", "answer"), "111",
                                         "petrarch_verbs"),
    "PETRARCH's object frame under our kill": ("VERB", "kill", ("obj", "demonstrator"), "175",
                                               "petrarch_verbs"),
    "our frame wins on an equal key": ("VERB", "attack", ("prep", "on"), "190", "patterns"),
    "our word also takes its plural": ("VERB", "release", ("obj", "documents"), None,
                                       "patterns"),
    "a class expands to its words": ("VERB", "release", ("obj", "summary"), None, "patterns"),
    "a class expands to plurals": ("NOUN", "killing", ("prep_word", "of", "pigs"), None,
                                   "patterns"),
    "a named word beats its class": ("VERB", "attack", ("obj", "position"), "190", "patterns"),
    "PETRARCH's singular decides its plural": ("VERB", "deploy", ("obj", "peacekeepers"),
                                               "0334", "petrarch_verbs"),
}


@pytest.mark.parametrize("name", list(LOADED))
def test_pattern_loading(knowledge, name):
    pos, lemma, key, code, origin = LOADED[name]
    pattern = knowledge.lookup(pos, lemma)[key]
    assert (pattern.code, pattern.origin) == (code, origin)


@pytest.mark.parametrize("lemma", ["say", "report", "announce"])
def test_closed_lemma_has_only_its_default(knowledge, lemma):
    patterns = knowledge.lookup("VERB", lemma)
    assert list(patterns) == [("default",)] and patterns[("default",)].code is None


def test_unknown_word_class_is_refused(tmp_path):
    path = tmp_path / "patterns.tsv"
    path.write_text("pos\tlemma\tframe\tcode\tnote\nVERB\tkill\tobj:@unknown\t-\t\n")
    with pytest.raises(ValueError, match="unknown word class"):
        load_patterns([path], classes={"animal": ["pig"]})


def test_licences_ship_with_third_party_files():
    assert "CC BY-SA 4.0" in (FOLDER / "CAMEO2PLOVER-2021.LICENSE.txt").read_text()
    assert "MIT" in (FOLDER / "petrarch_verbs.LICENSE.txt").read_text()


def test_a_cue_keeps_every_role_its_rows_give(knowledge):
    assert knowledge.role("announce") == "reported"  # its first row: its main role
    assert knowledge.has_role("announce", "light")  # "announced a suspension"
    assert knowledge.role("warn") == "threat" and knowledge.has_role("warn", "reported")


def test_reporting_verbs_of_the_quote_lexicon_are_reported_cues(knowledge):
    speech = {r["cue"] for r in read_tsv(DEFAULT_DIRECTORY / "quotes" / "cues.tsv")
              if r["type"] == "speech"}
    assert {"declare", "insist", "reiterate"} <= speech
    assert all(knowledge.has_role(cue, "reported") for cue in speech)


def test_no_note_quotes_a_benchmark_sentence():
    """Notes name a construction, never a dev sentence (rules fitted to one sentence fail on
    unseen text): no run of three or more quoted or example words is from the PLOVER dev set."""
    dev = [" " + r["text"].lower() + " "
           for r in json.loads(shared_file("bench/plover-gsr/plover_gsr_dev.json").read_text())[1:]]
    quoted = []
    for path in sorted(FOLDER.glob("*.tsv")):
        if path.name.startswith("petrarch"):
            continue
        for row in read_tsv(path):
            note = (row.get("note") or "").lower()
            for fragment in re.findall(r"[a-z][a-z' ]+[a-z]", note):
                if len(fragment.split()) >= 3 and any(f" {fragment} " in d for d in dev):
                    quoted.append((path.name, fragment))
    assert quoted == []


def test_symmetric_codes_are_known_cameo_codes_of_cooperation(knowledge):
    symmetric = load_symmetric(DEFAULT_DIRECTORY)
    assert {"040", "046", "057"} <= symmetric
    assert "042" not in symmetric  # making a visit has a visitor and a host
    for code in symmetric:
        assert code in knowledge.codes, code
        assert knowledge.codes[code].quad_class in (1, 2), code


def test_petrarch_phrases_stay_whole_and_no_event_patterns_are_kept():
    """The converter keeps a braced phrase whole ("gave no reason" is PETRARCH's, "gave a
    reason" is not), a literal phrase over a synonym set's row, ``[---]`` as ``-``, and a
    frame of plain statement (010) as ``-``: saying is attribution."""
    rows = {(r["lemma"], r["frame"]): r["code"] for r in read_tsv(FOLDER / "petrarch_verbs.tsv")}
    assert rows[("give", "obj:no reason")] == "-" and rows[("issue", "obj:statement")] == "-"
    assert ("give", "obj:reason") not in rows
    assert ("rule out", "obj:link") not in rows and rows[("rule out", "obj:diplomatic link")]
    assert rows[("fire", "obj:tear gas")] == "175"  # not the 150 of a &WEAPON pattern
    assert rows[("hold", "obj:session")] == "-"
    assert rows[("avert", "obj:attack")] == "-"


def test_the_converter_makes_the_shipped_verb_table(tmp_path):
    """petrarch_verbs.tsv is what tools/convert_cameo_verbs.py makes of the shared dictionary."""
    shared_file("knowledge/phoenix/CAMEO.2.0.txt")
    spec = importlib.util.spec_from_file_location(
        "convert_cameo_verbs", REPO / "tools" / "convert_cameo_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(str(SHARED / "knowledge"), str(tmp_path))
    made = (tmp_path / "petrarch_verbs.tsv").read_text(encoding="utf-8")
    assert made == (FOLDER / "petrarch_verbs.tsv").read_text(encoding="utf-8")

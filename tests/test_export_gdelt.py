"""GDELT 2.0 event export: the column list's format, the code splitting, and the export of
examples/ read back with the 61-column list."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.export.gdelt import actor_fields, date_fields, gdelt_line, global_event_id
from newsgraph.export.gdelt_codes import DATA, actor_code_lists, gdelt_columns
from newsgraph.knowledge.tsv import read_tsv
from newsgraph.store import Store
from tests.conftest import shared_file


def export_rows(pipeline, db: Path, *args: str) -> tuple[list[str], list[dict[str, str]]]:
    """The export's lines, and each read back as a dict with the 61 GDELT column names."""
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "gdelt", *args],
                                obj=Runtime(pipeline), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    reader = csv.reader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    assert all(len(row) == 61 for row in rows)
    return lines, [dict(zip(gdelt_columns(), row, strict=True)) for row in rows]


# --- the data files -------------------------------------------------------------------
def test_column_list_is_gdelts_61_columns_in_order():
    rows = read_tsv(DATA / "gdelt_events_columns.tsv")
    assert [int(r["position"]) for r in rows] == list(range(1, 62))
    assert all(r["type"] in {"INTEGER", "STRING", "FLOAT"} for r in rows)
    columns = gdelt_columns()
    assert len(set(columns)) == 61
    assert columns[:2] == ("GLOBALEVENTID", "SQLDATE") and columns[-2:] == ("DATEADDED",
                                                                           "SOURCEURL")
    assert columns.index("EventCode") == 26 and columns.index("ActionGeo_Lat") == 56


def test_column_list_matches_the_shared_gdelt_layout():
    layout = shared_file("knowledge/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    with layout.open(encoding="utf-8") as handle:
        assert tuple(row["tableId"] for row in csv.DictReader(handle)) == gdelt_columns()


@pytest.mark.parametrize("name", ["type", "known_group", "religion", "ethnic"])
def test_actor_code_lists_are_three_letter_codes_with_labels(name):
    rows = read_tsv(DATA / f"cameo_{name}_codes.tsv")
    assert len(rows) > 20
    assert all(len(r["code"]) == 3 and r["code"].isalpha() and r["label"] for r in rows)


# --- pure row building -----------------------------------------------------------------
def test_actor_codes_are_split_into_gdelts_parts():
    lists = actor_code_lists()
    assert actor_fields("Actor1", "PAKGOVMIL", "Imran Khan", "PAK", lists) == {
        "Actor1Code": "PAKGOVMIL", "Actor1Name": "IMRAN KHAN", "Actor1CountryCode": "PAK",
        "Actor1Type1Code": "GOV", "Actor1Type2Code": "MIL"}
    assert actor_fields("Actor2", "IGOUNO", "United Nations", None, lists) == {
        "Actor2Code": "IGOUNO", "Actor2Name": "UNITED NATIONS", "Actor2KnownGroupCode": "UNO",
        "Actor2Type1Code": "IGO"}
    assert actor_fields("Actor1", "IRQSHI", "Iraqi Shia", "IRQ", lists)[
        "Actor1Religion1Code"] == "SHI"
    assert actor_fields("Actor2", None, None, None, lists) == {}


def test_dates_fill_the_fields_they_determine():
    assert date_fields("2022-02-24") == {"SQLDATE": "20220224", "MonthYear": "202202",
                                         "Year": "2022", "FractionDate": "2022.2301"}
    assert date_fields("1972") == {"Year": "1972"}
    assert date_fields(None) == {}


def test_a_tab_or_line_break_in_a_value_cannot_break_the_row():
    line = gdelt_line({"GLOBALEVENTID": 1, "Actor1Name": "A\tB\nC", "SOURCEURL": None})
    assert line.split("\t")[:7] == ["1", "", "", "", "", "", "A B C"]
    assert line.count("\t") == 60 and "\n" not in line


def test_global_event_ids_are_stable_positive_integers():
    assert global_event_id("e4dbe3c8d467f75c") == global_event_id("e4dbe3c8d467f75c")
    assert 0 < global_event_id("e4dbe3c8d467f75c") < 2**63
    assert global_event_id("e4dbe3c8d467f75c") != global_event_id("e4dbe3c8d467f75d")


# --- the export of examples/ ---------------------------------------------------------
def test_examples_export_reads_back_with_the_61_columns_and_matches_the_store(
        pipeline, examples_db):
    lines, rows = export_rows(pipeline, examples_db)
    with Store(examples_db, read_only=True) as store:
        _, events = store.query("SELECT id, cameo, cameo_root, quad_class, goldstein,"
                                " source_code, target_code FROM events")
    assert len(rows) == len(events) == 109 and lines[0].count("\t") == 60
    by_id = {str(global_event_id(e[0])): e for e in events}
    goldstein = {r["code"]: r["goldstein"] for r in read_tsv(
        shared_file("knowledge/cameo/cameo_codes_goldstein_quadclass.tsv"))}
    for row in rows:
        _, cameo, root, quad, score, source, target = by_id[row["GLOBALEVENTID"]]
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (
            cameo, cameo[:3], root)
        assert row["QuadClass"] == str(quad)
        assert float(row["GoldsteinScale"]) == score == float(goldstein[cameo])
        assert (row["Actor1Code"], row["Actor2Code"]) == (source or "", target or "")
        assert row["Actor1CountryCode"] == (source or "")[:3] or not row["Actor1CountryCode"]
        assert int(row["NumMentions"]) >= int(row["NumArticles"]) >= 1
        assert len(row["DATEADDED"]) == 14
    assert {row["IsRootEvent"] for row in rows} == {"0", "1"}


def test_the_seed_meeting_in_moscow_is_one_exact_gdelt_row(pipeline, examples_db):
    _, rows = export_rows(pipeline, examples_db, "--source-code", "PAKGOV",
                          "--target-code", "RUSGOV", "--cameo", "040")
    moscow = [r for r in rows if r["ActionGeo_FullName"] == "Moscow, Russia"]
    assert len(moscow) == 1
    filled = {name: value for name, value in moscow[0].items() if value}
    assert filled.pop("GLOBALEVENTID").isdigit() and len(filled.pop("DATEADDED")) == 14
    assert filled == {
        "SQLDATE": "20220224", "MonthYear": "202202", "Year": "2022",
        "FractionDate": "2022.2301",
        "Actor1Code": "PAKGOV", "Actor1Name": "IMRAN KHAN", "Actor1CountryCode": "PAK",
        "Actor1Type1Code": "GOV",
        "Actor2Code": "RUSGOV", "Actor2Name": "VLADIMIR PUTIN", "Actor2CountryCode": "RUS",
        "Actor2Type1Code": "GOV",
        "IsRootEvent": "1", "EventCode": "040", "EventBaseCode": "040", "EventRootCode": "04",
        "QuadClass": "1", "GoldsteinScale": "1.0",
        # the story's: headline, lead and body, in either direction (a meeting is mutual)
        "NumMentions": "4", "NumSources": "1", "NumArticles": "1",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow, Russia",
        "ActionGeo_CountryCode": "RS", "ActionGeo_Lat": "55.75204",
        "ActionGeo_Long": "37.61781", "ActionGeo_FeatureID": "524901",
    }


def test_header_and_filters(pipeline, examples_db):
    lines, _ = export_rows(pipeline, examples_db, "--header", "--cameo", "19")
    assert lines[0].split("\t") == list(gdelt_columns())
    rows = [dict(zip(gdelt_columns(), line.split("\t"), strict=True)) for line in lines[1:]]
    assert rows and all(r["EventRootCode"] == "19" and r["QuadClass"] == "4" for r in rows)
    _, everything = export_rows(pipeline, examples_db)
    assert len(rows) < len(everything)


def test_mention_counts_are_the_story_level_events_of_events_grouped(pipeline, examples_db):
    """One definition of a story: every exported row's NumMentions/NumSources/NumArticles
    are its story's in ``events --grouped``, and a story's rows are its mentions."""
    _, rows = export_rows(pipeline, examples_db)
    result = CliRunner().invoke(cli, ["events", "--db", str(examples_db), "--grouped",
                                      "--limit", "0", "--format", "json"],
                                obj=Runtime(pipeline), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    grouped = {story["story_id"]: story for story in map(json.loads, result.stdout.splitlines())}
    with Store(examples_db, read_only=True) as store:
        _, stories = store.query("SELECT story_id, event_id FROM story_mentions")
    story_of = {str(global_event_id(event)): story for story, event in stories}
    exported_per_story: dict[str, int] = {}
    for row in rows:
        story = grouped[story_of[row["GLOBALEVENTID"]]]
        assert (int(row["NumMentions"]), int(row["NumSources"]), int(row["NumArticles"])) == (
            story["num_mentions"], story["num_sources"], story["num_articles"])
        exported_per_story[story["story_id"]] = exported_per_story.get(story["story_id"], 0) + 1
    assert exported_per_story == {sid: story["num_mentions"] for sid, story in grouped.items()}
    assert any(story["num_mentions"] > story["num_articles"] for story in grouped.values())

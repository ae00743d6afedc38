"""Stored text that would attack its reader is printed and exported harmlessly."""

from __future__ import annotations

import csv
import functools
import io
import json

import duckdb
import pytest

from tests.test_cli import SENTENCE, invoke_with


@pytest.fixture
def invoke(pipeline):
    return functools.partial(invoke_with, pipeline)


HOSTILE_TITLE = "\x1b[2J\x1b]0;pwned\x07Breaking"
FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\")"


def test_listings_escape_terminal_sequences_and_csv_neutralises_formulas(invoke, tmp_path):
    lines = [{"id": "a", "title": HOSTILE_TITLE, "text": SENTENCE},
             {"id": "b", "title": FORMULA_TITLE, "text": SENTENCE + " Then he left."}]
    source = tmp_path / "hostile.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines))
    db = tmp_path / "news.duckdb"
    assert invoke("run", source, "--db", db).exit_code == 0
    # ingest replaces control characters; a store written before it (or by another tool)
    # may still hold them
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE articles SET title = ? WHERE external_id = 'a'",
                           [HOSTILE_TITLE])

    table = invoke("articles", "--db", db).stdout
    assert "\x1b" not in table and "\x07" not in table
    assert "\\x1b[2J\\x1b]0;pwned\\x07Breaking" in table

    rows = list(csv.DictReader(io.StringIO(invoke("articles", "--db", db, "--format", "csv")
                                           .stdout)))
    assert {row["title"] for row in rows} == {HOSTILE_TITLE, "'" + FORMULA_TITLE}


def test_a_file_name_with_an_escape_sequence_is_reported_escaped(invoke, tmp_path):
    (tmp_path / "good.txt").write_text(SENTENCE)
    (tmp_path / "bad\x1b[31m.txt").write_text("")
    result = invoke("run", tmp_path, "--db", tmp_path / "news.duckdb")
    assert result.exit_code == 0
    assert "bad\\x1b[31m.txt: empty file" in result.stdout
    assert "\x1b" not in result.output


def test_limit_must_be_a_count(invoke, tmp_path):
    for bad in ("-1", str(2**63)):
        result = invoke("articles", "--db", tmp_path / "x.duckdb", "--limit", bad)
        assert result.exit_code == 2
        assert "Traceback" not in result.output and "--limit" in result.output


@pytest.mark.parametrize("pattern", ["%", "_", "%Putin%"])
def test_like_wildcards_in_filters_match_only_themselves(invoke, tmp_path, pattern):
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a", "text": SENTENCE}))
    db = tmp_path / "news.duckdb"
    invoke("run", source, "--db", db)
    assert "Putin" in invoke("entities", "--db", db, "--name", "putin").stdout
    listing = invoke("entities", "--db", db, "--name", pattern, "--format", "json")
    assert listing.exit_code == 0 and listing.stdout == ""


def test_html_tags_never_reach_actor_names(invoke, tmp_path):
    page = ("<html><head><title>Talks in Moscow</title></head><body><article>"
            "<h1>Talks in Moscow</h1><p>Russian President <b>Vladimir Putin</b> met Pakistan "
            "Prime Minister <i>Imran Khan</i> in <a href='/m'>Moscow</a> on Thursday.</p>"
            "<p>The two leaders discussed energy and trade for several hours.</p>"
            "</article></body></html>")
    (tmp_path / "page.html").write_text(page)
    db = tmp_path / "news.duckdb"
    assert invoke("run", tmp_path / "page.html", "--db", db).exit_code == 0
    entities = [json.loads(line) for line in
                invoke("entities", "--db", db, "--format", "json").stdout.splitlines()]
    names = {entity["name"] for entity in entities}
    assert {"Vladimir Putin", "Imran Khan", "Moscow"} <= names
    assert not [name for name in names if "<" in name or ">" in name]


def test_an_actor_name_with_escape_sequences_is_listed_escaped(invoke, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SENTENCE + "\n")
    db = tmp_path / "news.duckdb"
    assert invoke("run", source, "--db", db).exit_code == 0
    with duckdb.connect(str(db)) as connection:  # a store written by another tool
        connection.execute("UPDATE entities SET name = ? WHERE name = 'Vladimir Putin'",
                           ["\x1b]0;pwned\x07Vladimir \u202ePutin"])
    for kind in ("entities", "events"):
        table = invoke(kind, "--db", db).stdout
        assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    assert "\\x1b]0;pwned\\x07Vladimir \\u202ePutin" in invoke("entities", "--db", db).stdout

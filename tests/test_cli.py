"""The newsgraph command end to end: real model, real DuckDB files, real bad inputs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from tests.conftest import REPO, SEED_ARTICLE, SEED_PUBLISHED, shared_file

EXAMPLES = REPO / "examples"
SENTENCE = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_extract_seed_article_prints_the_contract(tmp_path):
    seed = SEED_ARTICLE
    result = invoke("extract", seed, "--published", SEED_PUBLISHED, "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["article"]["syndicated"] is True
    assert record["article"]["published"] == SEED_PUBLISHED
    assert record["article"]["text"] == seed.read_text(encoding="utf-8")
    people = " | ".join(e["name"] for e in record["entities"] if e["type"] == "PERSON")
    for name in ["Imran Khan", "Vladimir Putin", "Joe Biden", "Ned Price", "Nawaz Sharif"]:
        assert name in people


def test_bundled_seed_article_is_the_shared_one():
    shared = shared_file("corpus/seed/article.txt")
    assert SEED_ARTICLE.read_bytes() == shared.read_bytes()


def test_extract_jsonl_prints_one_aligned_line_per_input_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": SENTENCE}),
        "{broken",
        json.dumps({"id": "c", "text": SENTENCE, "published": "2020-01-01"}),
        json.dumps({"id": "d"}),
    ]) + "\n")
    result = invoke("extract", path, "--published", "2022-02-24", "--source", "Wire")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["external_id"] for line in lines] == ["a", None, "c", "d"]
    assert [bool(line.get("error")) for line in lines] == [False, True, False, True]
    assert lines[0]["article"]["published"] == "2022-02-24"
    assert lines[2]["article"]["published"] == "2020-01-01"  # the line's own value wins
    assert lines[0]["article"]["source"] == "Wire"
    assert lines[3]["entities"] == [] and "text" in lines[3]["error"]
    assert f"{path}:2" in result.stderr
    assert result.exit_code == 0


def test_extract_text_format_is_a_readable_summary(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(SENTENCE)
    result = invoke("extract", path, "--format", "text")
    assert result.exit_code == 0
    assert "Vladimir Putin [PERSON]" in result.stdout and "entities (" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("missing.txt", None, "no such file"), ("empty.txt", b"", "empty file"),
     ("binary.txt", b"\x00\x01\x02PNG", "binary")],
)
def test_extract_bad_file_is_one_clear_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = invoke("extract", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_published_option_is_refused_before_work(tmp_path):
    result = invoke("extract", tmp_path / "x.txt", "--published", "24/02/2022x")
    assert result.exit_code == 2 and "published" in result.stderr


def test_run_examples_twice_gives_identical_counts(tmp_path):
    db = tmp_path / "news.duckdb"
    first = invoke("run", EXAMPLES, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "21 new, 0 updated, 0 unchanged, 0 skipped" in first.stdout
    counts = invoke("stats", "--db", db).stdout
    second = invoke("run", EXAMPLES, "--db", db)
    assert "0 new, 0 updated, 21 unchanged, 0 skipped" in second.stdout
    assert invoke("stats", "--db", db).stdout == counts
    assert "articles: 21" in counts


def test_run_goes_on_past_bad_inputs_and_lists_them(tmp_path):
    (tmp_path / "good.txt").write_text(SENTENCE)
    (tmp_path / "empty.txt").write_text("")
    other = "US President Joe Biden imposed sanctions on Russia on Tuesday."
    (tmp_path / "lines.jsonl").write_text("nope\n" + json.dumps({"id": "x", "text": other}))
    db = tmp_path / "news.duckdb"
    result = invoke("run", tmp_path, tmp_path / "missing.txt", "--db", db)
    assert result.exit_code == 0
    assert "2 new, 0 updated, 0 unchanged, 3 skipped" in result.stdout
    assert "empty.txt: empty file" in result.stdout
    assert "lines.jsonl:1: not JSON" in result.stdout
    assert "missing.txt: no such file" in result.stdout


def test_run_with_nothing_processable_exits_2_and_keeps_the_store(tmp_path):
    db = tmp_path / "news.duckdb"
    (tmp_path / "good.txt").write_text(SENTENCE)
    invoke("run", tmp_path / "good.txt", "--db", db)
    (tmp_path / "empty.txt").write_text("")
    result = invoke("run", tmp_path / "empty.txt", "--db", db)
    assert result.exit_code == 2
    assert "articles: 1" in invoke("stats", "--db", db).stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_listings_in_every_format(tmp_path, fmt):
    db = tmp_path / "news.duckdb"
    (tmp_path / "good.txt").write_text(SENTENCE)
    invoke("run", tmp_path / "good.txt", "--db", db)
    result = invoke("entities", "--db", db, "--type", "PERSON", "--format", fmt)
    assert result.exit_code == 0
    assert "Vladimir Putin" in result.stdout
    if fmt == "json":
        names = {json.loads(line)["name"] for line in result.stdout.splitlines()}
        assert {"Vladimir Putin", "Imran Khan"} <= names


def test_listing_a_missing_store_says_how_to_create_it(tmp_path):
    result = invoke("events", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "newsgraph run" in result.stderr

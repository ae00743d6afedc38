"""The newsgraph command end to end: real model, real DuckDB files, real bad inputs."""

from __future__ import annotations

import functools
import json

import pytest

from newsgraph.cli import cli
from newsgraph.store import FILTERS, SCHEMA_VERSION
from tests.conftest import (
    REPO,
    SEED_ARTICLE,
    SEED_PUBLISHED,
    copy_store,
    invoke_with,
    shared_file,
)

EXAMPLES = REPO / "examples"
SENTENCE = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."


@pytest.fixture
def invoke(pipeline):
    """``invoke(*args)``: the command line, sharing the session's one Pipeline."""
    return functools.partial(invoke_with, pipeline)


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, examples_run):
    """The session's run of examples/, with that first run's result, in a copy of its store
    (a test here runs examples/ into it again)."""
    db, first = examples_run
    return copy_store(db, tmp_path_factory.mktemp("examples")), first


def test_extract_seed_article_prints_the_contract(invoke, tmp_path):
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


def test_extract_jsonl_prints_one_aligned_line_per_input_line(invoke, tmp_path):
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


def test_extract_text_format_is_a_readable_summary(invoke, tmp_path):
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
def test_extract_bad_file_is_one_clear_line_and_exit_2(invoke, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = invoke("extract", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_published_option_is_refused_before_work(invoke, tmp_path):
    result = invoke("extract", tmp_path / "x.txt", "--published", "24/02/2022x")
    assert result.exit_code == 2 and "published" in result.stderr


def test_run_examples_twice_gives_identical_counts(invoke, examples_store):
    db, first = examples_store
    assert first.exit_code == 0, first.stderr
    assert "21 new, 0 updated, 0 unchanged, 0 skipped" in first.stdout
    counts = invoke("stats", "--db", db).stdout
    second = invoke("run", EXAMPLES, "--db", db)
    assert "0 new, 0 updated, 21 unchanged, 0 skipped" in second.stdout
    assert invoke("stats", "--db", db).stdout == counts
    assert "articles: 21" in counts


def test_run_goes_on_past_bad_inputs_and_lists_them(invoke, tmp_path):
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


def test_run_with_nothing_processable_exits_2_and_keeps_the_store(invoke, tmp_path):
    db = tmp_path / "news.duckdb"
    (tmp_path / "good.txt").write_text(SENTENCE)
    invoke("run", tmp_path / "good.txt", "--db", db)
    (tmp_path / "empty.txt").write_text("")
    result = invoke("run", tmp_path / "empty.txt", "--db", db)
    assert result.exit_code == 2
    assert "articles: 1" in invoke("stats", "--db", db).stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_listings_in_every_format(invoke, examples_store, fmt):
    db, _ = examples_store
    result = invoke("entities", "--db", db, "--type", "PERSON", "--format", fmt)
    assert result.exit_code == 0
    assert "Vladimir Putin" in result.stdout
    if fmt == "json":
        names = {json.loads(line)["name"] for line in result.stdout.splitlines()}
        assert {"Vladimir Putin", "Imran Khan"} <= names


def test_listing_a_missing_store_says_how_to_create_it(invoke, tmp_path):
    result = invoke("events", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "newsgraph run" in result.stderr


def test_every_filter_of_the_store_is_an_option_of_its_listing():
    for kind, filters in FILTERS.items():
        options = {param.name for param in cli.commands[kind].params}
        assert {item.name for item in filters} <= options, kind


@pytest.mark.parametrize(
    ("args", "message"),
    [(["events", "--since", "2020-13-01"], "not a date"),
     (["events", "--factuality", "rumoured"], "not one of asserted"),
     (["events", "--min-confidence", "1.5"], "not a number from 0 to 1"),
     (["entities", "--country", "Pakistan"], "alpha-3"),
     (["quotes", "--article", "xyz"], "article id")],
)
def test_a_bad_filter_value_is_refused_before_the_store_is_opened(invoke, tmp_path, args,
                                                                   message):
    result = invoke(*args, "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2
    assert message in result.stderr and "no such database" not in result.stderr


def test_until_a_month_includes_the_whole_month(invoke, examples_store):
    db, _ = examples_store
    result = invoke("articles", "--db", db, "--since", "2020-06", "--until", "2020-07",
                    "--format", "json")
    published = sorted(json.loads(line)["published"] for line in result.stdout.splitlines())
    assert published == ["2020-06-05", "2020-06-11", "2020-07-02", "2020-07-12"]


def test_filters_narrow_events_and_quotes(invoke, examples_store):
    db, _ = examples_store
    events = invoke("events", "--db", db, "--actor", "irn", "--format", "json", "--limit", "0")
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert rows and all("IRN" in (r["source_code"] or "")[:3] + (r["target_code"] or "")[:3]
                        for r in rows)
    quotes = invoke("quotes", "--db", db, "--kind", "DIRECT", "--format", "json", "--limit", "0")
    kinds = {json.loads(line)["kind"] for line in quotes.stdout.splitlines()}
    assert kinds == {"direct"}


def test_min_confidence_keeps_only_events_at_least_that_confident(invoke, examples_store):
    db, _ = examples_store
    listed = invoke("events", "--db", db, "--format", "json", "--limit", "0")
    scores = [json.loads(line)["confidence"] for line in listed.stdout.splitlines()]
    threshold = sorted(scores)[len(scores) // 2]
    kept = invoke("events", "--db", db, "--format", "json", "--limit", "0",
                  "--min-confidence", str(threshold))
    kept_scores = [json.loads(line)["confidence"] for line in kept.stdout.splitlines()]
    assert kept_scores and all(score >= threshold for score in kept_scores)
    assert len(kept_scores) == sum(score >= threshold for score in scores)


def test_stats_counts_what_the_store_holds(invoke, examples_store):
    db, _ = examples_store
    result = invoke("stats", "--db", db)
    assert result.exit_code == 0
    assert f"store: {db} (schema {SCHEMA_VERSION})" in result.stdout
    assert "articles: 21" in result.stdout and "events by PLOVER type: " in result.stdout

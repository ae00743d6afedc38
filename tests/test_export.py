"""``newsgraph export`` (jsonl, parquet, csv) on a real store built from examples/."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from click.testing import CliRunner

from newsgraph.cli import Runtime, cli
from newsgraph.store import Store
from tests.conftest import EXAMPLES, SEED_ARTICLE


def invoke(pipeline, *args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Runtime(pipeline),
                              catch_exceptions=False)


def store_rows(db, sql: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.query(sql)[1]


@pytest.fixture(scope="module")
def extract_lines(pipeline) -> dict[str, str]:
    """What ``newsgraph extract examples/`` prints, by article id."""
    result = invoke(pipeline, "extract", EXAMPLES)
    assert result.exit_code == 0
    return {json.loads(line)["article"]["id"]: line for line in result.stdout.splitlines()}


def test_jsonl_lines_are_exactly_what_extract_prints(pipeline, examples_db, extract_lines,
                                                     tmp_path):
    out = tmp_path / "all.jsonl"
    result = invoke(pipeline, "export", "--db", examples_db, "--format", "jsonl", "--out", out)
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(extract_lines) == 21
    for line in lines:
        assert line == extract_lines[json.loads(line)["article"]["id"]]
    assert "exported 21 articles" in result.stderr


def test_jsonl_filters_pick_articles_and_keep_them_whole(pipeline, examples_db, extract_lines):
    result = invoke(pipeline, "export", "--db", examples_db, "--format", "jsonl",
                    "--source-code", "PAKGOV")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    wanted = {aid for (aid,) in store_rows(
        examples_db, "SELECT DISTINCT article_id FROM events WHERE source_code LIKE 'PAKGOV%'")}
    assert {r["article"]["id"] for r in records} == wanted
    assert 0 < len(records) < len(extract_lines)
    seed = next(r for r in records if r["article"]["text"] == SEED_ARTICLE.read_text())
    # the whole article, not only its PAKGOV events
    assert {e["source"]["code"] for e in seed["events"]} > {"PAKGOV"}


def test_parquet_round_trips_through_duckdb_and_loads_in_pandas(pipeline, examples_db,
                                                                tmp_path):
    out = tmp_path / "parquet"
    result = invoke(pipeline, "export", "--db", examples_db, "--format", "parquet",
                    "--out", out)
    assert result.exit_code == 0, result.stderr
    tables = ("articles", "entities", "mentions", "events", "quotes", "places", "dates")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in tables)
    reader = duckdb.connect()
    for table in tables:
        order = "id" if table != "mentions" else "entity_id, start"
        stored = store_rows(examples_db, f"SELECT * FROM {table} ORDER BY {order}")
        copied = reader.execute(
            f"SELECT * FROM read_parquet('{out / table}.parquet') ORDER BY {order}").fetchall()
        assert copied == stored and stored, table
    pandas = pytest.importorskip("pandas")
    events = pandas.read_parquet(out / "events.parquet")
    assert len(events) == 109
    meeting = events[(events.source_code == "PAKGOV") & (events.target_code == "RUSGOV")
                     & (events.cameo == "040") & (events.place_name == "Moscow")]
    assert meeting.iloc[0].date == "2022-02-24" and meeting.iloc[0].plover == "CONSULT"


def test_parquet_with_a_filter_holds_the_matching_events_and_their_articles(
        pipeline, examples_db, tmp_path):
    out = tmp_path / "consult"
    invoke(pipeline, "export", "--db", examples_db, "--format", "parquet", "--out", out,
           "--plover", "CONSULT")
    reader = duckdb.connect()
    plovers = reader.execute(
        f"SELECT DISTINCT plover FROM read_parquet('{out}/events.parquet')").fetchall()
    assert plovers == [("CONSULT",)]
    ids = {r[0] for r in reader.execute(f"SELECT id FROM read_parquet('{out}/articles.parquet')"
                                        ).fetchall()}
    quote_articles = {r[0] for r in reader.execute(
        f"SELECT DISTINCT article_id FROM read_parquet('{out}/quotes.parquet')").fetchall()}
    assert ids == {aid for (aid,) in store_rows(
        examples_db, "SELECT DISTINCT article_id FROM events WHERE plover = 'CONSULT'")}
    assert quote_articles <= ids and len(ids) < 21


def test_csv_is_the_events_table_and_filters_narrow_it(pipeline, examples_db):
    everything = invoke(pipeline, "export", "--db", examples_db, "--format", "csv")
    rows = list(csv.reader(io.StringIO(everything.stdout)))
    assert rows[0][:5] == ["id", "article_id", "source_entity", "source_name", "source_code"]
    assert "record" not in rows[0] and len(rows) == 1 + 109
    russia = invoke(pipeline, "export", "--db", examples_db, "--format", "csv",
                    "--actor", "RUS", "--since", "2022-02-24", "--until", "2022-02-24")
    narrowed = list(csv.DictReader(io.StringIO(russia.stdout)))
    expected = store_rows(examples_db, "SELECT count(*) FROM events WHERE date = '2022-02-24'"
                          " AND (source_code LIKE 'RUS%' OR target_code LIKE 'RUS%')")[0][0]
    assert len(narrowed) == expected > 0
    assert all(r["date"] == "2022-02-24" and "RUS" in (r["source_code"][:3], r["target_code"][:3])
               for r in narrowed)


def test_csv_cells_that_would_run_as_formulas_are_neutralised(pipeline, tmp_path):
    db = tmp_path / "hostile.duckdb"
    meeting = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."
    with Store(db) as store:
        for start in ("@SUM(1+1)", "-2+3"):
            article = pipeline.make_article(f"{start} {meeting}", published="2022-03-07")
            store.write(pipeline.analyse(article))
        sentences = sorted(s for (s,) in store.query("SELECT sentence FROM events")[1])
    assert [s[:4] for s in sentences] == ["-2+3", "@SUM"]
    result = invoke(pipeline, "export", "--db", db, "--format", "csv")
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert {"'" + s for s in sentences} <= set(cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "gdelt", "--out", "{tmp}/missing/dir/out.tsv"],
     "{tmp}/missing/dir/out.tsv: cannot write: No such file or directory"),
    (["--format", "jsonl", "--out", "{tmp}"], "{tmp}: is a directory"),
    (["--format", "parquet", "--out", "{db}"], "{db}: is a file; parquet needs a directory"),
    (["--format", "parquet"], "parquet writes one file per table: give a directory"),
])
def test_bad_out_path_or_value_is_one_clear_line(pipeline, examples_db, tmp_path, args,
                                                 message):
    filled = [a.format(tmp=tmp_path, db=examples_db) for a in args]
    result = invoke(pipeline, "export", "--db", examples_db, *filled)
    assert result.exit_code == 2
    assert message.format(tmp=tmp_path, db=examples_db) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert not list(tmp_path.glob("**/*.partial"))


def test_unknown_format_is_one_line_naming_the_choices(pipeline, examples_db):
    result = invoke(pipeline, "export", "--db", examples_db, "--format", "xml")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("newsgraph: error: no export format 'xml' "
                             "(one of gdelt, jsonl, parquet, csv)\n")

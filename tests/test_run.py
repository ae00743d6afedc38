"""Runs into real DuckDB files: batched writes, resuming, worker processes and Dask agree."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.ingest import RawArticle, iter_inputs
from newsgraph.run import InlineEngine, ProcessEngine, run
from newsgraph.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TABLES = ("articles", "entities", "mentions", "events", "quotes", "places", "dates")
TEXTS = [
    "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow.",
    "Germany condemned the attack on the embassy in Kabul on Monday.",
    "The United Nations urged Israel and Hamas to agree to a ceasefire.",
]


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every stored row of every table, sorted, without the time it was stored."""
    found = {}
    with Store(path, read_only=True) as store:
        for table in TABLES:
            columns, _ = store.query(f"SELECT * FROM {table} LIMIT 0")
            kept = ", ".join(f'"{c}"' for c in columns if c != "stored_at")
            found[table] = sorted(store.query(f"SELECT {kept} FROM {table}")[1], key=repr)
    return found


@pytest.fixture(scope="module")
def analyses(pipeline):
    return [pipeline.analyse(pipeline.make_article(text, source="T")) for text in TEXTS]


@pytest.fixture(scope="module")
def reference(examples_run) -> dict[str, list[tuple]]:
    """examples/ run in this process (the session's run): what every other way of running
    must store."""
    db, result = examples_run
    assert "21 new, 0 updated, 0 unchanged, 0 skipped" in result.stdout
    return contents(db)


def test_a_batch_is_stored_in_one_write_with_one_outcome_each(tmp_path, analyses):
    with Store(tmp_path / "n.duckdb") as store:
        assert store.write_many([*analyses, analyses[0]]) == ["new", "new", "new", "unchanged"]
        assert store.counts()["articles"] == 3
        assert store.counts()["entities"] == sum(len(a.entities) for a in analyses)
        assert store.write_many(analyses) == ["unchanged"] * 3


def test_new_versions_replace_only_the_records_of_the_articles_written(tmp_path, analyses):
    newer = [replace(a, article=replace(a.article, processed_with={"newsgraph": "9"}),
                     entities=a.entities[:1]) for a in analyses[:2]]
    with Store(tmp_path / "n.duckdb") as store:
        store.write_many(analyses)
        assert store.write_many(newer) == ["updated", "updated"]
        _, rows = store.query("SELECT article_id, count(*) FROM entities GROUP BY 1")
    assert dict(rows) == {analyses[0].article.id: 1, analyses[1].article.id: 1,
                          analyses[2].article.id: len(analyses[2].entities)}


def test_a_failing_batch_stores_none_of_its_articles(tmp_path, analyses):
    broken = replace(analyses[2], dates=["not a record"])
    with Store(tmp_path / "n.duckdb") as store:
        with pytest.raises(AttributeError):
            store.write_many([analyses[0], broken])
        assert store.counts()["articles"] == 0 and store.counts()["entities"] == 0


def test_copies_in_one_batch_point_at_the_first_in_input_order(tmp_path, pipeline):
    copies = [pipeline.analyse(pipeline.make_article(TEXTS[0], source=name))
              for name in ("First", "Second", "Third")]
    with Store(tmp_path / "n.duckdb") as store:
        store.write_many(copies[:1])
        store.write_many(copies[1:])
        _, rows = store.query("SELECT source, duplicate_of FROM articles ORDER BY source")
    first = copies[0].article.id
    assert rows == [("First", None), ("Second", first), ("Third", first)]


class CountingEngine(InlineEngine):
    """The in-process engine, counting the articles it is asked to analyse."""

    analysed = 0

    def submit(self, chunk, defaults):
        self.analysed += len(chunk)
        return super().submit(chunk, defaults)


def test_a_second_run_skips_stored_articles_before_analysing_them(tmp_path, pipeline):
    inputs = [RawArticle(f"{i}.txt", text) for i, text in enumerate(TEXTS)]
    with Store(tmp_path / "n.duckdb") as store:
        first = run(inputs[:2], CountingEngine(pipeline), store)
        engine = CountingEngine(pipeline)
        second = run(inputs, engine, store)
    assert (first.new, second.new, second.unchanged, engine.analysed) == (2, 1, 2, 1)


def test_the_same_article_twice_in_one_run_is_stored_once(tmp_path, pipeline):
    inputs = [RawArticle("a.txt", TEXTS[0]), RawArticle("b.txt", TEXTS[0])]
    with Store(tmp_path / "n.duckdb") as store:
        summary = run(inputs, pipeline, store)
        assert store.counts()["articles"] == 1
    assert (summary.new, summary.unchanged) == (1, 1)


def test_worker_processes_store_what_one_process_stores(tmp_path, reference):
    with Store(tmp_path / "n.duckdb") as store:
        run(iter_inputs([EXAMPLES]), ProcessEngine(2), store)
    assert contents(tmp_path / "n.duckdb") == reference


def test_a_local_dask_cluster_stores_what_one_process_stores(tmp_path, reference):
    from newsgraph.run.dask import DaskEngine

    with Store(tmp_path / "n.duckdb") as store:
        run(iter_inputs([EXAMPLES]), DaskEngine("local:2"), store)
    assert contents(tmp_path / "n.duckdb") == reference


def copies_of_wikinews(folder: Path, copies: int = 3) -> Path:
    """examples/wikinews.jsonl three times over, each copy at other URLs (other articles
    with the same texts: the later ones are duplicates of the first)."""
    lines = (EXAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    path = folder / "wikinews-copies.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                record = json.loads(line)
                record["url"] = f"{record['url']}?copy={copy}"
                out.write(json.dumps(record) + "\n")
    return path


def start_run(inputs: Path, db: Path) -> subprocess.Popen:
    """``newsgraph -v run INPUTS`` in its own process, committing after every chunk."""
    command = [sys.executable, "-m", "newsgraph", "-v", "run", str(inputs), "--db", str(db),
               "--workers", "1", "--commit-every", "0"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=interruptible)


def interruptible() -> None:
    """Ctrl-C reaches the child as at a terminal, even when the tests themselves run in the
    background (where a shell starts them with SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop_at_first_commit(process: subprocess.Popen, stop: signal.Signals) -> int:
    for line in process.stderr:
        if "stored" in line:  # the first commit: some articles stored, more to come
            process.send_signal(stop)
            break
    process.communicate()
    return process.returncode


def stored_articles(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.counts()["articles"]


def test_runs_stopped_by_sigint_and_sigkill_finish_when_started_again(tmp_path, pipeline):
    inputs = copies_of_wikinews(tmp_path)
    with Store(tmp_path / "reference.duckdb") as store:
        assert run(iter_inputs([inputs]), pipeline, store).new == 60
    db = tmp_path / "n.duckdb"

    assert stop_at_first_commit(start_run(inputs, db), signal.SIGINT) not in (0, None)
    after_sigint = stored_articles(db)
    assert 0 < after_sigint < 60
    assert stop_at_first_commit(start_run(inputs, db), signal.SIGKILL) == -signal.SIGKILL
    assert after_sigint < stored_articles(db) < 60

    again = start_run(inputs, db)
    again.communicate()
    assert again.returncode == 0
    assert contents(db) == contents(tmp_path / "reference.duckdb")

"""Crash safety: a 300-article run killed with SIGKILL at seeded points, restarted each time,
ends with the store an uninterrupted run makes, row for row, and DuckDB opens it cleanly."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

from newsgraph.ingest import iter_inputs
from newsgraph.run import run
from newsgraph.store import Store
from tests.conftest import shared_file
from tests.test_run import contents, interruptible

ARTICLES = 300
KILLS = 6
SEED = 17
COMMITTED = re.compile(r"stored \d+ articles \((\d+) in this run\)")


def first_paragraphs(folder: Path, count: int = ARTICLES) -> Path:
    """The first paragraph of at least 20 words of each of ``count`` corpus articles, as
    JSON Lines: real news text, short enough that a run of 300 fits in CI."""
    path = folder / "first-paragraphs.jsonl"
    written = 0
    with shared_file("corpus/allsides-world/articles.jsonl").open(encoding="utf-8") as lines, \
            path.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            paragraph = next((p for p in record["text"].split("\n\n") if len(p.split()) >= 20),
                             None)
            if paragraph is None:
                continue
            out.write(json.dumps({"id": record["id"], "title": record["title"],
                                  "text": paragraph}) + "\n")
            written += 1
            if written == count:
                return path
    raise AssertionError(f"the corpus has fewer than {count} articles with a paragraph")


def start(inputs: Path, db: Path) -> subprocess.Popen:
    """``newsgraph -v run`` committing after every chunk of 16 articles."""
    command = [sys.executable, "-m", "newsgraph", "-v", "run", str(inputs), "--db", str(db),
               "--workers", "1", "--commit-every", "0"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=interruptible)


def stored(db: Path) -> int:
    """Articles in the store; opening it read-only also checks DuckDB opens it cleanly."""
    with Store(db, read_only=True) as store:
        return store.counts()["articles"]


def kill_when_stored(process: subprocess.Popen, before: int, target: int,
                     delay: float) -> bool:
    """Let the run commit until the store holds ``target`` articles, then (``delay`` seconds
    later, landing anywhere in its next analyse-and-commit cycle) SIGKILL it. False when
    the run finished first."""
    for line in process.stderr:
        found = COMMITTED.search(line)
        if found and before + int(found.group(1)) >= target:
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.kill()
            break
    process.communicate()
    return process.returncode == -signal.SIGKILL


def test_a_run_killed_at_six_seeded_points_stores_what_an_uninterrupted_run_does(
        tmp_path, pipeline):
    inputs = first_paragraphs(tmp_path)
    with Store(tmp_path / "reference.duckdb") as store:
        assert run(iter_inputs([inputs]), pipeline, store).new == ARTICLES
    db = tmp_path / "n.duckdb"
    chooser = random.Random(SEED)
    targets = sorted(chooser.sample(range(1, ARTICLES - 100), KILLS))
    progress = [0]
    for target in targets:
        target = max(target, progress[-1] + 1)  # each restart commits at least once more
        killed = kill_when_stored(start(db=db, inputs=inputs), progress[-1], target,
                                  delay=chooser.uniform(0.0, 0.5))
        assert killed, f"the run ended before it could be killed at {target} articles"
        progress.append(stored(db))
        assert progress[-2] < progress[-1] < ARTICLES, progress

    last = start(inputs, db)
    _, errors = last.communicate()
    assert last.returncode == 0, errors
    assert stored(db) == ARTICLES
    final, reference = contents(db), contents(tmp_path / "reference.duckdb")
    for table in ("articles", "events", "quotes"):
        assert len(final[table]) == len(set(final[table])), f"a row twice in {table}"
    assert final == reference

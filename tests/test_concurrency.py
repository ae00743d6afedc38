"""Readers during a run, two runs at once, Ctrl-C in a query: real processes, real files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from tests.test_run import contents, copies_of_wikinews, interruptible, start_run

NEWSGRAPH = [sys.executable, "-m", "newsgraph"]


def hold_read_only(db) -> subprocess.Popen:
    """Another process with the store open read-only until ``let_go``; returns once it is
    open."""
    code = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('open', flush=True); sys.stdin.read()")
    process = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "open\n"
    return process


def let_go(reader: subprocess.Popen, after: float = 0.0) -> None:
    """Have the reader close the store and exit (``after`` seconds from now, in a thread)."""
    threading.Timer(after, reader.stdin.close).start()


def test_stats_and_listings_answer_while_a_run_writes_and_a_second_run_is_refused(
        tmp_path, pipeline):
    inputs = copies_of_wikinews(tmp_path)
    db = tmp_path / "n.duckdb"
    running = start_run(inputs, db)
    for line in running.stderr:
        if "stored" in line:  # the first commit is in, the file released: more to come
            break
    running.send_signal(signal.SIGSTOP)  # held mid-run, however slow the commands below
    try:
        second = subprocess.run([*NEWSGRAPH, "run", str(inputs), "--db", str(db)],
                                capture_output=True, text=True, timeout=120)
        stats = subprocess.run([*NEWSGRAPH, "stats", "--db", str(db)], capture_output=True,
                               text=True, timeout=120)
        articles = subprocess.run([*NEWSGRAPH, "articles", "--db", str(db), "--limit", "0",
                                   "--format", "json"], capture_output=True, text=True,
                                  timeout=120)
    finally:
        running.send_signal(signal.SIGCONT)
    running.communicate()

    assert second.returncode == 2
    assert second.stderr.strip() == (f"newsgraph: error: {db}: another newsgraph process is "
                                     "writing to this store; wait for it to finish (reading "
                                     "it meanwhile is fine)")
    assert stats.returncode == 0, stats.stderr
    stored = int(stats.stdout.split("articles: ")[1].split()[0])
    assert 0 < stored < 60  # read during the run: it ends with 60
    assert articles.returncode == 0, articles.stderr
    assert len(articles.stdout.splitlines()) == stored
    assert running.returncode == 0
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 60


def test_a_writer_waits_for_a_reader_and_a_reader_for_a_writer(tmp_path, monkeypatch):
    db = tmp_path / "n.duckdb"
    Store(db).close()
    monkeypatch.setenv("NEWSGRAPH_BUSY_SECONDS", "0.3")
    reader = hold_read_only(db)
    with pytest.raises(StoreError, match=r"the store is busy .* did not free up within 0.3 s"):
        Store(db)
    monkeypatch.setenv("NEWSGRAPH_BUSY_SECONDS", "60")
    let_go(reader, after=0.5)
    with Store(db) as store:  # waits until the reader is gone
        assert reader.wait(timeout=10) == 0
        store.release()  # as a run does between commits: a reader gets in
        reader = hold_read_only(db)
        let_go(reader, after=0.5)
        assert store.counts()["articles"] == 0  # opened again once the reader left
        assert reader.wait(timeout=10) == 0


def test_the_busy_message_reaches_the_command_line_as_one_line(tmp_path):
    db = tmp_path / "n.duckdb"
    writer = Store(db)  # this process holds the file, as a run does while it commits
    try:
        stats = subprocess.run([*NEWSGRAPH, "stats", "--db", str(db)], capture_output=True,
                               text=True, timeout=120,
                               env={**os.environ, "NEWSGRAPH_BUSY_SECONDS": "0.5"})
    finally:
        writer.close()
    assert stats.returncode == 2
    assert stats.stderr.startswith(f"newsgraph: error: {db}: the store is busy")
    assert "Traceback" not in stats.stderr and len(stats.stderr.splitlines()) == 1


def test_ctrl_c_during_a_query_is_a_keyboard_interrupt_not_a_duckdb_error(tmp_path):
    db = tmp_path / "n.duckdb"
    Store(db).close()
    code = ("import signal, sys\n"
            "from newsgraph.store import Store\n"
            "with Store(sys.argv[1], read_only=True) as store:\n"
            "    try:\n"
            "        store.query('SET threads = 1')\n"
            "        print('querying', flush=True)\n"
            "        store.query('SELECT count(*) FROM range(20000000000) t(x) WHERE x % 7 = 3')\n"
            "    except KeyboardInterrupt:\n"
            "        signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
            "        print('KeyboardInterrupt')\n")
    process = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    try:
        assert process.stdout.readline() == "querying\n"
        # DuckDB checks for a signal between the tasks the calling thread runs: with one
        # thread that is every few milliseconds (with more, the caller may wait for a
        # long task of another thread). Signal until the reader answers (it ignores
        # SIGINT after that).
        out = err = None
        for _ in range(60):
            process.send_signal(signal.SIGINT)
            try:
                out, err = process.communicate(timeout=1)
                break
            except subprocess.TimeoutExpired:
                continue
    finally:
        if process.poll() is None:  # never leave a query running after the test
            process.kill()
            process.wait()
    assert (out, err, process.returncode) == ("KeyboardInterrupt\n", "", 0)


def test_sigint_during_a_run_exits_130_with_the_promised_line(tmp_path):
    inputs = copies_of_wikinews(tmp_path)
    db = tmp_path / "n.duckdb"
    running = start_run(inputs, db)
    for line in running.stderr:
        if "stored" in line:
            running.send_signal(signal.SIGINT)
            break
    _, rest = running.communicate()
    assert running.returncode == 130
    assert rest.strip().splitlines()[-1] == "newsgraph: interrupted; what was committed is kept"
    assert "Traceback" not in rest
    assert 0 < len(contents(db)["articles"]) < 60

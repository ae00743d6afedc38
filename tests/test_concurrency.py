"""Readers during a run, two runs at once, Ctrl-C in a query: real processes, real files."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.store import Store, access
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def articles_served(base: str) -> int:
    with urllib.request.urlopen(f"{base}/api/articles?limit=1", timeout=60) as response:
        return json.loads(response.read())["total"]


def start_serving(db) -> tuple[subprocess.Popen, str]:
    """``newsgraph serve`` on a free loopback port; returns once it answers."""
    port = free_port()
    server = subprocess.Popen([*NEWSGRAPH, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:  # uvicorn says when it listens
        if "Uvicorn running on" in line:
            threading.Thread(target=server.stderr.read, daemon=True).start()  # its access log
            return server, f"http://127.0.0.1:{port}"
    raise AssertionError(f"newsgraph serve did not start: {server.wait()}")


def test_serve_and_an_open_notebook_let_a_run_commit_and_see_its_articles(tmp_path, pipeline):
    inputs = copies_of_wikinews(tmp_path)
    db = tmp_path / "n.duckdb"
    Store(db).close()
    server, base = start_serving(db)
    notebook = newsgraph.open(db)
    try:
        assert articles_served(base) == 0 and len(notebook.articles()) == 0
        running = start_run(inputs, db)
        watchdog = threading.Timer(600, running.kill)  # a blocked run fails, never hangs
        watchdog.start()
        served, seen_by_notebook = [], []
        for line in running.stderr:
            if "stored" in line:  # a commit is in: read it while the run goes on
                served.append(articles_served(base))
                seen_by_notebook.append(len(notebook.articles()))
        running.communicate()
        watchdog.cancel()
        assert running.returncode == 0
        assert 0 < served[0] < 60 and served == sorted(served)
        assert 0 < seen_by_notebook[0] < 60
        assert articles_served(base) == 60 and len(notebook.articles()) == 60
        assert len(notebook.events()) == len(contents(db)["events"]) > 0
    finally:
        notebook.close()
        server.terminate()
        server.wait(timeout=30)


def serve_collecting_log(db) -> tuple[subprocess.Popen, str, list[str]]:
    """``newsgraph serve`` on a free loopback port, its log lines collected as they come;
    returns once it answers."""
    port = free_port()
    server = subprocess.Popen([*NEWSGRAPH, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    for line in server.stderr:
        log.append(line)
        if "Uvicorn running on" in line:
            threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
            return server, f"http://127.0.0.1:{port}", log
    raise AssertionError(f"newsgraph serve did not start: {server.wait()}: {''.join(log)}")


ROUTES_UNDER_LOAD = ["/api/articles?limit=1", "/api/actors", "/api/events?limit=5",
                     "/api/timeline"]


class Client(threading.Thread):
    """Requests the routes in turn, without a pause, until told to stop; keeps each
    answer's status, the articles total it saw and any 503's Retry-After."""

    def __init__(self, base: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.base, self.stop = base, stop
        self.statuses: list[int] = []
        self.totals: list[int] = []
        self.busy: list[tuple[str | None, str]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            for route in ROUTES_UNDER_LOAD:
                try:
                    with urllib.request.urlopen(self.base + route, timeout=120) as response:
                        body = json.loads(response.read())
                        self.statuses.append(response.status)
                        if route.startswith("/api/articles"):
                            self.totals.append(body["total"])
                except urllib.error.HTTPError as error:
                    self.statuses.append(error.code)
                    self.busy.append((error.headers.get("Retry-After"), error.read().decode()))
                except Exception as error:  # noqa: BLE001 - a failed request is the finding
                    self.errors.append(repr(error))


def test_a_run_commits_while_serve_answers_a_constant_stream_of_requests(tmp_path, pipeline):
    inputs = copies_of_wikinews(tmp_path)
    db = tmp_path / "n.duckdb"
    Store(db).close()
    server, base, server_log = serve_collecting_log(db)
    stop = threading.Event()
    clients = [Client(base, stop) for _ in range(8)]
    try:
        for client in clients:
            client.start()
        running = start_run(inputs, db)
        watchdog = threading.Timer(900, running.kill)  # a starved run fails, never hangs
        watchdog.start()
        answered_during_run, run_log = [], []
        for line in running.stderr:
            run_log.append(line)
            if "stored" in line:  # a commit is in: the clients keep going
                answered_during_run.append(sum(len(c.statuses) for c in clients))
        running.communicate()
        rest = "".join(run_log)
        watchdog.cancel()
        final_total = articles_served(base)  # while the clients are still requesting
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=300)
        server.terminate()
        server.wait(timeout=30)

    assert running.returncode == 0, rest
    assert final_total == 60
    assert answered_during_run == sorted(answered_during_run)
    assert answered_during_run[-1] > answered_during_run[0]  # answered between commits
    for client in clients:
        assert client.errors == []
        assert set(client.statuses) <= {200, 503}
        assert client.statuses.count(200) > 0
        assert client.totals == sorted(client.totals)  # commits seen in order, none lost
        for retry_after, detail in client.busy:
            assert retry_after == "1" and "the store is busy" in detail
    assert all("Traceback" not in line for line in server_log)
    assert "Traceback" not in rest


def test_no_reader_opens_the_file_while_a_writer_waits_to_commit(tmp_path):
    db = tmp_path / "n.duckdb"
    Store(db).close()
    reader = hold_read_only(db)  # a request in flight, as the writer comes
    opened: list[Store] = []
    writer = threading.Thread(target=lambda: opened.append(Store(db)))
    writer.start()
    while not access.commit_pending(db):  # the writer holds the gate, waits for the reader
        assert writer.is_alive()
    try:
        stats = subprocess.run([*NEWSGRAPH, "stats", "--db", str(db)], capture_output=True,
                               text=True, timeout=120,
                               env={**os.environ, "NEWSGRAPH_BUSY_SECONDS": "0.5"})
        assert not opened  # the reader still has the file: the writer is still waiting
    finally:
        let_go(reader)
        writer.join(timeout=120)
    assert stats.returncode == 2 and stats.stderr.startswith(
        f"newsgraph: error: {db}: the store is busy")
    store = opened[0]
    store.release()  # between commits: readers are let in again
    assert not access.commit_pending(db)
    with Store(db, read_only=True) as read:
        assert read.counts()["articles"] == 0
    store.close()


def test_a_request_that_outwaits_a_commit_is_a_503_with_retry_after(tmp_path, monkeypatch):
    db = tmp_path / "n.duckdb"
    Store(db).close()
    monkeypatch.setenv("NEWSGRAPH_BUSY_SECONDS", "0.5")
    server, base, server_log = serve_collecting_log(db)
    try:
        with Store(db), pytest.raises(urllib.error.HTTPError) as refused:  # as a commit
            articles_served(base)
        after = articles_served(base)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert refused.value.code == 503
    assert refused.value.headers["Retry-After"] == "1"
    detail = json.loads(refused.value.read())["detail"]
    assert detail.startswith(f"{db}: the store is busy")
    assert after == 0
    assert all("Traceback" not in line for line in server_log)

"""Latency of ``/api/events`` with filters on a store of 100k+ events, over real HTTP.

    python bench/api.py [--events 100000] [--repeats 30]

Runs examples/ into a store, then builds a second store whose events (and quotes and
articles) are the examples' replicated with new ids until it holds at least EVENTS events
(copy k moves every date k days back, so date filters select slices). Serves it with
uvicorn on a loopback port, as ``newsgraph serve`` does, and requests each filter set
REPEATS times one after another. Prints p50 and p95 per filter set and over all requests;
the goal is p95 ≤ 100 ms. As a baseline in the same process it also times the same
queries straight on the store (the Reader, no HTTP), and prints the ratio.
"""

from __future__ import annotations

import argparse
import math
import socket
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb
import uvicorn

from newsgraph.app import create_app
from newsgraph.ingest import iter_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.run import run
from newsgraph.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
QUERIES = [
    {},
    {"actor": "RUS"},
    {"country": "PAK", "quad_class": "1"},
    {"plover": "CONSULT", "since": "2020-01"},
    {"cameo_root": "19", "factuality": "asserted"},
    {"search": "Moscow"},
    {"actor": "USA", "until": "2019-06", "offset": "2000"},
    {"country": "IRN", "min_confidence": "0.5", "limit": "200"},
]
# Columns whose value names a record or an article: made unique in every copy.
ID_COLUMNS = {"id", "article_id", "source_entity", "target_entity", "speaker_entity"}


def replicated_store(source: Path, target: Path, events: int) -> int:
    """A store holding ``source``'s records copied until there are ``events`` events."""
    Store(target).close()  # the schema
    db = duckdb.connect(str(target))
    db.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    have = db.execute("SELECT count(*) FROM src.events").fetchone()[0]
    copies = math.ceil(events / have)
    db.execute(f"CREATE TEMP TABLE copies AS SELECT range AS k FROM range({copies})")
    for table in ("articles", "events", "quotes"):
        columns = [row[0] for row in db.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'src'"
            " AND table_name = ? ORDER BY column_index", [table]).fetchall()]
        values = []
        for column in columns:
            if column in ID_COLUMNS:
                values.append(f"{column} || '-' || k")
            elif column in ("date", "published"):  # keep partial dates as they are
                values.append(f"CASE WHEN length({column}) = 10 THEN strftime("
                              f"CAST({column} AS DATE) - CAST(k AS INTEGER), '%Y-%m-%d')"
                              f" ELSE {column} END")
            else:
                values.append(f'"{column}"')
        db.execute(f"INSERT INTO {table} SELECT {', '.join(values)} FROM src.{table}, copies")
    total = db.execute("SELECT count(*) FROM events").fetchone()[0]
    db.execute("CHECKPOINT")
    db.close()
    return total


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def timed_http(base: str, query: dict[str, str]) -> float:
    url = f"{base}/api/events?{urllib.parse.urlencode(query)}"
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        assert response.status == 200
    return (time.perf_counter() - started) * 1000


def timed_store(store: Store, query: dict[str, str]) -> float:
    filters = {k: v for k, v in query.items() if k not in ("limit", "offset")}
    reader = store.reader()
    started = time.perf_counter()
    reader.records("events", filters, int(query.get("limit", 50)), int(query.get("offset", 0)))
    elapsed = (time.perf_counter() - started) * 1000
    reader.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "examples.duckdb", Path(folder) / "big.duckdb"
        with Store(small) as store:
            run(iter_inputs([EXAMPLES]), Pipeline(), store)
        total = replicated_store(small, big, args.events)
        print(f"store: {total:,} events (examples/ replicated with new ids)")
        server, base = serve(big)
        http: dict[int, list[float]] = {i: [] for i in range(len(QUERIES))}
        for query in QUERIES:  # warm up: first use of each query plan
            timed_http(base, query)
        for _ in range(args.repeats):
            for i, query in enumerate(QUERIES):
                http[i].append(timed_http(base, query))
        server.should_exit = True
        with Store(big, read_only=True) as store:
            direct = [timed_store(store, q) for _ in range(args.repeats) for q in QUERIES]
        print(f"{'filters':<55} {'p50 ms':>8} {'p95 ms':>8}")
        for i, query in enumerate(QUERIES):
            label = urllib.parse.urlencode(query) or "(none)"
            print(f"{label:<55} {statistics.median(http[i]):8.1f} "
                  f"{percentile(http[i], 0.95):8.1f}")
        everything = [ms for values in http.values() for ms in values]
        p95 = percentile(everything, 0.95)
        print(f"all {len(everything)} requests: p50 {statistics.median(everything):.1f} ms, "
              f"p95 {p95:.1f} ms (goal ≤ 100 ms: {'met' if p95 <= 100 else 'NOT met'})")
        print(f"same queries on the store, no HTTP: p95 {percentile(direct, 0.95):.1f} ms; "
              f"HTTP/store p95 ratio {p95 / percentile(direct, 0.95):.2f}")


if __name__ == "__main__":
    main()

"""Load on the HTTP API: many concurrent clients for a while, over real loopback HTTP.

    python bench/api_load.py [--clients 200] [--seconds 20] [--db STORE]

Runs examples/ into a store (unless ``--db`` names one), starts ``newsgraph serve`` on it
in its own process on a free loopback port, then ``--clients`` clients (asyncio + httpx,
one connection each) request the API's routes with the explorer's filters one after
another for ``--seconds``. Prints requests, errors (a status other than 200, a refused or
dropped connection, a timeout), requests/s and the p50/p95/p99 latency. As a baseline in
the same process it first times the same requests from one client alone, and prints the
p95 ratio (the machine is shared: ratios travel better than seconds). Exit status 1 when
any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REQUESTS = [
    "/api/articles",
    "/api/events",
    "/api/events?actor=RUS",
    "/api/events?country=PAK&quad_class=1",
    "/api/events?search=Moscow&limit=200",
    "/api/stories?plover=CONSULT",
    "/api/quotes?speaker=Price",
    "/api/actors?by=code",
    "/api/timeline?since=2020-01",
    "/api/places",
]


def build_store(folder: Path) -> Path:
    from newsgraph.ingest import iter_inputs
    from newsgraph.pipeline import Pipeline
    from newsgraph.run import run
    from newsgraph.store import Store

    db = folder / "news.duckdb"
    with Store(db) as store:
        run(iter_inputs([EXAMPLES]), Pipeline(), store)
    return db


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        if "Uvicorn running on" in line:
            threading.Thread(target=server.stderr.read, daemon=True).start()  # access log
            return server, f"http://127.0.0.1:{port}"
    raise SystemExit(f"newsgraph serve did not start (exit {server.wait()})")


async def client(base: str, number: int, until: float, latencies: list[float],
                 errors: list[str]) -> None:
    """One client: one connection, requests one after another until ``until``."""
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        turn = number
        while time.monotonic() < until:
            path = REQUESTS[turn % len(REQUESTS)]
            turn += 1
            started = time.monotonic()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: {response.status_code}")
                    continue
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}: {error}")
                continue
            latencies.append(time.monotonic() - started)


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(client(base, n, until, latencies, errors) for n in range(clients)))
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", type=Path, help="a store to serve (default: examples/ run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp))
        server, base = start_server(db)
        try:
            alone, alone_errors, _ = asyncio.run(load(base, 1, min(5.0, args.seconds)))
            latencies, errors, took = asyncio.run(load(base, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    ms = 1000
    print(f"one client alone: {len(alone)} requests, {len(alone_errors)} errors, "
          f"p95 {percentile(alone, 0.95) * ms:.0f} ms")
    print(f"{args.clients} clients for {args.seconds:g} s: {len(latencies) + len(errors)} "
          f"requests, {len(errors)} errors, {len(latencies) / took:.0f} requests/s; latency "
          f"p50 {statistics.median(latencies) * ms:.0f} ms, "
          f"p95 {percentile(latencies, 0.95) * ms:.0f} ms, "
          f"p99 {percentile(latencies, 0.99) * ms:.0f} ms; p95 / one client's p95: "
          f"{percentile(latencies, 0.95) / percentile(alone, 0.95):.1f}")
    for error in sorted(set(errors))[:20]:
        print("ERROR", error)
    sys.exit(1 if errors or alone_errors else 0)


if __name__ == "__main__":
    main()

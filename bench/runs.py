"""Shared by the scale benches: the corpus slice, and timed `newsgraph run` processes.

A run is the real command in its own process tree, into a fresh DuckDB file; its
peak memory is sampled from the process tree (the runner and its workers).
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "allsides-world" / "articles.jsonl"
MB = 1024 * 1024


def corpus_slice(limit: int, folder: Path) -> Path:
    """The first ``limit`` lines of the AllSides corpus, as a JSONL file in ``folder``."""
    path = folder / f"allsides-{limit}.jsonl"
    with CORPUS.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for line, _ in zip(lines, range(limit), strict=False):
            out.write(line)
    return path


@dataclass
class Run:
    seconds: float
    store_seconds: float
    peak_rss_mb: float  # the largest single process
    peak_tree_mb: float  # the runner and its workers together
    output: str
    main_cpu: float = 0.0  # CPU seconds of the runner process itself (last sample)
    worker_cpu: float = 0.0  # CPU seconds of its child processes (last sample of each)
    # At each commit: (articles stored so far, runner RSS MB, largest worker RSS MB)
    by_commit: list[tuple[int, float, float]] = field(default_factory=list)


def tree_rss(process: psutil.Process) -> tuple[int, int]:
    """(largest process RSS, whole tree RSS) of a process and its descendants, in bytes."""
    sizes = []
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            sizes.append(member.memory_info().rss)
    return max(sizes, default=0), sum(sizes)


def newsgraph_run(inputs: Path, *options: str) -> Run:
    """``newsgraph -v run INPUTS OPTIONS`` into a fresh store: wall time, store time, RSS."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "newsgraph", "-v", "run", str(inputs),
                   "--db", str(Path(folder) / "bench.duckdb"), *options]
        peaks = [0, 0]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        watched = psutil.Process(process.pid)

        cpu: dict[int, float] = {}

        def sample() -> None:
            while process.poll() is None:
                largest, whole = tree_rss(watched)
                peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], whole)
                cpu.update(cpu_seconds(watched))
                time.sleep(0.5)

        by_commit: list[tuple[int, float, float]] = []
        lines: list[str] = []

        def read_log() -> None:
            # "-v" logs every commit: "stored N articles (M in this run)"; memory then
            for line in process.stderr:  # type: ignore[union-attr]
                lines.append(line)
                stored = COMMIT_LOG.search(line)
                if stored:
                    by_commit.append((int(stored.group(1)), *split_rss(watched)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        reader = threading.Thread(target=read_log, daemon=True)
        reader.start()
        out = process.stdout.read()  # type: ignore[union-attr]
        process.wait()
        seconds = time.perf_counter() - started
        sampler.join()
        reader.join()
    err = "".join(lines)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-2000:]}")
    store = re.search(r"store writes took ([\d.]+) s", err)
    main = cpu.pop(process.pid, 0.0)
    return Run(seconds, float(store.group(1)) if store else float("nan"),
               peaks[0] / MB, peaks[1] / MB, out, main, sum(cpu.values()), by_commit)


COMMIT_LOG = re.compile(r"stored \d+ articles \((\d+) in this run\)")


def split_rss(process: psutil.Process) -> tuple[float, float]:
    """(the runner's RSS, its largest child's RSS) in MB; a child's is 0 without workers."""
    with contextlib.suppress(psutil.Error):
        children = [c.memory_info().rss for c in process.children(recursive=True)]
        return process.memory_info().rss / MB, max(children, default=0) / MB
    return 0.0, 0.0


def cpu_seconds(process: psutil.Process) -> dict[int, float]:
    """User + system CPU seconds so far of a process and each of its descendants."""
    seconds = {}
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = member.cpu_times()
            seconds[member.pid] = times.user + times.system
    return seconds

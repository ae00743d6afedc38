"""The worker side of the local runner: one Pipeline per worker process, built once.

A worker process holds exactly one Pipeline (the model and knowledge) for its life;
the process-wide holder below is that process's state, never the parent's.
"""

from __future__ import annotations

import os
import signal
import threading
import time

from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.run.inputs import Defaults, analyse_chunk

_held: dict[str, Pipeline] = {}


def start_worker(model: str | None) -> None:
    """Initialise a worker process: the parent handles Ctrl-C; an orphan ends itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    _held["pipeline"] = Pipeline(model=model)


def _exit_when_orphaned(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its workers; they notice and go.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def worker_versions() -> dict[str, str]:
    """The versions this worker's Pipeline stamps on articles."""
    return dict(_held["pipeline"].processed_with)


def analyse_in_worker(chunk: list[RawArticle], defaults: Defaults
                      ) -> list[Analysis | InputProblem]:
    return analyse_chunk(_held["pipeline"], chunk, defaults)

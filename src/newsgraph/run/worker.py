"""The worker side of the local runner: one Pipeline per worker process, built once.

A worker process holds exactly one Pipeline (the model and knowledge) for its life;
the process-wide holder below is that process's state, never the parent's.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time

from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.run.inputs import Defaults, analyse_chunk

_held: dict[str, Pipeline] = {}
KNOWLEDGE_PARTS = ("actors", "events", "quotes", "places")


def start_worker(model: str | None) -> None:
    """Initialise a worker process: the parent handles Ctrl-C; an orphan ends itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    _held["pipeline"] = settled(Pipeline(model=model))


def settled(pipeline: Pipeline) -> Pipeline:
    """The pipeline with every knowledge area loaded, and all this process holds so far
    (model, knowledge, modules) moved out of the garbage collector's sight.

    A worker keeps them for its whole life, yet each full collection would walk their
    hundreds of thousands of objects again while the articles pass through (about 2% of
    a worker's time): ``gc.freeze`` leaves them out of every later collection.
    """
    for part in KNOWLEDGE_PARTS:
        getattr(pipeline.knowledge, part)  # each part loads on first use: now, before the freeze
    gc.collect()
    gc.freeze()
    return pipeline


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

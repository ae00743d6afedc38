"""Local engines: the Pipeline in this process, or one per worker process."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.run.inputs import Defaults, analyse_chunk
from newsgraph.run.worker import analyse_in_worker, start_worker, worker_versions

Results = list[Analysis | InputProblem]


class InlineEngine:
    """Analyses each chunk at once, in this process, with the given Pipeline."""

    window = 1

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def versions(self) -> dict[str, str]:
        return dict(self.pipeline.processed_with)

    def submit(self, chunk: list[RawArticle], defaults: Defaults) -> Future[Results]:
        future: Future[Results] = Future()
        future.set_result(analyse_chunk(self.pipeline, chunk, defaults))
        return future

    def close(self, interrupted: bool = False) -> None:
        """Nothing to stop."""


class ProcessEngine:
    """``workers`` processes, each loading the model and knowledge once (spawned, so no
    parent state such as an open database is shared)."""

    def __init__(self, workers: int, model: str | None = None) -> None:
        self.window = 2 * workers  # each worker has its next chunk waiting
        self.before = {process.pid for process in multiprocessing.active_children()}
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker, initargs=(model,),
        )

    def versions(self) -> dict[str, str]:
        return self.executor.submit(worker_versions).result()

    def submit(self, chunk: list[RawArticle], defaults: Defaults) -> Future[Results]:
        return self.executor.submit(analyse_in_worker, chunk, defaults)

    def close(self, interrupted: bool = False) -> None:
        """Stop the workers: after their chunks, or at once when the run was interrupted."""
        self.executor.shutdown(wait=not interrupted, cancel_futures=True)
        if interrupted:
            for process in multiprocessing.active_children():
                if process.pid not in self.before:
                    process.terminate()

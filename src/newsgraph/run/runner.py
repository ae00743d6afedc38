"""The run: stream inputs, skip what is stored, analyse chunks on an engine, write in order.

Engines (this process, worker processes, a Dask cluster) only analyse; the one
writer here stores. Inputs stream and at most ``engine.window`` chunks are in
flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline
from newsgraph.run.inputs import Defaults, input_id
from newsgraph.run.local import InlineEngine
from newsgraph.run.summary import RunSummary
from newsgraph.run.writer import BATCH_SECONDS, Writer
from newsgraph.store import Store

log = logging.getLogger(__name__)

CHUNK_ARTICLES = 16

Results = list[Analysis | InputProblem]


class Pending(Protocol):
    def result(self) -> Results: ...


class Engine(Protocol):
    """Where chunks are analysed. ``window``: how many chunks may be in flight."""

    window: int

    def versions(self) -> dict[str, str]: ...
    def submit(self, chunk: list[RawArticle], defaults: Defaults) -> Pending: ...
    def close(self, interrupted: bool = False) -> None: ...


def run(
    items: Iterable[RawArticle | InputProblem],
    engine: Engine | Pipeline,
    store: Store,
    published: str | None = None,
    source: str | None = None,
    on_result: Callable[[Any], None] | None = None,
    chunk_articles: int = CHUNK_ARTICLES,
    commit_seconds: float = BATCH_SECONDS,
) -> RunSummary:
    """Analyse every input and store it; returns what happened.

    Articles already stored with the same versions are skipped by id before any
    parsing or language detection, so an interrupted run resumes where it stopped.
    ``on_result`` is called once per input item (for progress). Analyses are committed
    at least every ``commit_seconds`` (and every few hundred articles).
    """
    engine = InlineEngine(engine) if isinstance(engine, Pipeline) else engine
    defaults = Defaults(published, source)
    summary = RunSummary()
    writer = Writer(store, summary, batch_seconds=commit_seconds)
    done = store.current_ids(engine.versions())
    store.release()  # readers may open the file until the first commit
    report = on_result or (lambda _: None)

    def fresh() -> Iterator[RawArticle]:
        for item in items:
            if isinstance(item, InputProblem):
                writer.add(item)
                report(item)
                continue
            key = input_id(item, defaults)
            if key in done:
                summary.unchanged += 1
                report(item)
                continue
            done.add(key)
            yield item

    submitted = (engine.submit(chunk, defaults) for chunk in chunks(fresh(), chunk_articles))
    try:
        for results in in_order(submitted, engine.window):
            for result in results:
                writer.add(result)
                report(result)
            writer.commit_if_due()
    except KeyboardInterrupt:
        engine.close(interrupted=True)
        writer.flush()  # what was analysed before the interrupt is kept
        raise
    except BaseException:
        engine.close(interrupted=True)
        raise
    engine.close()
    writer.flush()
    log.info("store writes took %.2f s", summary.store_seconds)
    return summary


def chunks(items: Iterable[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    """Lists of up to ``size`` items, in order."""
    chunk: list[RawArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def in_order(submitted: Iterable[Pending], window: int) -> Iterator[Results]:
    """Results in submission order, keeping up to ``window`` submissions in flight."""
    pending: deque[Pending] = deque()
    for item in submitted:
        pending.append(item)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()

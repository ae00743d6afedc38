"""The one writer: analyses arrive in input order and are stored in batched transactions."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from newsgraph.ingest import InputProblem
from newsgraph.model import Analysis
from newsgraph.run.summary import RunSummary
from newsgraph.store import Store

log = logging.getLogger(__name__)

BATCH_ARTICLES = 500
# Each commit also closes and reopens the file (so readers get their turn): ~0.1 s of
# fixed cost, which every 5 s was ~2% of a one-worker run's time; every 30 s, ~0.4%.
BATCH_SECONDS = 30.0


class Writer:
    """Collects results and commits them in batches: once ``batch_articles`` articles are
    pending or ``batch_seconds`` have passed since the last commit, so a crash loses at
    most one batch of analysed (never of stored) articles. Between commits the store's
    file is released, so ``stats`` and the listings can read it during a run."""

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        batch_articles: int = BATCH_ARTICLES,
        batch_seconds: float = BATCH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.summary = summary
        self.batch_articles = batch_articles
        self.batch_seconds = batch_seconds
        self.clock = clock
        self.pending: list[Analysis] = []
        self.last_commit = clock()
        self.stored = 0

    def add(self, result: Analysis | InputProblem) -> None:
        """Take one result: a problem is counted as skipped, an analysis queued for storing."""
        if isinstance(result, InputProblem):
            log.warning("skipped %s", result)
            self.summary.skipped.append(result)
        elif result.error:
            origin = result.article.external_id or result.article.id
            self.summary.skipped.append(InputProblem(origin, result.error))
        else:
            self.pending.append(result)

    def commit_if_due(self) -> None:
        """Flush when the batch is full or the last commit is ``batch_seconds`` old."""
        if len(self.pending) >= self.batch_articles or (
            self.pending and self.clock() - self.last_commit >= self.batch_seconds
        ):
            self.flush()

    def flush(self) -> None:
        """Store every pending analysis in one transaction; release the file even when
        there is none (a watch cycle that found nothing new leaves it free)."""
        if not self.pending:
            self.store.release()
            return
        started = self.clock()
        try:
            outcomes = self.store.write_many(self.pending)
        finally:
            self.store.release()
        self.summary.store_seconds += self.clock() - started
        for analysis, outcome in zip(self.pending, outcomes, strict=True):
            setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
            if outcome != "unchanged":
                self.summary.entities += len(analysis.entities)
                self.summary.events += len(analysis.events)
                self.summary.quotes += len(analysis.quotes)
        self.stored += len(self.pending)
        self.last_commit = self.clock()
        log.info("stored %d articles (%d in this run)", len(self.pending), self.stored)
        self.pending = []

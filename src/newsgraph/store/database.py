"""The Store: one open newsgraph DuckDB file, its one writer and its readers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

import duckdb

from newsgraph.dedup import NearDuplicateIndex
from newsgraph.errors import StoreError
from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.knowledge.events import load_symmetric
from newsgraph.model import Analysis, Article
from newsgraph.store import access, queries, seen, signatures, stories, write
from newsgraph.store.explore import Reader
from newsgraph.store.schema import ensure_schema


class Store:
    """A newsgraph DuckDB file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (create it with `newsgraph run`)")
        self._lock = None if read_only else access.lock_for_writing(self.path)
        self.symmetric = load_symmetric(DEFAULT_DIRECTORY)
        self._db: duckdb.DuckDBPyConnection | None = None
        self._gate: IO[bytes] | None = None
        try:
            self._db = self._open(wait=None)
            ensure_schema(self._db, self.path, read_only)
            if not read_only:
                stories.create_views(self._db, self.symmetric)
        except BaseException:
            self.close()
            raise
        self._near_duplicates: NearDuplicateIndex | None = None

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        """The open connection; after ``release()`` the file is opened again (a writer
        waits while a reader has it; a reader up to ``$NEWSGRAPH_BUSY_SECONDS``)."""
        if self._db is None:
            self._db = self._open(wait=None if self.read_only else access.WAIT_FOREVER)
        return self._db

    def _open(self, wait: float | None) -> duckdb.DuckDBPyConnection:
        """Open the file; a writer first takes the commit gate, so readers let it in
        however closely their requests follow each other (see store/access.py)."""
        if not self.read_only:
            self._gate = access.hold_commit_gate(self.path)
        try:
            return access.connect(self.path, self.read_only, wait=wait)
        except BaseException:
            self._release_gate()
            raise

    def _release_gate(self) -> None:
        if self._gate is not None:
            self._gate.close()
            self._gate = None

    def release(self) -> None:
        """Close the file so readers can open it; the next use opens it again. A run
        releases between its commits; its lock keeps other writers out meanwhile."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._release_gate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.release()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    @staticmethod
    def interruptible() -> AbstractContextManager[None]:
        """Wrap direct use of ``db`` (exports) so Ctrl-C is a KeyboardInterrupt."""
        return access.interruptible()

    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    # --- writes -------------------------------------------------------------------
    def is_current(self, article: Article) -> bool:
        """True when this article is stored, processed with the same versions."""
        return write.is_current(self.db, article)

    def write(self, analysis: Analysis) -> write.WriteOutcome:
        """Store one analysed article in one transaction; idempotent.

        The same article processed with the same versions is left untouched
        ("unchanged"); processed with other versions, its records are replaced.
        """
        return self.write_many([analysis])[0]

    def write_many(self, analyses: Sequence[Analysis]) -> list[write.WriteOutcome]:
        """Store many analysed articles in one transaction: all of them, or none.

        One outcome per analysis, in order; an article seen earlier in the batch is
        "unchanged". A copy of an article already stored (in this run or any
        earlier one) is marked ``duplicate_of`` it, by the order articles are given in.
        """
        if self._near_duplicates is None:
            self._near_duplicates = signatures.load_index(self.db)
        try:
            with access.interruptible():
                return write.write_batch(self.db, analyses, self._near_duplicates)
        except BaseException:
            self._near_duplicates = None  # it may hold articles the rollback removed
            raise

    def current_ids(self, processed_with: dict[str, str]) -> set[str]:
        """Ids of the articles stored with these versions: a resumed run skips them."""
        return write.current_ids(self.db, processed_with)

    def wait_for_retry(self, link: str) -> bool:
        """A feed item whose page failed before waits this poll out (see store/seen.py)."""
        return seen.wait_for_retry(self.db, link)

    def record_failure(self, link: str, reason: str) -> None:
        """A feed item's page failed again: it waits twice as many polls as last time."""
        seen.record_failure(self.db, link, reason)

    # --- reads --------------------------------------------------------------------
    def has_item(self, url: str | None, external_id: str | None) -> bool:
        """An article is stored under this URL or external id (a feed item seen before)."""
        return seen.has_item(self.db, url, external_id)

    def has_content(self, digest: str) -> bool:
        """An article with this content hash is stored (the same text, whatever its URL)."""
        return seen.has_content(self.db, digest)

    def listing(self, kind: str, filters: Mapping[str, Any], limit: int | None = None
                ) -> tuple[list[str], list[tuple]]:
        """Column names and rows of a listing (articles, entities, events, quotes).

        Filter values are validated first: a bad one raises FilterError.
        """
        with access.interruptible():
            return queries.run_query(self.db, *queries.listing_sql(kind, filters, limit))

    def reader(self) -> Reader:
        """Read queries on a connection of their own: one per thread (or HTTP request);
        close it when done. A read-only store opens the file for each reader (DuckDB
        shares one open instance among a process's connections), so once the last
        reader is closed the file is free for a run's next commit."""
        if self.read_only:
            return Reader(access.connect(self.path, read_only=True))
        return Reader(self.db.cursor())

    def story_events(self, filters: Mapping[str, Any], limit: int | None = None
                     ) -> tuple[list[str], list[tuple]]:
        """Story-level events (one event, many reports) grouped from the events that the
        ``events`` filters select; see store/stories.py."""
        with access.interruptible():
            return queries.run_query(
                self.db, *queries.grouped_events_sql(filters, limit, self.symmetric))

    def counts(self) -> dict[str, int]:
        """Row count of every table a user cares about."""
        with access.interruptible():
            return queries.counts(self.db)

    def stats(self) -> queries.Stats:
        """Schema version, table counts and events by PLOVER type."""
        with access.interruptible():
            return queries.stats(self.db, self.schema_version())

    def query(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run a read query; returns column names and rows."""
        with access.interruptible():
            return queries.run_query(self.db, sql, params)

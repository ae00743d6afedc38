"""Opening the DuckDB file while others use it.

DuckDB lets one process write a file or many processes read it, never both at once.
A run therefore opens the file only while it commits a batch and releases it between
batches; readers (``stats``, listings, ``serve``) and the writer wait for each other's
short turns, up to ``$NEWSGRAPH_BUSY_SECONDS``. Two runs on one file are kept apart by
a lock on ``FILE.lock`` held for the whole run, so the file is never written by two.

A process's connections to one file share one open DuckDB instance, so a server whose
requests overlap without a gap would keep the file open for ever. Hence the commit gate:
the writer holds ``FILE.commit`` (an exclusive flock) from before it opens the file until
it has closed it, and a reader opens no new connection while the gate is held; the
readers already in finish, the file falls free, the commit goes in.
"""

from __future__ import annotations

import fcntl
import logging
import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import duckdb

from newsgraph.errors import StoreBusy, StoreError

log = logging.getLogger(__name__)

BUSY_ENV = "NEWSGRAPH_BUSY_SECONDS"
DEFAULT_BUSY_SECONDS = 30.0
RETRY_SECONDS = 0.05
LOCK_CONFLICT = "Could not set lock"
# A run waits for readers as long as they take (with a warning): its analysed batch must
# not be lost because someone left a listing open.
WAIT_FOREVER = math.inf


def busy_seconds() -> float:
    """How long to wait for a busy store: $NEWSGRAPH_BUSY_SECONDS, else the default."""
    try:
        return max(0.0, float(os.environ.get(BUSY_ENV, DEFAULT_BUSY_SECONDS)))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


def connect(path: Path, read_only: bool, wait: float | None = None
            ) -> duckdb.DuckDBPyConnection:
    """A connection to the file, retried while another process holds it (or, for a
    reader, while a writer holds the commit gate), up to ``wait`` seconds (default
    $NEWSGRAPH_BUSY_SECONDS); then a StoreBusy error saying the store is busy."""
    wait = busy_seconds() if wait is None else wait
    started = time.monotonic()
    warned = False
    while True:
        if not (read_only and commit_pending(path)):
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as error:
                if LOCK_CONFLICT not in str(error):
                    raise StoreError(f"{path}: cannot open the database: {error}") from None
            except duckdb.Error as error:
                raise StoreError(f"{path}: not a newsgraph database: {error}") from None
        waited = time.monotonic() - started
        if wait == WAIT_FOREVER and not warned and waited >= busy_seconds():
            log.warning("%s: waiting for a reader to close the store", path)
            warned = True
        if waited >= wait:
            raise StoreBusy(
                f"{path}: the store is busy (another process has it open for writing) "
                f"and did not free up within {wait:g} s; try again, or raise ${BUSY_ENV}")
        time.sleep(RETRY_SECONDS)


def gate_path(path: Path) -> Path:
    return path.with_name(path.name + ".commit")


def hold_commit_gate(path: Path) -> IO[bytes]:
    """Taken by the writer before it opens the file, kept until it has closed it: from
    then on readers open no new connection (see ``commit_pending``). Readers only probe
    the gate, never hold it, so taking it does not wait. Closing the handle releases it."""
    gate = gate_path(path)
    try:
        handle = gate.open("ab")
    except OSError as error:
        raise StoreError(f"{gate}: cannot create the lock file: {error.strerror}") from None
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def commit_pending(path: Path) -> bool:
    """True while a writer holds the commit gate of the file (it is about to commit or
    committing). A gate that is missing or cannot be read means no writer uses it."""
    try:
        handle = gate_path(path).open("rb")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
    return False


def lock_for_writing(path: Path) -> IO[bytes]:
    """Hold ``FILE.lock`` so no second writer opens the file between this one's commits.
    Closing the returned handle releases it."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        handle = lock_path.open("ab")
    except OSError as error:
        raise StoreError(f"{lock_path}: cannot create the lock file: {error.strerror}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StoreError(
            f"{path}: another newsgraph process is writing to this store; "
            "wait for it to finish (reading it meanwhile is fine)"
        ) from None
    return handle


@contextmanager
def interruptible() -> Iterator[None]:
    """Ctrl-C during a query is a KeyboardInterrupt (the CLI's clean exit 130), not
    DuckDB's ``RuntimeError: Query interrupted``."""
    try:
        yield
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except RuntimeError as error:
        if "interrupted" in str(error).lower():
            raise KeyboardInterrupt from None
        raise

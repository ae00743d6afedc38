"""What a feed watcher has seen: stored articles by URL, feed id and content hash, and the
items whose page keeps failing (passed over for a growing number of polls)."""

from __future__ import annotations

import duckdb


def has_item(db: duckdb.DuckDBPyConnection, url: str | None, external_id: str | None) -> bool:
    """An article is stored under this URL or feed id (either may be a feed item's link)."""
    keys = [key for key in (url, external_id) if key]
    if not keys:
        return False
    row = db.execute(
        "SELECT 1 FROM articles WHERE url IN (SELECT unnest(?)) "
        "OR external_id IN (SELECT unnest(?)) LIMIT 1", [keys, keys]).fetchone()
    return row is not None


def has_content(db: duckdb.DuckDBPyConnection, digest: str) -> bool:
    """An article with this content hash (normalised text) is stored."""
    row = db.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                     [digest]).fetchone()
    return row is not None


# After the n-th failure in a row an item is passed over for 2**(n-1) polls (1, 2, 4, ...),
# at most this many: with polls every 15 minutes, a page that stays down is tried about
# every 16 hours, not 96 times a day.
MAX_WAIT_POLLS = 64


def wait_for_retry(db: duckdb.DuckDBPyConnection, link: str) -> bool:
    """Whether this poll passes over an item whose page failed before (it counts one of the
    polls it waits); False when the link has not failed or its turn to retry has come."""
    row = db.execute("SELECT wait FROM fetch_failures WHERE link = ?", [link]).fetchone()
    if row is None or row[0] <= 0:
        return False
    db.execute("UPDATE fetch_failures SET wait = wait - 1 WHERE link = ?", [link])
    return True


def record_failure(db: duckdb.DuckDBPyConnection, link: str, reason: str) -> None:
    """Remember that the item's page failed again, and how many polls to wait."""
    db.execute(
        "INSERT INTO fetch_failures VALUES (?, 1, 1, ?, now()::TIMESTAMP)"
        " ON CONFLICT (link) DO UPDATE SET failures = fetch_failures.failures + 1,"
        f" wait = least(2 ** fetch_failures.failures, {MAX_WAIT_POLLS})::INTEGER,"
        " reason = excluded.reason, last_failed = excluded.last_failed", [link, reason])

"""What a feed watcher has seen: stored articles by URL, feed id and content hash."""

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

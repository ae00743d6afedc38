"""Idempotent writes: an article and all its records in one transaction, or nothing."""

from __future__ import annotations

from typing import Literal

import duckdb

from newsgraph.ids import content_hash
from newsgraph.model import Analysis, Article
from newsgraph.store.rows import article_row, as_json, record_rows
from newsgraph.store.schema import RECORD_TABLES

WriteOutcome = Literal["new", "updated", "unchanged"]

ARTICLE_COLUMNS = ("id, external_id, url, source, title, published, language, syndicated,"
                   " duplicate_of, content_hash, processed_with, note, text")


def stored_versions(db: duckdb.DuckDBPyConnection, article: Article) -> str | None:
    row = db.execute("SELECT processed_with FROM articles WHERE id = ?", [article.id]).fetchone()
    return row[0] if row else None


def is_current(db: duckdb.DuckDBPyConnection, article: Article) -> bool:
    """True when this article is stored, processed with the same versions."""
    return stored_versions(db, article) == as_json(article.processed_with)


def write_analysis(db: duckdb.DuckDBPyConnection, analysis: Analysis) -> WriteOutcome:
    """Store one analysed article; unchanged when stored with the same versions."""
    article = analysis.article
    existing = stored_versions(db, article)
    if existing == as_json(article.processed_with):
        return "unchanged"
    db.execute("BEGIN TRANSACTION")
    try:
        duplicate_of = article.duplicate_of or first_with_hash(
            db, content_hash(article.text), article.id
        )
        for table in RECORD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
        db.execute("DELETE FROM articles WHERE id = ?", [article.id])
        db.execute(f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 13)})",
                   list(article_row(analysis, duplicate_of)))
        for table, rows in record_rows(analysis).items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return "updated" if existing else "new"


def first_with_hash(db: duckdb.DuckDBPyConnection, digest: str, article_id: str) -> str | None:
    """The first stored original with this content hash (another outlet's copy)."""
    row = db.execute(
        "SELECT id FROM articles WHERE content_hash = ? AND id <> ? AND duplicate_of IS NULL"
        " ORDER BY stored_at, id LIMIT 1",
        [digest, article_id],
    ).fetchone()
    return row[0] if row else None

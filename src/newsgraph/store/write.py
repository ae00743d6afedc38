"""Idempotent, batched writes: many articles per transaction, each fully stored or absent.

A batch is written as columnar appends (one Arrow table per record table), and the
records of articles being replaced are deleted with one statement per table, so the
cost of storing stays small beside the parse. A failure rolls the whole batch back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import duckdb
import pyarrow as pa

from newsgraph.dedup import NearDuplicateIndex, signature
from newsgraph.ids import content_hash
from newsgraph.model import Analysis, Article
from newsgraph.store import signatures
from newsgraph.store.rows import Row, article_row, as_json, record_rows
from newsgraph.store.schema import RECORD_TABLES

WriteOutcome = Literal["new", "updated", "unchanged"]

ARTICLE_COLUMNS = ("id", "external_id", "url", "source", "title", "published", "language",
                   "syndicated", "duplicate_of", "content_hash", "processed_with", "note", "text")


def stored_versions(db: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """``processed_with`` of every stored article among ``ids``."""
    rows = db.execute("SELECT id, processed_with FROM articles WHERE id IN (SELECT unnest(?))",
                      [list(ids)]).fetchall()
    return dict(rows)


def is_current(db: duckdb.DuckDBPyConnection, article: Article) -> bool:
    """True when this article is stored, processed with the same versions."""
    return stored_versions(db, [article.id]).get(article.id) == as_json(article.processed_with)


def current_ids(db: duckdb.DuckDBPyConnection, processed_with: dict[str, str]) -> set[str]:
    """Ids of the articles stored with exactly these versions (a resumed run skips them)."""
    rows = db.execute("SELECT id FROM articles WHERE processed_with = ?",
                      [as_json(processed_with)]).fetchall()
    return {row[0] for row in rows}


def write_analysis(db: duckdb.DuckDBPyConnection, analysis: Analysis,
                   index: NearDuplicateIndex | None = None) -> WriteOutcome:
    """Store one analysed article; unchanged when stored with the same versions."""
    return write_batch(db, [analysis], index)[0]


def write_batch(db: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis],
                index: NearDuplicateIndex | None = None) -> list[WriteOutcome]:
    """Store analysed articles in one transaction; one outcome per analysis, in order.

    An article stored with the same versions (or earlier in the batch) is left
    untouched ("unchanged"); stored with other versions, its records are replaced.
    ``index`` holds the stored signatures (loaded from ``db`` when not given); the
    batch's new articles are added to it, so a caller that keeps it must drop it when
    this raises.
    """
    existing = stored_versions(db, [a.article.id for a in analyses])
    outcomes: list[WriteOutcome] = []
    chosen: dict[str, Analysis] = {}
    for analysis in analyses:
        article = analysis.article
        versions = as_json(article.processed_with)
        if article.id in chosen or existing.get(article.id) == versions:
            outcomes.append("unchanged")
            continue
        chosen[article.id] = analysis
        outcomes.append("updated" if article.id in existing else "new")
    if not chosen:
        return outcomes
    db.execute("BEGIN TRANSACTION")
    try:
        index = signatures.load_index(db) if index is None else index
        tables, new_signatures = batch_rows(db, list(chosen.values()), index)
        replaced = [aid for aid in chosen if aid in existing]
        if replaced:
            for table in RECORD_TABLES:
                db.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))",
                           [replaced])
            db.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [replaced])
        append(db, "articles", tables.pop("articles"), ARTICLE_COLUMNS)
        for table, rows in tables.items():
            append(db, table, rows)
        signatures.insert(db, new_signatures)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return outcomes


def batch_rows(db: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis],
               index: NearDuplicateIndex
               ) -> tuple[dict[str, list[Row]], list[signatures.SignatureRow]]:
    """The rows of every table for these analyses, duplicates marked, and the signatures of
    articles stored for the first time (which join ``index``, in input order).

    An exact copy (same normalised text) points at the first stored original with that
    text; otherwise a near copy points at the earliest stored article it copies.
    """
    # each text normalised and hashed once here (it was three times per article)
    digests = [content_hash(a.article.text) for a in analyses]
    originals = stored_originals(db, digests)
    tables: dict[str, list[Row]] = {"articles": [], **{table: [] for table in RECORD_TABLES}}
    new_signatures: list[signatures.SignatureRow] = []
    seq = signatures.next_seq(db)
    for analysis, digest in zip(analyses, digests, strict=True):
        article = analysis.article
        first = originals.setdefault(digest, article.id)
        sig = signature(article.text)
        duplicate_of = (article.duplicate_of or (first if first != article.id else None)
                        or index.original_of(article.id, sig))
        if article.id not in index:
            index.add(article.id, sig, duplicate_of)
            new_signatures.append(signatures.signature_row(article.id, seq, sig))
            seq += 1
        tables["articles"].append(article_row(analysis, duplicate_of, digest))
        for table, rows in record_rows(analysis).items():
            tables[table].extend(rows)
    return tables, new_signatures


def stored_originals(db: duckdb.DuckDBPyConnection, digests: Iterable[str]) -> dict[str, str]:
    """For each content hash already stored, the first stored original with it."""
    rows = db.execute(
        "SELECT content_hash, arg_min(id, (stored_at, id)) FROM articles"
        " WHERE content_hash IN (SELECT unnest(?)) AND duplicate_of IS NULL GROUP BY 1",
        [sorted(set(digests))],
    ).fetchall()
    return dict(rows)


def append(db: duckdb.DuckDBPyConnection, table: str, rows: list[Row],
           columns: Sequence[str] | None = None) -> None:
    """Append rows to a table as one columnar (Arrow) insert."""
    if not rows:
        return
    names = list(columns) if columns else [f"c{i}" for i in range(len(rows[0]))]
    batch = pa.table({name: pa.array(values) for name, values in
                      zip(names, zip(*rows, strict=True), strict=True)})
    target = f"{table} ({', '.join(columns)})" if columns else table
    db.register("newsgraph_batch", batch)
    try:
        db.execute(f"INSERT INTO {target} SELECT * FROM newsgraph_batch")
    finally:
        db.unregister("newsgraph_batch")

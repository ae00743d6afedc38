"""The stored MinHash signatures: loading them into a near-duplicate index, adding new ones.

Articles stored before signatures existed (an older store) get theirs computed from
their stored text the first time the index is loaded for writing.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from newsgraph.dedup import NearDuplicateIndex, Signature, signature

SignatureRow = tuple[str, int, int, bytes]


def load_index(db: duckdb.DuckDBPyConnection) -> NearDuplicateIndex:
    """Every stored signature, in the order the articles were first stored."""
    backfill(db)
    index = NearDuplicateIndex()
    rows = db.execute(
        "SELECT s.article_id, s.shingles, s.minhash, a.duplicate_of FROM signatures s"
        " JOIN articles a ON a.id = s.article_id ORDER BY s.seq"
    ).fetchall()
    for article_id, shingles, data, duplicate_of in rows:
        index.add(article_id, Signature.from_bytes(shingles, data), duplicate_of)
    return index


def backfill(db: duckdb.DuckDBPyConnection) -> None:
    """Compute the signature of every stored article that lacks one (oldest first)."""
    missing = db.execute(
        "SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM signatures)"
        " ORDER BY stored_at, id"
    ).fetchall()
    if not missing:
        return
    start = next_seq(db)
    rows = [signature_row(aid, start + i, signature(text or ""))
            for i, (aid, text) in enumerate(missing)]
    insert(db, rows)


def next_seq(db: duckdb.DuckDBPyConnection) -> int:
    rows = db.execute("SELECT coalesce(max(seq) + 1, 0) FROM signatures").fetchall()
    return int(rows[0][0])


def signature_row(article_id: str, seq: int, sig: Signature) -> SignatureRow:
    return (article_id, seq, sig.shingles, sig.to_bytes())


def insert(db: duckdb.DuckDBPyConnection, rows: Sequence[SignatureRow]) -> None:
    """Store new signatures as one columnar insert (inside the caller's transaction)."""
    if not rows:
        return
    ids, seqs, counts, blobs = zip(*rows, strict=True)
    batch = pa.table({"article_id": pa.array(ids, pa.string()), "seq": pa.array(seqs, pa.int64()),
                      "shingles": pa.array(counts, pa.int32()),
                      "minhash": pa.array(blobs, pa.binary())})
    db.register("newsgraph_signatures", batch)
    try:
        db.execute("INSERT INTO signatures SELECT * FROM newsgraph_signatures")
    finally:
        db.unregister("newsgraph_signatures")

"""The store's tables, its schema version, and the migrations from older versions.

Each record table keeps the columns people filter on plus ``record``, the whole
record as JSON, so records may gain fields without a schema change.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.errors import StoreError

SCHEMA_VERSION = 4

# Each article's MinHash (dedup.py), ``seq`` the order articles were first stored in:
# a new article is checked against all of them for near-duplicates, across runs.
SIGNATURES = """
CREATE TABLE IF NOT EXISTS signatures (
    article_id VARCHAR PRIMARY KEY, seq BIGINT, shingles INTEGER, minhash BLOB
);
"""

# Feed items whose page could not be fetched or read (``watch``'s failure memory, by the
# item's link): how often in a row, why the last time, and how many more polls pass it
# over before it is tried again.
FETCH_FAILURES = """
CREATE TABLE IF NOT EXISTS fetch_failures (
    link VARCHAR PRIMARY KEY, failures INTEGER, wait INTEGER, reason VARCHAR,
    last_failed TIMESTAMP
);
"""

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, external_id VARCHAR, url VARCHAR, source VARCHAR, title VARCHAR,
    published VARCHAR, language VARCHAR, syndicated BOOLEAN, duplicate_of VARCHAR,
    content_hash VARCHAR, processed_with VARCHAR, note VARCHAR, text VARCHAR,
    stored_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, name VARCHAR, type VARCHAR, code VARCHAR,
    country VARCHAR, role VARCHAR, record VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    entity_id VARCHAR, article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
    PRIMARY KEY (entity_id, start)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR,
    source_entity VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    target_entity VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, plover_mode VARCHAR, quad_class INTEGER,
    goldstein DOUBLE, factuality VARCHAR, date VARCHAR, place_name VARCHAR,
    place_country VARCHAR, lat DOUBLE, lon DOUBLE, sentence VARCHAR, evidence_start INTEGER,
    evidence_end INTEGER, confidence DOUBLE, record VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
    kind VARCHAR, cue VARCHAR, speaker_entity VARCHAR, speaker_name VARCHAR,
    speaker_code VARCHAR, record VARCHAR
);
CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE,
    lon DOUBLE, geonameid BIGINT, feature VARCHAR, record VARCHAR
);
CREATE TABLE IF NOT EXISTS dates (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
    value VARCHAR, granularity VARCHAR, record VARCHAR
);
""" + SIGNATURES + FETCH_FAILURES
# What takes a store from the version before each key to that version.
MIGRATIONS = {
    2: (  # dates keep their granularity and, like the other records, the whole record
        "ALTER TABLE dates ADD COLUMN granularity VARCHAR",
        "ALTER TABLE dates ADD COLUMN record VARCHAR",
    ),
    3: (SIGNATURES,),  # articles stored before get theirs when the store is next written
    4: (FETCH_FAILURES,),
}

RECORD_TABLES = ("entities", "mentions", "events", "quotes", "places", "dates")


def stored_version(db: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The schema version of an open database: 0 when empty; refuses foreign or newer files."""
    tables = {row[0] for row in db.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "meta" not in tables:
        if tables:
            raise StoreError(
                f"{path}: a DuckDB file that is not a newsgraph store "
                f"(tables: {', '.join(sorted(tables))}); choose another --db path"
            )
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer newsgraph (schema {version}, this one "
            f"reads {SCHEMA_VERSION}): upgrade newsgraph (pip install -U newsgraph)"
        )
    return version


def ensure_schema(db: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    """Create or migrate the tables; a read-only older store is read as it is."""
    version = stored_version(db, path)
    if version == SCHEMA_VERSION:
        return
    if read_only:
        if version:
            return  # an older store reads as it is; the next `newsgraph run` migrates it
        raise StoreError(f"{path}: store needs migration: run `newsgraph run` on it")
    db.execute("BEGIN TRANSACTION")
    try:
        if version == 0:
            db.execute(TABLES)
        for step in range(version + 1, SCHEMA_VERSION + 1) if version else ():
            for statement in MIGRATIONS[step]:
                db.execute(statement)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                   [str(SCHEMA_VERSION)])
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")

"""The DuckDB store: schema, idempotent writes, queries. The only module that speaks SQL.

Each record table keeps the columns people filter on plus ``record``, the whole
record as JSON, so records may gain fields without a schema change. One writer:
parallel workers return analyses and this object writes them, one transaction
per article, so a crash never leaves half an article behind.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Literal

import duckdb

from newsgraph.errors import StoreError
from newsgraph.ids import content_hash
from newsgraph.model import Analysis, Article

SCHEMA_VERSION = 2
WriteOutcome = Literal["new", "updated", "unchanged"]

SCHEMA = """
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
"""
# What takes a store from the version before each key to that version.
MIGRATIONS = {
    2: (  # dates keep their granularity and, like the other records, the whole record
        "ALTER TABLE dates ADD COLUMN granularity VARCHAR",
        "ALTER TABLE dates ADD COLUMN record VARCHAR",
    ),
}

RECORD_TABLES = ("entities", "mentions", "events", "quotes", "places", "dates")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """A newsgraph DuckDB file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (create it with `newsgraph run`)")
        try:
            self.db = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as error:
            raise StoreError(f"{self.path}: cannot open the database: {error}") from None
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: not a newsgraph database: {error}") from None
        self._ensure_schema(read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- schema -------------------------------------------------------------------
    def _ensure_schema(self, read_only: bool) -> None:
        found = self.db.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        tables = {row[0] for row in found}
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer newsgraph (schema {version}, this one "
                    f"reads {SCHEMA_VERSION}): upgrade newsgraph (pip install -U newsgraph)"
                )
            if version == SCHEMA_VERSION:
                return
        elif tables:
            raise StoreError(
                f"{self.path}: a DuckDB file that is not a newsgraph store "
                f"(tables: {', '.join(sorted(tables))}); choose another --db path"
            )
        else:
            version = 0
        if read_only:
            if version:
                return  # an older store reads as it is; the next `newsgraph run` migrates it
            raise StoreError(f"{self.path}: store needs migration: run `newsgraph run` on it")
        with self.transaction():
            if version == 0:
                self.db.execute(SCHEMA)
            for step in range(version + 1, SCHEMA_VERSION + 1) if version else ():
                for statement in MIGRATIONS[step]:
                    self.db.execute(statement)
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # --- writes -------------------------------------------------------------------
    def is_current(self, article: Article) -> bool:
        """True when this article is stored, processed with the same versions."""
        row = self.db.execute(
            "SELECT processed_with FROM articles WHERE id = ?", [article.id]
        ).fetchone()
        return bool(row) and row[0] == _json(article.processed_with)

    def write(self, analysis: Analysis) -> WriteOutcome:
        """Store one analysed article in one transaction; idempotent.

        The same article processed with the same versions is left untouched
        ("unchanged"); processed with other versions, its records are replaced.
        """
        article = analysis.article
        processed_with = _json(article.processed_with)
        existing = self.db.execute(
            "SELECT processed_with FROM articles WHERE id = ?", [article.id]
        ).fetchone()
        if existing and existing[0] == processed_with:
            return "unchanged"
        digest = content_hash(article.text)
        with self.transaction():
            duplicate_of = article.duplicate_of or self._first_with_hash(digest, article.id)
            for table in RECORD_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
            self.db.execute("DELETE FROM articles WHERE id = ?", [article.id])
            self.db.execute(
                "INSERT INTO articles (id, external_id, url, source, title, published, language,"
                " syndicated, duplicate_of, content_hash, processed_with, note, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, article.external_id, article.url, article.source, article.title,
                 article.published, article.language, article.syndicated, duplicate_of, digest,
                 processed_with, analysis.note, article.text],
            )
            self._insert_records(analysis)
        return "updated" if existing else "new"

    def _first_with_hash(self, digest: str, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND id <> ? AND duplicate_of IS NULL"
            " ORDER BY stored_at, id LIMIT 1",
            [digest, article_id],
        ).fetchone()
        return row[0] if row else None

    def _insert_records(self, analysis: Analysis) -> None:
        aid = analysis.article.id
        rows: dict[str, list[list[Any]]] = {table: [] for table in RECORD_TABLES}
        for entity in analysis.entities:
            rows["entities"].append([entity.id, aid, entity.name, entity.type, entity.code,
                                     entity.country, entity.role, _json(asdict(entity))])
            seen = set()
            for mention in entity.mentions:
                if mention.start not in seen:
                    seen.add(mention.start)
                    rows["mentions"].append([entity.id, aid, mention.start, mention.end,
                                             mention.text])
        for event in analysis.events:
            target, place = event.target, event.place
            rows["events"].append([
                event.id, aid, event.source.entity, event.source.name, event.source.code,
                event.source.country, target and target.entity, target and target.name,
                target and target.code, target and target.country, event.cameo,
                event.cameo_root, event.plover, event.plover_mode, event.quad_class,
                event.goldstein, event.factuality, event.date, place and place.name,
                place and place.country, place and place.lat, place and place.lon,
                event.sentence, event.evidence.start, event.evidence.end, event.confidence,
                _json(asdict(event)),
            ])
        for quote in analysis.quotes:
            speaker = quote.speaker
            rows["quotes"].append([quote.id, aid, quote.text, quote.start, quote.end, quote.kind,
                                   quote.cue, speaker and speaker.entity,
                                   speaker and speaker.name, speaker and speaker.code,
                                   _json(asdict(quote))])
        for place in analysis.places:
            rows["places"].append([place.id, aid, place.name, place.country, place.lat,
                                   place.lon, place.geonameid, place.feature,
                                   _json(asdict(place))])
        for ref in analysis.dates:
            rows["dates"].append([ref.id, aid, ref.text, ref.start, ref.end, ref.value,
                                  ref.granularity, _json(asdict(ref))])
        for table, values in rows.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                self.db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", values)

    # --- reads --------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row count of every table a user cares about."""
        tables = ("articles", *RECORD_TABLES)
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def query(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run a read query; returns column names and rows."""
        cursor = self.db.execute(sql, params or [])
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: type | None, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


# --- listing queries for the CLI and API ----------------------------------------------
# Each kind: the SELECT, its filters (option name -> SQL condition with one ?), the order.
LISTINGS: dict[str, tuple[str, dict[str, str], str]] = {
    "articles": (
        "SELECT a.id, a.external_id, a.published, a.source, a.title, a.language,"
        " a.syndicated, a.duplicate_of,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        " FROM articles a",
        {"source": "a.source = ?", "since": "a.published >= ?", "until": "a.published <= ?",
         "language": "a.language = ?", "search": "a.text ILIKE '%' || ? || '%'"},
        "a.published DESC NULLS LAST, a.id",
    ),
    "entities": (
        "SELECT name, type, code, country, role, count(DISTINCT article_id) AS articles,"
        " count(*) AS records FROM entities",
        {"type": "type = ?", "code": "code LIKE ? || '%'", "country": "country = ?",
         "name": "name ILIKE '%' || ? || '%'", "article": "article_id = ?"},
        "articles DESC, name, type, code, country, role",
    ),
    "events": (
        "SELECT date, source_name, source_code, cameo, plover, target_name, target_code,"
        " factuality, place_name, sentence, article_id, id FROM events",
        {"plover": "plover = upper(?)", "cameo": "cameo LIKE ? || '%'",
         "actor": "(source_code LIKE ? || '%' OR target_code LIKE ? || '%')",
         "source_code": "source_code LIKE ? || '%'", "target_code": "target_code LIKE ? || '%'",
         "factuality": "factuality = ?", "article": "article_id = ?", "since": "date >= ?",
         "until": "date <= ?"},
        "date DESC NULLS LAST, id",
    ),
    "quotes": (
        "SELECT speaker_name, speaker_code, kind, cue, text, article_id, id FROM quotes",
        {"speaker": "speaker_name ILIKE '%' || ? || '%'", "kind": "kind = ?",
         "article": "article_id = ?", "search": "text ILIKE '%' || ? || '%'"},
        "article_id, start",
    ),
}
GROUPED = {"entities": " GROUP BY name, type, code, country, role"}


def listing_sql(kind: str, filters: dict[str, Any], limit: int | None) -> tuple[str, list[Any]]:
    """SQL and parameters for ``newsgraph KIND`` with the given filters (None = unset)."""
    select, conditions, order = LISTINGS[kind]
    where, params = [], []
    for name, value in filters.items():
        if value is not None:
            # A condition may use its value more than once ("actor" matches either side).
            where.append(conditions[name])
            params.extend([value] * conditions[name].count("?"))
    sql = select + (" WHERE " + " AND ".join(where) if where else "") + GROUPED.get(kind, "")
    sql += f" ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, params

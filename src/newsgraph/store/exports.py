"""The reads behind ``newsgraph export``: filtered events, whole articles, Parquet copies.

Filters are the events listing's (the one filter table): they pick events, and the
outputs shaped by article (JSON Lines, Parquet) carry the articles of those events
whole. Without filters every article is exported, events or not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from newsgraph.store.filters import parse_filters, where_clause
from newsgraph.store.schema import RECORD_TABLES
from newsgraph.store.stories import story_counts_sql

# The record tables whose ``record`` column holds the whole record as JSON (mentions are
# inside their entity's record), in the output contract's order.
CONTRACT_TABLES = ("entities", "events", "quotes", "places", "dates")
ARTICLE_FIELDS = ("id", "external_id", "url", "source", "title", "published", "language",
                  "syndicated", "duplicate_of", "processed_with", "text")
BATCH = 500


def _events_where(filters: Mapping[str, Any]) -> tuple[str, list[str]]:
    return where_clause("events", parse_filters("events", filters))


def _selected_articles(filters: Mapping[str, Any]) -> tuple[str, list[str]]:
    """SQL for the ids of the exported articles (all of them when no filter is set)."""
    where, params = _events_where(filters)
    if not where:
        return "SELECT id FROM articles", []
    return f"SELECT DISTINCT article_id FROM events{where}", params


def event_columns(db: duckdb.DuckDBPyConnection) -> list[str]:
    """The events table's flat columns (all but the JSON ``record``), in table order."""
    rows = db.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'"
                      " ORDER BY column_index").fetchall()
    return [name for (name,) in rows if name != "record"]


def events_table(db: duckdb.DuckDBPyConnection, filters: Mapping[str, Any]
                 ) -> tuple[list[str], Iterator[tuple]]:
    """The filtered events table, oldest first: its column names and a row iterator."""
    columns = event_columns(db)
    where, params = _events_where(filters)
    quoted = ", ".join(f'"{name}"' for name in columns)
    cursor = db.execute(f"SELECT {quoted} FROM events{where} ORDER BY date NULLS LAST, id",
                        params)
    return columns, _rows(cursor)


def gdelt_events(db: duckdb.DuckDBPyConnection, filters: Mapping[str, Any],
                 symmetric: Iterable[str]) -> tuple[list[str], Iterator[tuple]]:
    """Filtered events with what a GDELT row needs from their article, their place and
    the store: oldest first.

    ``mentions``/``sources``/``articles`` are the counts of the event's story-level event
    (``store/stories.py``, the same as ``events --grouped`` shows, over the whole store
    whatever the filters: GDELT's one event told many times); ``lead_end`` is the offset
    where the article's lead paragraph (the first after the headline) ends.
    """
    where, params = _events_where(filters)
    sql = f"""
        WITH story AS ({story_counts_sql(symmetric)}),
        chosen AS (SELECT * FROM events{where}),
        place AS (
            SELECT article_id, name, arg_min(geonameid, id) AS geonameid,
                   arg_min(feature, id) AS feature
            FROM places GROUP BY ALL
        )
        SELECT e.id, e.date, e.source_name, e.source_code, e.source_country,
               e.target_name, e.target_code, e.target_country, e.cameo, e.cameo_root,
               e.quad_class, e.goldstein, e.evidence_start, e.place_name, e.place_country,
               e.lat, e.lon, p.geonameid, p.feature, a.published, a.url,
               strftime(a.stored_at, '%Y%m%d%H%M%S') AS stored_at,
               s.num_mentions AS mentions, s.num_articles AS articles,
               s.num_sources AS sources, {_LEAD_END} AS lead_end
        FROM chosen e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN story s ON s.event_id = e.id
        LEFT JOIN place p ON p.article_id = e.article_id AND p.name = e.place_name
        ORDER BY e.date NULLS LAST, e.id
    """
    cursor = db.execute(sql, params)
    return [d[0] for d in cursor.description], _rows(cursor)


# The lead paragraph: skip the headline (the first line when it is the title), then the
# paragraph ends at the next blank line (or line break), else at the end of the text.
_BODY_START = ("CASE WHEN a.title IS NOT NULL AND starts_with(a.text, a.title)"
               " THEN length(a.title) ELSE 0 END")
_BODY = f"substr(a.text, {_BODY_START} + 1)"
_SKIPPED = f"(length({_BODY}) - length(ltrim({_BODY}, chr(10) || chr(13) || ' ')))"
_LEAD = f"ltrim({_BODY}, chr(10) || chr(13) || ' ')"
_LEAD_END = (f"({_BODY_START} + {_SKIPPED} + CASE WHEN strpos({_LEAD}, chr(10)) > 0"
             f" THEN strpos({_LEAD}, chr(10)) - 1 ELSE length({_LEAD}) END)")


def articles(db: duckdb.DuckDBPyConnection, filters: Mapping[str, Any]
             ) -> Iterator[dict[str, Any]]:
    """Every exported article as the output contract's dict (records in stored order)."""
    selected, params = _selected_articles(filters)
    ids = [row[0] for row in db.execute(
        f"SELECT id FROM articles WHERE id IN ({selected})"
        " ORDER BY published NULLS LAST, id", params).fetchall()]
    for start in range(0, len(ids), BATCH):
        yield from _article_batch(db, ids[start:start + BATCH])


def _article_batch(db: duckdb.DuckDBPyConnection, ids: Sequence[str]
                   ) -> Iterator[dict[str, Any]]:
    fields = ", ".join(ARTICLE_FIELDS)
    rows = db.execute(f"SELECT {fields}, note FROM articles WHERE id IN (SELECT unnest(?))",
                      [list(ids)]).fetchall()
    by_id = {row[0]: row for row in rows}
    records: dict[str, dict[str, list]] = {aid: {t: [] for t in CONTRACT_TABLES} for aid in ids}
    for table in CONTRACT_TABLES:
        # one append per article keeps its records in the order the analysis gave them
        for aid, record in db.execute(
                f"SELECT article_id, record FROM {table}"
                " WHERE article_id IN (SELECT unnest(?)) ORDER BY rowid", [list(ids)]
        ).fetchall():
            records[aid][table].append(json.loads(record))
    for aid in ids:
        row = by_id[aid]
        article = dict(zip(ARTICLE_FIELDS, row[:-1], strict=True))
        article["processed_with"] = json.loads(article["processed_with"] or "{}")
        yield {"article": article, **records[aid], "note": row[-1]}


def copy_parquet(db: duckdb.DuckDBPyConnection, directory: Path, filters: Mapping[str, Any]
                 ) -> dict[str, Path]:
    """One Parquet file per table (``articles`` and every record table) in ``directory``,
    restricted by the filters; returns each table's file."""
    where, params = _events_where(filters)
    selected, selected_params = _selected_articles(filters)
    written = {}
    for table in ("articles", *RECORD_TABLES):
        if table == "events":
            query, bound = f"SELECT * FROM events{where}", params
        elif not where:
            query, bound = f"SELECT * FROM {table}", []
        else:
            key = "id" if table == "articles" else "article_id"
            query, bound = f"SELECT * FROM {table} WHERE {key} IN ({selected})", selected_params
        path = directory / f"{table}.parquet"
        target = str(path).replace("'", "''")
        db.execute(f"COPY ({query} ORDER BY rowid) TO '{target}' (FORMAT parquet)", bound)
        written[table] = path
    return written


def _rows(cursor: duckdb.DuckDBPyConnection, size: int = 2000) -> Iterator[tuple]:
    while batch := cursor.fetchmany(size):
        yield from batch

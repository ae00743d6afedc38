"""Read queries: the listings behind ``newsgraph KIND`` (and an API), counts and stats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb

from newsgraph.store.filters import parse_filters, where_clause
from newsgraph.store.schema import RECORD_TABLES
from newsgraph.store.stories import story_events_sql


@dataclass(frozen=True)
class Listing:
    """A listing's SELECT (without WHERE), its optional GROUP BY and its order."""

    select: str
    order: str
    group_by: str = ""


LISTINGS: dict[str, Listing] = {
    "articles": Listing(
        "SELECT a.id, a.external_id, a.published, a.source, a.title, a.language,"
        " a.syndicated, a.duplicate_of,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        " FROM articles a",
        "a.published DESC NULLS LAST, a.id",
    ),
    "entities": Listing(
        "SELECT name, type, code, country, role, count(DISTINCT article_id) AS articles,"
        " count(*) AS records FROM entities",
        "articles DESC, name, type, code, country, role",
        group_by="name, type, code, country, role",
    ),
    "events": Listing(
        "SELECT date, source_name, source_code, cameo, plover, target_name, target_code,"
        " factuality, confidence, place_name, sentence, article_id, id FROM events",
        "date DESC NULLS LAST, id",
    ),
    "quotes": Listing(
        "SELECT speaker_name, speaker_code, kind, cue, text, article_id, id FROM quotes",
        "article_id, start, id",
    ),
}


def listing_sql(kind: str, values: Mapping[str, Any], limit: int | None, offset: int = 0
                ) -> tuple[str, list]:
    """SQL and parameters for a listing; values are validated first (FilterError).

    Every listing's order ends with a unique column, so pages (``limit``, ``offset``)
    never skip or repeat a row."""
    listing = LISTINGS[kind]
    where, params = where_clause(kind, parse_filters(kind, values))
    sql = listing.select + where
    if listing.group_by:
        sql += f" GROUP BY {listing.group_by}"
    sql += f" ORDER BY {listing.order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return sql, params


def grouped_events_sql(values: Mapping[str, Any], limit: int | None,
                       symmetric: frozenset[str], offset: int = 0) -> tuple[str, list]:
    """SQL and parameters for story-level events grouped from the events the filters select
    (so their counts are of the selected mentions); the order ends with the story id."""
    where, params = where_clause("events", parse_filters("events", values))
    sql = (f"{story_events_sql(symmetric, f'(SELECT * FROM events{where})')}"
           " ORDER BY num_mentions DESC, date DESC NULLS LAST, story_id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return sql, params


def run_query(db: duckdb.DuckDBPyConnection, sql: str, params: list | None = None
              ) -> tuple[list[str], list[tuple]]:
    cursor = db.execute(sql, params or [])
    return [d[0] for d in cursor.description], cursor.fetchall()


def counts(db: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table a user cares about."""
    return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", *RECORD_TABLES)}


@dataclass
class Stats:
    """What ``newsgraph stats`` shows: schema version, table counts, events by PLOVER type."""

    schema_version: int
    counts: dict[str, int]
    events_by_plover: list[tuple[str, int]] = field(default_factory=list)


def stats(db: duckdb.DuckDBPyConnection, schema_version: int) -> Stats:
    by_plover = db.execute(
        "SELECT coalesce(plover, '(statement)'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return Stats(schema_version, counts(db), [(p, n) for p, n in by_plover])

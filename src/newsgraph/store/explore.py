"""Read queries behind the HTTP API and the explorer: pages of records, one article with
all its records, and the aggregates (actor network, timeline, places).

Every query that takes filters reads them from the one filter table (``filters.py``), so
the API, the explorer and the CLI accept the same filters with the same meaning.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.knowledge.events import load_symmetric
from newsgraph.store.filters import parse_filters, where_clause
from newsgraph.store.queries import grouped_events_sql, listing_sql, run_query

# How an actor becomes a network node: by its country (an actor with none keeps its code)
# or by its full CAMEO code.
NODE_KEYS = {"country": "coalesce({side}_country, {side}_code)", "code": "{side}_code"}
RECORD_ORDER = {"events": "date DESC NULLS LAST, id", "quotes": "article_id, start, id"}


@dataclass(frozen=True)
class Page:
    """One page of a listing: its rows, and how many rows the whole listing has."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Reader:
    """Read-only queries over one DuckDB connection (a cursor per thread or request)."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()

    def _total(self, kind: str, table: str, filters: Mapping[str, Any]) -> int:
        where, params = where_clause(kind, parse_filters(kind, filters))
        return self.db.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]

    # --- pages -------------------------------------------------------------------
    def articles(self, filters: Mapping[str, Any], limit: int, offset: int = 0) -> Page:
        """Articles newest first (without their text), with their event and quote counts."""
        columns, rows = run_query(self.db, *listing_sql("articles", filters, limit, offset))
        items = [dict(zip(columns, row, strict=True)) for row in rows]
        return Page(self._total("articles", "articles a", filters), limit, offset, items)

    def records(self, kind: str, filters: Mapping[str, Any], limit: int, offset: int = 0
                ) -> Page:
        """Events (newest first) or quotes (by article and position) as contract records,
        each with its ``article_id``; the order ends with the record id, so it is stable."""
        where, params = where_clause(kind, parse_filters(kind, filters))
        rows = self.db.execute(
            f"SELECT record, article_id FROM {kind}{where} ORDER BY {RECORD_ORDER[kind]}"
            f" LIMIT {int(limit)} OFFSET {int(offset)}", params).fetchall()
        items = [{**json.loads(record), "article_id": article_id} for record, article_id in rows]
        return Page(self._total(kind, kind, filters), limit, offset, items)

    def stories(self, filters: Mapping[str, Any], limit: int, offset: int = 0) -> Page:
        """Story-level events (store/stories.py) grouped from the events the filters select,
        most mentioned first."""
        sql, params = grouped_events_sql(filters, limit, load_symmetric(DEFAULT_DIRECTORY),
                                         offset)
        columns, rows = run_query(self.db, sql, params)
        items = [dict(zip(columns, row, strict=True)) for row in rows]
        count_sql, _ = grouped_events_sql(filters, None, load_symmetric(DEFAULT_DIRECTORY))
        total = self.db.execute(f"SELECT count(*) FROM ({count_sql})", params).fetchone()[0]
        return Page(total, limit, offset, items)

    # --- one article -------------------------------------------------------------
    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article (with its text) and all its records, as in the output contract."""
        columns, rows = run_query(
            self.db, "SELECT id, external_id, url, source, title, published, language,"
            " syndicated, duplicate_of, processed_with, note, text FROM articles WHERE id = ?",
            [article_id])
        if not rows:
            return None
        article = dict(zip(columns, rows[0], strict=True))
        article["processed_with"] = json.loads(article["processed_with"] or "{}")
        note = article.pop("note")
        result: dict[str, Any] = {"article": article, "note": note}
        for table, order in (("entities", "id"), ("events", "evidence_start, id"),
                             ("quotes", "start, id"), ("places", "id"), ("dates", "start, id")):
            rows = self.db.execute(
                f"SELECT record FROM {table} WHERE article_id = ? ORDER BY {order}",
                [article_id]).fetchall()
            result[table] = [json.loads(record) for (record,) in rows if record]
        return result

    # --- aggregates over filtered events -----------------------------------------
    def actors(self, filters: Mapping[str, Any], by: str = "country", limit: int = 50
               ) -> dict[str, list[dict[str, Any]]]:
        """The actor network of the filtered events: nodes (actors with their event counts
        as source and as target) and edges (source → target counts by quad class).

        The same request always gives the same answer: nodes are ordered by events, then
        id; edges by events, then source and target; a node's name is the name its actors
        have most often, ties going to the first in code-point order (``mode`` picked one
        of the tied names by thread timing)."""
        where, params = where_clause("events", parse_filters("events", filters))
        source, target = (NODE_KEYS[by].format(side=side) for side in ("source", "target"))
        nodes = self.db.execute(
            f"WITH e AS (SELECT {source} AS s, {target} AS t, source_name, target_name"
            f" FROM events{where}),"
            " ends AS (SELECT s AS key, source_name AS name, 1 AS as_source, 0 AS as_target"
            " FROM e WHERE s IS NOT NULL UNION ALL SELECT t, target_name, 0, 1 FROM e"
            " WHERE t IS NOT NULL),"
            " counts AS (SELECT key, sum(as_source) AS as_source, sum(as_target) AS as_target,"
            " count(*) AS events FROM ends GROUP BY key),"
            " names AS (SELECT key, name, row_number() OVER (PARTITION BY key"
            " ORDER BY count(*) DESC, name COLLATE \"binary\") AS rank FROM ends"
            " WHERE name IS NOT NULL GROUP BY key, name)"
            " SELECT c.key, n.name, c.as_source, c.as_target, c.events FROM counts c"
            " LEFT JOIN names n ON n.key = c.key AND n.rank = 1"
            f" ORDER BY c.events DESC, c.key LIMIT {int(limit)}", params).fetchall()
        kept = [row[0] for row in nodes]
        edges = self.db.execute(
            f"SELECT {source} AS s, {target} AS t, count(*) AS events,"
            " count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),"
            " count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)"
            f" FROM events{where}{' AND' if where else ' WHERE'}"
            f" list_contains(?::VARCHAR[], {source}) AND list_contains(?::VARCHAR[], {target})"
            " GROUP BY s, t ORDER BY events DESC, s, t",
            [*params, kept, kept]).fetchall() if kept else []
        return {
            "nodes": [{"id": key, "name": name, "as_source": int(s), "as_target": int(t),
                       "events": events} for key, name, s, t, events in nodes],
            "edges": [{"source": s, "target": t, "events": n,
                       "by_quad_class": {"1": q1, "2": q2, "3": q3, "4": q4}}
                      for s, t, n, q1, q2, q3, q4 in edges],
        }

    def timeline(self, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Events per day (events dated to the day only) and quad class, oldest first."""
        where, params = where_clause("events", parse_filters("events", filters))
        rows = self.db.execute(
            f"SELECT date, quad_class, count(*) FROM events{where}"
            f"{' AND' if where else ' WHERE'} length(date) = 10"
            " GROUP BY date, quad_class ORDER BY date, quad_class", params).fetchall()
        days: dict[str, dict[str, Any]] = {}
        for day, quad_class, count in rows:
            entry = days.setdefault(day, {"date": day, "events": 0,
                                          "by_quad_class": {"1": 0, "2": 0, "3": 0, "4": 0}})
            entry["events"] += count
            if quad_class:
                entry["by_quad_class"][str(quad_class)] = count
        return list(days.values())

    def places(self, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Where the filtered events happened (geocoded places only), most events first."""
        where, params = where_clause("events", parse_filters("events", filters))
        columns, rows = run_query(
            self.db,
            f"SELECT place_name AS name, place_country AS country, lat, lon, count(*) AS events"
            f" FROM events{where}{' AND' if where else ' WHERE'} lat IS NOT NULL"
            " GROUP BY place_name, place_country, lat, lon"
            " ORDER BY events DESC, name, country, lat, lon",
            params)
        return [dict(zip(columns, row, strict=True)) for row in rows]

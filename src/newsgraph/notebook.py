"""A read API for notebooks: a store's listings as pandas (or polars) data frames.

>>> import newsgraph
>>> with newsgraph.open("news.duckdb") as news:
...     consults = news.events(actor="RUS", plover="CONSULT")

Each method takes the filters of the command-line listing of the same name (the store's
one filter table, ``newsgraph.store.FILTERS``), validated before any query: a bad value
raises ``FilterError`` naming it. The file is opened read-only for each call and released
after it, so a notebook left open does not keep ``newsgraph run`` from committing to the
same file (a call made while a run commits waits for it, up to ``$NEWSGRAPH_BUSY_SECONDS``).
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any, Literal

from newsgraph.store import Store

Frame = Literal["pandas", "polars"]


class NewsgraphReader:
    """An open store: ``articles()``, ``actors()``, ``events()``, ``stories()`` and
    ``quotes()`` frames, and the explorer's aggregates ``network()``, ``timeline()`` and
    ``places()``."""

    def __init__(self, db: str | Path, frame: Frame = "pandas") -> None:
        if frame not in ("pandas", "polars"):
            raise ValueError(f"frame must be 'pandas' or 'polars', not {frame!r}")
        self.frame = frame
        self.store = Store(db, read_only=True)
        self.store.release()

    def __enter__(self) -> NewsgraphReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def articles(self, limit: int | None = None, **filters: Any) -> Any:
        """Stored articles with their event and quote counts, newest first."""
        return self._listing("articles", filters, limit)

    def actors(self, limit: int | None = None, **filters: Any) -> Any:
        """Actors (the entities listing): name, type, CAMEO code, country, role, and in how
        many articles and records they appear, most frequent first."""
        return self._listing("entities", filters, limit)

    def events(self, limit: int | None = None, **filters: Any) -> Any:
        """Events with their evidence sentence, newest first."""
        return self._listing("events", filters, limit)

    def quotes(self, limit: int | None = None, **filters: Any) -> Any:
        """Quotes with their speaker, by article and position."""
        return self._listing("quotes", filters, limit)

    def stories(self, limit: int | None = None, **filters: Any) -> Any:
        """Story-level events grouped from the events the filters select (same actors,
        CAMEO code and date): ``num_mentions``, ``num_sources``, ``num_articles``,
        ``first_seen``, ``last_seen`` and the first mention; most mentioned first."""
        try:
            return self._frame(*self.store.story_events(filters, limit))
        finally:
            self.store.release()

    # --- the explorer's aggregates over the filtered events ------------------------
    def network(self, by: Literal["country", "code"] = "country", limit: int = 50,
                **filters: Any) -> tuple[Any, Any]:
        """The actor network: a nodes frame (``id``, ``name``, events ``as_source``,
        ``as_target``, ``events``) of the ``limit`` busiest actors, keyed by country or by
        full CAMEO code, and an edges frame (``source``, ``target``, ``events``,
        ``quad_1``…``quad_4``: the events of each quad class)."""
        with closing(self.store.reader()) as reader:
            network = reader.actors(filters, by=by, limit=limit)
        edges = [{**{k: v for k, v in edge.items() if k != "by_quad_class"},
                  **_by_quad_class(edge)} for edge in network["edges"]]
        return (self._records(network["nodes"], NODE_COLUMNS),
                self._records(edges, EDGE_COLUMNS))

    def timeline(self, **filters: Any) -> Any:
        """Events per day (day-dated events only), ``quad_1``…``quad_4``, oldest first."""
        with closing(self.store.reader()) as reader:
            timeline = reader.timeline(filters)
        days = [{"date": day["date"], "events": day["events"], **_by_quad_class(day)}
                for day in timeline]
        return self._records(days, DAY_COLUMNS)

    def places(self, **filters: Any) -> Any:
        """Where the events happened (geocoded places), with event counts."""
        with closing(self.store.reader()) as reader:
            return self._records(reader.places(filters), PLACE_COLUMNS)

    # --- frames --------------------------------------------------------------------
    def _listing(self, kind: str, filters: dict[str, Any], limit: int | None) -> Any:
        try:
            columns, rows = self.store.listing(kind, filters, limit)
        finally:
            self.store.release()
        return self._frame(columns, rows)

    def _records(self, records: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
        return self._frame(list(columns), [tuple(r[c] for c in columns) for r in records])

    def _frame(self, columns: list[str], rows: list[tuple]) -> Any:
        if self.frame == "polars":
            import polars

            return polars.DataFrame(rows, schema=columns, orient="row")
        import pandas

        return pandas.DataFrame.from_records(rows, columns=columns)


NODE_COLUMNS = ("id", "name", "as_source", "as_target", "events")
QUAD_COLUMNS = ("quad_1", "quad_2", "quad_3", "quad_4")
EDGE_COLUMNS = ("source", "target", "events", *QUAD_COLUMNS)
DAY_COLUMNS = ("date", "events", *QUAD_COLUMNS)
PLACE_COLUMNS = ("name", "country", "lat", "lon", "events")


def _by_quad_class(item: dict[str, Any]) -> dict[str, int]:
    return {f"quad_{q}": item["by_quad_class"][str(q)] for q in range(1, 5)}


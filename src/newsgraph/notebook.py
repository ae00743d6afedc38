"""A read API for notebooks: a store's listings as pandas (or polars) data frames.

>>> import newsgraph
>>> with newsgraph.open("news.duckdb") as news:
...     consults = news.events(actor="RUS", plover="CONSULT")

Each method takes the filters of the command-line listing of the same name (the store's
one filter table, ``newsgraph.store.FILTERS``), validated before any query: a bad value
raises ``FilterError`` naming it. The file is opened read-only, so a notebook can read a
store while ``newsgraph run`` is not writing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from newsgraph.store import Store

Frame = Literal["pandas", "polars"]


class NewsgraphReader:
    """An open store: ``articles()``, ``actors()``, ``events()`` and ``quotes()`` frames."""

    def __init__(self, db: str | Path, frame: Frame = "pandas") -> None:
        if frame not in ("pandas", "polars"):
            raise ValueError(f"frame must be 'pandas' or 'polars', not {frame!r}")
        self.frame = frame
        self.store = Store(db, read_only=True)

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

    def _listing(self, kind: str, filters: dict[str, Any], limit: int | None) -> Any:
        columns, rows = self.store.listing(kind, filters, limit)
        if self.frame == "polars":
            import polars

            return polars.DataFrame(rows, schema=columns, orient="row")
        import pandas

        return pandas.DataFrame.from_records(rows, columns=columns)


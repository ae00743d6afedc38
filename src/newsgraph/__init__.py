"""newsgraph: news articles in, actors, events, quotes, places and dates out — with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.notebook import NewsgraphReader

__version__ = "0.1.0"


def extract(text: str, *, published: str | None = None, source: str | None = None,
            url: str | None = None, title: str | None = None,
            model: str | None = None) -> dict[str, Any]:
    """Analyse one article's text and return the JSON output contract as a dict.

    >>> record = extract("Russian President Vladimir Putin met ...", published="2022-02-24")

    Loads the model on each call; for many articles use ``newsgraph.pipeline.Pipeline``.
    """
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(model=model)
    article = pipeline.make_article(text, published=published, source=source, url=url,
                                    title=title)
    return pipeline.analyse(article).to_dict()


def open(db: str | Path, frame: str = "pandas") -> NewsgraphReader:  # noqa: A001
    """Open a store read-only for a notebook: ``events()``, ``quotes()``, ``actors()`` and
    ``articles()`` return pandas data frames (polars with ``frame="polars"``), with the
    filters of the command-line listings. Use it as a context manager, or call ``close()``.

    >>> with newsgraph.open("news.duckdb") as news:
    ...     news.events(actor="PAK", plover="CONSULT")
    """
    from newsgraph.notebook import NewsgraphReader

    return NewsgraphReader(db, frame)  # type: ignore[arg-type]

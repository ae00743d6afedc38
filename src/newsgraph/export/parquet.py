"""Parquet export: one file per table, written by DuckDB's COPY."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsgraph.store import Store
from newsgraph.store.exports import copy_parquet


def write_parquet(store: Store, filters: Mapping[str, Any], directory: Path) -> dict[str, Path]:
    """``TABLE.parquet`` for the articles and every record table in ``directory``; with
    filters, the matching events and the articles (with all their records) they come from."""
    return copy_parquet(store.db, directory, filters)

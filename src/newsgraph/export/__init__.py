"""Exports of a store: GDELT 2.0 event rows, JSON Lines (the output contract), Parquet, CSV.

Each format is one module over the store's export queries (``store/exports.py``); the
filters are the events listing's, from the store's one filter table.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsgraph.errors import ExportError
from newsgraph.export.events_csv import write_events_csv
from newsgraph.export.gdelt import write_gdelt
from newsgraph.export.jsonl import write_jsonl
from newsgraph.export.output import output_directory, text_output
from newsgraph.export.parquet import write_parquet
from newsgraph.store import Store, parse_filters

FORMATS = ("gdelt", "jsonl", "parquet", "csv")
UNITS = {"gdelt": "events", "jsonl": "articles", "csv": "events", "parquet": "tables"}


def export(store: Store, fmt: str, out: str | Path | None, filters: Mapping[str, Any],
           header: bool = False) -> int:
    """Write ``store`` in format ``fmt`` to ``out`` (a file, ``-``/None for stdout, a
    directory for parquet); returns how many rows (parquet: files) were written."""
    if fmt not in FORMATS:
        raise ExportError(f"no export format {fmt!r} (one of {', '.join(FORMATS)})")
    filters = parse_filters("events", filters)  # a bad value stops before anything is written
    if fmt == "parquet":
        return len(write_parquet(store, filters, output_directory(out)))
    with text_output(out) as stream:
        if fmt == "gdelt":
            return write_gdelt(store, filters, stream, header)
        if fmt == "jsonl":
            return write_jsonl(store, filters, stream)
        return write_events_csv(store, filters, stream)


__all__ = ["FORMATS", "UNITS", "export"]

"""CSV export of the events table, every cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from typing import Any, TextIO

from newsgraph.safe_output import csv_cell
from newsgraph.store import Store
from newsgraph.store.exports import events_table


def write_events_csv(store: Store, filters: Mapping[str, Any], out: TextIO) -> int:
    """The filtered events (all columns but the JSON record) with a header; returns the
    number of rows. Text a spreadsheet would run as a formula is neutralised."""
    columns, rows = events_table(store.db, filters)
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        count += 1
    return count

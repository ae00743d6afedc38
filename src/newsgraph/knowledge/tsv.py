"""The one reader of the knowledge's TSV files."""

from __future__ import annotations

import csv
from pathlib import Path


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a TSV file with a header line, as dicts by column name.

    Blank lines and lines starting with ``#`` (comments) are skipped; cells are stripped, and
    a row's missing cells are empty and cells beyond the header are dropped. No quoting: a
    ``"`` is a character like any other.
    """
    with Path(path).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
    return [
        {key: (value or "").strip() for key, value in row.items() if key is not None}
        for row in reader
    ]

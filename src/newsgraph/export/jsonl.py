"""JSON Lines export: one stored article a line, as ``newsgraph extract`` prints it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TextIO

from newsgraph.export.contract import contract_record
from newsgraph.store import Store
from newsgraph.store.exports import articles


def contract_line(record: dict[str, Any]) -> str:
    """One article's contract as the line ``newsgraph extract`` prints for it."""
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(store: Store, filters: Mapping[str, Any], out: TextIO) -> int:
    """Write the articles the filters pick (all without filters); returns how many."""
    count = 0
    for stored in articles(store.db, filters):
        out.write(contract_line(contract_record(stored)) + "\n")
        count += 1
    return count

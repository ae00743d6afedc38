"""JSON Lines of articles: ``id, title, text, published, source, url`` per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.text import decode, looks_binary

FIELDS = ("title", "url", "source", "published")


def parse_line(line: str, origin: str) -> RawArticle | InputProblem:
    """One JSONL line as an article, or the problem with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputProblem(origin, f"not JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return InputProblem(origin, "not a JSON object")
    raw_id = record.get("id")
    external_id = None if raw_id is None else str(raw_id)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "no 'text' field" if "text" not in record else "'text' is empty or not a string"
        return InputProblem(origin, reason, external_id)
    values = {
        name: (str(record[name]) if record.get(name) not in (None, "") else None)
        for name in FIELDS
    }
    return RawArticle(origin=origin, text=text, external_id=external_id, **values)


def iter_jsonl(path: Path) -> Iterator[RawArticle | InputProblem]:
    """Every line of a JSONL file, in order: an article or a problem for each line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputProblem(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        empty = True
        for number, data in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not data.strip():
                # A blank line is not an input line; keeping it would misalign nothing.
                continue
            empty = False
            if looks_binary(data):
                yield InputProblem(origin, "binary data, not text")
                continue
            yield parse_line(decode(data, origin), origin)
        if empty:
            yield InputProblem(str(path), "empty file")

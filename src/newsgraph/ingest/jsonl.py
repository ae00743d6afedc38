"""JSON Lines of articles: ``id, title, text, published, source, url`` per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsgraph.ingest.guards import (
    BYTES_PER_CHAR,
    MAX_CHARS_ENV,
    clean,
    clean_field,
    max_chars,
    too_long,
)
from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.text import decode, looks_binary

FIELDS = ("title", "url", "source", "published")


def parse_line(line: str, origin: str) -> RawArticle | InputProblem:
    """One JSONL line as an article, or the problem with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputProblem(origin, f"not JSON ({error.msg} at column {error.colno})")
    except RecursionError:
        return InputProblem(origin, "JSON nested too deeply")
    except (ValueError, MemoryError) as error:
        return InputProblem(origin, f"not JSON ({type(error).__name__})")
    if not isinstance(record, dict):
        return InputProblem(origin, "not a JSON object")
    raw_id = record.get("id")
    external_id = None if raw_id is None else str(raw_id)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        reason = "no 'text' field" if "text" not in record else "'text' is empty or not a string"
        return InputProblem(origin, reason, external_id)
    refused = too_long(len(text))
    if refused:
        return InputProblem(origin, refused, external_id)
    values = {
        name: (clean(str(record[name])) if record.get(name) not in (None, "") else None)
        for name in FIELDS
    }
    return RawArticle(origin=origin, text=clean(text), external_id=clean_field(external_id),
                      **values)


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
            if len(data) > BYTES_PER_CHAR * max_chars():
                yield InputProblem(origin, f"line of {len(data):,} bytes cannot hold a text "
                                           f"within the limit of {max_chars():,} characters "
                                           f"(${MAX_CHARS_ENV})")
                continue
            if looks_binary(data):
                yield InputProblem(origin, "binary data, not text")
                continue
            yield parse_line(decode(data, origin), origin)
        if empty:
            yield InputProblem(str(path), "empty file")

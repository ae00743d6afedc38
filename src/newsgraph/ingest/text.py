"""Plain-text articles: the first non-empty line is the headline; the whole file is the text."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from newsgraph.ingest.guards import clean, clean_field, too_long
from newsgraph.ingest.records import InputProblem, RawArticle

log = logging.getLogger(__name__)

ENCODINGS = ("utf-8", "cp1252", "latin-1")
# Text may hold tabs and newlines; a file where many other control bytes appear is binary.
TEXT_CONTROLS = {9, 10, 12, 13}
MAX_CONTROL_SHARE = 0.1


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or mostly control characters."""
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(1, len(sample))


# A UTF-8 text with at most this share of invalid bytes is UTF-8 with damage, not cp1252.
MAX_INVALID_SHARE = 0.01
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, origin: str) -> str:
    """UTF-16 when it starts with its byte-order mark; else UTF-8 (a few invalid bytes are
    replaced by U+FFFD and counted in a warning); else cp1252, else latin-1."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace").removeprefix("\ufeff")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        repaired = data.decode("utf-8", errors="replace")
        invalid = repaired.count("\ufffd") - data.count("\ufffd".encode())
        if invalid <= MAX_INVALID_SHARE * len(data):
            log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD", origin,
                        invalid)
            return repaired.removeprefix("\ufeff")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8":
            log.warning("%s: not UTF-8, read as %s", origin, encoding)
        return text.removeprefix("\ufeff")
    raise AssertionError("latin-1 decodes every byte string")


def headline(text: str) -> str | None:
    """The first non-empty line."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


SIDECAR_FIELDS = ("id", "title", "url", "source", "published")


def read_sidecar(path: Path) -> dict[str, str] | InputProblem:
    """Metadata for ``X.txt`` from an optional ``X.json`` beside it (id, published, source, …)."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return InputProblem(str(sidecar), f"metadata file is not valid JSON: {error}")
    if not isinstance(meta, dict):
        return InputProblem(str(sidecar), "metadata file must hold a JSON object")
    return {k: str(meta[k]) for k in SIDECAR_FIELDS if meta.get(k) not in (None, "")}


def read_text_article(path: Path) -> RawArticle | InputProblem:
    """Read one text file (and its optional JSON sidecar) as an article, or say why not."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return InputProblem(origin, f"cannot read: {error.strerror or error}")
    if not data.strip():
        return InputProblem(origin, "empty file")
    if looks_binary(data) and not data.startswith(UTF16_BOMS):
        return InputProblem(origin, "binary file, not text (NUL or control bytes)")
    meta = read_sidecar(path)
    if isinstance(meta, InputProblem):
        return meta
    text = clean(decode(data, origin))
    refused = too_long(len(text))
    if refused:
        return InputProblem(origin, refused)
    return RawArticle(
        origin=origin,
        text=text,
        external_id=clean_field(meta.get("id", path.stem)),
        title=clean_field(meta.get("title")) or headline(text),
        url=clean_field(meta.get("url")),
        source=clean_field(meta.get("source")),
        published=clean_field(meta.get("published")),
    )

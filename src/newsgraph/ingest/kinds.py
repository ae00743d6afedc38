"""What an input is: by suffix for a directory walk, by content for a file given by name."""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest.feeds import looks_like_feed
from newsgraph.ingest.html import looks_like_html
from newsgraph.ingest.warc import looks_like_warc

SUFFIXES = {
    ".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".warc": "warc", ".warc.gz": "warc",
}
HEAD_BYTES = 1024
# Kinds whose one input may hold many articles.
MANY = frozenset({"jsonl", "feed", "warc"})


def kind_of(path: Path) -> str | None:
    """The kind a directory walk reads the file as, by its suffix in any case; None to skip."""
    if path.name.lower().endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(path.suffix.lower())


def content_kind(head: bytes) -> str:
    """The kind of a document from its first kilobyte: warc, feed, html, else text."""
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    return "text"


def file_kind(path: Path) -> str:
    """The kind of one file: JSON Lines by suffix (a line of JSON looks like text), the rest
    by content; an unreadable file is "text" (reading it reports the problem)."""
    if kind_of(path) == "jsonl":
        return "jsonl"
    try:
        with path.open("rb") as handle:
            return content_kind(handle.read(HEAD_BYTES))
    except OSError:
        return "text"


def is_url(name: str | Path) -> bool:
    """An http(s) address rather than a path."""
    return str(name).lower().startswith(("http://", "https://"))

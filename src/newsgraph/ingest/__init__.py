"""Ingest: turn files, directories and JSON Lines into article inputs, one at a time.

Inputs stream: nothing here holds a whole corpus in memory. Every problem is
reported as an ``InputProblem`` naming the file (and line) so a batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.feeds import iter_feed, looks_like_feed
from newsgraph.ingest.html import looks_like_html, parse_html
from newsgraph.ingest.jsonl import iter_jsonl
from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.text import read_text_article

__all__ = ["InputProblem", "RawArticle", "iter_inputs", "iter_path", "kind_of", "SUFFIXES"]

SUFFIXES = {
    ".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
HEAD_BYTES = 1024


def kind_of(path: Path) -> str | None:
    """The kind a directory walk reads the file as, by its suffix in any case; None to skip."""
    return SUFFIXES.get(path.suffix.lower())


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[RawArticle | InputProblem]:
    """Every article (or problem) from the given files and directories, in order."""
    for path in paths:
        yield from iter_path(Path(path))


def iter_path(path: Path) -> Iterator[RawArticle | InputProblem]:
    """Articles from one file, or from every supported file under a directory (sorted)."""
    if not path.exists():
        yield InputProblem(str(path), "no such file or directory")
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
        if not files:
            yield InputProblem(str(path), "directory holds no .txt, .jsonl, .html or feed files")
        for file in files:
            yield from iter_path(file)
    elif kind_of(path) == "jsonl":
        yield from iter_jsonl(path)
    else:
        yield from iter_markup_or_text(path)


def iter_markup_or_text(path: Path) -> Iterator[RawArticle | InputProblem]:
    """A file recognised by its content: a feed, an HTML page, else a plain-text article."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            if looks_like_feed(head):
                yield from iter_feed(head + handle.read(), str(path))
                return
            if looks_like_html(head):
                yield parse_html(head + handle.read(), str(path))
                return
    except OSError as error:
        yield InputProblem(str(path), f"cannot read: {error.strerror or error}")
        return
    # Anything else is read as a plain-text article; text.py rejects binaries.
    yield read_text_article(path)

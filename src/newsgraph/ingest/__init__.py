"""Ingest: turn files, directories, JSON Lines, web pages, feeds and WARC archives into
article inputs, one at a time.

Inputs stream: nothing here holds a whole corpus in memory. Every problem is
reported as an ``InputProblem`` naming the file (and line) so a batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import feedparser

from newsgraph.ingest.feeds import FeedEntry, iter_feed
from newsgraph.ingest.fetch import Fetcher, FetchSettings
from newsgraph.ingest.html import parse_html
from newsgraph.ingest.jsonl import iter_jsonl
from newsgraph.ingest.kinds import MANY, SUFFIXES, file_kind, is_url, kind_of
from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.text import read_text_article
from newsgraph.ingest.warc import iter_warc
from newsgraph.ingest.web import SeenCheck, iter_url

__all__ = [
    "FeedEntry", "FetchSettings", "Fetcher", "InputProblem", "RawArticle", "SUFFIXES",
    "SeenCheck", "count_articles", "holds_many", "is_url", "iter_inputs", "iter_path", "kind_of",
]

NO_INPUT_FILES = "directory holds no .txt, .jsonl, .html, feed or WARC files"


def iter_inputs(names: Iterable[str | Path], fetcher: Fetcher | None = None,
                seen: SeenCheck | None = None) -> Iterator[RawArticle | InputProblem]:
    """Every article (or problem) from the given files, directories and URLs, in order.

    URLs are fetched with ``fetcher`` (one with the default settings when none is given);
    ``seen`` lets a feed's already processed entries pass without a request.
    """
    with ExitStack() as stack:
        for name in names:
            if is_url(name):
                if fetcher is None:
                    fetcher = stack.enter_context(Fetcher(FetchSettings()))
                yield from iter_url(str(name), fetcher, seen)
            else:
                yield from iter_path(Path(name))


def iter_path(path: Path) -> Iterator[RawArticle | InputProblem]:
    """Articles from one file, or from every supported file under a directory (sorted)."""
    if not path.exists():
        yield InputProblem(str(path), "no such file or directory")
    elif path.is_dir():
        found = walk(path)
        if not found:
            yield InputProblem(str(path), NO_INPUT_FILES)
        for entry in found:
            if isinstance(entry, InputProblem):
                yield entry
            else:
                yield from iter_path(entry)
    elif kind_of(path) == "jsonl":
        yield from iter_jsonl(path)
    else:
        yield from iter_by_content(path)


SYMLINKED_DIRECTORY = "symbolic link to a directory: not followed (give its target by name)"
NOT_A_FILE = "not a regular file (a broken symbolic link?)"


def walk(directory: Path) -> list[Path | InputProblem]:
    """The supported files under a directory, and a problem for every subdirectory that
    is not read (a symbolic link, or one that cannot be listed), sorted by path.

    Links to files are read; links to directories are not followed (they may loop).
    """
    found: list[Path | InputProblem] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or directory
        found.append(InputProblem(str(where), f"cannot read directory: {error.strerror or error}"))

    for root, subdirectories, names in os.walk(directory, onerror=unreadable):
        for name in subdirectories:
            if os.path.islink(os.path.join(root, name)):
                found.append(InputProblem(os.path.join(root, name), SYMLINKED_DIRECTORY))
        for name in names:
            path = Path(root, name)
            if not kind_of(path):
                continue
            found.append(path if path.is_file() else InputProblem(str(path), NOT_A_FILE))
    return sorted(found, key=_where)


def _where(entry: Path | InputProblem) -> str:
    return entry.origin if isinstance(entry, InputProblem) else str(entry)


def files_under(directory: Path) -> list[Path]:
    """The supported files a directory walk reads (problems left out)."""
    return [entry for entry in walk(directory) if isinstance(entry, Path)]


def iter_by_content(path: Path) -> Iterator[RawArticle | InputProblem]:
    """A file recognised by its content: a WARC archive, a feed, an HTML page, else a
    plain-text article."""
    try:
        with path.open("rb") as handle:
            kind = file_kind(path)
            if kind == "warc":
                yield from iter_warc(handle, str(path))
                return
            if kind == "feed":
                yield from iter_feed(handle.read(), str(path))
                return
            if kind == "html":
                yield parse_html(handle.read(), str(path))
                return
    except OSError as error:
        yield InputProblem(str(path), f"cannot read: {error.strerror or error}")
        return
    # Anything else is read as a plain-text article; text.py rejects binaries.
    yield read_text_article(path)


def holds_many(name: str | Path) -> bool:
    """True when one input may yield many articles: a directory, JSON Lines, a feed, a WARC,
    or a URL (which may be a feed)."""
    if is_url(name):
        return True
    path = Path(name)
    return path.is_dir() or file_kind(path) in MANY


def count_articles(names: Iterable[str | Path]) -> int | None:
    """How many articles the inputs hold, for a progress bar; None when only reading them
    all would tell (a WARC archive, a URL)."""
    total = 0
    for name in names:
        if is_url(name):
            return None
        path = Path(name)
        files = files_under(path) if path.is_dir() else [path]
        for file in files:
            count = count_file(file)
            if count is None:
                return None
            total += count
    return total


def count_file(file: Path) -> int | None:
    """Articles in one file: non-blank lines of JSON Lines, entries of a feed, else one
    (an unreadable file counts one: ingest reports it)."""
    kind = file_kind(file)
    if kind == "warc":
        return None
    try:
        if kind == "jsonl":
            with file.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if kind == "feed":
            return max(1, len(feedparser.parse(file.read_bytes()).entries))
    except OSError:
        pass
    return 1

"""Ingest: turn files, directories and JSON Lines into article inputs, one at a time.

Inputs stream: nothing here holds a whole corpus in memory. Every problem is
reported as an ``InputProblem`` naming the file (and line) so a batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.jsonl import iter_jsonl
from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.text import read_text_article

__all__ = ["InputProblem", "RawArticle", "iter_inputs", "iter_path", "kind_of", "SUFFIXES"]

SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def kind_of(path: Path) -> str | None:
    """"text" or "jsonl" by the file's suffix, in any case; None for other suffixes."""
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
            yield InputProblem(str(path), "directory holds no .txt or .jsonl files")
        for file in files:
            yield from iter_path(file)
    elif kind_of(path) == "jsonl":
        yield from iter_jsonl(path)
    else:
        # Any other file is read as a plain-text article; text.py rejects binaries.
        yield read_text_article(path)

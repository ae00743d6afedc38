"""Knowledge: the data files extractors read, loaded lazily into one object.

The files sit beside this module as plain data (TSV/JSONL/YAML) so that an analyst
can extend them without touching code. Nothing here is module-level mutable state:
two ``Knowledge`` objects with different directories can live in one process.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import Any

DEFAULT_DIRECTORY = Path(__file__).parent / "data"
DATA_SUFFIXES = {".tsv", ".txt", ".jsonl", ".json", ".yaml", ".yml", ".csv"}


class Knowledge:
    """Lazily loaded knowledge for every extractor; each part is loaded by its own module."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else DEFAULT_DIRECTORY

    def data_files(self) -> list[Path]:
        return sorted(
            p for p in self.directory.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES
        )

    @cached_property
    def version(self) -> str:
        """A short digest of every data file: changes whenever the knowledge changes."""
        digest = hashlib.sha256()
        for path in self.data_files():
            digest.update(path.relative_to(self.directory).as_posix().encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:12]

    @cached_property
    def actors(self) -> Any:
        from newsgraph.extract import actors

        return actors.load_knowledge(self.directory)

    @cached_property
    def events(self) -> Any:
        from newsgraph.extract import events

        return events.load_knowledge(self.directory)

    @cached_property
    def quotes(self) -> Any:
        from newsgraph.extract import quotes

        return quotes.load_knowledge(self.directory)

    @cached_property
    def places(self) -> Any:
        from newsgraph.extract import places

        return places.load_knowledge(self.directory)

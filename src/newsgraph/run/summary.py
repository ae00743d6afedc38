"""What a run did, counted as it goes."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.ingest import InputProblem


@dataclass
class RunSummary:
    """What a run did: article outcomes, skipped inputs, records written."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[InputProblem] = field(default_factory=list)
    entities: int = 0
    events: int = 0
    quotes: int = 0
    store_seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.new + self.updated + self.unchanged

    def lines(self) -> list[str]:
        lines = [
            f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped",
            f"records written: {self.entities} entities, {self.events} events, "
            f"{self.quotes} quotes",
        ]
        lines += [f"skipped {problem}" for problem in self.skipped]
        return lines

"""Watching feeds: poll them every so often and analyse only the items not seen before.

An item is seen when an article is stored under its link or feed id (it is not fetched
again) or when its page's text is stored already (it is not analysed again). An item whose
page failed (404, timeout, refused, no article text) is remembered in the store and passed
over for 1, 2, 4, ... polls (at most 64) after its 1st, 2nd, 3rd, ... failure in a row,
across watch runs. A feed that is down or malformed is a problem of that cycle; the next
cycle tries it again. A stop
request (a set ``threading.Event``) ends the cycle after the item in hand; what was
analysed is committed in one transaction, so nothing is half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsgraph.ids import content_hash
from newsgraph.ingest import (
    FeedEntry,
    Fetcher,
    FetchSettings,
    InputProblem,
    RawArticle,
    iter_inputs,
)
from newsgraph.pipeline import Pipeline
from newsgraph.run.runner import Engine, run
from newsgraph.store import Store


@dataclass
class Cycle:
    """What one poll of the feeds did."""

    number: int
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    new: int = 0
    seen: int = 0
    waiting: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    stopped: bool = False

    def line(self) -> str:
        """One line for the log: counts, then the problems, shortest first."""
        when = self.started.strftime("%Y-%m-%dT%H:%M:%SZ")
        text = (f"cycle {self.number} at {when}: {self.new} new, {self.seen} seen, "
                f"{len(self.problems)} problem(s)")
        if self.waiting:
            text += f", {self.waiting} failing item(s) left for a later poll"
        if self.problems:
            text += ": " + "; ".join(str(problem) for problem in self.problems)
        return text + (" (stopped)" if self.stopped else "")


def fresh(items: Iterable[RawArticle | InputProblem], store: Store, cycle: Cycle,
          stop: threading.Event) -> Iterator[RawArticle]:
    """The articles whose text is not stored yet; problems and seen texts are counted, and
    a feed item's failed page remembered."""
    for item in items:
        if stop.is_set():
            cycle.stopped = True
            return
        if isinstance(item, InputProblem):
            cycle.problems.append(item)
            if item.link:
                store.record_failure(item.link, item.reason)
        elif store.has_content(content_hash(item.text)):
            cycle.seen += 1
        else:
            yield item


def poll(feeds: Iterable[str], engine: Engine | Pipeline, store: Store, fetch: FetchSettings,
         cycle: Cycle, stop: threading.Event) -> Cycle:
    """One cycle: every feed read, its unseen items fetched, analysed and stored. A link
    listed by several feeds is taken once per cycle (and waits one poll, not one per feed)."""
    taken: set[str] = set()

    def seen(entry: FeedEntry) -> bool:
        if entry.link in taken:
            cycle.seen += 1
            return True
        if entry.link:
            taken.add(entry.link)
        if store.has_item(entry.link, entry.external_id):
            cycle.seen += 1
            return True
        if entry.link and store.wait_for_retry(entry.link):
            cycle.waiting += 1
            return True
        return False

    with Fetcher(fetch) as fetcher:
        summary = run(fresh(iter_inputs(feeds, fetcher, seen), store, cycle, stop), engine,
                      store)
    cycle.new = summary.new + summary.updated
    cycle.seen += summary.unchanged
    cycle.problems += summary.skipped
    return cycle


def watch(feeds: list[str], engine: Engine | Pipeline, store: Store, fetch: FetchSettings,
          every: float, stop: threading.Event, cycles: int | None = None,
          on_cycle: Callable[[Cycle], None] = lambda cycle: None) -> int:
    """Poll ``feeds`` every ``every`` seconds until ``stop`` is set (or ``cycles`` are done);
    returns how many cycles ran."""
    number = 0
    while not stop.is_set() and (cycles is None or number < cycles):
        number += 1
        on_cycle(poll(feeds, engine, store, fetch, Cycle(number), stop))
        if cycles is not None and number >= cycles:
            break
        stop.wait(every)
    return number

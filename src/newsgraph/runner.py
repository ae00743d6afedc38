"""The local batch runner: inputs -> articles -> analyses -> store, streaming, in order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.model import Analysis, Article, failed_analysis
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

log = logging.getLogger(__name__)


def to_article(
    raw: RawArticle, pipeline: Pipeline, published: str | None = None, source: str | None = None
) -> Article | InputProblem:
    """Make an Article from a raw input; ``published``/``source`` fill in only what it lacks."""
    try:
        return pipeline.make_article(
            raw.text,
            external_id=raw.external_id,
            url=raw.url,
            source=raw.source or source,
            title=raw.title,
            published=raw.published or published,
        )
    except InputError as error:
        return InputProblem(raw.origin, str(error), raw.external_id)


def to_articles(
    items: Iterable[RawArticle | InputProblem],
    pipeline: Pipeline,
    published: str | None = None,
    source: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Articles from raw inputs, in order; problems pass through."""
    for item in items:
        if isinstance(item, RawArticle):
            yield to_article(item, pipeline, published, source)
        else:
            yield item


def analyse_inputs(
    items: Iterable[RawArticle | InputProblem],
    pipeline: Pipeline,
    published: str | None = None,
    source: str | None = None,
) -> Iterator[Analysis | InputProblem]:
    """One result per input item, in input order: an Analysis or the problem with it."""
    return pipeline.analyse_many(to_articles(items, pipeline, published, source))


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


def run(
    items: Iterable[RawArticle | InputProblem],
    pipeline: Pipeline,
    store: Store,
    published: str | None = None,
    source: str | None = None,
    on_result: Callable[[Analysis | Article | InputProblem], None] | None = None,
) -> RunSummary:
    """Analyse every input and write it to the store, one transaction per article.

    Articles already stored with the same versions are not parsed again, so an
    interrupted run resumes where it stopped.
    """
    summary = RunSummary()

    def not_yet_stored(item: Article | InputProblem) -> bool:
        if isinstance(item, Article) and store.is_current(item):
            summary.unchanged += 1
            if on_result:
                on_result(item)
            return False
        return True

    articles = to_articles(items, pipeline, published, source)
    for result in pipeline.analyse_many(filter(not_yet_stored, articles)):
        if on_result:
            on_result(result)
        if isinstance(result, InputProblem):
            log.warning("skipped %s", result)
            summary.skipped.append(result)
            continue
        if result.error:
            origin = result.article.external_id or result.article.id
            summary.skipped.append(InputProblem(origin, result.error))
            continue
        outcome = store.write(result)
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.entities += len(result.entities)
        summary.events += len(result.events)
        summary.quotes += len(result.quotes)
    return summary


def failed_line(problem: InputProblem) -> dict:
    """The aligned output line for an input that could not be processed."""
    return failed_analysis(problem.external_id, str(problem))

"""Raw inputs -> articles: defaults filled in, ids computed before any parsing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph.errors import InputError
from newsgraph.ids import article_id
from newsgraph.ingest import InputProblem, RawArticle
from newsgraph.ingest.guards import clean, clean_field
from newsgraph.model import Analysis, Article, failed_analysis
from newsgraph.pipeline import Pipeline


@dataclass(frozen=True)
class Defaults:
    """What the command line fills in for inputs that lack it; never overrides an input."""

    published: str | None = None
    source: str | None = None


def input_id(raw: RawArticle, defaults: Defaults) -> str:
    """The id the article will get: known before language detection and parsing (of the
    text cleaned as ``Pipeline.make_article`` cleans it)."""
    return article_id(clean(raw.text), clean_field(raw.source or defaults.source),
                      clean_field(raw.url))


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


def analyse_chunk(
    pipeline: Pipeline, chunk: list[RawArticle], defaults: Defaults
) -> list[Analysis | InputProblem]:
    """Analyse a chunk of raw articles, one result each, in order (what a worker does).

    Duplicates are not marked here but by the one writer, which sees every chunk in
    input order, so the marks do not depend on how the input was split.
    """
    articles = to_articles(chunk, pipeline, defaults.published, defaults.source)
    return list(pipeline.analyse_many(articles, mark_duplicates=False))


def failed_line(problem: InputProblem) -> dict:
    """The aligned output line for an input that could not be processed."""
    return failed_analysis(problem.external_id, str(problem))

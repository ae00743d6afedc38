"""URLs as inputs: an HTML page, a feed (each entry's link fetched) or a WARC archive,
recognised by content, fetched through fetch.py."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

from newsgraph.ingest.feeds import FeedEntry, entry_article, read_feed, with_headline
from newsgraph.ingest.fetch import Fetcher, FetchError
from newsgraph.ingest.html import parse_html
from newsgraph.ingest.kinds import HEAD_BYTES, content_kind
from newsgraph.ingest.records import InputProblem, RawArticle
from newsgraph.ingest.warc import iter_warc

# Whether a feed entry was processed before (watch skips it without fetching its link).
SeenCheck = Callable[[FeedEntry], bool]


def iter_url(url: str, fetcher: Fetcher, seen: SeenCheck | None = None
             ) -> Iterator[RawArticle | InputProblem]:
    """The articles at a URL: one page, every entry of a feed, or every page of a WARC."""
    try:
        page = fetcher.fetch(url)
    except FetchError as error:
        yield InputProblem(url, str(error))
        return
    kind = content_kind(page.body[:HEAD_BYTES])
    if kind == "warc":
        yield from iter_warc(io.BytesIO(page.body), url)
    elif kind == "feed":
        yield from iter_feed_url(page.body, url, fetcher, seen)
    elif kind == "html":
        yield parse_html(page.body, url, url=page.url)
    else:
        shown = page.content_type.split(";")[0] or "unknown"
        yield InputProblem(url, f"not an HTML page, feed or WARC archive (type {shown})")


def iter_feed_url(data: bytes, origin: str, fetcher: Fetcher, seen: SeenCheck | None = None
                  ) -> Iterator[RawArticle | InputProblem]:
    """Every entry of a fetched feed, its link fetched and extracted, in order; entries
    ``seen`` reports as processed are passed over without a request."""
    entries = read_feed(data, origin)
    if isinstance(entries, InputProblem):
        yield entries
        return
    for entry in entries:
        if seen is None or not seen(entry):
            yield entry_page(entry, f"{origin}#{entry.number}", fetcher)


def entry_page(entry: FeedEntry, origin: str, fetcher: Fetcher) -> RawArticle | InputProblem:
    """The page an entry links to, with the entry's title and date where the page has none;
    the entry's own text when it has no link or its page holds no article text."""
    if not entry.link:
        return entry_article(entry, origin)
    try:
        page = fetcher.fetch(entry.link)
    except FetchError as error:
        return InputProblem(origin, f"{entry.link}: {error}", entry.external_id, entry.link)
    article = parse_html(page.body, origin, url=page.url)
    if isinstance(article, InputProblem):
        fallback = entry_article(entry, origin)
        if isinstance(fallback, RawArticle):
            return fallback
        return InputProblem(origin, f"{entry.link}: {article.reason}", entry.external_id,
                            entry.link)
    title = article.title or entry.title
    return RawArticle(
        origin=origin,
        text=article.text if article.title else with_headline(title, article.text),
        external_id=entry.external_id,
        title=title,
        url=page.url,
        source=article.source or entry.source,
        published=article.published or entry.published,
    )

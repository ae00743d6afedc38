"""RSS and Atom feeds (feedparser): an entry's own text, or its metadata for a fetched page.

A feed file is read offline, one article per entry from the text the entry carries; a feed
fetched from a URL has each entry's link fetched instead (web.py), with the entry's title
and date filling in what the page lacks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import feedparser

from newsgraph.ingest.html import parse_html
from newsgraph.ingest.records import InputProblem, RawArticle

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """The first kilobyte opens an RSS, Atom or RDF feed."""
    head = data[:1024].lower()
    return any(marker in head for marker in FEED_MARKERS)


@dataclass(frozen=True)
class FeedEntry:
    """What a feed says about one item."""

    number: int
    link: str | None
    external_id: str | None
    title: str | None
    published: str | None
    markup: str
    source: str | None


def entry_markup(entry: feedparser.FeedParserDict) -> str:
    """The fullest text an entry carries: its content, else its summary."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    return max(contents, key=len, default="") or entry.get("summary", "")


def entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's publication (else update) day as YYYY-MM-DD, as feedparser read it."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return entry.get("published") or entry.get("updated") or None


def read_feed(data: bytes, origin: str) -> list[FeedEntry] | InputProblem:
    """The entries of a feed, in order, or why it cannot be read."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        reason = " ".join(str(feed.get("bozo_exception", "")).split())
        return InputProblem(origin, f"not a readable feed ({reason})")
    if not feed.entries:
        return InputProblem(origin, "feed holds no entries")
    source = feed.feed.get("title") or None
    return [
        FeedEntry(
            number=number,
            link=entry.get("link") or None,
            external_id=entry.get("id") or entry.get("link") or None,
            title=(entry.get("title") or "").strip() or None,
            published=entry_date(entry),
            markup=entry_markup(entry),
            source=source,
        )
        for number, entry in enumerate(feed.entries, start=1)
    ]


def with_headline(title: str | None, body: str) -> str:
    """The text with its headline first, as in plain-text articles."""
    return f"{title}\n\n{body}" if title and not body.startswith(title) else body


def entry_article(entry: FeedEntry, origin: str) -> RawArticle | InputProblem:
    """An entry as an article from the text it carries itself."""
    article = parse_html(f"<html><body><article>{entry.markup}</article></body></html>",
                         origin, url=entry.link) if entry.markup.strip() else None
    if not isinstance(article, RawArticle):
        return InputProblem(origin, "feed entry holds no text", entry.external_id)
    return RawArticle(
        origin=origin, text=with_headline(entry.title, article.text),
        external_id=entry.external_id, title=entry.title, url=entry.link,
        source=entry.source, published=entry.published,
    )


def iter_feed(data: bytes, origin: str) -> Iterator[RawArticle | InputProblem]:
    """Every entry of a feed file, in order: an article or the problem with it."""
    entries = read_feed(data, origin)
    if isinstance(entries, InputProblem):
        yield entries
        return
    for entry in entries:
        yield entry_article(entry, f"{origin}#{entry.number}")

"""RSS and Atom feeds: each entry with its own text becomes an article (feedparser)."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser

from newsgraph.ingest.html import parse_html
from newsgraph.ingest.records import InputProblem, RawArticle

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """The first kilobyte opens an RSS, Atom or RDF feed."""
    head = data[:1024].lower()
    return any(marker in head for marker in FEED_MARKERS)


def entry_markup(entry: feedparser.FeedParserDict) -> str:
    """The fullest text an entry carries: its content, else its summary."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    return max(contents, key=len, default="") or entry.get("summary", "")


def iter_feed(data: bytes, origin: str) -> Iterator[RawArticle | InputProblem]:
    """Every entry of a feed, in order: an article or the problem with it."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputProblem(origin, f"not a readable feed ({feed.bozo_exception})")
        return
    if not feed.entries:
        yield InputProblem(origin, "feed holds no entries")
        return
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        entry_origin = f"{origin}#{number}"
        markup = entry_markup(entry)
        link = entry.get("link") or None
        article = parse_html(f"<html><body><article>{markup}</article></body></html>",
                             entry_origin, url=link) if markup.strip() else None
        if not isinstance(article, RawArticle):
            yield InputProblem(entry_origin, "feed entry holds no text", entry.get("id"))
            continue
        title = (entry.get("title") or "").strip() or None
        body = article.text
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        yield RawArticle(
            origin=entry_origin,
            text=text,
            external_id=entry.get("id") or link,
            title=title,
            url=link,
            source=source,
            published=entry.get("published") or entry.get("updated") or None,
        )

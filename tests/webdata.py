"""Web inputs made with the real libraries' writers: news pages and WARC archives of them."""

from __future__ import annotations

import html
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CAPTURED = "2022-02-25T08:30:00Z"

STORIES = {
    "putin-khan": (
        "Putin meets Khan in Moscow",
        "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in the "
        "Kremlin on Thursday. The two leaders discussed energy cooperation.",
    ),
    "biden-sanctions": (
        "Biden announces sanctions",
        "US President Joe Biden imposed sanctions on Russia on Thursday. He said the measures "
        "would cut Russian banks off from Western markets.",
    ),
    "price-briefing": (
        "State Department briefing",
        "State Department spokesman Ned Price said the United States had communicated its "
        "position to Pakistan before the visit.",
    ),
}


def news_page(slug: str, published: str | None = None) -> str:
    """A story as a site serves it: navigation, the article, a footer."""
    title, body = STORIES[slug]
    date = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{date}</head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></article>"
        "<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>"
    )


def warc_bytes(records: list[tuple[str, str, int, bytes]], gzip: bool = True) -> bytes:
    """A WARC of HTTP responses ``(url, content type, status, body)``, one request record
    before each as crawlers write them."""
    return warc_with_ends(records, gzip)[0]


def warc_with_ends(records: list[tuple[str, str, int, bytes]], gzip: bool = True
                   ) -> tuple[bytes, list[int]]:
    """The WARC of ``warc_bytes`` and the offset where each record ends (request, response,
    request, …)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    ends = []
    for url, content_type, status, body in records:
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(
            f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode())))
        ends.append(buffer.tell())
        headers = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}",
                                   [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": CAPTURED}))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


def news_warc(gzip: bool = True) -> bytes:
    """Three news pages (one with its own date), an image and a 404 page."""
    return warc_bytes([
        ("http://news.test/putin-khan", "text/html; charset=utf-8", 200,
         news_page("putin-khan", "2022-02-24").encode()),
        ("http://news.test/logo.png", "image/png", 200, b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("http://news.test/biden-sanctions", "text/html", 200,
         news_page("biden-sanctions").encode()),
        ("http://news.test/gone", "text/html", 404, b"<html><body>Not found</body></html>"),
        ("http://news.test/price-briefing", "text/html", 200,
         news_page("price-briefing").encode()),
    ], gzip=gzip)


def bare_page(slug: str) -> str:
    """A story with neither title nor date: only the article's paragraph."""
    return f"<html><body><article><p>{html.escape(STORIES[slug][1])}</p></article></body></html>"


def rss(items: list[tuple[str, str, str, str]], title: str = "Loopback Wire") -> str:
    """An RSS 2.0 feed of ``(guid, title, link, pubDate)`` items, without their text."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{html.escape(headline)}</title><link>{link}</link>"
        f"<pubDate>{date}</pubDate></item>" for guid, headline, link, date in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://news.test/</link>{entries}</channel></rss>")

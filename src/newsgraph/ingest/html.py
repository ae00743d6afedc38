"""HTML pages: the article's text and metadata without the page's boilerplate (trafilatura)."""

from __future__ import annotations

import trafilatura

from newsgraph.ingest.records import InputProblem, RawArticle

HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>")


def looks_like_html(data: bytes) -> bool:
    """The first kilobyte holds an HTML tag (recognised by content, not by file name)."""
    head = data[:1024].lstrip().lower()
    return any(marker in head for marker in HTML_MARKERS)


def parse_html(data: bytes | str, origin: str, url: str | None = None) -> RawArticle | InputProblem:
    """The main text of one HTML page as an article (headline first), or why there is none."""
    document = trafilatura.bare_extraction(
        data, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        return InputProblem(origin, "HTML page holds no article text")
    # trafilatura puts one paragraph per line; a blank line between them, as in text
    # files, keeps the headline and paragraphs apart for the sentence splitter.
    body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    title = (document.title or "").strip() or None
    # The headline leads the text as in plain-text articles, so the pipeline reads it the same.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return RawArticle(
        origin=origin,
        text=text,
        title=title,
        url=url or document.url or None,
        source=document.sitename or document.hostname or None,
        published=document.date or None,
    )

"""WARC archives (plain or gzipped): every HTML response record becomes an article (warcio).

The archive streams: records are read one at a time, so its size does not matter.
A truncated archive keeps the records before the cut and ends with one problem.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.ingest.html import parse_html
from newsgraph.ingest.records import InputProblem, RawArticle

WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"
# One page larger than this is no news article (the same cap as a fetched body).
MAX_RECORD_BYTES = 10 * 1024 * 1024
# A WARC record's header block is far shorter than this.
HEADER_SCAN_BYTES = 64 * 1024
TRUNCATED = "archive is truncated or damaged here; the records before it are kept"
LENGTH_MISMATCH = ("record's Content-Length does not match its block (damaged): skipped, "
                   "the records after it are read")


class TruncatedGzip(Exception):
    """The gzip stream ended inside a member (warcio takes a plain EOFError for a clean end)."""


class CheckedGzip:
    """A gzip reader that raises TruncatedGzip, not EOFError, when the stream is cut, and only
    after handing over every byte decompressed before the cut."""

    def __init__(self, raw: BinaryIO) -> None:
        self.inner = gzip.GzipFile(fileobj=raw, mode="rb")

    def read(self, size: int = -1) -> bytes:
        try:
            # read1: one step at a time, so the bytes before a cut are not dropped with it
            return self.inner.read1(size)
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise TruncatedGzip(str(error)) from None

    def close(self) -> None:
        self.inner.close()


def looks_like_warc(head: bytes) -> bool:
    """The first bytes open a WARC record, plain or inside a gzip member."""
    if head.startswith(WARC_MAGIC):
        return True
    if not head.startswith(GZIP_MAGIC):
        return False
    try:
        opened = zlib.decompressobj(wbits=31).decompress(head, len(WARC_MAGIC))
    except zlib.error:
        return False
    return opened.startswith(WARC_MAGIC)


def is_html_response(record: ArcWarcRecord) -> bool:
    """A successful HTTP response whose body is an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in content_type


def record_article(record: ArcWarcRecord, body: bytes, origin: str
                   ) -> RawArticle | InputProblem:
    """One HTML response as an article: its target URL, its capture day when the page has no
    date of its own."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(body) > MAX_RECORD_BYTES:
        return InputProblem(origin, f"page {url} is over {MAX_RECORD_BYTES:,} bytes", url)
    article = parse_html(body, origin, url=url)
    if isinstance(article, InputProblem):
        return InputProblem(origin, f"{article.reason} ({url})", url)
    captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return RawArticle(
        origin=origin, text=article.text, external_id=url, title=article.title, url=url,
        source=article.source, published=article.published or captured,
    )


def cut_short(record: ArcWarcRecord | None) -> bool:
    """The record's declared length was not all there (read it to its end first)."""
    if record is None:
        return False
    # A record cut inside its header block has no length at all.
    declared = record.rec_headers.get_header("Content-Length")
    return not (declared or "").strip().isdigit() or getattr(record.raw_stream, "limit", 0) > 0


def ends_whole(stream: BinaryIO, records: ArchiveIterator, last: ArcWarcRecord | None) -> bool:
    """In a plain (uncompressed) archive, the last record's block is all there: warcio
    does not tell when a record with HTTP headers was cut inside them, so the bytes are
    counted from the record's start."""
    if last is None or not records.member_info:
        return True
    start = records.member_info[0]
    declared = int(last.rec_headers.get_header("Content-Length") or 0)
    stream.seek(start)
    head = stream.read(HEADER_SCAN_BYTES)
    record = head.lstrip(b"\r\n")  # the blank lines that close the record before it
    header_end = record.find(b"\r\n\r\n")
    size = stream.seek(0, io.SEEK_END)
    needed = start + len(head) - len(record) + header_end + 4 + declared
    return header_end >= 0 and size >= needed


# warcio logs warnings quoting header values of any length from the file (a hostile
# Target-URI of megabytes); what matters reaches the user as this reader's problem lines.
logging.getLogger("warcio").setLevel(logging.ERROR)


class QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its stderr warning on a record not followed by a blank
    line (its Content-Length too short): the warning quotes the next line, any length,
    from a hostile file. ``err_count`` still counts them; ``iter_warc`` reports the record
    as one problem line instead."""

    INC_RECORD = ""


def iter_warc(stream: BinaryIO, origin: str) -> Iterator[RawArticle | InputProblem]:
    """Every HTML response in a WARC stream, in order; a cut ends with one problem line."""
    head = stream.read(2)
    stream.seek(0)
    reader = CheckedGzip(stream) if head == GZIP_MAGIC else stream
    records = QuietArchiveIterator(reader, arc2warc=True)
    number = 0  # the record being read, from the moment it is asked for
    last = None
    # An article is held until the next record is read: only then does warcio find whether
    # its block ended where its Content-Length said (else its text would be cut silently).
    pending: RawArticle | InputProblem | None = None
    try:
        while True:
            number += 1
            damaged = records.err_count
            record = next(records, None)
            if pending is not None:
                yield pending if records.err_count == damaged else InputProblem(
                    pending.origin, LENGTH_MISMATCH)
                pending = None
            if record is None:
                break
            last = record
            if not is_html_response(record):
                continue
            body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(body) <= MAX_RECORD_BYTES and cut_short(record):
                yield InputProblem(f"{origin}#{number}", TRUNCATED)
                return
            pending = record_article(record, body, f"{origin}#{number}")
    except (TruncatedGzip, ArchiveLoadFailed, EOFError, AttributeError, ValueError) as error:
        # warcio meets a cut header as AttributeError or ArchiveLoadFailed.
        if pending is not None:
            yield pending
        yield InputProblem(f"{origin}#{number}", f"{TRUNCATED} ({type(error).__name__})")
        return
    if cut_short(last) or (reader is stream and not ends_whole(stream, records, last)):
        yield InputProblem(f"{origin}#{number - 1}", TRUNCATED)
    elif records.next_line or last is None:
        # Bytes after the last whole record that do not parse as one: a cut header.
        yield InputProblem(f"{origin}#{number}", TRUNCATED)


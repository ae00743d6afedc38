"""Fuzzing ingest and the pipeline with mutated real articles (a seeded generator).

    NEWSGRAPH_SHARED=/work/shared python bench/fuzz.py [--per-reader 10000]
        [--analyse 10000] [--readers txt,jsonl,html,feed,warc] [--seed 17] [--findings DIR]

Inputs are real articles (examples/) mutated the way hostile or broken inputs are: bytes
flipped, inserted, cut and repeated; invalid UTF-8, UTF-16, lone-surrogate escapes, NUL,
terminal escapes, bidi overrides, 10,000 quote marks, deep nesting, HTML tags, JSON fields
of the wrong type, malformed feeds and WARC records; and purely random bytes, random
Unicode (any code point) and huge lines (0.5-3 MB). Each is written as a file of a
kind and read by ingest (``iter_path``): ``--per-reader`` inputs for each reader (plain
text, JSON Lines, HTML, feed, WARC). The pipeline (parse and every extractor) gets
``--analyse`` articles: a tenth from what each reader accepted, the rest mutated passages
of the real articles; all are cut to a few paragraphs, so 10,000 analyses take minutes,
not hours. A finding is any exception escaping ingest or the pipeline, an input that
does not give exactly one line (an article or one problem; one per non-blank JSONL line),
or an extraction failure (logged with a traceback). Findings are printed, and with
``--findings`` their inputs saved.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

NASTY = [
    "\x00", "\x1b[2J", "\x1b]0;pwned\x07", "\u202e", "\u2028", "\ufeff", "\ud83d", "\udc00",
    '"' * 10_000, "<b>", "</p>", "<script>alert(1)</script>", "&amp;", "&#0;", "\r", "\x85",
    "=HYPERLINK(\"http://x\")", "%", "_", "'; DROP TABLE articles; --", "\t" * 50,
    "\u0301" * 500, "😀" * 200, "\n\n" * 300, "." * 5000, "(" * 3000, "President " * 500,
]
NASTY_BYTES = [b"\xff", b"\xc3", b"\xed\xa0\xbd", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00" * 8,
               b"\\ud83d", b"\\u0000", b"[" * 50_000, b"{\"a\":" * 20_000]
JSON_VALUES = [None, 0, -1, 2**70, 1.5e308, True, [], {}, [1, [2, [3]]], {"x": {"y": 1}},
               "", " ", "yesterday", "2022-02-30", "0000-00-00", "9999-12-31T99:99",
               "\ud83d", "<p>", "\x1b[31m", "x" * 10_000]
FIELDS = ["id", "title", "text", "published", "source", "url"]
# The readers fuzzed, and the file suffixes each is given.
READERS = {"txt": ["txt", "TXT"], "jsonl": ["jsonl", "ndjson"], "html": ["html"],
           "feed": ["xml"], "warc": ["warc"]}
# Analysed texts: passages of at most PASSAGE_CHARS before mutation, at most ANALYSE_CHARS
# after (parsing cost grows with length; the readers get the long and huge inputs).
PASSAGE_CHARS = 600
ANALYSE_CHARS = 2000


def real_articles() -> list[dict]:
    """The real articles the mutations start from (examples/)."""
    records = [json.loads(line) for line in
               (EXAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()]
    records.append(json.loads((EXAMPLES / "seed-article.json").read_text(encoding="utf-8")))
    return [r for r in records if isinstance(r.get("text"), str)]


def mutate_text(text: str, rng: random.Random) -> str:
    """Text with a few of the nasty strings, cuts and repeats applied."""
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.5:
            text = text[:where] + rng.choice(NASTY) + text[where:]
        elif choice < 0.7:
            text = text[:where]  # cut
        elif choice < 0.85:
            piece = text[where:where + rng.randint(1, 200)]
            text = text[:where] + piece * rng.randint(2, 50) + text[where:]
        else:
            text = "".join(chr(rng.randint(1, 0x2FFF)) if rng.random() < 0.05 else c
                           for c in text)
    return text


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped, inserted or cut."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        where = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.4 and data:
            data[min(where, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.8:
            data[where:where] = rng.choice(NASTY_BYTES)
        else:
            del data[where:where + rng.randint(1, 100)]
    return bytes(data)


def jsonl_line(record: dict, rng: random.Random) -> str:
    """One JSON line: fields dropped, given wrong types, or the text mutated."""
    record = dict(record)
    for _ in range(rng.randint(0, 3)):
        name = rng.choice(FIELDS)
        if rng.random() < 0.3:
            record.pop(name, None)
        else:
            record[name] = rng.choice(JSON_VALUES)
    if isinstance(record.get("text"), str) and rng.random() < 0.7:
        record["text"] = mutate_text(record["text"], rng)
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        line = line[:rng.randrange(len(line) + 1)]  # cut mid-record
    return line


def html_page(record: dict, rng: random.Random) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in mutate_text(record["text"], rng).split("\n"))
    if rng.random() < 0.2:
        paragraphs = "<div>" * rng.randint(100, 5000) + paragraphs
    page = (f"<!DOCTYPE html><html><head><title>{record.get('title', '')}</title></head>"
            f"<body><article><h1>{record.get('title', '')}</h1>{paragraphs}</article></body>")
    return page[:rng.randrange(len(page) + 1)] if rng.random() < 0.2 else page + "</html>"


def feed(records: list[dict], rng: random.Random) -> str:
    items = "".join(
        f"<item><title>{mutate_text(r.get('title', ''), rng)}</title>"
        f"<link>https://example.org/{rng.randrange(10**6)}</link>"
        f"<pubDate>{rng.choice(JSON_VALUES)}</pubDate>"
        f"<description><![CDATA[{mutate_text(r['text'][:2000], rng)}]]></description></item>"
        for r in records)
    doc = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
           f"{items}</channel></rss>")
    return doc[:rng.randrange(len(doc) + 1)] if rng.random() < 0.3 else doc


def warc(record: dict, rng: random.Random) -> bytes:
    body = html_page(record, rng).encode("utf-8", "surrogatepass")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    length = len(http) if rng.random() < 0.7 else rng.randrange(len(http) * 2 + 1)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
            f"WARC-Record-ID: <urn:uuid:{rng.randrange(10**9)}>\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def random_unicode(rng: random.Random, length: int) -> str:
    """Code points drawn from the whole range (surrogates, controls, unassigned too),
    with line breaks so line-based readers see several lines."""
    return "".join("\n" if rng.random() < 0.01 else chr(rng.randrange(0x110000))
                   for _ in range(length))


def huge_line(rng: random.Random, kind: str) -> bytes:
    """One line of 0.5-3 MB (over the length cap), shaped for the reader."""
    size = rng.randint(500_000, 3_000_000)
    filler = rng.choice(["word ", '"', "x", "<b>", "\u00e9"])
    body = (filler * (size // len(filler) + 1))[:size]
    if kind in ("jsonl", "ndjson"):
        return json.dumps({"id": "huge", "text": body}).encode()
    if kind == "html":
        return f"<html><body><p>{body}</p></body></html>".encode()
    if kind == "xml":
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</title>'
                f"<description>{body}</description></item></channel></rss>").encode()
    if kind == "warc":
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body.encode()
        return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/h"
                f"\r\nContent-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"
    return body.encode()


def generate(rng: random.Random, records: list[dict], reader: str) -> tuple[str, bytes]:
    """One hostile input for ``reader``: its file suffix and bytes. Most are mutated real
    articles; 4 % random bytes, 4 % random Unicode, 0.5 % a huge line."""
    kind = rng.choice(READERS[reader])
    record = rng.choice(records)
    draw = rng.random()
    if draw < 0.04:
        return kind, rng.randbytes(rng.randint(1, 20_000))
    if draw < 0.08:
        return kind, random_unicode(rng, rng.randint(1, 5_000)).encode("utf-8", "surrogatepass")
    if draw < 0.085:
        return kind, huge_line(rng, kind)
    if kind in ("jsonl", "ndjson"):
        lines = [jsonl_line(rng.choice(records), rng) for _ in range(rng.randint(1, 5))]
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    elif kind == "html":
        data = html_page(record, rng).encode("utf-8", "surrogatepass")
    elif kind == "xml":
        data = feed(rng.sample(records, k=min(3, len(records))), rng).encode(
            "utf-8", "surrogatepass")
    elif kind == "warc":
        data = warc(record, rng)
    else:
        text = mutate_text(record["text"], rng)
        encoding = rng.choice(["utf-8", "utf-16", "cp1252"])
        errors = "surrogatepass" if encoding != "cp1252" else "replace"
        data = text.encode(encoding, errors) if rng.random() < 0.95 else b""
    if rng.random() < 0.3:
        data = mutate_bytes(data, rng)
    return kind, data


def passage(records: list[dict], rng: random.Random) -> str:
    """A few consecutive paragraphs of a real article, at most about PASSAGE_CHARS."""
    paragraphs = rng.choice(records)["text"].split("\n")
    start = rng.randrange(len(paragraphs))
    text = ""
    for paragraph in paragraphs[start:]:
        if text and len(text) + len(paragraph) > PASSAGE_CHARS:
            break
        text += paragraph + "\n"
    return text[:PASSAGE_CHARS]


@dataclass
class Report:
    inputs: Counter = field(default_factory=Counter)
    articles: int = 0
    problems: int = 0
    analysed: int = 0
    findings: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)


def expected_lines(kind: str, data: bytes) -> int | None:
    """How many results an input must give: one per non-blank JSONL line (one problem for
    an empty file), one for a text or HTML file; None where the count is the content's
    (feeds, WARC)."""
    if kind in ("jsonl", "ndjson"):
        return sum(1 for line in data.split(b"\n") if line.strip()) or 1
    return None if kind in ("xml", "warc") else 1


def fuzz(per_reader: int, analyse_count: int, seed: int, findings_dir: Path | None = None,
         pipeline=None, progress=lambda line: None, readers: list[str] | None = None) -> Report:
    """Run the fuzzer; returns what it found. ``progress`` gets a line every 1,000 inputs
    of a reader and every 1,000 analyses. ``readers``: the readers fuzzed (all by default)."""
    from newsgraph.pipeline import Pipeline

    rng = random.Random(seed)
    records = real_articles()
    report = Report()
    if analyse_count:
        pipeline = pipeline or Pipeline()  # the model is loaded only when analysing
    extraction_failures: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info:
                extraction_failures.append(record.getMessage())

    catcher = Catch()
    logging.getLogger("newsgraph").addHandler(catcher)
    to_analyse: list = []
    with tempfile.TemporaryDirectory() as tmp:
        for reader in readers or READERS:
            taken = 0
            for number in range(per_reader):
                if number and number % 1000 == 0:
                    progress(f"{reader}: {number} inputs read; {len(report.findings)} findings "
                             "so far")
                kind, data = generate(rng, records, reader)
                accepted = read(Path(tmp) / f"{reader}{number}.{kind}", data, report,
                                findings_dir)
                room = max(analyse_count // 10 - taken, 0)
                to_analyse.extend(cut(article) for article in accepted[:room])
                taken += len(accepted[:room])
            progress(f"{reader}: {per_reader} inputs read; {len(report.findings)} findings "
                     "so far")
    if analyse_count:
        analyse(to_analyse, analyse_count, rng, records, pipeline, report, progress)
    report.findings.extend(f"extraction: {message}" for message in extraction_failures)
    logging.getLogger("newsgraph").removeHandler(catcher)
    return report


def read(path: Path, data: bytes, report: Report, findings_dir: Path | None) -> list:
    """Ingest one input file; returns the articles it gave, records what happened."""
    from newsgraph.ingest import InputProblem, iter_path

    kind = path.suffix[1:]
    path.write_bytes(data)
    report.inputs[kind] += 1
    try:
        items = list(iter_path(path))
    except Exception:  # noqa: BLE001 - that is the finding
        report.findings.append(f"ingest {path.name}: {traceback.format_exc(limit=-1)}")
        keep(findings_dir, path)
        return []
    expected = expected_lines(kind, data)
    if expected is not None and len(items) != expected:
        report.findings.append(f"ingest {path.name}: {len(items)} results, expected {expected}")
        keep(findings_dir, path)
    path.unlink()
    articles = [item for item in items if not isinstance(item, InputProblem)]
    report.articles += len(articles)
    for item in items:
        if isinstance(item, InputProblem):
            report.problems += 1
            report.reasons[item.reason.split(":")[0][:40]] += 1
    return articles


def cut(article):
    """An accepted article with its text cut to a passage's length (parsing cost grows
    with length; the readers saw the whole text)."""
    from dataclasses import replace

    return replace(article, text=article.text[:ANALYSE_CHARS])


def analyse(articles: list, count: int, rng: random.Random, records: list[dict], pipeline,
            report: Report, progress=lambda line: None) -> None:
    """Analyse ``count`` articles (``articles``, then mutated passages), streaming."""
    from newsgraph.ingest import RawArticle
    from newsgraph.run.inputs import analyse_inputs

    def inputs():
        yield from articles[:count]
        for number in range(len(articles), count):
            text = mutate_text(passage(records, rng), rng)[:ANALYSE_CHARS]
            yield RawArticle(origin=f"passage{number}", text=text or "x")

    source = inputs()
    escaped = 0
    while True:  # after an exception, go on with the inputs not yet taken
        try:
            for _ in analyse_inputs(source, pipeline):
                report.analysed += 1
                if report.analysed % 1000 == 0:
                    progress(f"pipeline: {report.analysed} analysed; {len(report.findings)} "
                             "findings so far")
            break
        except Exception:  # noqa: BLE001 - that is the finding
            escaped += 1
            report.findings.append(f"pipeline: {traceback.format_exc(limit=-3)}")
    if not escaped and report.analysed != count:
        report.findings.append(f"pipeline: {report.analysed} results for {count} inputs")


def keep(findings_dir: Path | None, path: Path) -> None:
    if findings_dir is not None:
        findings_dir.mkdir(parents=True, exist_ok=True)
        (findings_dir / path.name).write_bytes(path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-reader", type=int, default=10_000,
                        help="inputs given to each reader (txt, JSONL, HTML, feed, WARC)")
    parser.add_argument("--analyse", type=int, default=10_000, help="articles analysed")
    parser.add_argument("--readers", default=",".join(READERS),
                        help="readers fuzzed, comma-separated (default: all)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--findings", type=Path, help="directory to keep failing inputs in")
    args = parser.parse_args()
    started = time.monotonic()
    readers = [name for name in args.readers.split(",") if name]
    unknown = set(readers) - set(READERS)
    if unknown:
        parser.error(f"unknown readers: {', '.join(sorted(unknown))} (known: {', '.join(READERS)})")
    report = fuzz(args.per_reader, args.analyse, args.seed, args.findings,
                  progress=lambda line: print(
                      f"{time.monotonic() - started:.0f} s: {line}", flush=True),
                  readers=readers)
    inputs = ", ".join(f"{n} .{kind}" for kind, n in sorted(report.inputs.items()))
    print(f"seed {args.seed}: {sum(report.inputs.values())} inputs to ingest ({inputs}) -> "
          f"{report.articles} articles, "
          f"{report.problems} problems; {report.analysed} articles analysed; "
          f"{len(report.findings)} findings; {time.monotonic() - started:.0f} s")
    print("problems by reason:", ", ".join(f"{r!r} {n}" for r, n in report.reasons.most_common()))
    for finding in report.findings[:50]:
        print("FINDING", finding.strip().replace("\n", " | ")[:500])
    sys.exit(1 if report.findings else 0)


if __name__ == "__main__":
    main()

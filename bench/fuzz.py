"""Fuzzing ingest and the pipeline with mutated real articles (a seeded generator).

    NEWSGRAPH_SHARED=/work/shared python bench/fuzz.py [--ingest 10000] [--analyse 10000]
        [--seed 17] [--findings DIR]

Inputs are real articles (examples/) mutated the way hostile or broken inputs are: bytes
flipped, inserted, cut and repeated; invalid UTF-8, UTF-16, lone-surrogate escapes, NUL,
terminal escapes, bidi overrides, 10,000 quote marks, deep nesting, HTML tags, JSON fields
of the wrong type, malformed feeds and WARC records. Each is written as a file of a
random kind and read by ingest (``iter_path``); what ingest accepts is analysed by the
real pipeline. A finding is any exception escaping ingest or the pipeline, an input that
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
KINDS = ["txt", "jsonl", "html", "xml", "warc", "ndjson", "TXT"]


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


def generate(rng: random.Random, records: list[dict]) -> tuple[str, bytes]:
    """One hostile input: its file suffix and bytes."""
    kind = rng.choice(KINDS)
    record = rng.choice(records)
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


@dataclass
class Report:
    inputs: int = 0
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


def fuzz(ingest_count: int, analyse_count: int, seed: int, findings_dir: Path | None = None,
         pipeline=None) -> Report:
    """Run the fuzzer; returns what it found."""
    from newsgraph.ingest import InputProblem, RawArticle, iter_path
    from newsgraph.pipeline import Pipeline
    from newsgraph.run.inputs import analyse_inputs

    rng = random.Random(seed)
    records = real_articles()
    report = Report()
    pipeline = pipeline or Pipeline()
    extraction_failures: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info:
                extraction_failures.append(record.getMessage())

    catcher = Catch()
    logging.getLogger("newsgraph").addHandler(catcher)
    to_analyse: list[RawArticle] = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(ingest_count):
            kind, data = generate(rng, records)
            path = Path(tmp) / f"input{number}.{kind}"
            path.write_bytes(data)
            report.inputs += 1
            try:
                items = list(iter_path(path))
            except Exception:  # noqa: BLE001 - that is the finding
                report.findings.append(f"ingest {path.name}: {traceback.format_exc(limit=-1)}")
                keep(findings_dir, path)
                continue
            expected = expected_lines(kind, data)
            if expected is not None and len(items) != expected:
                report.findings.append(f"ingest {path.name}: {len(items)} results, "
                                       f"expected {expected}")
                keep(findings_dir, path)
            for item in items:
                if isinstance(item, InputProblem):
                    report.problems += 1
                    report.reasons[item.reason.split(":")[0][:40]] += 1
                else:
                    report.articles += 1
                    if len(to_analyse) < analyse_count:
                        to_analyse.append(item)
            path.unlink()
        # Fill up with directly mutated texts when ingest accepted fewer articles.
        while len(to_analyse) < analyse_count:
            text = mutate_text(rng.choice(records)["text"], rng)
            to_analyse.append(RawArticle(origin=f"text{len(to_analyse)}", text=text or "x"))
    try:
        results = list(analyse_inputs(to_analyse, pipeline))
    except Exception:  # noqa: BLE001 - that is the finding
        report.findings.append(f"pipeline: {traceback.format_exc(limit=-3)}")
        results = []
    report.analysed = len(results)
    if results and len(results) != len(to_analyse):
        report.findings.append(f"pipeline: {len(results)} results for {len(to_analyse)} inputs")
    report.findings.extend(f"extraction: {message}" for message in extraction_failures)
    logging.getLogger("newsgraph").removeHandler(catcher)
    return report


def keep(findings_dir: Path | None, path: Path) -> None:
    if findings_dir is not None:
        findings_dir.mkdir(parents=True, exist_ok=True)
        (findings_dir / path.name).write_bytes(path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", type=int, default=10_000, help="inputs given to ingest")
    parser.add_argument("--analyse", type=int, default=10_000, help="articles analysed")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--findings", type=Path, help="directory to keep failing inputs in")
    args = parser.parse_args()
    started = time.monotonic()
    report = fuzz(args.ingest, args.analyse, args.seed, args.findings)
    print(f"seed {args.seed}: {report.inputs} inputs to ingest -> {report.articles} articles, "
          f"{report.problems} problems; {report.analysed} articles analysed; "
          f"{len(report.findings)} findings; {time.monotonic() - started:.0f} s")
    print("problems by reason:", ", ".join(f"{r!r} {n}" for r, n in report.reasons.most_common()))
    for finding in report.findings[:50]:
        print("FINDING", finding.strip().replace("\n", " | ")[:500])
    sys.exit(1 if report.findings else 0)


if __name__ == "__main__":
    main()

"""Quote speakers on Wikinews articles, judged by hand (no gold set ships with the corpus).

usage: [NEWSGRAPH_SHARED=../shared] python bench/wikinews_speakers.py [--show] [--out FILE]

The first ``ARTICLES`` articles of ``corpus/wikinews/articles.jsonl`` are analysed; their
halves alternate by position (even: tuning, odd: checking). From every quote found, a fixed
sample is drawn: the ``SAMPLE_SIZE`` whose keys (article id, start, end) hash lowest, so
the same code gives the same sample and a quote whose span changed is a new key, judged
again. ``bench/wikinews_speakers.tsv`` holds the judgments: key, the speaker name given
when judged, ``right``/``wrong``, an error class and a note. A speaker is right when it
names who said the words: the entity (any of its names), or, when the article names no one,
the phrase that stands for the source ("officials"). ``--show`` prints the unjudged ones
with the text before them; without it the script prints the share right per half, the
error classes, and the sampled quotes whose speaker changed since they were judged (left
out of the share until judged again).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "wikinews" / "articles.jsonl"
JUDGMENTS = REPO / "bench" / "wikinews_speakers.tsv"
ARTICLES = 60
SAMPLE_SIZE = 100
HALVES = ("tuning", "checking")


def found_quotes(limit: int = ARTICLES) -> list[dict]:
    """Every quote of the first ``limit`` articles, with its half and text."""
    pipeline = Pipeline()
    found = []
    with CORPUS.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()][:limit]
    for position, line in enumerate(lines):
        record = json.loads(line)
        article = pipeline.make_article(record["text"], external_id=record["id"],
                                        source=record.get("source"),
                                        published=record.get("published"))
        analysis = pipeline.analyse(article)
        for quote in analysis.quotes:
            found.append({
                "key": f"{record['id']}:{quote.start}:{quote.end}",
                "half": HALVES[position % 2], "text": article.text,
                "start": quote.start, "end": quote.end, "cue": quote.cue,
                "speaker": quote.speaker.name if quote.speaker is not None else "",
            })
    return found


def sample(found: list[dict]) -> list[dict]:
    """The SAMPLE_SIZE quotes whose keys hash lowest, in text order."""
    def rank(quote: dict) -> str:
        return hashlib.sha256(quote["key"].encode("utf-8")).hexdigest()
    chosen = {q["key"] for q in sorted(found, key=rank)[:SAMPLE_SIZE]}
    return [q for q in found if q["key"] in chosen]


def judgments() -> dict[str, dict]:
    if not JUDGMENTS.exists():
        return {}
    with JUDGMENTS.open(encoding="utf-8") as handle:
        return {row["key"]: row for row in csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t")}


def show(quotes: list[dict], rows: dict[str, dict]) -> None:
    for quote in quotes:
        if quote["key"] in rows and rows[quote["key"]]["speaker"] == quote["speaker"]:
            continue
        text, start, end = quote["text"], quote["start"], quote["end"]
        before = text[max(0, start - 400) : start].replace("\n", " / ")
        after = text[end : end + 80].replace("\n", " / ")
        print(f"{quote['key']}\t{quote['speaker']}\n  cue={quote['cue']!r} …{before}"
              f"[[{text[start:end][:200]}]]{after}\n")


def report(quotes: list[dict], rows: dict[str, dict]) -> None:
    for half in (*HALVES, None):
        part = [q for q in quotes if half is None or q["half"] == half]
        # A record whose speaker changed since it was judged is not judged any more.
        judged = [q for q in part if q["key"] in rows and rows[q["key"]]["speaker"] == q["speaker"]]
        right = sum(rows[q["key"]]["verdict"] == "right" for q in judged)
        classes = Counter(rows[q["key"]]["error"] for q in judged
                          if rows[q["key"]]["verdict"] != "right")
        print(f"{half or 'all'}: wikinews speakers judged by hand {right}/{len(judged)} right "
              f"({right / max(1, len(judged)):.3f}); unjudged {len(part) - len(judged)}; "
              f"errors by class: {dict(classes)}")
    changed = [q["key"] for q in quotes
               if q["key"] in rows and rows[q["key"]]["speaker"] != q["speaker"]]
    if changed:
        print(f"{len(changed)} sampled quotes have another speaker than when judged "
              f"(judge again): {changed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the unjudged for judging")
    args = parser.parse_args()
    found = found_quotes()
    quotes = sample(found)
    print(f"{len(found)} quotes in the first {ARTICLES} Wikinews articles; {len(quotes)} "
          f"sampled (lowest key hashes)")
    rows = judgments()
    if args.show:
        show(quotes, rows)
    else:
        report(quotes, rows)


if __name__ == "__main__":
    main()

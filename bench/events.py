"""Bench the event coder on PLOVER-GSR dev with the shared scorer, and time it against parsing.

    PYTHONPATH=src python bench/events.py [--shared ../shared] [--out DIR]

``--shared`` defaults to $NEWSGRAPH_SHARED, else ``../shared`` beside the repository.

Prints the shared scorer's figures (``score_plover.py score``) for the whole dev file, then
for its tuning half and its checking half (``halves.py``: rules are fitted on the tuning
half only) and the gap between them, then, measured in this one
process over the same sentences, the time in ``nlp.pipe`` and the time in the event coder
(actor coding included) as a ratio; the goal is a coder under 10% of the parse time. Times
are CPU seconds of this process (``time.process_time``), summed over chunks from each
chunk's fastest of three runs, which keeps other processes' load out of the figures. The
coders run without the caches other extractors leave in the Doc; reading the parse into
Python lists, which entity extraction pays for once per Doc, is printed apart.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from halves import HALVES, split_gold, split_lines
from newsgraph.extract import dates, entities, events, places, quotes
from newsgraph.extract.actors.coding import code_actors
from newsgraph.extract.context import ArticleContext
from newsgraph.model import Analysis
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
GOLD = "bench/plover-gsr/plover_gsr_dev.json"
SCORER = "bench/score_plover.py"
CHUNK = 16
REPEATS = 3  # each chunk's fastest of three runs is timed, as timeit does


def run(pipeline: Pipeline, articles: list) -> tuple[list[Analysis], list[list[float]]]:
    """Analyse every article; return the analyses and, per chunk of articles, the seconds
    spent parsing, coding actors and coding events. Parsing and coding alternate chunk by
    chunk, so that the load of a shared machine weighs on both measurements alike.

    The coders are timed without what other extractors left in the Doc (coded phrases,
    dictionary matches). Reading the parse into Python lists (the Tree, and the actor
    matcher's reading of every token), which every extractor shares and the first one to
    run pays for, is timed apart as a third figure."""
    knowledge = pipeline.knowledge
    seconds = []
    analyses = []
    for first in range(0, len(articles), CHUNK):
        chunk = articles[first : first + CHUNK]
        started = time.process_time()
        docs = list(pipeline.nlp.pipe(a.text for a in chunk))
        parse_seconds = time.process_time() - started
        actor_seconds = event_seconds = view_seconds = 0.0
        for doc, article in zip(docs, chunk, strict=True):
            context = ArticleContext.read(doc, article, knowledge)
            found = entities.extract_entities(context)
            coded = code_actors(found, context)
            context = context.with_entities(coded)
            time_refs = dates.extract_dates(context)
            place_records = places.extract_places(context)
            quote_records = quotes.extract_quotes(context)
            doc.user_data.clear()
            started = time.process_time()
            context = ArticleContext.read(doc, article, knowledge)  # with the token table
            view_seconds += time.process_time() - started
            started = time.process_time()
            coded = code_actors(found, context)
            actor_seconds += time.process_time() - started
            context = context.with_entities(coded)
            started = time.process_time()
            event_records = events.extract_events(context, place_records, time_refs, quote_records)
            event_seconds += time.process_time() - started
            analyses.append(
                Analysis(article, coded, event_records, quote_records, place_records, time_refs)
            )
        seconds.append([parse_seconds, actor_seconds, event_seconds, view_seconds])
    return analyses, seconds


def score_halves(scorer: Path, gold: Path, lines: list[str], out: Path) -> None:
    """Score the tuning and the checking half apart and print the gap (tuning − checking)."""
    golds, predicted = split_gold(gold, out), split_lines(lines, out, "predictions")
    figures = {}
    for half in HALVES:
        result = subprocess.run(
            [sys.executable, str(scorer), "score", str(golds[half]), str(predicted[half])],
            check=True, capture_output=True, text=True,
        )
        summary = result.stdout.strip().splitlines()[-1]
        print(f"{half:9s} {summary}")
        figures[half] = dict(
            (k, float(v)) for k, v in (f.split("=") for f in summary.split()[1:])
            if k != "records"
        )
    gap = " ".join(
        f"{k}={figures['tuning'][k] - figures['checking'][k]:+.3f}" for k in figures["tuning"]
    )
    print(f"gap (tuning - checking): {gap}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--out", type=Path, default=None, help="folder for the JSONL files")
    args = parser.parse_args()
    gold, scorer = args.shared / GOLD, args.shared / SCORER
    out = args.out or Path(tempfile.mkdtemp(prefix="newsgraph-events-"))
    out.mkdir(parents=True, exist_ok=True)

    inputs = out / "inputs.jsonl"
    with inputs.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, str(scorer), "inputs", str(gold)], stdout=handle,
                       check=True)
    records = [json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines()]

    pipeline = Pipeline()
    # Knowledge is loaded and compiled once per process, before anything is timed.
    pipeline.knowledge.events, pipeline.knowledge.actors, pipeline.knowledge.places  # noqa: B018
    articles = [
        pipeline.make_article(r["text"], external_id=r["id"], language="en") for r in records
    ]
    predictions = out / "predictions.jsonl"
    best = None
    for _ in range(REPEATS):
        analyses, seconds = run(pipeline, articles)
        best = seconds if best is None else [
            list(map(min, b, s)) for b, s in zip(best, seconds, strict=True)
        ]
    lines = [json.dumps(analysis.to_dict(), ensure_ascii=False) for analysis in analyses]
    predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    parse_seconds, actor_seconds, event_seconds, view_seconds = (
        sum(c) for c in zip(*best, strict=True)
    )

    subprocess.run([sys.executable, str(scorer), "score", str(gold), str(predictions)],
                   check=True)
    score_halves(scorer, gold, lines, out)
    coder_seconds = actor_seconds + event_seconds
    print(
        f"speed (CPU): sentences={len(articles)} parse={parse_seconds:.3f}s "
        f"coder={coder_seconds:.3f}s (actors {actor_seconds:.3f}s + events {event_seconds:.3f}s) "
        f"ratio={coder_seconds / parse_seconds:.3f} (goal < 0.10)"
    )
    print(
        f"reading the parse into lists (Tree + actor token table; paid once per Doc by "
        f"entity extraction, which runs first): "
        f"{view_seconds:.3f}s = {view_seconds / parse_seconds:.3f} of parse; "
        f"coder with it: {(coder_seconds + view_seconds) / parse_seconds:.3f}"
    )
    print(f"outputs: {out}")


if __name__ == "__main__":
    main()

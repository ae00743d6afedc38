"""Place extraction and geocoding on GeoWebNews, scored by the shared scorer.

usage: python bench/places.py [--shared ../shared] [--limit N] [--keep DIR]

Runs ``score_geo.py inputs`` to get the articles, analyses each with the Pipeline
(one contract JSON line per input, ``article.external_id`` = the input id), then runs
``score_geo.py score`` on the output; the scorer prints recall, acc@161km, median km and
precision. Also prints the gazetteer load time as a ratio to the model's load time.
Also scores the tuning and the checking half (``halves.py``: articles alternate by
position; methods are tuned on the tuning half only). Outputs go to a temporary folder
(../shared is read-only).
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

from halves import HALVES, split_lines, split_xml
from newsgraph.errors import NewsgraphError
from newsgraph.model import failed_analysis
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
GOLD = Path("bench/geowebnews/GeoWebNews_GWN.xml")
SCORER = Path("bench/score_geo.py")


def analyse_record(pipeline: Pipeline, record: dict) -> dict:
    """The contract dict for one input line; a line that fails still gets its line."""
    try:
        article = pipeline.make_article(
            record["text"], external_id=record["id"], title=record.get("title"),
            published=record.get("published"), source=record.get("source"),
            url=record.get("url"),
        )
    except NewsgraphError as error:
        return failed_analysis(record["id"], str(error))
    return pipeline.analyse(article).to_dict()


def score_by_half(scorer: Path, gold: Path, output: Path, out_dir: Path) -> None:
    """Print the shared scorer's figures for all articles, then for each half."""
    print("all:", end=" ", flush=True)
    subprocess.run([sys.executable, scorer, "score", gold, output], check=True)
    golds = split_xml(gold, out_dir)
    predictions = split_lines(output.read_text().splitlines(), out_dir, "out")
    for half in HALVES:
        print(f"{half}:", end=" ", flush=True)
        subprocess.run([sys.executable, scorer, "score", golds[half], predictions[half]],
                       check=True)


def run(shared: Path, out_dir: Path, limit: int | None) -> None:
    gold, scorer = shared / GOLD, shared / SCORER
    inputs = out_dir / "articles.jsonl"
    with inputs.open("w") as handle:
        subprocess.run([sys.executable, scorer, "inputs", gold], stdout=handle, check=True)
    lines = inputs.read_text().splitlines()
    if limit:
        lines = lines[:limit]
        inputs.write_text("\n".join(lines) + "\n")

    started = time.perf_counter()
    pipeline = Pipeline()
    model_seconds = time.perf_counter() - started
    started = time.perf_counter()
    pipeline.knowledge.places  # noqa: B018 - load the gazetteer now, to time it
    gazetteer_seconds = time.perf_counter() - started

    records = [json.loads(line) for line in lines]
    started = time.perf_counter()
    output = out_dir / "out.jsonl"
    with output.open("w") as handle:
        for record in records:
            handle.write(json.dumps(analyse_record(pipeline, record)) + "\n")
    analyse_seconds = time.perf_counter() - started

    if limit:
        print(f"(first {limit} articles only: the scorer needs all 200)")
        return
    score_by_half(scorer, gold, output, out_dir)
    print(f"gazetteer load / model load: {gazetteer_seconds / model_seconds:.2f}x; "
          f"articles per second: {len(records) / analyse_seconds:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path,
        default=Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared")),
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="write outputs here")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.shared, args.keep, args.limit)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(args.shared, Path(folder), args.limit)


if __name__ == "__main__":
    main()

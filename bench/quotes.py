"""Quote extraction on PolNeAR dev, scored by the shared scorer ../shared/bench/score_polnear.py.

usage: [NEWSGRAPH_SHARED=../shared] python bench/quotes.py [--split DIR] [--out DIR] [--limit N]

Writes the scorer's inputs (articles.jsonl) and newsgraph's outputs (out.jsonl, one line
per input line, article.external_id = input id) to a temp folder, then prints the
scorer's figures. Baseline (textacy direct_quotations): direct_recall 0.441,
indirect_recall 0.121, speaker_accuracy 0.853, precision 0.975.
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

from newsgraph.extract import quotes
from newsgraph.extract.context import ArticleContext
from newsgraph.model import failed_analysis
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "bench" / "score_polnear.py"


def make_inputs(split: Path, path: Path) -> None:
    """The scorer writes its own inputs: one article a line, id = file stem."""
    with path.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, str(SCORER), "inputs", str(split)], stdout=handle,
                       check=True)


def run(inputs: Path, outputs: Path, limit: int | None) -> tuple[int, float]:
    """Analyse every input line into the output contract, one line each, in order.

    Returns the line count and the time quote extraction took as a share of the spaCy
    parse time, both measured here on the same articles.
    """
    pipeline = Pipeline()
    lines = inputs.read_text(encoding="utf-8").splitlines()[:limit]
    parse_seconds = quote_seconds = 0.0
    with outputs.open("w", encoding="utf-8") as handle:
        for line in lines:
            record = json.loads(line)
            try:
                article = pipeline.make_article(
                    record["text"], external_id=record["id"], source=record.get("source"),
                    published=record.get("published"),
                )
                started = time.perf_counter()
                doc = pipeline.nlp(article.text)
                parsed = time.perf_counter()
                analysis = pipeline.analyse_doc(doc, article)
                context = ArticleContext.read(doc, article, pipeline.knowledge)
                context = context.with_entities(analysis.entities)
                analysed = time.perf_counter()
                quotes.extract_quotes(context)
                quote_seconds += time.perf_counter() - analysed
                parse_seconds += parsed - started
                result = analysis.to_dict()
            except Exception as error:  # noqa: BLE001 - a failed line still gets its line
                result = failed_analysis(record["id"], str(error))
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    return len(lines), quote_seconds / max(parse_seconds, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, default=SHARED / "bench" / "polnear-dev")
    parser.add_argument("--out", type=Path, default=None, help="folder for the JSONL files")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"{SCORER} is absent: this bench needs the shared folder beside the repo")
    out = args.out or Path(tempfile.mkdtemp(prefix="newsgraph-quotes-"))
    out.mkdir(parents=True, exist_ok=True)
    inputs, outputs = out / "articles.jsonl", out / "out.jsonl"
    make_inputs(args.split, inputs)
    count, ratio = run(inputs, outputs, args.limit)
    print(f"{count} articles -> {outputs}", file=sys.stderr)
    print(f"speed: quote extraction takes {ratio:.1%} of the spaCy parse time")
    subprocess.run([sys.executable, str(SCORER), "score", str(args.split), str(outputs)],
                   check=True)


if __name__ == "__main__":
    main()

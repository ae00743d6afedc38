"""Throughput of the whole pipeline against the spaCy parse alone, in one process.

    python bench/pipeline_speed.py [JSONL] [--limit N]

Prints articles/s for the parse alone (``nlp.pipe``) and for the full analysis
(parse + every extractor), and their ratio: the extractors' overhead. Ratios,
not absolute times, are comparable across these noisy machines.
"""

from __future__ import annotations

import time

from corpus_args import parse_corpus_args, read_rows
from newsgraph.pipeline import Pipeline


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    args = parse_corpus_args(__doc__.splitlines()[0], rounds=2)
    rows = read_rows(args.jsonl, args.limit)

    pipeline = Pipeline()
    articles = [pipeline.make_article(r["text"], published=r.get("published")) for r in rows]
    knowledge = pipeline.knowledge
    for part in ("actors", "events", "quotes", "places"):
        getattr(knowledge, part)  # load every knowledge file before timing
    words = sum(len(a.text.split()) for a in articles)
    list(pipeline.nlp.pipe(a.text for a in articles[:3]))  # warm up the model's first calls

    def parse_only() -> None:
        for _ in pipeline.nlp.pipe((a.text for a in articles), batch_size=pipeline.batch_size):
            pass

    def full_analysis() -> list:
        return list(pipeline.analyse_many(articles))

    # Alternate the two and keep each one's best time: the machine's noise hits both alike.
    parse = full = float("inf")
    for _ in range(args.rounds):
        parse = min(parse, timed(parse_only))
        full = min(full, timed(full_analysis))
    analyses = full_analysis()

    print(f"articles: {len(articles)}  words: {words}")
    print(f"parse only:    {len(articles) / parse:7.1f} articles/s  {words / parse:8.0f} words/s")
    print(f"full analysis: {len(articles) / full:7.1f} articles/s  {words / full:8.0f} words/s")
    print(f"full / parse time ratio: {full / parse:.2f}")
    print(f"records: {sum(len(a.events) for a in analyses)} events, "
          f"{sum(len(a.quotes) for a in analyses)} quotes, "
          f"{sum(len(a.entities) for a in analyses)} entities")


if __name__ == "__main__":
    main()

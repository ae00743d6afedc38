"""A judged set for fitting the event confidence: events of fresh AllSides articles drawn with
the floor lowered, so the weak records the floor drops are judged too.

    PYTHONPATH=src python bench/confidence_set.py [--shared ../shared] [--add] [--weights TSV]

The articles are the ids in ``bench/audit/confidence/articles.txt``: the lines of
``corpus/allsides-world/articles.jsonl`` whose number is 3 or 5 modulo 41 (not the audit's 7,
the unseen set's 23 or the diff set's 11), 1,200-4,500 characters long, with a publication
date. Each is analysed with the confidence floor at 0.01 (every event the coder reads) and
``bench/audit.py``'s sample is drawn from it (the EVENTS events whose keys hash lowest), plus
every event told ``negated``: they are rare (3 in the sample), and their weight is one to fit.
Judgements live in ``bench/audit/confidence/events.tsv``, in the audit's format and by the
audit's rules (``bench/audit/README.md``); ``--add`` appends the drawn events that have none.

Printed, for the sample (the negated events drawn besides it are counted apart): how often a
right event scores above a wrong one (the area under the ROC curve), precision per
confidence band and at or above the floor and a few thresholds, under the weights of
``knowledge/data/events/confidence.tsv`` or of ``--weights`` (a file in its format, to try
other weights on the same records: the events and their evidence do not depend on the
weights), and precision per value of each factor of the confidence (``confidence.py``), to
see which factors mislead.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import audit
from newsgraph.extract.events import build
from newsgraph.extract.events.confidence import FILE, Evidence, Weights, floor, load_weights
from newsgraph.knowledge import DEFAULT_DIRECTORY, Knowledge
from newsgraph.model import Analysis, Event
from newsgraph.pipeline import Pipeline

SET = audit.AUDIT / "confidence"
LOWEST = 0.01  # the floor the set is drawn with: every event the coder reads
Scored = list[tuple[float, bool, Evidence]]  # (confidence, right, evidence) of judged events


def every_reading(directory: Path) -> Pipeline:
    """A pipeline on a copy of the knowledge whose confidence floor is ``LOWEST``."""
    copy = directory / "every"
    shutil.copytree(DEFAULT_DIRECTORY, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    rows = (copy / FILE).read_text(encoding="utf-8").splitlines()
    lowered = [f"floor\t-\t{LOWEST}\t" + r.split("\t", 3)[3] if r.startswith("floor\t") else r
               for r in rows]
    (copy / FILE).write_text("\n".join(lowered) + "\n", encoding="utf-8")
    return Pipeline(knowledge=Knowledge(copy))


def recording_evidence() -> dict[str, Evidence]:
    """The evidence of every event record the coder builds from now on, by event id."""
    seen: dict[str, Evidence] = {}
    record = build.event_record

    def recorded(predicate, sentence, article, told, source, target):
        event = record(predicate, sentence, article, told, source, target)
        span = article.text[event.evidence.start : event.evidence.end]
        seen[event.id] = told.rate.evidence(source, target, span)
        return event

    build.event_record = recorded
    return seen


def drawn(analysis: Analysis) -> Iterator[tuple[bool, str, str, Event]]:
    """(in the sample, key, description, event) of the events drawn from one analysis: the
    audit's sample, then every other event told negated."""
    text = analysis.article.text
    sampled = set()
    for kind, key, description, event in audit.sample(analysis):
        if kind == "events":
            sampled.add(key)
            yield True, key, description, event
    for event in analysis.events:
        key = audit.event_key(event)
        if event.factuality == "negated" and key not in sampled:
            yield False, key, audit.describe_event(event, text), event


def weights_of(path: Path | None, scratch: Path) -> Weights:
    if path is None:
        return load_weights(DEFAULT_DIRECTORY)
    (scratch / FILE).parent.mkdir(parents=True)
    shutil.copy(path, scratch / FILE)
    return load_weights(scratch)


def share(values: list[bool]) -> str:
    if not values:
        return "  -  (0)"
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})"


def ranking(scored: Scored) -> float:
    """The chance that a right event scores above a wrong one (ties count half): the area
    under the ROC curve, a figure of the ranking that no band edge decides."""
    right = [c for c, r, _ in scored if r]
    wrong = [c for c, r, _ in scored if not r]
    if not right or not wrong:
        return float("nan")
    above = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    return above / len(right) / len(wrong)


def report(scored: Scored, negated: Scored, least: float) -> None:
    print(f"events precision {share([r for _, r, _ in scored])} (floor {LOWEST}); "
          f"a right event above a wrong one: {ranking(scored):.3f}")
    print("by confidence band:")
    for low, high in pairwise(audit.BANDS):
        print(f"  [{low:.2f},{high:.2f})  {share([r for c, r, _ in scored if low <= c < high])}")
    print("at or above a confidence (precision; right records kept of all right):")
    right = sum(r for _, r, _ in scored)
    for threshold in sorted({least, *audit.THRESHOLDS}):
        kept = [r for c, r, _ in scored if c >= threshold]
        print(f"  >= {threshold:.2f}  {share(kept)} keeps {sum(kept)}/{right}"
              + ("  (the floor)" if threshold == least else ""))
    print("by factor value (precision; mean confidence):")
    for factor in Evidence._fields:
        values: dict[str, list[tuple[float, bool]]] = defaultdict(list)
        for score, r, seen in scored:
            values[getattr(seen, factor)].append((score, r))
        for value, pairs in sorted(values.items()):
            mean = sum(c for c, _ in pairs) / len(pairs)
            print(f"  {factor:12} {value:13} {share([r for _, r in pairs]):16} {mean:.2f}")
    every = [(c, r) for c, r, seen in scored if seen.factuality == "negated"]
    every += [(c, r) for c, r, _ in negated]
    print(f"every event told negated (sampled or not): {share([r for _, r in every])}, "
          f"at or above the floor {share([r for c, r in every if c >= least])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=audit.SHARED)
    parser.add_argument("--add", action="store_true", help="append unjudged events to the TSV")
    parser.add_argument("--weights", type=Path,
                        help="a confidence.tsv to score the judged records with instead")
    args = parser.parse_args()
    audit.AUDIT = SET
    judgements = audit.load_judgements("events")
    evidence = recording_evidence()
    scored: Scored = []
    negated: Scored = []
    missing = []
    with tempfile.TemporaryDirectory() as scratch:
        weights = weights_of(args.weights, Path(scratch))
        pipeline = every_reading(Path(scratch))
        for _half, raw in audit.articles(args.shared):
            article = pipeline.make_article(raw["text"], external_id=raw["id"],
                                            published=raw.get("published"),
                                            source=raw.get("source"))
            for sampled, key, description, event in drawn(pipeline.analyse(article)):
                row = judgements.get((raw["id"], key))
                seen = evidence[event.id]
                if row is None or row["judgement"] not in {"right", "wrong"}:
                    missing.append({"article": raw["id"], "key": key, "record": description,
                                    "judgement": "", "why": ""})
                    continue
                (scored if sampled else negated).append(
                    (seen.score(weights), row["judgement"] == "right", seen))
    report(scored, negated, floor(weights))
    if missing:
        print(f"{len(missing)} drawn events have no judgement:")
        for row in missing:
            print(f"  {row['article']}  {row['key']}  {row['record'][:200]}")
        if args.add:
            audit.append_missing("events", missing)


if __name__ == "__main__":
    main()

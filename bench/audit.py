"""A precision audit an analyst can repeat: sampled records of fixed AllSides articles,
judged by a reader.

    PYTHONPATH=src python bench/audit.py [--shared ../shared] [--add] [--wrong] [--half H]

The articles fall in two halves by their line number in the corpus: even lines are the
tuning half (rules are developed looking at its records), odd lines the checking half
(looked at only to report). The precision of each kind is printed for both halves.

The articles are the ids in ``bench/audit/articles.txt`` (read from
``corpus/allsides-world/articles.jsonl``). From each article's analysis a fixed sample of
records is drawn (the ones whose keys hash lowest: up to EVENTS events, QUOTES quotes and
DATES dates), so the same code gives the same sample and a changed record is a new key.

``--set unseen`` audits the second set, ``bench/audit/unseen/``: other articles, whose events
(only events) are judged by the lead at the start and end of a session and never read to
write a rule, so its precision is the one to expect on text nobody tuned on (README there).

Judgements live in ``bench/audit/{events,quotes,dates}.tsv``: ``article  key  record
judgement  why``, where ``judgement`` is ``right`` or ``wrong`` (how a record is judged is
written in ``bench/audit/README.md``). The script prints precision per record kind, per
CAMEO root and per event confidence band (with the precision of the events at or above a few
confidence thresholds, per half), and lists every sampled record whose judgement
is missing - a change that creates new records is re-judged, not assumed right - and every
judged record whose description changed under the same key (a repaired name, a new date). ``--add``
appends the missing ones to the TSVs with an empty judgement, to be filled in by hand.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from newsgraph.model import Analysis, Event, Quote, TimeRef
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
AUDIT = REPO / "bench" / "audit"
CORPUS = "corpus/allsides-world/articles.jsonl"
EVENTS, QUOTES, DATES = 4, 2, 2
# Confidence bands: their edges are the terciles (rounded) of the tuning half's sampled events
# under the confidence of session 7, so each band holds about a third of them.
BANDS = (0.0, 0.4, 0.6, 1.01)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)  # ``newsgraph events --min-confidence`` cut-offs
FIELDS = ["article", "key", "record", "judgement", "why"]
HALVES = ("tuning", "checking")


def event_key(event: Event) -> str:
    target = event.target.code if event.target else "-"
    return (f"{event.evidence.start}-{event.evidence.end}|{event.cameo}|{event.source.code}"
            f"|{target}|{event.factuality}")


def quote_key(quote: Quote) -> str:
    """Offsets, speaker and a digest of the text (the sample is drawn without the digest, so
    a quote whose text changes stays in the sample, to be judged again)."""
    speaker = " ".join(quote.speaker.name.split()) if quote.speaker else "-"
    words = hashlib.sha1(" ".join(quote.text.split()).encode()).hexdigest()[:8]
    return f"{quote.start}-{quote.end}|{speaker}|{words}"


def date_key(time: TimeRef) -> str:
    return f"{time.start}-{time.end}|{time.value}"


def describe_event(event: Event, text: str) -> str:
    target = f"{event.target.name} [{event.target.code}]" if event.target else "-"
    span = text[event.evidence.start : event.evidence.end]
    return (f"{event.source.name} [{event.source.code}] -{event.cameo}-> {target} "
            f"({event.factuality}, {event.date}) «{span}» in: {event.sentence.strip()}")


def describe_quote(quote: Quote, text: str) -> str:
    speaker = quote.speaker.name if quote.speaker else "-"
    around = text[max(0, quote.start - 80) : quote.end + 80].replace("\n", " ")
    return f"{speaker} says «{quote.text}» ({quote.kind}) in: …{around}…"


def describe_date(time: TimeRef, text: str) -> str:
    around = text[max(0, time.start - 60) : time.end + 60].replace("\n", " ")
    return f"«{time.text}» = {time.value} in: …{around}…"


def lowest(items: list, key, count: int) -> list:
    """The ``count`` items whose keys hash lowest: a sample stable under unrelated changes."""
    return sorted(items, key=lambda item: hashlib.sha1(key(item).encode()).hexdigest())[:count]


def sample(analysis: Analysis) -> Iterator[tuple[str, str, str, object]]:
    """(kind, key, description, record) for the sampled records of one analysis."""
    text = analysis.article.text
    for event in lowest(analysis.events, event_key, EVENTS):
        yield "events", event_key(event), describe_event(event, text), event
    for quote in lowest(analysis.quotes, lambda q: quote_key(q).rsplit("|", 1)[0], QUOTES):
        yield "quotes", quote_key(quote), describe_quote(quote, text), quote
    for time in lowest(analysis.dates, date_key, DATES):
        yield "dates", date_key(time), describe_date(time, text), time


def load_judgements(kind: str) -> dict[tuple[str, str], dict]:
    path = AUDIT / f"{kind}.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        return {(row["article"], row["key"]): row for row in rows}


def append_missing(kind: str, rows: list[dict]) -> None:
    path = AUDIT / f"{kind}.tsv"
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, delimiter="\t", quoting=csv.QUOTE_NONE,
                                escapechar="\\", lineterminator="\n")
        if new:
            writer.writeheader()
        for row in rows:
            writer.writerow({name: " ".join(value.split()) for name, value in row.items()})


def half_of(line: int) -> str:
    """An article's half: even corpus lines tune, odd lines check."""
    return HALVES[line % 2]


def articles(shared: Path) -> list[tuple[str, dict]]:
    """(half, record) of each audit article, in the order of ``articles.txt``."""
    wanted = (AUDIT / "articles.txt").read_text().split()
    found = {}
    with (shared / CORPUS).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = (half_of(number), record)
    return [found[i] for i in wanted if i in found]


def speaker_error(why: str) -> bool:
    """Whether a wrong quote's reason names its speaker (README: a reason that says
    "speaker" is a speaker error; the others are errors of the text)."""
    return "speaker" in why.lower()


def precision(judged: list[bool]) -> str:
    if not judged:
        return "  -  (0)"
    return f"{sum(judged) / len(judged):.3f} ({sum(judged)}/{len(judged)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--add", action="store_true", help="append unjudged records to the TSVs")
    parser.add_argument("--wrong", action="store_true", help="list sampled records judged wrong")
    parser.add_argument("--half", choices=HALVES,
                        help="list wrong and unjudged records of this half only")
    parser.add_argument("--set", choices=("unseen",),
                        help="audit bench/audit/<SET>/ instead: articles nobody tuned on")
    args = parser.parse_args()
    if args.set:
        global AUDIT
        AUDIT = AUDIT / args.set
    kinds = [kind for kind in ("events", "quotes", "dates") if (AUDIT / f"{kind}.tsv").exists()]
    pipeline = Pipeline()
    judgements = {kind: load_judgements(kind) for kind in kinds}
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_half: dict[tuple[str, str], list[bool]] = defaultdict(list)
    by_root: dict[str, list[bool]] = defaultdict(list)
    by_band: dict[str, list[bool]] = defaultdict(list)
    scored: dict[str, list[tuple[float, bool]]] = defaultdict(list)  # half: (confidence, right)
    missing: dict[str, list[dict]] = defaultdict(list)
    wrong: list[str] = []
    read: dict[tuple, set[str]] = defaultdict(set)  # descriptions of each judged key now
    speakers: list[bool] = []
    for half, raw in articles(args.shared):
        listed = args.half in (None, half)
        article = pipeline.make_article(raw["text"], external_id=raw["id"],
                                        published=raw.get("published"), source=raw.get("source"))
        analysis = pipeline.analyse(article)
        for kind, key, description, record in sample(analysis):
            if kind not in judgements:
                continue  # a set that judges events only
            row = judgements[kind].get((raw["id"], key))
            if row is None or row["judgement"] not in {"right", "wrong"}:
                if not listed:
                    continue
                missing[kind].append({"article": raw["id"], "key": key, "record": description,
                                      "judgement": "", "why": ""})
                continue
            if listed:
                read[kind, raw["id"], key].add(" ".join(description.split()))
            right = row["judgement"] == "right"
            by_kind[kind].append(right)
            by_half[half, kind].append(right)
            if kind == "quotes":
                speakers.append(right or not speaker_error(row["why"]))
                by_half[half, "quote speakers"].append(right or not speaker_error(row["why"]))
            if not right and listed:
                wrong.append(f"  {kind:6} {row['record'][:160]}  -- {row['why']}")
            if isinstance(record, Event):
                by_root[record.cameo_root].append(right)
                band = next(f"[{low:.2f},{high:.2f})" for low, high in pairwise(BANDS)
                            if low <= record.confidence < high)
                by_band[band].append(right)
                by_half[half, band].append(right)
                scored[half].append((record.confidence, right))
    for kind in ("events", "quotes", "dates"):
        print(f"{kind:8} precision {precision(by_kind[kind])}")
    print(f"quote speakers precision {precision(speakers)}")
    for half in HALVES:
        print(f"{half} half: " + ", ".join(
            f"{kind} {precision(by_half[half, kind])}"
            for kind in ("events", "quotes", "quote speakers", "dates")))
    print("events by CAMEO root:")
    for root in sorted(by_root):
        print(f"  {root}  {precision(by_root[root])}")
    print("events by confidence band:")
    for band in sorted(by_band):
        print(f"  {band}  {precision(by_band[band])}  "
              + "  ".join(f"{half} {precision(by_half[half, band])}" for half in HALVES))
    print("events at or above a confidence (precision; right records kept of all right):")
    for threshold in THRESHOLDS:
        print(f"  >= {threshold:.1f}  " + "  ".join(
            f"{half} {precision([r for c, r in scored[half] if c >= threshold])} keeps "
            f"{sum(r for c, r in scored[half] if c >= threshold)}/{sum(r for _, r in scored[half])}"
            for half in HALVES))
    if args.wrong:
        print("sampled records judged wrong:")
        print("\n".join(wrong))
    changed = [  # judged keys none of whose records reads as judged (a repaired name …)
        f"  {kind:6} {article}  {key}\n    was: {judgements[kind][article, key]['record'][:150]}"
        f"\n    now: {' | '.join(now)[:150]}"
        for (kind, article, key), now in read.items()
        if " ".join(judgements[kind][article, key]["record"].split()) not in now
    ]
    if changed:
        print(f"{len(changed)} judged records read differently now (same key; re-read them "
              "and update record and judgement in the TSV):")
        print("\n".join(changed))
    for kind, rows in missing.items():
        print(f"{len(rows)} sampled {kind} have no judgement:")
        for row in rows:
            print(f"  {row['article']}  {row['key']}  {row['record'][:200]}")
        if args.add:
            append_missing(kind, [r for r in rows
                                  if (r["article"], r["key"]) not in judgements[kind]])


if __name__ == "__main__":
    main()

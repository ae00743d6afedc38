"""Pronoun speakers on PolNeAR dev, judged by hand (the shared scorer skips them).

usage: [NEWSGRAPH_SHARED=../shared] python bench/pronoun_speakers.py OUT.jsonl [--show]

OUT.jsonl is the output of ``bench/quotes.py --out DIR`` (DIR/out.jsonl). The gold
attributions whose source is a bare pronoun ("he", "she", "they", "we", "I", "who", …)
and whose content newsgraph found are sampled reproducibly (a fixed seed, 100 of them).
``--show`` prints each with the text before it, for judging by hand. The sample is the
judged quotes that are still found, topped up to 100 by the seeded draw, so a change that
finds more quotes keeps the sample (the seeded draw alone reshuffled it).
``bench/pronoun_speakers.tsv`` holds the judgments: the sample key, the speaker name
newsgraph gave when it was judged, ``right``/``wrong`` and, for a wrong one, the error
class. Without ``--show`` the script prints the share judged right, by error class, and
warns about sampled quotes whose speaker changed since they were judged.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SPLIT = SHARED / "bench" / "polnear-dev"
JUDGMENTS = REPO / "bench" / "pronoun_speakers.tsv"
SAMPLE_SIZE = 100
SEED = 13


def scorer():
    sys.path.insert(0, str(SHARED / "bench"))
    import score_polnear  # the shared scorer's gold reader, so both read the gold alike

    return score_polnear


def pronoun_quotes(out_path: Path) -> list[dict]:
    """Every found gold quote with a pronoun source, in a fixed order."""
    polnear = scorer()
    predictions = polnear.load_preds(str(out_path))
    found = []
    for name in polnear.article_names(str(SPLIT)):
        text = (SPLIT / "text" / f"{name}.txt").read_text(encoding="utf-8")
        anns = sorted((SPLIT / "attributions").glob(f"{name}*.ann"))
        quotes = (predictions.get(name) or {}).get("quotes", [])
        for gold in polnear.load_gold(str(anns[0]), text):
            source = gold["source"].strip().lower()
            if source not in polnear.PRONOUNS:
                continue
            start, end = gold["content"]
            best = max(quotes, key=lambda q: polnear.overlap((q["start"], q["end"]), (start, end)),
                       default=None)
            if best is None or polnear.overlap((best["start"], best["end"]), (start, end)) < (
                0.5 * (end - start)
            ):
                continue
            found.append({
                "key": f"{name}:{start}", "source": gold["source"], "text": text,
                "start": start, "end": end,
                "speaker": ((best.get("speaker") or {}).get("name") or ""),
            })
    return found


def sample(found: list[dict], judged: set[str]) -> list[dict]:
    """The judged quotes that are still found, topped up to SAMPLE_SIZE by the seeded draw:
    a change that finds more quotes does not reshuffle the sample (the draw alone did)."""
    kept = [q for q in found if q["key"] in judged][:SAMPLE_SIZE]
    keys = {q["key"] for q in kept}
    rest = [q for q in found if q["key"] not in keys]
    order = random.Random(SEED).sample(range(len(rest)), len(rest))
    extra = [rest[i] for i in order[: SAMPLE_SIZE - len(kept)]]
    return sorted(kept + extra, key=lambda q: found.index(q))


def judged_keys() -> set[str]:
    with JUDGMENTS.open(encoding="utf-8") as handle:
        return {row["key"] for row in csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t")}


def show(quotes: list[dict]) -> None:
    for number, quote in enumerate(quotes, 1):
        text, start, end = quote["text"], quote["start"], quote["end"]
        before = text[max(0, start - 500) : start].replace("\n", " ")
        print(f"#{number} {quote['key']} source={quote['source']!r} "
              f"speaker={quote['speaker']!r}\n  …{before}[[{text[start:end][:160]}]]\n")


def report(quotes: list[dict]) -> None:
    with JUDGMENTS.open(encoding="utf-8") as handle:
        rows = {row["key"]: row for row in csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t")}
    judged = [q for q in quotes if q["key"] in rows]
    changed = [q["key"] for q in judged if rows[q["key"]]["speaker"] != q["speaker"]]
    right = sum(rows[q["key"]]["verdict"] == "right" for q in judged)
    classes = Counter(rows[q["key"]]["error"] for q in judged
                      if rows[q["key"]]["verdict"] != "right")
    print(f"pronoun speakers judged by hand: {right}/{len(judged)} right "
          f"({right / max(1, len(judged)):.2f}); errors by class: {dict(classes)}")
    if changed:
        print(f"{len(changed)} sampled quotes have another speaker than when judged "
              f"(judge again): {changed[:10]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="out.jsonl written by bench/quotes.py --out")
    parser.add_argument("--show", action="store_true", help="print the sample for judging")
    args = parser.parse_args()
    found = pronoun_quotes(args.out)
    quotes = sample(found, judged_keys())
    print(f"{len(found)} found quotes with a pronoun source; {len(quotes)} sampled (the judged "
          f"ones still found, topped up by seed {SEED})")
    if args.show:
        show(quotes)
    else:
        report(quotes)


if __name__ == "__main__":
    main()

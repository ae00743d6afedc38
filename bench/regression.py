"""Regression check: analyse a fixed 703-article set and compare two runs record by record.

    PYTHONPATH=src python bench/regression.py dump OUT.jsonl [--shared ../shared]
    python bench/regression.py diff BEFORE.jsonl AFTER.jsonl [--samples 20]

The set is the one refactors are judged on: the seed article, the 291 Wikinews articles,
the first 250 AllSides articles and the PLOVER-GSR dev sentences. ``dump`` writes one JSON
object per article (the output contract, without ``processed_with``, whose versions change
with every knowledge edit). ``diff`` lists, per record class, how many records were added,
removed or changed (same id, other content), and prints a sample of each for judgement.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
ALLSIDES_ARTICLES = 250
CLASSES = ("entities", "events", "quotes", "places", "dates")
METADATA = ("id", "external_id", "url", "source", "title", "published")


def inputs(shared: Path) -> Iterator[dict]:
    """The regression set as plain dicts with the article's metadata."""
    seed = shared / "corpus/seed/article.txt"
    yield {"id": "seed", "text": seed.read_text(encoding="utf-8"), "published": "2022-02-24"}
    with (shared / "corpus/wikinews/articles.jsonl").open(encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())
    with (shared / "corpus/allsides-world/articles.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= ALLSIDES_ARTICLES:
                break
            yield json.loads(line)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, str(shared / "bench/score_plover.py"), "inputs",
             str(shared / "bench/plover-gsr/plover_gsr_dev.json")],
            stdout=handle, check=True,
        )
        handle.seek(0)
        for line in handle:
            record = json.loads(line)
            record["language"] = "en"
            yield record


def dump(out: Path, shared: Path) -> None:
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline()
    articles = (
        pipeline.make_article(
            item["text"],
            external_id=item.get("id"),
            url=item.get("url"),
            source=item.get("source"),
            title=item.get("title"),
            published=item.get("published"),
            language=item.get("language"),
        )
        for item in inputs(shared)
    )
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for analysis in pipeline.analyse_many(articles):
            record = analysis.to_dict()
            record["article"].pop("processed_with", None)
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} articles -> {out}", file=sys.stderr)


def load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return {r["article"]["external_id"] or r["article"]["id"]: r for r in records}


def keyed(records: list[dict]) -> dict[str, dict]:
    """Records by id; records without one (dates, places) by their offsets and text."""
    out = {}
    for record in records:
        key = record.get("id") or json.dumps(
            [record.get("start"), record.get("end"), record.get("name") or record.get("text")]
        )
        out[key] = record
    return out


def diff(before_path: Path, after_path: Path, samples: int) -> None:
    before, after = load(before_path), load(after_path)
    if before.keys() != after.keys():
        print(f"articles differ: {len(before.keys() ^ after.keys())} only on one side")
    random.seed(0)
    for name in CLASSES:
        added, removed, changed = [], [], []
        for key in sorted(before.keys() & after.keys()):
            old = keyed(before[key].get(name, []))
            new = keyed(after[key].get(name, []))
            added += [(key, new[k]) for k in sorted(new.keys() - old.keys())]
            removed += [(key, old[k]) for k in sorted(old.keys() - new.keys())]
            changed += [
                (key, old[k], new[k]) for k in sorted(old.keys() & new.keys()) if old[k] != new[k]
            ]
        total = sum(len(b.get(name, [])) for b in before.values())
        print(f"{name}: {total} before; +{len(added)} -{len(removed)} ~{len(changed)}")
        for label, rows in (("added", added), ("removed", removed), ("changed", changed)):
            for row in random.sample(rows, min(samples, len(rows))):
                print(f"  {label} {row[0]}: " + " => ".join(summary(r) for r in row[1:]))
    metadata_changes = sum(
        1
        for key in before.keys() & after.keys()
        if any(before[key]["article"].get(f) != after[key]["article"].get(f) for f in METADATA)
    )
    print(f"articles with changed metadata: {metadata_changes}")


def summary(record: dict) -> str:
    """One line that lets a reader judge a record."""
    if "cameo" in record:
        target = (record.get("target") or {}).get("name")
        return (
            f"[{record['source']['name']} {record['cameo']} {target} "
            f"{record['factuality']}] {record['sentence'][:140]!r}"
        )
    if "speaker" in record:
        speaker = (record.get("speaker") or {}).get("name")
        return f"[{speaker} {record['kind']}] {record['text'][:100]!r}"
    rest = {k: v for k, v in record.items() if k != "mentions"}
    return json.dumps(rest, ensure_ascii=False)[:200]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump", help="analyse the set into a JSONL file")
    dump_parser.add_argument("out", type=Path)
    dump_parser.add_argument("--shared", type=Path, default=SHARED)
    diff_parser = commands.add_parser("diff", help="compare two dumps")
    diff_parser.add_argument("before", type=Path)
    diff_parser.add_argument("after", type=Path)
    diff_parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.shared)
    else:
        diff(args.before, args.after, args.samples)


if __name__ == "__main__":
    main()

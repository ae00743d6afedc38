"""Near-duplicates and story grouping on real corpora.

    python bench/dedup.py [--show 10] [--parse 500] [--workers 2]

1. AllSides syndicated pairs: how many of the 11 pairs are found as copies.
2. AllSides world (4,122 distinct articles): articles/s of the dedup step alone (MinHash
   signature + LSH query + insert, no parsing), its share of the per-article time beside
   analysing (parse + extract of a 20-article sample, same process), and every article
   flagged as a copy with why (estimated resemblance/containment, exact ones beside).
3. Helsinki near-duplicates (612 raw scrapes): pairwise precision/recall of "same
   original" against the heuristic ``dup_group`` (chained shared 5-grams: not gold), for
   the tuning half, the checking half (by id hash) and all; ``--show N`` disagreements.
4. Grouped events: the first ``--parse`` AllSides articles through ``newsgraph run``, then
   how many event mentions collapse into how many story-level events (0: skip). With
   ``--store DB`` instead, the figures of a store already run (a copy of it is opened with
   this code, so the views are this version's), and the share of its run time the dedup
   step costs (its articles/s from 2. against the store's own articles/s, from the span of
   its ``stored_at`` times).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import combinations, groupby
from pathlib import Path

import duckdb

from newsgraph.dedup import (
    NearDuplicateIndex,
    containment,
    is_copy,
    resemblance,
    shingles,
    signature,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "allsides-world" / "articles.jsonl"
PAIRS = SHARED / "corpus" / "neardup" / "allsides_syndicated_pairs.jsonl"
HELSINKI = SHARED / "corpus" / "neardup" / "helsinki_summit_neardup.jsonl"
HELSINKI_PAIRS = SHARED / "corpus" / "neardup" / "helsinki_summit_neardup.pairs.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def half(key: str) -> str:
    """A fixed split by id: "tuning" or "checking"."""
    return ("tuning", "checking")[int(hashlib.md5(key.encode()).hexdigest(), 16) % 2]


def exact(a: str, b: str) -> tuple[float, float]:
    """Exact resemblance and containment of two texts' shingle sets."""
    one, other = shingles(a), shingles(b)
    shared = len(one & other)
    return shared / len(one | other), shared / min(len(one), len(other))


def originals(rows: list[dict]) -> tuple[dict[str, str], float]:
    """Each row id → the id of the first-seen row it copies (itself if none); seconds."""
    index, root = NearDuplicateIndex(), {}
    started = time.perf_counter()
    for row in rows:
        sig = signature(row["text"])
        original = index.original_of(row["id"], sig)
        index.add(row["id"], sig, original)
        root[row["id"]] = original or row["id"]
    return root, time.perf_counter() - started


def syndicated_pairs() -> None:
    rows = sorted(read_jsonl(PAIRS), key=lambda row: row["dup_group"])
    pairs = [list(group) for _, group in groupby(rows, key=lambda row: row["dup_group"])]
    found = sum(is_copy(signature(a["text"]), signature(b["text"])) for a, b in pairs)
    print(f"syndicated pairs found: {found}/{len(pairs)}")


def analyse_seconds(rows: list[dict]) -> float:
    """Seconds per article to analyse (parse + extract) a sample, in this process."""
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline()
    articles = [pipeline.make_article(row["text"], source=row.get("source")) for row in rows]
    started = time.perf_counter()
    for _ in pipeline.analyse_many(articles, mark_duplicates=False):
        pass
    return (time.perf_counter() - started) / len(rows)


def allsides_world(sample: int) -> float:
    """Dedup figures of the AllSides world corpus; returns the dedup seconds per article."""
    rows = read_jsonl(CORPUS)
    root, seconds = originals(rows)
    per_article = seconds / len(rows)
    print(f"allsides-world: {len(rows)} articles deduplicated in {seconds:.1f} s "
          f"({len(rows) / seconds:.0f} articles/s, {per_article * 1000:.1f} ms/article)")
    if sample:
        analyse = analyse_seconds(rows[:sample])
        print(f"  analysing (parse + extract, {sample}-article sample): {analyse:.2f} s/article;"
              f" dedup is {per_article / (analyse + per_article):.1%} of the per-article time")
    by_id = {row["id"]: row for row in rows}
    flagged = [(key, original) for key, original in root.items() if original != key]
    print(f"  flagged as copies: {len(flagged)}")
    for key, original in flagged:
        copy, first = by_id[key], by_id[original]
        a, b = signature(first["text"]), signature(copy["text"])
        jaccard = resemblance(a, b)
        exact_j, exact_c = exact(first["text"], copy["text"])
        print(f"  - {key} ({copy['source']}, {copy['published']}) copies {original} "
              f"({first['source']}, {first['published']}): resemblance {jaccard:.2f} "
              f"(exact {exact_j:.2f}), containment {containment(a, b, jaccard):.2f} "
              f"(exact {exact_c:.2f})\n      {first['title']!r}\n      {copy['title']!r}")
    return per_article


def pair_scores(predicted: set[tuple[str, str]], labelled: set[tuple[str, str]]
                ) -> tuple[float, float, int, int]:
    hits = len(predicted & labelled)
    return (hits / len(predicted) if predicted else 1.0,
            hits / len(labelled) if labelled else 1.0, len(predicted), len(labelled))


def helsinki(show: int) -> None:
    rows = read_jsonl(HELSINKI)
    root, seconds = originals(rows)
    group = {row["id"]: row["dup_group"] for row in rows}
    by_id = {row["id"]: row for row in rows}
    print(f"helsinki: {len(rows)} articles in {seconds:.1f} s; "
          f"{sum(r != k for k, r in root.items())} flagged as copies")
    sizes: dict[str, int] = {}  # the chained label has one group of 281
    for value in group.values():
        sizes[value] = sizes.get(value, 0) + 1
    for name, chosen in (("tuning", "tuning"), ("checking", "checking"), ("all", None)):
        ids = sorted(key for key in group if chosen is None or half(key) == chosen)
        for label, keep in (("", lambda _: True), (" (groups of <= 50)",
                                                   lambda key: sizes[group[key]] <= 50)):
            kept = [key for key in ids if keep(key)]
            all_pairs = list(combinations(kept, 2))
            predicted = {p for p in all_pairs if root[p[0]] == root[p[1]]}
            labelled = {p for p in all_pairs if group[p[0]] == group[p[1]]}
            precision, recall, n_pred, n_gold = pair_scores(predicted, labelled)
            print(f"  {name}{label}: precision {precision:.3f} recall {recall:.3f} "
                  f"(pairs: {n_pred} predicted, {n_gold} labelled)")
    if not show:
        return
    # Disagreements worth reading: pairs we call copies that the label keeps apart, and
    # pairs the label links directly (a scored pair of HELSINKI_PAIRS) that we keep apart.
    edges = {tuple(sorted((p["id_a"], p["id_b"]))) for p in read_jsonl(HELSINKI_PAIRS)}
    ours = {tuple(sorted(p)) for p in combinations(sorted(group), 2) if root[p[0]] == root[p[1]]}
    wrong = sorted((p for p in ours | edges if (p in ours) != (group[p[0]] == group[p[1]])),
                   key=lambda p: hashlib.md5("".join(p).encode()).hexdigest())
    print(f"  disagreements on directly scored or predicted pairs: {len(wrong)};"
          f" {min(show, len(wrong))} of them:")
    for a, b in wrong[:show]:
        exact_j, exact_c = exact(by_id[a]["text"], by_id[b]["text"])
        ours = "copy" if root[a] == root[b] else "apart"
        print(f"  - {a} / {b}: ours {ours}, label {group[a]} / {group[b]};"
              f" exact resemblance {exact_j:.2f}, containment {exact_c:.2f}\n"
              f"      {by_id[a]['text'][:110]!r}\n      {by_id[b]['text'][:110]!r}")


def grouped_events(limit: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, db = Path(folder) / "slice.jsonl", Path(folder) / "bench.duckdb"
        with CORPUS.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
            for line, _ in zip(lines, range(limit), strict=False):
                out.write(line)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsgraph", "run", str(path), "--db", str(db),
                        "--workers", str(workers)], check=True, capture_output=True)
        seconds = time.perf_counter() - started
        con = duckdb.connect(str(db), read_only=True)
        print(f"grouped events, first {limit} AllSides articles ({seconds:.0f} s run, "
              f"{workers} workers):")
        report_groups(con)
        con.close()


def grouped_store(store: Path, dedup_seconds: float | None) -> None:
    """The grouped-event figures of a store already run, opened (a copy) with this code."""
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "copy.duckdb"
        with Store(store, read_only=True):  # waits for a writer's commit: a whole copy
            shutil.copyfile(store, db)
            if Path(f"{store}.wal").exists():
                shutil.copyfile(f"{store}.wal", f"{db}.wal")
        Store(db).close()  # migrates the copy and (re)creates this version's views
        con = duckdb.connect(str(db), read_only=True)
        articles, span = con.execute(
            "SELECT count(*), epoch(max(stored_at) - min(stored_at)) FROM articles").fetchone()
        print(f"grouped events, {store} ({articles} articles stored over {span:.0f} s:"
              f" {articles / span:.2f} articles/s):")
        if dedup_seconds is not None:
            print(f"  dedup ({dedup_seconds * 1000:.1f} ms/article) is"
                  f" {dedup_seconds / (span / articles):.2%} of that run's time per article")
        report_groups(con)
        con.close()


def report_groups(con: duckdb.DuckDBPyConnection) -> None:
    """How many event mentions collapse into how many story-level events, and the largest."""
    mentions, untargeted = con.execute(
        "SELECT count(*), count(*) FILTER (target_name IS NULL AND target_code IS NULL)"
        " FROM events").fetchone()
    duplicates = con.execute(
        "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    stories, multi, cross, biggest, grouped, no_target = con.execute(
        "SELECT count(*), count(*) FILTER (num_mentions > 1),"
        " count(*) FILTER (num_articles > 1), max(num_mentions), sum(num_mentions),"
        " count(*) FILTER (target_name IS NULL AND target_code IS NULL) FROM story_events"
    ).fetchone()
    print(f"  {mentions} event mentions ({untargeted} without a target; {duplicates} duplicate"
          f" articles) -> {stories} story-level events ({no_target} without a target;"
          f" {grouped} mentions in them; {multi} with more than one mention, {cross} across"
          f" articles; largest {biggest} mentions)")
    top = con.execute(
        "SELECT source_code, cameo, target_code, date, num_mentions, num_articles,"
        " num_sources FROM story_events ORDER BY num_mentions DESC, story_id LIMIT 5"
    ).fetchall()
    for row in top:
        print(f"  {row}")
    cross_top = con.execute(
        "SELECT source_code, cameo, target_code, date, num_mentions, num_articles,"
        " num_sources FROM story_events ORDER BY num_articles DESC, num_mentions DESC,"
        " story_id LIMIT 5").fetchall()
    print("  most articles:")
    for row in cross_top:
        print(f"  {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="Helsinki disagreements shown")
    parser.add_argument("--sample", type=int, default=20, help="articles analysed for the share")
    parser.add_argument("--parse", type=int, default=500, help="articles run for grouping")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", type=Path,
                        help="a store already run on AllSides: its grouped events (no --parse)")
    args = parser.parse_args()
    syndicated_pairs()
    dedup_seconds = allsides_world(args.sample)
    helsinki(args.show)
    if args.store:
        grouped_store(args.store, dedup_seconds)
    elif args.parse:
        grouped_events(args.parse, args.workers)


if __name__ == "__main__":
    main()

"""Throughput of `newsgraph run` against the bare spaCy parse, in one bench process.

    python bench/throughput.py [--limit 1000]

On the first LIMIT articles of ../shared/corpus/allsides-world: (a) spaCy ``nlp.pipe``
over the texts with the same model, in this process; (b) ``newsgraph run --workers 1``
end to end (model load included) into a fresh DuckDB; (c) the same with ``--workers 2``.
Prints tokens/s of each, the ratios b/a and c/b, the share of (b) spent in store
writes, peak RSS (largest process, and the whole process tree), and in (c) how much
of the CPU the runner process itself (reading, writing, unpickling results) took from
the workers. Every component of the model is read by newsgraph (tagger tags, parser,
attribute ruler POS, lemmas, NER), so (a) is the very model (b) and (c) load. The machine is
shared and noisy: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import iter_inputs
from newsgraph.nlp import load_model
from runs import corpus_slice, newsgraph_run


def parse_tokens(path: Path) -> tuple[int, float]:
    """Tokens in the texts and seconds ``nlp.pipe`` took to parse them (model load excluded)."""
    nlp = load_model()
    texts = [item.text for item in iter_inputs([path])]
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    return tokens, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = corpus_slice(args.limit, Path(folder))
        tokens, parse_seconds = parse_tokens(path)
        one = newsgraph_run(path, "--workers", "1")
        two = newsgraph_run(path, "--workers", "2")
    rate_a, rate_b, rate_c = (tokens / s for s in (parse_seconds, one.seconds, two.seconds))
    print(f"articles: {args.limit}, tokens: {tokens}")
    print(f"(a) spaCy nlp.pipe, 1 process:       {rate_a:8.0f} tokens/s")
    print(f"(b) newsgraph run --workers 1:       {rate_b:8.0f} tokens/s  "
          f"peak RSS {one.peak_rss_mb:.0f} MB (tree {one.peak_tree_mb:.0f} MB)")
    print(f"(c) newsgraph run --workers 2:       {rate_c:8.0f} tokens/s  "
          f"peak RSS {two.peak_rss_mb:.0f} MB (tree {two.peak_tree_mb:.0f} MB)")
    print(f"b/a = {rate_b / rate_a:.2f}   c/b = {rate_c / rate_b:.2f}")
    print(f"store writes: {one.store_seconds:.1f} s of (b)'s {one.seconds:.1f} s "
          f"= {one.store_seconds / one.seconds:.1%}")
    print(f"(c) CPU: runner process {two.main_cpu:.1f} s, workers {two.worker_cpu:.1f} s "
          f"(runner = {two.main_cpu / max(two.main_cpu + two.worker_cpu, 1e-9):.1%} of the "
          f"run's CPU; {two.seconds:.1f} s wall on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()

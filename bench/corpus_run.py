"""The whole AllSides corpus (or its first LIMIT articles) through `newsgraph run`.

    python bench/corpus_run.py [--limit 4122] [--workers 2]

Prints wall time (model loads included), tokens/s (tokens counted afterwards with the
model's tokenizer, which the parse keeps), entities, events and quotes stored, and peak
RSS (largest process and the whole process tree), and the runner's and the largest
worker's RSS at the commits past every 500 articles, so one run shows whether memory
grows with the articles processed. The machine is shared: the seconds depend on what
else runs.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from newsgraph.ingest import iter_inputs
from newsgraph.nlp import load_model
from runs import corpus_slice, newsgraph_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=4122)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = corpus_slice(args.limit, Path(folder))
        result = newsgraph_run(path, "--workers", str(args.workers))
        tokenizer = load_model().tokenizer
        tokens = sum(len(doc) for doc in tokenizer.pipe(i.text for i in iter_inputs([path])))
    print(f"articles: {args.limit}, workers: {args.workers}, tokens: {tokens}")
    print(f"wall {result.seconds:.0f} s, {tokens / result.seconds:.0f} tokens/s, "
          f"{args.limit / result.seconds:.2f} articles/s")
    print(re.search(r"records written: .*", result.output).group(0))
    print(f"store writes {result.store_seconds:.1f} s "
          f"({result.store_seconds / result.seconds:.1%} of the run)")
    print(f"peak RSS {result.peak_rss_mb:.0f} MB (largest process), "
          f"{result.peak_tree_mb:.0f} MB (process tree)")
    print("RSS at commits (articles stored: runner MB, largest worker MB):")
    print("  " + "  ".join(f"{n}: {runner:.0f}, {worker:.0f}"
                           for n, runner, worker in thinned(result.by_commit)))


def thinned(samples: list[tuple[int, float, float]], every: int = 500
            ) -> list[tuple[int, float, float]]:
    """The first commit past each multiple of ``every`` articles, and the last."""
    kept, mark = [], 0
    for sample in samples:
        if sample[0] >= mark:
            kept.append(sample)
            mark = (sample[0] // every + 1) * every
    if samples and kept[-1] != samples[-1]:
        kept.append(samples[-1])
    return kept


if __name__ == "__main__":
    main()

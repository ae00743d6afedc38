"""Dask speed-up: `newsgraph run --dask local:1` against `--dask local:2`, one bench process.

    python bench/scaling.py [--limit 1000]

The same first LIMIT articles of ../shared/corpus/allsides-world into fresh stores;
prints each run's seconds (cluster start and model loads included) and the speed-up.
The machine is shared and noisy: compare the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from runs import corpus_slice, newsgraph_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = corpus_slice(args.limit, Path(folder))
        one = newsgraph_run(path, "--dask", "local:1")
        two = newsgraph_run(path, "--dask", "local:2")
    print(f"articles: {args.limit}")
    print(f"--dask local:1: {one.seconds:7.1f} s  ({args.limit / one.seconds:.2f} articles/s)")
    print(f"--dask local:2: {two.seconds:7.1f} s  ({args.limit / two.seconds:.2f} articles/s)")
    print(f"speed-up local:2 / local:1 = {one.seconds / two.seconds:.2f}")


if __name__ == "__main__":
    main()

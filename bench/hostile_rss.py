"""Peak memory of `newsgraph run` on the issue-17 hostile folder (RSS of the child process).

    NEWSGRAPH_SHARED=/work/shared python bench/hostile_rss.py
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


def build(folder: Path) -> None:
    """Seed article, 3 MB one-line text, 50 MB JSONL line, lone surrogate, 100k-deep JSON,
    an unreadable .jsonl, random bytes and 10,000 quote marks."""
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "long_line.txt").write_text("word " * 600_000)
    (folder / "huge.jsonl").write_text(json.dumps({"id": "huge", "text": "x" * 50_000_000}))
    (folder / "surrogate.jsonl").write_text('{"id": "s", "text": "Putin spoke \\ud83d."}\n')
    (folder / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    (folder / "locked.jsonl").write_text("x\n")
    (folder / "locked.jsonl").chmod(0)
    (folder / "random.txt").write_bytes(random.Random(17).randbytes(4096))
    (folder / "quotes.txt").write_text('"' * 10_000)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hostile"
        build(folder)
        result = subprocess.run(
            [sys.executable, "-m", "newsgraph", "run", str(folder), "--db",
             str(Path(tmp) / "news.duckdb"), "--workers", "1"],
            capture_output=True, text=True, check=False)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(result.stdout + result.stderr[-2000:])
    print(f"exit {result.returncode}; traceback: {'Traceback' in result.stderr}; "
          f"peak RSS {peak_mb:.0f} MB (limit 1536 MB)")


if __name__ == "__main__":
    main()

"""Peak memory of `newsgraph extract` on the worst long text: words without any punctuation
(one "sentence" for the parser), as long as the cap allows, against the seed article.

    python bench/long_text_rss.py [--chars 300000]

Each text is extracted by its own child process (`python -m newsgraph extract FILE`); the
child reports its own peak RSS (``ru_maxrss``), so the two figures do not mix. Texts over
20,000 characters are parsed in chunks (long_texts.py); the ratio shows what the long
text costs over an ordinary article, model included.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Runs the CLI in the child, then prints the child's peak RSS (kB on Linux) on stderr.
CHILD = ("import resource, sys; from newsgraph.cli import cli\n"
         "try:\n    cli(sys.argv[1:], prog_name='newsgraph')\n"
         "except SystemExit as stop:\n    code = stop.code\n"
         "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")


def unpunctuated(chars: int) -> str:
    """Words of the example articles, punctuation dropped, repeated to ``chars`` characters."""
    texts = [json.loads(line)["text"] for line in
             (EXAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()]
    words = re.findall(r"[A-Za-z]+", " ".join(texts))
    text, number = [], 0
    length = 0
    while length < chars:
        word = words[number % len(words)]
        text.append(word)
        length += len(word) + 1
        number += 1
    return " ".join(text)[:chars].rstrip()


def extract(path: Path, env: dict[str, str] | None = None) -> tuple[int, int, float, dict]:
    """Peak RSS (kB), exit status, wall seconds and the JSON output of one extract."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", CHILD, "extract", str(path)],
                            capture_output=True, text=True, check=False, env=env)
    peak = int(re.search(r"^PEAK (\d+)$", result.stderr, re.M).group(1))
    try:
        output = json.loads(result.stdout)
    except ValueError:
        output = {"error": result.stdout[-300:] + result.stderr[-300:]}
    return peak, result.returncode, time.monotonic() - started, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        long_path = Path(tmp) / "unpunctuated.txt"
        text = unpunctuated(args.chars)
        long_path.write_text(text, encoding="utf-8")
        env = {**os.environ, "NEWSGRAPH_MAX_CHARS": str(max(len(text), 300_000))}
        base_peak, base_code, base_wall, _ = extract(EXAMPLES / "seed-article.txt", env)
        peak, code, wall, result = extract(long_path, env)
    print(f"seed article: exit {base_code}, peak RSS {base_peak / 1024:.0f} MB, "
          f"{base_wall:.0f} s")
    print(f"{len(text):,} characters, {len(text.split()):,} words, no punctuation: exit {code}, "
          f"peak RSS {peak / 1024:.0f} MB, {wall:.0f} s; "
          f"{len(result.get('entities', []))} entities, {len(result.get('events', []))} "
          f"events, error {result.get('error')!r}")
    print(f"ratio: {peak / base_peak:.2f}x the seed article's peak (limit 1536 MB)")


if __name__ == "__main__":
    main()

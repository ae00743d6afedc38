"""Shared by the speed benches: which articles to time, read from a JSONL file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "wikinews.jsonl"


def parse_corpus_args(description: str, rounds: int) -> argparse.Namespace:
    """``JSONL`` (default: the bundled Wikinews examples), ``--limit``, ``--rounds``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("jsonl", nargs="?", default=str(EXAMPLES))
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser.parse_args()


def read_rows(path: str, limit: int) -> list[dict]:
    """The first ``limit`` JSON lines of ``path``."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line, _ in zip(handle, range(limit), strict=False)]

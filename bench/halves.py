"""A fixed split of a PLOVER gold file into a tuning half and a checking half.

Records alternate by position (record 0, the documentation, is left out): even positions
tune, odd positions check. Rules are fitted on the tuning half only; the checking half
tells whether a change generalises. Both benches print both halves and their gap.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

HALVES = ("tuning", "checking")


def half_of(position: int) -> str:
    """The half of the record at ``position`` among the gold records (documentation excluded)."""
    return HALVES[position % 2]


def split_gold(gold: Path, out: Path) -> dict[str, Path]:
    """Write each half of ``gold`` as a gold file of its own (documentation record first)."""
    records = json.loads(gold.read_text(encoding="utf-8"))
    head, body = records[:1], records[1:]
    paths = {}
    for half in HALVES:
        path = paths[half] = out / f"gold_{half}.json"
        chosen = [r for i, r in enumerate(body) if half_of(i) == half]
        path.write_text(json.dumps(head + chosen, ensure_ascii=False), encoding="utf-8")
    return paths


def split_xml(gold: Path, out: Path) -> dict[str, Path]:
    """Write each half of an XML gold file whose children are articles (GeoWebNews) as an
    XML gold file of its own: the article at position 0 tunes, 1 checks, and so on."""
    root = ET.parse(gold).getroot()
    articles = list(root)
    paths = {}
    for half in HALVES:
        chosen = ET.Element(root.tag, root.attrib)
        chosen.extend(a for i, a in enumerate(articles) if half_of(i) == half)
        path = paths[half] = out / f"gold_{half}.xml"
        ET.ElementTree(chosen).write(path, encoding="utf-8")
    return paths


def split_lines(lines: list[str], out: Path, name: str) -> dict[str, Path]:
    """Write each half of one-per-record lines (predictions in gold order) to a file."""
    paths = {}
    for half in HALVES:
        path = paths[half] = out / f"{name}_{half}.jsonl"
        chosen = [line for i, line in enumerate(lines) if half_of(i) == half]
        path.write_text("".join(line + "\n" for line in chosen), encoding="utf-8")
    return paths

"""Does event confidence predict correctness on PLOVER-GSR dev? Precision by confidence band.

    PYTHONPATH=src python bench/confidence.py [--shared ../shared]

Every event the coder finds in a PLOVER dev sentence is counted right when its PLOVER type is
the sentence's gold type (as the shared scorer's ``type_precision`` counts it), and, more
strictly, when its source's country is also a gold source's. Printed per half (``halves.py``:
the tuning half sets the weights of ``knowledge/data/events/confidence.tsv``, the checking
half checks them) and per band of ``bench/audit.py``; the audit is the stricter test (a
reader judges the whole record there), this one has more events.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from audit import BANDS
from halves import HALVES, half_of
from newsgraph.model import Event
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
GOLD = "bench/plover-gsr/plover_gsr_dev.json"
OLD_TO_V2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}  # as the shared scorer reads older gold types


def gold_of(record: dict) -> tuple[str, set[str]]:
    """The gold PLOVER type of a record and its sources' countries."""
    kind = OLD_TO_V2.get(record["event"], record["event"])
    sources = record.get("source") if isinstance(record.get("source"), list) else []
    return kind, {a.get("code", "")[:3].upper() for a in sources if isinstance(a, dict)}


def judged(event: Event, kind: str, sources: set[str]) -> tuple[bool, bool]:
    """(type right, type and source country right)."""
    right = (event.plover or "").upper() == kind
    country = (event.source.country or (event.source.code or "")[:3]).upper()
    return right, right and country in sources


def band_of(confidence: float) -> str:
    return next(f"[{low:.2f},{high:.2f})" for low, high in pairwise(BANDS)
                if low <= confidence < high)


def share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    args = parser.parse_args()
    gold = json.loads((args.shared / GOLD).read_text(encoding="utf-8"))[1:]
    pipeline = Pipeline()
    types: dict[tuple[str, str], list[bool]] = defaultdict(list)
    sources: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for position, record in enumerate(gold):
        kind, countries = gold_of(record)
        article = pipeline.make_article(record["text"], external_id=record["id"], language="en")
        for event in pipeline.analyse(article).events:
            right, source_right = judged(event, kind, countries)
            band = band_of(event.confidence)
            types[half_of(position), band].append(right)
            sources[half_of(position), band].append(source_right)
    print("PLOVER dev events by confidence band: type right | type and source country right")
    for band in sorted({band for _, band in types}):
        print(f"  {band}  " + "  ".join(
            f"{half} {share(types[half, band])} | {share(sources[half, band])}"
            for half in HALVES))


if __name__ == "__main__":
    main()

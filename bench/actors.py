"""Actor coding accuracy on the PLOVER gold standard records (CAMEO-manual sentences).

Each (SRC: …), (TAR: …) and (SRC/TAR: …) span of ``textInfo.markup`` is located in the
record's ``text``, coded with ``code_span`` and compared with its gold actor: the country
(our ``country``, else the first three letters of our ``code``, as the shared PLOVER scorer
reads actors) against the first three letters of the gold ``code``; the role against the first
three letters of the gold ``sector`` (records whose gold sector is empty or ``***`` are left
out of sector accuracy). Figures are printed for the whole file and for its tuning and
checking halves (``halves.py``; rules are fitted on the tuning half only). Records whose
markup is malformed or not one-to-one with the gold lists are skipped and counted. The
shared scorers have no actor-level measure, hence this one.

usage: python bench/actors.py [GOLD.json] [--show]
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

from halves import HALVES, half_of
from newsgraph.extract.actors.coding import code_span
from newsgraph.extract.context import ArticleContext
from newsgraph.knowledge import Knowledge
from newsgraph.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "bench" / "plover-gsr" / "plover_gsr_dev.json"
MARK = re.compile(r"\((SRC|TAR|SRC/TAR): ([^()]*)\)")


def gold_actors(record: dict, key: str) -> list[dict] | None:
    value = record.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        return None
    return value


def pairs(record: dict) -> list[tuple[int, int, dict]] | None:
    """(start, end, gold actor) for each marked span; None when the record cannot be paired."""
    info = record.get("textInfo")
    markup = info.get("markup") if isinstance(info, dict) else None
    sources, targets = gold_actors(record, "source"), gold_actors(record, "target")
    if not markup or sources is None or targets is None:
        return None
    marks = MARK.findall(markup)
    by_kind = {
        "SRC": [m for k, m in marks if k == "SRC"],
        "TAR": [m for k, m in marks if k == "TAR"],
        "SRC/TAR": [m for k, m in marks if k == "SRC/TAR"],
    }
    if by_kind["SRC/TAR"]:
        if by_kind["SRC"] or by_kind["TAR"] or len(by_kind["SRC/TAR"]) != len(sources + targets):
            return None
        spans = list(zip(by_kind["SRC/TAR"], sources + targets, strict=True))
    else:
        if len(by_kind["SRC"]) != len(sources) or len(by_kind["TAR"]) != len(targets):
            return None
        spans = list(zip(by_kind["SRC"], sources, strict=True))
        spans += list(zip(by_kind["TAR"], targets, strict=True))
    text = record["text"]
    found = []
    for marked, actor in spans:
        start = text.find(marked.strip())
        if start < 0 or not actor.get("code"):
            return None
        found.append((start, start + len(marked.strip()), actor))
    return found


def main(argv: list[str]) -> None:
    path = Path(next((a for a in argv if not a.startswith("--")), GOLD))
    show = "--show" in argv
    records = json.loads(path.read_text(encoding="utf-8"))[1:]
    started = time.perf_counter()
    pipeline = Pipeline()
    model_seconds = time.perf_counter() - started
    knowledge = Knowledge()
    started = time.perf_counter()
    knowledge.actors  # noqa: B018 - load once, timed
    load_seconds = time.perf_counter() - started

    skipped = 0
    # per half: countries, country_ok, sectors, sector_ok
    tally = {half: [0, 0, 0, 0] for half in HALVES}
    coding_seconds = parse_seconds = 0.0
    for position, record in enumerate(records):
        counts = tally[half_of(position)]
        found = pairs(record)
        if found is None:
            skipped += 1
            continue
        started = time.perf_counter()
        article = pipeline.make_article(record["text"], language="en")
        doc = pipeline.nlp(record["text"])
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        context = ArticleContext.read(doc, article, knowledge)  # reads the tokens once
        coding_seconds += time.perf_counter() - started
        for start, end, gold in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            started = time.perf_counter()
            code = code_span(span, context) if span is not None else None
            coding_seconds += time.perf_counter() - started
            got_country = ((code.country or code.code[:3]) if code else "") or ""
            gold_country = gold["code"][:3].upper()
            counts[0] += 1
            counts[1] += got_country == gold_country
            gold_sector = (gold.get("sector") or "")[:3].upper()
            got_sector = (code.role or "") if code else ""
            if gold_sector and gold_sector != "***":
                counts[2] += 1
                counts[3] += got_sector == gold_sector
            if show and (
                got_country != gold_country
                or (gold_sector not in ("", "***") and got_sector != gold_sector)
            ):
                print(
                    f"  {half_of(position)[:5]} {record['id'][14:]:22s} "
                    f"{span.text if span else '?'!r:45s} "
                    f"got {code.code if code else None}/{got_sector or '-'} "
                    f"gold {gold['code']}/{gold.get('sector')}",
                    file=sys.stderr,
                )
    print(f"records: {len(records)}  skipped (malformed or not one-to-one markup): {skipped}")
    rates = {}
    for name, counts in [("all", [sum(c) for c in zip(*tally.values(), strict=True)]),
                         *tally.items()]:
        countries, country_ok, sectors, sector_ok = counts
        rates[name] = (country_ok / max(1, countries), sector_ok / max(1, sectors))
        print(
            f"{name:9s} country accuracy: {rates[name][0]:.3f} ({country_ok}/{countries})  "
            f"sector accuracy: {rates[name][1]:.3f} ({sector_ok}/{sectors})"
        )
    print(
        f"gap (tuning - checking): country={rates['tuning'][0] - rates['checking'][0]:+.3f} "
        f"sector={rates['tuning'][1] - rates['checking'][1]:+.3f}"
    )
    print(
        f"actor dictionary load / spaCy model load: {load_seconds / model_seconds:.2f}; "
        f"span coding time / parse time: {coding_seconds / max(parse_seconds, 1e-9):.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

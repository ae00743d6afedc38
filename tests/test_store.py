"""The DuckDB store on real files: idempotent writes, schema version, clear errors."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Analysis
from newsgraph.store import SCHEMA_VERSION, Store

TEXT = (
    "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in the Kremlin "
    "on Thursday. Khan arrived in Moscow on Wednesday."
)


@pytest.fixture
def analysis(pipeline) -> Analysis:
    return pipeline.analyse(pipeline.make_article(TEXT, published="2022-02-24", source="T"))


def test_writing_twice_changes_no_counts(tmp_path, analysis):
    with Store(tmp_path / "n.duckdb") as store:
        assert store.write(analysis) == "new"
        counts = store.counts()
        assert store.write(analysis) == "unchanged"
        assert store.counts() == counts
    assert counts["articles"] == 1 and counts["entities"] == len(analysis.entities)


def test_new_versions_replace_an_articles_records(tmp_path, analysis):


    newer = replace(analysis, article=replace(analysis.article, processed_with={"newsgraph": "9"}),
                    entities=analysis.entities[:1])
    with Store(tmp_path / "n.duckdb") as store:
        store.write(analysis)
        assert store.write(newer) == "updated"
        assert store.counts()["entities"] == 1 and store.counts()["articles"] == 1


def test_a_failed_write_leaves_no_half_article(tmp_path, analysis):


    broken = replace(analysis, dates=["not a record"])
    with Store(tmp_path / "n.duckdb") as store:
        with pytest.raises(AttributeError):
            store.write(broken)
        assert store.counts()["articles"] == 0 and store.counts()["entities"] == 0


def test_store_records_its_schema_version(tmp_path):
    with Store(tmp_path / "n.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_a_store_from_a_newer_newsgraph_is_refused_with_advice(tmp_path):
    path = tmp_path / "n.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer newsgraph"):
        Store(path)


def test_a_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE sales (x INTEGER)")
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store(path)


def test_a_file_that_is_not_duckdb_is_refused(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("hello")
    with pytest.raises(StoreError):
        Store(path)


def test_exact_copy_from_another_source_is_a_duplicate(tmp_path, pipeline, analysis):
    copy = pipeline.analyse(pipeline.make_article(TEXT, published="2022-02-24", source="Other"))
    with Store(tmp_path / "n.duckdb") as store:
        store.write(analysis)
        store.write(copy)
        _, rows = store.query("SELECT source, duplicate_of FROM articles ORDER BY source")
    assert rows == [("Other", analysis.article.id), ("T", None)]


def _as_schema_1(path) -> None:
    """Turn a fresh store into what newsgraph wrote with schema 1 (dates without record)."""
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE dates DROP COLUMN record")
        db.execute("ALTER TABLE dates DROP COLUMN granularity")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")


def test_a_schema_1_store_is_migrated_keeping_what_it_holds(tmp_path, analysis):
    path = tmp_path / "n.duckdb"
    with Store(path) as store:
        store.write(analysis)
    with duckdb.connect(str(path)) as db:
        db.execute("DELETE FROM dates")
    _as_schema_1(path)
    with Store(path, read_only=True) as store:  # an older store still reads as it is
        assert store.counts()["articles"] == 1
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["articles"] == 1
        assert store.write(analysis) == "unchanged"
        store.write(replace(analysis, article=replace(
            analysis.article, processed_with={"newsgraph": "9"})))
        _, rows = store.query("SELECT text, value, granularity, record FROM dates")
    assert ("Thursday", "2022-02-24", "day") in [row[:3] for row in rows]
    assert all('"granularity"' in row[3] for row in rows)


def test_record_json_is_the_json_of_each_record_as_a_dict(pipeline):
    # the rows' JSON column: the encoder walks the record, as asdict would have copied it
    from dataclasses import asdict

    from newsgraph.store.rows import as_json, record_json
    from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED

    text = SEED_ARTICLE.read_text(encoding="utf-8")
    analysis = pipeline.analyse(pipeline.make_article(text, published=SEED_PUBLISHED))
    records = [*analysis.entities, *analysis.events, *analysis.quotes, *analysis.places,
               *analysis.dates]
    assert len(records) > 50 and analysis.events and analysis.quotes
    for record in records:
        assert record_json(record) == as_json(asdict(record))
    with pytest.raises(TypeError, match="set is not JSON serializable"):
        record_json({"names": {"Kyiv"}})

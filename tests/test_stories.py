"""One event, many reports: the seed's Khan–Putin meeting (headline, lead, body) is one
story-level event; a copy of the article adds mentions, another outlet's report adds a source."""

from __future__ import annotations

import json

import pytest

from newsgraph.store import Store
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED
from tests.test_cli import invoke_with

SEED = SEED_ARTICLE.read_text(encoding="utf-8")
# The seed under another headline, published a day later by another outlet: a copy.
COPY = "Khan and Putin hold talks in Moscow\n\n" + SEED.split("\n", 1)[1]
# The same meeting in other words, from a wire service.
REPORT = ("Pakistan's Prime Minister Imran Khan met Russian President Vladimir Putin in Moscow "
          "on Thursday, the Kremlin said. The two leaders discussed energy cooperation and "
          "the situation in Afghanistan, officials said.")


def khan_putin(store: Store) -> dict:
    """The story-level meeting of the Pakistani and the Russian government."""
    columns, rows = store.story_events({"cameo": "04", "actor": "PAKGOV"})
    found = [dict(zip(columns, row, strict=True)) for row in rows
             if {row[columns.index("source_code")], row[columns.index("target_code")]}
             == {"PAKGOV", "RUSGOV"} and row[columns.index("cameo")] == "040"]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def analyses(pipeline):
    articles = [pipeline.make_article(SEED, published=SEED_PUBLISHED),
                pipeline.make_article(COPY, published="2022-02-25", source="Other Outlet"),
                pipeline.make_article(REPORT, published=SEED_PUBLISHED, source="Wire")]
    return [pipeline.analyse(article) for article in articles]


def test_the_seed_meeting_is_one_story_event_with_headline_lead_and_body(tmp_path, analyses):
    with Store(tmp_path / "n.duckdb") as store:
        store.write(analyses[0])
        story = khan_putin(store)
        _, mentions = store.query(
            "SELECT evidence_start, sentence FROM story_mentions WHERE story_id = ?"
            " ORDER BY evidence_start", [story["story_id"]])
    assert (story["date"], story["num_articles"], story["num_sources"]) == ("2022-02-24", 1, 1)
    assert story["num_mentions"] == len(mentions) == 4
    # The headline, the lead, TASS's report and the body's "meeting between".
    assert [(start, sentence[:48]) for start, sentence in mentions] == [
        (0, "Prime Minister of Pakistan Imran Khan meets Russ"),
        (111, "Russian President Vladimir Putin met Pakistan Pr"),
        (834, "President Putin is holding a meeting with Prime "),
        (1369, "The meeting between Imran Khan and Vladimir Puti"),
    ]


def test_a_copy_adds_mentions_and_never_story_events(tmp_path, analyses):
    seed, copy, report = analyses
    with Store(tmp_path / "n.duckdb") as store:
        store.write(seed)
        alone = khan_putin(store)
        stories = len(store.story_events({})[1])
        store.write(copy)
        assert store.query("SELECT duplicate_of FROM articles WHERE source = 'Other Outlet'"
                           )[1] == [(seed.article.id,)]
        assert len(store.story_events({})[1]) == stories
        assert khan_putin(store)["num_mentions"] == 2 * alone["num_mentions"]
        store.write(report)
        together = khan_putin(store)
    assert together["story_id"] == alone["story_id"]
    assert together["num_mentions"] == 2 * alone["num_mentions"] + 1
    assert (together["num_articles"], together["num_sources"]) == (3, 3)
    assert (together["first_seen"], together["last_seen"]) == ("2022-02-24", "2022-02-25")
    assert together["article_id"] == seed.article.id  # shown: the first stored original's


def test_events_grouped_on_the_command_line(tmp_path, pipeline, analyses):
    db = tmp_path / "n.duckdb"
    with Store(db) as store:
        store.write_many(analyses)
    result = invoke_with(pipeline, "events", "--db", db, "--grouped", "--plover", "CONSULT",
                         "--format", "json", "--limit", "1")
    assert result.exit_code == 0, result.output
    top = json.loads(result.output.splitlines()[0])
    assert {top["source_code"], top["target_code"]} == {"PAKGOV", "RUSGOV"}
    assert top["num_articles"] == 3

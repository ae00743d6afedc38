"""One event, many reports: the seed's Khan–Putin meeting (headline, lead, body) is one
story-level event; a copy of the article adds mentions, another outlet's report adds a source."""

from __future__ import annotations

import json

import pytest

from newsgraph.export.gdelt import global_event_id
from newsgraph.export.gdelt_codes import gdelt_columns
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
def analyses(every_reading):
    """The three articles with every event the coder reads: the untargeted consultation
    these tests keep apart (0.26) is under the default confidence floor."""
    pipeline = every_reading
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
    # The report's two mentions: "met" and "The two leaders discussed … the situation in
    # Afghanistan" (a consultation between them, not with Afghanistan).
    assert together["num_mentions"] == 2 * alone["num_mentions"] + 2
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


# Obama's visit of 2013-03-20, reported by two outlets: the first names both places he
# visited that day, the second has one mention that names no target ("arrived ... for a
# three-day visit") beside one that does.
VISIT = ("President Barack Obama arrived in Israel on Wednesday for his first visit as "
         "president. Obama visited Israel and the West Bank on Wednesday.")
ARRIVAL = "Obama arrived on Wednesday for a three-day visit. Obama visited Israel on Wednesday."


def visits(store: Store) -> dict[str | None, dict]:
    """Obama's story-level visits (CAMEO 042) by target code."""
    columns, rows = store.story_events({"cameo": "042", "actor": "USAGOV"})
    stories = [dict(zip(columns, row, strict=True)) for row in rows]
    by_target = {story["target_code"]: story for story in stories}
    assert len(by_target) == len(stories), stories
    return by_target


def test_a_mention_without_a_target_is_a_story_of_its_own(tmp_path, pipeline):
    """It cannot be told which of the day's visits it reports (Israel or the West Bank), and
    adding it to both would count it twice: it is kept apart, and says what it says."""
    visit = pipeline.analyse(pipeline.make_article(VISIT, published="2013-03-20", source="A"))
    arrival = pipeline.analyse(pipeline.make_article(ARRIVAL, published="2013-03-20",
                                                     source="B"))
    with Store(tmp_path / "n.duckdb") as store:
        store.write_many([visit, arrival])
        stories = visits(store)
        _, keyed = store.query(
            "SELECT story_id, count(DISTINCT target_code IS NULL) FROM story_mentions"
            " GROUP BY story_id HAVING count(DISTINCT target_code IS NULL) > 1")
    assert set(stories) == {"ISR", "PSE", None}
    israel, bank, untargeted = stories["ISR"], stories["PSE"], stories[None]
    assert (israel["num_mentions"], israel["num_articles"], israel["num_sources"]) == (3, 2, 2)
    assert (bank["num_mentions"], bank["num_articles"]) == (1, 1)
    assert (untargeted["num_mentions"], untargeted["num_articles"]) == (1, 1)
    assert untargeted["target_name"] is None
    assert untargeted["sentence"].startswith("Obama arrived on Wednesday for a three-day visit")
    assert keyed == []  # no story anywhere mixes mentions with and without a target


def test_the_seed_keeps_its_untargeted_mentions_apart(tmp_path, analyses):
    """Ned Price's "communicated to Pakistan ... briefed them": the consultation with
    Pakistan and the one without a named target are two stories, one mention each."""
    seed = analyses[0]
    with Store(tmp_path / "n.duckdb") as store:
        store.write(seed)
        _, rows = store.query(
            "SELECT story_id, target_code FROM story_mentions WHERE source_name = 'Ned Price'"
            " AND cameo = '040' AND sentence LIKE '%communicated to Pakistan%'")
        _, counts = store.query(
            "SELECT num_mentions FROM story_events WHERE story_id IN (SELECT unnest(?))",
            [[story for story, _ in rows]])
    assert {target for _, target in rows} == {"PAK", None}
    assert len({story for story, _ in rows}) == 2
    assert counts == [(1,), (1,)]


def test_an_empty_target_code_is_keyed_by_the_target_name_not_as_no_target(tmp_path, analyses):
    """A target stored with an empty code (a reader writing ``""`` for "none") still names
    someone: it must not fall into the story of the mentions that name nobody."""
    seed = analyses[0]
    with Store(tmp_path / "n.duckdb") as store:
        store.write(seed)
        store.db.execute("UPDATE events SET target_code = '' WHERE target_code = 'PAK'"
                         " AND source_name = 'Ned Price'")
        _, rows = store.query(
            "SELECT count(DISTINCT story_id) FROM story_mentions WHERE source_name = 'Ned Price'"
            " AND cameo = '040' AND sentence LIKE '%communicated to Pakistan%'")
    assert rows == [(2,)]


def test_the_gdelt_export_counts_the_story_across_articles(tmp_path, pipeline, analyses):
    """Seed, its copy and the wire report: every exported row of the meeting (either
    direction, any of the three articles) carries the story's counts."""
    db = tmp_path / "n.duckdb"
    with Store(db) as store:
        store.write_many(analyses)
        meeting = khan_putin(store)
        _, events = store.query("SELECT event_id FROM story_mentions WHERE story_id = ?",
                                [meeting["story_id"]])
    result = invoke_with(pipeline, "export", "--db", db, "--format", "gdelt", "--cameo", "040")
    assert result.exit_code == 0, result.output
    ids = {str(global_event_id(event)) for (event,) in events}
    rows = [line.split("\t") for line in result.output.splitlines()]
    counts = {tuple(row[gdelt_columns().index(name)]
                    for name in ("NumMentions", "NumSources", "NumArticles"))
              for row in rows if row[0] in ids}
    assert len([row for row in rows if row[0] in ids]) == meeting["num_mentions"]
    assert counts == {(str(meeting["num_mentions"]), "3", "3")}


def test_undated_mentions_of_two_undated_articles_are_not_one_story(tmp_path, pipeline):
    """Neither the sentence nor the article has a date: nothing says the two reports are
    of one event, so each article keeps its own story."""
    texts = ["The United Nations condemned the attack.",
             "The United Nations condemned the attack. Rescue teams searched the rubble."]
    analyses = [pipeline.analyse(pipeline.make_article(text, source=f"Outlet {n}"))
                for n, text in enumerate(texts)]
    assert [event.date for analysis in analyses for event in analysis.events] == [None, None]
    with Store(tmp_path / "n.duckdb") as store:
        store.write_many(analyses)
        _, rows = store.query("SELECT source_code, cameo, date, num_mentions, num_articles"
                              " FROM story_events")
    assert rows == [("IGOUNO", "111", None, 1, 1)] * 2

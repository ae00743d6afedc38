"""``newsgraph.open``: the store's listings as data frames, on a real store of examples/."""

from __future__ import annotations

import duckdb
import pytest

import newsgraph
from newsgraph.errors import FilterError, StoreError

pandas = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def news(examples_db):
    with newsgraph.open(examples_db) as reader:
        yield reader


@pytest.fixture(scope="module")
def seed_id(news) -> str:
    articles = news.articles(source="Kashmir Today")
    assert len(articles) == 1
    return articles.id.iloc[0]


def test_the_khan_putin_meeting_in_moscow_is_an_exact_record(news, seed_id):
    events = news.events(article=seed_id, source_code="PAKGOV", target_code="RUSGOV",
                         cameo="040")
    assert isinstance(events, pandas.DataFrame)
    meeting = events[events.place_name == "Moscow"]
    assert len(meeting) == 1
    record = meeting.iloc[0].to_dict()
    assert {k: record[k] for k in ("date", "source_name", "source_code", "cameo", "plover",
                                   "target_name", "target_code", "factuality", "place_name",
                                   "article_id")} == {
        "date": "2022-02-24", "source_name": "Imran Khan", "source_code": "PAKGOV",
        "cameo": "040", "plover": "CONSULT", "target_name": "Vladimir Putin",
        "target_code": "RUSGOV", "factuality": "asserted", "place_name": "Moscow",
        "article_id": seed_id,
    }
    assert record["sentence"].startswith("Prime Minister of Pakistan Imran Khan meets Russian"
                                         " President Vladimir Putin")
    assert 0 < record["confidence"] <= 1


def test_quotes_actors_and_articles_take_the_listing_filters(news, seed_id):
    quotes = news.quotes(speaker="Price", article=seed_id)
    assert set(quotes.speaker_name) == {"Ned Price"} and set(quotes.speaker_code) == {"USAGOV"}
    assert [(kind, text[:40]) for kind, text in zip(quotes.kind, quotes.text, strict=True)] == [
        ("mixed", "the US has communicated its position to "),
        ("direct", "Well, we’re certainly aware of the trip "),
        ("direct", "We believe it’s the responsibility of ev"),
    ]
    people = news.actors(article=seed_id, type="PERSON")
    assert {"Imran Khan", "Vladimir Putin", "Ned Price"} <= set(people.name)
    khan = people[people.name == "Imran Khan"].iloc[0]
    assert (khan.code, khan.country, khan.articles) == ("PAKGOV", "PAK", 1)
    putin = news.articles(search="Putin")
    assert seed_id in set(putin.id) and len(putin) < len(news.articles())


def test_frames_hold_exactly_what_the_store_holds(news, examples_db):
    events = news.events()
    with duckdb.connect(str(examples_db), read_only=True) as db:
        assert len(events) == db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(news.events(limit=5)) == 5
    assert list(news.events(plover="SANCTION").plover.unique()) == ["SANCTION"]


def test_bad_filters_and_paths_are_clear_errors(news, tmp_path):
    with pytest.raises(FilterError, match="since: '2022-13' is not a date"):
        news.events(since="2022-13")
    with pytest.raises(FilterError, match="events have no filter 'colour'"):
        news.events(colour="red")
    with pytest.raises(StoreError, match="no such database"):
        newsgraph.open(tmp_path / "missing.duckdb")


def test_the_store_is_opened_read_only(examples_db):
    with newsgraph.open(examples_db) as reader, pytest.raises(duckdb.Error, match="read-only"):
        reader.store.db.execute("DELETE FROM events")


def test_polars_frames_when_polars_is_installed(examples_db):
    polars = pytest.importorskip("polars")
    with newsgraph.open(examples_db, frame="polars") as reader:
        frame = reader.events(plover="CONSULT")
    assert isinstance(frame, polars.DataFrame) and set(frame["plover"]) == {"CONSULT"}


def count(db, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql).fetchone()[0]


def test_network_has_pakistan_and_russia_with_the_stores_edge_counts(news, examples_db):
    nodes, edges = news.network(actor="PAK")
    assert {"PAK", "RUS"} <= set(nodes.id)
    pak_rus = edges[(edges.source == "PAK") & (edges.target == "RUS")].iloc[0]
    assert pak_rus.events == count(examples_db, (
        "SELECT count(*) FROM events WHERE coalesce(source_country, source_code) = 'PAK'"
        " AND coalesce(target_country, target_code) = 'RUS'")) > 0
    assert pak_rus.events == sum(pak_rus[f"quad_{q}"] for q in range(1, 5))
    assert pak_rus.quad_1 > 0
    by_code, _ = news.network(by="code", actor="PAK")
    assert {"PAKGOV", "RUSGOV"} <= set(by_code.id)


def test_timeline_and_places_of_the_events(news, examples_db):
    timeline = news.timeline(country="PAK")
    day = timeline[timeline.date == "2022-02-24"].iloc[0]
    assert day.events == count(examples_db, (
        "SELECT count(*) FROM events WHERE date = '2022-02-24'"
        " AND 'PAK' IN (source_country, target_country)"))
    assert list(timeline.date) == sorted(timeline.date)
    places = news.places(actor="PAK")
    moscow = places[places.name == "Moscow"].iloc[0]
    assert (moscow.country, round(moscow.lat, 2), round(moscow.lon, 2)) == ("RUS", 55.75, 37.62)


def test_stories_make_the_khan_putin_meeting_one_row_with_its_mentions(news, seed_id):
    mentions = news.events(article=seed_id, cameo="040", actor="PAKGOV")
    meeting = mentions[mentions.target_code.isin(["PAKGOV", "RUSGOV"])
                       & mentions.source_code.isin(["PAKGOV", "RUSGOV"])]
    stories = news.stories(article=seed_id, cameo="040", actor="PAKGOV")
    row = stories[stories.target_code.isin(["PAKGOV", "RUSGOV"])]
    assert len(row) == 1 and len(meeting) >= 3
    assert row.num_mentions.iloc[0] == len(meeting)
    assert row.date.iloc[0] == "2022-02-24"

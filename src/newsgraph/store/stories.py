"""One event, many reports: event mentions grouped into story-level events (GDELT's counts).

A mention is one stored event record. Mentions with the same source and target actor
codes, CAMEO code and event date, in one article or many, are one story-level event
with ``num_mentions``, ``num_sources`` (outlets), ``num_articles``, and ``first_seen`` /
``last_seen`` (the earliest and latest publication day of its articles). An actor without
a code is keyed by its name. For symmetric codes (knowledge/data/events/symmetric.tsv:
meetings, negotiations) the two actors are keyed in either order.

A mention without a target is its own story, never part of one with a target: "Khan
arrived for a two-day visit" does not say whom he visits, and the same source may visit
two countries, meet two leaders, on one day — which of their stories it belongs to is a
guess, and adding it to each would count it twice. So the story's counts are of mentions
that say the same thing, as GDELT keys an event with an empty Actor2 apart from one with
an Actor2.

Only original articles start story-level events: a duplicate article's mentions add to
the story-level events its original's mentions make, and never make new ones.

``story_mentions`` and ``story_events`` are views in every store written by this version;
``story_events_sql`` is the same query over a filtered set of events (for listings).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb


def _actor_key(side: str) -> str:
    """SQL keying one actor: its code, else ``~`` and its name, else ``#`` and its entity id;
    empty only when there is no actor (an empty code or name does not count as one)."""
    return (f"coalesce(nullif(trim(e.{side}_code), ''),"
            f" '~' || nullif(lower(trim(e.{side}_name)), ''),"
            f" '#' || nullif(e.{side}_entity, ''), '')")


# A mention without a date of its own is dated by its article's publication day (as the
# GDELT export's SQLDATE), else kept to its article: two undated reports from different
# days or articles are not known to be one event.
DAY_KEY = ("coalesce(e.date, 'p' || nullif(left(a.published, 10), ''),"
           " 'a' || e.article_id)")
SOURCE_KEY = _actor_key("source")
TARGET_KEY = _actor_key("target")


def story_mentions_sql(symmetric: Iterable[str], events: str = "events") -> str:
    """Every event of ``events`` (a table or a subquery) with its story id and article.

    A duplicate article's mention joins the story of its original's mention with the same
    actors and code (the same sentence first, then the same date): a copy published a day
    later resolves "today" to another day, yet reports the same event.
    """
    codes = ", ".join(f"'{code}'" for code in sorted(symmetric) if code.isdigit()) or "NULL"
    swap = f"e.cameo IN ({codes}) AND {TARGET_KEY} <> '' AND {TARGET_KEY} < {SOURCE_KEY}"
    first = f"CASE WHEN {swap} THEN {TARGET_KEY} ELSE {SOURCE_KEY} END"
    second = f"CASE WHEN {swap} THEN {SOURCE_KEY} ELSE {TARGET_KEY} END"
    actors_and_code = f"concat_ws(chr(31), {first}, {second}, e.cameo)"
    keyed = (
        "SELECT 's' || left(sha256(concat_ws(chr(31), "
        f"{actors_and_code}, {DAY_KEY})), 15) AS story_id,"
        f" {actors_and_code} AS actors_and_code,"
        " e.id AS event_id, e.article_id, a.source AS outlet, a.published, a.stored_at,"
        " a.duplicate_of, e.date, e.source_name, e.source_code, e.cameo, e.plover,"
        " e.target_name, e.target_code, e.factuality, e.sentence, e.evidence_start,"
        " e.evidence_end"
        f" FROM {events} e JOIN articles a ON a.id = e.article_id"
    )
    return (
        f"WITH keyed AS ({keyed}), copied AS ("
        " SELECT d.event_id,"
        " arg_min(o.story_id, (o.sentence IS DISTINCT FROM d.sentence,"
        " o.date IS DISTINCT FROM d.date, o.story_id)) AS story_id"
        " FROM keyed d JOIN keyed o ON o.article_id = d.duplicate_of"
        " AND o.actors_and_code = d.actors_and_code GROUP BY d.event_id)"
        " SELECT coalesce(c.story_id, k.story_id) AS story_id,"
        " k.* EXCLUDE (story_id, actors_and_code)"
        " FROM keyed k LEFT JOIN copied c ON c.event_id = k.event_id"
    )


# A story's counts (GDELT's NumMentions, NumSources, NumArticles) and its first and last
# publication day, over its mentions ``m``: the one definition the listing and the GDELT
# export share. An article without an outlet counts as its own source.
STORY_COUNTS = ("count(*) AS num_mentions,"
                " count(DISTINCT coalesce(m.outlet, m.article_id)) AS num_sources,"
                " count(DISTINCT m.article_id) AS num_articles,"
                " min(m.published) AS first_seen, max(m.published) AS last_seen")


def story_counts_sql(symmetric: Iterable[str]) -> str:
    """Every stored event's story id and its story's counts, over the whole store.

    The counts are those of ``story_events`` for every story it lists; an event whose
    story it does not list (a copy's mention that no original's mention matches) still
    gets its story's counts here.
    """
    return (
        f"WITH m AS ({story_mentions_sql(symmetric)}),"
        f" counts AS (SELECT m.story_id, {STORY_COUNTS} FROM m GROUP BY m.story_id)"
        " SELECT m.event_id, counts.* FROM m JOIN counts USING (story_id)"
    )


def story_events_sql(symmetric: Iterable[str], events: str = "events") -> str:
    """Story-level events of ``events``: one row per story, its counts and first mention.

    The first mention (whose names, codes and sentence the row shows) is the first one of
    the earliest published original article (the first stored on a tie).
    """
    first = ("(m.duplicate_of IS NOT NULL, coalesce(m.published, '9999'), m.stored_at,"
             " m.article_id, m.evidence_start)")
    return (
        "SELECT m.story_id, any_value(m.date) AS date,"
        f" arg_min(m.source_name, {first}) AS source_name,"
        f" arg_min(m.source_code, {first}) AS source_code, any_value(m.cameo) AS cameo,"
        f" any_value(m.plover) AS plover, arg_min(m.target_name, {first}) AS target_name,"
        f" arg_min(m.target_code, {first}) AS target_code,"
        f" {STORY_COUNTS},"
        f" arg_min(m.sentence, {first}) AS sentence,"
        f" arg_min(m.article_id, {first}) AS article_id"
        f" FROM ({story_mentions_sql(symmetric, events)}) m"
        " GROUP BY m.story_id HAVING bool_or(m.duplicate_of IS NULL)"
    )


def create_views(db: duckdb.DuckDBPyConnection, symmetric: Iterable[str]) -> None:
    """(Re)create the ``story_mentions`` and ``story_events`` views."""
    codes = sorted(symmetric)
    db.execute(f"CREATE OR REPLACE VIEW story_mentions AS {story_mentions_sql(codes)}")
    db.execute(f"CREATE OR REPLACE VIEW story_events AS {story_events_sql(codes)}")

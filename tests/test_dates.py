"""Time expressions resolved against the publication date, through the real model."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsgraph.extract.dates import resolve_simple, resolve_with_dateparser

PUBLISHED = "2022-02-24"  # a Thursday

# (sentence, expression, expected value) — every case published on PUBLISHED.
TIME_EXPRESSIONS = [
    ("Khan arrived in Moscow today.", "today", "2022-02-24"),
    ("Khan arrived in Moscow yesterday.", "yesterday", "2022-02-23"),
    ("Khan will fly to Beijing tomorrow.", "tomorrow", "2022-02-25"),
    ("Khan arrived in Russia on Wednesday.", "Wednesday", "2022-02-23"),
    ("The ministers met on Monday.", "Monday", "2022-02-21"),
    ("The ministers met on Thursday.", "Thursday", "2022-02-24"),
    ("The ministers met on Friday.", "Friday", "2022-02-18"),
    ("The ministers will meet on Wednesday.", "Wednesday", "2022-03-02"),
    ("The ministers will meet on Friday.", "Friday", "2022-02-25"),
    ("The talks are expected to resume on Monday.", "Monday", "2022-02-28"),
    ("The ministers met last Wednesday.", "last Wednesday", "2022-02-23"),
    ("The ministers will meet next Tuesday.", "next Tuesday", "2022-03-01"),
    ("Prices rose sharply last year.", "last year", "2021"),
    ("Elections will be held next year.", "next year", "2023"),
    ("Inflation has risen this year.", "this year", "2022"),
    ("The embassy closed last month.", "last month", "2022-01"),
    ("The embassy will reopen next month.", "next month", "2022-03"),
    ("Sharif travelled to Moscow in 1999.", "1999", "1999"),
    ("They have held joint exercises since 2016.", "2016", "2016"),
    ("The talks resumed in March.", "March", "2021-03"),
    ("The talks will resume in March.", "March", "2022-03"),
    ("The treaty was signed in January.", "January", "2022-01"),
    ("The treaty was signed in March 2014.", "March 2014", "2014-03"),
    ("The treaty was signed on March 18, 2014.", "March 18, 2014", "2014-03-18"),
    ("The treaty was signed on 18 March 2014.", "18 March 2014", "2014-03-18"),
    ("The troops left on February 3.", "February 3", "2022-02-03"),
    ("The election was held two years ago.", "two years ago", "2020"),
    ("The minister resigned three days ago.", "three days ago", "2022-02-21"),
    ("The report was published on 2021-11-05.", "2021-11-05", "2021-11-05"),
    ("Rebels attacked the town on Sunday night.", "Sunday night", "2022-02-20"),
    ("Ministers met earlier this month.", "earlier this month", "2022-02"),
    ("The ceasefire collapsed in December.", "December", "2021-12"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), TIME_EXPRESSIONS)
def test_time_expression_resolves_against_published(analyse, sentence, expression, value):
    dates = analyse(sentence, published=PUBLISHED)["dates"]
    assert [(d["text"], d["value"]) for d in dates] == [(expression, value)]


NOT_DATES = [
    "Imran Khan, 69, had voiced concern.",
    "He is the first premier to visit Russia in 23 years.",
    "Khan arrived on a two-day visit.",
    "It is the first such visit in over two decades.",
    "The convoy waited for three hours.",
    "The 45-year-old minister resigned.",
    "Police arrested 1500 protesters.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_durations_ages_and_counts_are_not_dates(analyse, sentence):
    assert analyse(sentence, published=PUBLISHED)["dates"] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Khan arrived in Moscow today.", None),
        ("Khan arrived in Russia on Wednesday.", None),
        ("Prices rose sharply last year.", None),
        ("Sharif travelled to Moscow in 1999.", "1999"),
        ("The treaty was signed on March 18, 2014.", "2014-03-18"),
    ],
)
def test_without_published_only_absolute_expressions_resolve(analyse, sentence, value):
    assert [d["value"] for d in analyse(sentence)["dates"]] == [value]


def test_offsets_index_the_article_text(analyse):
    text = "Khan arrived in Russia on Wednesday."
    (date,) = analyse(text, published=PUBLISHED)["dates"]
    assert text[date["start"]:date["end"]] == date["text"] == "Wednesday"


def test_seed_article_dates(seed_analysis):
    values = {(d["text"], d["value"]) for d in seed_analysis["dates"]}
    assert values == {
        ("today", "2022-02-24"), ("Wednesday", "2022-02-23"), ("1999", "1999"),
        ("2016", "2016"),
    }


def test_seed_article_ages_and_durations_are_not_dates(seed_analysis):
    texts = {d["text"] for d in seed_analysis["dates"]}
    assert not texts & {"69", "23 years", "two-day", "over two decades"}


# The shapes dates.py resolves by hand must give what dateparser gives, at any anchor.
SIMPLE_SHAPES = [
    "today", "Tonight", "yesterday", "tomorrow", "this week", "Last week", "next week",
    "this month", "last month", "next month", "this year", "Last year", "next year",
    "January", "February", "March", "December", "years", "night", "weekend",
    "April 5", "Sept. 11th", "February 28", "January 28, 2016", "05 April 2018", "May 2017",
]
# After the 28th a month's name is left to dateparser (see the test below).
ANCHORS = ["2022-02-24", "2022-04-05", "2021-12-28", "2024-01-01", "2020-03-28"]


@pytest.mark.parametrize("anchor", ANCHORS)
@pytest.mark.parametrize("text", SIMPLE_SHAPES)
@pytest.mark.parametrize("future", [False, True])
def test_simple_shapes_match_dateparser(text, anchor, future):
    moment = datetime.fromisoformat(anchor)
    expected = resolve_with_dateparser(text, moment, future)
    assert resolve_simple(text, moment, future) == expected


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("February 29", "2022-02-24"),
        ("April 31", "2022-02-24"),
        ("February 30, 2018", "2022-02-24"),
        ("next decade", "2022-02-24"),
        ("February", "2022-03-30"),  # dateparser's "February" then jumps to a leap year
    ],
)
def test_shapes_dateparser_treats_its_own_way_are_left_to_it(text, anchor):
    assert resolve_simple(text, datetime.fromisoformat(anchor), False) is False

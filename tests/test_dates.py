"""Time expressions resolved against the publication date, through the real model."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsgraph.extract.dates import resolve_simple, resolve_with_dateparser
from tests.conftest import extract_only


@pytest.fixture
def dated(read_context):
    """Dates alone: one parse, the entities and actors steps, then the dates extractor."""
    return extract_only(read_context, "dates")

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
def test_time_expression_resolves_against_published(dated, sentence, expression, value):
    dates = dated(sentence, published=PUBLISHED)["dates"]
    assert [(d["text"], d["value"]) for d in dates] == [(expression, value)]


NOT_DATES = [
    "Imran Khan, 69, had voiced concern.",
    "He is the first premier to visit Russia in 23 years.",
    "Khan arrived on a two-day visit.",
    "It is the first such visit in over two decades.",
    "The convoy waited for three hours.",
    "The 45-year-old minister resigned.",
    "Police arrested 1500 protesters.",
    "In the seven decades following the Second World War, American leadership has helped.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_durations_ages_and_counts_are_not_dates(dated, sentence):
    assert dated(sentence, published=PUBLISHED)["dates"] == []


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
def test_without_published_only_absolute_expressions_resolve(dated, sentence, value):
    assert [d["value"] for d in dated(sentence)["dates"]] == [value]


def test_offsets_index_the_article_text(dated):
    text = "Khan arrived in Russia on Wednesday."
    (date,) = dated(text, published=PUBLISHED)["dates"]
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


# --- audit cases: clock times, decades, month-days in noun phrases --------------------------

CLOCK_TIMES = [
    "At around 11:25am US east coast time (1625 UTC), the Associated Press (AP) called the "
    "election for Biden.",
    "The blast happened at 2130 local time.",
]


@pytest.mark.parametrize("sentence", CLOCK_TIMES)
def test_four_digit_clock_times_are_not_years(dated, sentence):
    assert dated(sentence, published="2020-11-07")["dates"] == []


SPANS_OF_YEARS = [
    ("Growth slowed in the 1990s.", "the 1990s", "1990", "decade"),
    ("Relations have improved since the mid-1980s.", "the mid-1980s", "1980", "decade"),
    ("The band was famous in the '60s.", "'60s", "1960", "decade"),
    ("The town grew quickly in the 1800s.", "the 1800s", "1800", "century"),
    ("Sharif travelled to Moscow in 1999.", "1999", "1999", "year"),
    ("The treaty was signed in March 2014.", "March 2014", "2014-03", "month"),
    ("The treaty was signed on March 18, 2014.", "March 18, 2014", "2014-03-18", "day"),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "granularity"), SPANS_OF_YEARS)
def test_value_carries_its_granularity(dated, sentence, expression, value, granularity):
    dates = dated(sentence, published=PUBLISHED)["dates"]
    assert [(d["text"], d["value"], d["granularity"]) for d in dates] == [
        (expression, value, granularity)
    ]


# A month-day without a year: the tense of the verb that governs it, or - when it modifies a
# noun under a present copula - the tense of the clause above ("They concluded that …").
MONTH_DAYS = [
    ("They concluded that the November 27 maritime border agreement between Turkey and Libya "
     'is "null and void".', "2019-11-27"),
    ("They signed the November 27 agreement.", "2019-11-27"),
    ("The summit will be held on November 27.", "2020-11-27"),
    ("The vote is on November 27.", "2020-11-27"),
]


@pytest.mark.parametrize(("sentence", "value"), MONTH_DAYS)
def test_month_day_takes_the_year_its_tense_points_to(dated, sentence, value):
    (date,) = dated(sentence, published="2020-01-11")["dates"]
    assert (date["text"], date["value"]) == ("November 27", value)


# --- event dates: which time expression dates which predicate --------------------------------

# (published, sentence, a word of the event's evidence, the event's date)
EVENT_DATES = [
    # a noun event takes the date of the verb it is an argument of
    ("2020-05-06", "After a Senate hearing was conducted on February 24, the Senate did not "
     "find the network had breached laws, nor its franchise terms.", "hearing", "2020-02-24"),
    ("2020-01-07", "The move follows the United States' killing of Qasem Soleimani in an "
     "airstrike last week.", "killing", "2020-W01"),
    # an untensed subordinate clause takes the date of the clause it hangs from
    ("2020-05-06", "Solicitor General Jose Calida filed a quo warranto petition on February 10,"
     " accusing the network of violating its franchise.", "accusing", "2020-02-10"),
    # a conjoined verb sharing the subject shares the date
    ("2022-02-24", "Russia criticised the plan and rejected it on Monday.", "criticised",
     "2022-02-21"),
    # a sentence-opening time phrase dates the clauses with none of their own
    ("2020-03-04", "Back in 2018, the Argentine congress approved a bill legalising abortion, "
     "but it was dismissed by the senate.", "dismissed", "2018"),
    # (the actor named as the article names him first: an uncoded source makes no event)
    ("2020-08-22", "On Thursday, Russian opposition leader Alexei Navalny was flying from "
     "Tomsk in Siberia headed for Moscow when he fell ill.", "headed", "2020-08-20"),
    # a relative clause on a time noun happens at the time its copula gives
    ("2020-05-06", "The last time the Philippine government ordered the network to shut down "
     "was during the martial law imposed by former Philippine President Ferdinand Marcos back "
     "in 1972.", "ordered", "1972"),
    ("2020-07-12", "Friday night was the fourth night in a row that Serbians protested; the "
     "protest started out against the government's anti-COVID-19 measures.", "protested",
     "2020-07-10"),
    # a near clause of time lends its date to the clause it modifies
    ("2020-01-13", "A few hours before the Boeing 737-800 jet crashed on Wednesday, Iran "
     "launched missiles targeting US troops in Iraqi military bases.", "launched",
     "2020-01-08"),
    # a date inside the event's own noun phrase
    ("2020-01-11", "They concluded that the November 27 maritime border agreement between "
     'Turkey and Libya is "null and void".', "agreement", "2019-11-27"),
    ("2022-02-24", "The United States imposed sanctions on Russia in the 1990s.", "imposed",
     "1990"),
    # no date of its own nor one to inherit: the publication date
    ("2020-11-07", "At around 11:25am US east coast time (1625 UTC), the Associated Press (AP) "
     "criticised the Trump campaign.", "criticised", "2020-11-07"),
    ("2022-02-24", "The man who attacked the embassy was arrested on Monday.", "attacked",
     "2022-02-24"),
    ("2022-02-24", "Officials said on Monday that Russia had attacked Ukraine.", "attacked",
     "2022-02-24"),
    ("2022-02-24", "Two years after Russia annexed Crimea in 2014, Ukraine imposed sanctions on "
     "Moscow.", "imposed", "2022-02-24"),
    # AllSides (2013): acts told over years have no day, and not the publication day; one
    # with a year of its own keeps it
    ("2013-05-06", "Israel has staged military moves inside Syria on a few occasions in the "
     "past decade \u2013 assassinating militants in Damascus, bombing a Palestinian training "
     "camp, and most notably by destroying a suspected nuclear reactor in northeast Syria in "
     "2007.", "bombing", None),
    ("2013-04-07", "Former U.S. Ambassador to the United Nations Bill Richardson on Sunday said "
     "that on one of several trips he made in recent years to North Korea, a leader from the "
     "nation did not deny selling nuclear weapons materials to other countries.", "made", None),
]


@pytest.mark.parametrize(("published", "sentence", "word", "value"), EVENT_DATES)
def test_event_date(analyse, published, sentence, word, value):
    events = analyse(sentence, published=published)["events"]
    evidence = [(sentence[e["evidence"]["start"] : e["evidence"]["end"]], e) for e in events]
    matching = sorted((len(text), e["date"]) for text, e in evidence if word in text.split())
    assert matching, f"no event with {word!r} in its evidence"
    assert matching[0][1] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks will be held on June 28 and 29 in Vienna.",
         [("June 28 and 29", "2016-06-28")]),
        ("Iran has wanted the bomb since the '90s.", [("the '90s", "1990")]),
        ("The format, known as 1+1, was agreed.", []),
        ("He told USA TODAY that the deal was bad.", []),
        ("David Jackson\n\nUSA TODAY\n\nThe deal was signed on Sunday.",
         [("Sunday", "2015-06-28")]),
        ("Kerry said on ABC's This Week that he was hopeful.", []),
        ("Theresa May met Donald Tusk. May's six-page letter carried a message.", []),
        ("Theresa May met Donald Tusk in May.", [("May", "2015-05")]),
        ("Winnie, a store manager in her mid-30s, supports the movement.", []),
        ("He disputed the account on one Sunday show.", []),
        # AllSides (2013): a tally is no year; an old year comes after a preposition.
        ("Oregon Democratic Rep. Peter DeFazio reported this tally of constituents who "
         "called, emailed or wrote his office: 1135 opposed, 18 for.", []),
        ("Take the Monroe Doctrine, set down in 1823, that insists no foreign power can "
         "dominate Latin America.", [("1823", "1823")]),
    ],
)
def test_words_that_only_look_like_dates(dated, text, expected):
    dates = dated(text, published="2015-07-01")["dates"]
    assert [(d["text"], d["value"]) for d in dates] == expected

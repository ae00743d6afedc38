"""Time expressions, resolved against the article's publication date.

Two steps: ``find_candidates`` collects spans that name a point in time (spaCy DATE
entities, day-like TIME entities and weekday/"today" words NER missed), dropping
durations, ages, counts and four-digit clock times ("1625 UTC"); ``resolve_date`` gives each
an ISO value with dateparser, anchored at ``published`` and pointed at the past or the
future by the tense of the verb that governs it (for a date inside a noun phrase under a
present tense, "the November 27 agreement … is void", by the clause above it).

Words that only look like dates are no candidates: arithmetic ("1+1"), common time words
capitalised inside a sentence, which are part of a programme's or paper's name ("USA
TODAY", "ABC's This Week"), a month that is someone's surname here ("May's letter" beside
"Theresa May"), an age ("her mid-30s") and no particular day ("one Sunday show"). A range
of days ("June 28 and 29") is worth its first day; the second number is never a year.

A decade or century ("the 1990s", "the 1800s") has no ISO form the contract's partial
dates allow: its value is the start year ("1990") and ``granularity`` says "decade".

A value is relative when it changes with the anchor: it is computed against two
unrelated probe dates and compared. Without ``published`` a relative expression
keeps ``value: None`` - never a guess - while "in 1999" still resolves.

Speed: dateparser costs about a millisecond a call, so the common shapes whose rule is
simple and exact (a year, a weekday, "today", "last month", a month's name, a bare
unit such as "years") are resolved by hand with the same result, and each document
keeps a ``Resolver`` that remembers every value it computed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy
from dateparser.date import DateDataParser
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.context import ArticleContext, published_day
from newsgraph.ids import record_id
from newsgraph.model import TimeRef

# --- constants -----------------------------------------------------------------------------

NUMBER_WORDS = (
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some|"
    r"couple of|dozens of|hundreds of|\d+(?:\.\d+)?"
)
UNITS = (
    r"seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
    r"centur(?:y|ies)"
)
# "23 years", "two-day", "over two decades", "the past 10 years", "the seven decades": spans
# of time, not points.
DURATION = re.compile(
    rf"^(?:the\s+)?(?:(?:about|around|nearly|almost|over|under|more than|less than|at least|"
    rf"some|just|roughly|up to|another|the (?:past|last|next|first|previous|coming|following)|"
    rf"{NUMBER_WORDS})[\s-]+)+(?:{UNITS})(?:[\s-](?:long|old))?$",
    re.IGNORECASE,
)
AGE = re.compile(r"^(?:aged? )?\d{1,3}(?:[\s-]years?[\s-]old)?$", re.IGNORECASE)
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
OLD_YEAR = 1900  # a bare number below it is a year only after a preposition, "the" or "year"
# "1625 UTC", "2130 local time", "0600 GMT": a four-digit clock time, not a year.
CLOCK = re.compile(r"^(?:[01][0-9]|2[0-3])[0-5][0-9]$")
CLOCK_WORDS = {
    "utc", "gmt", "z", "zulu", "local", "hours", "hrs", "hr", "h", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest",
}
# "the 1990s", "the '90s", "1800s": a decade (a century for a hundred before 2000).
# A two-digit decade is the 1900s' from the '20s on ("the '90s"), else the 2000s' ("the '10s").
DECADE = re.compile(r"^(?:mid-?)?(\d\d)?'?(\d)0'?s$", re.IGNORECASE)
CENTURY = re.compile(r"^(?:mid-?)?(1\d)00'?s$", re.IGNORECASE)
# Words that head a span but are no part of the date for the parser.
LEADING = re.compile(
    r"^(?:(?:in|on|at|since|by|until|till|from|during|of|before|after|around|as of|"
    r"the|earlier|later|early|late|mid-?|end of|start of|beginning of|this past)\s+)+",
    re.IGNORECASE,
)
TRAILING = re.compile(r"(?:'s|’s)$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_WORDS = ("today", "tonight", "yesterday", "tomorrow", *WEEKDAYS)
DAY_WORD_IDS = numpy.array([hash_string(word) for word in DAY_WORDS], dtype="uint64")
# Offsets in days from the anchor of the words dateparser reads as one day.
DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH = re.compile(rf"^(?:{'|'.join(MONTHS)})$", re.IGNORECASE)
MONTH_NAME = rf"(?:{'|'.join(MONTHS)}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
# "April 5", "Sept. 11th", "April 5, 2018", "5 April 2018", "May 2017"
MONTH_DAY = re.compile(rf"^({MONTH_NAME}) {ORDINAL}(?:,? (\d{{4}}))?$", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(rf"^{ORDINAL} ({MONTH_NAME}),? (\d{{4}})$", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"^({MONTH_NAME}),? (\d{{4}})$", re.IGNORECASE)
CALENDAR_UNIT = re.compile(r"^(this|last|next) (week|month|year)$", re.IGNORECASE)
# Bare units and parts of a day name no point in time: dateparser finds nothing in them.
NO_POINT = re.compile(
    r"^(?:years?|months?|weeks?|days?|decades?|night|morning|evening|afternoon|weekend)$",
    re.IGNORECASE,
)
WEEKDAY = re.compile(rf"^(?:(last|next|this) )?({'|'.join(WEEKDAYS)})$", re.IGNORECASE)
TIME_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|overnight)\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
FUTURE_LEMMAS = {"expect", "schedule", "set", "due", "plan", "go"}
# "June 28 and 29", "June 28-29": a range of days; its value is its first day (the second
# number is a day, never a year).
DAY_RANGE = re.compile(
    rf"^({MONTH_NAME} \d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|through|-|–)\s*"
    r"\d{1,2}(?:st|nd|rd|th)?$",
    re.IGNORECASE,
)
# "1+1", "2=2": arithmetic, not a date.
ARITHMETIC = re.compile(r"^[\d\s]*[+=×*][\d\s+=×*]*$")
# Common words of time that, capitalised in the middle of a sentence, are part of a name:
# "USA TODAY", "ABC's This Week", "Meet the Press Today".
NAME_WORDS = {
    "today", "tonight", "yesterday", "tomorrow", "this", "week", "weekend", "month", "year",
    "morning", "night", "evening", "last", "next", "now", "daily", "weekly",
}
# Words before a month that make it one even when someone in the text is called May.
MONTH_LEAD = {"last", "next", "this", "early", "late", "mid", "since", "until"}
# "her mid-30s", "in his 40s": an age, not a decade.
AGE_OWNERS = {"her", "his", "their", "my", "your", "our"}
# "one Sunday show", "every Monday": no particular day.
NO_PARTICULAR = {"one", "every", "each", "any"}
# Probe anchors used to tell relative expressions from absolute ones.
PROBES = (datetime(2003, 7, 16), datetime(2011, 11, 9))


# --- candidates ----------------------------------------------------------------------------


def is_time_expression(text: str) -> bool:
    """False for durations ("23 years", "two-day"), ages and counts ("69")."""
    text = text.strip()
    if YEAR.match(text):
        return True
    if AGE.match(text) or DURATION.match(text):
        return False
    return not text.replace(",", "").replace(".", "").isdigit()


def is_clock_time(span: Span) -> bool:
    """True for "1625" in "(1625 UTC)" or "2130 local time": four digits before a clock word."""
    text = span.text.split()
    if not text or not CLOCK.match(text[0]):
        return False
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return (len(text) > 1 and text[1].lower() in CLOCK_WORDS) or after in CLOCK_WORDS


def find_candidates(doc: Doc) -> list[Span]:
    """DATE entities, TIME entities naming a part of a day, and day words outside any entity."""
    spans: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and TIME_OF_DAY.search(ent.text)):
            spans.append(ent)
    # day words by their lowercase ids: iterating Token objects costs more than the rest
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), DAY_WORD_IDS)).tolist():
        if i not in covered:
            spans.append(doc[i : i + 1])
    people = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    people |= surname_months(doc)
    spans = [
        s for s in spans
        if is_time_expression(s.text) and not is_clock_time(s) and not is_other_reading(s, people)
    ]
    return sorted(spans, key=lambda s: s.start_char)


def surname_months(doc: Doc) -> set[str]:
    """Month words that are someone's surname in this text: "Theresa May", "Minister May"."""
    return {
        t.lower_ for t in doc[1:]
        if MONTH.match(t.text) and t.is_title and doc[t.i - 1].pos_ == "PROPN"
        and doc[t.i - 1].is_title and not MONTH.match(doc[t.i - 1].text)
    }


def is_other_reading(span: Span, people: set[str]) -> bool:
    """True when the words only look like a date: arithmetic ("1+1"), a count that looks like
    an old year ("1135 opposed"), part of a name
    ("USA TODAY", "This Week", "May" where Theresa May is in the text), an age ("her
    mid-30s") or no particular day ("one Sunday")."""
    text = span.text.strip()
    if ARITHMETIC.match(text):
        return True
    words = [t for t in span if not t.is_space]
    before = span.doc[span.start - 1] if span.start > 0 else None
    after_time_word = before is not None and (before.pos_ == "ADP" or before.lower_ in MONTH_LEAD)
    if len(words) == 1 and MONTH.match(text) and words[0].lower_ in people and not after_time_word:
        return True
    if YEAR.match(text) and int(text) < OLD_YEAR and not after_time_word and not (
        before is not None and before.lower_ in ("year", "the")
    ):
        return True  # "1135 opposed, 18 for": a count; an old year comes as "in 1135"
    if before is not None and before.lower_ in AGE_OWNERS and DECADE.match(words[-1].text):
        return True
    if NO_PARTICULAR & {t.lower_ for t in words[:1]} or (
        before is not None and before.lower_ in NO_PARTICULAR
    ):
        return True
    return any(is_name_word(t) for t in words)


def is_name_word(token: Token) -> bool:
    """A common word of time written capitalised inside a sentence that is not itself in
    title case (a headline): part of a programme's or paper's name."""
    if token.lower_ not in NAME_WORDS or token.is_lower:
        return False
    if token.is_upper and token.i > 0 and token.doc[token.i - 1].is_upper:
        return True  # "USA TODAY", even on a line of its own
    if token.is_sent_start:
        return False
    if token.i > 0 and (token.doc[token.i - 1].is_quote or "\n" in token.doc[token.i - 1].text):
        return False
    sentence = [t for t in token.sent if t.is_alpha]
    capitalised = sum(1 for t in sentence if t.text[0].isupper())
    return capitalised < 0.6 * len(sentence)


# --- tense ---------------------------------------------------------------------------------


def governing_verb(token: Token) -> tuple[Token | None, bool]:
    """The first verb above ``token`` (itself when it is one), and whether the way up passed
    through a noun ("the November 27 agreement": the date modifies a thing, not the verb)."""
    through_noun = False
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"}:
            return current, through_noun
        if current.head.i == current.i:
            return None, through_noun
        current = current.head
        if current.pos_ in {"NOUN", "PROPN"} and current.ent_type_ not in {"DATE", "TIME"}:
            through_noun = True
    return None, through_noun


def future_form(verb: Token) -> bool | None:
    """True for a future form ("will meet", "is to meet", "is expected to meet"), False for a
    past one, None for a present or untensed one."""
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
            return True
    # "is expected to meet", "is set to visit", "is due to arrive", "is going to sign"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        governor = verb.head
        if governor.lemma_ in FUTURE_LEMMAS | {"be"}:
            forms = [governor, *(c for c in governor.children if c.dep_.startswith("aux"))]
            return not any(t.tag_ == "VBD" for t in forms)
    if verb.tag_ == "VBD" or any(
        c.dep_.startswith("aux") and c.tag_ == "VBD" for c in verb.children
    ):
        return False
    return None


def is_present(verb: Token) -> bool:
    """"meets", "is meeting": the present tense news uses for plans."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


def points_to_future(span: Span) -> bool:
    """True when the verb governing ``span`` is in a future form ("will meet", "is to meet"),
    or in the present tense of a plan ("meets on Monday", "is meeting on Monday").

    A date inside a noun phrase ("the November 27 agreement … is null") is not a plan of a
    present-tense verb: the verbs above are asked in turn ("They concluded that …" is past).
    News is told in the past, so anything else counts as past.
    """
    verb, through_noun = governing_verb(span.root)
    for _ in range(4):
        if verb is None:
            return False
        form = future_form(verb)
        if form is not None:
            return form
        if not through_noun:
            return is_present(verb)
        if verb.head.i == verb.i:
            return False
        verb, _ = governing_verb(verb.head)
    return False


# --- resolution ----------------------------------------------------------------------------


def format_value(moment: datetime, period: str) -> str:
    """ISO value at the precision of ``period``: 2022-02-24, 2022-W08, 2022-02 or 2022."""
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return moment.date().isoformat()


def resolve_weekday(text: str, anchor: datetime, future: bool) -> str | None:
    """"Wednesday": the most recent one on or before the anchor, or the next one on or after."""
    match = WEEKDAY.match(text)
    if not match:
        return None
    qualifier, name = (match.group(1) or "").lower(), match.group(2).lower()
    if qualifier == "next":
        future = True
    elif qualifier == "last":
        future = False
    shift = (WEEKDAYS.index(name) - anchor.weekday()) % 7
    if future:
        day = anchor + timedelta(days=shift or (7 if qualifier == "next" else 0))
    else:
        day = anchor - timedelta(days=(7 - shift) % 7 or (7 if qualifier == "last" else 0))
    return day.date().isoformat()


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation ("Sept.")."""
    return MONTHS.index(next(m for m in MONTHS if m.startswith(name.lower().rstrip(".")[:3]))) + 1


def resolve_calendar_date(text: str, anchor: datetime, future: bool) -> str | None | bool:
    """"April 5" (the one the tense points to), "April 5, 2018", "5 April 2018", "May 2017".

    False when the text is another shape, or one dateparser treats in its own way
    (February 29th, a day the month lacks).
    """
    match = MONTH_YEAR.match(text)
    if match:
        year = int(match.group(2))
        return f"{year:04d}-{month_number(match.group(1)):02d}" if year >= 1000 else False
    match = MONTH_DAY.match(text)
    if match:
        month, day, year = match.groups()
    else:
        match = DAY_MONTH_YEAR.match(text)
        if not match:
            return False
        day, month, year = match.groups()
    month, day = month_number(month), int(day)
    if year is None:
        if month == 2 and day == 29:
            return False
        after = (month, day) > (anchor.month, anchor.day)
        year = anchor.year + (1 if future and not after else 0) - (1 if after and not future else 0)
    elif int(year) < 1000:
        return False
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return False


def resolve_simple(text: str, anchor: datetime, future: bool) -> str | None | bool:
    """The value of a common shape whose rule is exact; False when the shape is another.

    Each rule gives what dateparser gives (tests/test_dates.py compares them).
    """
    lower = text.lower()
    if lower in DAY_OFFSETS:
        return (anchor + timedelta(days=DAY_OFFSETS[lower])).date().isoformat()
    if NO_POINT.match(text):
        return None
    # from the 29th dateparser's "February" jumps to a leap year: left to it
    if MONTH.match(text) and anchor.day <= 28:
        month = MONTHS.index(lower) + 1
        if future:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year:04d}-{month:02d}"
    match = CALENDAR_UNIT.match(text)
    if not match:
        return resolve_calendar_date(text, anchor, future)
    step = {"this": 0, "last": -1, "next": 1}[match.group(1).lower()]
    unit = match.group(2).lower()
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return format_value(anchor + timedelta(weeks=step), "week")


def resolve_span_of_years(text: str) -> tuple[str, str] | None:
    """("1990", "decade") for "1990s", "'90s", "mid-1990s"; ("1800", "century") for "1800s"."""
    match = CENTURY.match(text)
    if match:
        return f"{match.group(1)}00", "century"
    match = DECADE.match(text)
    if not match:
        return None
    hundreds, digit = match.group(1), int(match.group(2))
    if hundreds is None:
        hundreds = "19" if digit >= 2 else "20"
    return f"{hundreds}{digit}0", "decade"


def granularity(text: str, value: str | None) -> str | None:
    """How much time ``value`` names: century, decade, year, month, week or day."""
    if value is None:
        return None
    span = resolve_span_of_years(clean(text))
    if span is not None:
        return span[1]
    if "W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def clean(text: str) -> str:
    """The words the parser should see: no leading prepositions, no possessive."""
    text = TRAILING.sub("", text.strip())
    text = LEADING.sub("", text).strip() or text
    days = DAY_RANGE.match(text)
    return days.group(1) if days else text


def resolve_at(text: str, anchor: datetime, future: bool) -> str | None:
    """The ISO value of ``text`` anchored at ``anchor``, or None if it names no time."""
    text = clean(text)
    span = resolve_span_of_years(text)
    if span is not None:
        return span[0]
    if YEAR.match(text):
        return text
    day = resolve_weekday(text, anchor, future)
    if day:
        return day
    simple = resolve_simple(text, anchor, future)
    if simple is not False:
        return simple
    return resolve_with_dateparser(text, anchor, future)


@lru_cache(maxsize=4096)
def resolve_with_dateparser(text: str, anchor: datetime, future: bool) -> str | None:
    """dateparser's ISO value of ``text`` at ``anchor`` in the tense's direction, or None.

    Kept across articles: the articles of one day ask the same questions, and dateparser
    is the slowest step of the dates (the answer depends only on the three arguments).
    """
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": anchor,
            "PREFER_DATES_FROM": "future" if future else "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    return format_value(data.date_obj, data.period or "day")


class Resolver:
    """Resolves one document's expressions, computing each (text, anchor, tense) once."""

    def __init__(self, day: date | None) -> None:
        """``day``: the publication day relative expressions count from, if a whole day."""
        self.anchor = datetime.combine(day, datetime.min.time()) if day else None
        self.values: dict[tuple[str, datetime, bool], str | None] = {}

    def at(self, text: str, anchor: datetime, future: bool) -> str | None:
        key = (text, anchor, future)
        if key not in self.values:
            self.values[key] = resolve_at(text, anchor, future)
        return self.values[key]

    def resolve(self, span: Span) -> tuple[bool, str | None]:
        """(is a time expression, value). Relative expressions without ``published`` get None.

        The value at the anchor is computed first: when it equals the value at the first
        probe, it is the answer whether or not the expression is relative, so the second
        probe is only needed to tell the other cases apart.
        """
        text, future = span.text, points_to_future(span)
        first = self.at(text, PROBES[0], future)
        if self.anchor is not None and first is not None:
            value = self.at(text, self.anchor, future)
            if value == first:
                return True, value
        second = self.at(text, PROBES[1], future)
        if first is None and second is None:
            return False, None
        if first == second:
            return True, first
        return True, self.at(text, self.anchor, future) if self.anchor else None


def resolve_date(span: Span, published: str | None) -> tuple[bool, str | None]:
    """(is a time expression, value). Relative expressions without ``published`` get None."""
    day = published_day(published) if published and len(published) >= 10 else None
    return Resolver(day).resolve(span)


def extract_dates(context: ArticleContext) -> list[TimeRef]:
    """Every time expression with its ISO value (partial allowed) or null."""
    records = []
    article = context.article
    resolver = Resolver(context.day if context.exact_day else None)
    for span in find_candidates(context.doc):
        found, value = resolver.resolve(span)
        if not found:
            continue
        records.append(
            TimeRef(
                id=record_id(article.id, "date", span.start_char, span.end_char),
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=value,
                granularity=granularity(span.text, value),
            )
        )
    return records

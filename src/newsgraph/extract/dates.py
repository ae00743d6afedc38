"""Time expressions, resolved against the article's publication date.

Two steps: ``find_candidates`` collects spans that name a point in time (spaCy DATE
entities, day-like TIME entities and weekday/"today" words NER missed), dropping
durations, ages and counts; ``resolve`` gives each an ISO value with dateparser,
anchored at ``published`` and pointed at the past or the future by the tense of
the verb that governs it.

A value is relative when it changes with the anchor: it is computed against two
unrelated probe dates and compared. Without ``published`` a relative expression
keeps ``value: None`` - never a guess - while "in 1999" still resolves.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span

from newsgraph.ids import record_id
from newsgraph.model import Article, TimeRef

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
# "23 years", "two-day", "over two decades", "the past 10 years": spans of time, not points.
DURATION = re.compile(
    rf"^(?:(?:about|around|nearly|almost|over|under|more than|less than|at least|some|just|"
    rf"roughly|up to|another|the (?:past|last|next|first|previous|coming|following)|"
    rf"{NUMBER_WORDS})[\s-]+)+(?:{UNITS})(?:[\s-](?:long|old))?$",
    re.IGNORECASE,
)
AGE = re.compile(r"^(?:aged? )?\d{1,3}(?:[\s-]years?[\s-]old)?$", re.IGNORECASE)
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
DECADE = re.compile(r"\b\d{2,4}'?s\b")
# Words that head a span but are no part of the date for the parser.
LEADING = re.compile(
    r"^(?:(?:in|on|at|since|by|until|till|from|during|of|before|after|around|as of|"
    r"the|earlier|later|early|late|mid-?|end of|start of|beginning of|this past)\s+)+",
    re.IGNORECASE,
)
TRAILING = re.compile(r"(?:'s|’s)$")
DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(rf"^(?:(last|next|this) )?({'|'.join(WEEKDAYS)})$", re.IGNORECASE)
TIME_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight|overnight)\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
FUTURE_LEMMAS = {"expect", "schedule", "set", "due", "plan", "go"}
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


def find_candidates(doc: Doc) -> list[Span]:
    """DATE entities, TIME entities naming a part of a day, and day words outside any entity."""
    spans: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and TIME_OF_DAY.search(ent.text)):
            spans.append(ent)
    for token in doc:
        if token.i not in covered and DAY_WORDS.fullmatch(token.text):
            spans.append(doc[token.i : token.i + 1])
    spans = [s for s in spans if is_time_expression(s.text)]
    return sorted(spans, key=lambda s: s.start_char)


# --- tense ---------------------------------------------------------------------------------


def points_to_future(span: Span) -> bool:
    """True when the verb governing ``span`` is in a future form ("will meet", "is to meet").

    News is told in the past, so anything else counts as past.
    """
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
            return True
    # "is expected to meet", "is set to visit", "is due to arrive", "is going to sign"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        governor = verb.head
        if governor.lemma_ in FUTURE_LEMMAS | {"be"}:
            forms = [governor, *(c for c in governor.children if c.dep_.startswith("aux"))]
            return not any(t.tag_ == "VBD" for t in forms)
    # present progressive or present tense of a plan: "meets on Monday", "is meeting on Monday"
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


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


def clean(text: str) -> str:
    """The words the parser should see: no leading prepositions, no possessive."""
    text = TRAILING.sub("", text.strip())
    return LEADING.sub("", text).strip() or text


def resolve_at(text: str, anchor: datetime, future: bool) -> str | None:
    """The ISO value of ``text`` anchored at ``anchor``, or None if it names no time."""
    text = clean(text)
    if DECADE.search(text):
        return None
    if YEAR.match(text):
        return text
    day = resolve_weekday(text, anchor, future)
    if day:
        return day
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


def anchor_date(published: str | None) -> datetime | None:
    """The publication date as a datetime, when it is a full date."""
    if not published or len(published) < 10:
        return None
    return datetime.combine(date.fromisoformat(published[:10]), datetime.min.time())


def resolve(span: Span, published: str | None) -> tuple[bool, str | None]:
    """(is a time expression, value). Relative expressions without ``published`` get None."""
    future = points_to_future(span)
    probed = {resolve_at(span.text, probe, future) for probe in PROBES}
    if probed == {None}:
        return False, None
    if len(probed) == 1:
        return True, probed.pop()
    anchor = anchor_date(published)
    return True, resolve_at(span.text, anchor, future) if anchor else None


def extract_dates(doc: Doc, article: Article) -> list[TimeRef]:
    """Every time expression with its ISO value (partial allowed) or null."""
    records = []
    for span in find_candidates(doc):
        found, value = resolve(span, article.published)
        if not found:
            continue
        records.append(
            TimeRef(
                id=record_id(article.id, "date", span.start_char, span.end_char),
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=value,
            )
        )
    return records

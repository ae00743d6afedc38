"""The one filter table: every filter a listing accepts, its value type, help and SQL.

The CLI generates its listing options from this table and an HTTP API can expose the
same filters as query parameters. Values are parsed and validated before any work
(``parse_filters``), so a typo is one clear error, never an empty result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.errors import FilterError

FACTUALITIES = (
    "asserted", "intended", "expected", "negated", "hypothetical", "reported", "cancelled",
)
QUOTE_KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class ValueType:
    """What a filter value may be: a name for help texts, and its parser."""

    name: str
    parse: Callable[[str], str]
    choices: tuple[str, ...] = ()


def _text(value: str) -> str:
    if not value.strip():
        raise FilterError("must not be empty")
    return value.strip()


def _pattern(pattern: str, expected: str, normalise: Callable[[str], str] = str.upper):
    compiled = re.compile(pattern)

    def parse(value: str) -> str:
        value = normalise(value.strip())
        if not compiled.fullmatch(value):
            raise FilterError(f"{value!r} is not {expected}")
        return value

    return parse


def _iso_date(value: str) -> str:
    value = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if not match:
            raise ValueError
        year, month, day = match.groups()
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise FilterError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


def _score(value: str) -> str:
    try:
        number = float(value.strip())
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise FilterError(f"{value.strip()!r} is not a number from 0 to 1")
    return repr(number)


def _choice(*choices: str) -> ValueType:
    def parse(value: str) -> str:
        if value.strip().lower() not in choices:
            raise FilterError(f"{value!r} is not one of {', '.join(choices)}")
        return value.strip().lower()

    return ValueType("|".join(choices), parse, choices)


TEXT = ValueType("TEXT", _text)
SCORE = ValueType("0-1", _score)
DATE = ValueType("DATE", _iso_date)
CODE = ValueType("CODE", _pattern(r"[A-Z0-9]{1,15}", "a CAMEO actor code (prefix), e.g. RUSGOV"))
CAMEO = ValueType("CAMEO", _pattern(r"\d{1,4}", "a CAMEO event code (prefix), e.g. 04"))
COUNTRY = ValueType("ISO3", _pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 code, e.g. PAK"))
LANGUAGE = ValueType(
    "LANG", _pattern(r"[a-z]{2,3}", "an ISO 639-1 code, e.g. en", normalise=str.lower)
)
QUAD_CLASS = _choice("1", "2", "3", "4")
CAMEO_ROOT = ValueType("ROOT", _pattern(r"\d{2}", "a CAMEO root code (two digits), e.g. 04"))
LABEL = ValueType("LABEL", _pattern(r"[A-Z_]{2,20}", "a type name, e.g. PERSON or SANCTION"))
ARTICLE_ID = ValueType(
    "ID", _pattern(r"[0-9a-f]{64}", "an article id (64 hex digits)", normalise=str.lower)
)


@dataclass(frozen=True)
class Filter:
    """One filter: ``condition`` is SQL whose every ``?`` is bound to the parsed value."""

    name: str
    type: ValueType
    help: str
    condition: str

    def parse(self, value: Any) -> str:
        try:
            return self.type.parse(str(value))
        except FilterError as error:
            raise FilterError(f"{self.name}: {error}") from None


def _published(column: str) -> tuple[Filter, Filter]:
    # "until 2020-06" includes all of June: compare only as many characters as given
    return (
        Filter("since", DATE, "On or after this date (YYYY[-MM[-DD]]).", f"{column} >= ?"),
        Filter("until", DATE, "On or before this date (YYYY[-MM[-DD]]).",
               f"left({column}, length(?)) <= ?"),
    )


FILTERS: dict[str, tuple[Filter, ...]] = {
    "articles": (
        Filter("source", TEXT, "Only this source.", "a.source = ?"),
        *_published("a.published"),
        Filter("language", LANGUAGE, "ISO 639-1 language code.", "a.language = ?"),
        Filter("search", TEXT, "Text contains this (case-insensitive).",
               "contains(lower(a.text), lower(?))"),
    ),
    "entities": (
        Filter("type", LABEL, "PERSON, ORG, GPE, …", "type = ?"),
        Filter("code", CODE, "CAMEO actor code prefix, e.g. RUSGOV.", "starts_with(code, ?)"),
        Filter("country", COUNTRY, "ISO alpha-3 country.", "country = ?"),
        Filter("name", TEXT, "Name contains this (case-insensitive).",
               "contains(lower(name), lower(?))"),
        Filter("article", ARTICLE_ID, "Only this article id.", "article_id = ?"),
    ),
    "events": (
        Filter("plover", LABEL, "PLOVER type, e.g. SANCTION.", "plover = ?"),
        Filter("cameo", CAMEO, "CAMEO event code prefix.", "starts_with(cameo, ?)"),
        Filter("cameo_root", CAMEO_ROOT, "CAMEO root code (01-20).", "cameo_root = ?"),
        Filter("quad_class", QUAD_CLASS,
               "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
               "4 material conflict.", "quad_class = CAST(? AS INTEGER)"),
        Filter("actor", CODE, "Source or target actor code prefix.",
               "(starts_with(source_code, ?) OR starts_with(target_code, ?))"),
        Filter("source_code", CODE, "Source actor code prefix.", "starts_with(source_code, ?)"),
        Filter("target_code", CODE, "Target actor code prefix.", "starts_with(target_code, ?)"),
        Filter("country", COUNTRY, "Source or target actor country (ISO alpha-3).",
               "(source_country = ? OR target_country = ?)"),
        Filter("factuality", _choice(*FACTUALITIES), "How the event is told.",
               "factuality = ?"),
        Filter("min_confidence", SCORE,
               "Only events whose confidence is at least this (bench/audit.py: of the events "
               "at 0.6 or more, about 8 in 10 were right; below 0.4, about 3 in 10).",
               "confidence >= CAST(? AS DOUBLE)"),
        Filter("article", ARTICLE_ID, "Only this article id.", "article_id = ?"),
        *_published("date"),
        Filter("search", TEXT, "Evidence sentence contains this (case-insensitive).",
               "contains(lower(sentence), lower(?))"),
    ),
    "quotes": (
        Filter("speaker", TEXT, "Speaker name contains this (case-insensitive).",
               "contains(lower(speaker_name), lower(?))"),
        Filter("kind", _choice(*QUOTE_KINDS), "Kind of quote.", "kind = ?"),
        Filter("article", ARTICLE_ID, "Only this article id.", "article_id = ?"),
        Filter("search", TEXT, "Quote contains this (case-insensitive).",
               "contains(lower(text), lower(?))"),
    ),
}


def parse_filters(kind: str, values: Mapping[str, Any]) -> dict[str, str]:
    """Validated filter values for a listing; unset (None) values are dropped.

    Raises FilterError naming the listing or the filter and what is wrong.
    """
    if kind not in FILTERS:
        raise FilterError(f"no listing {kind!r} (one of {', '.join(FILTERS)})")
    known = {f.name: f for f in FILTERS[kind]}
    parsed = {}
    for name, value in values.items():
        if name not in known:
            raise FilterError(f"{kind} have no filter {name!r} (one of {', '.join(known)})")
        if value is not None:
            parsed[name] = known[name].parse(value)
    return parsed


def where_clause(kind: str, parsed: Mapping[str, str]) -> tuple[str, list[str]]:
    """`` WHERE …`` (or nothing) and its parameters, from already parsed values."""
    conditions, params = [], []
    for item in FILTERS[kind]:
        if item.name in parsed:
            conditions.append(item.condition)
            params.extend([parsed[item.name]] * item.condition.count("?"))
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params

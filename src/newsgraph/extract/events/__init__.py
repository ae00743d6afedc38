"""Events: who did what to whom, coded in CAMEO and PLOVER, with factuality, date and place.

``predicates`` finds coded predicates and their candidate arguments, ``arguments`` resolves
arguments to actors, ``factuality`` says how each event is told, ``setting`` finds its date
and place, and ``build`` makes the records.
"""

from newsgraph.extract.events.build import extract_events

__all__ = ["extract_events"]

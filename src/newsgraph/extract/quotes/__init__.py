"""Quotes: direct, mixed and indirect speech with their speakers.

``marks`` pairs quotation marks, ``cues`` finds cue verbs and source phrases in the parse,
``direct`` and ``reported`` find the two kinds of quote (as ``candidates``), ``speakers``
resolves who spoke, and ``build`` makes the records.
"""

from newsgraph.extract.quotes.build import extract_quotes

__all__ = ["extract_quotes"]

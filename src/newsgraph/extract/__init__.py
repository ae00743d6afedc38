"""Extractors: pure functions of (Doc, Article, Knowledge, earlier records) -> records.

No I/O, no printing, no store. The pipeline calls them in this order:
entities -> actors -> dates -> places -> quotes -> events.
"""

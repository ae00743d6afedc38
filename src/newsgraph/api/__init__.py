"""The read-only HTTP API: JSON routes over the store (``routes``), the query parameters
they share (``params``), and country names for actor nodes (``labels``).

The app that serves them together with the explorer is built by ``newsgraph.app``.
"""

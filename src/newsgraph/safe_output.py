"""Text made safe for its reader: a terminal, a spreadsheet.

Stored text comes from anywhere (titles, quotes, names, file names). Printed raw,
an escape sequence clears a screen or retitles a window; written to CSV, a cell
that starts with ``=`` runs as a formula. Every printer and exporter passes text
through here. Pure functions, no I/O.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# Bidirectional overrides and isolates reorder what the reader sees ("Trojan Source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# OWASP CSV injection: a cell starting with one of these is read as a formula;
# full-width forms too, which some spreadsheets fold to the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _visible(char: str) -> str:
    """A control character as the escape that names it: ESC -> ``\\x1b``."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _is_unsafe(char: str) -> bool:
    # Cc: C0/C1 controls (ESC, CSI, BEL, DEL, …); Cs: lone surrogates; Zl/Zp: line breaks
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in BIDI_CONTROLS


def for_terminal(text: Any, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown as its escape, so printing it cannot
    move the cursor, clear the screen, set a title or reorder the line.

    Tabs stay; newlines stay only with ``keep_newlines`` (a message is one line).
    """
    text = "" if text is None else str(text)
    if text.isprintable():
        return text
    kept = {"\t", "\n"} if keep_newlines else {"\t"}
    return "".join(_visible(c) if c not in kept and _is_unsafe(c) else c for c in text)


def csv_cell(value: Any) -> Any:
    """A value safe to write as a CSV cell: text that a spreadsheet would run as a formula
    gets a leading apostrophe (OWASP). Numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

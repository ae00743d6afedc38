"""Guards every input passes before analysis: a size cap and text cleaned without moving offsets."""

from __future__ import annotations

import os
import re

MAX_CHARS_ENV = "NEWSGRAPH_MAX_CHARS"
# Parsing memory grows with text length (949k characters took 3.2 GB); news articles are far
# shorter. Longer texts are refused before parsing, with a message naming the limit.
DEFAULT_MAX_CHARS = 300_000
# A JSON line longer than this many bytes per allowed character cannot hold an allowed text.
BYTES_PER_CHAR = 8

# Lone surrogates (cannot be encoded) become U+FFFD; C0 controls other than tab, newline,
# form feed and carriage return (NUL from "\u0000" too) become spaces. One character for
# one character, so offsets into the text do not move.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def max_chars() -> int:
    """The longest text analysed: $NEWSGRAPH_MAX_CHARS, else the default."""
    value = os.environ.get(MAX_CHARS_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_CHARS


def too_long(length: int, limit: int | None = None) -> str | None:
    """Why a text of ``length`` characters is refused, or None."""
    limit = limit or max_chars()
    if length <= limit:
        return None
    return (f"text of {length:,} characters is over the limit of {limit:,} "
            f"(raise ${MAX_CHARS_ENV} to analyse it)")


def clean(text: str) -> str:
    """The text with lone surrogates and control characters replaced one for one."""
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text))


def clean_field(value: str | None) -> str | None:
    return None if value is None else clean(value)

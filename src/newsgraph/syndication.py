"""Syndication: was this article taken from a wire service or a syndicated feed?

Written by hand because no library detects it: the signals are a handful of
conventions (wire credits in dateline or closing position, syndication notices).
A wire agency merely cited in the body ("Reuters reported") is not a credit.
"""

from __future__ import annotations

import re

# --- wire agencies as they appear in credits -------------------------------------
AGENCIES = (
    r"Reuters|AP|Associated Press|AFP|Agence France-Presse|Xinhua|PTI|IANS|ANI|UNI|"
    r"dpa|DPA|UPI|Bloomberg|Kyodo|Yonhap|Anadolu|TASS|EFE|ANSA|APP|Bernama|CNA"
)

# --- credit in dateline position: "MOSCOW (Reuters) —", "(AP) —" at a paragraph start
DATELINE_CREDIT = re.compile(
    rf"^[^\S\n]*(?:[A-Z][\w.,'’ /-]{{0,60}}[^\S\n]*)?\((?:{AGENCIES})\)[^\S\n]*[-—–:]",
    re.MULTILINE,
)

# --- credit in closing position: "… — AFP", "(Reporting by …; Editing by …)" ---------
CLOSING_CREDIT = re.compile(
    rf"(?:[-—–][^\S\n]*\(?(?:{AGENCIES})\)?\.?|\(Reporting by [^)]*\)|"
    rf"\((?:With inputs from|Source:)[^\S\n]*(?:{AGENCIES})[^)]*\))\s*$"
)

# --- notices ----------------------------------------------------------------------
NOTICES = re.compile(
    r"(?:published from a syndicated feed|auto-generated from a syndicated feed|"
    r"has not been edited by \w[\w ]* staff|distributed by (?:Tribune Content Agency|"
    r"Andrews McMeel)|reproduced with permission from)",
    re.IGNORECASE,
)

# Words every notice above contains: plain substring tests rule out most texts ten times
# faster than the case-blind regex scan.
NOTICE_WORDS = ("syndicated feed", "has not been edited", "distributed by", "reproduced with")

HEAD_CHARS = 400
TAIL_CHARS = 300


def notice_spans(text: str) -> list[tuple[int, int]]:
    """Where the text carries syndication notices (character offsets)."""
    lower = text.lower()
    if not any(words in lower for words in NOTICE_WORDS):
        return []
    return [match.span() for match in NOTICES.finditer(text)]


def is_syndicated(text: str) -> bool:
    """True when the text carries a syndication notice or a wire credit in credit position."""
    if notice_spans(text):
        return True
    # The dateline credit may follow a headline line, so look at the head's paragraphs.
    if DATELINE_CREDIT.search(text[:HEAD_CHARS]):
        return True
    return bool(CLOSING_CREDIT.search(text[-TAIL_CHARS:]))

"""Video teasers: the lines some sites (CNN) leave between paragraphs when a page is
flattened, "JUST WATCHED Obama warns Iran at UN Replay More Videos ... MUST WATCH Obama
warns Iran at UN 01:02".

Their words are the headlines of other videos, not the story: no event comes from them
(``ArticleContext.notices``). Written by hand, as the hover cards are: the text arrives
already flattened, and no extraction library sees the page it came from.
"""

from __future__ import annotations

import re

MARKER = "JUST WATCHED"
# One teaser: "JUST WATCHED <headline> Replay More Videos ... MUST WATCH <headline> 04:22",
# on one line; its clock time (the video's length) ends it.
TEASER = re.compile(
    r"JUST WATCHED\b[^\n]*?Replay More Videos[^\n]*?MUST WATCH\b[^\n]*?\b\d{1,2}:\d{2}\b"
)


def video_teaser_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the video teasers in ``text``."""
    if MARKER not in text:
        return []
    return [match.span() for match in TEASER.finditer(text)]

"""Hover cards: the pop-ups some sites print after a person's name, kept in the text when
a page is flattened.

The Hill follows a politician's name with a card: the full name glued to the first of a
few headlines, ending in "MORE" ("President-elect Donald Trump Donald John TrumpGOP senators
balk at lengthy impeachment trial … MORE to be secretary of state"). No event comes from a
sentence a card sits in (``ArticleContext.notices``): the card's headlines are other
stories, and the parse of the sentence around it is broken. Written by hand because no
extraction library sees the flattened text: trafilatura keeps what the page printed.
"""

from __future__ import annotations

import re

# A surname glued to the first headline of its card: "TrumpGOP", "GoreWarren".
GLUED = re.compile(r"\b([A-Z][a-z]+)(?=[A-Z][A-Za-z])")
CARD_END = re.compile(r"\bMORE\b")
REACH = 600  # characters a card may span
NAME_REACH = 60  # characters before the glued surname in which the printed name ends


def hover_card_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the hover cards in ``text``: from the card's full name to its
    "MORE". A card is told by its glued surname, printed once already just before it."""
    spans: list[tuple[int, int]] = []
    previous_end = 0
    for end in CARD_END.finditer(text):
        start = max(previous_end, end.start() - REACH, text.rfind("\n", 0, end.start()) + 1)
        card = _card_start(text, start, end.start())
        if card is not None:
            spans.append((card, end.end()))
            previous_end = end.end()
    return spans


def _card_start(text: str, start: int, end: int) -> int | None:
    """Where the card before ``end`` begins: after the printed name whose surname the card's
    glued word repeats ("Donald Trump Donald John TrumpGOP" -> at "Donald John")."""
    window = text[start:end]
    for glued in GLUED.finditer(window):
        before = window[max(0, glued.start() - NAME_REACH) : glued.start()]
        printed = list(re.finditer(rf"\b{re.escape(glued.group(1))}\b", before))
        if not printed:
            continue
        card = start + glued.start() - len(before) + printed[-1].end()
        while card < end and text[card] == " ":
            card += 1
        return card
    return None

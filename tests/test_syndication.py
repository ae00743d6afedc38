"""Syndication: wire credits in credit position and notices, not wire agencies cited."""

from __future__ import annotations

import pytest

from newsgraph.syndication import is_syndicated

SYNDICATED = [
    "MOSCOW (Reuters) — Russia said on Monday it would pull back troops.",
    "Headline here\n\nWASHINGTON (AP) — The Senate voted on Tuesday.",
    "(AP) — The Senate voted on Tuesday to pass the bill.",
    "The Senate voted on Tuesday to pass the bill, officials said. — AFP",
    "Troops moved in.\n(Reporting by Jane Doe; Editing by John Roe)",
    "Talks began.\n\n(Except for the headline, this story has not been edited by Kashmir Today "
    "staff and is published from a syndicated feed.)",
]
NOT_SYNDICATED = [
    "Russia pulled back troops, Reuters reported on Monday, citing two officials.",
    "According to an AFP tally, 30 people died. The ministry did not comment.",
    "The Associated Press (AP) has covered the election since 1848 in every state.",
]


@pytest.mark.parametrize("text", SYNDICATED)
def test_credits_and_notices_mark_syndication(text):
    assert is_syndicated(text)


@pytest.mark.parametrize("text", NOT_SYNDICATED)
def test_cited_agencies_do_not_mark_syndication(text):
    assert not is_syndicated(text)

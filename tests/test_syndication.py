"""Syndication: wire credits in credit position and notices, not wire agencies cited."""

from __future__ import annotations

import pytest

from newsgraph.syndication import is_syndicated, notice_spans

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


NOTICE_FORMS = [
    "This story is auto-generated from a syndicated feed.",
    "This story has not been edited by NDTV staff.",
    "Distributed by Tribune Content Agency, LLC.",
    "Reproduced with permission from the Financial Times.",
]


@pytest.mark.parametrize("notice", NOTICE_FORMS)
def test_every_notice_form_is_found_where_it_stands(notice):
    text = "Troops moved in on Monday.\n\n" + notice.upper()
    spans = notice_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].lower() in notice.lower()


def test_a_text_without_notice_words_has_no_notice():
    assert notice_spans("The agency distributed food; the feed was syndicated.") == []

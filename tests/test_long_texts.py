"""Long texts parsed in paragraph-aligned chunks: every record points into the whole text."""

from __future__ import annotations

import json

import pytest

from newsgraph.long_texts import chunk_text
from tests.conftest import REPO


def test_chunks_end_at_paragraph_breaks_and_join_to_the_text():
    paragraphs = [f"Paragraph {n} says that the talks in Geneva went on. " * 5 for n in range(40)]
    text = "\n\n".join(paragraphs)
    pieces = chunk_text(text, 2000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 2000 for piece in pieces) and len(pieces) > 5
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_a_chunk_without_paragraphs_ends_at_a_line_a_sentence_or_a_space():
    assert chunk_text("one two three four five six", 10) == ["one two ", "three ", "four five ",
                                                              "six"]
    assert chunk_text("First one. Second one. Third.", 14) == ["First one. ", "Second one. ",
                                                                "Third."]
    assert chunk_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # nowhere else to cut


@pytest.fixture(scope="module")
def wikinews_texts() -> list[str]:
    lines = (REPO / "examples" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines]


def test_a_long_text_in_chunks_gives_the_records_of_its_articles_at_their_offsets(
        every_reading, wikinews_texts):
    """All wikinews examples as one text of ~48,000 characters (three chunks): the quotes,
    events and entities of the last article with an event are found at their place in the
    whole."""
    pipeline = every_reading
    text = "\n\n".join(wikinews_texts)
    assert len(text) > 2 * pipeline.chunk_chars
    whole = pipeline.analyse(pipeline.make_article(text))
    starts = [sum(len(t) + 2 for t in wikinews_texts[:i]) for i in range(len(wikinews_texts))]
    for index in reversed(range(len(wikinews_texts))):
        last = pipeline.analyse(pipeline.make_article(wikinews_texts[index]))
        if last.events:
            break
    shift = starts[index]
    assert shift > 2 * pipeline.chunk_chars  # in the third chunk

    assert last.quotes and last.events
    for quote in last.quotes:
        found = [q for q in whole.quotes if q.start == quote.start + shift]
        assert [(q.text, q.end) for q in found] == [(quote.text, quote.end + shift)]
        assert text[quote.start + shift:quote.end + shift] == quote.text
    for event in last.events:
        found = [e for e in whole.events if e.evidence.start == event.evidence.start + shift]
        assert [(e.cameo, e.sentence) for e in found] == [(event.cameo, event.sentence)]
        assert event.sentence in text[shift:]
    for entity in whole.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_a_long_text_in_chunks_gives_what_it_gives_parsed_whole(pipeline, wikinews_texts,
                                                                monkeypatch):
    text = "\n\n".join(wikinews_texts[:6])
    monkeypatch.setattr(pipeline, "chunk_chars", 3000)
    chunked = pipeline.analyse(pipeline.make_article(text)).to_dict()
    monkeypatch.setattr(pipeline, "chunk_chars", len(text))
    whole = pipeline.analyse(pipeline.make_article(text)).to_dict()
    for records in ("entities", "events", "quotes", "places", "dates"):
        assert chunked[records] == whole[records], records

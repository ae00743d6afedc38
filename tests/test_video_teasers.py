"""Video teasers (CNN's "JUST WATCHED … MUST WATCH … 01:02" lines): no event comes from them."""

from __future__ import annotations

from newsgraph.video_teasers import video_teaser_spans

# AllSides corpus, CNN, 2012-09-25, as the corpus holds it: a paragraph, then two teasers.
TEXT = (
    "2. Time may be running out for a two-state solution to the Palestinian-Israeli "
    "conflict.\n\nJUST WATCHED Obama warns Iran at UN Replay More Videos ... MUST WATCH Obama "
    "warns Iran at UN 01:02\n\nJUST WATCHED Obama: We cannot ban blasphemy Replay More Videos "
    "... MUST WATCH Obama: We cannot ban blasphemy 02:00"
)


def test_each_teaser_runs_from_just_watched_to_its_length():
    teasers = [TEXT[start:end] for start, end in video_teaser_spans(TEXT)]
    assert [(t[:25], t[-5:]) for t in teasers] == [
        ("JUST WATCHED Obama warns ", "01:02"),
        ("JUST WATCHED Obama: We ca", "02:00"),
    ]


def test_a_teasers_headline_codes_no_event(analyse):
    events = analyse(TEXT, published="2012-09-25")["events"]
    assert [e for e in events if "warns Iran" in e["sentence"]] == []


def test_a_text_without_teasers_has_none():
    assert video_teaser_spans("Obama warned Iran at the UN on Tuesday.") == []

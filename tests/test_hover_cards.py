"""Hover cards (The Hill's pop-ups after a politician's name): no event comes from them."""

from __future__ import annotations

from newsgraph.hover_cards import hover_card_spans

# AllSides corpus, The Hill, 2016-12-13 ("OPINION: Rex Tillerson is the right person for
# secretary of State"), first sentence as the corpus holds it.
TILLERSON = (
    "Rex Tillerson Rex Wayne TillersonSteve Schmidt: 'Overwhelming chance that Trump will "
    "dump Pence' for Haley Nikki Haley: Trump 'truthful' in 'every instance that I dealt with "
    "him' Tillerson denies Haley's claims of taking actions to undermine Trump MORE, chosen "
    "today by President-elect Donald Trump Donald John TrumpGOP senators balk at lengthy "
    "impeachment trial Warren goes local in race to build 2020 movement 2020 Democrats make "
    "play for veterans' votes MORE to be secretary of State, is just what our country needs."
)


def test_each_card_runs_from_the_full_name_to_more():
    cards = [TILLERSON[start:end] for start, end in hover_card_spans(TILLERSON)]
    assert [(card[:20], card[-20:]) for card in cards] == [
        ("Rex Wayne TillersonS", "o undermine Trump MORE"[-20:]),
        ("Donald John TrumpGOP", "for veterans' votes MORE"[-20:]),
    ]


def test_a_name_with_inner_capitals_is_no_card():
    text = "Senate Majority Leader Mitch McConnell said MORE talks were needed."
    assert hover_card_spans(text) == []


# AllSides corpus, The Hill, 2018-03-11 ("Possible North Korea summit raises anxiety in
# Washington"): the card's headline "Tariffs threaten 1.5M jobs" gave Gardner a threat.
GARDNER = (
    "Sen. Cory Gardner Cory Scott GardnerTariffs threaten 1.5M jobs: Study This week: House "
    "kicks off public phase of impeachment inquiry Progressive veterans group launches "
    "campaign labeling Trump as a 'national security threat' MORE (R-Colo.), who pressed the "
    "Trump administration to increase pressure on Pyongyang ahead of last year’s "
    "inauguration, said Sunday that he would like to see more from North Korea before Trump "
    "and Kim meet."
)


def test_no_event_comes_from_a_sentence_with_a_card(analyse):
    events = analyse(GARDNER, published="2018-03-11")["events"]
    assert [e["cameo"] for e in events if e["cameo"].startswith("13")] == []

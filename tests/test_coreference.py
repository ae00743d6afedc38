"""Coreference: each pronoun resolved once (entities step), read alike by quotes and events."""

from __future__ import annotations

import pytest

from newsgraph.extract.events import extract_events
from newsgraph.extract.quotes import extract_quotes

# Real paragraphs (AllSides corpus, abp-KOJPSeVA5fleroK2 and abp-ogk5uycvD6PdvIcJ): the
# pronoun "He" is both the speaker of the quote and the source of the criticism.
RYABKOV = (
    "It is unclear if Moscow has already provided Damascus with any of the S-300s missiles, "
    "which have a range of up to 200 kilometers (125 miles) and the capability to track and "
    "strike multiple targets simultaneously.\n\nRyabkov's statement came a day after European "
    "Union's decision to lift an arms embargo against Syrian rebels. He criticized the EU "
    "decision, saying it would help fuel the conflict."
)
BARRASSO = (
    "Sen. John Barrasso, Wyoming Republican, echoed the need to sanction more than just "
    "individuals, but said efforts need to go further to affect the whole economy as well as "
    "Russia’s military. He criticized President Obama’s foreign policy as a whole, saying "
    "that it makes America look weak to the rest of the world."
)


@pytest.mark.parametrize(
    ("text", "speaker", "target"),
    [(RYABKOV, "Ryabkov", "European Union"), (BARRASSO, "Sen. John Barrasso", "Obama")],
)
def test_a_quote_and_an_event_name_the_same_entity_for_one_pronoun(
    read_context, text, speaker, target
):
    context = read_context(text, published="2013-05-28")
    he = next(t for t in context.doc if t.text == "He")
    referent = context.referent(he)
    assert referent is not None and referent.entity.name == speaker
    [quote] = [q for q in extract_quotes(context) if q.start > he.idx]
    [event] = [
        e for e in extract_events(context, [], [], []) if e.evidence.start == he.idx
    ]
    assert (quote.cue, event.cameo, event.target.name) == ("saying", "111", target)
    assert quote.speaker.entity == event.source.entity == referent.entity.id


def test_a_pronoun_takes_the_subject_of_the_sentence_before(read_context):
    context = read_context(
        "Prime Minister Imran Khan met President Vladimir Putin in Moscow on Thursday. "
        "He said the visit had been planned for months."
    )
    he = next(t for t in context.doc if t.text == "He")
    assert context.referent(he).entity.name == "Imran Khan"


def test_a_speaker_reporting_a_clause_is_its_subject_pronoun(read_context):
    context = read_context("Syria says it will retaliate against any attack by Israel.")
    it = next(t for t in context.doc if t.text == "it")
    assert context.referent(it).entity.name == "Syria"


def test_a_pronoun_never_takes_a_person_of_the_other_gender(read_context):
    context = read_context(
        "Ms. Angela Merkel spoke to reporters. Later he said the talks had failed."
    )
    he = next(t for t in context.doc if t.text == "he")
    assert context.referent(he) is None


def test_an_expletive_it_refers_to_nothing(read_context):
    context = read_context(
        "Russia has sent troops. It is the responsibility of every country to object."
    )
    it = next(t for t in context.doc if t.text == "It")
    assert context.referent(it) is None

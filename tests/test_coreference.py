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
    [(RYABKOV, "Ryabkov", "European Union"), (BARRASSO, "John Barrasso", "Obama")],
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


# Real paragraphs (AllSides corpus): "it" after a text that spoke, and after an organisation.
BENGHAZI_REPORT = (  # abp-ONWcoUQeqCcWTjvT
    'The report said there had been a "lack of transparency, responsiveness, and leadership '
    'at the senior levels" in Washington, Tripoli and Benghazi.\n\n"Security in Benghazi was '
    "not recognized and implemented as a 'shared responsibility' by the bureaus in Washington "
    "charged with supporting the post, resulting in stove-piped discussions and decisions on "
    'policy and security," it said.'
)
MORSY_STATEMENT = (  # abp-CUp1sR25E4i15mco
    "Obama addressed this argument directly in his conversation with Morsy.\n\n\"He stressed "
    'that democracy is about more than elections," the statement said.\n\nObama reiterated to '
    "Morsy that the United States does not support any party or movement in Egypt, it said. "
    "He called for an end to violence on all sides."
)
AL_JAZEERA = (  # abp-TDwgGTQYWod2yagb
    "Shortly after Morsy's statement aired, Al Jazeera reported its Cairo studios had been "
    "raided during a live broadcast and 28 staff members arrested. Most were later released, "
    "it said."
)


@pytest.mark.parametrize(
    ("text", "speaker"), [(BENGHAZI_REPORT, "The report"), (MORSY_STATEMENT, None)]
)
def test_it_after_a_text_that_spoke_refers_to_no_place(read_context, text, speaker):
    # "the report said … it said": not Washington, not the United States of what it said;
    # a report speaks for itself (named, no entity), a statement credited to nobody does not
    context = read_context(text, published="2013-07-02")
    it = next(t for t in context.doc if t.text == "it" and t.head.lemma_ == "say")
    referent = context.referent(it)
    assert referent is None or referent.entity is None
    said = [q for q in extract_quotes(context) if q.end <= it.idx and q.cue == "said"]
    found = max(said, key=lambda q: q.start).speaker
    assert (found.name, found.entity) == (speaker, None) if speaker else found is None


# Real paragraphs (PolNeAR dev): "they" for a people and for two people named together.
DEMOCRATS = (  # politico_2016-09-22_house-panel-votes-to-hold-clinto
    "Democrats repeatedly noted that last year Pagliano invoked his 5th Amendment rights in a "
    "closed session of the House Benghazi Committee. They noted his attorney offered to have "
    "Pagliano appear at a closed session, but Chaffetz declined."
)
SENATORS = (  # nyt_2016-09-12_visa-program-up-for-renewal-amid
    "But Mr. Grassley and Mr. Leahy say other changes are needed.\n\nThe program, which was "
    "created in 1990, has expanded well beyond its original intent, they say."
)


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        (DEMOCRATS, "Democrats", True),
        (SENATORS, "Mr. Grassley and Mr. Leahy", False),
    ],
)
def test_they_is_the_group_named_before(read_context, text, speaker, entity):
    context = read_context(text, published="2016-09-22")
    they = [t for t in context.doc if t.lower_ == "they"][-1]
    quote = extract_quotes(context)[-1]  # the quote "they" speaks
    assert quote.speaker.name == speaker
    assert (quote.speaker.entity is not None) == entity
    assert (context.referent(they).entity is not None) == entity


def test_it_said_continues_the_organisation_that_reported(read_context):
    context = read_context(AL_JAZEERA, published="2013-07-04")
    it = next(t for t in context.doc if t.text == "it")
    assert context.referent(it).entity.name == "Al Jazeera"
    [quote] = [q for q in extract_quotes(context) if q.text.startswith("Most were")]
    assert quote.speaker.name == "Al Jazeera"


PALESTINIAN_STATEMENT = (  # abp-EMrTG9CpUsrX9mHO (Reuters, 2018)
    "A statement from the Palestinian Foreign Ministry said the latest aid cut was part of a "
    "U.S. attempt “to liquidate the Palestinian cause” and said it would threaten the lives "
    "of thousands of Palestinians and the livelihoods of thousands of hospital employees.\n\n"
    "“This dangerous and unjustified American escalation has crossed all red lines and is "
    "considered a direct aggression against the Palestinian people,” it said."
)


def test_it_said_after_a_statement_from_an_organisation_is_the_organisation(read_context):
    context = read_context(PALESTINIAN_STATEMENT, published="2018-09-08")
    it = [t for t in context.doc if t.text == "it"][-1]
    assert context.referent(it).entity.name == "Palestinian Foreign Ministry"
    quotes = extract_quotes(context)
    assert [(q.kind, q.speaker.name) for q in quotes] == [
        ("mixed", "Palestinian Foreign Ministry"),
        ("indirect", "Palestinian Foreign Ministry"),
        ("direct", "Palestinian Foreign Ministry"),
    ]
    assert quotes[-1].text.startswith("This dangerous and unjustified American escalation")


def test_he_is_the_subject_of_the_sentence_before_not_a_person_named_in_it(read_context):
    # "Obama reiterated to Morsy …, it said. He called for …": Obama, not Morsy
    context = read_context(MORSY_STATEMENT, published="2013-07-02")
    he = [t for t in context.doc if t.text == "He"][-1]
    assert context.referent(he).entity.name == "Obama"
    [quote] = [q for q in extract_quotes(context) if q.cue == "called"]
    assert quote.speaker.entity == context.referent(he).entity.id


POMPEO = (  # AllSides corpus, abp-4HAIajA3n9JOpR74 (Reuters, 2020): a wife named with her husband
    'The State Department inspector general fired by U.S. President Donald Trump last month '
    'has confirmed that at the time of his dismissal his office was investigating alleged '
    'misuse of department resources by Secretary of State Mike Pompeo and his wife, Susan '
    'Pompeo, according to a transcript released by Democratic lawmakers.\n\nThe newly '
    'released interview is certain to ramp up public pressure on Pompeo to explain his '
    'recommendation to Trump that he sack Steve Linick last month.\n\nPompeo has been vague '
    'on the specific reasons for Linick’s firing but has denied that it was a retaliatory '
    'move and accused Linick’s office of leaking to the press. “Steve Linick was a bad '
    'actor in the inspector general office here,” Pompeo told reporters in a press '
    'conference on Wednesday. “He didn’t take on the mission of the State Department to '
    'make us better. That’s what inspector generals are supposed to do. They work for the '
    'agency head—that’s me—and they are supposed to deliver and help make that organization '
    'better. It’s not what Mr. Linick did.”'
)


def test_a_bare_surname_names_the_principal_not_the_relative(read_context):
    context = read_context(POMPEO, published="2020-06-10")
    persons = {e.name: [m.text for m in e.mentions] for e in context.entities
               if e.type == "PERSON"}
    assert persons["Susan Pompeo"] == ["Susan Pompeo"]
    assert "Pompeo" in persons["Mike Pompeo"]
    [quote] = [q for q in extract_quotes(context) if q.text.startswith("Steve Linick was")]
    assert quote.speaker.name == "Mike Pompeo"

"""Senses of event verbs: a verb codes by the frame it is used in, not by its default alone
(real sentences from Wikinews, CC BY 2.5, Wikinews contributors, en.wikinews.org, and a few
from the AllSides corpus, not audit articles; a person
is named in full, as the article names them first, since an event needs a coded actor)."""

from __future__ import annotations

import pytest


@pytest.fixture
def analyse(analyse_every):
    """Every event the coder reads, whatever its confidence: these tests are about how an
    event is read; whether a weak one is stored is the floor's (test_event_confidence)."""
    return analyse_every

# sentence -> the CAMEO codes of its events, in order
SENSES = {
    # AllSides (2019): withdrawing a bill is no military retreat (as "withdrew the proposal").
    "withdrawal of a bill: no retreat": (
        "Her message was evident in Carrie Lam's withdrawal of a bill that would have "
        "permitted China to extradite offenders.",
        [],
    ),
    # AllSides (2017): meeting terms, a goal or a deadline is no meeting (word class goal).
    "Tehran is meeting its terms: no meeting": (
        "In a speech on Friday, Trump laid out an aggressive approach on Iran and said he would "
        "not certify it is complying with the nuclear accord, despite a determination by the "
        "United Nations\u2019 nuclear watchdog that Tehran is meeting its terms.", [],
    ),
    # AllSides (2014): a verb inside a name (a programme, a law) tells no act: the
    # spokesman spoke on "Meet the Press", he met no one.
    "said on Meet the Press: no meeting": (
        "Michigan GOP Rep. Mike Rogers, chairman of the House Permanent Select Committee on "
        "Intelligence, said on NBC\u2019s \u201cMeet the Press\u201d that the United States and "
        'its Arab allies need to engage in a more "robust campaign" against Islamic State\u2019s '
        "safe havens in Syria.",
        ["100", "100"],  # no meeting; what they "need to" do is his demand on each of them
    ),
    # AllSides (2013): a threat is met as a goal is (word class goal): no meeting.
    "to meet this threat: no meeting": (
        "This one board review revealed that the administration needed to make significant "
        "improvements to meet this threat.", [],
    ),
    # AllSides (2018): where leaders met is no intent to meet (PETRARCH's MEET AT 036).
    "met at the border village: a meeting": (
        "Moon Jae-in and Kim Jong Un met Friday at the border village of Panmunjom.", ["040"],
    ),
    # AllSides (2014): artillery is fired at someone, not shown (PETRARCH's 150).
    "firing artillery to attack positions: fighting": (
        "On Thursday, State Department spokesperson Marie Harf told Reuters that the US had "
        "\u201cevidence that Russia is firing artillery from within Russia to attack Ukrainian "
        "military positions.\u201d", ["194"],
    ),
    # AllSides (2013): a mission, a plan or a vision executed is carried out: no one is killed.
    "could execute a mission: no execution": (
        'Two U.S. Navy destroyers "maintain readiness and, if required, could execute a mission '
        'within hours" of being ordered to do so.', [],
    ),
    # AllSides (2019): civilians as such ("Canadians", "residents", "voters") protest,
    # demand, threaten and fight; a rejection by an electorate is no event between actors.
    "Canadians rejected division: no rejection by civilians": (
        "\u201cTonight Canadians rejected division and negativity.", [],
    ),
    # AllSides (2019): a show of force done on a region is not aimed at it (no attack).
    "deploying bombers on the Arabian Peninsula: a show of force": (
        'Along with the Lincoln, Bolton mentioned "a bomber task force," which suggested the '
        "Pentagon is deploying land-based bomber aircraft somewhere in the region, perhaps on "
        "the Arabian Peninsula.",
        ["154"],
    ),
    # AllSides (2015): what is joined in is the act; joining is no appeal or cooperation.
    "joined Hollande in calling: no appeal to Hollande": (
        "Obama joined with President Hollande in calling the Paris attack a pivotal moment.", [],
    ),
    # AllSides (2016, 2012): texts published and interviews given are no release or aid.
    "released a Feb. 13 exchange: a text published, no release of persons": (
        "Judicial Watch, which has filed a host of lawsuits to try to pry loose "
        "Mrs. Clinton\u2019s emails, released a Feb. 13 exchange between Mrs. Clinton and aide "
        "Cheryl Mills.", [],
    ),
    "interviews she granted: no aid": (
        'Rice said on "Fox News Sunday" -- one of several Sunday show interviews she granted -- '
        'that the administration believes the attack was not "preplanned" or "premeditated."',
        [],
    ),
    # AllSides (2015): an ill or a feeling fought in words is no force (word class scourge).
    "we beat fear with hope: figurative, no assault": ('"We beat fear with hope," he said.', []),
    "we fight terrorism: a policy stated, no use of force": (
        'We fight terrorism," Lavrov said.', [],
    ),
    # AllSides (2013): a vow is the act it names; one that codes nothing leaves no intent to
    # cooperate behind, and a coded one stands for the vow.
    "vowed to hit back: no intent to cooperate": (
        "Seoul has vowed to hit back hard the next time it is attacked.", [],
    ),
    "vowed to retaliate: the threat it names": (
        "Syrian authorities vowed to retaliate against Israel but did not specify what action "
        "they would take.",
        ["1384"],
    ),
    "attack + for: a verbal attack": (
        "Joe Biden attacked Donald Trump for the tweet, claiming he used it to distract from "
        "Lewis's funeral.",
        ["111"],
    ),
    "attack + for with a clause: a verbal attack, not an accusation too": (
        "Donald Trump attacked Joe Biden for accumulating wealth since leaving public office, "
        "accusing the Biden family of going around the world and sucking up money like a vacuum.",
        ["111"],
    ),
    "attack + an investigation: a verbal attack": (
        "Trump, responding to Pelosi's announcement via Twitter, attacked the impeachment "
        'investigation as "Witch Hunt garbage."',
        ["111"],
    ),
    "attack + people: an assault": (
        "Tamim claimed Houthis have attacked journalists previously.",
        ["190"],
    ),
    "call + election: a projection, no appeal": (
        "At around 11:25am US east coast time (1625 UTC), the Associated Press (AP) called "
        "the election for Biden, as did NBC News, when Biden was declared to have won "
        "Pennsylvania's 20 electoral college votes.",
        [],
    ),
    "killing + animals: a cull, no assassination": (
        "The government of Egypt ordered the killing of over 300,000 pigs.",
        [],
    ),
    "demonstrate + in a place: a protest": (
        "Chinese University political scientist Ma Ngok said the turnout was seen as public "
        "support of the protesters who have demonstrated in Hong Kong since June.",
        ["141"],
    ),
    "release + a summary: publishing, no release of persons": (
        "Last week the White House released a summary of a phone call made by President "
        "Trump late last July to Ukrainian President Volodymyr Zelensky.",
        [],
    ),
    "release + a document: publishing": (
        "Brenton also allegedly released an anti-Muslim document online, outlining political "
        "motivation, prior to the murders.",
        [],
    ),
    "boycott, done: a boycott, not a threat of one": (
        "The vote, which is not binding, was boycotted by both Kurdish and Sunni Members of "
        "Parliament.",
        ["143", "143"],
    ),
    "kill + a deal: figurative, no assault": (
        '"I\'m trying to kill a bad deal," Israeli Prime Minister Benjamin Netanyahu said.',
        [],
    ),
    "withdraw + a resolution: no military retreat": (
        "A day after Egypt withdrew the resolution under pressure from Israel, several other "
        "Security Council members brought the draft to a vote.",
        [],
    ),
    "asked why: a question, no appeal": (
        "During a news conference in Amman, Jordan, President Barack Obama was asked by a "
        'foreign correspondent why "the leading superpower" has not intervened in Syria.',
        [],
    ),
    "asked to: an appeal": (
        "President Barack Obama asked Congress to formally authorize the use of military "
        "force in the war against ISIS.",
        ["020"],
    ),
    "hold + a press conference: where statements are made, no symbolic act": (
        "Maltese prime minister Joseph Muscat held a press conference after the tragedy "
        "happened this weekend.",
        [],
    ),
    "raise + an issue: no disapproval": (
        "House Committee on Oversight and Government Reform Chairman Jason Chaffetz has raised "
        "the issue of increasing violence with the State Department, questioning whether the "
        "administration is doing enough to protect its consular employees.",
        [],
    ),
    "help + an infinitive: its complement is the act, no aid to the one overthrown": (
        "The administration abandoned Hosni Mubarak in Egypt but did not take any military "
        "action to help overthrow him.",
        [],
    ),
    "help + an infinitive in a relative clause: no aid to the one ousted": (
        "The status of the revolutionary fighters who helped to oust Gadhafi remains unclear, "
        "the process of transitional justice is almost stalled, it said.",
        [],
    ),
    "fire + tear gas: repression (PETRARCH's phrase kept whole); backed by helicopters: none": (
        "Backed by helicopters, police on Wednesday fired tear gas and used armored bulldozers "
        "to plow into the barricades at the two protest camps on opposite ends of Cairo.",
        ["175"],
    ),
    "an aid convoy: the convoy carries the aid": (
        "Conflicting reports over Russia's humanitarian aid convoy continued, with Russian "
        "Foreign Minister Sergey Lavrov saying an agreement had been reached with both Ukraine "
        "and the International Committee of the Red Cross.",
        ["073"],
    ),
    "establish + diplomatic relations: recognition (PETRARCH's phrase, matched with its "
    "adjective)": (
        "In late August, for instance, El Salvador broke its ties to Taiwan and established "
        "diplomatic relations with China.",
        ["054"],
    ),
    "launch + strikes: military force, not a labour strike": (
        "Libya's air force meanwhile announced it had launched strikes in the eastern city of "
        "Darna, an extremist stronghold that was taken over by an Islamic State affiliate "
        "last year.",
        ["190"],
    ),
    "threatened to launch strikes: a threat of attack": (
        "North Korea has declared that the armistice ending the Korean War in 1953 is void, "
        "threatened to launch nuclear and rocket strikes on the United States and, most "
        "recently, declared at a high-level government assembly that making nuclear arms and a "
        "stronger economy are the nation's top priorities.",
        ["1384"],
    ),
    "issue + a statement: attribution, no event (PETRARCH's 010 frame)": (
        'Netanyahu issued a statement Thursday saying, "In recent days and weeks, Hamas and '
        "the other terrorist organizations in Gaza have made normal life impossible for over 1 "
        'million Israelis."',
        [],
    ),
    "pull out of a summit: talks halted, no military retreat": (
        "President Trump has pulled out of the scheduled summit with North Korean Dictator "
        "Kim Jong Un in Singapore.",
        ["164"],
    ),
    "provide, a broad default: only between coded actors of two countries": (
        "Some estimated death tolls, provided anonymously by officials to journalists, "
        "exceeded 100.",
        [],
    ),
    "heading to a country: a visit": (
        "He later said a 10-member Canadian delegation was heading to Iran to assist victims’ "
        "families.",
        ["042"],
    ),
    "broker: mediation": (
        "Russia brokered a cease-fire agreement but skirmishes continued to break out.",
        ["045"],
    ),
    "tough talk: a way of speaking, no consultation": (
        "In more tough talk from Pyongyang, a government agency was quoted by the state-run "
        'media as saying that "war can break out any moment."',
        [],
    ),
    "calling early elections: setting their date, no appeal for a change of leader": (
        "That's when then- Prime Minister Yingluck Shinawatra tried to push through an amnesty "
        "bill to allow the return of her brother Thaksin Shinawatra, a former prime minister "
        "who lives in exile. Trying to defuse tensions, Yingluck called early elections.",
        ["0811"],
    ),
    "laying down a line: no truce without arms": (
        '"The president has laid down the line, and it can\'t be a dotted line," House '
        "Intelligence Committee Chairman Mike Rogers said.",
        [],
    ),
    "taking part: the event taken part in codes itself, the taking none": (
        "UK Prime Minister Theresa May took part in talks but Mr Tusk said Brexit was not "
        "discussed.",
        [],
    ),
    "arriving from a place: no act towards it": (
        "Hillary Clinton has lived in a soap opera since she first arrived from Arkansas as the "
        "wife of a credible candidate for president of the United States.",
        [],
    ),
    "air support: military aid, not an endorsement": (
        "Gulf states, particularly Saudi Arabia and the United Arab Emirates, have some of the "
        "region's best-equipped militaries, and they could theoretically provide air support to "
        "a broader international coalition.",
        ["072"],
    ),
    # AllSides (line 1332): PETRARCH's "launch operation" 190 under a noun row that says no
    # event: the light verb names none either.
    "launch + a search and rescue operation: no assault": (
        "Indonesia and Singapore have launched a search and rescue operation after the flight "
        "was reported missing.",
        [],
    ),
    # AllSides (line 1282): a noun of attitude alone names a state, no comment made.
    "security concerns alone: no pessimistic comment": (
        "The content of universal values gets lost because of China's security concerns over "
        "who is espousing them.",
        [],
    ),
    # AllSides (line 366): PETRARCH's "look for way" 032 was cut from a longer phrase.
    "looking for ways to …: no optimistic comment": (
        "Officials said the administration was also looking for ways to increase its aid to "
        "the rebels.",
        [],
    ),
    # AllSides (line 890): a document released, told in the passive, is published, as a
    # document released in the active is; the appeal stays.
    "a statement released by …: publishing, no release of persons": (
        "Nigeria's top security officials appealed to the public for help during a visit to "
        "the Chibok school on Thursday, according to a statement released by Nigeria's "
        "director of defense information.",
        ["021"],
    ),
    # AllSides (line 2016, an audit article of the tuning half): offering airtime, a
    # document, is no offer of cooperation (offer obj:@document).
    "offered 88 minutes of …: airtime, no offer of cooperation": (
        "This, from the people who offered 88 minutes of Chris Christie’s “Bridgegate” in two "
        "days.",
        [],
    ),
    # AllSides (line 2610): what a verb of causing sets off is others' act.
    "sparked controversy: no disapproval by the one who sparked it": (
        "In December, President Donald Trump sparked controversy by announcing the U.S. "
        "embassy will move to Jerusalem, according to published reports.",
        [],
    ),
    # AllSides (line 2991): warning of a danger no actor threatens to bring is a pessimistic
    # comment (warn prep:of:@peril), not a threat.
    "warned of the risk: a pessimistic comment, no threat": (
        "In a speech on December 20, Putin warned of the risk of nuclear war because of the "
        "US's decision to abandon Cold War-era weapons treaties.",
        ["012"],
    ),
    # AllSides (line 2023): a government's warning to its citizens is an advisory
    # (warn obj:@advised), not a threat to them.
    "warned its citizens: an advisory, no threat": (
        "WASHINGTON – The State Department on Saturday warned American citizens in South "
        "Africa of the imminent threat of terrorist attacks.",
        ["012"],
    ),
    # AllSides (line 3457): forces backed by an ally's air power get military aid
    # (back prep:by:@airpower), not verbal support.
    "backed by air power: military aid, not verbal support": (
        "And his forces, backed by Russian air power, have targeted civilian areas, schools, "
        "hospitals, and aid facilities.",
        ["072"],
    ),
    # AllSides (line 2653): a state destroying its own chemical weapons disarms
    # (destroy obj:@arsenal 0873), it destroys no one's property; the denial is 016.
    "destroyed its chemical weapons: disarmament, no destruction of property": (
        "Russia has fiercely denied any involvement in the poisoning, saying that it had "
        "destroyed its chemical weapons stockpile.",
        ["016", "0873"],
    ),
}


@pytest.mark.parametrize("name", list(SENSES))
def test_verb_sense_is_coded(analyse, name):
    sentence, codes = SENSES[name]
    events = analyse(sentence, published="2020-10-01")["events"]
    assert [e["cameo"] for e in events] == codes


# A light verb that is also a reporting verb: the event noun it governs is the event.
def test_announced_noun_is_the_event(analyse):
    events = analyse(
        "Also on Sunday, the United States announced a complete withdrawal from the region.",
        published="2020-10-01",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("0874", "USA")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Italian foreign minister, Luigi Di Maio, joined the talks as an observer.",
         [("040", "ITAGOV")]),
        ("She protested alone on the first day, but thousands of Swedes eventually joined the "
         "protest.", [("140", "SWECVL")]),
    ],
)
def test_an_event_noun_takes_the_subject_of_its_light_verb(analyse, sentence, expected):
    events = analyse(sentence, published="2020-10-01")["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == expected


def test_demanding_a_leader_go_is_a_demand_for_leadership_change(analyse):
    events = analyse(
        "Serbia's opposition demanded the ouster of President Aleksandar Vucic.",
        published="2020-10-01",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("1041", "SRBOPP")]


def test_the_object_of_a_verb_of_causing_does_its_infinitive(analyse):
    """"prompting Turkey to recall its ambassador": Turkey recalls (cue role ``control``),
    not Francis, the subject of the sentence (AllSides, one of issue 18's three articles)."""
    events = analyse(
        "This isn't the first time that the Vatican under Francis has taken diplomatic moves "
        "knowing that it would ruffle feathers: Just last month, Francis referred to the "
        "slaughter of Armenians by Turkish Ottomans a century ago as a \"genocide,\" prompting "
        "Turkey to recall its ambassador.",
        published="2015-05-13",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("161", "TUR")]


def test_a_measure_noun_frames_by_what_it_measures(analyse):
    """"imposed a crushing set of restrictions on the town": the measure noun's "of" object
    is the frame's word (``impose obj:restriction``, a curfew-like restriction, 172x),
    as it is the light verb's event (AllSides, line 1742)."""
    events = analyse(
        "The Turkish government has imposed a crushing set of restrictions on the town of "
        "Cizre.",
        published="2016-01-20",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("1721", "TURGOV")]


def test_a_relative_clause_with_no_object_acts_on_its_antecedent(pipeline):
    """"the values we defend": a relative clause with a subject and no object of its own
    does its act to the noun it describes, and defending an ideal (``defend obj:@ideal -``)
    is no event (AllSides, line 1835: Hollande quoted on the Paris attacks)."""
    from newsgraph.extract.events.predicates import find_predicates
    from newsgraph.extract.tree import tree_of

    doc = pipeline.nlp(
        'They sought to strike at "the values we defend all over the world, at that which we '
        'are, a free country that speaks to the entire planet."'
    )
    kids = tree_of(doc)
    found = [
        (p.head.text, p.code)
        for sentence in doc.sents
        for p in find_predicates(sentence, pipeline.knowledge.events, kids)
    ]
    assert "defend" not in [head for head, _ in found]


def test_displeasure_expressed_at_an_actor_is_disapproval(analyse):
    """"expressed disappointment at the U.S. decision": disapproval of the US (111, class
    ``displeasure``), not PETRARCH's pessimistic comment (012) for dismay or outrage
    (AllSides, not an audit article)."""
    events = analyse(
        "Russia expressed disappointment at the U.S. decision and warned against any Western "
        "military strike on Syria.",
        published="2013-08-28",
    )["events"]
    assert ("111", "RUS", "USA") in [
        (e["cameo"], e["source"]["code"], (e["target"] or {}).get("code")) for e in events
    ]


def test_a_warning_of_what_may_happen_is_a_pessimistic_comment(analyse):
    """"warned that more than 6 million people are at risk": a forecast (cue role
    ``foretell``), 012, not a threat (AllSides, line 34)."""
    events = analyse(
        "The Economic Community of West African States has warned that more than 6 million "
        "people are at risk of hunger in the Sahel region of Africa, including more than a "
        "million children exposed to severe malnutrition.",
        published="2012-06-01",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("012", "IGOWAFWAS")]


def test_a_warning_under_a_condition_stays_a_threat(analyse):
    """"warned that Washington would take action if Syria used the weapons": the speaker's
    side acts, under a condition: a threat (AllSides, line 136)."""
    events = analyse(
        "Secretary of State Hillary Clinton had earlier warned that Washington would take "
        "action if Syria used the weapons.",
        published="2012-12-10",
    )["events"]
    warnings = [e["cameo"] for e in events if e["cameo"][:2] in ("01", "13")]
    assert warnings == ["130"]


def test_a_reprisal_foretold_is_a_threat(analyse):
    """"warned North Korea that any provocative moves will be met with a strong response":
    the clause foretells the speaker's answer (word class ``reprisal``): a threat, not a
    forecast (AllSides, line 223)."""
    events = analyse(
        "The South Korean president on Monday warned North Korea that any provocative moves "
        "will be met with \"a strong response.\"",
        published="2013-04-01",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("130", "KORGOV")]


@pytest.mark.parametrize(
    ("published", "sentence", "source"),
    [
        # AllSides (NPR, 2015; Associated Press, 2019; not audit articles)
        ("2015-08-10", "In a speech last week, the president warned of the consequences of "
         "failure if Congress were to reject the deal, and how the world could look without "
         "it.", "GOV"),
        ("2019-11-18", "The European Union warned of the potential repercussions in a statement "
         "following the announcement that did not mention the U.S.", "IGOEUREEC"),
    ],
)
def test_a_warning_of_what_something_may_bring_is_a_pessimistic_comment(
    analyse, published, sentence, source
):
    """"warned of the consequences of failure", "of the potential repercussions": an outcome
    (word class ``outcome``) told as what something may bring is a forecast, 012, not a
    threat: the warner threatens no act."""
    events = analyse(sentence, published=published)["events"]
    assert ("012", source) in [(e["cameo"], e["source"]["code"]) for e in events]
    assert not [e for e in events if e["cameo"][:2] == "13"]


def test_a_warning_of_graded_consequences_stays_a_threat(analyse):
    """"warned Iran of unspecified severe consequences": bare or only graded (word class
    ``severity``), the consequences are the warner's answer: a threat (AllSides, BBC)."""
    events = analyse(
        'Meanwhile, Mr Trump warned Iran of unspecified "severe consequences" if it restarted '
        "its nuclear programme.",
        published="2018-05-09",
    )["events"]
    assert [(e["cameo"], (e["target"] or {}).get("code")) for e in events] == [("130", "IRN")]


@pytest.mark.parametrize(
    "sentence",
    [
        # AllSides (lines 364 and 502; not audit articles)
        "Obama declined to say whether military action would be among the options he might "
        "take should he become convinced that the government was behind the attacks in Syria.",
        "A senior official in Netanyahu's office refused to confirm or deny the report.",
    ],
)
def test_a_refusal_to_tell_is_a_refusal_to_comment(analyse, sentence):
    """"declined to say", "refused to confirm": CAMEO 011 (decline comment), not a
    rejection (12x), and the telling is no event (word class ``telling``)."""
    events = analyse(sentence, published="2013-08-25")["events"]
    assert [e["cameo"] for e in events] == ["011"]


def test_a_refusal_to_discuss_is_no_negated_consultation(analyse):
    """AllSides (line 1790): "declined to discuss the memos" was a rejection (120) and a
    negated consultation (040); it is one refusal to comment."""
    events = analyse(
        "State Department officials declined to discuss the memos, deferring to multiple "
        "investigations that have concluded there was inadequate security at the compound "
        "when it was attacked on Sept.",
        published="2015-10-01",
    )["events"]
    assert [(e["cameo"], e["source"]["code"]) for e in events] == [("011", "USAGOV")]


@pytest.mark.parametrize(
    "sentence",
    [
        # AllSides (line 21, 2012; not an audit article)
        "Tuesday's attack took place on the 11th anniversary of the al Qaeda attacks on New "
        "York and Washington.",
    ],
)
def test_an_act_remembered_is_no_act_of_the_day(analyse, sentence):
    """An event noun that a noun of remembering is "of" (word class ``remembered``:
    anniversary, reminder, memory …) names an act of the past, not one of the article's day:
    the 2001 attacks were coded as al Qaeda's, dated 2012-09-12."""
    events = analyse(sentence, published="2012-09-12")["events"]
    assert [e for e in events if e["source"] and e["source"]["code"] == "IMGMUSALQ"] == []



@pytest.mark.parametrize(
    "published, sentence, expected",
    [
        # AllSides (lines 1644, 1150; not audit articles): one actor alone talks about a
        # matter; no one is consulted.
        (
            "2015-07-12",
            "Steve Coll made the point while discussing a recent trip to Iran during a prior "
            "year's Quds Day, the annual celebration in which hard-liners chant against Israel "
            "and America.",
            [],
        ),
        ("2014-09-11", "What the Pentagon is not discussing is the timing.", []),
        # AllSides (lines 132, 3245): a partner, or a body of several, is a consultation.
        (
            "2012-11-29",
            "Mr. Cameron has discussed those options directly with Mr. Obama, White House "
            "officials say.",
            [("046", "GBR", "USAGOV")],  # "Mr. Cameron" alone: his country
        ),
        (
            "2019-09-04",
            "Boris Johnson’s cabinet discussed the spending round at their meeting this "
            "morning, according to an statement from the Prime Minister’s office.",
            [("040", "GBRGOV", None)],
        ),
    ],
)
def test_discussing_alone_is_no_consultation(analyse, published, sentence, expected):
    """"discuss" (a verb of telling) is a consultation (04x) only with a partner: a "with"
    phrase, a subject of several or a body that deliberates, a meeting it is the aim of."""
    events = analyse(sentence, published=published)["events"]
    told = [(e["cameo"], e["source"]["code"], (e["target"] or {}).get("code")) for e in events]
    assert told == expected

"""Factuality on real news sentences: what is negated, intended, asked for, asked about or
told as its own event. Sources: Wikinews (CC BY 2.5, Wikinews contributors,
en.wikinews.org) and short quotes from news articles, as marked."""

from __future__ import annotations

import json

import pytest

from tests.conftest import shared_file


@pytest.fixture
def analyse(analyse_every):
    """Every event the coder reads, whatever its confidence: these tests are about how an
    event is read; whether a weak one is stored is the floor's (test_event_confidence)."""
    return analyse_every


def told(events: list[dict]) -> list[tuple]:
    """(cameo, source code, target code, factuality) of each event, in text order."""
    return [
        (e["cameo"], e["source"]["code"], (e["target"] or {}).get("code"), e["factuality"])
        for e in events
    ]


# (published, sentence, the events it must give exactly)
CASES = {
    # USA Today, 2015 (AllSides): a plan called off is cancelled, not intended.
    "cancelled plans: the meeting will not happen": (
        "2015-05-10",
        "Saudi Arabian King Salman on Sunday canceled plans to attend this week's summit at "
        "Camp David with President Obama because of the cease-fire.",
        [("040", "SAUGOV", "USAGOV", "cancelled")],
    ),
    # The Hill, 2013: the second verb of "failed to round up and kill" is failed too.
    "coordinated verb shares its governor's negation": (
        "2013-01-24",
        "They should have asked why the Obama administration failed to round up and kill "
        "those responsible for the Benghazi attacks.",
        # Benghazi names the attacks, not where the killing would be: no target
        [("190", "USAGOV", None, "negated")],
    ),
    # CNN, 2014 (AllSides): a rule stated in the present simple with a
    # present-simple "when" clause is no act, negated or not.
    "generic statement: when people harm Americans, we don't retreat": (
        "2014-09-03",
        'As a nation, we are united, and when people harm Americans, we don\'t retreat, we '
        'don\'t forget," he said at an appearance near Portsmouth, New Hampshire.',
        [],
    ),
    # Townhall, 2013 (AllSides): an occasion in the present simple under "should" has not
    # happened: hypothetical.
    "occasion clause in the present simple: when the President issues an ultimatum": (
        "2013-09-04",
        "When the President of the United States issues an ultimatum to another sovereign "
        "nation, he should know in advance what he is going to do if that ultimatum is "
        "rejected.",
        [("139", "USAGOV", None, "hypothetical")],
    ),
    # USA Today, 2015 (AllSides): the condition of a cancellation is not cancelled.
    "condition under a cancel cue: hypothetical, not cancelled": (
        "2015-05-10",
        "Saudi Brig. Gen. Ahmed Ali Asiri, the coalition's spokesman, said Saturday that the "
        "cease-fire will be canceled if the rebels violate it.",
        [("128", "REB", None, "hypothetical")],
    ),
    # Newsmax, 2015 (AllSides): an attack that "would pale" beside others is only imagined.
    "event noun as subject of would: hypothetical": (
        "2015-05-23",
        'Further, an ISIS attack in the U.S. would pale compared to "the attacks of the '
        'past," the op-ed piece states.',
        [("190", "IMGMUSISI", "USA", "hypothetical")],
    ),
    # Wikinews, "Police shoot man dead after 'terrorist-related' knife attack in London".
    "coordinated infinitive shares its governor's intent": (
        "2020-02-05",
        '"Terrorists seek to divide us and to destroy our way of life," said Khan, "here in '
        'London we will never let them succeed."',
        [("130", "GBRUAF", None, "intended")],
    ),
    # Wikinews, "United States military kills Qasem Soleimani".
    "clause on a cue noun: plans to attack": (
        "2020-01-05",
        "General Soleimani was actively developing plans to attack American diplomats and "
        "service members in Iraq and throughout the region.",
        [("1384", "IRNMIL", "USAGOV", "intended")],
    ),
    # Wikinews, "Iraqi Parliament votes for expulsion of United States troops": the advice
    # is the event (an appeal to the troops), not the withdrawal.
    "directive with a base-form clause: recommended the troops withdraw": (
        "2020-01-06",
        "NPR reported Adil Abdul-Mahdi, the caretaker Prime Minister, recommended the United "
        "States troops in Iraq withdraw.",
        [("020", "IRQGOV", "USAMIL", "reported")],
    ),
    # Ukraine Cease-Fire Is Reached (2015): "whether" asks; the relative clause does not.
    "whether clause is hypothetical, its relative clause its own event": (
        "2015-02-12",
        "The long-term issues are whether Ukraine will officially recognize the areas where "
        "separatists have declared independence, and give those regions power in the central "
        "government.",
        [("032", "UKR", None, "hypothetical"), ("1044", "UKRREB", None, "asserted")],
    ),
    # The Hill, 2013.
    "yes-no question is hypothetical": (
        "2013-01-24",
        "Did the Senators and Congressmen ask any of these questions?",
        [("020", "LEG", None, "hypothetical")],
    ),
    # Ukraine Cease-Fire Is Reached (2015): "after" talks is not "set to begin".
    "temporal adjunct keeps its own factuality": (
        "2015-02-12",
        "A new cease-fire is set to begin Sunday in eastern Ukraine, in a deal after 16 hours "
        "of peace talks between Russia and Ukraine.",
        [("040", "RUS", "UKR", "asserted")],
    ),
    # The Hill, 2019: "under no condition" negates; "could … allow" said is a refusal,
    # told as Tusk says it (the refusal is the event, not negated).
    "under no condition: a refusal": (
        "2019-08-25",
        "Donald Tusk, the head of the European Union's council, said Saturday that \"under no "
        "condition\" could G-7 nations allow Russia to return.",
        [("124", "IGOGOS", "RUS", "reported")],
    ),
    # AllSides (Fox News, 2013): the refusal is the event coded (12x), so it is told as
    # said, not negated (a negated rejection would say the rejection did not happen).
    "would not back down: a refusal told as said": (
        "2013-11-25",
        "According to Karzai's office, he told Rice during Monday's meeting that he wouldn't "
        "back down from that decision.",
        [("124", "AFGGOV", None, "reported")],
    ),
    "said would not support: a refusal reported": (
        "2012-11-14",
        "Senate Democratic Leader Harry Reid later said he would not support their proposal.",
        [("120", "USAGOV", None, "reported")],
    ),
    # AllSides (The Hill, 2012): a negated verb of telling denies nothing of what it
    # governs; "not saying that …" tells no support at all.
    "not saying that: no act told": (
        "2012-11-30",
        "“I’m not saying that’s why I would support John Kerry’s nomination, but we always "
        "want more Republicans around here.”",
        [],
    ),
    # AllSides (Fox News, 2016): what a speaker says another should not do is a demand
    # (100, whatever the act), told as said: not a negated demand.
    "should not: a demand told as said": (
        "2016-04-01",
        "Republicans say the U.S. should not further reward Iran, in light of its recent "
        "ballistic missile tests.",
        [("100", "USAPTY", "USA", "reported")],
    ),
    # AllSides (New York Times, 2012; Fox News, 2014): "needed to", "had to" said of
    # another are demands, as "must" is, with the sub-code of what is demanded (1056: an
    # easing of a blockade), not the other's intent or act.
    "needed to: a demand of the speaker on another": (
        "2012-11-21",
        "Khaled Meshal , the Hamas leader, said in Cairo that Israel needed to end its "
        "blockade of Gaza.",
        [("1056", "PSEREBHMS", "ISR", "reported")],
    ),
    "had to: a demand whatever the act": (
        "2014-02-19",
        'Yanukovych said opposition leaders had to "draw a boundary between themselves and '
        'radical forces."',
        [("100", "UKRGOV", "UKROPP", "reported")],
    ),
    # AllSides (Rand Paul, 2013): what the speaker's own side should do ("we") is its
    # intent, no demand on anyone.
    "we should: the speaker's side's intent, no demand": (
        "2013-07-02",
        "Former Vice President Dick Cheney said we should stand by Mubarak and called him our "
        '"good friend."',
        [("032", "USAELI", "EGYELI", "intended")],
    ),
    # AllSides (CBN, 2015): "needed" in the passive names a purpose, no obligation.
    "are needed to: a purpose, no demand": (
        "2015-10-15",
        "Obama had promised to end the war on his watch, but military advisers say the troops "
        "are needed to push back a resurgence of the Taliban.",
        [("0356", "USAGOV", None, "intended")],  # the promise; nothing of the troops
    ),
    # AllSides (2018): a use of force refused is announced restraint, an intent to
    # de-escalate (0356), not a rejection (12x); here only on a condition.
    "promised not to attack: intent to de-escalate": (
        "2018-04-27",
        "Last week, Kim reportedly told Moon that the DPRK would abandon its nuclear program if "
        "the U.S. promised not to attack the North.",
        [("0356", "USA", None, "hypothetical")],
    ),
    # AllSides (Fox News, 2012; ABC News, 2014): "cannot" on a verb that is no consent
    # tells an inability, not a refusal: no act.
    "cannot enter: an inability, no refusal": (
        "2012-09-30",
        "What has changed in Libya in such a short time that even FBI agents, our most elite "
        "investigative personnel, cannot safely enter the city?",
        [],
    ),
    "cannot lawfully order: an inability, no refusal": (
        "2012-05-31",
        "The president cannot lawfully order the killing of anyone except according to the "
        "Constitution and federal law.",
        [],
    ),
    # Margaret Thatcher, Iron Lady, dead at 87 (2013): a "when" clause is its own event,
    # neither negated by "did not hesitate" nor reported by "even though … said".
    "when clause keeps its own factuality": (
        "2013-04-08",
        "When Argentina's military junta seized the remote Falklands Islands from Britain in "
        "1982, she did not hesitate even though her senior military advisers said it might "
        "not be feasible to reclaim the islands.",
        [("192", "ARGGOVMIL", "GBR", "asserted")],  # seizing territory is occupying it
    ),
    # Wikinews, "Ukrainian president rejects prime minister's resignation over leaked audio
    # recording": the meeting is where he said it, not what he said.
    "said in a meeting: the meeting is not reported": (
        "2020-01-18",
        'Zelensky said in a meeting with Honcharuk, "I decided to give you and your government '
        "a chance if you'll be able to fix some issues that are very important now and really "
        'worry our society".',
        [("040", "UKRGOV", None, "asserted")],
    ),
    # Wikinews, "Police shoot teenage protester as Hong Kong demonstrations continue": the
    # appeal stands for the investigation it asks for.
    "called for an investigation: the appeal alone": (
        "2019-10-02",
        "Amnesty International has called for an investigation into the shooting.",
        [("020", "NGOHRIAMN", None, "asserted")],
    ),
    # Christian Science Monitor, 2014-04-21: what someone says another should do is a demand.
    "said … should: a demand of the speaker": (
        "2014-04-21",
        'Bob Corker (R) of Tennessee and Chris Murphy (D) of Connecticut said on NBC’s "Meet '
        'the Press" that the US should impose sanctions on Russia’s energy and banking sectors.',
        [("100", "USALEG", "USA", "reported")],
    ),
    # AllSides (NPR, 2014): the negation of a copula denies a description, not the acts
    # inside it: no negated cut of ties, no negated support.
    "it's not like …: no act told, negated or not": (
        "2014-06-20",
        "It's not like the United States cut ties with Iraq entirely or that it's backing "
        "away more now.",
        [],
    ),
    # AllSides (2014): "reluctant to join" tells a step not taken.
    "reluctant to join: not done": (
        "2014-09-12",
        "Turkey had been reluctant to join a coalition being formed by the U.S.",
        [("050", "TUR", "USA", "negated")],
    ),
    # AllSides (2016): a negation over an open question ("unable to determine if …") does
    # not deny what is asked about, and no one announces it: the bombing is hypothetical,
    # by each actor asked about, not a negated act, a refusal or a threat.
    "unable to determine if: an open question": (
        "2016-02-16",
        "The official also said the United States had been unable to determine if a Russian "
        "or Syrian aircraft bombed a hospital.",
        [("195", "RUS", "SYRHLH", "hypothetical"), ("195", "SYR", "SYRHLH", "hypothetical")],
    ),
    # AllSides (ABC News): a negated rejection leaves the matter open, no refusal of talks.
    "would not rule out talks: no rejection": (
        "2013-04-14",
        "Meeting with Japanese Foreign Minister Fumio Kishida, Kerry said the U.S. would not "
        "rule out direct talks with North Korea, but would only consider such a move if "
        "Pyongyang took steps towards denuclearization.",
        [],  # no rejection; and "Kerry", by surname alone, is no actor the coder knows
        # (an event needs a coded source: the meeting is coded in a whole article)
    ),
    # AllSides (New York Magazine, 2018): not finding evidence is what an inquiry did not
    # yield, not an inquiry not made.
    "did not find evidence: no negated investigation": (
        "2018-02-28",
        "While the U.N. panel did not find conclusive evidence of ongoing collaboration between "
        "the regimes to manufacture chemical weapons currently, experts told the Times that it "
        "laid out in unprecedented detail the sophisticated measures these countries have "
        "taken to get around these sanctions.",
        [],
    ),
    # AllSides (Politico, 2017): an announced refusal of an appeal has no code of its own.
    "will not urge Congress: no refused appeal": (
        "2017-10-13",
        "President Donald Trump announced Friday that he will decertify the Iran nuclear deal "
        "but will not urge Congress to immediately reimpose nuclear-related sanctions on the "
        "country, instead calling for new legislation that could trigger penalties down the "
        "line.",
        [],
    ),
    # AllSides (HotAir, 2013): "would" on the act itself, with no one announcing it and no
    # condition, tells the writer's scenario, not an act.
    "would then agree: an imagined act, no event": (
        "2013-11-16",
        "Iran and world powers would then agree to disagree on how to interpret that treaty.",
        [],
    ),
    # AllSides (National Review, 2018): the same, in a columnist's scenario.
    "the U.S. would press forward: an imagined act, no event": (
        "2018-12-27",
        "NATO allies would fill it in, and the U.S. would press forward toward creating facts "
        "on the ground that forced Assad out of power.",
        [],
    ),
    # AllSides (The Atlantic, 2018): a review is asked for; the sanctions it would review
    # are in force, not asked for.
    "called for a review of sanctions: the sanctions are real": (
        "2018-06-08",
        "Indeed, Giuseppe Conte, the new Italian prime minister who heads a coalition "
        "government of populist and far-right parties, has called for a review of EU sanctions "
        "on Russia.",
        [("020", "ITAGOV", None, "asserted"), ("163", "IGOEUREEC", "RUS", "asserted")],
    ),
    # AllSides (USA Today, 2018): the aim of a journey is how news tells the meeting.
    "travelled to meet: the meeting as told, not an aim": (
        "2018-06-11",
        "North Korea's reclusive leader Kim Jong-un traveled to Singapore to meet with "
        "President Trump.",
        [("042", "PRKGOV", "SGP", "asserted"), ("040", "PRKGOV", "USAGOV", "asserted")],
    ),
    # AllSides (USA Today, 2018): how a source spoke to the reporter is no consultation
    # (word class ``sourcing``); the reported timing is no event either.
    "said on condition of anonymity to discuss: sourcing, no event": (
        "2018-03-13",
        "The timing of Tillerson's dismissal was designed to allow Trump to put a new team in "
        "place before those talks, a White House official said on condition of anonymity to "
        "discuss a personnel decision.",
        [],
    ),
    # AllSides (2017): what a source asked anonymity to discuss is no event of that sentence
    # (it was a U.S. probe, 090, made hypothetical by "asked").
    "asked for anonymity to discuss the probe: sourcing, no event": (
        "2017-06-13",
        "Another former senior U.S. official, who asked for anonymity to discuss the "
        "classified U.S. probe, said Russia hacked the systems.",
        [("171", "RUS", None, "reported")],
    ),
    # AllSides (2019): what an actor needs to do is not done ("need" governs its act).
    "needs to resolve: not done": (
        "2019-08-15",
        "Beijing needs to resolve the crisis in Hong Kong on its own.",
        [("050", "CHN", None, "hypothetical")],
    ),
    # AllSides (Vox, 2019): asking the reporter for anonymity is no appeal.
    "requested anonymity to speak freely: sourcing, no appeal": (
        "2019-12-03",
        "“He’s a survivor,” said a State Department official who, like others "
        "interviewed for this story, requested anonymity to speak freely about a colleague.",
        [],
    ),
    # AllSides (CNN, 2014): a military posture announced is a show of force to come, not a
    # threat (13x is for acts threatened).
    "troops will remain: a posture announced, no threat": (
        "2014-12-07",
        "Nearly 11,000 U.S. troops will remain in Afghanistan in the beginning of 2015.",
        [("150", "USAMIL", "AFG", "intended")],
    ),
    # AllSides (2017): an adjective of what is not yet done on an event noun ("proposed",
    # "planned", "possible", "upcoming": cue rows) makes it announced, not in force.
    "the proposed travel ban: announced, not imposed": (
        "2017-06-04",
        "Former U.N. Ambassador Susan Rice said Sunday there are no easy ways to stop homegrown "
        "terrorists and President Trump\u2019s proposed travel ban targeting Muslims is "
        "counterproductive.",
        [("132", "USAGOV", None, "intended")],
    ),
    # AllSides (NPR, 2014): "no" inside the object is what was urged, not a denial.
    "urged a \"no\" vote: asserted": (
        "2014-09-18",
        'Former President Bill Clinton also urged a "no" vote.',
        [("020", "USAELI", None, "asserted")],
    ),
    # AllSides (2013): agreeing that something is so is an opinion, no intent to cooperate;
    # agreeing that an act is to come still is one (PLOVER: "agreed that their countries
    # should cooperate").
    "we agree now is the time: an opinion, no intent": (
        "2013-04-12",
        '"We agree now is the time for North Korea to end the kind of belligerent approach they '
        'have been taking and try to lower temperatures," Obama said during a photo opportunity '
        "with U.N. Secretary-General Ban Ki-moon.",
        [],
    ),
    # AllSides (Politico, 2013): an object denied by its determiner ("no apologies") is an
    # act not done.
    "makes no apologies: a negated apology": (
        "2013-05-24",
        "Days after Obama told reporters he makes “no apologies” about surveillance of "
        "Associated Press reporters, the president summoned his inner constitutional law "
        "professor to prioritize civil liberties.",
        [("055", "USAGOV", None, "negated")],
    ),
    # AllSides (The Hill, 2016): the gerund is done by the subject of the clause it
    # modifies (the resolution condemns), and a finite verb whose subject the parser lost
    # ("condemns violence", and "calling on both sides" under it) is not the speaker's:
    # neither is Power's act.
    "in addition to condemning: the resolution's, not the speaker's": (
        "2016-12-23",
        "U.S. Ambassador to the UN Samantha Power said that in addition to condemning "
        'settlements, the resolution "reflects the facts on the ground," condemns violence '
        'and terrorism and addresses "counter-productive actions by the Palestinians" while '
        "also calling on both sides to engage in peace talks.",
        [],
    ),
    # AllSides (Fox News, 2014): the source's own clause codes nothing.
    "sourcing clause beside the acts it reports": (
        "2014-08-22",
        "Abbas was set to travel to Egypt later Friday to meet with Egyptian intelligence "
        "officials to discuss cease-fire efforts, the official added, speaking on condition "
        "of anonymity to discuss issues related to the negotiations.",
        # the acts it reports are Abbas's, by surname alone no actor the coder knows here
        [],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_factuality(analyse, name):
    published, sentence, expected = CASES[name]
    assert told(analyse(sentence, published=published)["events"]) == expected


# Wikinews, "Police shoot man dead after 'terrorist-related' knife attack in London".
ADVISED = (
    'Amman, who was described as "knife-obsessed" by the police, sent his girlfriend videos '
    'of beheadings and extremist text messages, and advised her to kill her "kuffar" '
    "(non-Muslim) parents."
)
# Afghan Government Investigates Reports That Mullah Omar Is Dead (2015).
CALLS_ON = (
    '"The government of Afghanistan believes that grounds for the Afghan peace talks are more '
    "paved now than before, and thus calls on all armed opposition groups to seize the "
    'opportunity and join the peace process," the Afghans said in the statement.'
)


@pytest.mark.parametrize(
    ("published", "sentence", "source"),
    # Amman is a man, not the Jordanian capital: the adviser has no code
    [("2020-02-05", ADVISED, None), ("2015-07-29", CALLS_ON, "AFGGOV")],
    ids=["advised her to kill", "calls on groups to seize"],
)
def test_directive_is_the_appeal_and_the_act_asked_for_is_not_coded(
    analyse, published, sentence, source
):
    events = analyse(sentence, published=published)["events"]
    assert [e["cameo"] for e in events if e["cameo"][:2] in ("17", "18", "19")] == []
    # an adviser the coder does not know (Amman, a man) makes no event: no coded source
    appeals = [("020", source)] if source else []
    assert [(e["cameo"], e["source"]["code"]) for e in events if e["cameo"][:2] == "02"] == appeals


# The Hill, 2019: the quotation continues Tusk's; "can" negated is a refusal (12x).
TUSK = (
    "“One year ago, in Canada, President Trump suggested reinviting Russia to G7, stating "
    "openly that Crimea’s annexation by Russia was partially justified. And that we should "
    "accept this fact,” Donald Tusk said, according to Reuters.\n\n"
    "“Under no condition can we agree with this logic.\""
)


def test_cannot_agree_is_a_rejection(analyse):
    events = analyse(TUSK, published="2019-08-25")["events"]
    refusal = [e for e in events if e["sentence"].startswith("“Under no condition")]
    assert [(e["cameo"], e["source"]["name"], e["factuality"]) for e in refusal] == [
        ("120", "Donald Tusk", "asserted")
    ]


# Washington Times, 2013-04-10: what one should do is not done (leaving talks halts them:
# 164, not a military retreat).
def test_should_is_hypothetical(analyse):
    events = analyse(
        "At a minimum, the United States should withdraw from the Six Party Talks until China "
        "takes back its missile trucks.",
        published="2013-04-10",
    )["events"]
    assert [(e["cameo"], e["source"]["code"], e["factuality"]) for e in events] == [
        ("164", "USA", "hypothetical")
    ]


# AllSides (2018, 2019; not audit articles): "should have" tells what was not done, a
# regret, no demand and no act; "should Washington enforce sanctions" before its subject
# is a condition, hypothetical, nobody's demand on Washington.
def test_should_have_is_no_demand(analyse):
    events = analyse(
        '"We should have had this dialogue a long time ago — a long time, frankly, before I '
        'got to office," Trump said.',
        published="2018-07-17",
    )["events"]
    assert events == []


def test_should_before_its_subject_is_a_condition(analyse):
    events = analyse(
        "The Philippines has banned two U.S. lawmakers from visiting and will introduce tighter "
        "entry restrictions for U.S. citizens should Washington enforce sanctions over the "
        "detention of a top government critic, the president’s spokesman said.",
        published="2019-12-28",
    )["events"]
    assert not [e for e in events if e["cameo"][:2] == "10"]
    assert [e[3] for e in told(events) if e[1] == "USA"] == ["hypothetical"]


# NPR, "Captain In Deadly Migrant Boat Sinking Is Charged With Manslaughter" (2015): "call
# on" asks someone; "on Monday" is when, so no appeal is coded.
def test_call_on_a_day_is_no_appeal(analyse):
    events = analyse(
        "On Monday, U.N. Secretary-General Ban Ki-moon called the migrants' deaths a \"shock to "
        'the global conscience."',
        published="2015-04-21",
    )["events"]
    assert events == []


def test_an_infinitive_of_purpose_is_an_aim(analyse):
    """"sent an envoy … to negotiate the release": the negotiation is the Kremlin's aim
    (intended, with no modality: not announced as an intent), not an act told as done
    (AllSides, 2014; not an audit article)."""
    events = analyse(
        "Dmitry Peskov, Putin's spokesman said the Kremlin had sent an envoy to Ukraine's "
        "southeast to negotiate the release of foreign military observers who were captured "
        "by pro-Russian militia in Slovyansk.",
        published="2014-04-28",
    )["events"]
    aims = [e for e in told(events) if e[3] == "intended"]
    assert aims == [("0831", "RUSGOV", "UKRGOV", "intended")]



def test_a_question_asked_is_no_appeal(pipeline):
    # AllSides (2019-04), line 3045 of the corpus: "Blitzer then asked the angry congressman
    # if he has confidence in Barr …": a journalist's question (cue role ``question``), no
    # appeal; "asked Lavrov to press Assad" would be one.
    path = shared_file("corpus/allsides-world/articles.jsonl")
    with path.open(encoding="utf-8") as handle:
        raw = next(json.loads(line) for number, line in enumerate(handle, 1) if number == 3045)
    article = pipeline.make_article(raw["text"], external_id=raw["id"], published=raw["published"])
    text = raw["text"]
    asked = text.index("Blitzer then asked")
    events = pipeline.analyse(article).events
    assert [e.cameo for e in events if e.evidence.start <= asked + 20 <= e.evidence.end] == []

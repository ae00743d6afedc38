"""Quotes: each construction on real sentences through the real model, and the seed article."""

from __future__ import annotations

import pytest

from newsgraph.extract.marks import find_quoted_spans
from tests.conftest import extract_only


@pytest.fixture
def analyse(read_context):
    """Quotes alone: one parse, the entities and actors steps, then the quotes extractor."""
    return extract_only(read_context, "quotes")

# (text, kind, cue, speaker name, quote text, fragment texts)
CONSTRUCTIONS = [
    pytest.param(
        "Douglas Brinkley, a historian who attended the session, recalled, \"Out of nowhere, he "
        "said, 'If we don't do anything on the climate issue, all bets are off.'\"",
        "direct", "recalled", "Douglas Brinkley", "Out of nowhere, he said, 'If we don't do "
        "anything on the climate issue, all bets are off.'", [],
        id="direct-quote-ending-in-a-quote",
    ),
    pytest.param(
        "“We will not back down,” Foreign Minister Sergei Lavrov said on Monday.",
        "direct", "said", "Sergei Lavrov", "We will not back down", [],
        id="direct-cue-after",
    ),
    pytest.param(
        "“We will not back down,” said Foreign Minister Sergei Lavrov.",
        "direct", "said", "Sergei Lavrov", "We will not back down", [],
        id="direct-cue-after-inverted",
    ),
    pytest.param(
        "Foreign Minister Sergei Lavrov said: “We will not back down.”",
        "direct", "said", "Sergei Lavrov", "We will not back down.", [],
        id="direct-cue-before-colon",
    ),
    pytest.param(
        "“The talks have failed,” according to Sergei Lavrov.",
        "direct", "according to", "Sergei Lavrov", "The talks have failed", [],
        id="direct-according-to",
    ),
    pytest.param(
        "Sergei Lavrov spoke to reporters in Geneva.\n\n"
        "“We have tried everything. We offered talks.\n\n“Nobody listened,” he said.",
        "direct", "said", "Sergei Lavrov",
        "We have tried everything. We offered talks.\n\n“Nobody listened", [],
        id="direct-over-two-paragraphs",
    ),
    pytest.param(
        "Sergei Lavrov said that the sanctions were “illegal and pointless” and would fail.",
        "mixed", "said", "Sergei Lavrov",
        "the sanctions were “illegal and pointless” and would fail", ["illegal and pointless"],
        id="mixed",
    ),
    pytest.param(
        'Sergei Lavrov said the talks "failed."',
        "mixed", "said", "Sergei Lavrov", 'the talks "failed."', ["failed."],
        id="mixed-straight-marks-at-end",
    ),
    pytest.param(
        'Adam Schiff called it "a non-starter".',
        "mixed", "called", "Adam Schiff", 'it "a non-starter"', ["a non-starter"],
        id="mixed-fragment-runs-to-its-mark",
    ),
    pytest.param(
        'Doris Day said, "I have been through everything. I always said I was like a doll."',
        "direct", "said", "Doris Day",
        "I have been through everything. I always said I was like a doll.", [],
        id="direct-with-a-cue-inside-is-one-quote",
    ),
    pytest.param(
        "Sergei Lavrov said that Russia would respond to the new sanctions.",
        "indirect", "said", "Sergei Lavrov", "Russia would respond to the new sanctions", [],
        id="indirect-said-that",
    ),
    pytest.param(
        "Sergei Lavrov told reporters the talks in Geneva had failed.",
        "indirect", "told", "Sergei Lavrov", "the talks in Geneva had failed", [],
        id="indirect-told-reporters",
    ),
    pytest.param(
        "The Interfax news agency reported that the talks had failed.",
        "indirect", "reported", "Interfax", "the talks had failed", [],
        id="indirect-reported",
    ),
    pytest.param(
        "According to the Kremlin, Vladimir Putin will visit China in May.",
        "indirect", "According to", "Kremlin", "Vladimir Putin will visit China in May", [],
        id="indirect-according-to-before",
    ),
    pytest.param(
        "Vladimir Putin will visit China in May, according to the Kremlin.",
        "indirect", "according to", "Kremlin", "Vladimir Putin will visit China in May", [],
        id="indirect-according-to-after",
    ),
    pytest.param(
        "The talks in Geneva had failed, Sergei Lavrov said.",
        "indirect", "said", "Sergei Lavrov", "The talks in Geneva had failed", [],
        id="indirect-cue-after",
    ),
    pytest.param(
        "The talks, Sergei Lavrov said, had failed.",
        "indirect", "said", "Sergei Lavrov", "The talks, Sergei Lavrov said, had failed", [],
        id="indirect-parenthetical-cue",
    ),
    pytest.param(
        "Sergei Lavrov urged Washington to lift the sanctions.",
        "indirect", "urged", "Sergei Lavrov", "to lift the sanctions", [],
        id="indirect-urged-to",
    ),
    pytest.param(
        "The Kremlin called for an end to the sanctions.",
        "indirect", "called", "Kremlin", "an end to the sanctions", [],
        id="indirect-called-for",
    ),
    pytest.param(
        "The Kremlin denied the report.",
        "indirect", "denied", "Kremlin", "the report", [],
        id="indirect-object-of-denied",
    ),
    pytest.param(
        "Angela Merkel arrived in Kyiv on Monday. “We stand with Ukraine,” she said.",
        "direct", "said", "Angela Merkel", "We stand with Ukraine", [],
        id="pronoun-speaker",
    ),
]


def only_quote(result: dict) -> dict:
    assert len(result["quotes"]) == 1, result["quotes"]
    return result["quotes"][0]


@pytest.mark.parametrize(("text", "kind", "cue", "speaker", "quoted", "fragments"), CONSTRUCTIONS)
def test_construction(analyse, text, kind, cue, speaker, quoted, fragments):
    quote = only_quote(analyse(text))
    assert (quote["kind"], quote["cue"], quote["speaker"]["name"]) == (kind, cue, speaker)
    assert quote["text"] == quoted == text[quote["start"] : quote["end"]]
    assert [text[f["start"] : f["end"]] for f in quote["fragments"]] == fragments


SPEAKERS = [
    pytest.param(
        "State Department spokesperson Ned Price spoke in Washington on Tuesday. "
        "“We are aware of the trip,” the spokesperson said.",
        "Ned Price", id="description-to-titled-entity",
    ),
    pytest.param(
        "Russian President Vladimir Putin met Imran Khan in Moscow. "
        "Later the president said that the talks were useful.",
        "Vladimir Putin", id="description-president",
    ),
    pytest.param(
        "Ms Smith met Mr Jones on Monday. “It went well,” he said.",
        "Jones", id="pronoun-gender-from-honorific",
    ),
    pytest.param(
        "Don Fowler spoke after Hillary Clinton fell ill. "
        "“It is something you would be a fool not to prepare for,” he said.",
        "Don Fowler", id="pronoun-gender-from-first-name",
    ),
    pytest.param(
        "Trump attacked Clinton on Monday, saying that she was “unfit to serve.”",
        "Trump", id="participle-borrows-subject",
    ),
    pytest.param(
        "Vladimir Putin was quoted by TASS as saying that the talks were useful.",
        "Vladimir Putin", id="quoted-as-saying-passive-subject",
    ),
    pytest.param(
        "The report was confirmed by the ministry, which said the talks had failed.",
        "the ministry", id="relative-pronoun-antecedent",
    ),
    pytest.param(
        "A former Democratic National Committee chairman says Barack Obama should act.",
        "A former Democratic National Committee chairman", id="role-noun-is-not-its-organisation",
    ),
    pytest.param(
        "The Clinton campaign said the ad would air on Friday.",
        "The Clinton campaign", id="organisation-noun-is-not-the-person-naming-it",
    ),
    # Real sentences (AllSides corpus and PolNeAR dev), one per class of issue 13.
    pytest.param(
        "But the head of Kurdistan's security council tells Ari, \"I wish I could tell you the "
        "Iraqi army is ready for that, but it's not.\"",
        "the head of Kurdistan's security council", id="description-keeps-its-of-phrase",
    ),
    pytest.param(
        "A Chinese Consulate-General spokesperson in Houston attacked the tweet and urged the "
        "Rockets to \"correct the error.\"",
        "A Chinese Consulate-General spokesperson", id="hyphenated-name-is-not-cut",
    ),
    pytest.param(
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might "
        "ask?”",
        "Hillary Clinton", id="footage-of-a-person-saying",
    ),
    pytest.param(
        "Those close to him say that, in addition to Scott, he would have to consider Rep. Don "
        "Beyer (D-Va.), a former ambassador.",
        "Those close to him", id="indefinite-pronoun-is-its-phrase",
    ),
    pytest.param(
        "Then someone asked how Clinton could inspire young people the way Sen. Bernie Sanders "
        "(Vt.) had.",
        "someone", id="someone-asked",
    ),
    pytest.param(
        "The Latest: Trump urges supporters to monitor polling places",
        "Trump", id="headline-label-before-a-colon-is-no-subject",
    ),
    pytest.param(
        "WASHINGTON -- President Obama, dedicating the National Museum of African American "
        "History and Culture on Saturday, said it would tell an American story.",
        "Obama", id="dateline-is-no-subject-the-name-after-its-dash-is",
    ),
    pytest.param(
        "THE BORROWING Back when he wrote his book, Mr. McKinley said that he considered debt "
        "a last resort.",
        "McKinley", id="section-heading-parsed-as-a-second-subject",
    ),
    pytest.param(
        "President Obama dedicated the museum on Saturday. Bill Clinton watched from the front "
        "row, sitting alongside Vice President Joseph R. Biden Jr. and Colin Powell. It was, "
        "the president said, ''a stone worn down by the tragedy of over a thousand bare feet.''",
        "Obama", id="the-president-is-not-the-vice-president",
    ),
    # Real sentences (Wikinews, CC BY 2.5).
    pytest.param(
        "\"Walter was the most brilliant scientist I have ever known,\" said University of "
        "California, San Diego's chancellor, Pradeep Khosla.",
        "Pradeep Khosla", id="organisation-its-role-and-the-holder-is-the-holder",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_speaker_resolution(analyse, text, speaker):
    assert only_quote(analyse(text))["speaker"]["name"] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "quoted", "speaker"),
    [
        pytest.param(
            "Colorado Secretary of State Wayne Williams said DHS told it that its systems were "
            "scanned in the weeks before the 2016 election.",
            "said", "DHS told it that its systems were scanned in the weeks before the 2016 "
            "election", "Wayne Williams", id="title-of-place-then-name-is-the-person",
        ),
        pytest.param(
            "Trump was similarly defensive when forced to defend not paying an architect who "
            "said he was stiffed after he designed a clubhouse at one of Trump’s golf courses, "
            "saying, “Maybe he didn’t do a good job, and I wasn’t satisfied with his work.”",
            "saying", "Maybe he didn’t do a good job, and I wasn’t satisfied with his work.",
            "Trump", id="saying-belongs-to-the-main-clause-not-a-relative-clause",
        ),
        pytest.param(
            "“He's absolutely right. There's a severe disconnect between this White House and "
            "frankly the president and our military,” Flynn, a top Trump surrogate, said "
            "Thursday morning on Fox News’s “Fox and Friends.”",
            "said", "He's absolutely right. There's a severe disconnect between this White "
            "House and frankly the president and our military", "Flynn",
            id="a-quoted-title-after-the-verb-is-no-subject",
        ),
        pytest.param(
            "In a statement announcing the pick, the Association of Flight Attendants called "
            "Clinton a “champion” for its constituency.", "announcing", "the pick",
            "Association of Flight Attendants", id="in-a-statement-the-issuer-is-the-subject",
        ),
        pytest.param(
            "Following a swiftly called, late-afternoon meeting, the Security Council issued a "
            "statement calling the overnight nuclear test “a clear violation.” The statement "
            "noted they had previously said they would take “further significant measures” if "
            "North Korea conducted another test.", "noted", "they had previously said they "
            "would take “further significant measures” if North Korea conducted another test",
            "Security Council", id="the-statement-is-by-the-issuer-of-a-statement-before",
        ),
        pytest.param(
            "Vessel Tracker's database had no sighting of the ship within the last 59 days on "
            "Tuesday; the website noted the AIS signal received from Jakarta but declared the "
            "ship was not actually there.", "declared", "the ship was not actually there",
            "the website", id="a-verb-hung-on-a-participle-shares-its-clauses-subject",
        ),
        pytest.param(
            "When Clinton noted that Trump has occasionally not paid anything in federal income "
            "taxes ― as was true for the few years his tax returns were made public ― Trump "
            "boasted, “That makes me smart.”",
            "boasted", "That makes me smart.", "Trump", id="a-dash-is-no-subject",
        ),
        pytest.param(
            "New Jersey Gov. Chris Christie described Democratic presidential nominee Hillary "
            "Clinton as a “disgrace” after she attacked law enforcement officers nationwide.",
            "described", "Democratic presidential nominee Hillary Clinton as a “disgrace”",
            "Gov. Chris Christie", id="described-someone-as-something",
        ),
        pytest.param(
            "McConnell and Ryan remain confident despite a few early supporters of the bill, "
            "such as senator Bob Corker, R-Tenn., and Lindsey Graham, R-S.C., now saying they "
            "think it should be changed to make it more difficult for families to sue and for "
            "the U.S. itself to be sued.",
            "saying", "they think it should be changed to make it more difficult for families to "
            "sue and for the U.S. itself to be sued", "a few early supporters of the bill",
            id="despite-a-noun-now-saying-the-noun-speaks",
        ),
        pytest.param(
            "\"I'll tell you, there is an issue that is bringing the people who voted for me, I "
            "think, together. That is this issue of bigotry. You can disagree with Clinton on "
            "this or Trump on that, but we have come so far in this country in struggling "
            "against discrimination and racism and sexism. That we do not want to go back to a "
            "time when you have Trump, the big debate, I guess of today, what's the debate, the "
            "birther issue again we're bringing that up, is insane,\" Sanders said, going on to "
            'say that the country has spent "hundreds of years fighting against racism and '
            "sexism and all that stuff, to have that debate again, young people do not want to "
            "see that…. They're way beyond that. They don't want to think we're blaming "
            "Muslims, we're blaming Mexicans for our problems, and I think that will bring a "
            "lot of those people around in support of Clinton.",
            "say", "the country has spent \"hundreds of years fighting against racism and "
            "sexism and all that stuff, to have that debate again", "Sanders",
            id="said-comma-going-on-to-say-hung-on-a-later-verb",
        ),
        pytest.param(
            "Popular Website Shows Bias When It Comes To ‘Fact-Checking’ Republicans.\n\n"
            "Zero Hedge asked, “Wait, now it is 18.7% when Politi’fact’ said a year prior that "
            "Bernie’s 51% claim was ‘mostly true’? Interesting.”\n\n"
            "The website noted that both Sanders and Trump were referring to studies that seek "
            "to find true unemployment rates.",
            "noted", "both Sanders and Trump were referring to studies that seek to find true "
            "unemployment rates", "The website", id="a-headlines-capitals-name-no-website",
        ),
        pytest.param(
            "On Tuesday’s episode of “The Steve Harvey Morning Show,” the former secretary of "
            "state and current Democratic presidential nominee said she wanted to speak "
            "“directly to white people” and let them know that “this is not who we are.”",
            "said", "she wanted to speak “directly to white people”",
            "the former secretary of state", id="a-speaker-phrase-ends-before-its-and",
        ),
    ],
)
def test_speaker_of_one_cue_among_several(analyse, text, cue, quoted, speaker):
    """Sentences with two cues: the quote of ``cue`` and its speaker."""
    found = next(q for q in analyse(text)["quotes"] if q["cue"] == cue)
    assert (found["text"], found["speaker"]["name"]) == (quoted, speaker)


# Real sentences (PolNeAR dev): where reported content ends, and content the parse hung on
# the cue as an adverbial or a gerund.
CONTENTS = [
    pytest.param(
        "Search and rescue bodies can also access this information; Smith told Wikinews he "
        "believed this would include foreign navies with ships in the Java Sea.",
        "indirect", "told", "he believed this would include foreign navies with ships in the "
        "Java Sea", id="the-clause-after-the-cue-not-the-one-before-a-semicolon",
    ),
    pytest.param(
        "At a press conference in Chelsea, the mayor also said that it was too early to tell "
        "whether the explosion was caused by a bomb, and there was “no evidence\" yet that it "
        "was an act of terrorism.",
        "mixed", "said", "it was too early to tell whether the explosion was caused by a bomb, "
        "and there was “no evidence\" yet that it was an act of terrorism",
        id="a-joined-clause-with-quoted-words-is-more-content",
    ),
    pytest.param(
        "Clinton says she hopes to be elected president, but she knows that “LeBron will always "
        "be the king.”",
        "mixed", "says", "she hopes to be elected president, but she knows that “LeBron will "
        "always be the king.”",
        id="but-she-knows-that-quoted",
    ),
    pytest.param(
        "She said she was attracted to her first job in government, prosecuting cases for the "
        "U.S. attorney's office for the Eastern District of New York, in part because of the "
        "number of women in management roles there.",
        "indirect", "said", "she was attracted to her first job in government, prosecuting "
        "cases for the U.S. attorney's office for the Eastern District of New York, in part "
        "because of the number of women in management roles there",
        id="a-participle-that-is-no-cue-stays-in-the-content",
    ),
    pytest.param(
        "Trump tells his supporters at a Michigan rally to “go to your place and vote” and then "
        "“go pick some other place and go sit there with your friends and make sure it’s on the "
        "up and up.”",
        "mixed", "tells", "to “go to your place and vote” and then “go pick some other place "
        "and go sit there with your friends and make sure it’s on the up and up.”",
        id="tells-someone-to-parsed-as-adverbial",
    ),
    pytest.param(
        "President Obama called for reducing the corporate tax rate to 28 percent.",
        "indirect", "called", "reducing the corporate tax rate to 28 percent",
        id="called-for-a-gerund",
    ),
    pytest.param(
        "Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy, because Democrats have "
        "been at the forefront of questioning the FBI's decisions on issuing national security "
        "letters.",
        # "that" is parsed as a conjunction here, so it is stripped as one
        "indirect", "said", "claim smacked of hypocrisy, because Democrats have been at the "
        "forefront of questioning the FBI's decisions on issuing national security letters",
        id="a-because-clause-after-the-content-is-the-speakers-reason",
    ),
    pytest.param(
        'Why did Justice grant immunity to so many people? Mills "got an immunity agreement," '
        'Jordan said, and still "got to sit in on (Clinton\'s) interview when she was being '
        'interviewed by the FBI… It just raises a lot of questions."',
        "mixed", "said", 'Mills "got an immunity agreement," Jordan said, and still "got to sit '
        "in on (Clinton's) interview when she was being interviewed by the FBI… It just raises "
        'a lot of questions."',
        id="an-aside-cue-after-quoted-words-and-a-comma",
    ),
    pytest.param(
        'The country "has made dramatic changes for the better," McConnell said in June 2012, '
        "citing the release of political prisoners and Suu Kyi's election to parliament.",
        "mixed", "said", 'The country "has made dramatic changes for the better,"',
        id="a-participle-after-the-aside-cue-is-the-speakers-act",
    ),
    pytest.param(
        "On Friday, an environmental group and private property owners from the border state "
        "of Texas filed a motion claiming the state of emergency is unconstitutional and "
        "violated their property rights.",
        "indirect", "claiming", "the state of emergency is unconstitutional",
        id="an-object-that-is-the-subject-of-the-content",
    ),
    pytest.param(
        "Small groups of protesters continued to call for more information about the fatal "
        "shooting of Keith Lamont Scott.",
        "indirect", "call", "more information about the fatal shooting of Keith Lamont Scott",
        id="a-cue-under-continued-to",
    ),
    pytest.param(
        "While his advisers have suggested his most powerful role in the Clinton campaign is as "
        "a convert who has come to respect his onetime rival, Mr. Obama is also determined to "
        "warn his supporters.",
        "indirect", "suggested", "his most powerful role in the Clinton campaign is as a "
        "convert who has come to respect his onetime rival",
        id="a-perfect-in-an-adverbial-clause",
    ),
    pytest.param(
        "Schiff, 56, who has served on the Intelligence Committee for a decade, told USA "
        "TODAY's weekly video newsmaker series it is clear from publicly disclosed information "
        "that computer hacking of the Democratic National Committee, the Democratic "
        "Congressional Campaign Committee and state election offices in Arizona and Illinois "
        "can be traced to the Russian government or hackers sanctioned by it.",
        "indirect", "told", "it is clear from publicly disclosed information that computer "
        "hacking of the Democratic National Committee, the Democratic Congressional Campaign "
        "Committee and state election offices in Arizona and Illinois can be traced to the "
        "Russian government or hackers sanctioned by it",
        id="one-content-parsed-as-two-complements",
    ),
    # AllSides (2013): the programme one spoke on, which the parse reads as a clause ("Face
    # the Nation"), is not what was said
    pytest.param(
        "Boston Police Commissioner Ed Davis told CBS\u2019 \u201cFace the Nation\u201d that the "
        "younger brother was in serious condition and under heavy guard at a Boston hospital.",
        "indirect", "told", "the younger brother was in serious condition and under heavy guard "
        "at a Boston hospital",
        id="a-programme-parsed-as-a-clause",
    ),
]


@pytest.mark.parametrize(("text", "kind", "cue", "quoted"), CONTENTS)
def test_reported_content(analyse, text, kind, cue, quoted):
    quote = only_quote(analyse(text))
    assert (quote["kind"], quote["cue"], quote["text"]) == (kind, cue, quoted)
    assert quote["text"] == text[quote["start"] : quote["end"]]


def test_a_cue_after_a_quote_that_reports_its_own_clause_is_not_the_quotes(analyse):
    text = ('Charlotte Mayor Jennifer Roberts said Friday that she thinks the video should be '
            'released but said "the question is the timing." Gov. Pat McCrory (R) said it would '
            'be "improper" for him to speak on whether the video should be released while the '
            'investigation is ongoing.')
    found = [(q["kind"], q["text"], q["speaker"]["name"]) for q in analyse(text)["quotes"]]
    assert found == [
        ("indirect", "she thinks the video should be released", "Jennifer Roberts"),
        ("direct", "the question is the timing.", "Jennifer Roberts"),
        ("mixed", 'it would be "improper" for him to speak on whether the video should be '
         "released while the investigation is ongoing", "Gov. Pat McCrory"),
    ]


def test_a_cue_reports_the_content_before_the_direct_quote_it_took(analyse):
    text = ("Sen. Bilirakis spoke in Tampa on Monday. She added that most of the black vote in "
            "Florida seems more anti-Trump than pro-Clinton, which is a problem because, “In the "
            "end, we don’t vote against somebody. We vote for somebody.”")
    found = {(q["kind"], q["text"]) for q in analyse(text)["quotes"] if q["cue"] == "added"}
    assert ("direct", "In the end, we don’t vote against somebody. We vote for somebody.") in found
    assert ("mixed", "most of the black vote in Florida seems more anti-Trump than pro-Clinton, "
            "which is a problem because, “In the end, we don’t vote against somebody. We vote "
            "for somebody.”") in found


def test_a_writers_own_clause_after_the_content_is_not_more_content(analyse):
    text = ("McAuliffe has said about 20 people have indicated an interest in the seat, but he "
            "refuses to discuss potential appointees, aside from saying he wants a diverse "
            "congressional delegation.")
    said = next(q for q in analyse(text)["quotes"] if q["cue"] == "said")
    assert said["text"] == "about 20 people have indicated an interest in the seat"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("“We have tried everything,” Sergei Lavrov said. “Nobody listened.”",
         ["We have tried everything", "Nobody listened."]),
        ("“We have tried everything,” Sergei Lavrov said, “and nobody listened.”",
         ["We have tried everything", "and nobody listened."]),
    ],
)
def test_interrupted_quote_text_holds_only_the_quoted_parts(analyse, text, parts):
    quote = only_quote(analyse(text))
    assert quote["text"] == " … ".join(parts)
    assert quote["speaker"]["name"] == "Sergei Lavrov"
    assert [text[f["start"] : f["end"]] for f in quote["fragments"]] == parts
    assert (quote["start"], quote["end"]) == (1, len(text) - 1)


def test_quoted_programme_after_the_cue_is_no_quote(analyse):
    text = "“I think Iran is wrong on this,” Sen. Dianne Feinstein told “Fox News Sunday.”"
    quote = only_quote(analyse(text))
    assert (quote["text"], quote["speaker"]["name"]) == (
        "I think Iran is wrong on this", "Dianne Feinstein")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("J Street, a lobbying group, issued a statement saying, “Critics should oppose the "
         "policies.”", "J Street"),
        ("According to a Pentagon statement, Soleimani was planning attacks on diplomats.",
         "Pentagon"),
        ("A statement from Stena Bulk, which owns the seized tanker, said the ship had 23 crew "
         "members aboard when it was seized.", "Stena Bulk"),
        ("But the goal is not revenue; it's supposed to curb ''activist'' investors and "
         "others focused on short-term results, according to a speech Mrs. Clinton delivered "
         "at New York University in July 2015.", "Clinton"),
        ("The agreement says that Iran may enrich uranium to 3.67 percent.", None),
        ("A letter sent to Senator Chuck Grassley said that 38 people were culpable.", None),
    ],
)
def test_a_text_is_no_speaker_its_author_is(analyse, text, speaker):
    found = only_quote(analyse(text))["speaker"]
    assert (found["name"] if found else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "In July, the Kremlin met the envoy.",
        "The plan was announced on Monday.",
        "Sergei Lavrov told reporters.",
        "Asked to describe the device, the officer declined.",
        "And in case you’re wondering how many minutes the networks have spent this year on "
        "the Clinton Foundation, the answer is none.",
        # a purpose clause the parse made the cue's complement
        "On Monday, attorneys general from sixteen states filed a combined lawsuit against the "
        "state of emergency United States President Donald Trump declared last Friday so he "
        "could fund a wall on the U.S.-Mexican border.",
        # "recall" + a noun: withdrawing or remembering, not a report
        "Cairo recalled its ambassador in response to the military operation, which began "
        "just days after Israel was drawn into Syria's civil war.",
        # a text already known as the object: a reference to it, not its content
        "No administration of either party has truly acknowledged the resolution since its "
        "adoption in 1974.",
    ],
)
def test_no_quote_without_reported_content(analyse, text):
    assert analyse(text)["quotes"] == []


def test_the_text_is_by_who_signed_it(analyse):
    text = ("The decree signed by the Pope read \"The crimes of sexual abuse offend Our Lord.\" "
            "The decree also mentions establishing a system to keep the identity of the victims "
            "confidential.")
    found = next(q for q in analyse(text)["quotes"] if q["cue"] == "mentions")
    assert (found["text"], found["speaker"]["name"]) == (
        "establishing a system to keep the identity of the victims confidential", "the Pope")


def test_a_quote_introduced_before_keeps_its_cue_over_the_next_sentences(analyse):
    text = ("Speaking about the movie, the topmost senior Polish archbishop Wojciech Polak said, "
            "\"I am deeply disturbed by what I saw in Tomasz Sekielski's film.\"  Calling it "
            "as \"just another apology\", Anna Franowska of \"Have no fear\", an abuse victim "
            "support charity, told Reuters \"it almost appears as if the statement was prepared "
            "before the church officials saw the movie\".")
    found = analyse(text)["quotes"][0]
    assert (found["text"], found["cue"], found["speaker"]["name"]) == (
        "I am deeply disturbed by what I saw in Tomasz Sekielski's film.", "said",
        "Wojciech Polak")


def test_content_opening_inside_a_direct_quote_is_no_new_quote(analyse):
    """ "concludes" would report “That makes me smart,” when …: words Trump's "saying" has."""
    text = ("The spot concludes with footage of Trump saying during the debate last week, "
            "“That makes me smart,” when Clinton blasted him for not paying income tax.")
    found = [(q["text"], q["cue"], q["speaker"]["name"]) for q in analyse(text)["quotes"]]
    assert found == [("That makes me smart", "saying", "Trump")]


def test_a_cue_in_quoted_words_reports_nothing_outside_them(analyse):
    """ "according to its own website" is the report's words: its content is not the
    writer's sentence around the quotation."""
    text = ("Goldman Sachs holds $28.6 billion offshore, and the report says the company "
            "''reports having 987 subsidiaries in offshore tax havens, 537 of which are in the "
            "Cayman Islands despite not operating a single legitimate office in that country, "
            "according to its own website.''")
    found = [(q["cue"], q["speaker"]["name"]) for q in analyse(text)["quotes"]]
    assert found == [("says", "the report"), ("reports", "the company")]


def test_speaker_is_an_entity_of_the_article(analyse):
    result = analyse("“We will not back down,” Foreign Minister Sergei Lavrov said on Monday.")
    entity = only_quote(result)["speaker"]["entity"]
    assert entity in {e["id"] for e in result["entities"] if e["name"] == "Sergei Lavrov"}


def test_speaker_without_entity_is_the_noun_phrase(analyse):
    quote = only_quote(analyse("“The bridge is closed,” a witness said."))
    assert quote["speaker"] == {"entity": None, "name": "a witness", "code": None,
                                "country": None}


def test_next_paragraph_quote_continues_the_speaker(analyse):
    quotes = analyse("“We will win,” Sergei Lavrov said.\n\n“Nobody can stop us.”")["quotes"]
    assert [(q["text"], q["speaker"]["name"]) for q in quotes] == [
        ("We will win", "Sergei Lavrov"), ("Nobody can stop us.", "Sergei Lavrov")
    ]


def test_heading_in_other_marks_is_no_continuation(analyse):
    text = "“We will win,” Sergei Lavrov said.\n\n‘Heading Of A Section.’\n\nThe talks went on."
    assert [q["text"] for q in analyse(text)["quotes"]] == ["We will win"]


def test_odd_number_of_quote_marks_keeps_the_sound_quote(analyse):
    text = "He called the plan “a disaster and left the room. “We will win,” Sergei Lavrov said."
    quote = only_quote(analyse(text))
    assert (quote["text"], quote["speaker"]["name"]) == ("We will win", "Sergei Lavrov")


@pytest.mark.parametrize(
    "text",
    ['He said "', '"', "“", "”", 'She said "no', "“A” ” “ \" B", "\n\n“\n\n“x", "''"],
)
def test_stray_marks_never_raise(analyse, text):
    article = f"Sergei Lavrov spoke in Geneva. {text}"
    result = analyse(article)
    assert result.get("error") is None
    assert [e["name"] for e in result["entities"] if e["type"] == "PERSON"] == ["Sergei Lavrov"]
    # Whatever the marks pair into, every quote points at text that is there.
    for quote in result["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(article)
        assert article[quote["start"] : quote["end"]] == quote["text"]


# -- the seed article ---------------------------------------------------------------------

SEED_QUOTES = [
    pytest.param(
        "These are the first face-to-face talks", "direct", "TASS", [], id="tass-direct"
    ),
    pytest.param("his visit to Russia “continues", "mixed", "Arslan Khalid",
                 ["continues as per plan"], id="khalid-mixed"),
    pytest.param("the US has communicated its position", "mixed", "Ned Price",
                 ["renewed invasion", "responsibility"], id="price-mixed"),
    pytest.param("Well, we’re certainly aware of the trip", "direct", "Ned Price",
                 ["Well, we’re certainly aware of the trip",
                  "We’ve communicated to Pakistan our position regarding Russia’s further renewed "
                  "invasion of Ukraine, and we have briefed them on our efforts to pursue "
                  "diplomacy over war."],
                 id="price-direct-interrupted"),
    pytest.param("We believe it’s the responsibility", "direct", "Ned Price", [],
                 id="price-direct-he-said"),
]


@pytest.mark.parametrize(("opening", "kind", "speaker", "fragments"), SEED_QUOTES)
def test_seed_quote(seed_analysis, opening, kind, speaker, fragments):
    text = seed_analysis["article"]["text"]
    matches = [q for q in seed_analysis["quotes"] if q["text"].startswith(opening)]
    assert len(matches) == 1
    quote = matches[0]
    assert (quote["kind"], quote["speaker"]["name"]) == (kind, speaker)
    assert [text[f["start"] : f["end"]] for f in quote["fragments"]] == fragments
    assert quote["speaker"]["entity"] in {e["id"] for e in seed_analysis["entities"]}


def test_seed_offsets_index_the_text(seed_analysis):
    text = seed_analysis["article"]["text"]
    for quote in seed_analysis["quotes"]:
        parts = [text[f["start"] : f["end"]] for f in quote["fragments"]]
        if quote["kind"] == "direct" and parts:
            assert quote["text"] == " … ".join(parts)
        else:
            assert text[quote["start"] : quote["end"]] == quote["text"]
        assert all(quote["start"] <= f["start"] < f["end"] <= quote["end"]
                   for f in quote["fragments"])


def test_seed_quote_text_excludes_marks(seed_analysis):
    text = seed_analysis["article"]["text"]
    tass = next(q for q in seed_analysis["quotes"] if q["speaker"]["name"] == "TASS"
                and q["kind"] == "direct")
    assert text[tass["start"] - 1] == "“" and text[tass["end"] + 1] == "”"


# -- quotation marks (no parse) -----------------------------------------------------------

MARKS = [
    pytest.param("“Yes,” he said.", ["Yes,"], id="curly"),
    pytest.param('"Yes," he said.', ["Yes,"], id="straight"),
    pytest.param("''Yes,'' he said.", ["Yes,"], id="doubled-apostrophes"),
    pytest.param("He said ‘no’ twice.", ["no"], id="single-curly"),
    pytest.param("He said 'no' twice.", ["no"], id="single-straight"),
    pytest.param("We’re sure it’s Khan’s car.", [], id="apostrophes-are-not-marks"),
    pytest.param("Obama's aides and the Khans' house", [], id="straight-apostrophes-are-not-marks"),
    pytest.param("“One.\n\n“Two.”", ["One.\n\n“Two."], id="continues-over-paragraphs"),
    pytest.param("“One.\n\nTwo.” “Three.”", ["Three."], id="unclosed-paragraph-dropped"),
    pytest.param("“A “B” C", ["B"], id="unclosed-before-a-pair"),
    pytest.param("A” B “C”", ["C"], id="stray-close"),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quoted_spans(text, expected):
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == expected


def test_a_colon_after_that_introduces_the_quotation(analyse):
    text = ("United Nations Secretary-General Ban Ki-moon is already there. Reuters reports that:"
            "\n\n\"Ban met Egyptian officials in Cairo on Tuesday and will travel to Jerusalem on "
            "Wednesday.\"")
    found = only_quote(analyse(text))
    assert (found["kind"], found["text"], found["speaker"]["name"]) == (
        "direct", "Ban met Egyptian officials in Cairo on Tuesday and will travel to Jerusalem "
        "on Wednesday.", "Reuters")


def test_a_call_made_on_a_day_is_for_what_follows(analyse):
    text = ("Sen. John McCain and two other Republican colleagues on Wednesday called for the "
            "creation of a \"select committee\" to investigate Benghazi.")
    found = only_quote(analyse(text))
    assert (found["text"], found["speaker"]["name"]) == (
        "the creation of a \"select committee\" to investigate Benghazi", "John McCain")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mr. Kerry noted the speech Mr. Obama made during the memorial service.", None),
        ("The state media described Morsi's decree as a \"corrective revolution,\" and "
         "supporters presented the move as the only way to break through the deadlock.",
         "Morsi's decree as a \"corrective revolution,\""),
        ("Former Secretary of Defense Leon Panetta announced plans to deploy a second radar.",
         "plans to deploy a second radar"),
        ("Donald Trump mentioned refinancing student loans.", "refinancing student loans"),
    ],
)
def test_a_noun_object_reports_unless_it_is_a_known_text(analyse, text, content):
    quotes = analyse(text)["quotes"]
    assert [q["text"] for q in quotes] == ([content] if content else [])


def test_acknowledging_a_known_text_reports_nothing_of_it(analyse):
    text = ("Officials tell CNN that in his communication with Zawahiri, Wuhayshi laid out a plan "
            "for a plot and then Zawahiri acknowledged the communication.")
    assert [(q["cue"], q["speaker"]["name"]) for q in analyse(text)["quotes"]] == [
        ("tell", "Officials")]


def test_a_relative_clause_after_quoted_words_is_the_writers(analyse):
    text = ("On the other, he referred to it as a “sustained reduction in violence,” which "
            "suggests it’ll be something less than a complete ceasefire.")
    assert analyse(text)["quotes"] == []


def test_reported_content_stops_before_a_comment_on_its_quoted_words(analyse):
    text = ("What makes this situation even scarier: Israel says it is “fully prepared for "
            "further action,” which means things could get worse.")
    found = only_quote(analyse(text))
    assert (found["text"], found["speaker"]["name"]) == (
        "it is “fully prepared for further action,”", "Israel")


def test_a_second_attribution_is_who_relayed_the_report_not_what_was_said(analyse):
    # AllSides corpus, 2015-05-10 (Yemen cease-fire): the military said it; the AP relayed it
    text = ("A Moroccan F-16 fighter jet taking part in the coalition went missing Sunday, "
            "the country's military said Monday, the Associated Press reported.")
    quotes = {q["speaker"]["name"]: q["text"] for q in analyse(text)["quotes"]}
    assert quotes == {
        "the country's military":
            "A Moroccan F-16 fighter jet taking part in the coalition went missing Sunday",
        "Associated Press": "A Moroccan F-16 fighter jet taking part in the coalition went "
                            "missing Sunday, the country's military said Monday",
    }


@pytest.mark.parametrize(("text", "quotes"), [
    # AllSides corpus, 2015-04-05: the agreement withholds the plutonium; Obama says so
    ("Obama said the agreement would deny Iran the plutonium and enriched uranium needed "
     "to build a nuclear weapon.",
     [("Obama", "the agreement would deny Iran the plutonium and enriched uranium needed to "
                "build a nuclear weapon")]),
    ("The court denied him bail.", []),
    ("Officials denied the report.", [("Officials", "the report")]),
])
def test_a_cue_verb_with_two_objects_gives_or_withholds_and_reports_nothing(
    analyse, text, quotes
):
    found = [((q["speaker"] or {}).get("name"), q["text"]) for q in analyse(text)["quotes"]]
    assert found == quotes


def test_the_us_as_subject_of_reported_content_is_no_object_pronoun(analyse):
    # AllSides corpus, 2015-08-13 (Kerry in Havana)
    text = ("The US has not invited to Friday’s flag-raising ceremony any of the political "
            "dissidents it has worked with for years to foster political change in Cuba, "
            "State Department officials confirmed Wednesday.")
    found = only_quote(analyse(text))
    assert found["speaker"]["name"] == "State Department officials"
    assert found["text"].startswith("The US has not invited to Friday’s flag-raising ceremony")


def test_a_claim_about_an_object_pronoun_is_reported(analyse):
    # Wikinews (examples/wikinews.jsonl), Tsikhanouskaya's rally in Minsk
    text = ("Within roughly a day before the event, Belarusian KGB arrested 33 Russian "
            "individuals, claiming them to be mercenaries, who allegedly were preparing to "
            "organize \"terrorism\" in association with the election.")
    assert [q["text"][:28] for q in analyse(text)["quotes"]] == ["them to be mercenaries, who "]

"""Actor coding: codes, countries and roles at the article's date, on real sentences."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.coding import ActorCode, code_span
from newsgraph.extract.context import ArticleContext

SEED_CODES = [
    ("Imran Khan", "PAKGOV"),
    ("Vladimir Putin", "RUSGOV"),
    ("Joe Biden", "USAGOV"),
    ("Ned Price", "USAGOV"),
    ("Arslan Khalid", "PAKGOV"),
    ("Nawaz Sharif", "PAKELI"),
]
SPANS = [
    # (sentence, phrase, code, country, role)
    (
        "Western governments imposed sanctions on Russia.",
        "Western governments",
        "WSTGOV",
        None,
        "GOV",
    ),
    ("Egyptian police arrested 12 demonstrators.", "Egyptian police", "EGYCOP", "EGY", "COP"),
    ("Russian troops crossed the border.", "Russian troops", "RUSMIL", "RUS", "MIL"),
    (
        "The pipeline will be built with Russian companies.",
        "Russian companies",
        "RUSBUS",
        "RUS",
        "BUS",
    ),
    (
        "Khan cut short his visit, the Pakistani media reported.",
        "the Pakistani media",
        "PAKMED",
        "PAK",
        "MED",
    ),
    ("The UN condemned the attack.", "UN", "IGOUNO", None, "GOV"),
    ("NATO rejected the demand.", "NATO", "IGOWSTNAT", None, "GOV"),
    ("The EU imposed sanctions.", "EU", "IGOEUREEC", None, "GOV"),
    ("Students protested in the capital.", "Students", "EDU", None, "EDU"),
    ("Fijian rebels seized parliament.", "Fijian rebels", "FJIREB", "FJI", "REB"),
    ("Moroccan officials met the delegation.", "Moroccan officials", "MARGOV", "MAR", "GOV"),
]
CONTEXT = [
    # (sentence, published, person, code): a title in the text beats the dictionary
    # a description after the name: an apposition, or the complement of "be"/"become"
    ("Macron became the first French leader to visit Iran.", "2022-02-24", "Macron", "FRAGOV"),
    ("Tom Keller, the first German minister to visit the camp, laid a wreath.", "2022-02-24",
     "Tom Keller", "DEUGOV"),
    ("Pakistan Prime Minister Imran Khan arrived in Moscow.", "2022-02-24", "Imran Khan", "PAKGOV"),
    (
        "Opposition leader Nawaz Sharif criticised the budget.",
        "2015-01-01",
        "Nawaz Sharif",
        "PAKOPP",
    ),
    ("Former premier Nawaz Sharif travelled to Moscow.", "2015-01-01", "Nawaz Sharif", "PAKELI"),
    ("US President Joe Biden imposed sanctions.", "2022-02-24", "Joe Biden", "USAGOV"),
    (
        "Department of State Spokesperson Ned Price said the US was aware of the trip.",
        "2022-02-24",
        "Ned Price",
        "USAGOV",
    ),
]


def entity(result: dict, name: str) -> dict:
    found = [e for e in result["entities"] if e["name"] == name and e["type"] == "PERSON"]
    assert len(found) == 1, [e["name"] for e in result["entities"]]
    return found[0]


@pytest.mark.parametrize(("name", "code"), SEED_CODES)
def test_seed_people_are_one_entity_each_with_their_code(seed_analysis, name, code) -> None:
    assert entity(seed_analysis, name)["code"] == code


@pytest.mark.parametrize("name", ["TASS", "RT"])
def test_seed_state_media_are_russian_media(seed_analysis, name) -> None:
    coded = [
        (e["code"], e["country"], e["role"]) for e in seed_analysis["entities"] if e["name"] == name
    ]
    assert coded == [("RUSMED", "RUS", "MED")]


def test_seed_former_premier_is_not_government(seed_analysis) -> None:
    assert entity(seed_analysis, "Nawaz Sharif")["role"] == "ELI"


@pytest.mark.parametrize(
    ("sentence", "name", "published", "code"),
    [
        ("Nawaz Sharif visited Beijing on Monday.", "Nawaz Sharif", "2015-06-01", "PAKGOV"),
        ("Nawaz Sharif visited Beijing on Monday.", "Nawaz Sharif", "2019-06-01", "PAKELI"),
        (
            "Angela Merkel visited Paris on Monday to discuss the budget.",
            "Angela Merkel",
            "2015-06-01",
            "DEUGOV",
        ),
        (
            "Angela Merkel visited Paris on Monday to discuss the budget.",
            "Angela Merkel",
            "2023-06-01",
            "DEUELI",
        ),
    ],
)
def test_the_same_sentence_codes_by_the_date_of_office(
    analyse, sentence, name, published, code
) -> None:
    assert entity(analyse(sentence, published=published), name)["code"] == code


@pytest.mark.parametrize(("sentence", "published", "name", "code"), CONTEXT)
def test_a_title_in_the_text_beats_the_dictionary(analyse, sentence, published, name, code) -> None:
    assert entity(analyse(sentence, published=published), name)["code"] == code


@pytest.mark.parametrize(("sentence", "phrase", "code", "country", "role"), SPANS)
def test_code_span_codes_any_noun_phrase(pipeline, sentence, phrase, code, country, role) -> None:
    article = pipeline.make_article(sentence, published="2022-02-24")
    doc = pipeline.nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    context = ArticleContext.read(doc, article, pipeline.knowledge)
    assert code_span(span, context) == ActorCode(code, country, role)


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        ("Tehran rejected the proposal on Monday.", "Tehran", "IRNGOV"),
        ("Shona rebels attacked the Mozambique government on Monday.", "Shona rebels", "MOZREB"),
        ("The Hungarian and Romanian leaders signed the treaty.", "Romanian", "ROUGOV"),
    ],
)
def test_code_span_reads_the_sentence_around_it(pipeline, sentence, phrase, code) -> None:
    article = pipeline.make_article(sentence, published="2022-02-24")
    doc = pipeline.nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert code_span(span, ArticleContext.read(doc, article, pipeline.knowledge)).code == code


def test_code_span_returns_none_for_a_phrase_with_no_actor(pipeline) -> None:
    sentence = "The weather was fine on Monday."
    doc = pipeline.nlp(sentence)
    article = pipeline.make_article(sentence)
    assert code_span(doc[0:2], ArticleContext.read(doc, article, pipeline.knowledge)) is None


def test_a_role_without_a_country_takes_the_country_of_its_sentence(analyse) -> None:
    result = analyse(
        "Emergencies Minister Yevgeny Zinichev flew to the site, Russian officials said.",
        published="2019-01-02",
    )
    zinichev = [e for e in result["entities"] if e["name"] == "Yevgeny Zinichev"]
    assert [(e["code"], e["country"], e["role"]) for e in zinichev] == [("RUSGOV", "RUS", "GOV")]


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("The Philippine Senate approved the bill on Monday.", "Philippine Senate", "PHLLEG"),
        ("Back in 2018, the Argentine Senate rejected the bill.", "Argentine Senate", "ARGLEG"),
        # without another country, the dictionary's own stays
        ("The Senate approved the bill on Monday, the White House said.", "Senate", "USAGOVLEG"),
    ],
)
def test_an_institution_belongs_to_the_country_its_phrase_names(analyse, sentence, name, code):
    found = {e["name"]: e["code"] for e in analyse(sentence, published="2020-03-04")["entities"]}
    assert found[name] == code


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("Ethnic Hungarians rallied in Romania on Sunday.", "Hungarians", "ROUCVL"),
        ("Ethnic Russians protested in Latvia on Monday.", "Russians", "LVACVL"),
        ("Hungarians rallied in Romania on Sunday.", "Hungarians", "HUNCVL"),  # no "ethnic"
    ],
)
def test_an_ethnic_group_belongs_to_the_country_it_lives_in(analyse, sentence, name, code):
    found = {e["name"]: e["code"] for e in analyse(sentence, published="2020-03-04")["entities"]}
    assert found[name] == code


def test_an_ethnic_phrase_takes_the_country_of_its_sentence(pipeline) -> None:
    sentence = "Up to 300 ethnic Hungarians marched on Friday in Slovakia."
    article = pipeline.make_article(sentence, published="2020-03-04")
    doc = pipeline.nlp(sentence)
    start = sentence.index("ethnic Hungarians")
    span = doc.char_span(start, start + len("ethnic Hungarians"))
    assert code_span(span, ArticleContext.read(doc, article, pipeline.knowledge)).country == "SVK"


def test_a_country_is_known_by_its_official_name(analyse) -> None:
    sentence = "The Democratic People's Republic of Korea launched a missile on Sunday."
    found = {e["name"]: e["code"] for e in analyse(sentence, published="2020-03-04")["entities"]}
    assert found["Democratic People's Republic of Korea"] == "PRK"


@pytest.mark.parametrize(
    ("sentence", "phrase", "country"),
    [
        # what a verb acts on lends its country to no one
        ("The ministry posted a statement accusing Turkey of violating the ceasefire.",
         "The ministry", None),
        ("The Wagner Group deployed fighters to Mali.", "fighters", None),
        # a setting and a subject's own country still do
        ("President Omar El Bashir on Thursday shortened the curfew imposed in Sudan.",
         "President Omar El Bashir", "SDN"),
        ("The minister said Vietnam is committed to opening up the economy.", "The minister",
         "VNM"),
        # rebels fight their own state
        ("Shona rebels attacked the Mozambique government on Monday.", "Shona rebels", "MOZ"),
    ],
)
def test_a_country_is_not_borrowed_from_what_a_verb_acts_on(pipeline, sentence, phrase, country):
    article = pipeline.make_article(sentence, published="2020-03-04")
    doc = pipeline.nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    code = code_span(span, ArticleContext.read(doc, article, pipeline.knowledge))
    assert (code.country if code else None) == country


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        ("The African Union condemned the coup in Mali.", "The African Union", "IGOAFROAU"),
        ("Houthi rebels fired missiles at Saudi Arabia.", "Houthi", "YEMREB"),
        ("The Wagner Group deployed fighters to Mali.", "The Wagner Group", "RUSUAF"),
    ],
)
def test_regional_unions_and_armed_groups_are_known(pipeline, sentence, name, code):
    article = pipeline.make_article(sentence, published="2020-03-04")
    doc = pipeline.nlp(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert code_span(span, ArticleContext.read(doc, article, pipeline.knowledge)).code == code


@pytest.mark.parametrize("name", ["The Vatican", "Pope Francis"])
def test_the_holy_see_and_its_head_are_vat(analyse, name):
    result = analyse(f"{name} recognized the state of Palestine on Wednesday.")
    assert [e["code"] for e in result["entities"] if name.endswith(e["name"])] == ["VAT"]


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        # "David" is a town of Panama in the gazetteer, not the country of this facility.
        ("Obama will host Saudi King Salman at Camp David on Thursday.", "Camp David", None),
        (
            "Baghdad International Airport was closed on Monday.",
            "Baghdad International Airport",
            "IRQ",
        ),
    ],
)
def test_a_town_word_inside_a_facility_name_gives_it_no_country(analyse, sentence, name, code):
    result = analyse(sentence)
    assert [e["code"] for e in result["entities"] if e["name"] == name] == [code]


def test_a_role_takes_no_country_told_of_in_another_clause(analyse):
    # USA Today, 2013 (AllSides): the countries of the first clause (Russia, the United
    # States) are not the rebels'; the government they fight (Assad's) is.
    events = analyse(
        "The initial agreement on Syria's chemical weapons was hammered out between Russia "
        "and the United States after Assad's government used chemical weapons in August in "
        "a suburb where rebel forces were fighting government troops.",
        published="2013-10-27",
    )["events"]
    fighting = [e for e in events if e["cameo"] == "190"]
    assert [(e["source"]["code"], e["target"]["code"]) for e in fighting] == [
        ("SYRREB", "SYRMIL")
    ]


# AllSides (Fox News, 2013): the surname "Cantor" is no cantor (Phoenix: JEW), nor is
# any agent word that ends a person's name after a first name; a title before it still is.
@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        ("Eric Cantor said definitively that he plans to vote in favor of giving Obama "
         "authorization to use military force.", "Eric Cantor", None),
        ("Pope Francis met the Palestinian leader.", "Pope Francis", "VAT"),
    ],
)
def test_an_agent_word_as_a_surname_is_no_role(pipeline, sentence, phrase, code) -> None:
    article = pipeline.make_article(sentence, published="2013-09-04")
    doc = pipeline.nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    found = code_span(span, ArticleContext.read(doc, article, pipeline.knowledge))
    assert (found.code if found else None) == code


# AllSides (Fox News, 2014): "the troops" are the Pentagon's, told of two sentences before,
# not Iraq's (the Yazidi people they help); "the secretary of state" is Kerry's office, not
# Israel's (the country Kerry spoke of in another clause of the sentence).
@pytest.mark.parametrize(
    ("text", "published", "event"),
    [
        (
            "The Pentagon sent additional military planners to Iraq on Tuesday to figure out a "
            "way to rescue and relocate the tens of thousands of religious minorities trapped "
            "on a mountain by Islamic militants, senior U.S. officials said.\n\n"
            "A senior U.S. official told Fox News that 130 military personnel have arrived in "
            "Irbil for the job.\n\n"
            "The troops will work with State Department officials and USAID to develop plans "
            "to help the Yazidi people, a religious minority displaced on Sinjar Mountain.",
            "2014-08-13",
            ("033", "The troops", "USAMIL", "Yazidi", "IRQCVL", "intended"),
        ),
        (
            "John Kerry apologized Monday for warning last week that the lack of a two-state "
            "solution in the Middle East could lead to Israel becoming an \"apartheid state.\"\n\n"
            "At Monday's State Department press briefing, spokeswoman Jen Psaki made clear that "
            "Kerry believes Israel is \"a vibrant democracy with equal rights for its citizens,\" "
            "and noted the secretary of state was merely warning of the possible long-term "
            "consequences if a two-state solution couldn't be reached.",
            "2014-04-28",
            # a warning of what may come is a pessimistic comment, not a threat
            ("012", "the secretary", "USAGOV", None, None, "reported"),
        ),
    ],
)
def test_a_definite_role_takes_the_country_of_the_actor_told_of_before(
    analyse, text, published, event
) -> None:
    found = [
        (e["cameo"], e["source"]["name"], e["source"]["code"], (e["target"] or {}).get("name"),
         (e["target"] or {}).get("code"), e["factuality"])
        for e in analyse(text, published=published)["events"]
    ]
    assert event in found


def test_a_person_takes_no_country_from_a_far_clause(analyse) -> None:
    # AllSides (NewsBusters, 2016): Benghazi, inside the quoted column, is not the columnist's.
    result = analyse(
        "Dana Milbank and Ruth Marcus are both Yale-educated reporters-turned-columnists at "
        "The Washington Post.\n\nMilbank's whole column can be boiled down to this rebuttal of "
        "Trump's nickname: \"This isn't quite true: Though investigations into her activities "
        "have occupied much of the past 25 years, her accusers, on Whitewater to Benghazi, "
        "never really get the goods.\"",
        published="2016-05-31",
    )
    milbank = [e for e in result["entities"] if e["name"] == "Dana Milbank"]
    assert [(e["code"], e["country"], e["role"]) for e in milbank] == [("MED", None, "MED")]


def test_the_international_community_is_no_country(pipeline) -> None:
    # AllSides (Washington Times, 2017): not Iran's or the U.S.'s civilians.
    sentence = (
        "The U.S. slapped renewed sanctions on Iran last week after the country, considered a "
        "leading state sponsor of terrorism, defied the international community by conducting "
        "ballistic missile tests."
    )
    article = pipeline.make_article(sentence, published="2017-02-05")
    doc = pipeline.nlp(sentence)
    start = sentence.index("the international community")
    span = doc.char_span(start, start + len("the international community"))
    found = code_span(span, ArticleContext.read(doc, article, pipeline.knowledge))
    assert (found.code, found.country) == ("IGO", None)


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # AllSides (Fox News, 2013): Assad, whom they visited, is not the lawmakers' country.
        ("Hillary Clinton said that she and other lawmakers who visited Assad considered him "
         "a \"reformer.\"", "other lawmakers who visited Assad", ActorCode("LEG", None, "LEG")),
        # a place in the clause still tells where the actor is
        ("Thousands of refugees fleeing the war in Liberia crossed the border.",
         "refugees fleeing the war in Liberia", ActorCode("LBRREF", "LBR", "REF")),
    ],
)
def test_a_clause_on_an_actor_tells_only_where_it_is(pipeline, sentence, phrase, code) -> None:
    article = pipeline.make_article(sentence, published="2013-09-04")
    doc = pipeline.nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert code_span(span, ArticleContext.read(doc, article, pipeline.knowledge)) == code


def test_a_definite_group_is_the_armed_group_told_of_before(analyse) -> None:
    # AllSides (NPR, 2014): not "American journalists" (USAMED), the group that killed them.
    events = analyse(
        "'Justice Will Be Served,' Obama Warns The Islamic State\n\n"
        "Speaking in Estonia today, President Obama issued a warning to the extremist group "
        "that took responsibility for beheading two American journalists: \"We will not be "
        "intimidated,\" Obama said, according to Time.",
        published="2014-09-03",
    )["events"]
    warnings = [(e["source"]["code"], e["target"]["code"], e["factuality"])
                for e in events if e["cameo"] == "130" and e["target"]]
    assert ("USAGOV", "IMGMUSISI", "reported") in warnings
    assert all(target != "USAMED" for _, target, _ in warnings)


def test_a_majority_leader_is_a_legislator(analyse) -> None:
    # AllSides (Fox News, 2014): "Majority Leader" is the House's office, not a government's;
    # "(R-VA)" makes him an American one.
    result = analyse(
        "House Majority Leader Eric Cantor (R-VA) urged Kerry to apologize, saying that the "
        "secretary of state's remarks \"are extremely disappointing.\"",
        published="2014-04-28",
    )
    cantor = [e for e in result["entities"] if e["name"] == "Eric Cantor"]
    assert [(e["code"], e["country"], e["role"]) for e in cantor] == [("USALEG", "USA", "LEG")]


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        # AllSides corpus, 2015-04-05 (Netanyahu on the Iran deal)
        ("Republican members of Congress have expressed similar skepticism.", "Republican",
         "USALEG"),
        # AllSides corpus, 2013-05-13 (Benghazi hearings)
        ("Issa, who is leading Republicans' investigations into the attacks on a State "
         "Department consulate last September, said he wants to know more.", "Republicans",
         "USAPTY"),
        ("Top Democrats have joined the White House in condemning those tests.", "Democrats",
         "USAPTY"),
        ("Labour criticised the prime minister over the delay.", "Labour", "GBRPTY"),
        # a longer name keeps its own country; a generic one gets none from "Democrats"
        ("Germany's Social Democrats criticised Merkel.", "Social Democrats", "DEUPTY"),
        ("The Democratic Party of Japan criticized the government.",
         "Democratic Party of Japan", "JPNPTY"),
    ],
)
def test_party_names_carry_their_country(analyse, sentence, name, code):
    coded = {e["name"]: e["code"] for e in analyse(sentence)["entities"]}
    sources = {(e["source"] or {}).get("name"): (e["source"] or {}).get("code")
               for e in analyse(sentence)["events"]}
    assert sources.get(name, coded.get(name)) == code


@pytest.mark.parametrize(
    ("text", "published", "name", "code"),
    [
        # office holders after Phoenix's dictionaries end (2015)
        ("Kim Jong Un met Moon Jae-in on Friday.", "2018-04-27", "Kim Jong Un", "PRKGOV"),
        ("Kim Jong Un met Moon Jae-in on Friday.", "2018-04-27", "Moon Jae-in", "KORGOV"),
        # AllSides corpus, 2017-12-05: a past post told in passing does not undo the office
        ("Secretary of State Rex Tillerson visited Brussels on Tuesday. Tillerson, the former "
         "chief executive of Exxon Mobil, said his visit showed the strong commitment the U.S. "
         "has to the alliance.", "2017-12-05", "Rex Tillerson", "USAGOV"),
        ("Former President Barack Obama criticized the plan.", "2018-11-14", "Barack Obama",
         "USAELI"),
    ],
)
def test_office_holders_are_coded_by_the_office_they_hold_that_day(
    analyse, text, published, name, code
):
    coded = {e["name"]: e["code"] for e in analyse(text, published=published)["entities"]}
    assert coded[name] == code


def test_a_person_is_not_of_the_country_whose_act_is_done_to_them(analyse):
    # AllSides corpus, 2020-03-03
    text = ("Russia is reportedly again seeking to boost both President Trump and Senator "
            "Sanders, who was briefed by intelligence officials on the matter, according to "
            "the Washington Post.")
    coded = {e["name"]: e["code"] for e in analyse(text, published="2020-03-03")["entities"]}
    assert coded["Sanders"] == "USALEG"  # the Senator (names.tsv), not Russia's


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("The senator praised the Iran nuclear agreement.", "The senator", "LEG"),
        ("The minister criticized Russia's decision.", "The minister", "GOV"),
        # PLOVER dev set: a country qualifying another clause's object still tells the setting
        ("The fundamentalist Umma (Nation) party has said it will boycott Algeria's first "
         "multi-party elections unless the president agrees to step down.", "the president",
         "DZAGOV"),
    ],
)
def test_a_country_qualifying_what_the_actor_acts_on_is_not_its_country(
    analyse, text, name, code
):
    sources = {e["source"]["name"]: e["source"]["code"]
               for e in analyse(text, published="2015-04-05")["events"]}
    assert sources[name] == code


def test_hong_kongs_chief_executive_is_hong_kongs_government(analyse):
    # AllSides (2019): CAMEO codes Hong Kong as HKG; Phoenix had her as a Chinese minister.
    result = analyse(
        "The chief executive, Carrie Lam, announced the suspension of the extradition bill, and "
        "even offered an apology for its introduction.",
        published="2019-06-18",
    )
    assert [(e["name"], e["code"]) for e in result["entities"] if "Lam" in e["name"]] == [
        ("Carrie Lam", "HKGGOV")
    ]


@pytest.mark.parametrize(
    ("published", "sentence", "name"),
    [
        # AllSides (NYT, 2013): "of Georgia" is the state, not the country.
        ("2013-04-28", "Senator Saxby Chambliss, Republican of Georgia, who also serves on the "
         "Armed Services Committee, said on \u201cFace the Nation\u201d that he had spoken last "
         "week with King Abdullah II of Jordan about a no-fly zone.", "Saxby Chambliss"),
        # AllSides (2014): a party letter after the name.
        ("2014-04-21", 'Bob Corker (R) of Tennessee and Chris Murphy (D) of Connecticut said on '
         'NBC\u2019s "Meet the Press" that the US should impose sanctions on Russia\u2019s '
         "energy and banking sectors.", "Chris Murphy"),
    ],
    ids=["Republican of Georgia", "(D) of Connecticut"],
)
def test_a_us_party_marker_makes_an_american_legislator(analyse, published, sentence, name):
    entities = analyse(sentence, published=published)["entities"]
    assert [e["code"] for e in entities if e["name"] == name] == ["USALEG"]


def test_a_photo_captions_right_is_no_party_marker(analyse):
    # AllSides (2018): "(R)" is where he stands in the photo.
    entities = analyse(
        "North Korean leader Kim Jong Un (L) and South Korean President Moon Jae-in (R) after "
        "signing the Panmunjom Declaration for Peace, Prosperity and Unification of the Korean "
        "Peninsula on April 27, 2018 in Panmunjom, South Korea.", published="2018-04-28",
    )["entities"]
    assert [e["code"] for e in entities if e["name"].startswith("Moon")] == ["KORGOV"]

"""The pipeline end to end on the seed article: contract keys, ids, syndication."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.pipeline import parse_published

CONTRACT_KEYS = {"article", "entities", "events", "quotes", "places", "dates"}
ARTICLE_KEYS = {
    "id", "external_id", "url", "source", "title", "published", "language", "syndicated",
    "duplicate_of", "processed_with", "text",
}


def test_seed_article_has_every_contract_key(seed_analysis):
    assert set(seed_analysis) >= CONTRACT_KEYS
    assert set(seed_analysis["article"]) >= ARTICLE_KEYS
    assert set(seed_analysis["article"]["processed_with"]) == {"newsgraph", "model", "knowledge"}


def test_seed_article_is_syndicated_english_and_dated(seed_analysis):
    article = seed_analysis["article"]
    assert article["syndicated"] is True
    assert article["language"] == "en"
    assert article["published"] == "2022-02-24"


def test_seed_article_person_entities(seed_analysis):
    people = " | ".join(e["name"] for e in seed_analysis["entities"] if e["type"] == "PERSON")
    for name in ["Imran Khan", "Vladimir Putin", "Joe Biden", "Ned Price", "Nawaz Sharif"]:
        assert name in people


def test_mention_offsets_index_the_article_text(seed_analysis):
    text = seed_analysis["article"]["text"]
    for entity in seed_analysis["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_same_text_gives_same_ids(analyse):
    text = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."
    first, second = analyse(text), analyse(text)
    assert first["article"]["id"] == second["article"]["id"]
    assert [e["id"] for e in first["entities"]] == [e["id"] for e in second["entities"]]


def test_same_text_from_two_sources_is_two_articles(analyse):
    text = "Russian President Vladimir Putin met Pakistan Prime Minister Imran Khan in Moscow."
    assert analyse(text, source="A")["article"]["id"] != analyse(text, source="B")["article"]["id"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-02-24", "2022-02-24"), ("2022-02-24T10:00:00Z", "2022-02-24"), ("2022-02", "2022-02"),
     ("1999", "1999"), ("Feb 24, 2022", "2022-02-24"), (None, None), ("", None)],
)
def test_published_dates_are_normalised(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2022-13-45", "yesterday-ish", "not a date"])
def test_bad_published_dates_raise_input_error(value):
    with pytest.raises(InputError):
        parse_published(value)


def test_non_english_article_is_kept_without_records(analyse):
    text = ("Der russische Präsident Wladimir Putin hat am Donnerstag den pakistanischen "
            "Premierminister Imran Khan im Kreml empfangen. Die beiden sprachen über Energie.")
    result = analyse(text)
    assert result["article"]["language"] == "de"
    assert result["entities"] == [] and result["events"] == []
    assert "language" in result["note"]


@pytest.mark.parametrize(
    "text",
    ["Angela Merkel visited Paris on Monday.", "Putin met Khan.",
     "Israel accused Iran of plotting."],
)
def test_short_english_sentences_are_not_mistaken_for_another_language(analyse, text):
    result = analyse(text)
    assert result["article"]["language"] == "en"
    assert result["entities"]


def test_a_blank_line_ends_a_sentence(nlp):
    doc = nlp(
        "Putin meets Khan in Moscow today\n\nRussian President Vladimir Putin met Imran Khan."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Putin meets Khan in Moscow today",
        "Russian President Vladimir Putin met Imran Khan.",
    ]


def test_a_text_the_model_cannot_parse_fails_alone_not_its_batch(pipeline):
    texts = ["Russian President Vladimir Putin met Imran Khan in Moscow.",
             "Germany condemned the attack on the embassy in Kabul on Monday. " * 3,
             "The United Nations urged Israel and Hamas to agree to a ceasefire."]
    articles = [pipeline.make_article(text) for text in texts]
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 100  # the middle text is over spaCy's limit: E088 in nlp.pipe
    try:
        results = list(pipeline.analyse_many(articles))
    finally:
        pipeline.nlp.max_length = limit
    assert [bool(result.error) for result in results] == [False, True, False]
    assert results[1].error.startswith("parsing failed: [E088] Text of length 192 exceeds")
    names = {entity.name for entity in results[0].entities}
    assert {"Vladimir Putin", "Imran Khan", "Moscow"} <= names
    assert results[2].events


def test_a_text_over_the_hard_cap_is_refused_before_parsing(pipeline, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "100")
    with pytest.raises(InputError, match="text of 192 characters is over the limit of 100 "
                                         r"\(raise \$NEWSGRAPH_MAX_CHARS to analyse it\)"):
        pipeline.make_article("Germany condemned the attack on Monday in Kabul today. " * 3
                              + "x" * 27)


# The input bench/fuzz.py found (seed 17): a mutated wikinews passage with a lone surrogate
# (U+DC00) given straight to the pipeline, as `extract` or the Python API may be; article_id
# raised UnicodeEncodeError and the exception ended the whole analysis.
FUZZ_SURROGATE = (
    "\nAli Reza Raisi, spe\udc00aking for the\u2081country's Health Ministry, repo\u2f6fted "
    "yes\u0efaerday, \"The definite lat\u2611st numbers we ha\u2bd7e are 523\u0bc5new "
    "infect\u06f6ons and 12 ne\u1521 deaths so the total number of those infected until now "
    "is \u2bcd501 an\u0809 the number of deaths is 66\".")


def test_a_lone_surrogate_given_to_the_pipeline_is_replaced_not_raised(pipeline):
    from newsgraph.ingest import RawArticle
    from newsgraph.run.inputs import Defaults, analyse_inputs, input_id

    raw = RawArticle(origin="fuzz", text=FUZZ_SURROGATE, source="Wiki\ud83dnews")
    [result] = analyse_inputs([raw], pipeline)
    cleaned = FUZZ_SURROGATE.replace("\udc00", "\ufffd")
    assert result.article.text == cleaned and len(cleaned) == len(FUZZ_SURROGATE)
    assert result.article.source == "Wiki\ufffdnews"
    assert result.article.id == input_id(raw, Defaults())  # skip-by-id still finds it
    assert "Ali Reza Raisi" in {entity.name for entity in result.entities}
    assert result.error is None


def test_the_first_articles_keep_their_words_and_later_ones_parse_in_memory_zones(pipeline):
    from newsgraph.pipeline import Pipeline

    fresh = Pipeline(nlp=pipeline.nlp, knowledge=pipeline.knowledge, batch_size=1)
    fresh.unzoned = 1  # one article outside a zone, then zones
    strings = fresh.nlp.vocab.strings
    first = fresh.make_article("Mayor Ana Zorblattova opened the bridge in Kyiv on Monday.")
    later = fresh.make_article("Mayor Ana Quixlombova opened the bridge in Kyiv on Monday.")
    fresh.analyse(first)
    zoned = fresh.analyse(later)
    assert "Zorblattova" in strings  # kept: the tokenizer may cache it
    assert "Quixlombova" not in strings  # dropped with its zone
    # a zone changes nothing of the records: the same article outside any zone
    unzoned = Pipeline(nlp=pipeline.nlp, knowledge=pipeline.knowledge)
    assert unzoned.analyse(later) == zoned
    assert [e.name for e in zoned.entities] == ["Ana Quixlombova", "Kyiv"]

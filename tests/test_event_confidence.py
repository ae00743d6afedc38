"""Event confidence: the evidence a reader would check, weighed by the data file
``knowledge/data/events/confidence.tsv`` (real sentences in, the exact score out)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.confidence import FACTORS, FILE, Evidence, floor, load_weights
from newsgraph.knowledge import DEFAULT_DIRECTORY
from newsgraph.pipeline import Pipeline

WEIGHTS = load_weights(DEFAULT_DIRECTORY)


def evidence(**changed: str) -> Evidence:
    """A verb's default sense, asserted, between its own subject and object, both coded
    with a country, narrated, in a short span: the evidence of a plain report of an act."""
    plain = dict(frame="verb", factuality="asserted", source="own", source_code="specific",
                 target="specific", quoted="no", evidence="short")
    return Evidence(**{**plain, **changed})


# sentence -> (source, CAMEO code, target, the evidence a reader sees), one event each
CASES = {
    "asserted": (
        "Russian troops attacked Ukrainian soldiers near Kharkiv on Monday.",
        ("RUSMIL", "190", "UKRMIL"), evidence(),
    ),
    "negated": (
        "Russian troops did not attack Ukrainian soldiers near Kharkiv on Monday.",
        ("RUSMIL", "190", "UKRMIL"), evidence(factuality="negated"),
    ),
    "reported": (
        "Iranian Foreign Minister Javad Zarif said on Tuesday that Turkey attacked Kurdish "
        "civilians in Syria.",
        ("TUR", "190", "TURCVL"), evidence(factuality="reported"),
    ),
    "reported inside quotation marks": (
        'Iranian Foreign Minister Javad Zarif said on Tuesday: "Turkey attacked Kurdish '
        'civilians in Syria."',
        ("TUR", "190", "TURCVL"), evidence(factuality="reported", quoted="yes"),
    ),
    "a source found through a pronoun": (
        "Iran's foreign minister Javad Zarif arrived in Ankara on Tuesday. He criticized "
        "Turkey for its military operation in Syria.",
        ("IRNGOV", "111", "TUR"), evidence(source="pronoun"),
    ),
    "a PETRARCH frame, its subject shared with a coordinated verb": (
        "In late August, for instance, El Salvador broke its ties to Taiwan and established "
        "diplomatic relations with China.",
        ("SLV", "054", "CHN"), evidence(frame="petrarch", source="near"),
    ),
    "a preposition frame of ours": (
        "Iran's foreign minister Javad Zarif arrived in Ankara on Tuesday.",
        ("IRNGOV", "042", "TUR"), evidence(frame="prep"),
    ),
    "a target described by a common noun": (
        "Iraqi police arrested 37 people in Baghdad on Monday.",
        ("IRQCOP", "173", "IRQCVL"), evidence(target="described"),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_confidence_weighs_what_a_reader_checks(analyse, name):
    text, (source, code, target), seen = CASES[name]
    events = [e for e in analyse(text, published="2020-01-01")["events"] if e["cameo"] == code]
    assert [(e["source"]["code"], e["target"]["code"]) for e in events] == [(source, target)]
    assert events[0]["confidence"] == seen.score(WEIGHTS)


def test_weaker_evidence_scores_lower():
    score = {name: CASES[name][2].score(WEIGHTS) for name in CASES}
    assert score["asserted"] > score["reported"] > score["reported inside quotation marks"]
    assert score["asserted"] > score["a source found through a pronoun"] > score["negated"]
    assert score["a preposition frame of ours"] > score["asserted"]
    assert score["asserted"] > score["a target described by a common noun"]


def test_the_weights_file_gives_every_factor_a_weight_in_range():
    assert set(WEIGHTS) == set(FACTORS)
    for factor, values in FACTORS.items():
        assert set(WEIGHTS[factor]) == set(values), factor
        assert all(0 < w <= 1 for w in WEIGHTS[factor].values()), factor
    best = WEIGHTS["base"]["-"]
    for factor in FACTORS:
        best *= max(WEIGHTS[factor].values())
    assert best <= 1.0


@pytest.mark.parametrize(
    ("row", "message"),
    [("frame\tverb\thigh\tx", "weight of frame verb is not a number"),
     ("frame\tverb\t1.5\tx", "weight of frame verb is not in (0, 1]"),
     ("frame\tadverb\t0.5\tx", "unknown factor value 'frame' 'adverb'")],
)
def test_a_bad_weights_file_is_refused_naming_the_file(tmp_path, row, message):
    path = tmp_path / FILE
    path.parent.mkdir(parents=True)
    lines = (DEFAULT_DIRECTORY / FILE).read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, row]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        load_weights(tmp_path)
    assert str(path) in str(raised.value) and message in str(raised.value)


def test_a_missing_weight_is_refused(tmp_path):
    path = tmp_path / FILE
    path.parent.mkdir(parents=True)
    lines = (DEFAULT_DIRECTORY / FILE).read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(r for r in lines if not r.startswith("target\tplace")) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="no weight for target place"):
        load_weights(tmp_path)


def test_an_event_below_the_floor_is_not_stored_unless_the_floor_is_lowered(
    pipeline, every_reading
):
    """Precision over volume: a demand by a role without its country, read from a reported
    clause far from its source, scores 0.19, under the data file's floor (0.3), and is not
    stored; an analyst who lowers the floor (``every_reading``: a copy of the knowledge with
    the floor at 0.01) gets it back."""
    text = ("WHO director-general Tedros Adhanom Ghebreyesus said the name had to be easy to "
            "say and, to prevent stigma, it must not cite any specific person, animal or place.")

    def events(chosen: Pipeline) -> list[tuple]:
        analysis = chosen.analyse(chosen.make_article(text, published="2022-08-15"))
        return [(e.source.name, e.cameo, e.confidence) for e in analysis.events]

    assert floor(WEIGHTS) == 0.3
    assert events(pipeline) == []
    assert events(every_reading) == [("Tedros Adhanom Ghebreyesus", "100", 0.19)]

"""How far a reader can trust one event record: its ``confidence``.

A reader who checks an event looks at a few things, and so does the score: how specific the
pattern that coded it is (a dictionary verb + object frame, a bare verb, a light verb, an
event noun, a PETRARCH row), how it is told (asserted, reported, hypothetical, negated),
whether the source is the predicate's own argument or borrowed (a pronoun, a speaker, a
word three dependency arcs away), whether source and target are coded actors with a country
or only a role, whether the target is named (an entity of the article) or only described by
a common noun ("37 people", "a refugee camp in Jordan") or is only the place where it
happened, whether the predicate is inside quotation marks, and how far apart the evidence's
words lie.

``confidence = base x frame x factuality x source x source_code x target x quoted x evidence``,
one weight per factor from ``knowledge/data/events/confidence.tsv`` (numbers an analyst may
change). The weights were fitted on the tuning halves of the precision audit and of PLOVER
dev and on events of fresh articles judged for the purpose, weak ones included
(``bench/confidence_set.py``), and checked on the halves' other halves (``bench/audit.py``
prints precision by band; ``docs/notes/confidence.md``): higher bands are more precise, but
the score is a ranking, not a calibrated probability.

Precision over volume (DESIGN): an event whose confidence is below the data file's ``floor``
is not stored; fewer than half of such records were right on both halves of the audit. An
analyst who wants them sets the floor lower; one who wants fewer, surer events filters with
``newsgraph events --min-confidence``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsgraph.extract.actors.coding import arcs
from newsgraph.extract.events.arguments import Participant
from newsgraph.extract.events.predicates import Predicate
from newsgraph.extract.tree import Tree
from newsgraph.knowledge.tsv import read_tsv

FILE = Path("events") / "confidence.tsv"
PETRARCH = "petrarch_verbs"  # the origin of PETRARCH's dictionary rows
SPECIFIC_FRAMES = {"obj", "mod", "prep_word", "subj"}
NEAR_ARCS, LONG_EVIDENCE_WORDS = 2, 20
# Every factor and the values it must weigh (the data file must give each one).
FACTORS = {
    "base": ("-",),
    "floor": ("-",),  # not a factor: events less trusted than it are not stored
    "frame": ("pattern", "prep", "light", "verb", "noun", "petrarch"),
    "factuality": ("asserted", "intended", "expected", "hypothetical", "cancelled",
                   "reported", "negated"),
    "source": ("own", "near", "far", "pronoun"),
    "source_code": ("specific", "role", "uncoded"),
    "target": ("specific", "described", "role", "none", "place"),
    "quoted": ("yes", "no"),
    "evidence": ("long", "short"),
}
Weights = dict[str, dict[str, float]]
# Which of two readings of one act to keep is another question than how far to trust one
# (``build.unique``: "attacked Biden for …, accusing the family of …" is the attack, whose
# PETRARCH frame is less trusted than the bare "accuse"); it keeps session 6's ranking.
SPECIFIC_FRAME = {"pattern": 0.8, "prep": 0.7, "light": 0.75, "verb": 0.6, "petrarch": 0.6,
                  "noun": 0.55}
SPECIFIC_TELLING = {"negated": 0.5, "reported": 0.7, "expected": 0.7, "cancelled": 0.7}
SPECIFIC_SPAN_WORDS = 10


@lru_cache(maxsize=8)
def load_weights(directory: Path) -> Weights:
    """The weights of ``directory/events/confidence.tsv``; a ValueError naming the file and
    the problem when a weight is missing, unknown, or not a number in (0, 1]."""
    path = Path(directory) / FILE
    weights: Weights = {}
    for row in read_tsv(path):
        factor, value = row.get("factor", ""), row.get("value", "")
        if value not in FACTORS.get(factor, ()):
            raise ValueError(f"{path}: unknown factor value {factor!r} {value!r}")
        try:
            weight = float(row.get("weight", ""))
        except ValueError:
            raise ValueError(f"{path}: weight of {factor} {value} is not a number") from None
        if not 0.0 < weight <= 1.0:
            raise ValueError(f"{path}: weight of {factor} {value} is not in (0, 1]")
        weights.setdefault(factor, {})[value] = weight
    for factor, values in FACTORS.items():
        missing = [v for v in values if v not in weights.get(factor, {})]
        if missing:
            raise ValueError(f"{path}: no weight for {factor} {', '.join(missing)}")
    return weights


def floor(weights: Weights) -> float:
    """The least confidence an event must have to be stored (``floor`` in the data file)."""
    return weights["floor"]["-"]


class Evidence(NamedTuple):
    """What a reader looks at in one event record: one value per factor of ``FACTORS``."""

    frame: str
    factuality: str
    source: str
    source_code: str
    target: str
    quoted: str
    evidence: str

    def score(self, weights: Weights) -> float:
        """The confidence of a record with this evidence, rounded to two decimals."""
        value = weights["base"]["-"]
        for factor, level in zip(self._fields, self, strict=True):
            value *= weights[factor][level]
        return round(value, 2)


class Rater:
    """Rates the records of one predicate (its source–target pairs)."""

    def __init__(
        self, weights: Weights, predicate: Predicate, factuality: str, quoted: bool, kids: Tree
    ) -> None:
        self.weights, self.predicate, self.kids = weights, predicate, kids
        self.frame, self.factuality = frame_of(predicate), factuality
        self.quoted = "yes" if quoted else "no"

    def evidence(self, source: Participant, target: Participant | None, text: str) -> Evidence:
        """The evidence of the record of ``source`` and ``target``; ``text`` is its span."""
        return Evidence(
            frame=self.frame,
            factuality=self.factuality,
            source=self.link(source),
            source_code=code_of(source),
            target=target_of(target),
            quoted=self.quoted,
            evidence="long" if len(text.split()) > LONG_EVIDENCE_WORDS else "short",
        )

    def __call__(self, source: Participant, target: Participant | None, text: str) -> float:
        return self.evidence(source, target, text).score(self.weights)

    def specificity(self, source: Participant, target: Participant | None, text: str) -> float:
        """How specific this reading of the act is, to choose between two readings of it: the
        frame's kind, how directly the source is named (``Participant.quality``), a target,
        plainly told, in few words."""
        value = (
            SPECIFIC_FRAME[self.frame] * source.quality * (1.0 if target is not None else 0.9)
            * SPECIFIC_TELLING.get(self.factuality, 1.0)
            * (0.7 if len(text.split()) > SPECIFIC_SPAN_WORDS else 1.0)
        )
        return round(value, 2)

    def link(self, source: Participant) -> str:
        """How the source is tied to the predicate: its own argument, near, far, a pronoun."""
        kids = self.kids
        span = kids.char_span(source.head, source.head + 1) if source.head >= 0 else None
        if span is None:
            return "far"
        if kids.pos[span[0]] == "PRON":
            return "pronoun"
        claimant = self.predicate.claimant  # "Boko Haram claimed responsibility for the attack"
        verb = claimant.i if claimant is not None else self.predicate.head.i
        while claimant is None and kids.dep[verb] == "xcomp" and kids.head[verb] != verb:
            verb = kids.head[verb]  # "threatened to launch strikes": the threat's own subject
        apart = arcs(verb, span[0], kids)
        return "own" if apart <= 1 else "near" if apart <= NEAR_ARCS else "far"


def frame_of(predicate: Predicate) -> str:
    """How specific the pattern that coded the predicate is."""
    if predicate.kind in ("noun", "light"):
        return predicate.kind
    if predicate.pattern is not None and predicate.pattern.origin == PETRARCH:
        return "petrarch"
    if predicate.frame in SPECIFIC_FRAMES:
        return "pattern"
    return "prep" if predicate.frame == "prep" else "verb"


def code_of(source: Participant) -> str:
    if source.specific:
        return "specific"
    return "role" if source.ref.code else "uncoded"


def target_of(target: Participant | None) -> str:
    if target is None:
        return "none"
    if target.key.startswith("place:"):  # ``build.place_actor``: where a material act was done
        return "place"
    if not target.specific:
        return "role"
    # A target only described by a common noun ("37 people", "a refugee camp in Jordan"), no
    # entity of the article, takes its country from a modifier or from the story: a thing or
    # a place read as an actor, or people given the wrong country.
    return "specific" if target.ref.entity else "described"

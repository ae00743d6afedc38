"""Quote knowledge: cue verbs, source phrases, pronouns, honorifics, organisation and
document nouns, and the first names that tell a person's gender.

The lists live in ``data/quotes/*.tsv`` so an analyst can extend them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.knowledge.tsv import read_tsv


@dataclass(frozen=True, slots=True)
class QuoteKnowledge:
    """Everything the quote extractor reads from data files."""

    speech: frozenset[str]  # verb lemmas that report speech in any construction
    quote_only: frozenset[str]  # verb lemmas that are cues only beside quotation marks
    objects: frozenset[str]  # verb lemmas whose noun-phrase object can be the content
    sources: tuple[tuple[str, ...], ...]  # phrases naming a source: ("according", "to")
    pronouns: dict[str, tuple[frozenset[str], str | None]]  # he -> ({PERSON}, "male")
    honorifics: dict[str, str]  # mr -> male
    organisation_nouns: frozenset[str]  # agency, ministry: nouns an ORG name can head
    passive_speakers: frozenset[str] = frozenset()  # quote: "X was quoted as saying"
    document_nouns: frozenset[str] = frozenset()  # statement, letter: texts, not speakers
    source_nouns: frozenset[str] = frozenset()  # report, study: findings that speak
    first_names: dict[str, str] = field(default_factory=dict)  # hillary -> female
    kinship: dict[str, str | None] = field(default_factory=dict)  # wife -> female
    title_ranks: frozenset[str] = frozenset()  # vice, deputy: "Vice President" is another office
    aspect_verbs: frozenset[str] = frozenset()  # continue: "continued to call for" still reports
    sources_by_first: dict[str, tuple[tuple[str, ...], ...]] = field(init=False)

    def __post_init__(self) -> None:
        # Asked of every token: index the source phrases by their first word.
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.sources:
            by_first.setdefault(phrase[0], []).append(phrase)
        index = {first: tuple(phrases) for first, phrases in by_first.items()}
        object.__setattr__(self, "sources_by_first", index)

    def is_cue_lemma(self, lemma: str, beside_quote: bool = False) -> bool:
        """True for a verb lemma that attributes speech (or, beside a quote, a quote-only one)."""
        return lemma in self.speech or (beside_quote and lemma in self.quote_only)


def load_quotes(directory: Path) -> QuoteKnowledge:
    """Read ``directory/quotes/*.tsv``: cues, pronouns, honorifics, organisation and document
    nouns."""
    folder = Path(directory) / "quotes"
    cues = read_tsv(folder / "cues.tsv")
    pronouns = {
        row["pronoun"]: (
            frozenset(row["types"].split(",")),
            None if row["gender"] == "-" else row["gender"],
        )
        for row in read_tsv(folder / "pronouns.tsv")
    }
    return QuoteKnowledge(
        speech=frozenset(r["cue"] for r in cues if r["type"] == "speech"),
        quote_only=frozenset(r["cue"] for r in cues if r["type"] == "quote"),
        objects=frozenset(r["cue"] for r in cues if r["object"] == "yes"),
        sources=tuple(tuple(r["cue"].split()) for r in cues if r["type"] == "source"),
        pronouns=pronouns,
        honorifics={r["honorific"]: r["gender"] for r in read_tsv(folder / "honorifics.tsv")},
        organisation_nouns=frozenset(
            r["noun"] for r in read_tsv(folder / "organisation_nouns.tsv")
        ),
        passive_speakers=frozenset(r["cue"] for r in cues if r["type"] == "passive"),
        document_nouns=frozenset(r["noun"] for r in read_tsv(folder / "document_nouns.tsv")),
        source_nouns=frozenset(r["noun"] for r in read_tsv(folder / "source_nouns.tsv")),
        first_names={r["name"]: r["gender"] for r in read_tsv(folder / "first_names.tsv")},
        kinship={
            r["noun"]: None if r["gender"] == "-" else r["gender"]
            for r in read_tsv(folder / "kinship.tsv")
        },
        title_ranks=frozenset(r["word"] for r in read_tsv(folder / "title_ranks.tsv")),
        aspect_verbs=frozenset(r["verb"] for r in read_tsv(folder / "aspect_verbs.tsv")),
    )

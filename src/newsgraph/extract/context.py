"""ArticleContext: what every extractor reads of one article, derived once by the pipeline.

The parse (``doc``, and the ``tree`` read from it), the tokens as the actor dictionary reads
them, the quoted spans, the syndication notices and the publication day are read when the
article is parsed; the entities, their index and the pronouns they resolve are added after
the entities step (``with_entities``).
No extractor derives any of these again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc, Token

from newsgraph.extract.actors.home import home_country
from newsgraph.extract.actors.phrases import PhraseTable, read_table
from newsgraph.extract.index import EntityIndex
from newsgraph.extract.marks import QuotedSpan, find_quoted_spans
from newsgraph.extract.tree import Tree, tree_of
from newsgraph.hover_cards import hover_card_spans
from newsgraph.knowledge import Knowledge
from newsgraph.model import Article, Entity
from newsgraph.syndication import notice_spans
from newsgraph.video_teasers import video_teaser_spans


def published_day(published: str | None) -> date | None:
    """The publication date, with partial dates taken at their start ("2022-02" -> 1 Feb)."""
    if not published:
        return None
    parts = published.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2][:2]) if len(parts) > 2 else 1,
        )
    except ValueError:
        return None


class Referent(NamedTuple):
    """The entity a pronoun stands for; ``subject``: found as the subject of this or the
    previous sentence (or linked, or the speaker reporting it): the surer kind of answer.
    When no entity is meant but a phrase is ("show insiders … They said", "the report …
    it said"), ``entity`` is None and ``phrase`` is that phrase's head."""

    entity: Entity | None
    subject: bool
    phrase: Token | None = None


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """One parsed article and what the extractors share about it."""

    doc: Doc
    article: Article
    knowledge: Knowledge
    tree: Tree
    quoted: list[QuotedSpan]  # every quoted span, in text order (``marks``)
    # syndication notices, hover cards (``hover_cards``) and video teasers
    # (``video_teasers``): no event comes from them
    notices: list[tuple[int, int]]
    day: date | None  # the publication day; a partial date at its start
    exact_day: bool  # whether ``published`` names a whole day (relative dates need one)
    # The tokens as the actor dictionary reads them, and the actor coder's answers for this
    # article (its sentences' matches, its spans' codes): kept here, nowhere else.
    phrases: PhraseTable
    entities: list[Entity] = field(default_factory=list)
    index: EntityIndex = field(default_factory=lambda: EntityIndex([]))
    home_country: str | None = None  # the one country the story is about (``actors.home``)
    # Pronoun (its character offset) -> the entity it stands for, resolved once by the
    # entities step and read by quotes and events alike.
    referents: dict[int, Referent] = field(default_factory=dict)
    quote_starts: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, doc: Doc, article: Article, knowledge: Knowledge) -> ArticleContext:
        """The context of a freshly parsed article (before its entities are known)."""
        published = article.published
        quoted = find_quoted_spans(article.text)
        tree = tree_of(doc)
        return cls(
            doc=doc,
            article=article,
            knowledge=knowledge,
            tree=tree,
            phrases=read_table(tree, doc.text, knowledge.actors),
            quoted=quoted,
            quote_starts=[span.start for span in quoted],
            notices=(
                notice_spans(article.text) + hover_card_spans(article.text)
                + video_teaser_spans(article.text)
            ),
            day=published_day(published),
            exact_day=bool(published) and len(published) >= 10,
        )

    def with_entities(self, entities: list[Entity]) -> ArticleContext:
        """This context with the article's (coded) entities and their index."""
        return replace(
            self, entities=entities, index=EntityIndex(entities),
            home_country=home_country(entities),
        )

    def with_referents(self, referents: dict[int, Referent]) -> ArticleContext:
        """This context with its pronouns resolved (``entities.resolve_pronouns``)."""
        return replace(self, referents=referents)

    @property
    def text(self) -> str:
        return self.article.text

    def in_quote(self, offset: int) -> bool:
        """Whether a character offset lies inside a quoted span."""
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quoted[i].end

    def referent(self, pronoun: Token) -> Referent | None:
        """The entity a pronoun stands for, as the entities step resolved it."""
        return self.referents.get(pronoun.idx)

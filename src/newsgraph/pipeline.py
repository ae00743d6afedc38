"""Article -> Analysis: one parse per article, then every extractor in turn."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from datetime import date, datetime
from typing import TypeVar

import dateparser
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import __version__
from newsgraph.dedup import NearDuplicateIndex, signature
from newsgraph.errors import InputError
from newsgraph.extract import dates, entities, events, places, quotes
from newsgraph.extract.actors.coding import code_actors
from newsgraph.extract.context import ArticleContext
from newsgraph.extract.tree import drop_tree
from newsgraph.ids import article_id, content_hash
from newsgraph.ingest.guards import clean, clean_field, too_long
from newsgraph.knowledge import Knowledge
from newsgraph.long_texts import CHUNK_CHARS, parse_in_chunks
from newsgraph.model import Analysis, Article
from newsgraph.nlp import load_model, model_version
from newsgraph.syndication import is_syndicated

log = logging.getLogger(__name__)
T = TypeVar("T")

LANGUAGE_SAMPLE_CHARS = 2000
MIN_LANGUAGE_PROBABILITY = 0.5
# Articles a Pipeline parses before it parses in spaCy memory zones (``_analyse_batch``):
# their words stay in the vocabulary and the tokenizer's cache. 200 other AllSides articles
# cut tokenizing in zones from 3.0 s to 1.1 s CPU per 200 articles (~1/35 of their parse).
UNZONED_ARTICLES = 256
# Two far-apart "todays": a relative date ("yesterday", "3 days ago") reads differently.
RELATIVE_BASES = (datetime(2001, 3, 7), datetime(2019, 11, 23))
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ])")


def parse_published(value: str | None) -> str | None:
    """Normalise a publication date to ISO ``YYYY-MM-DD`` (partial ``YYYY-MM``/``YYYY`` kept).

    ISO values (with or without a time) are taken as written; other spellings
    ("Feb 24, 2022") go through dateparser. A value that is no date raises InputError,
    so a typo never becomes a guess.
    """
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    match = ISO_DATE.match(value)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise InputError(f"published date {value!r} is not a valid date") from None
        return match.group(0)
    readings = {
        dateparser.parse(value, settings={"STRICT_PARSING": True, "RELATIVE_BASE": base})
        for base in RELATIVE_BASES
    }
    if None in readings:
        raise InputError(f"published date {value!r} is not a date (expected YYYY-MM-DD)")
    if len(readings) > 1:
        # "yesterday" means another day on every run: results must not depend on the run's date
        raise InputError(f"published date {value!r} is relative (give YYYY-MM-DD)")
    return readings.pop().date().isoformat()


def detect_language(text: str, identifier: LanguageIdentifier, fallback: str) -> str:
    """ISO 639-1 code of the text's language (py3langid).

    Short texts (a headline, one sentence) often get no confident answer; then the
    detection is inconclusive and the ``fallback`` (the model's language) is kept.
    """
    language, probability = identifier.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language if probability >= MIN_LANGUAGE_PROBABILITY else fallback


def first_line(error: Exception) -> str:
    """An error's first line (spaCy's messages run over several)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


class Pipeline:
    """Turns articles into analyses. Holds the spaCy model and the knowledge; no global state."""

    def __init__(
        self,
        model: str | None = None,
        knowledge: Knowledge | None = None,
        batch_size: int = 16,
        nlp: Language | None = None,
        chunk_chars: int = CHUNK_CHARS,
    ) -> None:
        self.nlp = nlp or load_model(model)
        # Longer texts are parsed in paragraph-aligned chunks of at most this many characters.
        self.chunk_chars = min(chunk_chars, self.nlp.max_length // 2)
        self.knowledge = knowledge or Knowledge()
        self.batch_size = batch_size
        self.unzoned = UNZONED_ARTICLES  # articles still to parse outside a memory zone
        self.language = self.nlp.lang
        self.language_identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self.processed_with = {
            "newsgraph": __version__,
            "model": model_version(self.nlp),
            "knowledge": self.knowledge.fingerprint,
        }

    def make_article(
        self,
        text: str,
        *,
        external_id: str | None = None,
        url: str | None = None,
        source: str | None = None,
        title: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> Article:
        """Build an Article with its stable id, language and syndication flag.

        Lone surrogates and control characters are replaced one for one, as ingest does,
        so text from any caller can be hashed, analysed and stored.
        """
        text = clean(text) if text else text
        external_id, url, source, title, published = (
            clean_field(value) for value in (external_id, url, source, title, published))
        if not text or not text.strip():
            raise InputError("the text is empty")
        refused = too_long(len(text))  # the hard cap; below it long texts go in chunks
        if refused:
            raise InputError(refused)
        return Article(
            id=article_id(text, source, url),
            text=text,
            external_id=external_id,
            url=url,
            source=source,
            title=title,
            published=parse_published(published),
            language=language
            or detect_language(text, self.language_identifier, self.language),
            syndicated=is_syndicated(text),
            processed_with=dict(self.processed_with),
        )

    def analyse(self, article: Article) -> Analysis:
        """Analyse one article."""
        analysis = next(self.analyse_many([article]))
        assert isinstance(analysis, Analysis)
        return analysis

    def analyse_many(
        self, items: Iterable[Article | T], mark_duplicates: bool = True
    ) -> Iterator[Analysis | T]:
        """Analyse a stream of articles in order, parsing in batches with ``nlp.pipe``.

        Items that are not articles (e.g. ingest problems) pass through in place, so
        outputs stay aligned with inputs. With ``mark_duplicates``, copies of an earlier
        article's text (another outlet's copy of a wire story, exact or edited) are
        marked ``duplicate_of`` it and ``syndicated``. (A run leaves this to the store,
        which also knows the articles of earlier runs.)
        """
        seen: dict[str, str] = {}
        # only when marking: the LSH index's set-up costs 10-20 ms, paid per worker chunk
        near = NearDuplicateIndex() if mark_duplicates else None
        batch: list[Article | T] = []
        for item in items:
            if near is not None and isinstance(item, Article):
                item = self._mark_duplicate(item, seen, near)
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    @staticmethod
    def _mark_duplicate(article: Article, seen: dict[str, str], near: NearDuplicateIndex
                        ) -> Article:
        if article.duplicate_of is not None:
            return article
        first = seen.setdefault(content_hash(article.text), article.id)
        sig = signature(article.text)
        original = first if first != article.id else near.original_of(article.id, sig)
        near.add(article.id, sig, original)
        if original is None:
            return article
        return replace(article, duplicate_of=original, syndicated=True)

    def _parses(self, item: Article | T) -> bool:
        return isinstance(item, Article) and item.language == self.language

    def _analyse_batch(self, batch: list[Article | T]) -> Iterator[Analysis | T]:
        """The batch's results, in order. The words and lemmas its parses add to the model's
        vocabulary are dropped after it (spaCy's memory zone; the results hold plain
        strings), so a long run's memory does not grow with every new word it has seen.

        The first ``UNZONED_ARTICLES`` articles are parsed outside a zone: inside one the
        tokenizer caches nothing, so with no words of its own kept it splits every word
        afresh with its prefix/suffix/infix rules. What they leave (the common words,
        tokenized and cached) is a fixed amount, and it keeps later zones fast.
        """
        zone = self.nlp.memory_zone() if self.unzoned <= 0 else nullcontext()
        self.unzoned -= len(batch)
        with zone:
            results = list(self._analyse_in_zone(batch))
        yield from results

    def _analyse_in_zone(self, batch: list[Article | T]) -> Iterator[Analysis | T]:
        docs = iter(self._parse([item.text for item in batch if self._parses(item)]))
        for item in batch:
            if not isinstance(item, Article):
                yield item
            elif not self._parses(item):
                yield Analysis(
                    article=item,
                    note=(
                        f"language {item.language!r} is not the model's language "
                        f"{self.language!r}: stored without records"
                    ),
                )
            else:
                doc = next(docs)
                if isinstance(doc, Doc):
                    yield self._analyse_safely(doc, item)
                else:
                    yield Analysis(article=item, error=f"parsing failed: {first_line(doc)}")

    def _parse(self, texts: list[str]) -> list[Doc | Exception]:
        """The texts parsed together; when that fails, each alone, so one text the model
        cannot parse (too long, out of memory) fails alone, never its batch."""
        try:
            return list(self._parse_all(texts))
        except Exception:  # noqa: BLE001 - which text failed is found by parsing each
            log.warning("a batch of %d texts failed to parse: parsing each alone", len(texts))
        parsed: list[Doc | Exception] = []
        for text in texts:
            try:
                parsed.append(self._parse_one(text))
            except Exception as error:  # noqa: BLE001 - reported as this article's error
                parsed.append(error)
        return parsed

    def _parse_all(self, texts: list[str]) -> Iterator[Doc]:
        """Texts up to ``chunk_chars`` parsed in batches, longer ones in chunks, in order."""
        short = iter(self.nlp.pipe([text for text in texts if len(text) <= self.chunk_chars]))
        for text in texts:
            yield next(short) if len(text) <= self.chunk_chars else self._parse_one(text)

    def _parse_one(self, text: str) -> Doc:
        if len(text) <= self.chunk_chars:
            return self.nlp(text)
        return parse_in_chunks(self.nlp, text, self.chunk_chars)

    def _analyse_safely(self, doc: Doc, article: Article) -> Analysis:
        """An extractor bug on one article is logged and reported, never fatal to a batch.
        The Doc is done with afterwards: its Tree goes, so the Doc is freed at once."""
        try:
            return self.analyse_doc(doc, article)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
            log.exception("article %s: extraction failed", article.external_id or article.id)
            return Analysis(article=article, error=f"extraction failed: {error!r}")
        finally:
            drop_tree(doc)

    def read_context(self, doc: Doc, article: Article) -> ArticleContext:
        """The article's context: the parse read once, its coded entities and the pronouns
        they resolve (the entities and actors steps), for the extractors after them."""
        context = ArticleContext.read(doc, article, self.knowledge)
        found = code_actors(entities.extract_entities(context), context)
        context = context.with_entities(found)
        return context.with_referents(entities.resolve_pronouns(context))

    def analyse_doc(self, doc: Doc, article: Article) -> Analysis:
        """Run every extractor over an already parsed article."""
        context = self.read_context(doc, article)
        time_refs = dates.extract_dates(context)
        place_records = places.extract_places(context)
        quote_records = quotes.extract_quotes(context)
        event_records = events.extract_events(context, place_records, time_refs, quote_records)
        return Analysis(
            article=article,
            entities=context.entities,
            events=event_records,
            quotes=quote_records,
            places=place_records,
            dates=time_refs,
        )

"""The Tree reads a parse into lists; every answer it gives must be spaCy's own."""

from __future__ import annotations

import json
import random

import pytest

from newsgraph.extract.tree import Tree
from tests.conftest import REPO, SEED_ARTICLE


@pytest.fixture(scope="module")
def docs(nlp) -> list:
    """The seed article and the bundled Wikinews articles, parsed by the real model."""
    lines = (REPO / "examples" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [SEED_ARTICLE.read_text(encoding="utf-8")]
    texts += [json.loads(line)["text"] for line in lines[:6]]
    return list(nlp.pipe(texts))


def test_token_labels_are_spacy_labels(docs) -> None:
    for doc in docs:
        tree = Tree(doc)
        for token in doc:
            i = token.i
            assert tree.head[i] == token.head.i
            assert [c.i for c in tree(token)] == [c.i for c in token.children]
            assert (tree.pos[i], tree.dep[i], tree.tag[i]) == (token.pos_, token.dep_, token.tag_)
            assert (tree.lemma[i], tree.lower[i]) == (token.lemma_.lower(), token.lower_)
            assert tree.ent_type[i] == token.ent_type_
            assert tree.ent_iob[i] == {"": 0, "I": 1, "O": 2, "B": 3}[token.ent_iob_]
            assert (tree.starts[i], tree.ends[i]) == (token.idx, token.idx + len(token))


def test_conjuncts_and_sentences_are_spacy_ones(docs) -> None:
    for doc in docs:
        tree = Tree(doc)
        for token in doc:
            assert [c.i for c in tree.conjuncts(token)] == [c.i for c in token.conjuncts]
            assert tree.sentence(token.i) == (token.sent.start, token.sent.end)


def test_roots_and_character_spans_are_spacy_ones(docs) -> None:
    chooser = random.Random(7)
    for doc in docs:
        tree = Tree(doc)
        for _ in range(300):
            first = chooser.randrange(len(doc))
            end = chooser.randrange(first + 1, min(len(doc), first + 12) + 1)
            assert tree.root(first, end).i == doc[first:end].root.i
            start = chooser.randrange(len(doc.text))
            stop = chooser.randrange(start, min(len(doc.text), start + 40) + 1)
            span = doc.char_span(start, stop, alignment_mode="expand")
            expected = (span.start, span.end) if span is not None and len(span) else None
            assert tree.char_span(start, stop) == expected

"""The parse of a Doc read once, for the coders that walk it many times.

spaCy builds a new Token or Span object, and looks its strings up again, on every attribute
access; the actor and event coders ask for the same children, labels and lemmas over and
over. A ``Tree`` reads them into plain lists once per Doc; ``tree_of`` keeps it in the Doc's
``user_data``, so it dies with the Doc (no global state).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    TAG,
)
from spacy.tokens import Doc, Span, Token

# Dependencies that introduce a prepositional object (or a dative: "gave Pakistan aid").
PREPS = ("prep", "agent", "dative")
# Two-word prepositions whose object is who tells or what caused, never an argument.
NO_ARGUMENT_PREPS = frozenset({"according", "due", "owing", "thanks", "prior"})
TREE_KEY = "newsgraph.tree"


class Tree:
    """A document's parse read once: each token's dependency children, and the string
    attributes the coders read most. spaCy builds new Token objects on every ``.children``
    call and looks each string up again on every attribute access; the coders ask for the
    same ones many times. Index the lists by ``token.i``."""

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        self.kids: list[list[Token]] = [[] for _ in self.tokens]
        kids, tokens = self.kids, self.tokens
        table = doc.to_array(
            [HEAD, IDX, LENGTH, IS_PUNCT, IS_SPACE, ENT_IOB, POS, DEP, LEMMA, LOWER, TAG, ENT_TYPE]
        )
        heads = (table[:, 0].view("int64") + numpy.arange(len(tokens))).tolist()
        self.head: list[int] = heads
        for i, head in enumerate(heads):
            if head != i:
                kids[head].append(tokens[i])
        _, starts, lengths, punct, space, iob, *labels = table.T.tolist()
        self.starts: list[int] = starts  # character offsets of the tokens
        self.ends: list[int] = [s + n for s, n in zip(starts, lengths, strict=True)]
        self.bare: list[int] = [p | s for p, s in zip(punct, space, strict=True)]  # punct or space
        self.ent_iob: list[int] = iob  # 1 inside an entity, 3 at its start, 2 outside
        strings = doc.vocab.strings
        pos, dep, lemma, lower, tag, ent_type = ([strings[h] for h in c] for c in labels)
        self.pos: list[str] = pos
        self.dep: list[str] = dep
        self.lemma: list[str] = [word.lower() for word in lemma]  # lower-cased
        self.lower: list[str] = lower
        self.tag: list[str] = tag
        self.ent_type: list[str] = ent_type  # "" outside entities
        self._preps: dict[int, list[tuple[str, Token]]] = {}
        self._depths: list[int] | None = None
        self._doc = doc
        self._sentences: list[Span] | None = None
        self._sentence_starts: list[int] = []

    def __call__(self, token: Token) -> list[Token]:
        return self.kids[token.i]

    def with_dep(self, token: Token, labels: tuple[str, ...] | frozenset[str]) -> list[Token]:
        """The token's children whose dependency label is one of ``labels``."""
        dep = self.dep
        return [c for c in self.kids[token.i] if dep[c.i] in labels]

    def conjuncts(self, token: Token) -> list[Token]:
        """The token's coordinated words, as ``Token.conjuncts`` finds them, in text order."""
        dep, head, tokens = self.dep, self.head, self.tokens
        first = token.i
        while dep[first] == "conj" and head[first] != first:
            first = head[first]
        members, queue = [first], [first]
        for word in queue:
            for child in self.kids[word]:
                if child.i > word and dep[child.i] == "conj":
                    members.append(child.i)
                    queue.append(child.i)
        return [tokens[i] for i in members if i != token.i]

    def char_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens (first, end) that the characters [start, end) touch, as
        ``Doc.char_span(…, alignment_mode="expand")`` finds them; None when there are none."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return (first, last) if first < last else None

    def root(self, first: int, end: int) -> Token:
        """The syntactic head of the tokens [first, end), as ``Span.root`` finds it: a
        sentence root among them, else of the tokens whose head is outside, the one closest
        to its root (the first on a tie; a lone punctuation mark only as a last resort)."""
        head = self.head
        for i in range(first, end):
            if head[i] == i:
                return self.tokens[i]
        best, best_depth = first, len(head)
        for i in range(first, end):
            if first <= head[i] < end:
                continue
            depth = len(head) - 1 if self.bare[i] and not self.kids[i] else self.depth(i)
            if depth < best_depth:
                best, best_depth = i, depth
        return self.tokens[best]

    def depth(self, i: int) -> int:
        """How many heads up token i's sentence root is."""
        depths = self._depths
        if depths is None:
            depths = self._depths = [-1] * len(self.head)
        if depths[i] < 0:
            depth, current, head = 0, i, self.head
            while head[current] != current:
                current = head[current]
                depth += 1
            depths[i] = depth
        return depths[i]

    def sentences(self) -> list[Span]:
        """The parser's sentences (``Doc.sents``), read once."""
        if self._sentences is None:
            self._sentences = list(self._doc.sents)
            self._sentence_starts = [s.start for s in self._sentences]
        return self._sentences

    def sentence(self, i: int) -> tuple[int, int]:
        """The tokens (first, end) of the parser's sentence that token i is in, as
        ``Token.sent`` finds it."""
        sentence = self.sentences()[bisect_right(self._sentence_starts, i) - 1]
        return sentence.start, sentence.end

    def preps(self, token: Token) -> list[tuple[str, Token]]:
        """(preposition, object) pairs below a token: "on Russia", "by Burundian militiamen";
        not a source or cause ("according to the BBC", "due to the storm");
        a dative noun counts as "to" ("gave Pakistan aid"); a particle's preposition counts
        as the verb's ("pulled out of the summit" -> "of"). Read once per token."""
        found = self._preps.get(token.i)
        if found is None:
            found = self._preps[token.i] = []
            dep, kids = self.dep, self.kids
            for child in kids[token.i]:
                label = dep[child.i]
                if self.lower[child.i] in NO_ARGUMENT_PREPS:
                    continue  # "withdrew riot police, according to the BBC": who tells
                if label in PREPS:
                    objects = [c for c in kids[child.i] if dep[c.i] in ("pobj", "pcomp")]
                    if not objects:  # "pulled out of the summit": the inner preposition's
                        inner = [c for c in kids[child.i] if dep[c.i] == "prep"]
                        if inner:
                            child = inner[0]
                            objects = [c for c in kids[child.i] if dep[c.i] == "pobj"]
                    if objects:
                        found.append((self.lower[child.i], objects[0]))
                    elif label == "dative" and self.pos[child.i] in ("NOUN", "PROPN", "PRON"):
                        found.append(("to", child))
        return found


def tree_of(doc: Doc) -> Tree:
    """The Doc's ``Tree``, built once and kept in its ``user_data``."""
    tree = doc.user_data.get(TREE_KEY)
    if tree is None:
        tree = doc.user_data[TREE_KEY] = Tree(doc)
    return tree


def drop_tree(doc: Doc) -> None:
    """Forget the Doc's ``Tree``. It holds the Doc's tokens, which hold the Doc: a cycle
    that only the garbage collector frees, late and at a cost. Without it a finished Doc
    is freed as soon as its last reference goes."""
    doc.user_data.pop(TREE_KEY, None)

"""Near-duplicate articles: MinHash signatures over word shingles, matched with LSH (datasketch).

Pure: no I/O. The store keeps each article's signature; the writer asks a
``NearDuplicateIndex`` (built from the stored signatures, then kept current) which
article a new one copies, so the answer covers every run into that store.

A copy is judged on the whole text, headline line included:
- resemblance (estimated Jaccard of the shingle sets) of at least ``RESEMBLANCE``:
  a new headline, a notice added or a paragraph cut leave most shingles shared;
- or containment (share of the shorter text's shingles found in the longer one) of at
  least ``CONTAINMENT``, with a resemblance floor: a trimmed copy lies almost wholly
  inside its original. The floor keeps a short text that merely quotes a long one apart.

Two reports of one event by different writers share few five-word sequences, so they
stay apart. The thresholds were tuned on half of the AllSides syndicated pairs and of
the Helsinki near-duplicate set, and checked on the other halves (docs/notes/dedup.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
# datasketch's hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
RESEMBLANCE = 0.6
CONTAINMENT = 0.9
CONTAINMENT_FLOOR = 0.2
# LSH recalls candidates from this resemblance up; each candidate is then checked.
CANDIDATE_RESEMBLANCE = 0.2
# Texts shorter than this many shingles are matched only exactly (by content hash):
# a few sentences on one topic look alike by chance.
MIN_SHINGLES = 25

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash (``NUM_PERM`` 32-bit values) and how many distinct shingles it has."""

    shingles: int
    hashvalues: np.ndarray

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, shingles: int, data: bytes) -> Signature:
        return cls(shingles, np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def minhash(self) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)


def shingles(text: str, words: int = SHINGLE_WORDS) -> set[bytes]:
    """The distinct sequences of ``words`` lower-cased words (all of it when shorter)."""
    tokens = _WORD.findall(text.lower())
    count = max(1, len(tokens) - words + 1)
    return {" ".join(tokens[i:i + words]).encode("utf-8") for i in range(count)}


def signature(text: str) -> Signature:
    """The MinHash signature of a text's word shingles."""
    found = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(found))
    return Signature(len(found), minhash.hashvalues.copy())


def resemblance(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


def containment(a: Signature, b: Signature, jaccard: float) -> float:
    """Estimated share of the smaller set found in the larger, from the resemblance."""
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return min(1.0, shared / max(1, min(a.shingles, b.shingles)))


def is_copy(a: Signature, b: Signature) -> bool:
    """True when one text is a (possibly edited) copy of the other."""
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return False
    jaccard = resemblance(a, b)
    if jaccard >= RESEMBLANCE:
        return True
    return jaccard >= CONTAINMENT_FLOOR and containment(a, b, jaccard) >= CONTAINMENT


class NearDuplicateIndex:
    """Signatures of articles in the order they were first seen, with each one's original.

    ``original_of`` answers with the earliest-seen original a text copies, so the answer
    depends only on the order articles arrive in, never on timing.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_RESEMBLANCE, num_perm=NUM_PERM)
        self._signatures: dict[str, Signature] = {}
        self._order: dict[str, int] = {}
        self._root: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._order

    def add(self, key: str, sig: Signature, duplicate_of: str | None = None) -> None:
        """Remember an article (once): its signature and the original it copies, if any."""
        if key in self._order:
            return
        self._order[key] = len(self._order)
        self._signatures[key] = sig
        self._root[key] = self._root.get(duplicate_of, duplicate_of) if duplicate_of else key
        if sig.shingles >= MIN_SHINGLES:
            self._lsh.insert(key, sig.minhash())

    def original_of(self, key: str, sig: Signature) -> str | None:
        """The original of the earliest article seen before ``key`` that it copies, or None."""
        if sig.shingles < MIN_SHINGLES or not self._order:
            return None
        before = self._order.get(key, len(self._order))
        earlier = [other for other in self._lsh.query(sig.minhash())
                   if self._order[other] < before]
        for other in sorted(earlier, key=self._order.__getitem__):
            if is_copy(sig, self._signatures[other]):
                return self._root[other]
        return None

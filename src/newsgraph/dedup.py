"""Near-duplicate articles: MinHash signatures over word shingles, matched with LSH (datasketch's
scheme, computed here).

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

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

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
# The banding datasketch's MinHashLSH picks for that threshold and NUM_PERM (equal
# weights of false positives and negatives): 28 bands of 2 values.
BANDS, BAND_ROWS = 28, 2
# Texts shorter than this many shingles are matched only exactly (by content hash):
# a few sentences on one topic look alike by chance.
MIN_SHINGLES = 25

_WORD = re.compile(r"\w+")


def _affine32_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch 2's "affine32" permutations h -> a * h + b (mod 2**32), odd ``a``, drawn as
    its ``MinHash._init_permutations`` draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


# Computed here rather than by datasketch's MinHash: importing datasketch imports its LSH
# storage and, through it, scipy (2-3 s at every start of the command line and of each worker).
_A, _B = _affine32_permutations(NUM_PERM, SEED)


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
        """As a datasketch MinHash (imported only here)."""
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=self.hashvalues, scheme=SCHEME)


def shingles(text: str, words: int = SHINGLE_WORDS) -> set[bytes]:
    """The distinct sequences of ``words`` lower-cased words (all of it when shorter)."""
    tokens = _WORD.findall(text.lower())
    count = max(1, len(tokens) - words + 1)
    return {" ".join(tokens[i:i + words]).encode("utf-8") for i in range(count)}


def signature(text: str) -> Signature:
    """The MinHash signature of a text's word shingles: what datasketch's
    ``MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").update_batch(shingles)`` holds
    (each shingle's SHA-1 as a 32-bit value, MurmurHash3's finalizer, the affine permutations,
    the minimum of each)."""
    found = shingles(text)
    digests = b"".join(hashlib.sha1(shingle).digest()[:4] for shingle in found)
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    hv = hv ^ (hv >> np.uint32(16))
    return Signature(len(found), (hv[:, None] * _A + _B).min(axis=0))


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

    Candidates are found by LSH banding, as datasketch's ``MinHashLSH`` at
    ``CANDIDATE_RESEMBLANCE`` bands them (``BANDS`` bands of ``BAND_ROWS`` values: a
    stored article is a candidate when all values of one band equal the query's), but
    the signatures are kept in one array and compared band-wise with numpy: ~1 kB per
    article instead of datasketch's ~9 kB of per-band dictionaries and byte strings,
    which made a writer's memory grow with every article stored.
    """

    def __init__(self) -> None:
        self._order: dict[str, int] = {}  # key -> its position in arrival order
        self._keys: list[str] = []
        self._root: dict[str, str] = {}
        self._values = np.empty((64, NUM_PERM), dtype=np.uint32)  # row = position
        self._shingles = np.empty(64, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._order

    def add(self, key: str, sig: Signature, duplicate_of: str | None = None) -> None:
        """Remember an article (once): its signature and the original it copies, if any."""
        if key in self._order:
            return
        position = len(self._order)
        if position == len(self._shingles):
            self._values = np.concatenate([self._values, np.empty_like(self._values)])
            self._shingles = np.concatenate([self._shingles, np.empty_like(self._shingles)])
        self._values[position] = sig.hashvalues
        self._shingles[position] = sig.shingles
        self._order[key] = position
        self._keys.append(key)
        self._root[key] = self._root.get(duplicate_of, duplicate_of) if duplicate_of else key

    def candidates(self, sig: Signature, before: int | None = None) -> list[int]:
        """Positions (ascending, below ``before``) of the stored articles sharing a band
        with ``sig``; only articles of ``MIN_SHINGLES`` or more are ever candidates."""
        count = len(self._order) if before is None else min(before, len(self._order))
        width = BANDS * BAND_ROWS
        bands = self._values[:count, :width].reshape(count, BANDS, BAND_ROWS)
        query = sig.hashvalues[:width].reshape(BANDS, BAND_ROWS)
        hits = (bands == query).all(axis=2).any(axis=1)
        hits &= self._shingles[:count] >= MIN_SHINGLES
        return np.flatnonzero(hits).tolist()

    def original_of(self, key: str, sig: Signature) -> str | None:
        """The original of the earliest article seen before ``key`` that it copies, or None."""
        if sig.shingles < MIN_SHINGLES or not self._order:
            return None
        for position in self.candidates(sig, self._order.get(key, len(self._order))):
            other = Signature(int(self._shingles[position]), self._values[position])
            if is_copy(sig, other):
                return self._root[self._keys[position]]
        return None

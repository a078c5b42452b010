"""Near-duplicate stories: MinHash signatures of an article's text and an LSH index over them.

One wire story republished by several outlets differs in its first lines and its boilerplate
but shares most of its word 3-grams; MinHash estimates that overlap (Jaccard) and LSH finds
candidates without comparing against every stored story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # stored signatures are only comparable under one hashing scheme
THRESHOLD = 0.5  # Jaccard over word 3-grams: rewrites of one wire copy score well above it
_WORD = re.compile(r"\w+")
_MAX_WORDS = 3000


def signature(text: str) -> list[int]:
    words = [w.lower() for w in _WORD.findall(text)][:_MAX_WORDS]
    shingles = {" ".join(words[i : i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return [int(v) for v in minhash.hashvalues]


class StoryIndex:
    """Recent stories' signatures; `match` finds the story a new article repeats."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[int, MinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, story_id: int, values: Sequence[int]) -> None:
        if story_id in self._hashes:
            return
        minhash = _minhash(values)
        self._lsh.insert(story_id, minhash)
        self._hashes[story_id] = minhash

    def match(self, values: Sequence[int]) -> tuple[int, float] | None:
        """(story id, estimated Jaccard) of the closest story above the threshold."""
        minhash = _minhash(values)
        scored = [(minhash.jaccard(self._hashes[c]), c) for c in self._lsh.query(minhash)]
        scored = [(score, story) for score, story in scored if score >= self.threshold]
        if not scored:
            return None
        score, story = max(scored)
        return story, score


def _minhash(values: Sequence[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)

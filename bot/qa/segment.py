"""One segment of the persisted sentence index: a bm25s index over some articles' passages,
with, per passage, its article number, span, and stemmed token ids.

The token ids are kept so segments merge by re-scoring, never by re-reading or re-stemming
text. Arrays load memory-mapped: a segment of 10,000 articles opens in milliseconds and its
pages are read only as questions touch them.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import numpy.typing as npt
from bm25s.tokenization import Tokenized

Ints = npt.NDArray[np.int64] | npt.NDArray[np.int32]
_BM25 = "bm25"


@dataclass(frozen=True, slots=True)
class Docs:
    """Passages in arrival order: `tokens[offsets[i]:offsets[i+1]]` are passage i's ids."""

    owner: Ints  # article number (in the index's article list)
    start: Ints
    end: Ints
    tokens: Ints
    offsets: Ints

    def __len__(self) -> int:
        return len(self.owner)

    def token_lists(self) -> list[list[int]]:
        bounds = self.offsets.tolist()
        flat = self.tokens.tolist()
        return [flat[a:b] for a, b in itertools.pairwise(bounds)]

    @staticmethod
    def join(parts: list[Docs]) -> Docs:
        shifts = np.cumsum([0] + [len(p.tokens) for p in parts[:-1]])
        return Docs(
            owner=np.concatenate([p.owner for p in parts]),
            start=np.concatenate([p.start for p in parts]),
            end=np.concatenate([p.end for p in parts]),
            tokens=np.concatenate([p.tokens for p in parts]),
            offsets=np.concatenate(
                [parts[0].offsets[:1]]
                + [p.offsets[1:] + s for p, s in zip(parts, shifts, strict=True)]
            ),
        )


class Segment:
    def __init__(self, docs: Docs, bm25: bm25s.BM25) -> None:
        self.docs = docs
        self._bm25 = bm25
        indptr = np.asarray(bm25.scores["indptr"], dtype=np.int64)
        self.df: npt.NDArray[np.int64] = (
            indptr[1:] - indptr[:-1]
        )  # column lengths are document frequencies

    @classmethod
    def build(cls, docs: Docs, vocab: dict[str, int]) -> Segment:
        bm25 = bm25s.BM25()
        bm25.index(Tokenized(ids=docs.token_lists(), vocab=vocab), show_progress=False)
        return cls(docs, bm25)

    @classmethod
    def load(cls, path: Path) -> Segment:
        arrays = {n: np.load(path / f"{n}.npy", mmap_mode="r") for n in Docs.__dataclass_fields__}
        docs = Docs(**arrays)
        bm25 = bm25s.BM25.load(path / _BM25, mmap=True, load_vocab=False, show_progress=False)
        return cls(docs, bm25)

    def save(self, path: Path) -> None:
        """Write to a fresh folder beside `path`, then rename: a reader never sees half."""
        partial = path.with_name(path.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for name in Docs.__dataclass_fields__:
            np.save(partial / f"{name}.npy", getattr(self.docs, name))
        self._bm25.save(partial / _BM25, show_progress=False)
        shutil.rmtree(path, ignore_errors=True)  # a crash's leftover the manifest never named
        partial.rename(path)

    def __len__(self) -> int:
        return len(self.docs)

    def top(self, ids: list[int], k: int) -> list[tuple[float, int]]:
        """The `k` best (score, passage) pairs for the query token ids, best first."""
        known = [i for i in ids if i < len(self.df)]  # ids newer than this segment: absent
        if not known or not len(self):
            return []
        scores = self._bm25.get_scores_from_ids(known)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        return sorted(
            ((float(scores[i]), int(i)) for i in best if scores[i] > 0),
            key=lambda pair: (-pair[0], pair[1]),
        )

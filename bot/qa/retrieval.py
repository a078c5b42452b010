"""BM25 over the sentences of a set of articles, built once per article set and kept.

An index holds no sentence objects: four numpy arrays map each BM25 document back to its
article and span, so 10,000 articles stay small and a lookup is a slice of the article text.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import bm25s
import numpy as np
import numpy.typing as npt

from bot.core.models import Article
from bot.qa.passages import passages
from bot.qa.vocabulary import STOPWORDS, TOKEN_PATTERN, Stems, joined_prefixes


@dataclass(frozen=True, slots=True)
class Hit:
    article: Article
    start: int
    end: int
    score: float
    before: str = ""  # the passage before it in the same article: what "it" or "the fund" means

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]


class Searchable(Protocol):
    """What answering needs of an index: its stemmer, idf, and a ranked passage search. Kept
    in memory (`SentenceIndex`) or on disk beside the store (`bot.qa.persisted`)."""

    @property
    def stems(self) -> Stems: ...

    def idf(self, stem: str) -> float: ...

    def search(self, stems: Sequence[str], k: int = 40) -> list[Hit]: ...


class SentenceIndex:
    def __init__(self, articles: Sequence[Article], stems: Stems) -> None:
        self.articles = tuple(articles)
        self.stems = stems
        owner, starts, ends, texts = [], [], [], []
        for number, article in enumerate(self.articles):
            for passage in passages(article.text):
                owner.append(number)
                starts.append(passage.start)
                ends.append(passage.end)
                texts.append(article.text[passage.start : passage.end])
        self._owner = np.asarray(owner, dtype=np.int32)
        self._start = np.asarray(starts, dtype=np.int32)
        self._end = np.asarray(ends, dtype=np.int32)
        self._bm25 = bm25s.BM25()
        self._vocab: dict[str, int] = {}
        self._df: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        if texts:
            self._build(texts)

    def _build(self, texts: list[str]) -> None:
        tokenized = bm25s.tokenize(
            [joined_prefixes(text) for text in texts],
            lower=True,
            token_pattern=TOKEN_PATTERN,
            stopwords=sorted(STOPWORDS),
            stemmer=self.stems,
            show_progress=False,
        )
        if not any(tokenized.ids):
            return  # punctuation only: nothing to search, and bm25s cannot index it
        self._bm25.index(tokenized, show_progress=False)
        self._vocab = dict(self._bm25.vocab_dict)
        # The score matrix is stored token by token: its row lengths are document frequencies.
        indptr = np.asarray(self._bm25.scores["indptr"], dtype=np.int64)
        self._df = indptr[1:] - indptr[:-1]

    def __len__(self) -> int:
        return len(self._owner)

    def idf(self, stem: str) -> float:
        """BM25's idf; a word the coverage never uses weighs most, as a question about
        something absent must not be answered from what is present."""
        token = self._vocab.get(stem)
        df = int(self._df[token]) if token is not None and token < len(self._df) else 0
        n = len(self._owner)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, stems: Sequence[str], k: int = 40) -> list[Hit]:
        ids = [self._vocab[s] for s in dict.fromkeys(stems) if s in self._vocab]
        if not ids:
            return []
        scores = self._bm25.get_scores_from_ids(ids)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        # Ties break on document order, so answers never depend on hash or sort stability.
        ranked = sorted((i for i in top if scores[i] > 0), key=lambda i: (-scores[i], i))
        return [self._hit(int(i), float(scores[i])) for i in ranked]

    def _hit(self, doc: int, score: float) -> Hit:
        owner = int(self._owner[doc])
        article = self.articles[owner]
        before = ""
        if doc > 0 and int(self._owner[doc - 1]) == owner:
            before = article.text[int(self._start[doc - 1]) : int(self._end[doc - 1])]
        return Hit(article, int(self._start[doc]), int(self._end[doc]), score, before)


class IndexCache:
    """The last few indexes, keyed by the article set (its content hashes, in order)."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._stems = Stems()
        self._indexes: OrderedDict[tuple[str, ...], SentenceIndex] = OrderedDict()

    @property
    def stems(self) -> Stems:
        return self._stems

    def get(self, articles: Sequence[Article]) -> SentenceIndex:
        key = tuple(article.sha256 for article in articles)
        index = self._indexes.get(key)
        if index is None:
            index = SentenceIndex(articles, self._stems)
            self._indexes[key] = index
            while len(self._indexes) > self._size:
                self._indexes.popitem(last=False)
        self._indexes.move_to_end(key)
        return index

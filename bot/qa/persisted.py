"""The sentence index of the whole stored coverage, kept as files beside the database.

Over 10,000 articles, building the index costs seconds and ~140 MiB; opened from disk with
memory-mapped arrays it costs milliseconds, so the first question after a restart is as quick
as the hundredth. Articles are added as they arrive: only the new ones are segmented and
stemmed, into a small *tail* segment; when the tail outgrows a share of the *main* segment
the two are merged from their stored token ids.

Files in the folder (a crash leaves the last complete state: the manifest is renamed into
place last, and only what it counts is read):
  manifest.json   format, articles counted, last store row, texts.bin length, segments
  vocab.json      stem -> token id, shared by the segments (ids only ever grow)
  articles.jsonl  one line per article: metadata, and where its text sits in texts.bin
  texts.bin       the article texts, UTF-8, appended
  seg-N/          a `Segment`
"""

from __future__ import annotations

import itertools
import json
import math
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.core.models import Article
from bot.qa.passages import passages
from bot.qa.retrieval import Hit
from bot.qa.segment import Docs, Segment
from bot.qa.vocabulary import Stems

FORMAT = 1
MERGE_SHARE = 0.25  # merge when the tail holds more passages than this share of the main
_FIELDS = ("title", "source", "url", "published", "dateline", "language", "sha256")


class StoredIndex:
    """Search, idf and stems as `SentenceIndex` offers them, over an on-disk index."""

    def __init__(self, directory: Path, stems: Stems) -> None:
        self.directory = directory
        self.stems = stems
        self.last_row = 0
        self._vocab: dict[str, int] = {"": 0}
        self._meta: list[dict[str, Any]] = []
        self._shas: set[str] = set()
        self._segments: list[tuple[str, Segment]] = []
        self._generation = 0
        self._df: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self._passages = 0
        self._texts: dict[int, str] = {}
        self._stale: list[str] = []  # segment folders to delete once the manifest is saved

    @classmethod
    def open(cls, directory: Path, stems: Stems) -> StoredIndex:
        """The index saved in `directory`, or an empty one when there is none yet."""
        index = cls(directory, stems)
        manifest = directory / "manifest.json"
        if manifest.is_file():
            index._load(json.loads(manifest.read_text(encoding="utf-8")))
        return index

    def _load(self, manifest: dict[str, Any]) -> None:
        if manifest.get("format") != FORMAT:
            return  # an older layout: start over rather than misread it
        self.last_row = int(manifest["last_row"])
        self._generation = int(manifest["generation"])
        self._vocab = json.loads((self.directory / "vocab.json").read_text(encoding="utf-8"))
        with (self.directory / "articles.jsonl").open(encoding="utf-8") as lines:
            count = int(manifest["articles"])  # lines past it are a crash's leftovers
            self._meta = [json.loads(line) for line in itertools.islice(lines, count)]
        self._shas = {m["sha256"] for m in self._meta}
        self._segments = [(n, Segment.load(self.directory / n)) for n in manifest["segments"]]
        self._refresh_df()

    def __len__(self) -> int:
        return self._passages

    @property
    def articles(self) -> int:
        return len(self._meta)

    # ── adding ──────────────────────────────────────────────────────────────────────────
    def add(self, rows: Sequence[tuple[int, Article]]) -> int:
        """Index the articles of store rows `rows` not indexed yet; save. Returns how many."""
        fresh = [(row, a) for row, a in rows if a.sha256 not in self._shas]
        self.last_row = max([self.last_row, *(row for row, _ in rows)])
        if fresh:
            self._append_texts([a for _, a in fresh])
            self._add_segment(self._docs_of([a for _, a in fresh], len(self._meta) - len(fresh)))
        self._save_manifest()
        return len(fresh)

    def _append_texts(self, articles: list[Article]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / "texts.bin").open("ab") as blob:
            blob.truncate(self._blob_end())  # drop bytes a crash left past the manifest
            blob.seek(self._blob_end())
            with (self.directory / "articles.jsonl").open("a", encoding="utf-8") as lines:
                for article in articles:
                    data = article.text.encode("utf-8")
                    meta = {f: _plain(getattr(article, f)) for f in _FIELDS}
                    meta["at"], meta["size"] = blob.tell(), len(data)
                    blob.write(data)
                    lines.write(json.dumps(meta, ensure_ascii=False) + "\n")
                    self._meta.append(meta)
                    self._shas.add(article.sha256)

    def _blob_end(self) -> int:
        return self._meta[-1]["at"] + self._meta[-1]["size"] if self._meta else 0

    def _docs_of(self, articles: list[Article], first: int) -> Docs:
        owner: list[int] = []
        start: list[int] = []
        end: list[int] = []
        tokens: list[int] = []
        offsets = [0]
        for number, article in enumerate(articles, start=first):
            for passage in passages(article.text):
                stems = self.stems.fresh_tokens(article.text[passage.start : passage.end])
                tokens.extend(self._vocab.setdefault(s, len(self._vocab)) for s in stems)
                owner.append(number)
                start.append(passage.start)
                end.append(passage.end)
                offsets.append(len(tokens))
        # int32: a store would need 2 billion passages or tokens to outgrow it
        small = {"owner": owner, "start": start, "end": end, "tokens": tokens}
        arrays = {name: np.asarray(values, dtype=np.int32) for name, values in small.items()}
        return Docs(**arrays, offsets=np.asarray(offsets, dtype=np.int64))

    def _add_segment(self, docs: Docs) -> None:
        main = self._segments[:1]
        if main and len(self._segments) > 1:
            docs = Docs.join([self._segments[1][1].docs, docs])  # the tail grows
        if not main or len(docs) > MERGE_SHARE * len(main[0][1]):
            parts = [main[0][1].docs, docs] if main else [docs]
            self._replace([Docs.join(parts)])
        else:
            self._replace([main[0][1].docs, docs], keep_main=True)

    def _replace(self, parts: list[Docs], *, keep_main: bool = False) -> None:
        kept = self._segments[:1] if keep_main else []
        built = []
        for docs in parts[len(kept) :]:
            self._generation += 1
            name = f"seg-{self._generation}"
            segment = Segment.build(docs, self._vocab)
            segment.save(self.directory / name)
            built.append((name, segment))
        stale = [name for name, _ in self._segments if name not in {n for n, _ in kept}]
        self._segments = kept + built
        self._refresh_df()
        self._stale = stale

    def _save_manifest(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.directory / "vocab.json", json.dumps(self._vocab))
        manifest = {
            "format": FORMAT,
            "articles": len(self._meta),
            "last_row": self.last_row,
            "generation": self._generation,
            "segments": [name for name, _ in self._segments],
        }
        _write_atomically(self.directory / "manifest.json", json.dumps(manifest))
        for name in self._stale:  # only once the manifest no longer names them
            shutil.rmtree(self.directory / name, ignore_errors=True)
        self._stale = []

    def _refresh_df(self) -> None:
        df = np.zeros(len(self._vocab), dtype=np.int64)
        for _, segment in self._segments:
            df[: len(segment.df)] += segment.df
        self._df = df
        self._passages = sum(len(segment) for _, segment in self._segments)

    # ── searching ───────────────────────────────────────────────────────────────────────
    def idf(self, stem: str) -> float:
        token = self._vocab.get(stem)
        df = int(self._df[token]) if token is not None and token < len(self._df) else 0
        n = len(self)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, stems: Sequence[str], k: int = 40) -> list[Hit]:
        ids = [self._vocab[s] for s in dict.fromkeys(stems) if s in self._vocab]
        if not ids:
            return []
        found = [
            (score, order, doc, segment)
            for order, (_, segment) in enumerate(self._segments)
            for score, doc in segment.top(ids, k)
        ]
        found.sort(key=lambda f: (-f[0], f[1], f[2]))
        return [self._hit(segment, doc, score) for score, _, doc, segment in found[:k]]

    def _hit(self, segment: Segment, doc: int, score: float) -> Hit:
        docs = segment.docs
        owner = int(docs.owner[doc])
        article = self.article(owner)
        before = ""
        if doc > 0 and int(docs.owner[doc - 1]) == owner:
            before = article.text[int(docs.start[doc - 1]) : int(docs.end[doc - 1])]
        return Hit(article, int(docs.start[doc]), int(docs.end[doc]), score, before)

    def article(self, number: int) -> Article:
        meta = self._meta[number]
        text = self._texts.get(number)
        if text is None:
            with (self.directory / "texts.bin").open("rb") as blob:
                blob.seek(meta["at"])
                text = blob.read(meta["size"]).decode("utf-8")
            if len(self._texts) > 256:  # a few hundred recent articles; the rest stay on disk
                self._texts.clear()
            self._texts[number] = text
        return Article.model_validate({**{f: meta[f] for f in _FIELDS}, "text": text})


def _plain(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)

"""Which word classes an English word form belongs to, and its lemmas: lemminflect's own
lookup table, read without lemminflect.

`lemminflect.getAllLemmas` loads its table as a dict of dicts (about 33 MiB and 0.2 s on first
use) and imports numpy for a model the engine never calls; that was a third of a one-shot
`summit brief`'s memory. The table itself is a sorted text file of 80,000 lines
("word,category,lemma/lemma"), so it is kept here as its 1.8 MB of bytes and searched by
bisection. `tests/test_language_lemmas.py` checks every word against lemminflect.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType

Lemmas = Mapping[str, tuple[str, ...]]


@lru_cache(maxsize=65536)
def all_lemmas(word: str) -> Lemmas:
    """`word`'s lemmas by universal POS tag ("VERB": ("pledge",)), as lemminflect's
    `getAllLemmas(word)` gives them for the lower-case word (its forms in lower case); empty
    for a word the dictionary does not know."""
    lower = word.lower()
    found: dict[str, tuple[str, ...]] = {}
    for record in _records(lower.encode()):
        _, category, forms = record.decode().split(",")
        found[_upos(category)] = tuple(form.lower() for form in forms.split("/"))
    found.update(_overrides().get(lower, {}))
    return MappingProxyType(found)


def _records(key: bytes) -> Iterator[bytes]:
    """The table's lines for `key`: a lower bound found by bisection over byte offsets (each
    probe backs up to the start of its line), then the lines that follow with the same word."""
    table = _table()
    lo, hi = 0, len(table)  # `lo` is always the start of a line
    while lo < hi:
        mid = (lo + hi) // 2
        newline = table.rfind(b"\n", lo, mid)
        start = lo if newline < 0 else newline + 1
        if _word_at(table, start) < key:
            lo = _next_line(table, start)
        else:
            hi = start
    while lo < len(table) and _word_at(table, lo) == key:
        end = _next_line(table, lo)
        yield table[lo:end].rstrip(b"\n")
        lo = end


def _word_at(table: bytes, start: int) -> bytes:
    return table[start : table.index(b",", start)]


def _next_line(table: bytes, start: int) -> int:
    end = table.find(b"\n", start)
    return len(table) if end < 0 else end + 1


def _upos(category: str) -> str:
    # lemminflect's categoryToUPos: the file's categories are lower-case tags, "modal" is AUX.
    upos = category.upper()
    return "AUX" if upos == "MODAL" else upos


@cache
def _table() -> bytes:
    return gzip.decompress((_resources() / "lemma_lu.csv.gz").read_bytes())


@cache
def _overrides() -> dict[str, dict[str, tuple[str, ...]]]:
    """lemminflect's hand corrections (word,UPOS,lemma), applied over the table as it does."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    text = (_resources() / "lemma_overrides.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, upos, lemma = line.split(",")
            found.setdefault(word, {})[upos] = (lemma.lower(),)
    return found


def _resources() -> Path:
    # find_spec locates the package without running its __init__ (which imports numpy).
    spec = find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"

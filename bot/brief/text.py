"""Sentence segmentation with character spans into the article text.

Every span handed out here indexes the article's own text, so evidence quoted from it is a
verbatim substring. Lines are split first (headings, numbered paragraphs and captions never
run into the next sentence), then blingfire, which carries its rules in the wheel, splits
each line into sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

# "1." / "(a)" / "•" opening a paragraph: a marker, not part of the sentence.
_LIST_MARKER = re.compile(r"\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•·▪■\-*–—])\s+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line (paragraph) the sentence sits in


def segment(text: str) -> list[Sentence]:
    """Split `text` into sentences whose `text` is exactly `text[start:end]`."""
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        base = line.start()
        body = line.group()
        marker = _LIST_MARKER.match(body)
        offset = marker.end() if marker and marker.end() < len(body) else 0
        sentences.extend(_split_line(body[offset:], base + offset, paragraph))
    return sentences


def _split_line(line: str, base: int, paragraph: int) -> list[Sentence]:
    if not line.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(line)
    out = []
    for start, end in offsets:
        chunk = line[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        end = start + len(stripped)
        out.append(Sentence(base + start, base + end, stripped, paragraph))
    return out

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
    out = []
    for start, end in _offsets(line):
        chunk = line[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        end = start + len(stripped)
        out.append(Sentence(base + start, base + end, stripped, paragraph))
    return out


def _offsets(line: str) -> list[tuple[int, int]]:
    """Sentence offsets in `line`.

    blingfire's own offsets function walks the text in Python; its plain splitter is all C and
    keeps each sentence verbatim, so finding each one in turn is much faster.
    """
    spans = []
    cursor = 0
    for sentence in blingfire.text_to_sentences(line).split("\n"):
        if not sentence:
            continue
        start = line.find(sentence, cursor)
        if start < 0:  # the splitter normalised something: take the exact, slower path
            return list(blingfire.text_to_sentences_and_offsets(line)[1])
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return spans


# "the 28th China-ASEAN Summit", "the ASEAN-Republic of Korea Summit", "the COP31 summit"
_SUMMIT = re.compile(
    r"(?P<name>(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[A-Z][\w’'+-]*\s+(?:of\s+|and\s+)?){1,5}?"
    r"(?:Summit|[Ss]ummit\b(?<=\d\s[Ss]ummit)|Leaders[’']?\s+Meeting|Summit\s+Meeting)|COP\d{1,2})"
)


def summit_name(text: str) -> str | None:
    """The first summit the text names, as it names it; None when it names none."""
    found = _SUMMIT.search(text)
    return found.group("name").strip() if found else None

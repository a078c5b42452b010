"""Sentence segmentation with character spans into the article text.

Every span handed out here indexes the article's own text, so evidence quoted from it is a
verbatim substring. Paragraphs are split first (headings, numbered paragraphs and captions never
run into the next sentence), then blingfire, which carries its rules in the wheel, splits
each paragraph into sentences.

A paragraph is a line, except in hard-wrapped copy (wire archives, press releases pasted from
a terminal), where a line that stops mid-sentence runs on into the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

# "1." / "(a)" / "•" opening a paragraph: a marker, not part of the sentence.
# Bullets as pages and word processors write them.
BULLETS = "•·▪■●◦‣⁃○◆◇►▸➢➤✓✔□-*–—"
LIST_MARKER = re.compile(
    r"\s*(?:(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)|["
    + re.escape(BULLETS)
    + r"])\s+|-{2,3}\s*(?=\w))"
)
_LINE = re.compile(r"[^\n]+")
# A line that ends a sentence, a lead-in or a clause: what follows starts afresh.
_CLOSED = re.compile(r"[.!?:;\"”’)\]]\s*$")
# Past this length a line that stops mid-sentence was wrapped, even before a capital
# ("the Summit of\nthe Americas"); shorter ones are headings ("The Democratic Clause").
_WRAP_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line (paragraph) the sentence sits in


def segment(text: str) -> list[Sentence]:
    """Split `text` into sentences whose `text` is exactly `text[start:end]`."""
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(paragraphs(text)):
        body = text[start:end]
        marker = LIST_MARKER.match(body)
        offset = marker.end() if marker and marker.end() < len(body) else 0
        sentences.extend(_split_line(body[offset:], start + offset, paragraph))
    return sentences


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or the run of lines a hard wrap made of one."""
    spans: list[tuple[int, int]] = []
    previous = ""
    for line in _LINE.finditer(text):
        body = line.group()
        if not body.strip():
            previous = ""
            continue
        if spans and previous and _runs_on(previous, body, text[spans[-1][1] : line.start()]):
            spans[-1] = (spans[-1][0], line.end())
        else:
            spans.append((line.start(), line.end()))
        previous = body
    return spans


def _runs_on(line: str, following: str, gap: str) -> bool:
    """Whether `following` continues the sentence `line` left open (one newline between)."""
    if gap.count("\n") != 1 or _CLOSED.search(line) or LIST_MARKER.match(following):
        return False
    head = following.lstrip()[:1]
    if head.islower() or head.isdigit() or head in "($€£¥":
        return True
    return len(line.rstrip()) >= _WRAP_WIDTH and head.isupper()


def _split_line(line: str, base: int, paragraph: int) -> list[Sentence]:
    if not line.strip():
        return []
    out = []
    # A wrapped paragraph keeps its newlines in the spans; the splitter must not see them as
    # breaks, so it reads a same-length copy with spaces.
    for start, end in _run_together(line, _offsets(line.replace("\r", " ").replace("\n", " "))):
        chunk = line[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        end = start + len(stripped)
        out.append(Sentence(base + start, base + end, stripped, paragraph))
    return out


# "... the communique said.The leaders also committed ...": scraped copy that lost the space
# after a full stop still ends a sentence there.
_JAMMED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def _run_together(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cuts = [m.start() for m in _JAMMED.finditer(line, start, end)]
        for cut in cuts:
            out.append((start, cut))
            start = cut
        out.append((start, end))
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

"""A one-line headline from the lead: the first sentence of the story, trimmed to its claim."""

from __future__ import annotations

import re

from bot.core.models import Article
from bot.language.calendar import WEEKDAY_PATTERN
from bot.language.text import Sentence

_TIME = re.compile(
    rf"\s+(?:on|this|last)\s+{WEEKDAY_PATTERN}"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.I,
)
_TAIL = re.compile(r",\s+(?:amid|saying|adding|noting|while|whereas)\b.*$", re.I)
_MAX = 160


def headline_from(article: Article, sentences: list[Sentence], body_start: int) -> str:
    for sentence in sentences:
        if sentence.end <= body_start:
            continue
        text = article.text[max(sentence.start, body_start) : sentence.end].strip(" -–—")
        # A headline is a sentence: list fragments ("agreed to ...;") and notes are not.
        if len(text.split()) < 6 or text.startswith("[") or not text[:1].isupper():
            continue
        line = _TAIL.sub("", _TIME.sub("", text)).rstrip(" .") + "."
        return line if len(line) <= _MAX else _shorten(line)
    return article.title


def _shorten(line: str) -> str:
    """Cut at the last clause boundary that fits, else at a word."""
    head = line[: _MAX - 1]
    cut = head.rfind(", ")
    if cut < _MAX // 2:
        cut = head.rfind(" ")
    return head[:cut].rstrip(" ,;") + "…"

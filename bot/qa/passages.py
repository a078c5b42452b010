"""Sentences as a reader meets them: a sentence that a hard line wrap cut in two is one
passage again, so "More than $56 billion will be channelled through / the Inter-American
Development Bank" answers a question about the bank with its figure.

Spans index the article text, so a passage quoted is still a verbatim substring (its line
breaks included; renderers fold whitespace)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.text import segment

# A sentence ends on a full stop, a question or exclamation mark, or a closing quote or bracket
# after one; a line that stops anywhere else ran out of width, not out of sentence.
_ENDED = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")
# A wrapped sentence carries on in lower case or with a figure ("190 to over 440 …").
_CARRIES_ON = re.compile(r"[a-z\d$€£¥(]")


@dataclass(frozen=True, slots=True)
class Passage:
    start: int
    end: int


def passages(text: str) -> list[Passage]:
    """The article's sentences, those cut by a line wrap joined again."""
    out: list[Passage] = []
    for sentence in segment(text):
        if out and _wrapped(text, out[-1], sentence.start):
            out[-1] = Passage(out[-1].start, sentence.end)
        else:
            out.append(Passage(sentence.start, sentence.end))
    return out


def _wrapped(text: str, previous: Passage, start: int) -> bool:
    gap = text[previous.end : start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    return not _ENDED.search(text[previous.start : previous.end]) and bool(
        _CARRIES_ON.match(text, start)
    )

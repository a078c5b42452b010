"""Finding a quote in an article, as a verbatim span, whatever its whitespace and quote marks.

A model (or a person) quoting an article may fold line breaks or straighten curly quotes;
nothing else is forgiven. The span handed back indexes the article's own text, so
`text[start:end]` is what the user sees as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.language.text import segment

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace folded to one space and quote marks straightened; nothing else changes."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


class Locator:
    """One article's text, normalised once, for many look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._flat = ""
        self._origin: list[int] = []
        self._lower = ""
        self._built = False
        self._sentences: list[tuple[int, int]] | None = None

    def _build(self) -> None:
        # Built on first need: an engine whose spans are already exact never pays for it.
        if self._built:
            return
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(self.text.translate(_QUOTES)):
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            origin.append(index)
        self._flat = "".join(chars)
        self._origin = origin
        self._lower = self._flat.lower()
        self._built = True

    def find(self, quote: str, near: int | None = None) -> tuple[int, int] | None:
        """The span of `quote` in the text (the occurrence nearest `near`), or None."""
        needle = normalise(quote)
        if not needle:
            return None
        self._build()
        starts = [m.start() for m in re.finditer(re.escape(needle), self._flat)]
        if not starts:
            return None
        spans = [(self._origin[s], self._origin[s + len(needle) - 1] + 1) for s in starts]
        if near is None:
            return spans[0]
        return min(spans, key=lambda span: abs(span[0] - near))

    def contains(self, phrase: str) -> bool:
        """Whether `phrase` occurs in the text (case-insensitive, normalised)."""
        needle = normalise(phrase).lower()
        if not needle:
            return False
        if needle in self.text.lower():
            return True
        self._build()
        return needle in self._lower

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The span widened to the whole sentence(s) it touches."""
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in segment(self.text)]
        sentences = self._sentences
        if not sentences:
            return start, end
        first = max(bisect_right([s for s, _ in sentences], start) - 1, 0)
        last = max(bisect_right([s for s, _ in sentences], max(end - 1, start)) - 1, first)
        return min(start, sentences[first][0]), max(end, sentences[last][1])


def contains_in(haystack: str, phrase: str) -> bool:
    needle = normalise(phrase).lower()
    return bool(needle) and needle in normalise(haystack).lower()

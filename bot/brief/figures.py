"""Figures in a piece of text: money, percentages, dates and years, durations, counts.

Returned exactly as written (never normalised), so a bullet's figures can be checked against
its source sentence character for character.
"""

from __future__ import annotations

import re

from bot.language.calendar import MONTH_PATTERN
from bot.language.money import CURRENCY_SIGN_PATTERN, CURRENCY_WORD_PATTERN, SCALE_PATTERN

_MONTH = MONTH_PATTERN
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = SCALE_PATTERN
_CURRENCY_WORD = CURRENCY_WORD_PATTERN
_CURRENCY_SIGN = CURRENCY_SIGN_PATTERN

_PATTERNS = [
    rf"{_CURRENCY_SIGN}{_NUM}{_SCALE}?",
    rf"{_NUM}{_SCALE}?\s{_CURRENCY_WORD}",
    rf"{_NUM}\s?(?:%|percent|per cent)",
    rf"\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?",
    rf"{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?(?!\d)",
    rf"(?:{_MONTH}|mid-|early\s|late\s)\s?(?:19|20)\d\d",
    r"FY\s?(?:19|20)\d\d",
    r"\(?(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\)?",
    rf"{_NUM}\s(?:years?|months?|weeks?|days?)",
    r"\d+(?:st|nd|rd|th)\b",
    rf"{_NUM}{_SCALE}?",
]
_FIGURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_SPELLED_DURATION = re.compile(
    rf"\b{_NUMBER_WORD}\s(?:years?|months?|weeks?|days?)\b", re.IGNORECASE
)
# How far before its first digit a figure can start: "September 2026", "EUR 5", "early 2027".
_LEAD = 12


def find_figures(text: str) -> list[str]:
    """Every figure in `text`, in order, without repeats, as written."""
    seen: list[str] = []
    for _, figure in sorted(_numeric(text) + _spelled(text)):
        figure = figure.strip(" ()")
        if figure and figure not in seen and _is_figure(figure):
            seen.append(figure)
    return seen


def has_figure(text: str) -> bool:
    return bool(find_figures(text))


def _numeric(text: str) -> list[tuple[int, str]]:
    # Every numeric figure holds a digit, so the large pattern is only tried just before
    # each digit rather than at every position of the text.
    found = []
    position = 0
    while digit := _DIGIT.search(text, position):
        match = _FIGURE.search(text, max(position, digit.start() - _LEAD))
        if match is None:
            break
        found.append((match.start(), match.group()))
        position = max(match.end(), digit.end())
    return found


def _spelled(text: str) -> list[tuple[int, str]]:
    if "year" not in text and "month" not in text and "week" not in text and "day" not in text:
        return []
    return [(m.start(), m.group()) for m in _SPELLED_DURATION.finditer(text)]


def _is_figure(candidate: str) -> bool:
    # A lone single digit from a list marker or a name ("Phase 2") says little on its own.
    return (bool(re.search(r"\d", candidate)) and not re.fullmatch(r"\d", candidate)) or bool(
        re.search(r"(?i)years?|months?|weeks?|days?", candidate)
    )

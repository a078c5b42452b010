"""Figures in a piece of text: money, percentages, dates and years, durations, counts.

Returned exactly as written (never normalised), so a bullet's figures can be checked against
its source sentence character for character.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:million|billion|trillion|bn|mn|tn|m|b|k)\b)"
_CURRENCY_WORD = (
    r"(?:(?:U\.S\.|US|Australian|Singapore|Hong Kong|New Zealand)\s)?"
    r"(?:dollars?|dollar|euros?|yen|yuan|renminbi|won|rupees?|ringgit|baht|pesos?|rupiah|dong|riyals?|dirhams?|pounds?)"
)
_CURRENCY_SIGN = (
    r"(?:(?:US|A|S|NZ|HK|C|NT)?\$|€|£|¥|₹|(?:EUR|USD|RMB|CNY|JPY|KRW|INR|SGD|AUD|MYR|IDR|Rp)\s?)"
)

_PATTERNS = [
    rf"{_CURRENCY_SIGN}{_NUM}{_SCALE}?",
    rf"{_NUM}{_SCALE}?\s{_CURRENCY_WORD}",
    rf"{_NUM}\s?(?:%|percent|per cent)",
    rf"\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?",
    rf"{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?(?!\d)",
    rf"(?:{_MONTH}|mid-|early\s|late\s)\s?(?:19|20)\d\d",
    r"FY\s?(?:19|20)\d\d",
    r"\(?(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\)?",
    rf"(?:{_NUM}|{_NUMBER_WORD})\s(?:years?|months?|weeks?|days?)",
    r"\d+(?:st|nd|rd|th)\b",
    rf"{_NUM}{_SCALE}?",
]
_FIGURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


_MAYBE = re.compile(r"\d|years?|months?|weeks?|days?", re.IGNORECASE)


def find_figures(text: str) -> list[str]:
    """Every figure in `text`, in order, without repeats, as written."""
    seen: list[str] = []
    if not _MAYBE.search(text):
        return seen  # every figure has a digit or a unit of time: skip the big pattern
    for match in _FIGURE.finditer(text):
        figure = match.group().strip(" ()")
        if figure and figure not in seen and _is_figure(figure):
            seen.append(figure)
    return seen


def has_figure(text: str) -> bool:
    if not _MAYBE.search(text):
        return False
    return any(_is_figure(m.group()) for m in _FIGURE.finditer(text))


def _is_figure(candidate: str) -> bool:
    # A lone single digit from a list marker or a name ("Phase 2") says little on its own.
    return (bool(re.search(r"\d", candidate)) and not re.fullmatch(r"\d", candidate)) or bool(
        re.search(r"(?i)years?|months?|weeks?|days?", candidate)
    )

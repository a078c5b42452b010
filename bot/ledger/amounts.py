"""Money figures as (currency, value): "US$1.5bn" and "1,500 million U.S. dollars" are one amount.

price-parser reads the number and the symbol or code; Babel's CLDR data names the currencies
("Japanese yen", "euros", "¥"). Ours is only what neither knows: the scale words of news copy
("bn", "trillion") and that a bare "dollar" in world news is the US dollar.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, is_currency
from price_parser import Price

from bot.core.ledger import Amount

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
_SCALE = re.compile(r"\d\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b", re.I)
# Spellings CLDR's English data lacks, as news copy writes them.
_EXTRA = {
    "us$": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "dollar": "USD",  # unqualified, in world news: the US dollar
    "dollars": "USD",
    "rmb": "CNY",
    "renminbi": "CNY",
    "rp": "IDR",
    "rupiah": "IDR",
    "s$": "SGD",
    "rm": "MYR",
}


def amounts_in(figures: list[str]) -> list[Amount]:
    """The money amounts among `figures` ("$2.5 billion", "2 trillion yen"), in order; counts,
    years and durations are not money and are left out."""
    found = (money(figure) for figure in figures)
    return [amount for amount in found if amount is not None]


def money(figure: str) -> Amount | None:
    currency = _currency(figure)
    if currency is None:
        return None
    price = Price.fromstring(figure)
    if price.amount is None:
        return None
    scale = _SCALE.search(figure)
    value = price.amount * (_SCALES[scale.group(1).lower()] if scale else 1)
    return Amount(currency=currency, value=_plain(value))


def _currency(figure: str) -> str | None:
    """The currency of the longest name, plural or symbol in `figure`."""
    lowered = figure.lower()
    names = _names()
    words, symbols, rank = _finders()
    found = {*words.findall(lowered), *symbols.findall(lowered)}
    return names[min(found, key=rank.__getitem__)] if found else None


@lru_cache(maxsize=1)
def _finders() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """Two scans that find, at every position of a figure, the longest currency name starting
    there: one over names and codes (whole words), one over symbols ("$", "A$"; they sit right
    against the number). One pass instead of a regular expression per name: with over a
    thousand names those overflowed `re`'s cache and were compiled anew for every figure.
    `rank` orders the names longest first, so the longest found wins, as before."""
    ordered = sorted(_names(), key=len, reverse=True)
    words = [n for n in ordered if n.isalpha() or " " in n or "." in n]
    symbols = [n for n in ordered if not (n.isalpha() or " " in n or "." in n)]
    return (
        re.compile(rf"(?=(?<![\w$])({_either(words)})(?!\w))"),
        re.compile(rf"(?=({_either(symbols)}))"),
        {name: place for place, name in enumerate(ordered)},
    )


def _either(names: list[str]) -> str:
    return "|".join(map(re.escape, names))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every English name, plural and symbol CLDR has for a currency in use, lower-cased."""
    table: dict[str, str] = {}
    for code in map(str, Locale("en").currencies):
        if not is_currency(code, "en"):
            continue
        for name in (
            get_currency_name(code, locale="en"),
            get_currency_name(code, count=2, locale="en"),
        ):
            table.setdefault(name.lower(), code)
        symbol = get_currency_symbol(code, "en")
        if symbol != code:
            table.setdefault(symbol.lower(), code)
        table.setdefault(code.lower(), code)
    for word, code in _last_words(table).items():
        table.setdefault(word, code)
    table.update(_EXTRA)
    return table


def _last_words(table: dict[str, str]) -> dict[str, str]:
    """The last word of a currency's name ("yen", "yuan", "won") when no other shares it."""
    owners: dict[str, set[str]] = {}
    for name, code in table.items():
        if " " in name:
            owners.setdefault(name.rsplit(" ", 1)[1], set()).add(code)
    return {word: codes.pop() for word, codes in owners.items() if len(codes) == 1}


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def format_amount(amount: Amount) -> str:
    """'USD 1,500 million': one unit for every amount, so two figures compare at a glance."""
    value = Decimal(str(amount.value))
    if value >= 10**6:
        return f"{amount.currency} {_plain(value / 10**6):,} million"
    return f"{amount.currency} {_plain(value):,}"

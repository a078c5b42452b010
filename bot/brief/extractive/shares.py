"""Money and counts shared out in one predicate: "$150 million, of which $60 million for A
and $90 million for B", "US$3 billion of loans and US$2 billion of credits", "train 6,000
personnel and 1,000 officers" are one deliverable each."""

from __future__ import annotations

import re

from bot.brief.figures import has_figure

_AMOUNT_LIST = re.compile(r"^(?P<head>[^:;]{3,200}?):\s+(?P<list>[^:]*;[^:]*)$")
_CURRENCY_AHEAD = r"(?=(?:[A-Z]{0,3}\$|€|£|¥|\d))"
_AMOUNT_SHARE = re.compile(
    rf",?\s+(?P<link>in\s+addition\s+to|of\s+which|including|plus)\s+{_CURRENCY_AHEAD}"
)
_MONEY = r"(?:[A-Z]{0,3}\$|€|£|¥|₹)"
_AMOUNT_SIBLING = re.compile(rf",?\s+and\s+{_CURRENCY_AHEAD}|,\s+{_CURRENCY_AHEAD}")
_MONEY_AHEAD = re.compile(rf"(?<![\w$]){_MONEY}\d")
# Between two sums, only another sum may start a sibling: "US$3 billion of loans and US$2
# billion of credits", not "$3 billion and 100 experts".
_SIBLING_SUM = re.compile(rf",?\s+and\s+(?={_MONEY}\d)|,\s+(?={_MONEY}\d)")


# A count of something: "6,000 military personnel", not a year ("in 2025 and 2030").
_COUNT_AHEAD = re.compile(
    r"(?<![\w$.,])(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?!(?:million|billion|trillion)\b)(?=[a-z])"
)
_SIBLING_COUNT = re.compile(
    r",?\s+and\s+(?=\d[\d,]*\s+(?!(?:million|billion|trillion)\b)[a-z])"
    r"|,\s+(?=\d[\d,]*\s+(?!(?:million|billion|trillion)\b)[a-z])"
)


def shared_out(predicate: str) -> list[str] | None:
    """One phrase per amount where one sentence shares money out: "allocating funds as follows:
    $8 million to Sudan; $3 million to Somalia", "$12.9 million on fellowships, in addition to
    $6.9 million on a climate centre", "$150 million, of which $60 million for maritime ..."."""
    listed = _AMOUNT_LIST.match(predicate)
    if listed:
        parts = [p for p in re.split(r";\s+(?:and\s+)?", listed.group("list")) if p.strip()]
        if len(parts) > 1:
            return [f"{listed.group('head')}: {p.strip()}" for p in parts]
    shared = _AMOUNT_SHARE.search(predicate)
    if not shared or not has_figure(predicate[: shared.start()]):
        return _sibling_amounts(predicate)
    before = predicate[: shared.start()]
    parts = [p for p in _AMOUNT_SIBLING.split(predicate[shared.end() :]) if p.strip()]
    if shared.group("link").lower() == "in addition to":
        return [before, *parts]
    # "$150 million, of which $60 million for A and $90 million for B": one item per purpose.
    return [f"{before}, {shared.group('link')} {p}" for p in parts]


def _sibling_amounts(predicate: str) -> list[str] | None:
    """ "provide US$3 billion of loans and US$2 billion of buyer's credits": two sums, two
    deliverables, each with the verb."""
    first = _MONEY_AHEAD.search(predicate)
    if not first:
        return None
    head, rest = predicate[: first.start()], predicate[first.start() :]
    parts = [p for p in _SIBLING_SUM.split(rest) if p.strip()]
    if len(parts) < 2 or not head.strip():
        return None
    return [f"{head}{p.strip()}" for p in parts]


def sibling_counts(predicate: str) -> list[str] | None:
    """ "train 6,000 military personnel and 1,000 law enforcement officers": two counts of
    different people, two deliverables, each with the verb."""
    parts = [p for p in _SIBLING_COUNT.split(predicate) if p.strip()]
    if len(parts) < 2 or not all(_COUNT_AHEAD.match(p) for p in parts[1:]):
        return None
    counts = list(_COUNT_AHEAD.finditer(parts[0]))
    if not counts or not parts[0][: counts[-1].start()].strip():
        return None
    head = parts[0][: counts[-1].start()]
    return [parts[0], *(f"{head}{p.strip()}" for p in parts[1:])]

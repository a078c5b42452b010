"""What kind of answer a stretch of text carries: an amount, a count, a date, a period, a
place, a person, a country. Regexes over the sentence itself, so every hit is a verbatim span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from bot.qa.vocabulary import COUNTRIES, MONTHS, WEEKDAYS, words


class Kind(Enum):
    AMOUNT = "amount"  # money, percentages, "N million"
    COUNT = "count"
    DATE = "date"
    PERIOD = "period"
    PLACE = "place"
    PERSON = "person"
    COUNTRY = "country"  # a country acted for ("radars to Viet Nam"), not the one acting
    ACTOR = "actor"  # any country named, the one acting included ("who pledged …")


@dataclass(frozen=True, slots=True)
class Found:
    kind: Kind
    start: int
    end: int
    text: str


_NUM = r"\d+(?:[.,]\d+)*"
_WORDNUM = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|dozens?)"
)
_SCALE = r"(?:\s?(?:million|billion|trillion|bn|mn|tn|m|b)\b)"
_CUR_PRE = r"(?:[A-Z]{0,2}\$|US\$|€|£|¥|₩|₱|\b(?:EUR|USD|RMB|JPY|GBP|AUD|SGD|INR|Rp|RM)\s?)"
_CUR_POST = (
    r"(?:(?:U\.S\.|US|Australian|Singapore|Hong Kong|New Zealand)\s)?(?:dollars?|euros?|yen|"
    r"yuan|renminbi|won|rupees?|ringgit|pesos?|baht|rupiah|dong|riyals?|dirhams?|pounds?|"
    r"francs?|kyat|kip|riel)\b"
)
_MONEY_CORE = (
    rf"(?:{_CUR_PRE}{_NUM}{_SCALE}?|{_NUM}{_SCALE}?\s?{_CUR_POST}"
    rf"|{_NUM}\s(?:million|billion|trillion)\b)"
)
_BARE_SCALED = re.compile(rf"{_NUM}\s(?:million|billion|trillion)")
_MONEY = re.compile(rf"(?:{_MONEY_CORE})(?:\s?\((?:about\s|some\s)?{_MONEY_CORE}\))?")
_PERCENT = re.compile(rf"{_NUM}\s?(?:%|percent\b|per cent\b)")
_APPROX = r"(?:(?:more|fewer|less) than|over|about|around|nearly|almost|some|at least|up to)\s"
_COUNT = re.compile(rf"\b(?:{_APPROX})?(?:{_NUM}|{_WORDNUM})\b(?!\s?(?:st|nd|rd|th)\b)", re.I)
_YEAR = r"(?:FY)?(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?\b"
_MONTH = r"(?:" + "|".join(MONTHS) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_QUALIFIER = (
    r"(?:(?:early|mid|late|the (?:end|start|beginning|middle|first half|second half|first "
    r"quarter) of)[\s-])?"
)
_DATE_CORE = (
    rf"(?:{_MONTH}\s(?:19|20)\d\d|{_MONTH}\s{_DAY}(?:\s?[-–]\s?{_DAY})?(?!\d)(?:,?\s(?:19|20)\d\d)?"
    rf"|{_DAY}(?:\s?[-–]\s?{_DAY})?\s{_MONTH}(?:\s(?:19|20)\d\d)?|{_YEAR}"
    r"|(?:next|this|last|later this|early next)\s"
    r"(?:year|month|week|spring|summer|autumn|fall|winter|quarter)|(?:"
    + "|".join(WEEKDAYS)
    + r")|\d{1,2}/\d{1,2}/\d{4})"
)
_DATE_ONE = (
    rf"(?:(?:by|from|in|until|till|before|after|since|on|to|through)\s)?{_QUALIFIER}{_DATE_CORE}"
)
_DATE = re.compile(
    rf"\b{_DATE_ONE}(?:\s?(?:to|and|until|through|[-–])\s{_DATE_ONE})*"
    rf"|\b(?:in|by|from|until|since|next|this|last|early|late)\s{_MONTH}(?![\w-])"
)
_SPAN_UNIT = r"(?:years?|months?|weeks?|days?|decades?)"
_PERIOD = re.compile(
    rf"\b(?:(?:over|for|within|across|during)\s(?:the\s)?(?:next\s|coming\s|past\s|following\s)?"
    rf"|in\sthe\s(?:next|coming|following|past)\s)?"
    rf"(?:{_NUM}|{_WORDNUM}|one|a)(?:\sand\sa\shalf)?\s{_SPAN_UNIT}\b",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]*[\w]"
_PLACE = re.compile(
    # "in Suva", "to Tuvalu and Nauru" (where something goes is a place too)
    rf"\b(?:in|at|near|around|outside|inside|to|into|di)\s(?:the\s(?:[a-z]+\s)?(?:city|town|"
    rf"capital|province|island|region|state|village|resort|port)\sof\s)?"
    rf"((?:the\s)?{_NAME}(?:\s(?:{_NAME}|of|de)|\sand\s{_NAME})*)"
)
_TITLE = (
    r"(?i:President|Prime Minister|Premier|(?:Foreign |Finance |Trade )?Minister|"
    r"(?:Press )?Secretary(?:[- ]General)?|Commissioner|Chancellor|King|Queen|Sultan|Governor|"
    r"Chair(?:man|woman|person)?|envoy|spokes(?:person|man|woman)|Ambassador|Director(?:-General)?)"
)
# "President Xi Jinping", "press secretary Sarah Sanders", "Mr. Abe"
_PERSON = re.compile(
    # "envoy for Pacific Islands affairs, Qian Bo," names the person after the title's remit
    rf"\b(?:{_TITLE}|Mr\.|Ms\.|Mrs\.|Dr\.)(?:\s(?:for|of|on)\s[^,]{{1,50}})?,?\s"
    rf"((?:{_NAME}\s?){{1,3}})"
)
# "Charles Michel, president of the European Council": the name before its title.
_PERSON_BEFORE_TITLE = re.compile(
    # "Cedric Schuster, the Samoan chair of ..."
    rf"\b({_NAME}(?:\s{_NAME}){{1,2}}),\s(?:the\s)?(?:{_NAME}\s)?{_TITLE}\b"
)
# Capitalised words that name events, bodies and documents, not places.
_NOT_PLACE = frozenset(
    words(
        "Summit Meeting Talks Session Agreement Fund Programme Program Initiative Council "
        "Committee Ministry Union Association Partnership Declaration Conference Forum Plan "
        "Protocol Year Statement Minister President Premier Secretary Dialogue Framework Network"
    )
)
_NOT_PLACE_START = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"The", "A", "An"}
_COUNTRY = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
# "Japan will provide radars to …": the country before a verb acts; it is not the recipient.
_ACTOR_AFTER = re.compile(
    r"\s(?:also\s)?(?:will|would|is|was|has|had|stood|said|could|may|can|[a-z]+(?:ed|es|s))\b"
)


def detect(text: str, kinds: frozenset[Kind] | None = None) -> list[Found]:
    """Every answer-bearing span in `text` of the given kinds (all kinds by default)."""
    wanted = kinds or frozenset(Kind)
    found: list[Found] = []
    numeric = list(_numeric(text))
    for hit in numeric:
        if hit.kind in wanted:
            found.append(hit)
    if Kind.COUNT in wanted:
        found.extend(_counts(text, numeric))
        # "450 million doses": a bare scaled number is a count as much as an amount.
        found.extend(
            Found(Kind.COUNT, f.start, f.end, f.text)
            for f in numeric
            if _BARE_SCALED.fullmatch(f.text)
        )
    if Kind.PLACE in wanted:
        found.extend(_places(text))
    if Kind.PERSON in wanted:
        found.extend(_spans(text, _PERSON, Kind.PERSON, group=1))
        found.extend(_spans(text, _PERSON_BEFORE_TITLE, Kind.PERSON, group=1))
    if Kind.COUNTRY in wanted or Kind.ACTOR in wanted:
        found.extend(f for f in _countries(text) if f.kind in wanted)
    return found


def _numeric(text: str) -> Iterator[Found]:
    # Money first, then percentages, periods and dates, each only where no earlier kind is.
    taken: list[tuple[int, int]] = []
    for pattern, kind in (
        (_MONEY, Kind.AMOUNT),
        (_PERCENT, Kind.AMOUNT),
        (_PERIOD, Kind.PERIOD),
        (_DATE, Kind.DATE),
    ):
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
                yield Found(kind, m.start(), m.end(), m.group().strip())


def _counts(text: str, numeric: list[Found]) -> Iterator[Found]:
    for m in _COUNT.finditer(text):
        if not any(m.start() < f.end and f.start < m.end() for f in numeric):
            yield Found(Kind.COUNT, m.start(), m.end(), m.group())


# "held their retreat on Waiheke Island": "on" names a place only before an island's name.
_ON_ISLAND = re.compile(rf"\bon\s((?:the\s)?(?:{_NAME}\s)+(?:Island|Islands|Atoll|Peninsula))\b")


def _places(text: str) -> Iterator[Found]:
    for m in _ON_ISLAND.finditer(text):
        yield Found(Kind.PLACE, m.start(1), m.end(1), m.group(1))
    for m in _PLACE.finditer(text):
        name = re.sub(r"\s(?:of|de)$", "", m.group(1))
        words = name.split()
        if words[0] == "the" and len(words) > 1:
            words = words[1:]
        if words[0].rstrip(".") in _NOT_PLACE_START or (words[0].isupper() and len(words) == 1):
            continue
        if "-" in words[0] and any(part.isupper() for part in words[0].split("-")):
            continue  # "China-ASEAN", "ASEAN-Korea": a relationship, not a place
        following = text[m.start(1) + len(name) :].split(None, 1)
        if any(w.strip(".,").capitalize() in _NOT_PLACE for w in words + following[:1]):
            continue
        yield Found(Kind.PLACE, m.start(1), m.start(1) + len(name), name)


def _countries(text: str) -> Iterator[Found]:
    for m in _COUNTRY.finditer(text):
        if text[m.start() - 1 : m.start()] == "-" or text[m.end() : m.end() + 1] == "-":
            continue  # "ASEAN-Australia Summit" names a meeting, not a country
        yield Found(Kind.ACTOR, m.start(), m.end(), m.group())
        if not _ACTOR_AFTER.match(text, m.end()):  # the one acting is not the one acted for
            yield Found(Kind.COUNTRY, m.start(), m.end(), m.group())


def _spans(text: str, pattern: re.Pattern[str], kind: Kind, *, group: int = 0) -> Iterator[Found]:
    for m in pattern.finditer(text):
        value = m.group(group).strip()
        yield Found(kind, m.start(group), m.start(group) + len(value), value)

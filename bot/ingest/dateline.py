"""Datelines: the "KUALA LUMPUR, Oct. 28 (Xinhua) --" that opens wire copy.

Stdlib regexes over a month table, no date-parsing library: the forms are few and a library
that guesses would also guess years, and a year the article does not give is never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Upper-case Latin letters, accented ones included ("BOGOTÁ", "SÃO PAULO"); built from a
# range, not typed out, so no letter is forgotten.
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c not in "×")
_CAPS_WORD = rf"[{_UP}][{_UP}'’.\-]*"
_CAPS_PLACE = rf"(?<![\w’'-])(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
_TITLE_PLACE = rf"(?P<place>[{_UP}][\w'’.\-]*(?:[ ][{_UP}][\w'’.\-]*){{0,3}})"
_REGION = rf"(?:,[ ]*(?P<region>[{_UP}][\w'’.\-]*(?:[ ][{_UP}][\w'’.\-]*){{0,2}}))?"
_DATE = (
    rf"(?:(?P<month>{_MONTH})[ ]+(?P<day>\d{{1,2}})(?:,?[ ]+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})[ ]+(?P<month2>{_MONTH})(?:[ ]+(?P<year2>\d{{4}}))?)"
)
_OUTLET = r"\((?P<outlet>[^()\n]{1,40})\)"
_SEP = r"[ ]*(?:--|[-–—:])"

# "KUALA LUMPUR, Oct. 28 (Xinhua) --", "ANTALYA, Türkiye, Nov 17 (Straits Wire) -",
# "WASHINGTON (AP) —": anywhere in the lead, since captions often come before it.
_WIRE = re.compile(rf"{_CAPS_PLACE}{_REGION}(?:,[ ]*{_DATE})?[ ]*{_OUTLET}{_SEP}")
# "KUWAIT CITY, May 26 —": no outlet, so the date is required to tell it from a heading.
_DATED = re.compile(rf"{_CAPS_PLACE}{_REGION},[ ]*{_DATE}{_SEP}")
# "Brussels, 9 December 2027" on a line of its own (joint statements, readouts).
_LINE = re.compile(rf"(?m)^[ \t]*{_TITLE_PLACE}{_REGION},[ ]*{_DATE}[ \t]*$")
# "WASHINGTON — President ...": only at the start of a line, where a caps word and a dash
# are a dateline rather than an acronym in a sentence.
_BARE = re.compile(rf"(?m)^[ \t]*{_CAPS_PLACE}[ ]*(?:--|—)[ ]")
# Caps words and day names that open lines the way places do.
_NOT_PLACES = frozenset(
    {
        *("UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "CORRECTION", "EDITOR'S"),
        *("PHOTO", "PHOTOS", "VIDEO", "WATCH", "LIVE", "OPINION"),
        *("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
    }
)
_LEAD_CHARS = 2000  # datelines sit in the lead; later matches are quotes of other stories


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # title-cased: "Kuala Lumpur"
    region: str | None = None  # "Türkiye" in "ANTALYA, Türkiye, Nov 17"
    month: int | None = None
    day: int | None = None
    year: int | None = None  # only when the dateline itself gives it
    outlet: str | None = None  # "Xinhua"
    start: int = 0
    end: int = 0


def parse_dateline(text: str) -> Dateline | None:
    """The first dateline in the lead of `text`, or None when it has none."""
    lead = text[:_LEAD_CHARS]
    found = [d for pattern in (_WIRE, _DATED, _LINE, _BARE) if (d := _first(pattern, lead))]
    return min(found, key=lambda d: d.start) if found else None


def _first(pattern: re.Pattern[str], text: str) -> Dateline | None:
    for match in pattern.finditer(text):
        dateline = _from_match(match)
        if dateline is not None:
            return dateline
    return None


def _from_match(match: re.Match[str]) -> Dateline | None:
    groups = match.groupdict()
    place = groups["place"].strip(" .-")
    if place.upper().split()[0] in _NOT_PLACES or len(place) < 3:
        return None
    month = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    year = groups.get("year") or groups.get("year2")
    return Dateline(
        place=_title(place),
        region=groups.get("region"),
        month=_MONTHS[month[:3].lower()] if month else None,
        day=int(day) if day else None,
        year=int(year) if year else None,
        outlet=(groups.get("outlet") or "").strip() or None,
        start=match.start("place"),
        end=match.end(),
    )


def _title(place: str) -> str:
    # Only all-caps wire places are recased; "Brussels" or "McAllen" stay as written.
    if not place.isupper():
        return place
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), place)


_FULL_DATE = re.compile(_DATE)


def year_in_text(text: str, month: int, day: int) -> int | None:
    """The year of a full date in `text` on the same month and day ("Oct. 28, 2025").

    Wire copy gives "Oct. 28" in the dateline and the year, if anywhere, in a photo caption;
    a year found that way is the article's own, not a guess.
    """
    for match in _FULL_DATE.finditer(text):
        groups = match.groupdict()
        month_name = groups["month"] or groups["month2"]
        year = groups["year"] or groups["year2"]
        found_day = int(groups["day"] or groups["day2"])
        if year and _MONTHS[month_name[:3].lower()] == month and found_day == day:
            return int(year)
    return None

"""The article's own structure: "First, ... Second, ..." points and section headings.

When a speech or readout enumerates its points, each point becomes a pillar section under the
article's own wording, and the items under it belong to that pillar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.language.text import Sentence

_ORDINAL = (
    r"(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth|seventh"
    r"|finally|lastly)"
)
# "In doing so, first, Li said, is to make mutual strategic trust more solid."
_POINT_IS_TO = re.compile(
    rf"^(?:[^,]{{0,30}},\s*)?{_ORDINAL},\s*(?:[^,]{{1,40}},\s*)?is\s+to\s+(?P<topic>[^,;]+?)\.?$",
    re.I,
)
# "First, on peace and security, ..." / "Under the second point, on the economy, ..."
_POINT_ON = re.compile(
    rf"^(?:{_ORDINAL}|under\s+the\s+{_ORDINAL}\s+(?:point|pillar|area)),\s*(?:on|in|regarding)\s+"
    rf"(?P<topic>[^,]{{3,60}}),",
    re.I,
)
_PAGE_FURNITURE = re.compile(
    r"^(?:by|updated|published|posted|photo|share|sign\s+up|subscribe|read\s+more|related|"
    r"advertisement|follow|click|listen|watch|image|caption|source)\b",
    re.I,
)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+")


@dataclass(frozen=True, slots=True)
class Heading:
    topic: str
    start: int  # where the section opens in the article text
    numbered: bool  # "3. Political and security cooperation": closes at the next "N." paragraph
    standalone: bool  # the heading is a whole sentence: it carries no item itself
    content_offset: int = 0  # where the sentence's own content starts after an inline heading
    # One of the article's own enumerated points ("First, ...", "3. Economic cooperation"):
    # it decides the pillar of the items under it. A bare crosshead only suggests one.
    point: bool = True


def find_heading(sentence: Sentence, line: str) -> Heading | None:
    """A heading in `sentence` (whose paragraph's full text is `line`), if it opens a point."""
    text = sentence.text.strip()
    point = _POINT_IS_TO.match(text)
    if point:
        return Heading(_clean(point.group("topic")), sentence.start, False, True)
    point = _POINT_ON.match(text)
    if point:
        return Heading(_clean(point.group("topic")), sentence.start, False, False, point.end())
    if _is_heading_line(text, line):
        numbered = bool(_NUMBERED.match(line))
        return Heading(_clean(text), sentence.start, numbered, True, point=numbered)
    return None


def closes_section(heading: Heading, line: str) -> bool:
    """A numbered section ends at the next top-level numbered paragraph."""
    return heading.numbered and bool(_NUMBERED.match(line))


def _is_heading_line(text: str, line: str) -> bool:
    body = _NUMBERED.sub("", line).strip()
    words = body.split()
    if body != text or not 1 <= len(words) <= 7 or body[-1:] in '.:!?"”':
        return False
    if _PAGE_FURNITURE.match(body) or "|" in body:
        return False  # "By Jane Doe", "Updated 3 hours ago", "Home | News | World"
    # All-caps crossheads in wire copy ("TRADE FRICTION") are page furniture, not points.
    if body.isupper():
        return False
    return body[0].isupper()


def _clean(topic: str) -> str:
    return topic.strip(" .,:;")

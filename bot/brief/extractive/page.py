"""The page around the story: furniture to skip, paragraphs, the lede, list lead-ins."""

from __future__ import annotations

import re

from bot.brief.extractive.state import ReadState
from bot.language.text import Sentence, paragraphs

_BOILERPLATE = re.compile(
    r"^(?:by\s+[A-Z]|published\b|updated\b|advertisement\b|subscribe\b|\(?reporting\s+by\b|"
    r"editing\s+by\b|enditem\b|\(end\)|more\s+to\s+follow|photo:|editor[’']s\s+note\b|"
    r"(?:related|read\s+more|see\s+also|also\s+read)\b.*:?\s*$|\[)",
    re.I,
)


# A line of page chrome, wherever the headline ran into it: "By Staff Reporter | Updated: Jul
# 12, 2023, 08:14 IST Share Tweet WhatsApp".
_PAGE_CHROME = re.compile(
    r"\|\s*(?:updated|published|posted)\s*:|\bshare\s+(?:tweet|on\s+facebook)\b|"
    r"\b(?:facebook|twitter|whatsapp|linkedin|email)\s+(?:twitter|whatsapp|linkedin|email|print)\b",
    re.I,
)


_RELATED = re.compile(r"^(?:related|read\s+more|see\s+also|also\s+read)\b", re.I)


_BULLET = re.compile(r"^\s*(?:[•·▪■*]|â€¢)")


def skip_line(line: str, state: ReadState) -> bool:
    stripped = line.strip()
    if _RELATED.match(stripped):
        state.in_related = True
        return True
    if state.in_related and _BULLET.match(stripped):
        return True
    state.in_related = False
    return bool(_BOILERPLATE.match(stripped) or _PAGE_CHROME.search(stripped))


def paragraph_texts(text: str) -> list[str]:
    """Each paragraph's text, indexed as `Sentence.paragraph` indexes them."""
    return [" ".join(text[start:end].split("\n")) for start, end in paragraphs(text)]


def lede_starts(sentences: list[Sentence], body_start: int) -> set[int]:
    """The opening of the story: its first paragraph, at most two sentences."""
    body = [s for s in sentences if s.start >= body_start or s.end > body_start]
    body = [s for s in body if not _BOILERPLATE.match(s.text)]
    if not body:
        return set()
    first = body[0]
    return {s.start for s in body[:2] if s.paragraph == first.paragraph}


def lead_in_of(line: str, current: str, content: str) -> str:
    """The lead-in a paragraph sets or keeps: a short line ending in a colon sets one, a list
    item (starting lower-case) keeps it, anything else ends it."""
    stripped = line.strip()
    if stripped.endswith(":") and len(stripped.split()) <= 12:
        return stripped.rstrip(":").strip()
    return current if content[:1].islower() else ""

"""Who said it: peel reporting frames ("he said", "Li said that", "according to") off a sentence.

What remains is the content the speaker committed to; the speaker is kept to resolve the actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.brief.extractive.cues import Language, find_cues

_INTERPOSED = re.compile(
    r",\s+(?P<speaker>he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})\s+"
    r"(?:said|says|added|noted|stressed|stated|explained|announced|emphasi[sz]ed|"
    r"pointed\s+out|told\s+\w+(?:\s+\w+)?)\s*,\s+"
)
_ACCORDING_TO = re.compile(r",?\s+according\s+to\s+(?P<speaker>[^,]+?)(?:,.*)?\.?\s*$")
# "..., he said, adding that <more content>"
_MORE = re.compile(
    r"^\s*(?:\s+(?:at|on|in|after|during|before|to)\s[^,]*?)?,\s*(?:adding|noting|saying)\s+(?:that\s+)?(?P<more>.+)$"
)
_NESTED_REPORT = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:said|stated|announced|added|noted|stressed)\s+(?:that\s+)?"
)
_PARTICIPLE_REPORT = re.compile(
    r",\s+(?:telling|saying|adding|noting|announcing)\s+(?:[^,]{0,50}?\s+)?that\s+"
)
_QUOTED = re.compile(r"^[\"“](?P<quote>.+?)[,.!?]?[\"”]\s*,?\s+(?P<rest>.*)$")
_ADVERBS = re.compile(r"^\s*(?:(?:also|further|then|now|later|jointly|separately)\s+)*")
_SPEAKER_STOP = re.compile(
    r"\b(?:will|would|should|must|can|could|may|ready|willing|urged|pledged|agreed)\b", re.I
)


@dataclass(frozen=True, slots=True)
class Segment:
    content: str
    speaker: str | None
    quoted: bool = False


def segments(text: str, language: Language) -> list[Segment]:
    """Split a sentence into content segments, each with its speaker when the text names one."""
    speaker: str | None = None
    quoted = False
    text = text.strip()
    quote = _QUOTED.match(text)
    found = quote and language.trailing_attribution.match(", " + quote.group("rest"))
    if quote and found:
        said = [Segment(quote.group("quote"), found.group("speaker"), quoted=True)]
        # "“...,” he noted, adding that Japan will make a $5 billion credit line available"
        added = _MORE.match(found.group("tail") or "")
        if added:
            said.append(Segment(added.group("more").strip().rstrip("."), found.group("speaker")))
        return said
    # A quotation that opens here and runs on into the next sentence.
    quoted = text[:1] in '"“' and (text.count('"') % 2 == 1 or text.count("“") > text.count("”"))
    text, speaker = _strip_interposed(text)
    text, trailing_speaker, more = _strip_trailing(text, language)
    speaker = trailing_speaker or speaker
    text, leading_speaker = _strip_leading(text, language)
    speaker = leading_speaker or speaker
    parts = [p for p in _PARTICIPLE_REPORT.split(text) if p.strip()]
    pieces: list[str] = []
    for part in parts:
        pieces.extend(p for p in _NESTED_REPORT.split(part) if p.strip())
    if more:
        pieces.append(more)
    return [Segment(p.strip().rstrip("."), speaker, quoted) for p in pieces]


def _strip_interposed(text: str) -> tuple[str, str | None]:
    match = _INTERPOSED.search(text)
    if not match:
        return text, None
    return text[: match.start()] + ", " + text[match.end() :], match.group("speaker")


def _strip_trailing(text: str, language: Language) -> tuple[str, str | None, str | None]:
    according = _ACCORDING_TO.search(text)
    if according:
        return text[: according.start()], according.group("speaker"), None
    # The last reporting frame in the sentence is the one that closes it.
    match = None
    for candidate in language.trailing_attribution.finditer(text):
        match = candidate
    if match is None or _SPEAKER_STOP.search(match.group("speaker")):
        return text, None, None
    if match.group("speaker").count(" ") > 12 or match.start() == 0:
        return text, None, None
    more = _MORE.match(match.group("tail") or "")
    return text[: match.start()], match.group("speaker"), more.group("more") if more else None


def _strip_leading(text: str, language: Language) -> tuple[str, str | None]:
    match = language.leading_attribution.match(text)
    if not match or _SPEAKER_STOP.search(match.group("speaker")):
        return text, None
    # One scan of the sentence answers every question below about where its cues sit.
    cues = find_cues(language, text)
    boundary = match.end("speaker")
    if any(c.end <= boundary for c in cues):
        return text, None  # "X called for reform and said ...": the call is content, not a name
    if any(c.start < boundary < c.end for c in cues):
        return text, None  # "Putin invited member states to ...": "states" is no reporting verb
    # "India also announced ...": an adverb may sit between the subject and its verb.
    verb_at = len(text) - len(_ADVERBS.sub("", text[boundary:], count=1))
    if any(c.start == verb_at for c in cues):
        return text, None  # "Australia announced A$50 million ...": a pledge, not a report
    if any(c.start == match.end() for c in cues):
        # "Small island states urged ...": a finite verb cannot follow a reporting verb, so
        # "states" was the subject's noun.
        return text, None
    return text[match.end() :], match.group("speaker")

"""From a content segment to clauses: each cue with its subject and its predicate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.brief.extractive.cues import Cue, Language, find_cues

_SUBJECT_BOUNDARY = re.compile(
    r",\s+(?:and|but|while|whereas)\s+|;\s+|,\s+|\s+(?:that|while|whereas|bahwa|sehingga)\s+"
)
_ELIDED = re.compile(r"(?:^|[\s,])(?:and|or|serta|dan)\s*$", re.I)
_RELATIVE = re.compile(r"\b(?:who|which|whom|whose|what)\b[^,]*$|\bthat\s*$|\byang\s*$", re.I)
_APPOSITIVE = re.compile(r"^(?:who|which|whose|whom|that|\w+ing|in|at|on|with|for|by|as)\b", re.I)
_TRAILING_JOIN = re.compile(
    r"(?:[,;]?\s+(?:and|but|while|whereas|or|serta|dan)(?:\s+that)?)?[\s,;]*$", re.I
)
_FRAME_BEFORE = re.compile(
    r"(?:,?\s+(?:and|but)\s+)?(?:[\w’'-]+\s+){0,4}?(?:sees?|said|says|believes?|noted|stressed|"
    r"emphasi[sz]ed|added|thinks?|considers?)\s+that\s+$|(?:,?\s+(?:and|but)\s+)?\s*$",
    re.I,
)
_NEW_OWNER = re.compile(r"\s+and\s+(?P<subject>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s\s+\w+\s*)$")
_IMPERSONAL = re.compile(r"it\s", re.I)  # "sees that it is important to": no relative clause
_HOW = re.compile(r"\b(?:how|whether|what)\b", re.I)
# A chunk before a cue that opens with an adjective or a participle is an aside about the
# subject named before it ("open to all countries", "based in Jakarta").
_ADJUNCT = re.compile(r"^(?:open|based|located|set|known|founded|launched|chaired|led)\b")
_COLLECTIVE = re.compile(r"\b(?:both|two|all|each|together)\b|\band\b", re.I)


@dataclass(frozen=True, slots=True)
class Clause:
    cue: Cue
    subject: str  # as written; "" when elided and carried from the clause before
    subject_start: int
    predicate: str
    before: str  # the text between the previous clause and this cue
    continues: bool  # the next clause shares this subject: the coordination runs on


def find_clauses(content: str, language: Language) -> list[Clause]:
    heads: list[tuple[Cue, str, int, str]] = []
    previous_end = 0
    for cue in find_cues(language, content):
        region = content[previous_end : cue.start]
        previous = heads[-1][0] if heads else None
        if (
            previous
            and region.strip() in ("", "to")
            and (previous.text.lower().endswith("to") or previous.kind == "hedge")
        ):
            # "urged X to agree to ...", "is expected to encourage ...": the infinitive is
            # the earlier cue's own verb.
            continue
        if _RELATIVE.search(region) and not _IMPERSONAL.match(cue.text):
            continue  # "which will guide ...", "countries that would benefit": not a new clause
        subject, subject_start = _subject(region, previous_end, bool(heads))
        if _IMPERSONAL.match(cue.text):
            # "it is important to ...": no subject; the speaker is who calls. The clause before
            # ends where a reporting frame ("and Japan sees that") begins.
            frame = _FRAME_BEFORE.search(region)
            subject, subject_start = "", previous_end + (frame.start() if frame else len(region))
        if cue.kind == "call_can" and (not _COLLECTIVE.search(subject) or _HOW.search(region)):
            continue  # "aid can reach civilians", "talked about how both can": not a proposal
        heads.append((cue, subject, subject_start, region))
        previous_end = cue.end
    clauses = []
    for i, (cue, subject, subject_start, region) in enumerate(heads):
        end = heads[i + 1][2] if i + 1 < len(heads) else len(content)
        continues = i + 1 < len(heads) and not heads[i + 1][1]
        predicate = _with_antecedent(_TRAILING_JOIN.sub("", content[cue.end : end]), region)
        clauses.append(Clause(cue, subject, subject_start, predicate, region, continues))
    return clauses


# "the exceptional quota of $1 billion that Japan will earmark to support ...": the relative
# clause's object is the noun phrase before "that"; the verb has none of its own after it.
_OBJECT_RELATIVE = re.compile(
    r"\b(?P<np>(?i:the|a|an|its|their|this|these)\s"
    r"(?:(?!\b(?i:the|a|an|its|their|this|these)\s)[^,;:]){3,80}?)\s+(?:that|which)\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|we|they|it|he|she)\s*$"
)
_NO_OBJECT = re.compile(
    r"^\s*(?P<verb>[a-z]+(?:\s+(?:aside|up|out|off|down|back|forward|away))?)"
    r"(?=\s+(?:to|for|in|on|at|by|over|under|through)\b)"
)


def _with_antecedent(predicate: str, region: str) -> str:
    """The predicate of an object relative clause with its object put back after the verb."""
    relative = _OBJECT_RELATIVE.search(region)
    verb = _NO_OBJECT.match(predicate)
    if not relative or not verb:
        return predicate
    np = relative.group("np")
    np = np[:1].lower() + np[1:] if np.split()[0] in ("The", "A", "An", "Its", "Their") else np
    return f"{predicate[: verb.end()]} {np}{predicate[verb.end() :]}"


def _subject(region: str, offset: int, has_previous: bool) -> tuple[str, int]:
    """The subject right before a cue, and where it starts (where the clause before ends)."""
    elided = _ELIDED.search(region)
    if elided:
        return "", offset + elided.start()
    last = 0
    for match in _SUBJECT_BOUNDARY.finditer(region):
        last = match.end()
    if has_previous and last == 0 and (owner := _NEW_OWNER.search(region)):
        # "... add 18 billion dollars and South Africa's share will be ...": a new subject
        last = owner.start("subject")
    if has_previous and last == 0:
        # Still inside the previous predicate with no new subject: "will A and may B".
        return "", offset + len(region)
    subject = region[last:].strip(" ,")
    if subject and last and _ADJUNCT.match(subject):
        subject = ""  # "The initiative, open to all countries since July, aims": an aside
    if not subject and last:
        # "The African Union's envoy, Amina Kiptoo, urged": the nearest chunk that can be a
        # subject, past appositive clauses ("who will join ...", "attending in place of ...").
        chunks = [c.strip() for c in re.split(r",\s*", region.strip(" ,")) if c.strip()]
        subject = next(
            (c for c in reversed(chunks) if not _APPOSITIVE.match(c) and not _ADJUNCT.match(c)),
            "",
        )
    return subject, offset + last

"""Finding commitment cues in a sentence, per language (the words are `bot.language.commitment`).

A cue marks where a predicate begins. What it commits to is decided from the cue's grammar
(modal verb, "ready to", "urged X to"), never from the topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.language.commitment import (
    EN_CUES,
    EN_REPORTING,
    EN_TRIGGERS,
    ID_CUES,
    ID_TRIGGERS,
    CueKind,
)
from bot.language.lemmas import all_lemmas
from bot.language.trie import trie_pattern
from bot.language.words import is_adverb, is_base_verb

# A possessive or determiner right before a cue word makes it a noun ("Japan's pledge to").
_NOUN_BEFORE = re.compile(
    r"(?:[’']s|\b(?:the|a|an|its|their|his|her|our|this|that|these|those|new|fresh|earlier|"
    r"other|all|some|many|any))\s+$",
    re.I,
)
# Cues that cannot be nouns, so "said that it is important to", "that China will" stand.
_NEVER_A_NOUN = re.compile(
    r"(?:it|is|are|was|were|will|shall|would|should|must|can|could|may|might)\b", re.I
)
# A gerund after such a preposition names an act inside another predicate's object, not a
# new one; "by agreeing to abide by" is the act itself, so "by" is not among them.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|toward|towards|about|from|without|despite|over)\s+(?:\w+ly\s+)?$", re.I
)
_NEED_NOUNS = ("the need", "the necessity", "the urgency", "the imperative")
# One's own companies, firms or citizens: "its companies", "Chinese enterprises".
_OWN = re.compile(
    r"^(?:(?:its|their|our|his|her)\s+(?:own\s+)?|(?:domestic|national)\s+|"
    r"[A-Z][a-z]+(?:ese|ian|ish|an|i)\s+)(?:[\w-]+\s+)?(?:companies|firms|businesses|"
    r"enterprises|investors|banks|universities|citizens|nationals|exporters)\b"
)
_INVITATION = re.compile(r"^invit", re.I)
_GERUND_CUE = re.compile(r"^\w+ing\b", re.I)
_DETERMINER_AND_WORD = re.compile(
    r"(?:[’']s|\b(?:the|a|an|its|their|his|her|our|this|that|these|those))\s+(?P<word>[a-z][\w-]*)\s+$",
    re.I,
)
_RECOGNISED_NEED = re.compile(
    r"\b(?:recogni[sz](?:e|es|ed)|acknowledg(?:e|es|ed)|not(?:e|es|ed)|understood|understand|"
    r"s(?:ee|aw))\s+$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    start: int
    end: int
    text: str
    addressee: str | None


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    cues: re.Pattern[str]  # every cue pattern in one alternation, in order of precedence
    triggers: frozenset[str]  # the words a cue can begin with (lower case)
    cue_kinds: dict[str, CueKind]  # alternation group name -> kind
    leading_attribution: re.Pattern[str]
    trailing_attribution: re.Pattern[str]
    verb_prefixes: tuple[str, ...] = ()  # morphology that marks a verb (Indonesian meN-)


def _combine(cues: list[tuple[CueKind, str]]) -> re.Pattern[str]:
    # One pass over a sentence instead of one per pattern; at any position the earlier
    # alternative wins, so the list above is ordered longest-reading first.
    groups = (
        f"(?P<c{i}>{p.replace('?P<addressee>', f'?P<a{i}>')})" for i, (_, p) in enumerate(cues)
    )
    return re.compile("|".join(groups), re.IGNORECASE)


def _kinds(cues: list[tuple[CueKind, str]]) -> dict[str, CueKind]:
    return {f"c{i}": kind for i, (kind, _) in enumerate(cues)}


LANGUAGES: dict[str, Language] = {
    "en": Language(
        code="en",
        cues=_combine(EN_CUES),
        triggers=frozenset(EN_TRIGGERS.split()),
        cue_kinds=_kinds(EN_CUES),
        leading_attribution=re.compile(
            rf"^(?P<speaker>(?:[^,\"“”]{{1,80}},\s+)?[^,\"“”]{{1,110}}?(?:,\s+[^,\"“”]{{1,70}},)?)"
            rf"\s+(?:also\s+|further\s+|later\s+)?{EN_REPORTING}(?:\s+that\b)?[,\s]+(?=\S)"
        ),
        trailing_attribution=re.compile(
            # Scraped copy puts spaces before punctuation ("the facility , Albanese said .").
            rf"\s?(?:,|[,.!?]?[\"”],?)\s+(?P<speaker>(?:[^,\"“”]{{1,100}}?))\s+(?:also\s+)?"
            rf"{EN_REPORTING}(?P<tail>(?:\s+(?:late|early|later|earlier|also))?"
            rf"(?:\s+(?:at|on|in|after|during|before|to|from|via)\b[^,]*)?"
            rf"(?:,.*)?)\s?\.?\s*$"
        ),
    ),
    "id": Language(
        code="id",
        cues=_combine(ID_CUES),
        triggers=frozenset(ID_TRIGGERS.split()),
        cue_kinds=_kinds(ID_CUES),
        leading_attribution=re.compile(
            r"^(?P<speaker>[^,\"“”]{1,110}?)\s+(?:juga\s+)?(?:mengatakan|menyatakan|menegaskan|"
            r"mengungkapkan|menyampaikan|menjelaskan)(?:\s+bahwa)?\s+(?=\S)"
        ),
        trailing_attribution=re.compile(
            r"[,.]?[\"”]?,?\s+(?:kata|ujar|ucap|tutur|jelas)\s+(?P<speaker>[^,.]{1,80})(?P<tail>.*)$"
        ),
        verb_prefixes=("me", "ber", "mem", "men", "meng", "meny", "di", "ter", "per"),
    ),
}


def find_cues(language: Language, text: str) -> list[Cue]:
    """Every cue in `text`, left to right, none overlapping."""
    # The reader asks again for the clauses and the attribution of a sentence it has scanned.
    # A sentence and its segment differ mostly by the closing full stop, which no cue spans.
    return list(_cues_of(language.code, text.rstrip(". ")))


@lru_cache(maxsize=2048)
def _cues_of(code: str, text: str) -> tuple[Cue, ...]:
    return tuple(_scan(LANGUAGES[code], text))


def forget_cues() -> None:
    """Start an article afresh: the cache serves one article's repeated questions, and no
    article's sentences should make another's brief look faster than it is."""
    _cues_of.cache_clear()


def _scan(language: Language, text: str) -> list[Cue]:
    found: list[Cue] = []
    position = 0
    for trigger in _trigger_pattern(language).finditer(text):
        if trigger.start() < position:
            continue
        match = language.cues.match(text, trigger.start())
        if not match:
            continue
        name = match.lastgroup or ""
        addressee = match.group("a" + name[1:]) if ("a" + name[1:]) in match.re.groupindex else None
        if language.code == "en" and not _acts(match.group(), addressee, text, match.end()):
            continue
        before = text[max(0, match.start() - _LOOKBEHIND) : match.start()]
        if (
            language.code == "en"
            and _NOUN_BEFORE.search(before)
            and not _NEVER_A_NOUN.match(match.group())
        ):
            continue  # "Japan's pledge to fund ...", "the plan to build ...": a noun
        if (
            language.code == "en"
            and _modified_noun(before)
            and not _NEVER_A_NOUN.match(match.group())
        ):
            continue  # "his disputed plan to ...", "an ambitious pledge to ...": still a noun
        if _PREPOSITION_BEFORE.search(before) and _GERUND_CUE.match(match.group()):
            continue  # "toward a goal of jointly mobilising $100 billion": the gerund is a noun
        if (_RECOGNISED_NEED.search(before) or _PREPOSITION_BEFORE.search(before)) and (
            match.group().lower().startswith(_NEED_NOUNS)
        ):
            # "recognized the need for ...": a stance; "talk about the need to ...", "out of
            # conviction of the imperative to ...": a motive or a topic, not a call.
            continue
        if _invited_by_the_pledge(found, match.group(), addressee, text[: match.start()]):
            continue  # "will invite 500 officers to study in China": a programme offered
        found.append(
            Cue(language.cue_kinds[name], match.start(), match.end(), match.group(), addressee)
        )
        position = match.end()
    return found


_LETTERS = re.compile(r"[A-Za-z][\w-]*")
_AT_LEAST = re.compile(r"^\s+(?:at\s+least|at\s+a\s+minimum|no\s+less\s+than)\b", re.I)
_LOOKBEHIND = 40  # enough for the word or two that makes a cue word a noun or a stance


_TRIGGER_PATTERNS: dict[str, re.Pattern[str]] = {}


def _trigger_pattern(language: Language) -> re.Pattern[str]:
    """Where a cue can begin: one C-level scan for the trigger words (and "'ll") instead of a
    Python test of every word. Built once per language."""
    pattern = _TRIGGER_PATTERNS.get(language.code)
    if pattern is None:
        pattern = _TRIGGER_PATTERNS[language.code] = _compile_triggers(language.triggers)
    return pattern


def _compile_triggers(triggers: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![A-Za-z’'])" + trie_pattern(w.lower() for w in triggers) + r"(?![A-Za-z’'])"
        r"|(?<=[A-Za-z])[’']ll(?![A-Za-z])",
        re.IGNORECASE,
    )


def _invited_by_the_pledge(found: list[Cue], cue: str, addressee: str | None, before: str) -> bool:
    """An invitation right after "will" is what the pledge does, not a call of its own; so is
    "will encourage Chinese companies to invest": steering one's own companies is policy."""
    if not found or found[-1].kind not in ("pledge", "offer") or before[found[-1].end :].strip():
        return False
    return _INVITATION.match(cue) is not None or bool(addressee and _OWN.match(addressee.strip()))


def _modified_noun(before: str) -> bool:
    """A determiner and one modifier before the cue word ("his disputed plan"): an adjective
    or a participle there makes the cue word a noun; a noun there ("the leaders plan to") is
    the subject, and the cue stays a verb."""
    found = _DETERMINER_AND_WORD.search(before)
    if not found:
        return False
    word = found.group("word").lower()
    lemmas = all_lemmas(word)
    if "NOUN" in lemmas or "PROPN" in lemmas:
        return False
    return "ADJ" in lemmas or (word.endswith("ed") and "VERB" in lemmas)


def _acts(cue: str, addressee: str | None, text: str, end: int) -> bool:
    """A cue ending in "to" must be followed by a verb: "invite 1,000 young people to China"
    names a destination and "pledges to the fund" a noun, not a commitment to act."""
    lowered = cue.lower()
    if not (lowered.endswith(" to") or addressee):
        return True
    return lowered.startswith("commit") or _verb_follows(text, end)


def _verb_follows(text: str, position: int) -> bool:
    # "to at least double": a quantifier may stand between "to" and its verb.
    window = _AT_LEAST.sub("", text[position : position + 90], count=1)
    words = _LETTERS.findall(window)[:6]
    # "to fully implement", "to actively and constructively participate"; but "to supply"
    # is the verb itself.
    while len(words) > 1 and (
        (is_adverb(words[0]) and not is_base_verb(words[0])) or words[0].lower() in ("and", "or")
    ):
        words = words[1:]
    if not words:
        return False
    word = words[0].rsplit("-", 1)[-1]  # "co-host"
    return is_base_verb(word) or (
        word.lower().endswith("ing") and "VERB" in all_lemmas(word.lower())
    )

"""The language of commitment: cue words for pledges, offers, calls and hedges, per language.

A cue marks where a predicate begins. What it commits to is decided from the cue's grammar
(modal verb, "ready to", "urged X to"), never from the topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lemminflect import getAllLemmas

from bot.brief.extractive.trie import trie_pattern
from bot.brief.extractive.words import is_adverb, is_base_verb

CueKind = Literal["pledge", "offer", "call", "call_modal", "call_can", "hedge"]

_ADV = r"\b(?:\s+(?:also|further|now|then|still|soon)\b)*"
_ON_DAY = r"(?:\s+(?:(?:on|at|in|during)\s+)?(?:\w+day|the\s+\w+|this\s+\w+))?"
# A possessive or determiner right before a cue word makes it a noun ("Japan's pledge to").
_NOUN_BEFORE = re.compile(
    r"(?:[’']s|\b(?:the|a|an|its|their|his|her|our|this|that|these|those|new|fresh|earlier|"
    r"other|all|some|many|any))\s+$",
    re.I,
)
_RECOGNISED_NEED = re.compile(
    r"\b(?:recogni[sz](?:e|es|ed)|acknowledg(?:e|es|ed)|not(?:e|es|ed)|understood|understand|"
    r"s(?:ee|aw))\s+$",
    re.I,
)
_ADDRESSEE = r"\s+(?P<addressee>(?:(?!\bto\b|[.;:]).){1,90}?)\s+to\b"


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


_EN_CUES = [
    # Offers first: "is ready to" must not be read as the copula before a pledge.
    (
        "offer",
        rf"\b(?:is|are|was|were|am|be|remains?|remained|stands?|stood){_ADV}\s+"
        rf"(?:ready|willing|prepared)\s+to\b",
    ),
    ("offer", rf"\b(?:stands?|stood){_ADV}\s+ready\s+to\b"),
    ("offer", r"\boffer(?:s|ed)?\s+to\b"),
    (
        "offer",
        r"\b(?:express(?:es|ed)?|voic(?:es|ed)|signal(?:s|l?ed))\s+(?:its|their|his|her|our)\s+"
        r"(?:readiness|willingness)\s+to\b",
    ),
    (
        "hedge",
        r"\b(?:could|might|may(?!\s+\d)|would\s+like\s+to|hopes?|hoped|hoping|wish(?:es|ed)?)\b",
    ),
    (
        "hedge",
        r"\b(?:is|are|was|were)\s+(?:considering|mulling|weighing|studying|exploring|"
        r"expected|likely|set|due|scheduled|poised)\b",
    ),
    ("pledge", rf"\b(?:will|shall|would)(?!\s+(?:not|never|like|rather)\b){_ADV}"),
    ("pledge", r"(?<=\w)[’']ll\b"),
    (
        "pledge",
        rf"\b(?:pledg(?:e|es|ed|ing)|vow(?:s|ed)?|promis(?:e|es|ed)|undert(?:ake|akes|ook)"
        rf"|resolved?|decided?|decides|intends?|intended|plans?|planned|aims?|aimed|concur(?:s|red)?"
        rf"|committ?(?:s|ed|ing)?"
        rf"(?:\s+(?:itself|themselves|ourselves))?|agree(?:s|d)?|agreeing){_ON_DAY}{_ADV}\s+to\b",
    ),
    ("pledge", r"\b(?:pledged|committed)\b"),
    # "reaffirmed the EU's commitment to delivering ...", "agreed on allocating funds ...":
    # a commitment carried by a noun, or agreement on a deliverable.
    (
        "pledge",
        r"\b(?:reaffirm(?:s|ed)?|reiterat(?:es|ed)|renew(?:s|ed)?|confirm(?:s|ed)?|"
        r"restat(?:es|ed)|announc(?:es|ed)|made|make|makes)\s+"
        r"(?:its|their|his|her|our|the\s+[\w’'. -]{1,40}?[’']s?)"
        r"\s+(?:strong\s+|firm\s+|full\s+|continued\s+|new\s+|financial\s+)?"
        r"(?:commitments?|pledges?)\s+to\b",
    ),
    ("pledge", r"\bagree(?:s|d)?\s+on\s+(?=\w+ing\b)"),
    # "announced A$50 million for ...", "unveiled a $200 million package": money put on the table
    (
        "pledge",
        r"\b(?:announc(?:e|es|ed)|unveil(?:s|ed)?|earmark(?:s|ed)|allocat(?:es|ed)|offer(?:s|ed)|"
        r"promis(?:es|ed)|committ?(?:s|ed)|provid(?:es|ed)|contribut(?:es|ed)|mobili[sz](?:es|ed))"
        r"(?=\s+(?:(?:a|an|the)\s+)?(?:new\s+|fresh\s+|further\s+|additional\s+)?"
        # "announced a pledge of $40 million", "announced funding of NZ$25 million"
        r"(?:(?:pledge|package|funding|fund|grant|loan|commitment|contribution|aid|assistance)s?"
        r"\s+(?:of|worth|totall?ing)\s+(?:about\s+|some\s+|over\s+|nearly\s+)?)?"
        r"(?:[A-Z]{0,3}\$|€|£|¥|EUR\s|USD\s)?\d)",
    ),
    ("pledge", r"\b(?:is|are)\s+(?:going|determined)\s+to\b"),
    # "we task our ministers to", "directed their officials to identify ..."
    (
        "pledge",
        rf"\b(?:task(?:s|ed)?|direct(?:s|ed)?|instruct(?:s|ed)?|mandat(?:es|ed)|"
        rf"commission(?:s|ed)?){_ADDRESSEE}",
    ),
    # "shared the intention to exchange ...", "expressed their determination to ..."
    (
        "pledge",
        r"\b(?:shar(?:e|es|ed)|express(?:es|ed)?|announc(?:e|es|ed)|stat(?:es|ed)|declar(?:es|ed)|"
        r"confirm(?:s|ed)?|reaffirm(?:s|ed)?)\s+(?:the|their|its|his|her|our)\s+(?:firm\s+|strong\s+)?"
        r"(?:intention|intent|determination|resolve|decision)\s+to\b",
    ),
    # "announced the Quad Cancer Moonshot", "unveiled a new scholarship programme": a
    # programme put on the table.
    (
        "pledge",
        r"\b(?:announc(?:e|es|ed)|unveil(?:s|ed)?)\s+(?=(?:the\s+|a\s+|an\s+)?(?:new\s+)?"
        # A programme's proper name: capitals, so the case-insensitive alternation is switched off.
        r"(?-i:(?:[A-Z][\w-]*\s+){1,6}(?:Initiative|Programme|Program|Fund|Facility|Partnership|"
        r"Centre|Center|Scholarships?|Fellowships?|Moonshot|Plan|Mission|Corridor|Network))\b|"
        r"(?:a|an)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}(?:initiative|programme|program|fund|facility|"
        r"scholarships?|fellowships?|grant|loan|package)\b)",
    ),
    (
        "call",
        rf"\b(?:urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|ask(?:s|ed|ing)?|encourag(?:e|es|ed|ing)"
        rf"|appeal(?:s|ed|ing)?\s+to|call(?:s|ed|ing)?\s+(?:on|upon)|invit(?:e|es|ed|ing)){_ADDRESSEE}"
        rf"(?=\s+\w)",
    ),
    ("call", r"\burg(?:e|es|ed|ing)\s+(?:that\b)?"),
    ("call", r"\bcall(?:s|ed|ing)?\s+for\b"),
    ("call", r"\bpropos(?:e|es|ed|ing)\s+(?:that|to)\b"),
    # "stressed the need to ...", "countries need to jointly safeguard ...": an obligation
    # put to others.
    ("call", r"\b(?:the\s+)?(?:need|needs|necessity|urgency)\s+(?:to|for)\b"),
    ("call", r"\bsuggest(?:s|ed)?\s+that\b"),
    (
        "call",
        r"\b(?:sought|seeks?|seeking)\s+(?:the\s+)?(?:\w+\s+and\s+)?(?:understanding|support|cooperation)\s+of\b",
    ),
    (
        "call",
        r"\bit\s+is\s+(?:important|necessary|essential|imperative|vital|crucial)\s+(?:to|that|for)\b",
    ),
    ("call_modal", rf"\b(?:should|must|ought\s+to){_ADV}"),
    ("call_can", rf"\bcan{_ADV}"),
]

# Every English cue above begins with one of these words (or with "'ll").
_EN_TRIGGERS = """
is are was were am be remain remains remained stand stands stood offer offers offered could
might may would hope hopes hoped hoping wish wishes wished will shall pledge pledges pledged
pledging vow vows vowed promise promises promised undertake undertakes undertook resolve
resolved decide decided decides intend intends intended plan plans planned aim aims aimed
commit commits
committed committing agree agrees agreed agreeing is task tasks tasked urge urges urged urging
press presses pressed pressing ask asks asked asking encourage encourages encouraged
encouraging appeal appeals appealed appealing call calls called calling invite invites invited
inviting propose proposes proposed proposing suggest suggests suggested sought seek seeks
seeking it should must ought can express expresses expressed voice voices voiced signal
signals signalled signaled announces announced unveil unveils unveiled earmark earmarks
earmarked allocates allocated commits announce unveil task direct directs directed instruct
instructs instructed mandates mandated commission commissions commissioned share shares shared
states stated declare declares declared concur concurs concurred provides provided contributes
contributed mobilises mobilised mobilizes mobilized reaffirm reaffirms reaffirmed reiterates
reiterated need needs necessity urgency the renew renews renewed confirm confirms confirmed
restates restated made make makes
"""
_ID_TRIGGERS = """
siap bersedia mungkin berharap mempertimbangkan akan sepakat menyepakati berkomitmen berjanji
mendesak menyerukan meminta mengajak mengimbau
"""

_ID_CUES = [
    ("offer", r"\b(?:siap|bersedia)(?:\s+untuk)?\b"),
    ("hedge", r"\b(?:mungkin|berharap|mempertimbangkan|akan\s+mempertimbangkan)\b"),
    (
        "pledge",
        r"\b(?:akan|sepakat(?:\s+untuk)?|menyepakati|berkomitmen(?:\s+untuk)?|berjanji(?:\s+untuk)?)\b",
    ),
    ("call", r"\b(?:mendesak|menyerukan|meminta|mengajak|mengimbau)(?:\s+agar|\s+supaya)?\b"),
]

_EN_REPORTING = (
    r"(?:said|says|say|stated|states|added|adds|announced|announces|noted|notes|stressed|"
    r"stresses|pointed\s+out|explained|declared|emphasi[sz]ed|underlined|insisted|remarked|"
    r"told\s+(?:(?!\bthat\b)[^,\"“”]){1,60}?)"
)


def _combine(cues: list[tuple[str, str]]) -> re.Pattern[str]:
    # One pass over a sentence instead of one per pattern; at any position the earlier
    # alternative wins, so the list above is ordered longest-reading first.
    groups = (
        f"(?P<c{i}>{p.replace('?P<addressee>', f'?P<a{i}>')})" for i, (_, p) in enumerate(cues)
    )
    return re.compile("|".join(groups), re.IGNORECASE)


def _kinds(cues: list[tuple[str, str]]) -> dict[str, CueKind]:
    return {f"c{i}": kind for i, (kind, _) in enumerate(cues)}  # type: ignore[misc]


LANGUAGES: dict[str, Language] = {
    "en": Language(
        code="en",
        cues=_combine(_EN_CUES),
        triggers=frozenset(_EN_TRIGGERS.split()),
        cue_kinds=_kinds(_EN_CUES),
        leading_attribution=re.compile(
            rf"^(?P<speaker>(?:[^,\"“”]{{1,80}},\s+)?[^,\"“”]{{1,110}}?(?:,\s+[^,\"“”]{{1,70}},)?)"
            rf"\s+(?:also\s+|further\s+|later\s+)?{_EN_REPORTING}(?:\s+that\b)?[,\s]+(?=\S)"
        ),
        trailing_attribution=re.compile(
            rf"(?:,|[,.!?]?[\"”],?)\s+(?P<speaker>(?:[^,\"“”]{{1,100}}?))\s+(?:also\s+)?{_EN_REPORTING}"
            rf"(?P<tail>(?:\s+(?:at|on|in|after|during|before|to|from|via)\b[^,]*)?(?:,.*)?)\.?\s*$"
        ),
    ),
    "id": Language(
        code="id",
        cues=_combine(_ID_CUES),
        triggers=frozenset(_ID_TRIGGERS.split()),
        cue_kinds=_kinds(_ID_CUES),
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
        if language.code == "en" and _NOUN_BEFORE.search(before):
            continue  # "Japan's pledge to fund ...", "the plan to build ...": a noun
        if _RECOGNISED_NEED.search(before) and match.group().lower().startswith(
            ("the need", "the necessity", "the urgency")
        ):
            continue  # "recognized the need for ...": a stance, not a call
        found.append(
            Cue(language.cue_kinds[name], match.start(), match.end(), match.group(), addressee)
        )
        position = match.end()
    return found


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


def _acts(cue: str, addressee: str | None, text: str, end: int) -> bool:
    """A cue ending in "to" must be followed by a verb: "invite 1,000 young people to China"
    names a destination and "pledges to the fund" a noun, not a commitment to act."""
    lowered = cue.lower()
    if not (lowered.endswith(" to") or addressee):
        return True
    return lowered.startswith("commit") or _verb_follows(text, end)


def _verb_follows(text: str, position: int) -> bool:
    words = re.findall(r"[A-Za-z][\w-]*", text[position : position + 80])[:6]
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
        word.lower().endswith("ing") and "VERB" in getAllLemmas(word.lower())
    )

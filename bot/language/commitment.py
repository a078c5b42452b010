"""The language of commitment, once for the whole product: which words mark a pledge, an
offer, a call or a hedge (the verbs that state a position, an itinerary or a state instead
are `bot.language.word_classes`).

Each consumer compiles this table for its own purpose: the extractive engine into one ordered
alternation that finds where each predicate starts (`bot.brief.extractive.cues`), the
verifier and the answerer into detectors that ask whether a sentence commits at all
(`detector`). A cue is added here once and every consumer reads it the same way.
"""

from __future__ import annotations

import re
from typing import Literal

CueKind = Literal["pledge", "offer", "call", "call_modal", "call_can", "hedge"]

ADVERBS_AFTER_CUE = r"\b(?:\s+(?:also|further|now|then|still|soon)\b)*"
_ON_DAY = r"(?:\s+(?:(?:on|at|in|during)\s+)?(?:\w+day|the\s+\w+|this\s+\w+))?"
# "called on all Parties to the Paris Agreement, particularly major emitters, to submit ...":
# a "to" before a determiner belongs to the addressee; the cue's own "to" takes a verb.
_DETERMINER_AFTER = r"\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|all)\b"
ADDRESSEE = (
    rf"\s+(?P<addressee>(?:(?!\bto\b(?!{_DETERMINER_AFTER})|[.;:]).){{1,120}}?)"
    rf"\s+to\b(?!{_DETERMINER_AFTER})"
)

EN_CUES: list[tuple[CueKind, str]] = [
    # Offers first: "is ready to" must not be read as the copula before a pledge.
    (
        "offer",
        rf"\b(?:is|are|was|were|am|be|remains?|remained|stands?|stood){ADVERBS_AFTER_CUE}\s+"
        rf"(?:ready|willing|prepared)\s+to\b",
    ),
    ("offer", rf"\b(?:stands?|stood){ADVERBS_AFTER_CUE}\s+ready\s+to\b"),
    ("offer", r"\boffer(?:s|ed)?\s+to\b"),
    (
        "offer",
        r"\b(?:express(?:es|ed|ing)?|voic(?:es|ed|ing)|signal(?:s|l?ed|l?ing)|announc(?:es|ed|ing)|"
        r"reiterat(?:es|ed|ing)|confirm(?:s|ed|ing)?)\s+"
        # "announced his country's willingness to provide ..."
        r"(?:(?:its|their|his|her|our|the)\s+(?:[\w-]+[’']s?\s+)?)?(?:readiness|willingness)\s+to\b",
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
    # "agreed to the consolidation of ... and implementation of ...": a deliverable named by
    # a nominalisation (before the verb's own "agreed to", which takes a verb).
    (
        "pledge",
        r"\b(?:agree(?:s|d)?|committ?(?:s|ed)?)\s+to\s+(?=(?:the\s+)?(?:[\w-]+\s+)?"
        r"\w+(?:tion|ment|sion|ance|ence)\s+(?:of|on)\b)",
    ),
    ("pledge", rf"\b(?:will|shall|would)(?!\s+(?:not|never|like|rather)\b){ADVERBS_AFTER_CUE}"),
    ("pledge", r"(?<=\w)[’']ll\b"),
    (
        "pledge",
        rf"\b(?:pledg(?:e|es|ed|ing)|vow(?:s|ed)?|promis(?:e|es|ed)|undert(?:ake|akes|ook)"
        rf"|resolved?|decided?|decides|intends?|intended|plans?|planned|aims?|aimed|concur(?:s|red)?"
        rf"|committ?(?:s|ed|ing)?"
        rf"(?:\s+(?:itself|themselves|ourselves))?|agree(?:s|d)?|agreeing){_ON_DAY}{ADVERBS_AFTER_CUE}\s+to\b",
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
    # "agreed on allocating ...", "agreed on the active promotion of ...", "concurred on an
    # enhanced dialogue": agreement on a deliverable, named by a gerund or a nominalisation.
    (
        "pledge",
        r"\b(?:agree(?:s|d)?|concur(?:s|red)?)\s+on\s+(?=\w+ing\b|(?:the\s+|an?\s+)?(?:\w+\s+)?"
        r"\w+(?:tion|ment|sion|ance|ence)s?\b)",
    ),
    # "announced A$50 million for ...", "unveiled a $200 million package": money put on the table
    (
        "pledge",
        r"\b(?:announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|earmark(?:s|ed)|allocat(?:es|ed)|offer(?:s|ed)|"
        r"promis(?:es|ed)|committ?(?:s|ed|ing)|provid(?:es|ed|ing)|contribut(?:es|ed|ing)|"
        r"mobili[sz](?:es|ed|ing)|pledging)"
        r"(?=\s+(?:(?:a|an|the)\s+)?(?:new\s+|fresh\s+|further\s+|additional\s+)?"
        # "announced a pledge of $40 million", "announced funding of NZ$25 million"
        r"(?:(?:pledge|package|funding|fund|grant|loan|commitment|contribution|aid|assistance)s?"
        r"\s+(?:of|worth|totall?ing)\s+(?:about\s+|some\s+|over\s+|nearly\s+)?)?"
        r"(?:[A-Z]{0,3}\$|€|£|¥|EUR\s|USD\s)?\d)",
    ),
    ("pledge", r"\b(?:is|are)\s+(?:going|determined)\s+to\b"),
    # "We're also going to open new embassies", "I am determined to ..."
    ("pledge", r"\b(?:going|determined)\s+to\b"),
    # "we task our ministers to", "directed their officials to identify ..."
    (
        "pledge",
        rf"\b(?:task(?:s|ed)?|direct(?:s|ed)?|instruct(?:s|ed)?|mandat(?:es|ed)|"
        rf"commission(?:s|ed)?){ADDRESSEE}",
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
        r"scholarships?|fellowships?|grant|loan|package)\b|"
        # "announced visa on arrival for ...", "announced 500 scholarships": a benefit granted.
        r"(?:(?:new|free|more|additional|\d[\d,]*)\s+)?(?:[\w-]+\s+){0,2}(?:visas?|"
        r"scholarships|fellowships|visa-free|duty-free)\b)",
    ),
    # "concluded with a pledge to combat terrorism": the summit's commitment, carried by a noun.
    (
        "pledge",
        r"\bwith\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?(?:pledge|commitment|promise|vow)\s+"
        r"to\b",
    ),
    # "announced setting up of a fund", "announced the establishment of a trade office",
    # "unveiled a hike in grant-in-aid": the act itself named by a noun, put on the table.
    (
        "pledge",
        r"\b(?:announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:new\s+|further\s+)?(?:setting\s+up|establishment|establishing|creation|creating|launch|"
        r"launching|opening|expansion|extension|doubling|tripling|hike|increase|rise|"
        r"introduction)\s+(?:of|in)\b",
    ),
    (
        "call",
        rf"\b(?:urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|ask(?:s|ed|ing)?|encourag(?:e|es|ed|ing)"
        rf"|appeal(?:s|ed|ing)?\s+to|call(?:s|ed|ing)?\s+(?:on|upon)|invit(?:e|es|ed|ing)){ADDRESSEE}"
        rf"(?=\s+\w)",
    ),
    ("call", r"\burg(?:e|es|ed|ing)\s+(?:that\b)?"),
    ("call", r"\bcall(?:s|ed|ing)?\s+for\b(?!\s+(?:in|by|under|within)\b)"),
    ("call", r"\bpropos(?:e|es|ed|ing)\s+(?:that\b|to\b|(?=\w+ing\b))"),
    # "stressed the need to ...", "countries need to jointly safeguard ...": an obligation
    # put to others.
    ("call", r"\b(?:the\s+)?(?:need|needs|necessity|urgency|imperative)\s+(?:to|for)\b"),
    ("call", r"\bsuggest(?:s|ed)?\s+that\b"),
    (
        "call",
        r"\b(?:sought|seeks?|seeking)\s+(?:the\s+)?(?:\w+\s+and\s+)?(?:understanding|support|cooperation)\s+of\b",
    ),
    (
        "call",
        r"\bit\s+is\s+[\"“]?(?:more\s+|most\s+|very\s+|particularly\s+|especially\s+)?"
        r"(?:important|necessary|essential|imperative|vital|crucial|urgent)(?:\s+than\s+ever)?"
        r"[\"”]?\s+(?:to|that|for)\b",
    ),
    # "advocating for a taboo-free approach", "a global support system is essential to assist"
    ("call", r"\badvocat(?:e|es|ed|ing)\s+(?:for\s+)?"),
    (
        "call",
        r"\b(?:is|are)\s+(?:essential|vital|crucial|imperative|indispensable)\s+(?:to|for)\b",
    ),
    ("call_modal", rf"\b(?:should|must|ought\s+to){ADVERBS_AFTER_CUE}"),
    ("call_can", rf"\bcan{ADVERBS_AFTER_CUE}"),
]

# Every English cue above begins with one of these words (or with "'ll").
EN_TRIGGERS = """
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
reiterated need needs necessity urgency imperative the renew renews renewed confirm confirms
confirmed
restates restated made make makes going determined announcing unveiling providing
contributing mobilising mobilizing pledging advocate advocates
advocated advocating expressing voicing
signalling signaling concurred with reiterating confirming
"""
ID_TRIGGERS = """
siap bersedia mungkin berharap mempertimbangkan akan sepakat menyepakati berkomitmen berjanji
mendesak menyerukan meminta mengajak mengimbau
"""

ID_CUES: list[tuple[CueKind, str]] = [
    ("offer", r"\b(?:siap|bersedia)(?:\s+untuk)?\b"),
    ("hedge", r"\b(?:mungkin|berharap|mempertimbangkan|akan\s+mempertimbangkan)\b"),
    (
        "pledge",
        r"\b(?:akan|sepakat(?:\s+untuk)?|menyepakati|berkomitmen(?:\s+untuk)?|berjanji(?:\s+untuk)?)\b",
    ),
    ("call", r"\b(?:mendesak|menyerukan|meminta|mengajak|mengimbau)(?:\s+agar|\s+supaya)?\b"),
]

EN_REPORTING = (
    r"(?:said|says|say|stated|states|added|adds|announced|announces|noted|notes|stressed|"
    r"stresses|pointed\s+out|explained|declared|emphasi[sz]ed|underlined|insisted|remarked|"
    r"told\s+(?:(?!\bthat\b)[^,\"“”]){1,60}?)"
)


_DETECTED: dict[tuple[str, ...], re.Pattern[str]] = {}


def detector(*kinds: CueKind, language: str = "en") -> re.Pattern[str]:
    """A pattern that finds any cue of `kinds` anywhere in a text: for consumers that ask
    whether a sentence commits or calls at all (the verifier, the answerer's judge), not
    where each predicate starts."""
    key = (language, *kinds)
    if key not in _DETECTED:
        table = EN_CUES if language == "en" else ID_CUES
        patterns = [
            pattern.replace("?P<addressee>", "?:") for kind, pattern in table if kind in kinds
        ]
        _DETECTED[key] = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return _DETECTED[key]

"""Commitments written as lists.

Declarations and speeches list what was committed rather than repeating the verb:
- a lead-in ending in a colon, then one line per deliverable, each opening with a bare verb or
  a gerund ("President Hu listed eight steps China will take, which include:" / "---Double its
  assistance ..." / "Accelerating the energy transition ...");
- a commitment noun whose content is listed ("The Chinese proposals included promoting water
  cooperation, expanding trade ties ...", "The package includes funding for a cultural centre,
  university scholarships and ...").
The lead-in or the noun gives the kind (a proposal calls, a pledge or a package commits) and
the actor; each line or listed element is one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.brief.extractive.cues import Language, find_cues
from bot.brief.figures import has_figure
from bot.core.models import Kind
from bot.language.commitment import CueKind
from bot.language.lemmas import all_lemmas
from bot.language.parties import first_party
from bot.language.words import WORD, is_adverb, is_base_verb

# A fronted adverbial before the verb of a list line: "Over the next three years, train ...".
_FRONTED = re.compile(
    r"^(?:(?:over|in|by|within|from|starting|during|before|after|through|until)\b[^,]{0,60},\s*)",
    re.I,
)
_CALL_NOUNS = r"proposals?|suggestions?|recommendations?|calls|priorities"
_PLEDGE_NOUNS = (
    r"pledges?|commitments?|package|measures|steps|initiatives|deliverables|plans?|"
    r"programmes?|programs?|undertakings|contributions?|assistance"
)
# "The Chinese proposals included promoting ...", "Japan's package includes funding for ..."
_NOMINAL = re.compile(
    # "That includes $130 million to ...": a pronoun standing for the package just announced
    rf"^(?P<np>(?:[\w’'.-]+\s+){{0,4}}?(?P<noun>{_CALL_NOUNS}|{_PLEDGE_NOUNS}|that|this|it))"
    r"\s+(?:also\s+)?"
    r"(?:include[sd]?|comprise[sd]?|cover(?:s|ed)?|consist(?:s|ed)?\s+of)\s+(?P<list>\S.+)$",
    re.I,
)
# A lead-in whose verb takes the list as its object: "The leaders agreed to:".
_LEAD_VERB = re.compile(
    r"\b(?:(?P<call>urge[sd]?|call(?:s|ed)?\s+(?:on|upon)\b[^:]{0,60}|call(?:s|ed)?\s+for|"
    r"propose[sd]?|recommend(?:s|ed)?|encourage[sd]?)|agree[sd]?|committ?(?:s|ed)?|decide[sd]?|"
    r"pledge[sd]?|resolve[sd]?|undert(?:ake|akes|ook)|vow(?:s|ed)?|will|shall|"
    r"announce[sd]?|unveil(?:s|ed)?|offer(?:s|ed)?|provide[sd]?|contribute[sd]?|"
    # "We, the Leaders ..., hereby declare as follows:"
    r"(?:hereby\s+)?declare[sd]?\s+as\s+follows|hereby)"
    # "agreed to:", "announced the following support:", "committed to these measures:"
    r"(?:\s+(?:to|on))?(?:\s+(?:the\s+following|these|this|a|an|new|its|their))?"
    r"(?:\s+[\w-]+){0,3}?\s*:\s*$",
    re.I,
)
_OWNED_AMOUNT = re.compile(
    r"(?P<owner>(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))[’']s\s+(?:[\w$€£¥.,-]+\s+){0,5}?"
    r"(?:contribution|share|pledge|commitment|package|grant|loan|investment|aid)\b"
    r"(?:.{0,40}?\d)?",
    re.I,
)
# "South Africa's share" as a whole subject; its amount follows the verb.
_OWNED_NOUN_ENDS = re.compile(r"(?:contribution|share|pledge|commitment|package)\s*$", re.I)
_AMOUNT_LINE = re.compile(
    r"^(?:(?:an?|some|up\s+to|over|nearly|about|around|more\s+than)\s+)?(?:additional\s+|new\s+)?"
    r"(?:[A-Z]{0,3}\$|€|£|¥|₹|(?:EUR|USD|AUD|NZD|JPY|RMB|CNY|INR|GBP)\s?)?\d[\d.,]*\s?"
    r"(?:million|billion|trillion|bn|m)?\b.{0,40}?\b(?:for|to|in|towards?|on)\b",
    re.I,
)
_FACT_SHEET = re.compile(r"^\s*fact\s*sheet\b", re.I)
_CALL_NOUN = re.compile(rf"^(?:{_CALL_NOUNS})$", re.I)
# Elements of a listed content: commas and semicolons at the top level, not "and" inside one
# ("expanding trade ties and connectivity cooperation" is one proposal).
_ELEMENT = re.compile(r",\s+(?:and\s+|as\s+well\s+as\s+)?|;\s+(?:and\s+)?")
# "building 30 projects and sending 500 experts": two acts, each a gerund with its object.
_GERUND_AND = re.compile(r"\s+and\s+(?=[a-z]+ing\s+(?:\d|the\b|a\b|an\b))")
_SCOPE = re.compile(
    r"^(?:the\s+)?(?:areas|fields|sectors|domains|topics|issues)\s+"
    r"(?:ranging\s+from|such\s+as|including|like)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ListLead:
    kind: Kind
    party: str | None  # the party the lead-in names, if any


def lead_of(content: str, language: Language) -> ListLead | None:
    """The list a sentence ending in a colon opens, when its words commit or call; a fact
    sheet's title opens a list of what it announces."""
    if _FACT_SHEET.match(content):
        return ListLead("pledge", first_party(content))
    if not content.rstrip().endswith(":"):
        return None
    cues = [c for c in find_cues(language, content) if c.kind != "hedge"]
    noun = re.search(rf"\b(?:{_CALL_NOUNS}|{_PLEDGE_NOUNS})\b", content, re.I)
    verb = _LEAD_VERB.search(content)
    if not cues and not noun and not verb:
        return None
    kind: Kind
    if verb:  # "The leaders agreed to:", "We urge all parties to:"
        kind = "call" if verb.group("call") else "pledge"
    elif cues:
        kind = _kind(cues[0].kind)
    else:
        assert noun is not None
        kind = "call" if _CALL_NOUN.match(noun.group()) else "pledge"
    return ListLead(kind, first_party(content))


def lead_subject(content: str) -> str:
    """Who a verb lead-in's list belongs to: "The leaders" of "The leaders agreed to:"."""
    verb = _LEAD_VERB.search(content)
    if not verb:
        return ""
    before = content[: verb.start()].rstrip()
    return re.split(r"[,;]\s+", before)[-1] if before else ""


def owned_amount(content: str) -> str | None:
    """The owner of money named with a possessive, when the sentence is about that money:
    "China's 41 billion dollar contribution to this fund" -> "China"."""
    found = _OWNED_AMOUNT.search(content)
    if not found:
        return None
    if not has_figure(found.group()) and not _OWNED_NOUN_ENDS.search(content):
        return None
    return found.group("owner")


def listed_amount(content: str) -> bool:
    """A list line that names money for a purpose without a verb: "A$20 million for maritime
    security", "USD 5 billion in concessional loans"."""
    return bool(_AMOUNT_LINE.match(content.strip()))


def bare_predicate(content: str) -> str | None:
    """The line's predicate when it opens with a bare verb or a gerund ("Provide US$3 billion
    ...", "Accelerating the energy transition"), after any fronted adverbial."""
    text = _FRONTED.sub("", content.strip())
    words = WORD.findall(text[:80])
    while len(words) > 1 and is_adverb(words[0]) and not is_base_verb(words[0]):
        words = words[1:]
    if not words:
        return None
    word = words[0].lower()
    if is_base_verb(word) or (word.endswith("ing") and "VERB" in all_lemmas(word)):
        return text
    return None


@dataclass(frozen=True, slots=True)
class NominalList:
    kind: Kind
    owner: str  # the noun phrase that owns the list ("The Chinese proposals")
    elements: list[str]


def nominal_list(content: str) -> NominalList | None:
    """A commitment noun and the elements it includes, one per deliverable."""
    match = _NOMINAL.match(content.strip().rstrip("."))
    if not match:
        return None
    if _SCOPE.match(match.group("list")):
        return None  # "cover areas ranging from trade to health": the scope, no deliverable
    elements = [
        part.strip(" .;")
        for e in _ELEMENT.split(match.group("list"))
        for part in _GERUND_AND.split(e)
        if part.strip(" .;")
    ]
    if match.group("noun").lower() in ("that", "this", "it") and not has_figure(content):
        return None  # "This includes ..." names a package only when it names its money
    kind: Kind = "call" if _CALL_NOUN.match(match.group("noun")) else "pledge"
    return NominalList(kind, match.group("np"), elements)


def compose(actor: str, kind: Kind, phrase: str) -> str:
    """A readable bullet for a listed deliverable: "China will double its assistance ..."."""
    phrase = " ".join(phrase.split()).rstrip(".;")
    first = WORD.match(phrase)
    # "Reform of the Commonwealth": a noun before "of", though "reform" can be a verb.
    verb = (
        first is not None
        and is_base_verb(first.group())
        and not phrase[first.end() :].lstrip().startswith("of ")
    )
    lowered = phrase[:1].lower() + phrase[1:] if first and not _proper(first.group()) else phrase
    # Past tense or a modal reads right after a singular or a plural actor.
    if kind != "call" and _AMOUNT_LINE.match(phrase):  # "A$20 million for ...": money
        return f"{actor} committed {phrase}" if actor != "Unattributed" else f"Commits {phrase}"
    if kind == "call":
        link = "proposed to" if verb else "called for"
    elif kind == "offer":
        link = "offered to" if verb else "offered"
    else:
        link = "will" if verb else "committed to"
    if actor == "Unattributed":
        # A decision's own list ("Further calls on Parties to ... the following:") names no
        # one; the bullet does not invent someone.
        return f"{link[:1].upper()}{link[1:]} {lowered}".replace("Will ", "Commits to ", 1)
    return f"{actor} {link} {lowered}"


def _proper(word: str) -> bool:
    return word.isupper() or (
        word[:1].isupper() and not is_base_verb(word) and word[-3:] != "ing" and word[-2:] != "ly"
    )


def _kind(cue_kind: CueKind) -> Kind:
    if cue_kind.startswith("call"):
        return "call"
    return "offer" if cue_kind == "offer" else "pledge"

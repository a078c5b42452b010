"""Is it summit coverage? Judged the way an editor would: a summit named in the text, leaders
meeting, a declaration, leaders present; the configured summit bodies (ASEAN, G20, ...) and
keywords only add weight. A "summit" next to climbers, metres or a league table is a mountain
or a ranking and counts for nothing.

Each signal has a weight; an article is coverage when its signals reach `THRESHOLD` and one of
them is a summit or a leaders' meeting. Every verdict says what was found, or what was missing.
Entity terms with a capital letter match case-sensitively ("COP30", not "cop"); a trailing
number is allowed ("G20", "COP 30").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_ENTITIES = (
    "China-ASEAN", "ASEAN", "East Asia Summit", "G20", "G7", "APEC", "BRICS", "SCO",
    "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "FOCAC",
    "Forum on China-Africa Cooperation", "COP", "UNFCCC", "Belt and Road Forum",
)  # fmt: skip
DEFAULT_KEYWORDS = (
    "summit", "leaders' meeting", "communique", "communiqué", "joint statement",
    "joint declaration", "heads of state", "heads of government", "ministerial meeting",
)  # fmt: skip

THRESHOLD = 4
WEIGHTS = {"summit": 3, "summit word": 1, "leaders meeting": 2, "declaration": 1, "leaders": 1,
           "summit body": 2, "keyword": 1}  # fmt: skip
MAX_MEETINGS = 2  # two distinct meeting phrases count; more add nothing

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# "summit" in English, "KTT"/"Konferensi Tingkat Tinggi" in Indonesian (always a summit).
_SUMMIT = re.compile(r"\bsummit(?:s|ry)?\b", re.I)
_KTT = re.compile(r"\bKTT\b|\bKonferensi Tingkat Tinggi\b")
# A name before it ("G20 summit", "Mekong-Japan Summit", "21st Arab summit") or after it
# ("Summit of the Americas"), or the capital of a title mid-sentence.
_NAMED_BEFORE = re.compile(
    r"(?!(?:The|A|An|This|That|Its|Their|His|Her|Our|Next|Last|Every)\s)"
    r"(?:[A-Z0-9][\w'’.-]*|\d+(?:st|nd|rd|th))\s+[Ss]ummit"
)
_NAMED_AFTER = re.compile(r"\b[Ss]ummit\s+(?:of|on|for)\s+(?:the\s+)?[A-Z]")
# Whole words only: "Colombo", "tariff hikes", "tabled" and "mounting" are summit words.
_GEOGRAPHIC = re.compile(
    r"(?-i:\bMount\b|\bMt\b)|\b(?:mountains?|peaks?|climb(?:s|ed|er|ers|ing)?|hikers?|hiking|"
    r"trek(?:s|king|kers?)?|metres?|meters?|altitude|expeditions?|ascents?|summited|everest|"
    r"volcano(?:es)?|volcanic|craters?|magma|hills?|ridges?|slopes?|col|glaciers?|"
    r"(?:league|points) table|top of the table|standings|leaderboard)\b",
    re.I,
)
_TITLES = (
    r"president|prime minister|premier|chancellor|king|queen|emir|sultan|crown prince|"
    # A lone "leader" leads a race or an expedition too; leaders, or a country's leader.
    r"head of state|heads of state|head of government|heads of government|leaders|"
    r"(?:country|nation)['’]s leader|"
    r"presiden|perdana menteri"
)
_LEADERS = re.compile(rf"\b(?:{_TITLES})\b", re.I)
_DIPLOMATIC = re.compile(
    rf"\b(?:{_TITLES}|delegations?|bilateral|multilateral|diplomat\w*|talks|declaration|"
    r"communiqu[eé]|joint statement|foreign ministers?)\b",
    re.I,
)
_MEETINGS = re.compile(
    r"\bleaders['’]? (?:meeting|meetings|retreat|talks)\b|\bmeeting of (?:the )?leaders\b|"
    r"\bheads of (?:state|government)\b|\bstate visit\b|\bon the sidelines of\b|"
    rf"\b(?:met|meets|meeting|talks|held talks) with (?:the )?(?:{_TITLES})\b|"
    rf"\bmeeting (?:between|with|of) [\w ]{{0,40}}?\b(?:{_TITLES})\b|"
    r"\bleaders of (?:all )?(?:the )?\d+\b|"
    # Named gatherings that are summits by another name, and the climate talks (COP).
    r"(?-i:\b(?:[A-Z][\w'’-]*\s+){1,6}(?:Conference|Forum|Dialogue)\b(?!\s+League))|"
    r"\bclimate (?:summit|talks|conference|negotiations)\b",
    re.I,
)
_DECLARATIONS = re.compile(
    r"\b(?:declaration|communiqu[eé]|joint statement|plan of action|leaders['’]? statement|"
    r"deklarasi|pernyataan bersama)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Verdict:
    relevant: bool
    reason: str


class Relevance:
    def __init__(self, entities: Sequence[str] = (), keywords: Sequence[str] = ()) -> None:
        self.entities = _patterns(entities or DEFAULT_ENTITIES)
        self.keywords = _patterns(keywords or DEFAULT_KEYWORDS)

    def judge(self, title: str, text: str) -> Verdict:
        found = self.signals(f"{title}\n{text}")
        score = sum(WEIGHTS[kind] for kind, _ in found)
        kinds = {kind for kind, _ in found}
        shown = ", ".join(dict.fromkeys(what for _, what in found))
        if score >= THRESHOLD and _about_a_meeting(kinds):
            return Verdict(True, f"summit coverage: {shown}")
        return Verdict(False, f"not summit coverage: {_missing(kinds)}" + _seen(shown))

    def signals(self, text: str) -> list[tuple[str, str]]:
        """(kind, what was found) for every signal in `text`, each kind weighed once except
        meetings (up to MAX_MEETINGS distinct phrases)."""
        found = _summits(text)
        meetings = {m.group(0).lower(): m.group(0) for m in _MEETINGS.finditer(text)}
        found += [("leaders meeting", m) for m in list(meetings.values())[:MAX_MEETINGS]]
        for kind, pattern in (("declaration", _DECLARATIONS), ("leaders", _LEADERS)):
            match = pattern.search(text)
            if match:
                found.append((kind, match.group(0).lower()))
        entities = _found(self.entities, text)
        if entities:
            found.append(("summit body", ", ".join(entities[:3])))
        keywords = [k for k in _found(self.keywords, text) if not _SUMMIT.fullmatch(k)]
        if keywords:
            found.append(("keyword", keywords[0]))
        return found


def _summits(text: str) -> list[tuple[str, str]]:
    """The strongest summit mention: named or among leaders ("summit"), else a bare word
    ("summit word"); mountains and league tables left out."""
    weak = None
    for sentence in _SENTENCE.findall(text):
        if not (_SUMMIT.search(sentence) or _KTT.search(sentence)):
            continue
        if _KTT.search(sentence):
            return [("summit", "KTT")]
        if _GEOGRAPHIC.search(sentence):
            continue
        named = _NAMED_BEFORE.search(sentence) or _NAMED_AFTER.search(sentence)
        if named and not sentence.lstrip(" \t\"'“‘(").startswith(named.group(0)):
            return [("summit", named.group(0))]
        if _DIPLOMATIC.search(sentence):
            return [("summit", "summit")]
        weak = weak or ("summit word", "summit")
    return [weak] if weak else []


def _about_a_meeting(kinds: set[str]) -> bool:
    """A summit, a leaders' meeting, or leaders issuing a declaration (a leaders' statement
    reports a summit that its text may never call one)."""
    return (
        bool(kinds & {"summit", "summit word", "leaders meeting"})
        or {
            "declaration",
            "leaders",
        }
        <= kinds
    )


def _missing(kinds: set[str]) -> str:
    if not _about_a_meeting(kinds):
        return "names no summit and no leaders' meeting"
    wants = (
        ("summit", "a named summit"),
        ("leaders", "leaders"),
        ("declaration", "a declaration"),
        ("summit body", "a summit body such as ASEAN or G20"),
    )
    needs = [name for kind, name in wants if kind not in kinds]  # fmt: skip
    wanted = ", ".join(needs[:-1]) + f" or {needs[-1]}" if len(needs) > 1 else "".join(needs)
    return f"too little beside it; wants {wanted}"


def _seen(shown: str) -> str:
    return f" (found: {shown})" if shown else ""


def _patterns(terms: Sequence[str]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for term in dict.fromkeys(t.strip() for t in terms if t.strip()):
        flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
        body = r"\s+".join(re.escape(word) for word in term.split())
        out.append((term, re.compile(rf"(?<![\w-]){body}(?:\s?\d+)?(?![\w])", flags)))
    return out


def _found(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> list[str]:
    return [term for term, pattern in patterns if pattern.search(text)]

"""Questions the ledger answers better than any one article: "what did Japan commit on energy
since 2023?". One party, a commitment verb, and a topic or a period; anything else is left to
the article Q&A. Each entry comes with its quote and link; none is "nothing in the coverage"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import Stemmer

from bot.core.ledger import LedgerEntry, LedgerQuery
from bot.core.models import Answer, Citation
from bot.language.parties import parties_in
from bot.language.word_classes import COMMITMENT_NOUNS, COMMITMENT_VERBS
from bot.language.words import STOPWORDS
from bot.ledger.export import short_date, status_label
from bot.ledger.ledger import Ledger

SHOWN = 8  # entries quoted in one answer; the rest are counted
_STEMMER = Stemmer.Stemmer("english")
# The product's one commitment vocabulary, as a question asks it.
_COMMIT = re.compile(
    r"\b(?:"
    + "|".join(sorted(COMMITMENT_VERBS | COMMITMENT_NOUNS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?P<word>since|from|after|before|until|in)\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_TOPIC = re.compile(
    r"\b(?:on|for|to|about|in)\s+(?P<topic>[a-z][\w\s-]*?)"
    r"(?=\s+(?:since|from|after|before|until|in)\s+\d|[?.!]|$)",
    re.I,
)
# "What did …", "Which …", "List …": asks for the commitments themselves. "How much did Japan
# pledge …" asks for one figure, which the article Q&A finds and quotes.
_LISTING = re.compile(r"^\W*(?:what|which|list|show|tell me)\b(?!.*\bhow (?:much|many)\b)", re.I)
_NOT_TOPICS = frozenset({"the", "a", "an", "it", "its", "asean", "summit", "summits"})


@dataclass(frozen=True, slots=True)
class LedgerQuestion:
    actor: str
    topic: list[str]  # stems every entry must carry
    words: str  # the topic as asked, for the answer
    since: date | None
    until: date | None


def read_question(question: str) -> LedgerQuestion | None:
    """The question as a ledger query, or None when it is not one for the ledger."""
    verb = _COMMIT.search(question)
    if verb is None or not _LISTING.match(question):
        return None
    # Who commits is named before the verb ("what did japan commit to ASEAN …"), in any case.
    before = question[: verb.start()]
    parties = list(dict.fromkeys(parties_in(before) + parties_in(before.title())))
    if len(parties) != 1:
        return None
    since, until = _period(question)
    words = _topic(question, parties[0])
    if not words and since is None and until is None:
        return None
    stems = _STEMMER.stemWords(re.findall(r"[a-z]+", words.lower()))
    return LedgerQuestion(parties[0], stems, words, since, until)


async def answer_from_ledger(question: str, ledger: Ledger) -> Answer | None:
    """The ledger's answer, or None to let the article Q&A answer (not a ledger question, or
    nothing filed yet for that party)."""
    asked = read_question(question)
    if asked is None:
        return None
    everything = await ledger.entries(LedgerQuery(actor=asked.actor))
    if not everything:
        return None
    query = LedgerQuery(actor=asked.actor, since=asked.since, until=asked.until)
    found = [e for e in await ledger.entries(query) if _about(e, asked.topic)]
    return _answer(asked, found)


def _answer(asked: LedgerQuestion, found: list[LedgerEntry]) -> Answer:
    about = _about_text(asked)
    if not found:
        return Answer(answer=f"Nothing in the coverage: the ledger holds no commitment by "
                             f"{asked.actor}{about}.", answerable=False)  # fmt: skip
    lines = [f"{asked.actor}{about}: {len(found)} in the ledger."]
    lines += [_line(entry) for entry in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"…and {len(found) - SHOWN} more (summit pledges --actor {asked.actor}).")
    citations = [
        Citation(quote=e.sources[0].quote, title=e.sources[0].title, url=e.sources[0].url,
                 span=e.sources[0].span)
        for e in found[:SHOWN] if e.sources
    ]  # fmt: skip
    return Answer(answer="\n".join(lines), answerable=True, citations=citations)


def _line(entry: LedgerEntry) -> str:
    where = ", ".join(p for p in (entry.summit or "", short_date(entry.date)) if p)
    return f"• [{status_label(entry)}] {entry.text}" + (f" ({where})" if where else "")


def _about_text(asked: LedgerQuestion) -> str:
    parts = [f" on {asked.words}" if asked.words else ""]
    if asked.since:
        parts.append(f" since {short_date(asked.since)}")
    if asked.until:
        parts.append(f" until {short_date(asked.until)}")
    return "".join(parts)


def _about(entry: LedgerEntry, stems: list[str]) -> bool:
    if not stems:
        return True
    text = set(_STEMMER.stemWords(re.findall(r"[a-z]+", f"{entry.text} {entry.pillar}".lower())))
    return all(stem in text for stem in stems)


def _period(question: str) -> tuple[date | None, date | None]:
    since = until = None
    for match in _PERIOD.finditer(question):
        word, year = match.group("word").lower(), int(match.group("year"))
        if word in ("since", "from"):
            since = date(year, 1, 1)
        elif word == "after":
            since = date(year + 1, 1, 1)
        elif word == "before":
            until = date(year - 1, 12, 31)
        elif word == "until":
            until = date(year, 12, 31)
        else:
            since, until = date(year, 1, 1), date(year, 12, 31)
    return since, until


def _topic(question: str, actor: str) -> str:
    """ "energy" in "what did Japan commit on energy since 2023": the words after on/to/for."""
    verb = _COMMIT.search(question)
    rest = question[verb.end() :] if verb else question
    found = _TOPIC.search(rest)
    if not found:
        return ""
    words = [
        w
        for w in found.group("topic").split()
        if w.lower() not in _NOT_TOPICS and w.lower() not in STOPWORDS
    ]
    words = [w for w in words if actor.lower() not in w.lower()]
    return " ".join(words)

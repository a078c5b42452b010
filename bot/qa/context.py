"""Follow-ups in a thread: "and on tourism?" asked after "What did China pledge on trade?"
means "What did China pledge on tourism?". The previous question lends its frame."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.qa.vocabulary import COUNTRIES

_LEAD = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+|^\s*(?:and\s+)?what\s+of\s+|^\s*(?:and|also|"
    r"same\s+for|ditto\s+for)\s+",
    re.I,
)
_PREPOSITION = r"(?:on|about|regarding|concerning|for|in|at|with|to|from|under|over|into)"
_TOPIC_PP = re.compile(r"\s(?:on|about|regarding|concerning|for|in)\s", re.I)
_WH = re.compile(r"\b(?:what|which|who|whom|when|where|why|how|did|does|do|will|is|are)\b", re.I)
_COUNTRY = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True, slots=True)
class Conversation:
    """One thread's state: the last question asked and the coverage it was asked about."""

    previous_question: str | None = None
    brief_id: int | None = None
    article_sha256s: tuple[str, ...] = ()

    def resolve(self, question: str) -> str:
        """`question` made whole from the previous one when it is elliptical."""
        if not self.previous_question or not _elliptical(question):
            return question
        if _WH_ONLY.match(question):
            return _new_ask(self.previous_question, question)
        return _merge(self.previous_question, _LEAD.sub("", question).strip(" ?.!"))

    def after(self, question: str) -> Conversation:
        """The conversation once `question` has been asked (as resolved)."""
        return replace(self, previous_question=self.resolve(question))


# "And when?", "until when?", "how much?": only the ask changes; the subject is the last one's.
_WH_ONLY = re.compile(
    r"^\s*(?:and\s+)?(?:(?:until|by|since|from|for|in|at|to)\s+)?"
    r"(?:when|where|who|whom|how (?:much|many|long)|what (?:date|year|amount))\s*[?.!]*\s*$",
    re.I,
)
_ASK = re.compile(
    r"^\W*(?:(?:until|by|since|from|for|in|at|to|over|on)\s+)?(?:what|which|who|whom|when|"
    r"where|how)(?:\s+(?:much|many|large|big|long|date|year|amount|period))?\s+",
    re.I,
)


def _elliptical(question: str) -> bool:
    if _LEAD.match(question) or _WH_ONLY.match(question):
        return True
    words = question.strip(" ?.!").split()
    return 0 < len(words) <= 4 and not _WH.search(question)


def _new_ask(previous: str, ask: str) -> str:
    """ "How large is the package?" + "and until when?" → "until when is the package?" """
    frame = previous.strip().rstrip("?.! ")
    rest = _ASK.sub("", frame, count=1)
    wh = re.sub(r"^\s*and\s+", "", ask, flags=re.I).strip(" ?.!")
    return f"{wh[:1].upper()}{wh[1:]} {rest}?" if rest != frame else previous


def _merge(previous: str, fragment: str) -> str:
    frame = previous.strip().rstrip("?.! ")
    if not fragment:
        return previous
    preposition = re.match(rf"{_PREPOSITION}\b", fragment, re.I)
    if preposition:
        same = list(re.finditer(rf"\s{preposition.group()}\s", frame, re.I))
        if same:
            return f"{frame[: same[-1].start()]} {fragment}?"
        topic = _last_topic(frame)
        return f"{frame[: topic.start()] if topic else frame} {fragment}?"
    country = _COUNTRY.fullmatch(fragment)
    named = _COUNTRY.search(frame)
    if country and named:
        return f"{frame[: named.start()]}{fragment}{frame[named.end() :]}?"
    topic = _last_topic(frame)
    if topic:
        word = topic.group().split()[0]
        return f"{frame[: topic.start()]} {word} {fragment}?"
    return f"{frame} about {fragment}?"


def _last_topic(frame: str) -> re.Match[str] | None:
    """The last "on/about/for/in …" phrase: what the previous question was about."""
    found = list(_TOPIC_PP.finditer(frame))
    return found[-1] if found else None

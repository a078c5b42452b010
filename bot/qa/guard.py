"""Questions are untrusted input: screen out what is not a question about the coverage."""

from __future__ import annotations

import re

ASK = "Ask a question about the coverage."
TOO_LONG = "That question is too long. Ask one short question about the coverage."
OFF_TOPIC = "I only answer questions about the coverage, with quotes from it."
MAX_CHARS = 500

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
_LETTER = re.compile(r"[^\W\d_]")
# Attempts to steer the bot rather than ask about the coverage. Answers here are extracted,
# never generated, so this is about a clear reply, not about a defence.
_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|prompts?|rules|"
    r"messages?|context)\b|\bsystem prompt\b|\byou are now\b|\bact as\b|\bjailbreak\b",
    re.I | re.S,
)


def clean(question: str) -> str:
    return " ".join(_CONTROL.sub(" ", question).split())


def refusal(question: str) -> str | None:
    """The reply to give instead of an answer, or None when `question` may be answered."""
    if len(question) > MAX_CHARS:
        return TOO_LONG
    if not _LETTER.search(question):
        return ASK
    if _INJECTION.search(question):
        return OFF_TOPIC
    return None

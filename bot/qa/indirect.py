"""A declined question echoed back as English: "how much capital will China inject" becomes
"the coverage doesn't say how much capital China will inject"."""

from __future__ import annotations

import re

from lemminflect import getInflection

from bot.language.words import is_base_verb, is_only_verb

_WH = r"(?:what|which|who|whom|whose|when|where|why|how)"
_INVERTED = re.compile(
    rf"^(?P<wh>(?:\w+\s+)?{_WH}\b(?:\s+[\w'’-]+){{0,3}}?)\s+"
    r"(?P<aux>will|would|shall|can|could|should|must|is|are|was|were|has|have|had|did|does|do)\s+"
    r"(?P<rest>.+)$",
    re.I,
)


def indirect(question: str) -> str:
    """A direct question as the object of "doesn't say": "how much capital will China inject"
    → "how much capital China will inject"; "what did Li say" → "what Li said"."""
    match = _INVERTED.match(question)
    if not match:
        return question[:1].lower() + question[1:]
    words = match.group("rest").split()
    aux = match.group("aux").lower()
    at = _verb_at(
        words,
        loose=aux not in ("is", "are", "was", "were", "has", "have", "had"),
        base=aux
        in ("did", "does", "do", "will", "would", "shall", "can", "could", "should", "must"),
    )
    if at is None:
        return question[:1].lower() + question[1:]
    subject, tail = " ".join(words[:at]), words[at:]
    if aux in ("did", "does", "do"):
        clause = " ".join([subject, _tensed(tail[0], aux), *tail[1:]])
    else:
        clause = " ".join([subject, aux, *tail])
    wh = match.group("wh")
    return f"{wh[:1].lower()}{wh[1:]} {clause}"


def _verb_at(words: list[str], *, loose: bool, base: bool) -> int | None:
    """Where the subject's verb begins: "to", "be" or a word that can only be a verb; failing
    those, the first lower-case word that can be one. After "did"/"does" the verb is in its
    base form ("does Japan say it will keep prioritising": "say", not "prioritising"), and a
    word right after a determiner is a noun ("did the visit take place": "take")."""
    for i, word in enumerate(words[1:], start=1):
        if (base and not is_base_verb(word)) or words[i - 1].lower() in _DETERMINERS:
            continue
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if word.lower() == "to" and following in _DETERMINERS:
            continue  # "pledges to the fund": a preposition, not the infinitive's "to"
        if word.lower() in ("to", "be") or (word.islower() and is_only_verb(word)):
            return i
    for i, word in enumerate(words[1:], start=1):
        if words[i - 1].lower() in _DETERMINERS:
            continue
        if loose and word.islower() and is_base_verb(word):
            return i
    return None


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"])


def _tensed(verb: str, aux: str) -> str:
    tag = "VBD" if aux == "did" else ("VBZ" if aux == "does" else "VBP")
    forms = getInflection(verb, tag=tag)
    return forms[0] if forms else verb

"""A candidate's bullet text, composed from its actor, its cue and what it commits to."""

from __future__ import annotations

import re

from bot.brief.extractive.clauses import Clause
from bot.language.calendar import WEEKDAY_PATTERN

_ON_DAY = re.compile(rf"\s+(?:on\s+)?{WEEKDAY_PATTERN}\b", re.I)


# "Lula reiterated": a subject that already ends in its verb of saying.
_PROGRESSIVE = {
    "going to": "will",
    "announcing": "announced",
    "unveiling": "unveiled",
    "determined to": "will",
}


_WITH_A_NOUN = re.compile(
    r"^with\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?(pledge|commitment|promise|vow)\s+to$", re.I
)
_NOUN_AS_VERB = {
    "pledge": "pledged to",
    "commitment": "committed to",
    "promise": "promised to",
    "vow": "vowed to",
}

_SAYING_END = re.compile(r"\b(?:\w+ed|said|says|stresses|notes|underlines|highlights)$", re.I)


def compose_item(display: str, clause: Clause, phrase: str) -> str:
    # A bullet never names an actor the article does not ("Unattributed" is for the JSON).
    display = "" if display == "Unattributed" else display
    cue = _ON_DAY.sub("", " ".join(clause.cue.text.split()))
    # The copula went with the subject ("We're going to", "I am announcing"): say it plainly.
    cue = _PROGRESSIVE.get(cue.lower(), cue)
    # "with a pledge to": the noun says what the subject did ("The summit pledged to").
    cue = _WITH_A_NOUN.sub(lambda m: _NOUN_AS_VERB[m.group(1).lower()], cue)
    body = (
        re.sub(r"^to\s+", "", phrase.strip())
        if cue.lower().endswith(" to") or cue.lower() == "to"
        else phrase.strip()
    )
    body = _ON_DAY.sub("", body)
    # "it is important to ...": an impersonal call is the speaker's, said in its own words.
    if cue.lower().startswith("it "):
        joined = f"{display}: {cue} {body}"
    elif cue.lower().startswith(
        ("the need", "the necessity", "the urgency", "the imperative")
    ) and not _SAYING_END.search(display):
        joined = f"{display} stressed {cue} {body}"  # the reporting verb went with the speaker
    else:
        joined = f"{display} {cue} {body}"
    text = " ".join(joined.split()).strip(" ,;:")
    text = text.rstrip(".") if not text.endswith("..") else text
    if text.count('"') % 2 and text.endswith('"'):
        # a quotation's closing mark whose opening went with the sentence's start
        text = text[:-1].rstrip(".")
    elif text.count('"') % 2:
        text += '"'  # the attribution took the closing quote: "the "ASEAN Way," he said"
    return text[:1].upper() + text[1:]

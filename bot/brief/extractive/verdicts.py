"""Verdicts on a clause that has a cue: whether what follows it still commits to nothing
(a stance, an itinerary, colour in a quotation) or only forecasts what a thing will do."""

from __future__ import annotations

import re

from bot.brief.extractive.actors import Cast
from bot.brief.extractive.clauses import Clause
from bot.brief.extractive.coordination import strip_frame
from bot.brief.extractive.cues import Language
from bot.brief.extractive.filters import founds_something, head_verb, is_concrete, not_a_commitment
from bot.brief.figures import has_figure
from bot.core.models import Kind
from bot.language.word_classes import PRINCIPLE_VERBS

_TAKES_VERB = re.compile(
    r"\b(?:to|will|would|shall|should|must|can|[’']ll)(?:\s+(?:also|further|now|then|still|soon|"
    r"\w+ly))*\s*$",
    re.I,
)
_COMMITTED_TO_A_THING = re.compile(
    r"^\s*(?:pledged|committed)\s+to\s+(?:the|a|an|its|their|our|his|her)\s", re.I
)
_PASSIVE = re.compile(
    r"^\s*(?:\w+ly\s+)?be\s+(?:(?:\w+ly|further|also|jointly|now|then|still)\s+)?"
    r"(?:\w+(?:ed|en|wn|un|ught)|held|made|set|put|kept|built|paid|sent|led|met|done|found|"
    r"bound|brought|spent|cut|left|won)\b",
    re.I,
)
_WE = re.compile(r"^(?:we|us|our)$", re.I)
# A name whose head is capitalised is a body that acts; "The RCEP agreement" is a thing.
_NAMED_BODY = re.compile(r"(?-i:[A-Z][\w-]+\s+[A-Z][\w-]+)\s*$|\bthe\s+(?-i:[A-Z][\w-]+)\s*$", re.I)
_PURPOSE = re.compile(r"\s*(?:aims?|aimed|seeks?|sought|intends?|intended)\b", re.I)
MODAL = re.compile(r"\s*(?:will|would|shall|[’']ll)\b", re.I)
AGENT = re.compile(
    r"^(?:he|she|i|we|they|it|you)$|\b(?:leaders?|ministers?|officials?|governments?|states|"
    r"countries|members|nations|sides?|blocs?|delegations?|union|council|commission|president|"
    r"premier|minister|chancellor|king|administration|authorit(?:y|ies)|agenc(?:y|ies)|ministry|"
    r"secretariat|envoy|parties|partners|donors|lenders?|banks?|militar(?:y|ies)|forces|navy|"
    r"navies|coast\s+guards?|armed\s+forces|ministries|cabinet|parliament|congress|allies|"
    r"alliance|signator(?:y|ies)|coalition|co-?chairs?|presidency|donors?|funders?|"
    r"institutions|organi[sz]ations?|forum|group(?:ing)?|quad)\b",
    re.I,
)


def rejected(
    phrase: str, clause: Clause, kind: Kind, subject: str, quoted: bool, language: Language
) -> bool:
    if not phrase.strip():
        return True
    core = strip_frame(phrase)
    # "will also", "will then": the adverbs the cue took in do not change what follows it.
    takes_verb = bool(_TAKES_VERB.search(clause.cue.text)) or clause.cue.kind in (
        "call_modal",
        "call_can",
    )
    # "should be further strengthened", "must be followed by action": a call in the passive
    # asks for the act all the same.
    passive_call = clause.cue.kind in ("call", "call_modal") and bool(_PASSIVE.match(core))
    if language.code == "en" and takes_verb and not passive_call and not_a_commitment(core):
        return True
    if kind != "call" and head_verb(core)[0] in PRINCIPLE_VERBS:
        return True
    if _COMMITTED_TO_A_THING.match(
        f"{clause.cue.text.strip()} {phrase.strip()}"
    ) and not has_figure(phrase):
        return True  # "is deeply committed to the FTAA": a stance toward a thing, not an act
    if quoted and kind != "call" and _WE.match(subject.strip()):
        return False  # "We will help emerging economies ...": a declaration quoted whole
    if quoted:
        # Quotations carry colour; only a concrete quoted commitment is an item.
        concrete = is_concrete(subject + " " + core if kind == "call" else core)
        return not (concrete or founds_something(core))
    return False


def predicts(clause: Clause, subject: str, party: str, cast: Cast, language: Language) -> bool:
    """ "The deal would cut tariffs", "Trade will grow", "The initiative aims to coordinate":
    a forecast or a description of a thing, not a commitment. A modal or a purpose commits
    only an agent: a party, a person, a body of people."""
    if language.code != "en" or not (
        MODAL.match(clause.cue.text) or _PURPOSE.match(clause.cue.text)
    ):
        return False
    if not subject or AGENT.search(subject) or cast.party_of(party) or cast.party_of(subject):
        return False
    if _NAMED_BODY.search(subject):
        return False  # "the Peace Corps will return", "the Asian Development Bank will lend"
    return not any(token in cast.person_party for token in subject.split())

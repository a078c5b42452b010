"""Reading commitments that come as lists, owned amounts, or a sentence the excerpt cuts off.

The reader hands each sentence here first; what is read as a list lead-in, a list line, a
listing noun or an owned amount becomes candidates directly (see `lists` for the grammar).
"""

from __future__ import annotations

import re

from bot.brief.extractive.actors import Cast, clean_subject, resolve
from bot.brief.extractive.clauses import find_clauses
from bot.brief.extractive.coordination import split_predicate
from bot.brief.extractive.cues import Cue, Language
from bot.brief.extractive.filters import not_a_commitment
from bot.brief.extractive.lists import (
    bare_predicate,
    compose,
    lead_of,
    lead_subject,
    listed_amount,
    nominal_list,
    owned_amount,
)
from bot.brief.extractive.state import Candidate, ReadState, context_party
from bot.brief.figures import has_figure
from bot.core.models import Kind
from bot.language.lemmas import all_lemmas
from bot.language.parties import first_party
from bot.language.text import LIST_MARKER
from bot.language.words import STOPWORDS, WORD

_LIST_LINE = LIST_MARKER
_TERMINAL = frozenset('.!?"”’)]:;')
_SUMMIT_VOICE = re.compile(r"\b(?:declaration|communiqu[eé]|joint\s+statement|leaders)\b", re.I)
_WE_OPENS = re.compile(r"^\s*We\b")  # "We, the Leaders of ..., hereby declare as follows:"


def read_owned_amount(content: str, span: tuple[int, int], state: ReadState) -> None:
    """ "China's 41 billion dollar contribution to this fund", "South Africa's share will be 5
    billion dollars": money a party owns by the possessive is its commitment."""
    owned = owned_amount(content)
    if owned is None:
        return
    party = first_party(owned) or owned
    state.candidates.append(
        Candidate(
            kind="pledge",
            actor=party,
            text=" ".join(content.split()).rstrip("."),
            phrase=content,
            named=state.cast.party_of(party) == party,
            evidence_start=span[0],
            evidence_end=span[1],
            heading=state.heading,
            in_lede=False,
        )
    )


def cut_at(text: str) -> int:
    """Where an excerpt that stops mid-word ("... and increase the number of Ch") ends; -1
    when it ends on a full word or a stop (a list line without a full stop is not cut)."""
    stripped = text.rstrip()
    words = WORD.findall(stripped[-40:])
    if not words or stripped[-1] in _TERMINAL:
        return -1
    broken = stripped.endswith("…") or not all_lemmas(words[-1].lower())
    return len(stripped) if broken else -1


def cut_short(phrase: str, end: int, state: ReadState) -> bool:
    """A commitment the cut leaves unclear: without its broken last word it is under three
    words or ends on a function word ("increase the number of", "ensure that")."""
    if state.cut_at < 0 or end < state.cut_at:
        return False
    words = phrase.split()
    if not words or not state.text_tail.endswith(words[-1]):
        return False  # an earlier part of the last sentence, complete in itself
    kept = words[:-1]
    if has_figure(" ".join(kept)):
        return False  # "will provide $5 million to the": the figure makes it clear
    return len(kept) < 3 or kept[-1].lower() in STOPWORDS


def read_list(
    content: str,
    own_cues: list[Cue],
    opens_paragraph: bool,
    line: str,
    span: tuple[int, int],
    state: ReadState,
    language: Language,
) -> bool:
    """Read `content` as a list lead-in, a list line or a listing noun; False when it is none."""
    if language.code != "en":
        return False
    if state.list_lead and _SUBLIST.match(content):
        return True  # "This includes:" under a listed item: its sub-items are the list's too
    if opens_paragraph and state.list_lead and not _continues_list(line, content):
        state.list_lead = None
    lead = lead_of(content, language)
    if lead:
        state.list_lead = lead
        joint = state.cast.joint_actor if _WE_OPENS.match(content) else None
        state.list_party = (
            joint or lead.party or _lead_party(content, state.cast, language, lead.kind)
        )
        return True  # the lead-in itself only announces what follows
    start, end = span
    # A list line that opens with its own bare verb is the list's, whatever cues its relative
    # or purpose clauses hold ("Set up a fund which will reach $5 billion to encourage ...").
    opens_bare = not own_cues or own_cues[0].start > 0
    if state.list_lead and opens_bare and (predicate := bare_predicate(content)):
        phrases = split_predicate(predicate, lede=False, verb_prefixes=())
        _add_listed(state.list_lead.kind, state.list_party, phrases, start, end, state)
        return True
    if state.list_lead and not own_cues and _NOMINAL_LINE.match(content) and _LIST_LINE.match(line):
        # "a) the reform of the Action Group;": a marked line naming an act by its noun
        _add_listed(state.list_lead.kind, state.list_party, [content], start, end, state)
        return True
    if state.list_lead and not own_cues and listed_amount(content):
        # "Australia announced:" then "• A$20 million for maritime security in Fiji".
        _add_listed(state.list_lead.kind, state.list_party, [content], start, end, state)
        return True
    listing = None if own_cues else nominal_list(content)
    if listing:
        party = first_party(listing.owner) or context_party(state.cast)
        _add_listed(listing.kind, party, listing.elements, start, end, state)
        return True
    return False


_NOMINAL_LINE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]+\s+of\b")
_SUBLIST = re.compile(
    r"^(?:this|these|that|it|they)\s+(?:also\s+)?(?:includes?|comprises?|involves?|covers?)\s*:?\s*$",
    re.I,
)


def _continues_list(line: str, content: str) -> bool:
    stripped = line.lstrip()
    return (
        bool(_LIST_LINE.match(stripped)) or stripped[:1].islower() or bool(bare_predicate(content))
    )


def _lead_party(content: str, cast: Cast, language: Language, kind: Kind) -> str:
    clauses = find_clauses(content, language)
    subject = clean_subject(clauses[0].subject if clauses else lead_subject(content))
    actor = resolve(subject, None, cast, speaks_for_self=kind == "call", quoted=False)
    party = cast.party_of(actor.party) or actor.party
    if party != "Unattributed":
        return party
    # "The declaration contains these commitments:": the summit's leaders speak through it;
    # a decision's "Further calls on Parties to ...:" speaks for the meeting, named by no one.
    if _SUMMIT_VOICE.search(content):
        return "The leaders"
    return "Unattributed" if not subject else context_party(cast)


def _add_listed(
    kind: Kind, party: str, phrases: list[str], start: int, end: int, state: ReadState
) -> None:
    for phrase in phrases:
        if not phrase.strip() or (kind != "call" and not_a_commitment(phrase)):
            continue
        if cut_short(phrase, end, state):
            continue
        state.candidates.append(
            Candidate(
                kind=kind,
                actor=party,
                text=compose(party, kind, phrase),
                phrase=phrase,
                named=state.cast.party_of(party) == party,
                evidence_start=start,
                evidence_end=end,
                heading=state.heading,
                in_lede=False,
            )
        )

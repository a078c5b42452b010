"""Walk an article sentence by sentence and collect candidate items with their context."""

from __future__ import annotations

import re

from bot.brief.extractive.actors import Cast, clean_subject, note_subject, read_cast, resolve
from bot.brief.extractive.attribution import Segment, segments
from bot.brief.extractive.clauses import Clause, find_clauses
from bot.brief.extractive.compose import compose_item
from bot.brief.extractive.coordination import split_predicate
from bot.brief.extractive.cues import Language, find_cues
from bot.brief.extractive.filters import (
    is_background,
    is_negated,
    is_passive_delivery,
)
from bot.brief.extractive.listing import cut_at, cut_short, read_list, read_owned_amount
from bot.brief.extractive.lists import (
    owned_amount,
)
from bot.brief.extractive.page import lead_in_of, lede_starts, paragraph_texts, skip_line
from bot.brief.extractive.sections import Heading, closes_section, find_heading
from bot.brief.extractive.state import Candidate, ReadState, context_party
from bot.brief.extractive.verdicts import AGENT, MODAL, predicts, rejected
from bot.core.models import Kind
from bot.language.parties import first_party
from bot.language.text import Sentence, segment
from bot.language.word_classes import COMMENTATORS
from bot.language.words import WORD

# "On the situation in Myanmar, Kitamura called for ...": the fronted topic is part of the claim.
_TOPIC = re.compile(
    r"^(?P<topic>(?:On|Regarding|Concerning|As\s+for|With\s+regard\s+to)\s+[^,]{3,60}),\s+"
)
# "Pacific Islands Forum leaders have endorsed ... and agreed to": the named group that opens
# the sentence, after any "HONIARA:" dateline.
_OPENING_NAME = re.compile(
    r"(?:[A-Z]{3,}[\w ]*:\s+)?(?P<name>(?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
    r"(?:\s+(?:leaders|ministers|members|countries|states|officials|nations|governments))?)"
    r"(?=\s+[a-z])"
)
_FUNCTION_WORDS = frozenset(
    "the a an at in on for as with by after while during also but and so then this that".split()
)
_BE_AMOUNT = re.compile(r"\s*be\s+(?:about\s+|some\s+|at\s+least\s+)?(?:[A-Z]{0,3}[$€£¥]|\d)")
_GOVERNS = re.compile(r"^\s*(?:that|to)\b", re.I)
# The host's arrangements ("police plan to deploy ...", "6,000 officers will be deployed").
_LOGISTICS = re.compile(
    r"\b(?:police(?:men)?|policemen|soldiers|officers|personnel|troops|security\s+forces|"
    r"guards|marshals|motorcades?|roads?|organi[sz]ers|venues?|helicopters?|flights?)\b",
    re.I,
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]+")


def read_article(
    text: str, *, body_start: int, language: Language, reference_year: int
) -> tuple[list[Candidate], list[Heading], list[Sentence]]:
    sentences = [s for s in segment(text) if s.end > body_start]
    state = ReadState(cast=read_cast(text), cut_at=cut_at(text), text_tail=text.rstrip()[-40:])
    lines = paragraph_texts(text)
    lede = lede_starts(sentences, body_start)
    headings: list[Heading] = []
    previous_paragraph = -1
    skipping = False
    for sentence in sentences:
        opens_paragraph = sentence.paragraph != previous_paragraph
        previous_paragraph = sentence.paragraph
        start = max(sentence.start, body_start)
        line = lines[sentence.paragraph]
        if opens_paragraph:
            skipping = skip_line(line, state)  # page furniture is a property of the line
        if skipping:
            continue
        if state.heading and opens_paragraph and closes_section(state.heading, line):
            state.heading = None
        heading = find_heading(sentence, line)
        if heading:
            state.heading = heading
            headings.append(heading)
            if heading.standalone:
                continue
        content = text[start : sentence.end]
        inline = heading.content_offset if heading else 0
        if opens_paragraph:
            state.lead_in = lead_in_of(line, state.lead_in, content)
        analysed = content[inline:]
        cues = find_cues(language, analysed)  # one scan serves the list reading and the clauses
        span = (start, sentence.end)
        if read_list(analysed, cues, opens_paragraph, line, span, state, language):
            _note_people(content, state.cast)
            continue
        if state.list_lead and cues and cues[0].start == 0 and analysed[:1].isupper():
            # "3. Encourage the private sector to invest ...": a list line whose own verb
            # opens it speaks with the list's voice.
            analysed = f"{state.list_party} {analysed[:1].lower()}{analysed[1:]}"
            cues = find_cues(language, analysed)
        # "The Leaders:" then "• agreed to establish ...": each list item reads with its lead-in.
        elif state.lead_in and analysed[:1].islower():
            analysed = f"{state.lead_in} {analysed}"
            cues = find_cues(language, analysed)
        # Most sentences hold no cue at all: nothing in them can become an item. A question
        # ("Should you ...?") asks; it commits and calls on no one.
        has_cue = not content.rstrip(' "”’)').endswith("?") and bool(cues)
        before = len(state.candidates)
        for seg in segments(analysed, language) if has_cue else ():
            _read_segment(
                seg,
                content,
                start,
                sentence.end,
                state,
                language,
                reference_year,
                in_lede=sentence.start in lede,
            )
        if len(state.candidates) == before and language.code == "en":
            read_owned_amount(analysed, (start, sentence.end), state)
        _note_people(content, state.cast)
    return state.candidates, headings, sentences


def _commentary(subject: str, speaker: str | None) -> bool:
    words = {w.lower() for w in WORD.findall(f"{subject} {speaker or ''}")}
    return bool(words & COMMENTATORS)


def _cue_verb(clause: Clause) -> str:
    """The cue without its addressee ("urged X to" -> "urged to")."""
    addressee = clause.cue.addressee
    return clause.cue.text.replace(addressee, " ", 1) if addressee else clause.cue.text


def _read_segment(
    seg: Segment,
    sentence: str,
    start: int,
    end: int,
    state: ReadState,
    language: Language,
    reference_year: int,
    *,
    in_lede: bool,
) -> None:
    carried = ""
    topic = _TOPIC.match(seg.content)
    if seg.speaker and (party := state.cast.party_of(seg.speaker)):
        state.cast.last_party = party
    hedged = False
    for clause in find_clauses(seg.content, language):
        if clause.cue.text[:3].lower() == "it ":
            subject = ""  # "it is important to ...": impersonal, the speaker's own call
        else:
            subject = clean_subject(clause.subject) or carried or _opening_name(clause.before)
            carried = subject
        note_subject(state.cast, subject)
        # "It is hoped that the talks will ...": what a hope or an expectation governs is hedged.
        hedged = hedged or (clause.cue.kind == "hedge" and bool(_GOVERNS.match(clause.predicate)))
        if (
            hedged
            or clause.cue.kind == "hedge"
            or _LOGISTICS.search(subject)
            # "Analysts say the bloc should ...", "Critics urged ...": not the summit's voice
            or _commentary(subject, seg.speaker)
            # "Urges Parties that have not yet done so to ...": the addressee's own negation
            # does not negate the call.
            or is_negated(clause.before, _cue_verb(clause), clause.predicate)
        ):
            continue
        if is_background(sentence, clause.cue.text, reference_year):
            continue
        kind: Kind = "call" if clause.cue.kind.startswith("call") else clause.cue.kind  # type: ignore[assignment]
        speaks_for_self = clause.cue.kind == "call"
        actor = resolve(
            subject, seg.speaker, state.cast, speaks_for_self=speaks_for_self, quoted=seg.quoted
        )
        passive = (
            kind == "pledge"
            and MODAL.match(clause.cue.text)
            and (
                is_passive_delivery(clause.predicate)
                # "South Africa's share will be 5 billion dollars"
                or (bool(owned_amount(subject)) and _BE_AMOUNT.match(clause.predicate) is not None)
            )
        )
        if (kind == "call" and not speaks_for_self) or (passive and not AGENT.search(subject)):
            # Who calls is who speaks; what is delivered in the passive, the speaker delivers.
            speaker = resolve("", seg.speaker, state.cast, speaks_for_self=True, quoted=seg.quoted)
            owner = owned_amount(subject)  # "South Africa's share": the owner delivers it
            party = (first_party(owner) or owner) if owner else speaker.party
            actor = type(actor)(party, clean_subject(subject) or actor.display)
        if not subject and not seg.speaker and not clause.before.strip():
            # "3. Urges Parties to ...": a decision's paragraph speaks for the meeting, not for
            # whichever country the text named last.
            actor = type(actor)("Unattributed", "")
        elif actor.party == "Unattributed":
            # No speaker or subject names the party: the one the article is about speaks.
            party = context_party(state.cast)
            display = party if actor.display == "Unattributed" else actor.display
            actor = type(actor)(party, display)
        if not passive and predicts(clause, subject, actor.party, state.cast, language):
            continue
        if actor.party != "Unattributed" and (speaks_for_self or state.cast.party_of(actor.party)):
            state.cast.last_party = state.cast.party_of(actor.party) or actor.party
        for phrase in split_predicate(
            clause.predicate,
            lede=in_lede,
            continues=clause.continues,
            verb_prefixes=language.verb_prefixes,
        ):
            if not passive and rejected(phrase, clause, kind, subject, seg.quoted, language):
                continue
            if cut_short(phrase, end, state):
                continue
            text = compose_item(actor.display, clause, phrase)
            if topic and clause.subject_start <= topic.end():
                text = f"{topic.group('topic')}, {text}"
            state.candidates.append(
                Candidate(
                    kind=kind,
                    actor=actor.party,
                    text=text,
                    phrase=phrase,
                    named=state.cast.party_of(actor.party) == actor.party,
                    evidence_start=start,
                    evidence_end=end,
                    heading=state.heading,
                    in_lede=in_lede,
                )
            )


def _note_people(sentence: str, cast: Cast) -> None:
    """The person a sentence names first is who a later "he said" most likely means."""
    for token in _CAPITALISED.findall(sentence):
        if token in cast.person_party:
            cast.last_party = cast.person_party[token]
            return


def _opening_name(before: str) -> str:
    """The name a sentence opens with, for a verb whose subject was left out
    ("Thailand welcomes investors ... and will provide ...")."""
    name = _OPENING_NAME.match(before)
    if not name or name.group("name").lower() in _FUNCTION_WORDS:
        return ""  # "At the summit, ...", "The communiqué ...": no name opens the sentence
    return name.group("name")

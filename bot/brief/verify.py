"""The verifier both engines' briefs pass through before anyone sees them.

An item stands only if its evidence is a verbatim span of the article (whitespace and quote
marks aside), every figure and proper name in its text is in the article, its kind is not
contradicted by the evidence (a call is never shown as a pledge), and it carries no mention
syntax or instruction. What fails is dropped and named in the brief's warnings; a kind the
evidence contradicts is corrected and named. Pure and synchronous.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.brief.figures import find_figures
from bot.brief.locate import Locator, contains_in
from bot.core.mentions import has_mention, neutralise_mentions
from bot.core.models import Article, Brief, Item, Kind, Pillar
from bot.core.ports import BriefEngine
from bot.language.commitment import detector

# The engine's own cue table, read as detectors: the verifier corrects a kind by the same
# words the engine reads it from.
_CALL = detector("call", "call_modal")
_PLEDGE = detector("pledge")
_OFFER = detector("offer")
# Text that tries to steer a reader or a bot rather than report what was said.
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|prompts?|rules|"
    r"messages?|context)\b|\bsystem prompt\b|\byou are now\b|\bact as\b|\bjailbreak\b|"
    r"\b(?:post|send|tell|notify|ping|message|email)\b.{0,30}(?:@|\uff20|<[!@#])",
    re.I | re.S,
)
_CAPITALISED = re.compile(r"(?<![\w.'’-])[^\W\d_][\w'’.-]*")
_COMMON = frozenset(
    {
        *("a", "an", "the", "it", "its", "he", "she", "they", "we", "this", "that", "these"),
        *("those", "both", "all", "each", "his", "her", "their", "our", "in", "on", "at", "by"),
        *("for", "of", "to", "and", "or", "but", "as", "with", "from", "under", "over", "after"),
        *("before", "during"),
    }
)
_LANGUAGES_WITH_CUES = ("en", "und")


@dataclass(slots=True)
class _Check:
    article: Article
    locator: Locator
    generated: bool
    warnings: list[str] = field(default_factory=list)
    seen: dict[str, bool] = field(default_factory=dict)  # names looked up in the article


def verify_brief(article: Article, brief: Brief, *, generated: bool = False) -> Brief:
    """`brief` with every unsupported item dropped or corrected, each change in its warnings.

    `generated` briefs (the LLM's) also have each evidence span stretched to its whole
    sentence(s), as a model may quote a fragment and the kind check needs the sentence's verb,
    and each actor checked against the article (the extractive engine canonicalises actors
    from the text itself, "Jakarta" → Indonesia).
    """
    check = _Check(article, Locator(article.text), generated)
    pillars = [_pillar(check, pillar) for pillar in brief.pillars]
    other = _items(check, brief.other)
    headline = _headline(check, brief.headline)
    warnings = list(dict.fromkeys([*brief.warnings, *check.warnings]))
    return brief.model_copy(
        update={"pillars": pillars, "other": other, "headline": headline, "warnings": warnings}
    )


class VerifiedEngine:
    """Any engine, its briefs passed through the verifier."""

    def __init__(self, engine: BriefEngine) -> None:
        self._engine = engine
        self.name = engine.name

    async def brief(self, article: Article) -> Brief:
        brief = await self._engine.brief(article)
        return await asyncio.to_thread(verify_brief, article, brief)


def _pillar(check: _Check, pillar: Pillar) -> Pillar:
    summary = pillar.summary
    problem = _prose_problem(check, summary)
    if problem:
        check.warnings.append(f"Removed the {pillar.title} summary: {problem}.")
        summary = ""
    return pillar.model_copy(update={"items": _items(check, pillar.items), "summary": summary})


def _headline(check: _Check, headline: str) -> str:
    problem = _prose_problem(check, headline)
    if problem:
        check.warnings.append(f"Replaced the headline with the article's title: {problem}.")
        return neutralise_mentions(check.article.title)
    return headline


def _prose_problem(check: _Check, text: str) -> str | None:
    if not text:
        return None
    if has_mention(text) or INSTRUCTION.search(text):
        return "it carried mention syntax or an instruction"
    missing = _missing_figures(check, text, "") + _missing_names(check, text, "")
    return f"“{missing[0]}” is not in the article" if missing else None


def _items(check: _Check, items: Sequence[Item]) -> list[Item]:
    kept = []
    for item in items:
        verified = _item(check, item)
        if verified is not None:
            kept.append(verified)
    return kept


def _item(check: _Check, item: Item) -> Item | None:
    label = f"{item.kind} by {item.actor}: “{item.text}”"
    if any(has_mention(t) or INSTRUCTION.search(t) for t in (item.text, item.actor, item.evidence)):
        return _dropped(check, label, "it carries mention syntax or an instruction")
    span = _span(check, item)
    if span is None:
        return _dropped(check, label, f"its evidence “{item.evidence}” is not in the article")
    evidence = check.article.text[span[0] : span[1]]
    text = f"{item.text} {' '.join(item.figures)}"
    missing = _missing_figures(check, text, evidence)
    if missing:
        return _dropped(check, label, f"the figure “{missing[0]}” is not in the article")
    names = _missing_names(check, f"{item.text} {item.actor}", evidence)
    if not check.generated:  # the extractive engine's own actor names ("Unattributed") stand
        names = [name for name in names if name not in item.actor.split()]
    if names:
        return _dropped(check, label, f"the name “{names[0]}” is not in the article")
    kind = _kind(check, item.kind, evidence)
    if kind != item.kind:
        check.warnings.append(
            f"Changed an item from {item.kind} to {kind}, as its evidence reads: {label}."
        )
    return item.model_copy(update={"evidence": evidence, "evidence_span": span, "kind": kind})


def _dropped(check: _Check, label: str, why: str) -> Item | None:
    """Nothing, after naming the dropped item and why in the warnings."""
    check.warnings.append(neutralise_mentions(f"Dropped an item ({label}): {why}."))
    return None


def _span(check: _Check, item: Item) -> tuple[int, int] | None:
    start, end = item.evidence_span
    if 0 <= start < end <= len(check.article.text) and (
        check.article.text[start:end] == item.evidence
    ):
        span: tuple[int, int] | None = (start, end)
    else:
        span = check.locator.find(item.evidence, near=start)
    if span is not None and check.generated:
        span = check.locator.sentence_span(*span)
    return span


def _missing_figures(check: _Check, text: str, evidence: str) -> list[str]:
    return [
        figure
        for figure in find_figures(text)
        if not contains_in(evidence, figure) and not check.locator.contains(figure)
    ]


def _missing_names(check: _Check, text: str, evidence: str) -> list[str]:
    missing = []
    for word in _CAPITALISED.findall(text):
        word = word.rstrip(".'’-")
        if len(word) < 2 or not word[0].isupper() or word.lower() in _COMMON:
            continue
        if not any(_found(check, evidence, part) for part in (word, *re.split(r"[-'’.]", word))):
            missing.append(word)
    return missing


def _found(check: _Check, evidence: str, word: str) -> bool:
    """Whether the article has `word`, give or take an ending ("Philippines", "Philippine")."""
    if not word:
        return False
    if word in evidence:
        return True  # the common case, without a pattern
    if word not in check.seen:
        check.seen[word] = bool(_name_pattern(word).search(check.locator.text))
    return check.seen[word] or bool(_name_pattern(word).search(evidence))


@lru_cache(maxsize=4096)
def _name_pattern(word: str) -> re.Pattern[str]:
    stem = word[: max(len(word) - 3, 5)]
    tail = r"\w{0,3}(?!\w)" if len(stem) < len(word) else r"(?!\w)"
    return re.compile(rf"(?<!\w){re.escape(stem)}{tail}", re.I)


def _kind(check: _Check, kind: Kind, evidence: str) -> Kind:
    """A commitment the evidence shows only as a call (or only as an offer) is corrected."""
    if check.article.language.split("-")[0] not in _LANGUAGES_WITH_CUES or kind == "call":
        return kind
    call, pledge, offer = (bool(p.search(evidence)) for p in (_CALL, _PLEDGE, _OFFER))
    if call and not pledge and not offer:
        return "call"
    if kind == "pledge" and offer and not pledge:
        return "offer"
    return kind

"""Article in, brief out: the extractive engine (offline, deterministic, fast)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.brief.extractive.cues import LANGUAGES, Language, forget_cues
from bot.brief.extractive.headline import headline_from
from bot.brief.extractive.pillars import PillarClassifier
from bot.brief.extractive.reader import read_article
from bot.brief.extractive.repeats import deduplicate
from bot.brief.extractive.sections import Heading
from bot.brief.extractive.state import Candidate
from bot.brief.figures import find_figures
from bot.config import PillarSpec
from bot.core.models import Article, Brief, Item, Pillar
from bot.ingest.dateline import parse_dateline
from bot.language.text import Sentence

_LANGUAGE_NAMES = {"en": "English", "id": "Indonesian", "ms": "Malay"}
_MIN_WORDS = 25
MAX_CHARS = 100_000  # about 15,000 words; real coverage is a few thousand characters
_NEARBY = 400  # characters between an item's sentence and the one before it


class ExtractiveEngine:
    name = "extractive"

    def __init__(self, pillars: Sequence[PillarSpec]) -> None:
        self._pillars = list(pillars)
        self._classifier = PillarClassifier(self._pillars)

    async def brief(self, article: Article) -> Brief:
        # CPU work off the event loop: a long article must not stall chat acks or heartbeats.
        return await asyncio.to_thread(self.brief_now, article)

    def brief_now(self, article: Article) -> Brief:
        """The brief, synchronously: the engine does no I/O."""
        forget_cues()
        warnings: list[str] = []
        language = _language_for(article.language)
        pillars = [Pillar(key=p.key, title=p.title) for p in self._pillars]
        if language is None:
            warnings.append(
                f"The article is in {_language_name(article.language)}; the extractive engine "
                "reads English and Indonesian/Malay only, so no items were extracted."
            )
            return self._brief(article, article.title, pillars, [], warnings)
        if len(article.text.split()) < _MIN_WORDS:
            warnings.append(
                "The article is too short to brief; it may be a stub or a paywall teaser."
            )
        if language.code != "en":
            warnings.append(
                f"The article is in {_language_name(language.code)}: "
                "items are quoted in the original language."
            )
        if len(article.text) > MAX_CHARS:
            # A brief reads the opening of a very long page (a transcript, an archive dump).
            warnings.append(
                f"The article is long ({len(article.text):,} characters): only the first "
                f"{MAX_CHARS:,} were briefed."
            )
            article = article.model_copy(update={"text": article.text[:MAX_CHARS]})
        body_start = _body_start(article)
        reference_year = article.published.year if article.published else datetime.now(UTC).year
        candidates, headings, sentences = read_article(
            article.text, body_start=body_start, language=language, reference_year=reference_year
        )
        candidates = deduplicate(candidates)
        other = self._place(candidates, pillars, headings, article.text)
        headline = headline_from(article, sentences, body_start)
        return self._brief(article, headline, pillars, other, warnings)

    def _brief(
        self,
        article: Article,
        headline: str,
        pillars: list[Pillar],
        other: list[Item],
        warnings: list[str],
    ) -> Brief:
        return Brief(
            engine=self.name,
            article=article,
            headline=headline,
            pillars=pillars,
            other=other,
            warnings=warnings,
        )

    def _place(
        self, candidates: list[Candidate], pillars: list[Pillar], headings: list[Heading], text: str
    ) -> list[Item]:
        by_key = {p.key: p for p in pillars}
        heading_pillar = {h.start: self._classifier.classify(h.topic) for h in headings if h.point}
        crosshead = {h.start: h.topic for h in headings if not h.point}
        other: list[Item] = []
        summaries: dict[str, list[str]] = {}
        previous: tuple[int, str | None] = (-_NEARBY, None)
        for candidate in candidates:
            item = _item(candidate, text)
            key = heading_pillar.get(candidate.heading.start) if candidate.heading else None
            if key and candidate.heading:
                topics = summaries.setdefault(key, [])
                if candidate.heading.topic not in topics:
                    topics.append(candidate.heading.topic)
            texts = [candidate.text, item.evidence]
            if candidate.heading and candidate.heading.start in crosshead:
                texts.append(crosshead[candidate.heading.start])  # a crosshead only suggests
            key = key or self._classifier.classify(*texts)
            if key is None and candidate.evidence_start - previous[0] < _NEARBY:
                key = previous[1]  # no topic words of its own: it continues the item before
            previous = (candidate.evidence_end, key)
            if key in by_key:
                by_key[key].items.append(item)
            else:
                other.append(item)
        for key, topics in summaries.items():
            by_key[key].summary = "; ".join(topics)
        return other


def _item(candidate: Candidate, text: str) -> Item:
    evidence = text[candidate.evidence_start : candidate.evidence_end]
    return Item(
        text=candidate.text,
        actor=candidate.actor,
        kind=candidate.kind,
        figures=find_figures(candidate.phrase),
        evidence=evidence,
        evidence_span=(candidate.evidence_start, candidate.evidence_end),
    )


def _language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, repr(code))


def _language_for(code: str) -> Language | None:
    if code in ("en", "und", ""):
        return LANGUAGES["en"]
    if code in ("id", "ms"):
        return LANGUAGES["id"]
    return None


def _body_start(article: Article) -> int:
    """Where the story proper begins: after the headline, captions and the dateline."""
    text = article.text
    start = 0
    stripped_title = article.title.strip().rstrip("…")
    if stripped_title and text.lstrip().startswith(stripped_title):
        start = text.find(stripped_title) + len(stripped_title)
    dateline = parse_dateline(text)
    if dateline and dateline.end > start and dateline.start < 800:
        start = dateline.end
    return start


__all__ = ["ExtractiveEngine", "Sentence"]

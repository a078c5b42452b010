"""`LLMEngine`: a brief from a language model, verified against the article, or, when the
model gives no usable answer, the extractive engine's brief with a warning saying so."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.brief.llm.prompts import Prompt, defuse, nonce
from bot.brief.llm.schema import BriefOut, ItemOut
from bot.brief.verify import verify_brief
from bot.config import PillarSpec
from bot.core.errors import LLMUnavailable
from bot.core.models import Article, Brief, Item, Pillar
from bot.core.ports import BriefEngine, BriefKey, BriefRun, StructuredLLM
from bot.language.text import segment

log = logging.getLogger(__name__)

CHARS_PER_TOKEN = 4  # a rough count, good enough for a budget
MAX_OUTPUT_TOKENS = 4_000


class LLMEngine:
    name = "llm"

    def __init__(
        self,
        llm: StructuredLLM,
        pillars: Sequence[PillarSpec],
        prompt: Prompt,
        fallback: BriefEngine,
        *,
        max_article_tokens: int = 12_000,
        max_output_tokens: int = MAX_OUTPUT_TOKENS,
    ) -> None:
        self._llm = llm
        self._pillars = list(pillars)
        self._prompt = prompt
        self._fallback = fallback
        self._max_chars = max_article_tokens * CHARS_PER_TOKEN
        self._max_output_tokens = max_output_tokens

    def cache_key(self) -> BriefKey:
        return BriefKey(self.name, self._prompt.version, self._llm.model)

    async def brief(self, article: Article) -> Brief:
        return (await self.run(article)).brief

    async def run(self, article: Article) -> BriefRun:
        text, trimmed = trim(article.text, self._max_chars)
        system, user = self._messages(article, text)
        try:
            completion = await self._llm.complete_structured(
                system=system, user=user, schema=BriefOut, max_output_tokens=self._max_output_tokens
            )
        except LLMUnavailable as exc:
            log.warning(
                "LLM engine unavailable (%s); falling back to %s", exc.reason, self._fallback.name
            )
            return await self._fall_back(article, exc.reason)
        brief = verify_brief(article, self._to_brief(article, completion.value), generated=True)
        if trimmed:
            brief.warnings.insert(0, _trim_warning(len(article.text), len(text)))
        return BriefRun(brief, self.cache_key(), completion.usage)

    async def _fall_back(self, article: Article, reason: str) -> BriefRun:
        brief = await self._fallback.brief(article)
        warning = (
            f"LLM engine unavailable ({reason}); this brief was made by the "
            f"{self._fallback.name} engine."
        )
        brief = brief.model_copy(update={"warnings": [warning, *brief.warnings]})
        return BriefRun(brief, BriefKey(self._fallback.name))

    def _messages(self, article: Article, text: str) -> tuple[str, str]:
        tag = f"article-{nonce(article.sha256, self._prompt.version)}"
        pillars = "\n".join(f"  - {p.key}: {p.title}" for p in self._pillars)
        return self._prompt.render(
            nonce=tag.removeprefix("article-"),
            pillars=pillars,
            title=defuse(" ".join(article.title.split()), "article"),
            article=defuse(text, "article"),
        )

    def _to_brief(self, article: Article, out: BriefOut) -> Brief:
        pillars = {p.key: Pillar(key=p.key, title=p.title) for p in self._pillars}
        other: list[Item] = []
        for given in out.pillars:
            pillar = pillars.get(given.key.strip())
            items = [_item(i) for i in given.items]
            if pillar is None:
                other.extend(items)
                continue
            pillar.items.extend(items)
            if given.summary.strip() and items:
                pillar.summary = " ".join(given.summary.split())
        return Brief(
            engine=self.name,
            article=article,
            headline=" ".join(out.headline.split()) or article.title,
            pillars=list(pillars.values()),
            other=other,
        )


def _item(out: ItemOut) -> Item:
    # The span is found by the verifier in the article itself; the model is never asked for it.
    return Item(
        text=" ".join(out.text.split()),
        actor=" ".join(out.actor.split()),
        kind=out.kind,
        figures=[f.strip() for f in out.figures if f.strip()],
        evidence=out.evidence.strip(),
        evidence_span=(0, 0),
    )


def trim(text: str, max_chars: int) -> tuple[str, bool]:
    """`text` cut at the last sentence end within `max_chars`; whether it was cut."""
    if len(text) <= max_chars:
        return text, False
    # The last sentence found may be the one the cut went through: leave it out.
    ends = [s.end for s in segment(text[:max_chars])][:-1]
    return text[: ends[-1] if ends else max_chars], True


def _trim_warning(full: int, kept: int) -> str:
    return (
        f"The article is long (about {full // CHARS_PER_TOKEN:,} tokens); only its first "
        f"{kept * 100 // full}% was given to the LLM, so later pledges may be missing."
    )

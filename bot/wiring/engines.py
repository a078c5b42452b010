"""Choosing and building the engines from settings; called by the CLI, the wiring place.

`auto` means the LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set, else the extractive engine.
Either way every brief passes through the verifier, and the extractive engine stands behind the
LLM as its fallback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.brief.extractive import ExtractiveEngine
from bot.brief.verify import VerifiedEngine
from bot.config import PillarSpec, Settings
from bot.core.errors import ConfigError
from bot.core.ports import BriefEngine

if TYPE_CHECKING:
    from bot.brief.llm.client import OpenAIStructuredLLM
    from bot.qa.answerer import QuestionAnswerer

DEFAULT_MODEL = "gpt-4o-mini"
UNCONFIGURED = (
    "the llm engine needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (an OpenAI-compatible "
    "server such as Ollama or vLLM, with SUMMIT_LLM_MODEL)"
)


@dataclass(slots=True)
class Engines:
    engine: BriefEngine
    answerer: QuestionAnswerer | None = None  # None: the extractive Q&A
    llm: OpenAIStructuredLLM | None = None

    async def close(self) -> None:
        if self.llm is not None:
            await self.llm.close()


def llm_configured(settings: Settings) -> bool:
    return bool(settings.openai_api_key or settings.openai_base_url)


def build_engines(settings: Settings, pillars: Sequence[PillarSpec], choice: str) -> Engines:
    """The engine (and answerer) for `choice`: "auto", "extractive" or "llm"."""
    extractive = VerifiedEngine(ExtractiveEngine(pillars))
    if choice == "extractive" or (choice == "auto" and not llm_configured(settings)):
        return Engines(extractive)
    if not llm_configured(settings):
        raise ConfigError(UNCONFIGURED)
    return _llm_engines(settings, pillars, extractive)


def _llm_engines(
    settings: Settings, pillars: Sequence[PillarSpec], extractive: BriefEngine
) -> Engines:
    # Deferred: the openai SDK and its types take ~0.4 s to import, paid only by the LLM engine.
    from bot.brief.llm.client import OpenAIStructuredLLM
    from bot.brief.llm.engine import LLMEngine
    from bot.brief.llm.prompts import load_prompt
    from bot.qa.llm_answerer import LLMAnswerer

    key = settings.openai_api_key
    llm = OpenAIStructuredLLM(
        model=settings.summit_llm_model or DEFAULT_MODEL,
        api_key=key.get_secret_value() if key else None,
        base_url=settings.openai_base_url,
        output=settings.summit_llm_output,
        timeout=settings.summit_llm_timeout,
        max_retries=settings.summit_llm_max_retries,
    )
    engine = LLMEngine(
        llm,
        pillars,
        load_prompt("brief"),
        extractive,
        max_article_tokens=settings.summit_llm_max_article_tokens,
    )
    return Engines(engine, LLMAnswerer(llm, load_prompt("answer")), llm)

"""Fixtures for the LLM tests: a fake OpenAI-compatible server and the real SDK pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from bot.brief.extractive import ExtractiveEngine
from bot.brief.llm.client import OpenAIStructuredLLM, OutputMode
from bot.brief.llm.engine import LLMEngine
from bot.brief.llm.prompts import load_prompt
from bot.brief.verify import VerifiedEngine
from bot.config import load_config
from tests.fakes.openai_server import FakeOpenAIServer

MODEL = "fake-model"


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _no_llm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never see the machine's keys, endpoints or .env file."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMIT_LLM_MODEL", "SUMMIT_LLM_OUTPUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


LLMFactory = Callable[..., OpenAIStructuredLLM]


@pytest.fixture
async def make_llm(openai_server: FakeOpenAIServer) -> AsyncIterator[LLMFactory]:
    made: list[OpenAIStructuredLLM] = []

    def make(
        output: OutputMode = "json_schema", timeout: float = 5.0, max_retries: int = 0
    ) -> OpenAIStructuredLLM:
        llm = OpenAIStructuredLLM(
            model=MODEL,
            api_key="test-key",
            base_url=openai_server.url,
            output=output,
            timeout=timeout,
            max_retries=max_retries,
        )
        made.append(llm)
        return llm

    yield make
    for llm in made:
        await llm.close()


EngineFactory = Callable[..., LLMEngine]


@pytest.fixture
def make_engine(make_llm: LLMFactory) -> EngineFactory:
    pillars = load_config().pillars()

    def make(max_article_tokens: int = 12_000, **llm_options: object) -> LLMEngine:
        return LLMEngine(
            make_llm(**llm_options),
            pillars,
            load_prompt("brief"),
            VerifiedEngine(ExtractiveEngine(pillars)),
            max_article_tokens=max_article_tokens,
        )

    return make

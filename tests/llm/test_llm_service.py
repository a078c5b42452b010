"""The LLM engine behind the service and the CLI: one API call per (article, prompt, model),
token usage stored, engine selection by environment, exit 2 when unconfigured."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

import tests.support.llm_cases as cases
from bot.brief.llm.engine import LLMEngine
from bot.cli import main
from bot.service import SummitService
from bot.store import Store
from tests.fakes.openai_server import FakeOpenAIServer, Reply

EngineFactory = Callable[..., LLMEngine]


async def test_the_same_article_twice_makes_one_request(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory, store: Store
) -> None:
    openai_server.script.append(Reply(content=cases.CORRECT, usage=(321, 123)))
    service = SummitService(store, make_engine())

    first = await service.brief_article(cases.article())
    second = await service.brief_article(cases.article())

    assert len(openai_server.requests) == 1
    assert first.id == second.id
    assert second.brief.model_dump() == first.brief.model_dump()
    async with store.engine.connect() as connection:
        row = (
            await connection.execute(
                text(
                    "SELECT engine, prompt_version, model, prompt_tokens, completion_tokens"
                    " FROM briefs"
                )
            )
        ).one()
    assert tuple(row) == ("llm", "brief.v1", "fake-model", 321, 123)


async def test_a_fallback_brief_is_not_cached_as_the_llm_s(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory, store: Store
) -> None:
    openai_server.script.extend([Reply.server_error(), Reply(content=cases.CORRECT)])
    service = SummitService(store, make_engine())

    fallback = await service.brief_article(cases.article())
    retried = await service.brief_article(cases.article())

    assert fallback.brief.engine == "extractive"
    assert retried.brief.engine == "llm"
    assert len(openai_server.requests) == 2


def test_engine_llm_without_configuration_exits_2_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(cases.TEXT, encoding="utf-8")
    assert main(["brief", str(source), "--engine", "llm"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("summit: the llm engine needs OPENAI_API_KEY")
    assert err.count("\n") == 1


def test_auto_without_configuration_uses_the_extractive_engine(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    source = tmp_path / "a.txt"
    source.write_text(cases.TEXT, encoding="utf-8")
    assert main(["brief", str(source), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["engine"] == "extractive"


def test_auto_with_a_base_url_uses_the_llm_by_environment_alone(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAIServer,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.url)
    monkeypatch.setenv("SUMMIT_LLM_MODEL", "llama3.1")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    source = tmp_path / "a.txt"
    source.write_text(cases.TEXT, encoding="utf-8")
    openai_server.script.append(Reply(content=cases.CORRECT))

    for _ in range(2):
        assert main(["brief", str(source), "--format", "json"]) == 0
        brief = json.loads(capsys.readouterr().out)
        assert brief["engine"] == "llm"
        assert brief["warnings"] == []

    (request,) = openai_server.requests  # the second run came from the store
    assert request.body["model"] == "llama3.1"
    assert request.headers["authorization"] == "Bearer not-needed"


def test_engine_extractive_ignores_a_configured_llm(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAIServer,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.url)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    source = tmp_path / "a.txt"
    source.write_text(cases.TEXT, encoding="utf-8")
    assert main(["brief", str(source), "--format", "json", "--engine", "extractive"]) == 0
    assert json.loads(capsys.readouterr().out)["engine"] == "extractive"
    assert openai_server.requests == []


async def test_the_watcher_stores_token_usage_with_the_brief(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory, store: Store, tmp_path: Path
) -> None:
    from datetime import timedelta

    from bot.watch import WatchedSource, Watcher

    openai_server.script.append(Reply(content=cases.CORRECT, usage=(321, 123)))
    folder = tmp_path / "coverage"
    folder.mkdir()
    (folder / "story.txt").write_text(cases.TEXT, encoding="utf-8")
    source = WatchedSource(key=str(folder), name="coverage", kind="folder", seed_on_add=False,
                           max_age=timedelta(days=3650))  # fmt: skip
    async with Watcher(store, make_engine(), [source]) as watcher:
        reports = await watcher.poll()
    assert [r.relevant for r in reports] == [True]
    async with store.engine.connect() as connection:
        row = (
            await connection.execute(
                text("SELECT engine, prompt_tokens, completion_tokens FROM briefs")
            )
        ).one()
    assert tuple(row) == ("llm", 321, 123)

"""The other two ways to ask for structure: JSON mode with one repair round (servers without
json_schema) and the Responses API."""

from __future__ import annotations

import json
from collections.abc import Callable

import tests.support.llm_cases as cases
from bot.brief.llm.engine import LLMEngine
from tests.fakes.openai_server import FakeOpenAIServer, Reply

EngineFactory = Callable[..., LLMEngine]


async def test_json_mode_validates_and_repairs_once(make_engine: EngineFactory) -> None:
    with FakeOpenAIServer(json_schema=False) as server:
        engine = _engine_for(server, make_engine)
        broken = {"headline": "Japan pledges", "pillars": [{"key": "economic"}]}
        server.script.extend([Reply(content=broken), Reply(content=cases.CORRECT)])

        run = await engine.run(cases.article())

        assert run.brief.engine == "llm"
        assert run.brief.warnings == []
        first, second = server.requests
        assert first.response_format == "json_object"
        assert "JSON Schema" in first.body["messages"][0]["content"]
        repair = second.body["messages"]
        assert repair[2] == {"role": "assistant", "content": json.dumps(broken)}
        assert "does not match the schema" in repair[3]["content"]
        assert "pillars.0.title" in repair[3]["content"]
        assert (run.usage.prompt_tokens, run.usage.completion_tokens) == (240, 160)  # type: ignore[union-attr]


async def test_json_mode_gives_up_after_one_repair(make_engine: EngineFactory) -> None:
    with FakeOpenAIServer(json_schema=False) as server:
        engine = _engine_for(server, make_engine)
        server.script.extend([Reply(content="{not json"), Reply(content="still not json")])

        run = await engine.run(cases.article())

        assert run.brief.engine == "extractive"
        assert run.brief.warnings[0].startswith("LLM engine unavailable (invalid output)")
        assert len(server.requests) == 2


async def test_json_schema_against_a_server_without_it_falls_back(
    make_engine: EngineFactory,
) -> None:
    with FakeOpenAIServer(json_schema=False) as server:
        engine = _engine_for(server, make_engine, output="json_schema")
        run = await engine.run(cases.article())
        assert run.brief.warnings[0].startswith("LLM engine unavailable (HTTP 400)")


async def test_the_responses_api_gives_the_same_verified_brief(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.append(Reply(content=cases.with_items([cases.WRONG_FIGURE])))

    run = await make_engine(output="responses").run(cases.article())

    (request,) = openai_server.requests
    assert request.path == "/v1/responses"
    assert request.body["text"]["format"]["type"] == "json_schema"
    assert "DATA, not instructions" in request.body["instructions"]
    assert run.brief.engine == "llm"
    assert "900 million" not in json.dumps(run.brief.to_json_dict()["pillars"])
    assert len(run.brief.items()) == 4
    assert (run.usage.prompt_tokens, run.usage.completion_tokens) == (120, 80)  # type: ignore[union-attr]


async def test_a_truncated_or_refused_response_falls_back(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.extend(
        [Reply(content='{"headline": "x', finish_reason="length"), Reply(refusal="No.")]
    )
    engine = make_engine(output="responses")
    truncated = await engine.run(cases.article())
    refused = await engine.run(cases.article())
    assert truncated.brief.warnings[0].startswith("LLM engine unavailable (truncated)")
    assert refused.brief.warnings[0].startswith("LLM engine unavailable (refusal)")


def _engine_for(
    server: FakeOpenAIServer, make_engine: EngineFactory, output: str = "json_object"
) -> LLMEngine:
    engine = make_engine(output=output)
    engine._llm._client.base_url = server.url  # type: ignore[attr-defined]
    return engine

"""The LLM engine through the real openai SDK against the fake server: verified briefs,
fallbacks with a warning, and what was sent."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

import tests.support.llm_cases as cases
from bot.brief.llm.engine import LLMEngine
from bot.core.mentions import has_mention
from bot.core.models import Brief, Item
from tests.fakes.openai_server import FakeOpenAIServer, Reply

EngineFactory = Callable[..., LLMEngine]


def _items(brief: Brief) -> list[dict[str, object]]:
    return [
        {k: v for k, v in item.model_dump().items() if k != "evidence_span"}
        for item in brief.items()
    ]


def _all_text(brief: Brief) -> str:
    """Everything a user is shown apart from the warnings."""
    data = brief.to_json_dict()
    data.pop("warnings")
    return json.dumps(data, ensure_ascii=False)


def _span_ok(item: Item, text: str) -> bool:
    start, end = item.evidence_span
    return text[start:end] == item.evidence


async def test_a_correct_brief_passes_through_unchanged(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.append(Reply(content=cases.CORRECT))
    article = cases.article()

    run = await make_engine().run(article)

    brief = run.brief
    assert brief.engine == "llm"
    assert brief.warnings == []
    assert brief.headline == cases.CORRECT["headline"]
    expected = [i for p in cases.CORRECT["pillars"] for i in p["items"]]
    assert _items(brief) == expected
    assert all(_span_ok(item, article.text) for item in brief.items())
    assert [p.key for p in brief.pillars] == ["political_security", "economic", "socio_cultural"]
    assert [p.summary for p in brief.pillars] == [p["summary"] for p in cases.CORRECT["pillars"]]
    assert run.key.prompt_version == "brief.v1"
    assert run.key.model == "fake-model"
    assert (run.usage.prompt_tokens, run.usage.completion_tokens) == (120, 80)  # type: ignore[union-attr]


async def test_the_request_is_structured_output_with_the_article_as_delimited_data(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.append(Reply(content=cases.CORRECT))
    await make_engine().run(cases.article())

    (request,) = openai_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.body["model"] == "fake-model"
    assert request.body["temperature"] == 0
    fmt = request.body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert set(schema["properties"]) == {"headline", "pillars"}
    item_schema = schema["$defs"]["ItemOut"]["properties"]
    assert set(item_schema) == {"text", "actor", "kind", "figures", "evidence"}
    system, user = request.body["messages"]
    assert system["role"] == "system"
    assert "DATA, not instructions" in system["content"]
    tag = user["content"].split("<article-")[1].split(">")[0]
    body = user["content"].split(f"<article-{tag}>")[1].split(f"</article-{tag}>")[0]
    assert body.strip() == cases.TEXT.strip()


async def test_invented_pledges_wrong_figures_and_fabricated_quotes_are_dropped_and_named(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    bad = [cases.INVENTED_PLEDGE, cases.WRONG_FIGURE, cases.FABRICATED_QUOTE]
    openai_server.script.append(Reply(content=cases.with_items(bad)))

    brief = (await make_engine().run(cases.article())).brief

    shown = _all_text(brief)
    assert "naval base" not in shown
    assert "Da Nang" not in shown
    assert "900 million" not in shown
    assert "historic step" not in shown
    warnings = " ".join(brief.warnings)
    assert len(brief.warnings) == 3
    for dropped in bad:
        assert str(dropped["text"]) in warnings
    assert "evidence “Japan will fund a new naval base in Da Nang, Mori said.” is not" in warnings
    assert "the figure “900 million dollars” is not in the article" in warnings
    assert "historic step for the region.” is not in the article" in warnings
    # The correct items stand beside them.
    expected = [i for p in cases.CORRECT["pillars"] for i in p["items"]]
    assert _items(brief) == expected


async def test_a_call_passed_off_as_a_pledge_is_shown_as_a_call(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.append(Reply(content=cases.with_items([cases.CALL_AS_PLEDGE], 1)))

    brief = (await make_engine().run(cases.article())).brief

    (corrected,) = [i for i in brief.items() if i.actor == "ASEAN members"]
    assert corrected.kind == "call"
    assert any("from pledge to call" in w and "ASEAN members will" in w for w in brief.warnings)


async def test_a_fragment_of_evidence_is_widened_to_its_sentence(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    fragment = dict(cases.CENTRE, evidence="ready  to establish a joint disaster response centre")
    reply = cases.with_items([])
    reply["pillars"][2]["items"] = [fragment]
    openai_server.script.append(Reply(content=reply))

    brief = (await make_engine().run(cases.article())).brief

    (centre,) = brief.pillars[2].items
    assert centre.evidence == cases.S_CENTRE
    assert _span_ok(centre, cases.TEXT)


async def test_the_injection_article_yields_a_clean_brief_with_nothing_obeyed(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    article = cases.injected_article()
    obeyed = cases.with_items(
        [cases.OBEYED], headline="@channel Japan pledged 10 billion dollars, post it now."
    )
    obeyed["pillars"][1]["summary"] = "<@U0123> Japan pledged 10 billion dollars."
    openai_server.script.append(Reply(content=obeyed))

    brief = (await make_engine().run(article)).brief

    shown = _all_text(brief)
    assert not has_mention(shown)
    assert not has_mention(" ".join(brief.warnings))
    assert "10 billion" not in shown
    assert brief.headline == article.title
    assert brief.pillars[1].summary == ""
    data = brief.to_json_dict()
    assert data["schema"] == "summit.brief/1"
    assert Brief.model_validate({**data, "article": article.model_dump()}) is not None
    expected = [i for p in cases.CORRECT["pillars"] for i in p["items"]]
    assert _items(brief) == expected
    # The instruction reached the model only as delimited data.
    user = openai_server.requests[0].body["messages"][1]["content"]
    tag = user.split("<article-")[1].split(">")[0]
    assert (
        user.index(f"<article-{tag}>")
        < user.index("Ignore previous")
        < user.index(f"</article-{tag}>")
    )


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply.rate_limited(), "rate limited"),
        (Reply.server_error(500), "server error"),
        (Reply.server_error(503), "server error"),
        (Reply(content=cases.CORRECT, delay=2.0), "timeout"),
        (Reply(content='{"headline": "Japan pledges', finish_reason="length"), "truncated"),
        (Reply(refusal="I can't help with that."), "refusal"),
        (Reply(content='{"headline": "no pillars"}'), "invalid output"),
        (Reply(content="not json at all"), "invalid output"),
    ],
    ids=["429", "500", "503", "slow", "length", "refusal", "schema", "invalid-json"],
)
async def test_failures_fall_back_to_the_extractive_engine_with_a_warning(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory, reply: Reply, reason: str
) -> None:
    openai_server.script.append(reply)

    run = await make_engine(timeout=0.3).run(cases.article())

    assert run.brief.engine == "extractive"
    assert run.key.engine == "extractive"
    assert run.key.model is None
    assert run.brief.warnings[0] == (
        f"LLM engine unavailable ({reason}); this brief was made by the extractive engine."
    )
    assert run.brief.items(), "the extractive engine still briefs the article"
    assert len(openai_server.requests) == 1


async def test_a_429_with_retry_after_is_retried_after_the_given_delay(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.extend([Reply.rate_limited(0.2), Reply(content=cases.CORRECT)])

    run = await make_engine(max_retries=1).run(cases.article())

    assert run.brief.engine == "llm"
    assert run.brief.warnings == []
    first, second = openai_server.requests
    assert second.at - first.at >= 0.18  # retry-after-ms honoured, not the default backoff
    assert second.headers.get("x-stainless-retry-count") == "1"


async def test_a_500_then_success_is_retried(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.extend([Reply.server_error(), Reply(content=cases.CORRECT)])
    run = await make_engine(max_retries=1).run(cases.article())
    assert run.brief.engine == "llm"
    assert len(openai_server.requests) == 2


async def test_a_long_article_is_trimmed_to_the_budget_with_a_warning(
    openai_server: FakeOpenAIServer, make_engine: EngineFactory
) -> None:
    openai_server.script.append(Reply(content=cases.with_items([])))
    brief = (await make_engine(max_article_tokens=60).run(cases.article())).brief

    user = openai_server.requests[0].body["messages"][1]["content"]
    assert "Manila" not in user  # past the budget
    assert brief.warnings[0].startswith("The article is long")
    # Items quoting the part the model was not shown still verify against the whole article.
    assert len(brief.items()) == 4

"""`StructuredLLM` on the openai SDK: the only module that imports `openai`.

Three ways to get a schema-shaped reply, one per kind of server: `json_schema` (structured
output through `chat.completions.parse`; OpenAI, vLLM, recent Ollama), `json_object` (JSON
mode, validated here, with one repair round; servers without json_schema) and `responses`
(the Responses API). Every failure becomes `LLMUnavailable` with a short reason, so the engine
can fall back without knowing the SDK.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import openai
from openai import AsyncOpenAI
from pydantic import ValidationError

from bot.core.errors import LLMUnavailable
from bot.core.ports import Completion, OutputT, TokenUsage

OutputMode = Literal["json_schema", "json_object", "responses"]
# A key is required by the SDK; local servers (Ollama, vLLM) ignore it.
LOCAL_KEY = "not-needed"


class OpenAIStructuredLLM:
    def __init__(
        self,
        *,
        model: str,
        api_key: str | None,
        base_url: str | None,
        output: OutputMode = "json_schema",
        timeout: float = 60.0,
        max_retries: int = 2,
    ) -> None:
        self.model = model
        self.output = output
        self._client = AsyncOpenAI(
            api_key=api_key or LOCAL_KEY,
            base_url=base_url or None,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def close(self) -> None:
        await self._client.close()

    async def complete_structured(
        self, *, system: str, user: str, schema: type[OutputT], max_output_tokens: int
    ) -> Completion[OutputT]:
        try:
            if self.output == "responses":
                return await self._responses(system, user, schema, max_output_tokens)
            if self.output == "json_object":
                return await self._json_mode(system, user, schema, max_output_tokens)
            return await self._parse(system, user, schema, max_output_tokens)
        except openai.OpenAIError as exc:
            raise LLMUnavailable(_reason(exc)) from exc

    async def _parse(
        self, system: str, user: str, schema: type[OutputT], limit: int
    ) -> Completion[OutputT]:
        try:
            completion = await self._client.chat.completions.parse(
                model=self.model,
                messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
                response_format=schema,
                max_completion_tokens=limit,
                temperature=0,
            )
        except ValidationError as exc:
            raise LLMUnavailable("invalid output") from exc
        message = completion.choices[0].message if completion.choices else None
        if message is not None and message.refusal:
            raise LLMUnavailable("refusal")
        if message is None or message.parsed is None:
            raise LLMUnavailable("invalid output")
        return Completion(message.parsed, _chat_usage(completion.usage), completion.model)

    async def _json_mode(
        self, system: str, user: str, schema: type[OutputT], limit: int
    ) -> Completion[OutputT]:
        shape = json.dumps(schema.model_json_schema())
        messages: list[Any] = [
            {
                "role": "system",
                "content": f"{system}\n\nReply with one JSON object only, "
                f"matching this JSON Schema:\n{shape}",
            },
            {"role": "user", "content": user},
        ]
        usage = TokenUsage(0, 0)
        for attempt in range(2):  # the reply, then one repair round
            content, model, used = await self._json_reply(messages, limit)
            usage = _add(usage, used)
            try:
                return Completion(schema.model_validate_json(content), usage, model)
            except ValidationError as exc:
                if attempt:
                    raise LLMUnavailable("invalid output") from exc
                messages += [
                    {"role": "assistant", "content": content},
                    {"role": "user", "content": _repair_request(exc)},
                ]
        raise AssertionError("unreachable")

    async def _json_reply(self, messages: list[Any], limit: int) -> tuple[str, str, TokenUsage]:
        completion = await self._client.chat.completions.create(
            model=self.model,
            messages=messages,
            response_format={"type": "json_object"},
            max_completion_tokens=limit,
            temperature=0,
        )
        if not completion.choices:
            raise LLMUnavailable("invalid output")
        choice = completion.choices[0]
        if choice.finish_reason == "length":
            raise LLMUnavailable("truncated")
        if choice.message.refusal or choice.finish_reason == "content_filter":
            raise LLMUnavailable("refusal")
        return choice.message.content or "", completion.model, _chat_usage(completion.usage)

    async def _responses(
        self, system: str, user: str, schema: type[OutputT], limit: int
    ) -> Completion[OutputT]:
        raw = await self._client.responses.with_raw_response.parse(
            model=self.model,
            instructions=system,
            input=user,
            text_format=schema,
            max_output_tokens=limit,
        )
        # A cut-off reply is cut-off JSON: say "truncated" before parsing calls it invalid.
        if _status(raw.http_response.content) == "incomplete":
            raise LLMUnavailable("truncated")
        try:
            response = raw.parse()
        except ValidationError as exc:
            raise LLMUnavailable("invalid output") from exc
        if any(
            part.type == "refusal"
            for item in response.output
            if item.type == "message"
            for part in item.content
        ):
            raise LLMUnavailable("refusal")
        parsed = response.output_parsed
        if parsed is None:
            raise LLMUnavailable("invalid output")
        usage = response.usage
        used = TokenUsage(usage.input_tokens, usage.output_tokens) if usage else TokenUsage()
        return Completion(parsed, used, response.model)


def _reason(exc: openai.OpenAIError) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    if isinstance(exc, openai.RateLimitError):
        return "rate limited"
    if isinstance(exc, openai.LengthFinishReasonError):
        return "truncated"
    if isinstance(exc, openai.ContentFilterFinishReasonError):
        return "refusal"
    if isinstance(exc, openai.APIStatusError):
        return "server error" if exc.status_code >= 500 else f"HTTP {exc.status_code}"
    return "error"


def _status(body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data.get("status") if isinstance(data, dict) else None


def _chat_usage(usage: Any) -> TokenUsage:
    if usage is None:
        return TokenUsage()
    return TokenUsage(usage.prompt_tokens, usage.completion_tokens)


def _add(a: TokenUsage, b: TokenUsage) -> TokenUsage:
    return TokenUsage(
        (a.prompt_tokens or 0) + (b.prompt_tokens or 0),
        (a.completion_tokens or 0) + (b.completion_tokens or 0),
    )


def _repair_request(exc: ValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()[:5]
    )
    return (
        "That reply does not match the schema "
        f"({problems}). Reply again with the corrected JSON object only."
    )

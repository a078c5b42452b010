"""The narrow interfaces the use cases depend on; the wiring in `bot.cli` supplies them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

from bot.core.models import Article, Brief

OutputT = TypeVar("OutputT", bound=BaseModel)


class BriefEngine(Protocol):
    """Turns one article into a brief. The extractive engine and the LLM engine implement it."""

    name: str

    async def brief(self, article: Article) -> Brief: ...


@dataclass(frozen=True, slots=True)
class PostedMessage:
    """Where a platform put a message: enough to reply in its thread later."""

    platform: str
    channel: str
    message_id: str
    thread_id: str | None = None


class ChatAdapter(Protocol):
    """A chat platform as the core sees it. Adapters translate at the edge; each is small."""

    platform: str  # "console", "slack", "discord"

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def post_brief(self, channel: str, brief: Brief, brief_id: int) -> PostedMessage:
        """Post one brief to `channel` (a thread may be opened under it for follow-ups)."""
        ...

    async def post_digest(self, channel: str, briefs: Sequence[Brief], title: str) -> PostedMessage:
        """Post one roll-up of several briefs."""
        ...


@dataclass(frozen=True, slots=True)
class TokenUsage:
    """What one model call cost, as the server reported it."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class Completion(Generic[OutputT]):
    """A model's reply, parsed and validated into `value`."""

    value: OutputT
    usage: TokenUsage
    model: str


class StructuredLLM(Protocol):
    """A language model that answers in a given pydantic schema. The openai SDK implements it
    (`bot.brief.llm.client`); tests script it. Failures raise `LLMUnavailable`."""

    model: str

    async def complete_structured(
        self, *, system: str, user: str, schema: type[OutputT], max_output_tokens: int
    ) -> Completion[OutputT]: ...


@dataclass(frozen=True, slots=True)
class BriefKey:
    """What a stored brief is cached under, besides its article's sha256."""

    engine: str
    prompt_version: str | None = None
    model: str | None = None


@dataclass(frozen=True, slots=True)
class BriefRun:
    """One engine run: the brief, the key it is stored under, and what it cost."""

    brief: Brief
    key: BriefKey
    usage: TokenUsage | None = None


@runtime_checkable
class CachedBriefEngine(BriefEngine, Protocol):
    """An engine whose runs cost money: the service looks `cache_key()` up before `run`."""

    def cache_key(self) -> BriefKey: ...

    async def run(self, article: Article) -> BriefRun: ...


@runtime_checkable
class KeyedPosting(Protocol):
    """Optional for a `ChatAdapter`: posts stamped with the outbox's delivery key, and a way to
    ask afterwards whether a key was posted. With it, a post interrupted by a crash is checked
    on restart and never doubled; without it, such a post is marked failed, never re-posted
    blindly (see bot/delivery/sender.py)."""

    async def post_brief_keyed(
        self, channel: str, brief: Brief, brief_id: int, key: str
    ) -> PostedMessage: ...

    async def post_digest_keyed(
        self, channel: str, briefs: Sequence[Brief], title: str, key: str
    ) -> PostedMessage: ...

    async def already_posted(self, channel: str, key: str) -> PostedMessage | None: ...


@runtime_checkable
class ThreadReplies(Protocol):
    """An adapter that can add a short text under a message it posted (a Slack thread, a
    Discord thread): how a story's brief is told what later coverage added."""

    async def reply_in_thread(self, channel: str, thread_id: str, text: str) -> PostedMessage:
        """`text` is plain and untrusted: the adapter escapes it for its platform."""
        ...

"""Threads under posted briefs, and the questions asked in them.

A brief's thread is linked through the service as (platform "slack", channel as addressed,
thread_ts = the first message's ts): the outbox sender and `/summit brief` link it. A reply in
such a thread is answered there from that brief's articles; an @mention anywhere is answered
in its thread, from the thread's brief or else from all the coverage.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from bot.adapters.slack.poster import Poster
from bot.adapters.slack.render import notice, render_answer
from bot.adapters.slack.tasks import Recent
from bot.qa.context import Conversation
from bot.service import SummitService

PLATFORM = "slack"
ASK_HINT = "Ask me about this brief here, e.g. _what about the South China Sea?_"
MAX_CONVERSATIONS = 2000
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


class Threads:
    """Which brief a thread is under, the last question asked in it, and the answers there.

    `channel` is always the event's channel as addressed (its workspace's, when many)."""

    def __init__(
        self, service: SummitService, poster: Poster, size: int = MAX_CONVERSATIONS
    ) -> None:
        self.service = service
        self.poster = poster
        self.size = size
        self._asked: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._answered = Recent()

    async def link(self, channel: str, ts: str, brief_id: int) -> None:
        await self.service.link_thread(PLATFORM, channel, ts, brief_id)

    async def brief_for(self, channel: str, thread_ts: str) -> int | None:
        return await self.service.brief_for_thread(PLATFORM, channel, thread_ts)

    def conversation(self, channel: str, thread_ts: str, brief_id: int | None) -> Conversation:
        return self._asked.get((channel, thread_ts)) or Conversation(brief_id=brief_id)

    def remember(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        self._asked[(channel, thread_ts)] = conversation
        self._asked.move_to_end((channel, thread_ts))
        if len(self._asked) > self.size:
            self._asked.popitem(last=False)

    async def on_message(self, event: dict[str, Any], channel: str) -> None:
        """A reply in a brief's thread; ignored anywhere else."""
        thread_ts = str(event["thread_ts"])
        brief_id = await self.brief_for(channel, thread_ts)
        if brief_id is not None:
            await self._answer(event, channel, thread_ts, brief_id)

    async def on_mention(self, event: dict[str, Any], channel: str) -> None:
        """An @mention: answered in its thread, from the thread's brief or else all coverage."""
        thread_ts = str(event.get("thread_ts") or event["ts"])
        brief_id = await self.brief_for(channel, thread_ts)
        await self._answer(event, channel, thread_ts, brief_id)

    async def _answer(
        self, event: dict[str, Any], channel: str, thread_ts: str, brief_id: int | None
    ) -> None:
        # A reply that mentions the bot arrives twice (message and app_mention): answer once.
        if not self._answered.first_time((channel, str(event["ts"]))):
            return
        question = " ".join(_MENTION.sub(" ", str(event.get("text") or "")).split())
        if not question.strip(" ?"):
            await self.poster.post(channel, notice(ASK_HINT), thread_ts=thread_ts)
            return
        conversation = self.conversation(channel, thread_ts, brief_id)
        answer = await self.service.ask(question, brief_id=brief_id, conversation=conversation)
        self.remember(channel, thread_ts, conversation.after(question))
        await self.poster.post(channel, render_answer(answer), thread_ts=thread_ts)


def is_thread_reply(event: dict[str, Any]) -> bool:
    """A person's reply in a thread (not the parent, not an edit, join or bot post)."""
    thread_ts = event.get("thread_ts")
    return (
        bool(thread_ts)
        and thread_ts != event.get("ts")
        and event.get("subtype") in (None, "thread_broadcast", "file_share")
        and not event.get("bot_id")
        and bool(event.get("channel"))
    )

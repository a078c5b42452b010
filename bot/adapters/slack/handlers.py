"""The work behind each command and event, done after the ack (bot.adapters.slack.app)."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapters.shared.render import only_pledges
from bot.adapters.slack import commands as cmd
from bot.adapters.slack.ledger import PAGE_SIZE, render_ledger
from bot.adapters.slack.mrkdwn import escape
from bot.adapters.slack.poster import ChannelUnavailable, Poster
from bot.adapters.slack.render import (
    SlackMessage,
    render_answer,
    render_brief,
    text_message,
)
from bot.adapters.slack.tasks import Recent
from bot.adapters.slack.workspaces import workspace_of
from bot.core.errors import BadInput, LLMUnavailable
from bot.qa.context import Conversation
from bot.service import StoredBriefRef, SummitService

log = logging.getLogger(__name__)

PLATFORM = "slack"
Respond = Callable[..., Awaitable[Any]]  # bolt's `respond`, bound to the command's response_url
INVITE = "I'm not in this channel (or it is archived): invite me with `/invite @Summit Brief`."
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


class Threads:
    """Which brief a thread is under (the store's links) and the last question asked in it."""

    def __init__(self, service: SummitService, size: int = 2_000) -> None:
        self.service = service
        self.size = size
        self._asked: OrderedDict[tuple[str, str], Conversation] = OrderedDict()

    async def link(self, channel: str, ts: str, brief_id: int) -> None:
        await self.service.store.link_thread(PLATFORM, channel, ts, brief_id)

    async def brief_for(self, channel: str, thread_ts: str) -> int | None:
        return await self.service.store.brief_for_thread(PLATFORM, channel, thread_ts)

    def conversation(self, channel: str, thread_ts: str, brief_id: int | None) -> Conversation:
        return self._asked.get((channel, thread_ts)) or Conversation(brief_id=brief_id)

    def remember(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        self._asked[(channel, thread_ts)] = conversation
        self._asked.move_to_end((channel, thread_ts))
        if len(self._asked) > self.size:
            self._asked.popitem(last=False)


class Work:
    def __init__(self, service: SummitService, poster: Poster, threads: Threads) -> None:
        self.service = service
        self.poster = poster
        self.threads = threads
        self._answered = Recent()

    # -- slash commands --------------------------------------------------------------------

    async def command(self, command: cmd.Command, channel: str, respond: Respond) -> None:
        try:
            await self._command(command, channel, respond)
        except BadInput as exc:
            await _ephemeral(respond, f"Sorry: {escape(str(exc))}")
        except ChannelUnavailable:
            await _ephemeral(respond, INVITE)
        except LLMUnavailable as exc:
            await _ephemeral(respond, f"The language model is unavailable ({escape(exc.reason)}).")
        except Exception:
            await _ephemeral(respond, "Something went wrong on my side; it has been logged.")
            raise

    async def _command(self, command: cmd.Command, channel: str, respond: Respond) -> None:
        if isinstance(command, cmd.BriefLatest):
            await self._brief_latest(command, channel, respond)
        elif isinstance(command, cmd.BriefUrl):
            stored = await self.service.brief_source(command.url, untrusted=True)
            await self.post_brief(channel, stored)
        elif isinstance(command, cmd.Ask):
            answer = await self.service.ask(command.question)
            message = render_answer(answer)
            asked = {"type": "context", "elements": [_mrkdwn(f"Q: {escape(command.question)}")]}
            await respond(response_type="in_channel", text=message.text,
                          blocks=[asked, *message.blocks])  # fmt: skip
        elif isinstance(command, cmd.Subscribe):
            await self._subscribe(command, channel, respond)
        elif isinstance(command, cmd.Unsubscribe):
            gone = await self.service.unsubscribe(PLATFORM, channel)
            await _ephemeral(
                respond, "Unsubscribed." if gone else "This channel was not subscribed."
            )
        elif isinstance(command, cmd.Sources):
            await respond(response_type="ephemeral", **_as_kwargs(await self._sources()))
        elif isinstance(command, cmd.Ledger):
            entries, page = await self.service.pledges_page(command.query, command.page, PAGE_SIZE)
            message = render_ledger(entries, page, command.query)
            await respond(response_type="in_channel", **_as_kwargs(message))

    async def _brief_latest(self, command: cmd.BriefLatest, channel: str, respond: Respond) -> None:
        stored = await self.service.latest_brief(command.topic)
        if stored is None:
            about = f" about “{escape(command.topic)}”" if command.topic else ""
            await _ephemeral(respond, f"No stored brief{about} yet.")
            return
        if command.pledges_only:
            brief = only_pledges(stored.brief)
            stored = StoredBriefRef(stored.id, brief)
        await self.post_brief(channel, stored, pledges_only=command.pledges_only)

    async def post_brief(
        self, channel: str, stored: StoredBriefRef, *, pledges_only: bool = False
    ) -> str:
        empty = "_no pledges reported_" if pledges_only else "_nothing reported_"
        shown = await self.service.shown_brief(stored)
        ts = await self.poster.post_series(channel, render_brief(shown, empty=empty))
        await self.threads.link(channel, ts, stored.id)
        return ts

    async def _subscribe(self, command: cmd.Subscribe, channel: str, respond: Respond) -> None:
        await self.service.subscribe(
            PLATFORM,
            channel,
            cron=command.cron,
            timezone=command.timezone,
            workspace=workspace_of(channel),
        )
        digest = (
            f", and a digest on `{command.cron}` ({escape(command.timezone)})"
            if command.cron
            else ""
        )
        note = f"This channel is subscribed: every new summit brief{digest}."
        try:
            await self.poster.post(channel, text_message(note))
        except ChannelUnavailable:
            await self.service.unsubscribe(PLATFORM, channel)
            await _ephemeral(respond, f"{INVITE} Then subscribe again.")

    async def _sources(self) -> SlackMessage:
        lines = ["*Sources*"]
        for s in await self.service.sources_status():
            when = f" · last success {s.last_success:%d %b %H:%M} UTC" if s.last_success else ""
            error = f" · last error: {escape(s.last_error)}" if s.last_error else ""
            lines.append(f"• *{escape(s.name)}* ({escape(s.kind)}) — {s.status}{when}{error}")
        if len(lines) == 1:
            lines.append("_No sources are configured._")
        return text_message("\n".join(lines))

    # -- thread replies and mentions --------------------------------------------------------

    # `channel` is the event's channel as addressed in the store (its workspace's, when many).

    async def thread_message(self, event: dict[str, Any], channel: str) -> None:
        """A reply in a brief's thread; ignored anywhere else."""
        thread_ts = str(event["thread_ts"])
        brief_id = await self.threads.brief_for(channel, thread_ts)
        if brief_id is not None:
            await self._answer(event, channel, thread_ts, brief_id)

    async def mention(self, event: dict[str, Any], channel: str) -> None:
        """An @mention: answered in its thread, from the thread's brief or else all coverage."""
        thread_ts = str(event.get("thread_ts") or event["ts"])
        brief_id = await self.threads.brief_for(channel, thread_ts)
        await self._answer(event, channel, thread_ts, brief_id)

    async def _answer(
        self, event: dict[str, Any], channel: str, thread_ts: str, brief_id: int | None
    ) -> None:
        # A reply that mentions the bot arrives twice (message and app_mention): answer once.
        if not self._answered.first_time((channel, str(event["ts"]))):
            return
        question = " ".join(_MENTION.sub(" ", str(event.get("text") or "")).split())
        if not question.strip(" ?"):
            hint = "Ask me about this brief here, e.g. _what about the South China Sea?_"
            await self.poster.post(channel, text_message(hint), thread_ts=thread_ts)
            return
        conversation = self.threads.conversation(channel, thread_ts, brief_id)
        answer = await self.service.ask(question, brief_id=brief_id, conversation=conversation)
        self.threads.remember(channel, thread_ts, conversation.after(question))
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


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text[:2000]}


def _as_kwargs(message: SlackMessage) -> dict[str, Any]:
    return {"text": message.text, "blocks": message.blocks}


async def _ephemeral(respond: Respond, text: str) -> None:
    await respond(
        response_type="ephemeral", replace_original=False, **_as_kwargs(text_message(text))
    )

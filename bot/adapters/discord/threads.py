"""Threads under posted briefs, and the questions asked in them.

A brief's thread is linked through the service as (platform "discord", channel = the parent
channel's id, thread_id = the thread's id): the outbox sender and `/summit brief` link it, and
a message in such a thread is answered there from that brief's articles.

Without the privileged message-content intent Discord sends a message's text only when it
mentions the bot, so by default questions are asked as "@Summit Brief what did ...?". With
`message_content` on (DISCORD_MESSAGE_CONTENT=true and the intent enabled in the developer
portal) any message in a brief's thread is taken as a question.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from typing import Any, Literal

import discord

from bot.adapters.discord.markdown import escape
from bot.adapters.discord.render import DiscordMessage, notice, render_answer, thread_name
from bot.adapters.discord.report import PERMISSIONS, Reporter
from bot.core.errors import BadInput
from bot.core.models import Brief
from bot.qa.context import Conversation
from bot.service import SummitService

log = logging.getLogger(__name__)
PLATFORM = "discord"
ARCHIVE_MINUTES: Literal[60, 1440, 4320, 10080] = 1440  # a day without messages
MAX_CONVERSATIONS = 2000
ASK_HINT = "Ask me about this brief by mentioning me, e.g. “@Summit Brief what about trade?”"


def send_kwargs(message: DiscordMessage) -> dict[str, Any]:
    """`message` as keyword arguments for discord.py's `send`."""
    kwargs: dict[str, Any] = {"embeds": [discord.Embed.from_dict(e) for e in message.embeds]}
    if message.content:
        kwargs["content"] = message.content
    return kwargs


class Threads:
    def __init__(
        self, service: SummitService, reporter: Reporter, *, message_content: bool = False
    ) -> None:
        self.service = service
        self.reporter = reporter
        self.message_content = message_content
        self._conversations: OrderedDict[int, Conversation] = OrderedDict()
        self._parents: OrderedDict[int, int | None] = OrderedDict()

    async def open(
        self, channel: object, message: discord.Message, brief: Brief
    ) -> discord.Thread | None:
        """A thread under `message` for follow-ups; None where threads cannot be opened."""
        if not isinstance(channel, discord.TextChannel):
            return None  # already a thread, a forum, a DM: answer in place instead
        try:
            return await channel.create_thread(
                name=thread_name(brief),
                message=message,
                auto_archive_duration=ARCHIVE_MINUTES,
                reason="Summit Brief: follow-up questions",
            )
        except discord.Forbidden:
            self.reporter.once(f"channel {channel.id}", f"cannot open threads; grant {PERMISSIONS}")
        except discord.HTTPException as exc:
            log.warning("opening a thread in channel %s failed: %s", channel.id, exc)
        return None

    async def link(self, channel_id: int, thread_id: int, brief_id: int) -> None:
        await self.service.link_thread(PLATFORM, str(channel_id), str(thread_id), brief_id)

    async def brief_for(self, channel: object, client: discord.Client) -> int | None:
        """The brief whose thread `channel` is, if it is one."""
        parent = await self._parent(channel, client)
        if parent is None or not isinstance(channel, discord.abc.Snowflake):
            return None
        return await self.service.brief_for_thread(PLATFORM, str(parent), str(channel.id))

    def conversation(self, thread_id: int, brief_id: int) -> Conversation:
        found = self._conversations.get(thread_id)
        return found if found and found.brief_id == brief_id else Conversation(brief_id=brief_id)

    def remember(self, thread_id: int, conversation: Conversation) -> None:
        self._conversations[thread_id] = conversation
        self._conversations.move_to_end(thread_id)
        while len(self._conversations) > MAX_CONVERSATIONS:
            self._conversations.popitem(last=False)

    async def on_message(self, message: discord.Message, client: discord.Client) -> None:
        me = client.user
        if me is None or message.author.bot or message.webhook_id is not None:
            return  # never answer ourselves or other bots
        mentioned = any(user.id == me.id for user in message.mentions)
        if not (mentioned or self.message_content):
            return
        brief_id = await self.brief_for(message.channel, client)
        if brief_id is None:
            return
        question = _strip_mentions(message.content, me.id)
        reply = await self._answer(message.channel.id, brief_id, question)
        await self._reply(message, reply)

    async def _answer(self, thread_id: int, brief_id: int, question: str) -> DiscordMessage:
        if not question:
            return notice(ASK_HINT)
        conversation = self.conversation(thread_id, brief_id)
        try:
            answer = await self.service.ask(question, brief_id=brief_id, conversation=conversation)
        except BadInput as exc:
            return notice(escape(str(exc)))
        self.remember(thread_id, conversation.after(question))
        return render_answer(answer)

    async def _reply(self, message: discord.Message, reply: DiscordMessage) -> None:
        reference = message.to_reference(fail_if_not_exists=False)
        try:
            await message.channel.send(**send_kwargs(reply), reference=reference)
        except discord.Forbidden:
            where = f"thread {message.channel.id}"
            self.reporter.once(where, f"cannot answer in this thread; grant {PERMISSIONS}")

    async def _parent(self, channel: object, client: discord.Client) -> int | None:
        """The parent channel's id when `channel` is a thread (fetched once if not cached)."""
        if isinstance(channel, discord.Thread):
            return channel.parent_id
        if not isinstance(channel, discord.PartialMessageable) or channel.guild_id is None:
            return None
        if channel.id not in self._parents:
            self._parents[channel.id] = await _fetch_parent(client, channel.id)
            while len(self._parents) > MAX_CONVERSATIONS:
                self._parents.popitem(last=False)
        return self._parents[channel.id]


async def _fetch_parent(client: discord.Client, channel_id: int) -> int | None:
    try:
        fetched = await client.fetch_channel(channel_id)
    except discord.HTTPException:
        return None
    return fetched.parent_id if isinstance(fetched, discord.Thread) else None


def _strip_mentions(content: str, my_id: int) -> str:
    return " ".join(re.sub(rf"<@!?{my_id}>", " ", content).split())

"""Discord as a `ChatAdapter`: the gateway on the bot's one event loop, briefs posted as embeds.

`start` logs in (a refused token fails at once) and runs the gateway as the named task
"discord-gateway"; discord.py reconnects and resumes on its own and keeps each route's rate
limit bucket (a 429 waits out `retry_after`, never hammers). `stop` closes the client and
waits for that task. A channel that is missing or lacks a permission is reported once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

import discord

from bot.adapters.discord.client import SummitClient, build_client
from bot.adapters.discord.commands import SummitGroup
from bot.adapters.discord.endpoints import point_at
from bot.adapters.discord.handlers import Handlers
from bot.adapters.discord.markdown import escape
from bot.adapters.discord.render import (
    CONTENT_CHARS,
    EMBED_TOTAL_CHARS,
    FOOTER_CHARS,
    DiscordMessage,
    embed_chars,
    notice,
    render_brief,
    render_digest,
)
from bot.adapters.discord.report import PERMISSIONS, Reporter
from bot.adapters.discord.threads import PLATFORM, Threads, send_kwargs
from bot.adapters.shared.errors import ChannelUnavailable
from bot.adapters.shared.keyed import KeyedAdapter
from bot.config import Settings
from bot.core.errors import ConfigError
from bot.core.models import Brief
from bot.core.ports import PostedMessage
from bot.service import SummitService

log = logging.getLogger(__name__)
RECENT = 50  # posts looked through for a delivery key after a crash
_KEY_MARK = " · ref "
Sendable = discord.TextChannel | discord.Thread | discord.VoiceChannel | discord.StageChannel


class DiscordAdapter(KeyedAdapter):
    platform = PLATFORM

    def __init__(
        self,
        token: str,
        service: SummitService,
        *,
        api_url: str | None = None,
        gateway_url: str | None = None,
        message_content: bool = False,
        ready_timeout: float = 60.0,
        guild_ready_timeout: float = 2.0,
        shards: int | None = None,
    ) -> None:
        self._token = token
        self._urls = (api_url, gateway_url)
        self.shards = shards  # None: as many as Discord recommends (GET /gateway/bot)
        self.reporter = Reporter()
        self.threads = Threads(service, self.reporter, message_content=message_content)
        self._new_client = partial(
            build_client,
            SummitGroup(Handlers(service, self.threads)),
            self.threads,
            message_content=message_content,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.client: SummitClient = self._new_client()
        self.ready_timeout = ready_timeout
        self._task: asyncio.Task[None] | None = None
        self._restore: Callable[[], None] | None = None

    async def start(self) -> None:
        self._restore = point_at(*self._urls)
        try:
            await self.client.login(self._token)
        except discord.LoginFailure as exc:
            await self.stop()
            raise ConfigError("Discord refused DISCORD_TOKEN (improper token)") from exc
        shards = self.shards or await self._recommended_shards()
        if shards > 1:  # one gateway connection per shard: an AutoShardedClient
            await self.client.close()
            self.client = self._new_client(shards=shards)
            await self.client.login(self._token)
        log.info("Discord: %d gateway shard(s)", shards)
        self._task = asyncio.create_task(self._connect(), name="discord-gateway")

    async def _recommended_shards(self) -> int:
        """Discord's recommendation for this bot (it grows with the number of servers)."""
        try:
            shards, _, _ = await self.client.http.get_bot_gateway()
        except discord.GatewayNotFound:
            log.warning("Discord: no shard recommendation (GET /gateway/bot failed); using one")
            return 1
        return max(1, int(shards))

    async def _connect(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            log.error("Discord: enable the Message Content intent for this bot in the developer "
                      "portal, or unset DISCORD_MESSAGE_CONTENT")  # fmt: skip
        except Exception:
            log.exception("Discord: the gateway connection stopped")

    async def stop(self) -> None:
        await self.client.close()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self._restore is not None:
            self._restore()
            self._restore = None

    async def wait_ready(self) -> None:
        await asyncio.wait_for(self.client.wait_until_ready(), self.ready_timeout)

    async def post_brief_keyed(
        self, channel: str, brief: Brief, brief_id: int, key: str
    ) -> PostedMessage:
        """The brief's messages in `channel`, then a thread on the first for follow-ups (the
        outbox sender links that thread to `brief_id`)."""
        target = await self._channel(channel)
        sent = await self._send(target, stamped(render_brief(brief), key))
        thread = await self.threads.open(target, sent[0], brief)
        thread_id = str(thread.id) if thread is not None else None
        return PostedMessage(PLATFORM, channel, str(sent[0].id), thread_id)

    async def post_digest_keyed(
        self, channel: str, briefs: Sequence[Brief], title: str, key: str
    ) -> PostedMessage:
        target = await self._channel(channel)
        sent = await self._send(target, stamped(render_digest(briefs, title), key))
        return PostedMessage(PLATFORM, channel, str(sent[0].id))

    async def reply_in_thread(self, channel: str, thread_id: str, text: str) -> PostedMessage:
        """A Discord thread is a channel of its own, with the id the outbox recorded."""
        target = await self._channel(thread_id)
        content = "\n".join(escape(line) for line in text.splitlines())
        (sent,) = await self._send(target, [notice(content)])
        return PostedMessage(PLATFORM, channel, str(sent.id), thread_id)

    async def already_posted(self, channel: str, key: str) -> PostedMessage | None:
        """The bot's recent post in `channel` that carries `key`, if it landed before a crash.
        A thread opened from a message shares the message's id."""
        target = await self._channel(channel)
        me = self.client.user
        async for message in target.history(limit=RECENT):
            if me is not None and message.author.id == me.id and carries(message, key):
                return PostedMessage(PLATFORM, channel, str(message.id), str(message.id))
        return None

    async def _channel(self, channel: str) -> Sendable:
        if not channel.strip().isdigit():
            message = f"Discord destinations are channel ids, got {channel!r}"
            raise ChannelUnavailable(message, channel=channel, reason="not a channel id")
        await self.wait_ready()
        channel_id = int(channel)
        found = self.client.get_channel(channel_id)
        if found is None:
            try:
                found = await self.client.fetch_channel(channel_id)
            except (discord.NotFound, discord.Forbidden) as exc:
                raise self._unavailable(channel, "is unknown or hidden from the bot") from exc
        if not isinstance(found, Sendable):
            raise self._unavailable(channel, "is not a channel messages can be posted in")
        return found

    async def _send(
        self, target: Sendable, messages: list[DiscordMessage]
    ) -> list[discord.Message]:
        sent = []
        for message in messages:
            try:
                sent.append(await target.send(**send_kwargs(message)))
            except discord.Forbidden as exc:
                problem = f"refuses posts; grant {PERMISSIONS}"
                raise self._unavailable(str(target.id), problem) from exc
            except discord.NotFound as exc:
                raise self._unavailable(str(target.id), "no longer exists") from exc
        return sent

    def _unavailable(self, channel: str, problem: str) -> ChannelUnavailable:
        self.reporter.once(f"channel {channel}", problem)
        message = f"Discord channel {channel} {problem}"
        return ChannelUnavailable(message, channel=channel, reason=problem)


def build_discord_adapter(settings: Settings, service: SummitService) -> DiscordAdapter | None:
    """The Discord adapter when DISCORD_TOKEN is set, else None."""
    if settings.discord_token is None:
        return None
    return DiscordAdapter(
        settings.discord_token.get_secret_value(),
        service,
        api_url=settings.discord_api_url,
        gateway_url=settings.discord_gateway_url,
        message_content=settings.discord_message_content,
        shards=settings.discord_shards,
    )


def stamped(messages: list[DiscordMessage], key: str) -> list[DiscordMessage]:
    """`messages` with the delivery key in the first one's last footer (or its content when
    the footer has no room), so the post can be found again after a crash."""
    if not key or not messages:
        return messages
    first, mark = messages[0], f"{_KEY_MARK}{key}"
    if first.embeds:
        last = first.embeds[-1]
        footer = last.get("footer", {}).get("text", "")
        total = sum(embed_chars(e) for e in first.embeds)
        if len(footer) + len(mark) <= FOOTER_CHARS and total + len(mark) <= EMBED_TOTAL_CHARS:
            text = f"{footer}{mark}".strip(" ·")
            embeds = [
                *first.embeds[:-1],
                {**last, "footer": {**last.get("footer", {}), "text": text}},
            ]
            return [replace(first, embeds=embeds), *messages[1:]]
    if len(first.content) + len(mark) <= CONTENT_CHARS:
        return [replace(first, content=f"{first.content}{mark}".strip(" ·")), *messages[1:]]
    return messages


def carries(message: discord.Message, key: str) -> bool:
    mark = f"ref {key}"
    return mark in message.content or any(
        mark in (embed.footer.text or "") for embed in message.embeds if embed.footer
    )

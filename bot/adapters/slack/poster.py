"""chat.postMessage with Slack's manners: paced per channel (about one message a second),
429s retried by the SDK's handler, and a channel we cannot post to reported once.

A channel the bot is not in, or an archived or deleted one, fails every post the same way, so
it is remembered (`block_for` seconds, or until the bot joins / it is unarchived): later posts
fail at once with `ChannelUnavailable` and no call to Slack, and the warning is logged once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.shared.errors import ChannelUnavailable
from bot.adapters.slack.render import SlackMessage
from bot.adapters.slack.workspaces import Addressing

log = logging.getLogger(__name__)

UNAVAILABLE = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "restricted_action",
        "team_access_not_granted",
    }
)
METADATA_EVENT = "summit_delivery"


def slack_error(exc: SlackApiError) -> str:
    """Slack's error code ("not_in_channel"), or "" for a non-JSON answer (a 5xx page)."""
    data = exc.response.data
    return str(data.get("error") or "") if isinstance(data, dict) else ""


class Poster:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        interval: float = 1.0,
        block_for: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        addressing: Addressing | None = None,
    ) -> None:
        self.client = client
        self.addressing = addressing or Addressing()
        self.interval = interval
        self.block_for = block_for
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}
        self._blocked: dict[str, tuple[str, float]] = {}  # channel -> (reason, until)

    async def post(
        self,
        channel: str,
        message: SlackMessage,
        *,
        thread_ts: str | None = None,
        key: str | None = None,
    ) -> str:
        """Post one message; its ts. `key` is stamped in the message metadata. `channel` is
        an address (bot.adapters.slack.workspaces): the call carries its workspace's token."""
        self._check(channel)
        bare, kwargs = await self.addressing.route(channel)
        await self._pace(channel)
        kwargs.update(unfurl_links=False, unfurl_media=False)
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        if key:
            kwargs["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"key": key}}
        try:
            response = await self.client.chat_postMessage(
                channel=bare, text=message.text, blocks=message.blocks, **kwargs
            )
        except SlackApiError as exc:
            self._maybe_block(channel, exc)
            raise
        return str(response["ts"])

    async def post_series(
        self, channel: str, messages: Sequence[SlackMessage], *, key: str | None = None
    ) -> str:
        """The first message in the channel, the rest in its thread; the first one's ts."""
        first = await self.post(channel, messages[0], key=key)
        for message in messages[1:]:
            await self.post(channel, message, thread_ts=first)
        return first

    def unblock(self, channel: str) -> None:
        if self._blocked.pop(channel, None) is not None:
            log.info("Slack channel %s is available again", channel)

    def _check(self, channel: str) -> None:
        blocked = self._blocked.get(channel)
        if blocked is None:
            return
        reason, until = blocked
        if self._clock() >= until:
            del self._blocked[channel]  # time to try again, once
            return
        raise _unavailable(channel, reason)

    def _maybe_block(self, channel: str, exc: SlackApiError) -> None:
        reason = slack_error(exc)
        if reason in UNAVAILABLE:
            log.warning(
                "Slack channel %s: %s; not posting there until it is fixed", channel, reason
            )
            self._blocked[channel] = (reason, self._clock() + self.block_for)
            raise _unavailable(channel, reason) from exc

    async def _pace(self, channel: str) -> None:
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            wait = self._next.get(channel, 0.0) - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            self._next[channel] = self._clock() + self.interval


def _unavailable(channel: str, reason: str) -> ChannelUnavailable:
    message = f"cannot post to Slack channel {channel}: {reason}"
    return ChannelUnavailable(message, channel=channel, reason=reason)

"""What each `/summit` subcommand does, after the ack (bot.adapters.slack.app): call the
service, answer by `respond` or post in the channel. Errors are answered ephemerally (only the
user who asked sees them). Questions asked in threads are answered by `threads.Threads`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapters.shared.errors import ChannelUnavailable
from bot.adapters.shared.render import only_pledges
from bot.adapters.slack import commands as cmd
from bot.adapters.slack.ledger import PAGE_SIZE, render_ledger
from bot.adapters.slack.mrkdwn import escape
from bot.adapters.slack.poster import Poster
from bot.adapters.slack.render import (
    SlackMessage,
    notice,
    render_answer,
    render_brief,
    render_sources,
)
from bot.adapters.slack.threads import PLATFORM, Threads
from bot.adapters.slack.workspaces import workspace_of
from bot.core.errors import BadInput, LLMUnavailable
from bot.service import StoredBriefRef, SummitService

Respond = Callable[..., Awaitable[Any]]  # bolt's `respond`, bound to the command's response_url
INVITE = "I'm not in this channel (or it is archived): invite me with `/invite @Summit Brief`."


class Handlers:
    def __init__(self, service: SummitService, poster: Poster, threads: Threads) -> None:
        self.service = service
        self.poster = poster
        self.threads = threads

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
            await self._post_brief(channel, stored)
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
            statuses = await self.service.sources_status()
            await respond(response_type="ephemeral", **_as_kwargs(render_sources(statuses)))
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
        await self._post_brief(channel, stored, pledges_only=command.pledges_only)

    async def _post_brief(
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
            await self.poster.post(channel, notice(note))
        except ChannelUnavailable:
            await self.service.unsubscribe(PLATFORM, channel)
            await _ephemeral(respond, f"{INVITE} Then subscribe again.")


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text[:2000]}


def _as_kwargs(message: SlackMessage) -> dict[str, Any]:
    return {"text": message.text, "blocks": message.blocks}


async def _ephemeral(respond: Respond, text: str) -> None:
    await respond(response_type="ephemeral", replace_original=False, **_as_kwargs(notice(text)))

"""The bolt AsyncApp: `/summit` and events acknowledged at once, the work done in named tasks.

Slack wants an answer within 3 s and retries event deliveries that miss it (same event_id,
`X-Slack-Retry-Num`): every listener acks before any I/O, and events are deduplicated on
event_id before they reach a listener.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import commands as cmd
from bot.adapters.slack.handlers import Handlers, Respond
from bot.adapters.slack.oauth import Revocations
from bot.adapters.slack.poster import Poster
from bot.adapters.slack.tasks import BackgroundTasks, Recent
from bot.adapters.slack.threads import Threads, is_thread_reply

Ack = Callable[..., Awaitable[Any]]


def build_app(
    *,
    client: AsyncWebClient,
    signing_secret: str,
    poster: Poster,
    handlers: Handlers,
    threads: Threads,
    tasks: BackgroundTasks,
    oauth: tuple[AsyncOAuthSettings, Revocations] | None = None,
) -> AsyncApp:
    """With `oauth`, installable into many workspaces: bolt authorizes each request with the
    token its workspace installed, and channels are addressed with their workspace."""
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        name="summit-brief",
        oauth_settings=oauth[0] if oauth else None,
    )
    seen = Recent()
    where = poster.addressing.address

    async def dedupe(body: dict[str, Any], next: Callable[[], Awaitable[None]]) -> Any:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not seen.first_time(event_id):
            return BoltResponse(status=200, body="")  # a retry of an event already taken
        return await next()

    async def on_command(
        ack: Ack, command: dict[str, Any], respond: Respond, context: AsyncBoltContext
    ) -> None:
        parsed = cmd.parse(str(command.get("text") or ""))
        if isinstance(parsed, cmd.Help):
            await ack(response_type="ephemeral", text=cmd.USAGE)
            return
        if isinstance(parsed, cmd.Usage):
            await ack(response_type="ephemeral", text=f"{parsed.error}.\n{cmd.USAGE}")
            return
        channel = where(context.team_id, str(command.get("channel_id") or ""))
        await ack(**_acknowledgement(parsed))
        name = f"slack /summit {type(parsed).__name__.lower()} in {channel}"
        tasks.spawn(name, handlers.command(parsed, channel, respond))

    async def on_message(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if is_thread_reply(event):
            channel = where(context.team_id, str(event["channel"]))
            tasks.spawn(f"slack reply {event['ts']}", threads.on_message(event, channel))

    async def on_mention(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if not event.get("bot_id"):
            channel = where(context.team_id, str(event["channel"]))
            tasks.spawn(f"slack mention {event.get('ts')}", threads.on_mention(event, channel))

    async def on_joined(event: dict[str, Any], context: AsyncBoltContext) -> None:
        if event.get("user") == context.bot_user_id:
            poster.unblock(where(context.team_id, str(event.get("channel"))))

    async def on_unarchive(event: dict[str, Any], context: AsyncBoltContext) -> None:
        poster.unblock(where(context.team_id, str(event.get("channel"))))

    async def ignore() -> None:
        """Every other event: 200, so Slack never counts it as a failed delivery."""

    app.middleware(dedupe)
    app.command(re.compile(r"^/summit"))(on_command)
    app.event("message")(on_message)
    app.event("app_mention")(on_mention)
    app.event("member_joined_channel")(on_joined)
    app.event(re.compile(r"^(channel|group)_unarchive$"))(on_unarchive)
    if oauth is not None:
        app.event("app_uninstalled")(oauth[1].uninstalled)
        app.event("tokens_revoked")(oauth[1].tokens_revoked)
    app.event(re.compile(r".*"))(ignore)
    return app


def _acknowledgement(command: cmd.Command) -> dict[str, Any]:
    """What the user sees at once: a note for slow work, nothing for quick work."""
    if isinstance(command, cmd.BriefUrl):
        return {"response_type": "ephemeral", "text": "Fetching and briefing that article…"}
    return {}

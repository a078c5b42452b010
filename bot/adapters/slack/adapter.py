"""Slack as a `ChatAdapter`: HTTP mode (aiohttp on PORT) or Socket Mode (SLACK_APP_TOKEN),
both on the bot's one event loop; posts briefs and digests with message metadata carrying the
outbox key, so a post interrupted by a crash is found again (`KeyedPosting`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    async_default_handlers,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.shared.keyed import KeyedAdapter
from bot.adapters.slack.app import build_app
from bot.adapters.slack.handlers import Handlers
from bot.adapters.slack.mrkdwn import escape
from bot.adapters.slack.oauth import DEFAULT_SCOPES, Installs, OAuthConfig, Revocations
from bot.adapters.slack.poster import METADATA_EVENT, Poster, slack_error
from bot.adapters.slack.render import notice, render_brief, render_digest
from bot.adapters.slack.server import HttpServer
from bot.adapters.slack.tasks import BackgroundTasks
from bot.adapters.slack.threads import PLATFORM, Threads
from bot.adapters.slack.workspaces import Addressing
from bot.config import Settings
from bot.core.errors import ConfigError
from bot.core.models import Brief
from bot.core.ports import PostedMessage
from bot.service import SummitService

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SlackConfig:
    bot_token: str = field(repr=False)
    signing_secret: str = field(default="", repr=False)  # HTTP mode
    app_token: str | None = field(default=None, repr=False)  # Socket Mode when set
    api_url: str = "https://slack.com/api/"
    host: str = "0.0.0.0"
    port: int = 3000
    pace_seconds: float = 1.0  # chat.postMessage: about one message a second per channel
    serve_http: bool = True  # False: post only (the worker role, while a web process serves)
    oauth: OAuthConfig | None = None  # installable into many workspaces (no bot_token then)

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


class SlackAdapter(KeyedAdapter):
    platform = PLATFORM

    def __init__(self, config: SlackConfig, service: SummitService) -> None:
        self.config = config
        self.client = AsyncWebClient(
            token=config.bot_token or None,  # many workspaces: each call carries its own
            base_url=config.api_url,
            retry_handlers=[*async_default_handlers(), AsyncRateLimitErrorRetryHandler(3)],
        )
        self.tasks = BackgroundTasks()
        self.installs = Installs.on(config.oauth, service.database) if config.oauth else None
        addressing = Addressing(self.installs.tokens() if self.installs else None)
        self.poster = Poster(self.client, interval=config.pace_seconds, addressing=addressing)
        self.threads = Threads(service, self.poster)
        self.handlers = Handlers(service, self.poster, self.threads)
        oauth = (
            (self.installs.settings(), Revocations(self.installs, service))
            if self.installs
            else None
        )
        self.app = build_app(
            client=self.client,
            signing_secret=config.signing_secret,
            poster=self.poster,
            handlers=self.handlers,
            threads=self.threads,
            tasks=self.tasks,
            oauth=oauth,
        )
        self.server: HttpServer | None = None
        self.socket: AsyncSocketModeHandler | None = None

    async def start(self) -> None:
        if self.installs is None:
            await self._check_token()  # many workspaces: each token was checked at install
        if self.config.app_token:
            self.socket = AsyncSocketModeHandler(
                self.app, self.config.app_token, web_client=self.client
            )
            await self.socket.connect_async()  # type: ignore[no-untyped-call]
            log.info("Slack: Socket Mode connected")
        elif self.config.serve_http:
            self.server = HttpServer(self.app, host=self.config.host, port=self.config.port)
            await self.server.start()
            log.info("Slack: HTTP mode on %s/slack/events", self.server.url)
        else:
            log.info("Slack: posting only; the web process serves /slack/events")

    async def stop(self) -> None:
        if self.socket is not None:
            await self.socket.close_async()  # type: ignore[no-untyped-call]
            self.socket = None
        if self.server is not None:
            await self.server.stop()
            self.server = None
        await self.tasks.cancel_all()

    async def post_brief_keyed(
        self, channel: str, brief: Brief, brief_id: int, key: str
    ) -> PostedMessage:
        ts = await self.poster.post_series(channel, render_brief(brief), key=key or None)
        return PostedMessage(PLATFORM, channel, ts, thread_id=ts)

    async def post_digest_keyed(
        self, channel: str, briefs: Sequence[Brief], title: str, key: str
    ) -> PostedMessage:
        ts = await self.poster.post_series(channel, render_digest(briefs, title), key=key or None)
        return PostedMessage(PLATFORM, channel, ts, thread_id=ts)

    async def reply_in_thread(self, channel: str, thread_id: str, text: str) -> PostedMessage:
        message = notice("\n".join(escape(line) for line in text.splitlines()))
        ts = await self.poster.post(channel, message, thread_ts=thread_id)
        return PostedMessage(PLATFORM, channel, ts, thread_id=thread_id)

    async def already_posted(self, channel: str, key: str) -> PostedMessage | None:
        """The post stamped with `key` among the channel's recent messages, if any."""
        bare, token = await self.poster.addressing.route(channel)
        response = await self.client.conversations_history(
            channel=bare, limit=200, include_all_metadata=True, **token
        )
        for message in response.get("messages") or []:
            if _key(message) == key:
                ts = str(message["ts"])
                return PostedMessage(PLATFORM, channel, ts, thread_id=ts)
        return None

    async def _check_token(self) -> None:
        try:
            await self.client.auth_test()
        except SlackApiError as exc:
            reason = slack_error(exc) or f"HTTP {exc.response.status_code}"
            raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN: {reason}") from exc


def _key(message: dict[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != METADATA_EVENT:
        return None
    key = (metadata.get("event_payload") or {}).get("key")
    return str(key) if key else None


def build_slack_adapter(
    settings: Settings, service: SummitService, *, serve_http: bool = True
) -> SlackAdapter | None:
    """The Slack adapter the environment asks for; None when no Slack setting is present.

    Installable into many workspaces when SLACK_CLIENT_ID is set (with SLACK_CLIENT_SECRET
    and SLACK_SIGNING_SECRET; HTTP mode). Otherwise one workspace: Socket Mode when
    SLACK_APP_TOKEN is set (with SLACK_BOT_TOKEN); else HTTP mode on PORT, which needs
    SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. Anything half-configured is a ConfigError
    naming what is missing."""
    bot, signing, app = (
        _secret(settings.slack_bot_token),
        _secret(settings.slack_signing_secret),
        _secret(settings.slack_app_token),
    )
    oauth = _oauth_config(settings)
    if not (bot or signing or app or oauth):
        return None
    api_url = settings.slack_api_url.rstrip("/") + "/"  # urljoin drops the path without it
    if oauth is not None:
        if bot or app:
            raise ConfigError(
                "SLACK_CLIENT_ID installs the app into many workspaces, each with its own "
                "token, over HTTP: unset SLACK_BOT_TOKEN and SLACK_APP_TOKEN (or unset "
                "SLACK_CLIENT_ID for one workspace)"
            )
        if not signing:
            raise ConfigError("SLACK_SIGNING_SECRET is not set (needed with SLACK_CLIENT_ID)")
        return SlackAdapter(
            SlackConfig("", signing, None, api_url, port=settings.port, serve_http=serve_http,
                        oauth=oauth),
            service,
        )  # fmt: skip
    if not bot:
        raise ConfigError("SLACK_BOT_TOKEN is not set (needed with the other SLACK_ settings)")
    if app and not app.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token (xapp-…) for Socket Mode")
    if not app and not signing:
        raise ConfigError(
            "SLACK_SIGNING_SECRET is not set: HTTP mode needs it "
            "(or set SLACK_APP_TOKEN for Socket Mode)"
        )
    config = SlackConfig(
        bot, signing or "", app, api_url, port=settings.port, serve_http=serve_http
    )
    return SlackAdapter(config, service)


def _oauth_config(settings: Settings) -> OAuthConfig | None:
    """bolt's own variables: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SCOPES."""
    client_id = (settings.slack_client_id or "").strip()
    secret = _secret(settings.slack_client_secret)
    if not client_id:
        if secret:
            raise ConfigError("SLACK_CLIENT_SECRET is set but SLACK_CLIENT_ID is not")
        return None
    if not secret:
        raise ConfigError("SLACK_CLIENT_SECRET is not set (needed with SLACK_CLIENT_ID)")
    scopes = tuple(s.strip() for s in (settings.slack_scopes or "").split(",") if s.strip())
    return OAuthConfig(client_id, secret, scopes or DEFAULT_SCOPES)


def _secret(value: Any) -> str | None:
    text = value.get_secret_value().strip() if value is not None else ""
    return text or None

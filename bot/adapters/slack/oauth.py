"""Installable into any workspace: bolt's OAuth v2 flow (`GET /slack/install`, the "Add to
Slack" page; `/slack/oauth_redirect`, Slack's redirect after consent) with slack_sdk's own
SQLAlchemy installation and OAuth state stores on our database. Their tables are created by
our migration r0005 (bot/store/installation_tables.py), never by the stores themselves.

When a workspace uninstalls the app (`app_uninstalled`) or revokes the bot token
(`tokens_revoked`), bolt's built-in listeners delete its tokens and the service ends its
subscriptions and parks its pending posts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from slack_bolt.async_app import AsyncBoltContext
from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.adapters.slack.workspaces import SEPARATOR
from bot.service import SummitService

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# What the bot needs (docs/slack.md explains each); SLACK_SCOPES overrides.
DEFAULT_SCOPES = (
    "commands",
    "chat:write",
    "app_mentions:read",
    "channels:history",
    "groups:history",
)
STATE_SECONDS = 600  # an "Add to Slack" link is good for ten minutes


@dataclass(frozen=True, slots=True)
class OAuthConfig:
    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    redirect_uri: str | None = None  # None: the one set in the app's settings


class InstalledBotTokens:
    """`BotTokens` from the installation store: the latest bot token of a workspace."""

    def __init__(self, installations: AsyncSQLAlchemyInstallationStore) -> None:
        self.installations = installations

    async def bot_token(self, team_id: str) -> str | None:
        bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None


@dataclass
class Installs:
    """The stores and bolt's settings for one deployment's OAuth flow."""

    config: OAuthConfig
    installations: AsyncSQLAlchemyInstallationStore
    states: AsyncSQLAlchemyOAuthStateStore

    @classmethod
    def on(cls, config: OAuthConfig, engine: AsyncEngine) -> Installs:
        return cls(
            config,
            AsyncSQLAlchemyInstallationStore(config.client_id, engine=engine, logger=log),
            AsyncSQLAlchemyOAuthStateStore(STATE_SECONDS, engine=engine, logger=log),
        )

    def settings(self) -> AsyncOAuthSettings:
        return AsyncOAuthSettings(
            client_id=self.config.client_id,
            client_secret=self.config.client_secret,
            scopes=list(self.config.scopes),
            redirect_uri=self.config.redirect_uri,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=self.installations,
            state_store=self.states,
            state_expiration_seconds=STATE_SECONDS,
            logger=log,
        )

    def tokens(self) -> InstalledBotTokens:
        return InstalledBotTokens(self.installations)


class Revocations:
    """app_uninstalled / tokens_revoked: tokens deleted (bolt), deliveries stopped (ours)."""

    def __init__(self, installs: Installs, service: SummitService) -> None:
        self.builtin = AsyncTokenRevocationListeners(installs.installations)
        self.service = service

    async def uninstalled(self, context: AsyncBoltContext) -> None:
        await self.builtin.handle_app_uninstalled_events(context)
        await self._stop(context.team_id, "uninstalled the app")

    async def tokens_revoked(self, event: dict[str, object], context: AsyncBoltContext) -> None:
        await self.builtin.handle_tokens_revoked_events(event, context)
        tokens = event.get("tokens")
        if isinstance(tokens, dict) and tokens.get("bot"):
            await self._stop(context.team_id, "revoked the bot token")

    async def _stop(self, team_id: str | None, what: str) -> None:
        if not team_id:
            return
        reason = f"Slack workspace {team_id} {what}: not posted"
        gone = await self.service.forget_workspace(
            "slack", team_id, channel_prefix=f"{team_id}{SEPARATOR}", reason=reason
        )
        log.warning("Slack workspace %s %s: %d subscription(s) ended, %d delivery(ies) and "
                    "%d digest(s) parked", team_id, what, gone.subscriptions, gone.deliveries,
                    gone.digests)  # fmt: skip

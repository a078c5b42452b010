"""Which workspace a Slack channel belongs to, and the bot token that posts there.

One workspace (SLACK_BOT_TOKEN): channels are plain ids ("C0456") and every call carries the
one token. Installable into many (SLACK_CLIENT_ID): a channel is addressed with its workspace,
"T0123/C0456", everywhere the bot keeps it (subscriptions, deliveries, digests, thread links),
so one workspace's posts, threads and questions never reach another's; each call carries the
token that workspace's installation stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

SEPARATOR = "/"  # Slack ids are letters and digits: never part of an id


class WorkspaceGone(LookupError):
    """No installation (any more) for the workspace a post is addressed to."""

    def __init__(self, team_id: str) -> None:
        super().__init__(
            f"Slack workspace {team_id} has no installation of the app (uninstalled or its "
            "token revoked): not posted"
        )
        self.team_id = team_id


class BotTokens(Protocol):
    """The bot token of an installed workspace; None when there is none."""

    async def bot_token(self, team_id: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Addressing:
    """How channels are written down: plain in one workspace, "team/channel" in many."""

    tokens: BotTokens | None = None  # None: one workspace, the client's own token

    @property
    def many(self) -> bool:
        return self.tokens is not None

    def address(self, team_id: str | None, channel: str) -> str:
        if not self.many or not team_id:
            return channel
        return f"{team_id}{SEPARATOR}{channel}"

    async def route(self, address: str) -> tuple[str, dict[str, Any]]:
        """The bare channel id, and the token argument for a Web API call to it."""
        team_id, channel = split(address)
        if self.tokens is None or team_id is None:
            return channel, {}
        token = await self.tokens.bot_token(team_id)
        if token is None:
            raise WorkspaceGone(team_id)
        return channel, {"token": token}


def split(address: str) -> tuple[str | None, str]:
    """("T0123", "C0456") for "T0123/C0456"; (None, "C0456") for a plain channel."""
    team_id, found, channel = address.partition(SEPARATOR)
    return (team_id, channel) if found else (None, address)


def workspace_of(address: str) -> str:
    """The team id in `address`, "" for a plain channel (one workspace)."""
    return split(address)[0] or ""

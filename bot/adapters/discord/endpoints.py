"""Where discord.py sends REST calls and opens its gateway: Discord, or a local fake.

discord.py keeps both as class attributes (`Route.BASE`, `DiscordWebSocket.DEFAULT_GATEWAY`),
so they are set when an adapter starts (never at import) and put back when it stops.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.core.errors import ConfigError


def point_at(api_url: str | None, gateway_url: str | None) -> Callable[[], None]:
    """Point discord.py at `api_url` (REST base, e.g. https://discord.com/api/v10) and
    `gateway_url` (wss://…); None leaves Discord's own. Returns what puts them back."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    if api_url:
        Route.BASE = _checked(api_url, ("http", "https"), "DISCORD_API_URL").rstrip("/")
    if gateway_url:
        checked = _checked(gateway_url, ("ws", "wss"), "DISCORD_GATEWAY_URL")
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(checked)

    def restore() -> None:
        Route.BASE = base
        DiscordWebSocket.DEFAULT_GATEWAY = gateway

    return restore


def _checked(url: str, schemes: tuple[str, ...], name: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in schemes or not parts.netloc:
        raise ConfigError(f"{name} must be a {' or '.join(schemes)} URL, got {url!r}")
    return url.strip()

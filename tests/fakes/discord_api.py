"""A fake Discord: REST (`/api/v10`) and gateway WebSocket (`/gateway`) on 127.0.0.1.

The real discord.py client runs against it, pointed there by `Route.BASE` and
`DiscordWebSocket.DEFAULT_GATEWAY` (DISCORD_API_URL / DISCORD_GATEWAY_URL). Byte-faithful
where discord.py is strict (PLATFORMS.md): `Content-Type` exactly `application/json`; a 429
carries a JSON `retry_after` and a `Via` header; the interaction callback answers
`?with_response=1` with a JSON body; payloads carry the fields discord.py reads. Messages are
checked against Discord's limits and refused with 400 / code 50035 as Discord does.

    async with FakeDiscord() as discord:
        await discord.dispatch("INTERACTION_CREATE", discord.interaction("brief"))
        discord.requests  # every REST call, with its JSON body, in order
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from aiohttp import WSMsgType, web

Json = dict[str, Any]
EPHEMERAL = 64
LOADING = 128
ALL_PERMISSIONS = str((1 << 53) - 1)
ARCHIVE_DURATIONS = {60, 1440, 4320, 10080}


@dataclass
class Recorded:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


@dataclass
class _Interaction:
    channel_id: int
    original_id: int | None = None  # the "thinking…" message a first follow-up replaces
    original_flags: int = 0
    followed_up: bool = False


def now() -> str:
    return datetime.now(UTC).isoformat()


class FakeDiscord:
    def __init__(self) -> None:
        self._ids = itertools.count(1_300_000_000_000_000_000)
        self.app_id = self.new_id()
        self.guild_id = self.new_id()
        self.channel_id = self.new_id()
        self.bot = self.user(self.app_id, "Summit Brief", bot=True)
        self.analyst = self.user(self.new_id(), "analyst")
        self.channels: dict[int, Json] = {self.channel_id: self.text_channel(self.channel_id)}
        self.threads: dict[int, Json] = {}
        self.forbidden: set[int] = set()  # channels where the bot may not post
        self.history: dict[int, list[Json]] = {}  # messages posted per channel, oldest first
        self.requests: list[Recorded] = []
        self.identifies: list[Json] = []
        self.resumes: list[Json] = []
        self.sockets: list[web.WebSocketResponse] = []
        self.commands: dict[str, list[Json]] = {}
        self.recommended_shards = 1  # what GET /gateway/bot answers
        self.member_of: list[int] = [self.guild_id]  # the servers the bot is in
        self._interactions: dict[str, _Interaction] = {}
        self._limits: list[tuple[str, re.Pattern[str], float]] = []
        self._seq = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- what tests drive ------------------------------------------------------------------

    def rate_limit(self, method: str, path: str, retry_after: float = 0.2) -> None:
        """The next `method` request whose path matches the regex `path` gets a 429."""
        self._limits.append((method, re.compile(path), retry_after))

    async def dispatch(self, event: str, data: Json) -> None:
        self._seq += 1
        for ws in list(self.sockets):
            await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    async def drop_connections(self) -> None:
        """Close every gateway socket as a network blip would (4000: reconnect and resume)."""
        for ws in list(self.sockets):
            await ws.close(code=4000, message=b"unknown error")

    async def wait_for(self, predicate: Callable[[], Any], within: float = 5.0) -> Any:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            found = predicate()
            if found:
                return found
            await asyncio.sleep(0.01)
        raise AssertionError("the fake Discord did not see what the test waited for")

    def calls(self, method: str, pattern: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and re.fullmatch(pattern, r.path)]

    def new_id(self) -> int:
        return next(self._ids)

    # -- payloads --------------------------------------------------------------------------

    def user(self, user_id: int, name: str, *, bot: bool = False) -> Json:
        data = {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "collectibles": None,
            "primary_guild": None,
        }
        if bot:
            data["bot"] = True
        return data

    def text_channel(self, channel_id: int) -> Json:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "summit-desk",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }

    def member(self, user: Json | None = None) -> Json:
        data = {
            "roles": [],
            "nick": None,
            "avatar": None,
            "banner": None,
            "premium_since": None,
            "joined_at": now(),
            "pending": False,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "communication_disabled_until": None,
            "unusual_dm_activity_until": None,
        }
        if user is not None:
            data["user"] = user
        return data

    def guild(self) -> Json:
        everyone = {
            "id": str(self.guild_id),
            "name": "@everyone",
            "permissions": ALL_PERMISSIONS,
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }
        return {
            "id": str(self.guild_id),
            "name": "Summit Desk",
            "icon": None,
            "banner": None,
            "owner_id": self.analyst["id"],
            "afk_timeout": 300,
            "afk_channel_id": None,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 2,
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "safety_alerts_channel_id": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
            "joined_at": now(),
            "large": False,
            "unavailable": False,
            "member_count": 2,
            "lazy": True,
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "members": [self.member(self.bot)],
            "channels": list(self.channels.values()),
            "threads": list(self.threads.values()),
        }

    def message(
        self,
        channel_id: int,
        body: Json,
        *,
        author: Json | None = None,
        message_id: int | None = None,
        flags: int = 0,
    ) -> Json:
        embeds = [{"type": "rich", **e} for e in body.get("embeds") or []]
        return {
            "id": str(message_id or self.new_id()),
            "channel_id": str(channel_id),
            "author": author or self.bot,
            "content": body.get("content") or "",
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": embeds,
            "pinned": False,
            "type": 0,
            "flags": flags | int(body.get("flags") or 0),
            "components": [],
        }

    def interaction(self, subcommand: str, channel_id: int | None = None, **options: str) -> Json:
        """An INTERACTION_CREATE for `/summit <subcommand> option:value …`."""
        channel_id = channel_id or self.channel_id
        interaction_id = self.new_id()
        token = f"itoken-{interaction_id}"
        self._interactions[token] = _Interaction(channel_id)
        channel = self.channels.get(channel_id) or self.threads[channel_id]
        args = [{"name": k, "type": 3, "value": v} for k, v in options.items()]
        return {
            "id": str(interaction_id),
            "application_id": str(self.app_id),
            "type": 2,
            "data": {
                "id": str(self.new_id()),
                "name": "summit",
                "type": 1,
                "options": [{"name": subcommand, "type": 1, "options": args}],
            },
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "channel_id": str(channel_id),
            "channel": channel,
            "member": {**self.member(self.analyst), "permissions": ALL_PERMISSIONS},
            "token": token,
            "version": 1,
            "app_permissions": ALL_PERMISSIONS,
            "locale": "en-GB",
            "guild_locale": "en-US",
            "entitlements": [],
            "entitlement_sku_ids": [],
            "context": 0,
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "attachment_size_limit": 10_485_760,
        }

    def user_message(self, channel_id: int, content: str, *, mention_bot: bool = True) -> Json:
        """A MESSAGE_CREATE from the analyst (content as the gateway delivers it)."""
        data = self.message(channel_id, {"content": content}, author=self.analyst)
        mentions = [{**self.bot, "member": self.member()}] if mention_bot else []
        return {
            **data,
            "guild_id": str(self.guild_id),
            "member": self.member(),
            "mentions": mentions,
            "channel_type": 11 if channel_id in self.threads else 0,
        }

    # -- gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        try:
            await ws.send_json(
                {
                    "op": 10,
                    "s": None,
                    "t": None,
                    "d": {"heartbeat_interval": 41250, "_trace": ["fake"]},
                }
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._gateway_op(ws, json.loads(msg.data))
        finally:
            self.sockets.remove(ws)
        return ws

    async def _gateway_op(self, ws: web.WebSocketResponse, data: Json) -> None:
        op = data["op"]
        if op == 1:  # heartbeat
            await ws.send_json({"op": 11, "s": None, "t": None, "d": None})
        elif op == 2:  # identify
            self.identifies.append(data["d"])
            shard = data["d"].get("shard") or [0, 1]
            # Discord's rule: a guild lives on shard (guild_id >> 22) % shard_count.
            ours = (self.guild_id >> 22) % shard[1] == shard[0]
            await self._send(ws, "READY", self._ready(shard, ours))
            if ours:
                await self._send(ws, "GUILD_CREATE", self.guild())
        elif op == 6:  # resume
            self.resumes.append(data["d"])
            await self._send(ws, "RESUMED", {"_trace": ["fake"]})

    async def _send(self, ws: web.WebSocketResponse, event: str, data: Json) -> None:
        self._seq += 1
        await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    def _ready(self, shard: list[int], with_guild: bool = True) -> Json:
        guilds = [{"id": str(self.guild_id), "unavailable": True}] if with_guild else []
        return {
            "v": 10,
            "user": {**self.bot, "verified": True, "mfa_enabled": False, "email": None},
            "guilds": guilds,
            "session_id": "fake-session",
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "shard": shard,
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "user_settings": {},
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["singapore"],
            "auth": {},
            "_trace": ["fake"],
        }

    # -- REST ------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        record = Recorded(request.method, path, dict(request.query), body, dict(request.headers))
        self.requests.append(record)
        response = self._limited(request.method, path) or await self._route(
            request.method, path, record
        )
        record.status = response.status
        return response

    def _limited(self, method: str, path: str) -> web.Response | None:
        for n, (m, pattern, retry_after) in enumerate(self._limits):
            if m == method and pattern.fullmatch(path):
                del self._limits[n]
                headers = {
                    "Via": "1.1 google",
                    "Retry-After": str(max(1, round(retry_after))),
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": str(retry_after),
                    "X-RateLimit-Bucket": "fakebucket",
                    "X-RateLimit-Scope": "user",
                }
                return _json(
                    {
                        "message": "You are being rate limited.",
                        "retry_after": retry_after,
                        "global": False,
                    },
                    429,
                    headers,
                )
        return None

    async def _route(self, method: str, path: str, record: Recorded) -> web.Response:
        for verb, pattern, handler in self._routes():
            match = re.fullmatch(pattern, path)
            if verb == method and match:
                return await handler(record, *match.groups())
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _routes(self) -> list[tuple[str, str, Any]]:
        return [
            ("GET", r"/users/@me", self._me),
            ("GET", r"/users/@me/guilds", self._my_guilds),
            ("GET", r"/gateway/bot", self._gateway_bot),
            ("GET", r"/oauth2/applications/@me", self._application),
            ("PUT", r"/applications/(\d+)/commands", self._put_commands),
            ("PUT", r"/applications/(\d+)/guilds/(\d+)/commands", self._put_commands),
            ("POST", r"/interactions/(\d+)/([\w-]+)/callback", self._callback),
            ("POST", r"/webhooks/(\d+)/([\w-]+)", self._follow_up),
            ("PATCH", r"/webhooks/(\d+)/([\w-]+)/messages/(@original|\d+)", self._edit),
            ("DELETE", r"/webhooks/(\d+)/([\w-]+)/messages/(@original|\d+)", self._delete),
            ("GET", r"/channels/(\d+)", self._get_channel),
            ("POST", r"/channels/(\d+)/messages", self._create_message),
            ("GET", r"/channels/(\d+)/messages", self._list_messages),
            ("POST", r"/channels/(\d+)/messages/(\d+)/threads", self._create_thread),
        ]

    async def _my_guilds(self, record: Recorded) -> web.Response:
        """Partial guilds, ascending by id, paged by `after` and `limit` (max 200)."""
        after = int(record.query.get("after") or 0)
        limit = min(int(record.query.get("limit") or 200), 200)
        ids = sorted(g for g in self.member_of if g > after)[:limit]
        return _json([{"id": str(g), "name": f"Server {g}", "icon": None, "banner": None,
                       "owner": False, "permissions": ALL_PERMISSIONS, "features": []}
                      for g in ids])  # fmt: skip

    async def _gateway_bot(self, record: Recorded) -> web.Response:
        limits = {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": self.recommended_shards,
                      "session_start_limit": limits})  # fmt: skip

    async def _me(self, record: Recorded) -> web.Response:
        return _json({**self.bot, "verified": True, "mfa_enabled": False, "locale": "en-US"})

    async def _application(self, record: Recorded) -> web.Response:
        return _json(
            {
                "id": str(self.app_id),
                "name": "Summit Brief",
                "icon": None,
                "description": "Summit diplomacy briefs",
                "summary": "",
                "type": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": 0,
                "owner": self.analyst,
                "team": None,
                "rpc_origins": [],
                "hook": True,
                "tags": [],
                "interactions_endpoint_url": None,
                "redirect_uris": [],
                "approximate_guild_count": 1,
                "bot": self.bot,
            }
        )

    async def _put_commands(self, record: Recorded, app: str, guild: str = "") -> web.Response:
        if guild and int(guild) not in self.member_of:
            return _json({"message": "Missing Access", "code": 50001}, 403)
        self.commands[guild or "global"] = record.body
        out = [
            {
                **c,
                "id": str(self.new_id()),
                "application_id": app,
                "version": "1",
                "default_member_permissions": c.get("default_member_permissions"),
                **({"guild_id": guild} if guild else {}),
            }
            for c in record.body
        ]
        return _json(out)

    async def _callback(self, record: Recorded, interaction_id: str, token: str) -> web.Response:
        state = self._interactions[token]
        body = record.body or {}
        kind, data = body.get("type"), body.get("data") or {}
        flags = int(data.get("flags") or 0)
        state.original_id, state.original_flags = self.new_id(), flags
        loading = kind == 5
        message = self.message(
            state.channel_id,
            data,
            message_id=state.original_id,
            flags=flags | (LOADING if loading else 0),
        )
        return _json(
            {
                "interaction": {
                    "id": interaction_id,
                    "type": 2,
                    "response_message_id": str(state.original_id),
                    "response_message_loading": loading,
                    "response_message_ephemeral": bool(flags & EPHEMERAL),
                },
                "resource": {"type": kind, "message": message},
            }
        )

    async def _follow_up(self, record: Recorded, app: str, token: str) -> web.Response:
        if error := _limits_error(record.body or {}):
            return error
        state = self._interactions[token]
        message_id, flags = None, 0
        if state.original_id is not None and not state.followed_up:
            # The first follow-up after a defer replaces the "thinking…" message.
            message_id, flags = state.original_id, state.original_flags
        state.followed_up = True
        data = self.message(state.channel_id, record.body or {}, message_id=message_id, flags=flags)
        return _json({**data, "webhook_id": app, "application_id": app})

    async def _edit(self, record: Recorded, app: str, token: str, message: str) -> web.Response:
        state = self._interactions[token]
        return _json(
            self.message(state.channel_id, record.body or {}, message_id=state.original_id)
        )

    async def _delete(self, record: Recorded, app: str, token: str, message: str) -> web.Response:
        state = self._interactions[token]
        if message == "@original":
            state.original_id, state.followed_up = None, True
        return web.Response(status=204)

    async def _get_channel(self, record: Recorded, channel_id: str) -> web.Response:
        found = self.channels.get(int(channel_id)) or self.threads.get(int(channel_id))
        if found is None:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        return _json(found)

    async def _create_message(self, record: Recorded, channel_id: str) -> web.Response:
        cid = int(channel_id)
        if cid not in self.channels and cid not in self.threads:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        if cid in self.forbidden:
            return _json({"message": "Missing Permissions", "code": 50013}, 403)
        if error := _limits_error(record.body or {}):
            return error
        message = self.message(cid, record.body or {})
        self.history.setdefault(cid, []).append(message)
        return _json(message)

    async def _list_messages(self, record: Recorded, channel_id: str) -> web.Response:
        cid = int(channel_id)
        if cid not in self.channels and cid not in self.threads:
            return _json({"message": "Unknown Channel", "code": 10003}, 404)
        limit = min(int(record.query.get("limit", 50)), 100)
        return _json(list(reversed(self.history.get(cid, [])))[:limit])  # newest first

    async def _create_thread(
        self, record: Recorded, channel_id: str, message_id: str
    ) -> web.Response:
        body = record.body or {}
        name = body.get("name") or ""
        if not 1 <= len(name) <= 100 or body.get("auto_archive_duration") not in ARCHIVE_DURATIONS:
            return _invalid({"name": "1-100 characters; auto_archive_duration 60/1440/4320/10080"})
        # A thread started from a message takes the message's id.
        thread = {
            "id": message_id,
            "type": 11,
            "guild_id": str(self.guild_id),
            "parent_id": channel_id,
            "owner_id": self.bot["id"],
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "locked": False,
                "auto_archive_duration": body["auto_archive_duration"],
                "archive_timestamp": now(),
                "create_timestamp": now(),
            },
            "member": {
                "id": message_id,
                "user_id": self.bot["id"],
                "join_timestamp": now(),
                "flags": 0,
            },
        }
        self.threads[int(message_id)] = thread
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return _json(thread, 201)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py does not parse "application/json; charset=utf-8".
    extra = {
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "4",
        "X-RateLimit-Reset-After": "1.0",
        "X-RateLimit-Bucket": "fakebucket",
    }
    merged = {**(extra if status != 429 else {}), **(headers or {})}
    return web.Response(
        status=status,
        body=json.dumps(data).encode("utf-8"),
        headers={"Content-Type": "application/json", **merged},
    )


def _invalid(errors: Json) -> web.Response:
    return _json({"message": "Invalid Form Body", "code": 50035, "errors": errors}, 400)


def limit_errors(body: Json) -> list[str]:
    """Discord's message limits, checked independently of the bot's own renderer."""
    found = []
    embeds = body.get("embeds") or []
    if len(body.get("content") or "") > 2000:
        found.append("content")
    if len(embeds) > 10:
        found.append("embeds")
    total = 0
    for embed in embeds:
        fields = embed.get("fields") or []
        parts = {
            "title": (embed.get("title") or "", 256),
            "description": (embed.get("description") or "", 4096),
            "footer": ((embed.get("footer") or {}).get("text") or "", 2048),
            "author": ((embed.get("author") or {}).get("name") or "", 256),
        }
        for name, (text, limit) in parts.items():
            total += len(text)
            if len(text) > limit:
                found.append(name)
        if len(fields) > 25:
            found.append("fields")
        for f in fields:
            total += len(f["name"]) + len(f["value"])
            if not 1 <= len(f["name"]) <= 256 or not 1 <= len(f["value"]) <= 1024:
                found.append("field")
    if total > 6000:
        found.append("embeds total")
    if not embeds and not body.get("content"):
        found.append("empty message")
    return found


def _limits_error(body: Json) -> web.Response | None:
    errors = limit_errors(body)
    return (
        _invalid({e: {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH"}]} for e in errors})
        if errors
        else None
    )

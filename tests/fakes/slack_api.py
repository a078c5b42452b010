"""A Slack Web API on 127.0.0.1 (random port) for the real slack_sdk / slack_bolt clients.

Like bolt's own tests/mock_web_api_server, but asyncio (aiohttp) and stricter: it records
every call, answers auth.test, chat.postMessage, chat.update, conversations.history,
conversations.replies, apps.connections.open and a response_url sink; enforces the Block Kit
limits with Slack's error shapes (HTTP 200 `ok:false`, `invalid_blocks` with a JSON pointer,
`msg_blocks_too_long`, `msg_too_long`, `no_text`); plays channel states (`not_in_channel`,
`is_archived`, ...); injects 429 + Retry-After, 5xx or `ok:false` on demand; and serves the
Socket Mode WebSocket (`hello`, envelopes out, acks by envelope_id back).

    async with FakeSlackAPI() as slack:
        client = AsyncWebClient(token=slack.bot_token, base_url=slack.api_url)
        slack.calls("chat.postMessage")
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.fakes.slack_workspaces import Workspace, Workspaces

MAX_BLOCKS = 50
MAX_BLOCK_CHARS = 12_000
MAX_TEXT = 4_000
_TEXT_LIMITS = {"header": 150, "section": 3000}
_KNOWN = {"section", "header", "context", "divider", "actions", "image", "rich_text", "input"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None


@dataclass
class Fault:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class FakeSlackAPI:
    bot_token: str = "xoxb-test-token"
    app_token: str = "xapp-test-token"
    bot_user_id: str = "UBOT"
    records: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # response_url posts
    channel_errors: dict[str, str] = field(default_factory=dict)  # channel -> Slack error
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # channel -> msgs
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    workspaces: Workspaces = field(default_factory=Workspaces)  # OAuth installs, token → team

    def __post_init__(self) -> None:
        default = Workspace("T0001", "Summit Test", self.bot_token, self.bot_user_id, "B0001")
        self.workspaces.installed(default)
        self._faults: dict[str, list[Fault]] = {}
        self._ts = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._changed = asyncio.Event()
        self._connected = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------

    async def __aenter__(self) -> FakeSlackAPI:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)  # the SDK GETs some methods
        app.router.add_post("/response/{hook}", self._response_url)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, hook: str = "hook") -> str:
        return f"http://127.0.0.1:{self.port}/response/{hook}"

    # -- what tests look at and inject ------------------------------------------------------

    def calls(self, method: str) -> list[Call]:
        return [c for c in self.records if c.method == method]

    def posts(self) -> list[dict[str, Any]]:
        """Every message chat.postMessage accepted, in order."""
        return [m for msgs in self.messages.values() for m in msgs]

    def fail_next(
        self,
        method: str,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        """The next call to `method` fails: 429 (with Retry-After), a 5xx, or 200 `ok:false`."""
        self._faults.setdefault(method, []).append(Fault(status, error, retry_after))

    async def until(self, predicate: Any, within: float = 5.0) -> None:
        """Wait until `predicate()` holds (checked after every request): the bot works after
        its ack, so what it sends arrives later."""
        async with asyncio.timeout(within):
            while not predicate():
                self._changed.clear()
                await self._changed.wait()

    # -- Socket Mode --------------------------------------------------------------------------

    async def socket_send(self, envelope: dict[str, Any], within: float = 5.0) -> dict[str, Any]:
        """Push one envelope to the connected client; the ack that came back for it."""
        async with asyncio.timeout(within):
            await self._connected.wait()
        await self._sockets[-1].send_str(json.dumps(envelope))
        await self.until(lambda: self._ack_for(envelope["envelope_id"]) is not None, within)
        ack = self._ack_for(envelope["envelope_id"])
        assert ack is not None
        return ack

    def _ack_for(self, envelope_id: str) -> dict[str, Any] | None:
        return next((a for a in self.socket_acks if a.get("envelope_id") == envelope_id), None)

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}
        await ws.send_str(json.dumps(hello))
        self._connected.set()
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.socket_acks.append(json.loads(message.data))
                self._changed.set()
        return ws

    # -- the Web API ------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        authorization = request.headers.get("Authorization", "")
        token = authorization.removeprefix("Bearer ") or None
        self.records.append(Call(method, params, token))
        faults = self._faults.get(method)
        if faults:
            return _fault(faults.pop(0))
        if method == "oauth.v2.access":  # the client's credentials, not a token
            answer = self.workspaces.oauth_v2_access(params, authorization)
            self._changed.set()
            return web.json_response(answer)
        who = self._caller(method, token)
        if isinstance(who, web.Response):
            return who
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return _error("unknown_method")
        result: web.Response = handler(params, who)
        self._changed.set()
        return result

    def _caller(self, method: str, token: str | None) -> Workspace | web.Response:
        """The workspace whose token made the call, or Slack's refusal."""
        if method == "apps.connections.open":
            default = self.workspaces.by_token[self.bot_token]
            return default if token == self.app_token else _error("invalid_auth")
        if token in self.workspaces.revoked:
            return _error("token_revoked")
        who = self.workspaces.by_token.get(token or "")
        return who if who is not None else _error("invalid_auth" if token else "not_authed")

    def _auth_test(self, _: dict[str, Any], who: Workspace) -> web.Response:
        return _ok(**who.auth_test())

    def _apps_connections_open(self, _: dict[str, Any], who: Workspace) -> web.Response:
        return _ok(url=f"ws://127.0.0.1:{self.port}/link?ticket=t1")

    def _chat_postMessage(self, params: dict[str, Any], who: Workspace) -> web.Response:
        channel = str(params.get("channel") or "")
        if not channel:
            return _error("channel_not_found")
        if channel in self.channel_errors:
            return _error(self.channel_errors[channel])
        refused = check_message(params)
        if refused is not None:
            return refused
        ts = f"{1761600000 + next(self._ts)}.000100"
        message = {"type": "message", "user": who.bot_user_id, "bot_id": who.bot_id, "ts": ts,
                   "team": who.team_id}  # fmt: skip
        for key in ("text", "blocks", "thread_ts", "metadata"):
            if params.get(key) is not None:
                message[key] = params[key]
        self.messages.setdefault(channel, []).append(message)
        return _ok(channel=channel, ts=ts, message=message)

    def _chat_update(self, params: dict[str, Any], who: Workspace) -> web.Response:
        refused = check_message(params)
        if refused is not None:
            return refused
        for message in self._seen_by(who, str(params.get("channel"))):
            if message["ts"] == params.get("ts"):
                message.update({k: params[k] for k in ("text", "blocks") if k in params})
                return _ok(channel=params["channel"], ts=message["ts"], text=message.get("text"))
        return _error("message_not_found")

    def _conversations_history(self, params: dict[str, Any], who: Workspace) -> web.Response:
        channel = str(params.get("channel"))
        if channel in self.channel_errors:
            return _error(self.channel_errors[channel])
        top = [m for m in self._seen_by(who, channel) if not m.get("thread_ts")]
        return _ok(messages=list(reversed(top)), has_more=False)

    def _conversations_replies(self, params: dict[str, Any], who: Workspace) -> web.Response:
        ts = params.get("ts")
        thread = [
            m
            for m in self._seen_by(who, str(params.get("channel")))
            if m["ts"] == ts or m.get("thread_ts") == ts
        ]
        return _ok(messages=thread, has_more=False) if thread else _error("thread_not_found")

    def _seen_by(self, who: Workspace, channel: str) -> list[dict[str, Any]]:
        """A channel's messages as one workspace's token sees them: its own team's only."""
        return [m for m in self.messages.get(channel, []) if m.get("team") == who.team_id]

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        refused = check_message(body)
        if refused is not None:
            return web.Response(status=400, text="invalid_blocks")
        self.responses.append(body)
        self._changed.set()
        return web.Response(text="ok")


# -- Block Kit ---------------------------------------------------------------------------------


def check_message(params: dict[str, Any]) -> web.Response | None:
    """Slack's refusal for a message that breaks a limit, or None."""
    blocks = params.get("blocks")
    text = params.get("text")
    if not blocks and not text:
        return _error("no_text")
    if text and len(str(text)) > MAX_TEXT:
        return _error("msg_too_long")
    if blocks:
        if block_chars(blocks) > MAX_BLOCK_CHARS:
            return _error("msg_blocks_too_long")
        problems = block_kit_errors(blocks)
        if problems:
            messages = [f"[ERROR] {p}" for p in problems]
            return _error(
                "invalid_blocks", errors=problems, response_metadata={"messages": messages}
            )
    return None


def block_kit_errors(blocks: Any) -> list[str]:
    """Every Block Kit limit `blocks` breaks, worded as Slack words them, with JSON pointers."""
    if not isinstance(blocks, list):
        return ["expected an array [json-pointer:/blocks]"]
    errors = []
    if len(blocks) > MAX_BLOCKS:
        errors.append(f"no more than {MAX_BLOCKS} items allowed [json-pointer:/blocks]")
    for n, block in enumerate(blocks):
        errors += _block_errors(block, f"/blocks/{n}")
    return errors


def _block_errors(block: Any, at: str) -> list[str]:
    kind = block.get("type") if isinstance(block, dict) else None
    if kind not in _KNOWN:
        return [f"unsupported type: {kind} [json-pointer:{at}/type]"]
    if kind == "header":
        return _text_errors(block.get("text"), f"{at}/text", _TEXT_LIMITS["header"], plain=True)
    if kind == "section":
        fields = block.get("fields") or []
        if not block.get("text") and not fields:
            return [f"must provide text or fields [json-pointer:{at}]"]
        errors = _text_errors(block["text"], f"{at}/text", 3000) if block.get("text") else []
        if len(fields) > 10:
            errors.append(f"no more than 10 items allowed [json-pointer:{at}/fields]")
        for i, f in enumerate(fields):
            errors += _text_errors(f, f"{at}/fields/{i}", 2000)
        return errors
    if kind == "context":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= 10:
            return [f"must have between 1 and 10 items [json-pointer:{at}/elements]"]
        return [e for i, el in enumerate(elements)
                for e in _text_errors(el, f"{at}/elements/{i}", 3000)]  # fmt: skip
    if kind == "actions" and len(block.get("elements") or []) > 25:
        return [f"no more than 25 items allowed [json-pointer:{at}/elements]"]
    return []


def _text_errors(obj: Any, at: str, limit: int, *, plain: bool = False) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        return [f"must be a text object [json-pointer:{at}]"]
    if plain and obj["type"] != "plain_text":
        return [f"must be a plain_text object [json-pointer:{at}/type]"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return [f"must be more than 0 characters [json-pointer:{at}/text]"]
    if len(text) > limit:
        return [f"must be less than {limit + 1} characters [json-pointer:{at}/text]"]
    return []


def block_chars(value: Any) -> int:
    if isinstance(value, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else block_chars(v)
                   for k, v in value.items())  # fmt: skip
    if isinstance(value, list):
        return sum(block_chars(v) for v in value)
    return 0


# -- wire helpers ------------------------------------------------------------------------------


async def _params(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    if request.content_type == "application/json":
        data = json.loads(raw or b"{}")
    else:
        data = dict(parse_qsl(raw.decode("utf-8")))
    for key in ("blocks", "metadata"):
        if isinstance(data.get(key), str):
            data[key] = json.loads(data[key])
    data.update({k: v for k, v in request.query.items() if k not in data})
    return dict(data)


def _ok(**fields: Any) -> web.Response:
    return web.json_response({"ok": True, **fields})


def _error(error: str, **fields: Any) -> web.Response:
    return web.json_response({"ok": False, "error": error, **fields})


def _fault(fault: Fault) -> web.Response:
    if fault.status == 429:
        headers = {"Retry-After": str(fault.retry_after or 0)}
        return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers=headers)
    if fault.status >= 500:
        return web.Response(status=fault.status, text="upstream error")
    return _error(fault.error or "fatal_error")

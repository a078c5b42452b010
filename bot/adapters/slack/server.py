"""HTTP mode: Slack's requests at POST /slack/events and a health check at GET /healthz, on an
aiohttp server sharing the bot's event loop. bolt's aiohttp adapter does the translation.
Installable into many workspaces, bolt's OAuth flow also answers GET /slack/install and
GET /slack/oauth_redirect (as bolt's own async framework adapters route them)."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"


TIMESTAMP_HEADER = "X-Slack-Request-Timestamp"


def web_app(app: AsyncApp) -> web.Application:
    async def events(request: web.Request) -> web.Response:
        # bolt calls int() on the timestamp before checking the signature: "abc" would be a
        # 500 with a traceback. A request without a number there is simply not from Slack.
        stamp = request.headers.get(TIMESTAMP_HEADER, "").strip()
        if not (stamp.isascii() and stamp.isdigit()):
            return web.Response(status=401, text="invalid request")
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    application = web.Application()
    application.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", healthz)])
    flow = app.oauth_flow
    if flow is not None:

        async def install(request: web.Request) -> web.Response:
            asked = await to_bolt_request(request)
            return await to_aiohttp_response(await flow.handle_installation(asked))

        async def redirect(request: web.Request) -> web.Response:
            asked = await to_bolt_request(request)
            return await to_aiohttp_response(await flow.handle_callback(asked))

        application.add_routes(
            [web.get(flow.install_path, install), web.get(flow.redirect_uri_path, redirect)]
        )
    return application


class HttpServer:
    def __init__(self, app: AsyncApp, *, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._runner = web.AppRunner(web_app(app), access_log=None)

    async def start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        addresses = self._runner.addresses  # the bound port when 0 was asked for (tests)
        if addresses:
            self.port = int(addresses[0][1])

    async def stop(self) -> None:
        await self._runner.cleanup()

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

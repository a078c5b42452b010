"""Helpers for the multi-workspace tests: a bot installable into many workspaces (bolt's OAuth
flow over real HTTP, stores on a real database) and the browser's side of an install."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.oauth import OAuthConfig
from bot.config import Settings, load_config
from bot.service import StoredBriefRef, SummitService
from bot.store import Store
from bot.wiring.engines import build_engines
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.slack_workspaces import Workspace
from tests.support.slack_support import SEED, SlackSender, slack_config

STATE_COOKIE = "slack-app-oauth-state"
_LINK = re.compile(r'<a href="([^"]+)"')  # the "Add to Slack" button


@dataclass
class Deployment:
    api: FakeSlackAPI
    service: SummitService
    slack: SlackAdapter
    seed: StoredBriefRef

    @property
    def url(self) -> str:
        assert self.slack.server is not None
        return self.slack.server.url

    def events(self) -> SlackSender:
        return SlackSender(f"{self.url}/slack/events")


@asynccontextmanager
async def deployment(database_url: str, tmp_path: Path) -> AsyncIterator[Deployment]:
    store = Store.open(database_url)
    await store.migrate()
    engines = build_engines(Settings(), load_config().pillars(), "extractive")
    service = SummitService(store, engines.engine, engines.answerer)
    try:
        seed = await service.brief_source(str(SEED))
        async with FakeSlackAPI() as api:
            oauth = OAuthConfig(api.workspaces.client_id, api.workspaces.client_secret)
            slack = SlackAdapter(slack_config(api, bot_token="", oauth=oauth), service)
            await slack.start()
            try:
                yield Deployment(api, service, slack, seed)
            finally:
                await slack.stop()
    finally:
        await store.close()
        await engines.close()


@dataclass(frozen=True)
class InstallPage:
    status: int
    authorize_url: str
    state_cookie: str

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.authorize_url).query)


async def open_install_page(base_url: str) -> InstallPage:
    async with aiohttp.ClientSession() as session, session.get(f"{base_url}/slack/install") as r:
        page = await r.text()
        cookie = r.cookies.get(STATE_COOKIE)
        links = [html.unescape(link) for link in _LINK.findall(page)]
        return InstallPage(r.status, links[0] if links else "", cookie.value if cookie else "")


async def redirect(base_url: str, *, code: str, state: str, cookie: str) -> tuple[int, str]:
    """Slack's redirect after consent, from the browser that opened the install page (the
    state cookie is Secure, so it is sent by hand over the test's plain HTTP)."""
    headers = {"Cookie": f"{STATE_COOKIE}={cookie}"} if cookie else {}
    query = {"code": code, "state": state}
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{base_url}/slack/oauth_redirect", params=query, headers=headers) as r,
    ):
        return r.status, await r.text()


async def install(base_url: str, workspace: Workspace) -> None:
    page = await open_install_page(base_url)
    state = page.query["state"][0]
    status, body = await redirect(base_url, code=workspace.code, state=state, cookie=state)
    assert status == 200, body

"""Installable into any workspace: bolt's OAuth v2 flow over real HTTP against the fake's
oauth.v2.access, installations and states in our database (SQLite and PostgreSQL), each
workspace served and posted to with its own token, and an uninstall that stops only its own."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from bot.adapters.slack.adapter import build_slack_adapter
from bot.adapters.slack.oauth import OAuthConfig
from bot.brief.extractive import ExtractiveEngine
from bot.config import Settings, load_config
from bot.core.errors import ConfigError
from bot.delivery import OutboxSender
from bot.service import SummitService
from bot.store import Store
from bot.store.installation_tables import bots, installations, oauth_states
from bot.store.watch import EntryRecord, StoryArticle
from tests.fakes.slack_workspaces import Workspace
from tests.support.oauth_support import Deployment, deployment, install, open_install_page, redirect
from tests.support.slack_support import JSON, command_body

CHANNEL = "C0DESK"  # the same channel id in both workspaces: Slack ids are per workspace


async def test_the_install_page_links_to_slacks_authorize_url(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        page = await open_install_page(dep.url)
        assert page.status == 200
        assert page.authorize_url.startswith("https://slack.com/oauth/v2/authorize?")
        assert page.query["client_id"] == [dep.api.workspaces.client_id]
        assert page.query["scope"][0].split(",")[:2] == ["commands", "chat:write"]
        (state,) = page.query["state"]
        assert page.state_cookie == state
        assert await _count(dep.service.store, oauth_states) == 1  # kept in our database


async def test_a_completed_install_stores_the_workspace(database_url: str, tmp_path: Path) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme = dep.api.workspaces.add("TACME", "Acme Desk")
        await install(dep.url, acme)
        (exchange,) = dep.api.calls("oauth.v2.access")
        assert exchange.params["code"] == acme.code
        assert [c.token for c in dep.api.calls("auth.test")] == [acme.bot_token]
        bot = await dep.slack.installs.installations.async_find_bot(  # type: ignore[union-attr]
            enterprise_id=None, team_id="TACME"
        )
        assert bot is not None
        assert (bot.bot_token, bot.bot_user_id) == (acme.bot_token, acme.bot_user_id)
        assert await _count(dep.service.store, oauth_states) == 0  # the state is spent


async def test_a_bad_or_expired_state_gets_an_error_page_and_stores_nothing(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme = dep.api.workspaces.add("TACME", "Acme Desk")
        page = await open_install_page(dep.url)
        forged = await redirect(dep.url, code=acme.code, state="forged", cookie="forged")
        assert forged[0] == 401
        assert "invalid_state" in forged[1]
        other_browser = await redirect(dep.url, code=acme.code, state=page.state_cookie, cookie="")
        assert other_browser[0] == 400
        assert "invalid_browser" in other_browser[1]
        async with dep.service.store.engine.begin() as connection:  # ten minutes later
            await connection.execute(update(oauth_states).values(expire_at=_naive_past()))
        state = page.state_cookie
        expired = await redirect(dep.url, code=acme.code, state=state, cookie=state)
        assert expired[0] == 401
        assert "invalid_state" in expired[1]
        assert dep.api.calls("oauth.v2.access") == []
        assert await _count(dep.service.store, installations) == 0
        assert await _count(dep.service.store, bots) == 0


async def test_two_workspaces_get_their_own_briefs_with_their_own_tokens(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme, zeta = await _two_subscribed(dep)
        brief_id = await _story(dep, 1)
        assert await OutboxSender(dep.service.store, {"slack": dep.slack}).drain() == 2
        posts = _briefs_posted(dep)
        assert {(p["team"], p["token"]) for p in posts} == {
            ("TACME", acme.bot_token), ("TZETA", zeta.bot_token)
        }  # fmt: skip
        rows = await dep.service.store.outbox.deliveries(brief_id)
        assert {(r.channel, r.status) for r in rows} == {
            (f"TACME/{CHANNEL}", "sent"), (f"TZETA/{CHANNEL}", "sent")
        }  # fmt: skip


async def test_an_uninstall_stops_only_that_workspaces_deliveries(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme, zeta = await _two_subscribed(dep)
        queued = await _story(dep, 1)  # waiting in the outbox when Acme uninstalls
        dep.api.workspaces.revoke("TACME")  # Slack invalidates the token, then tells us
        before = len(dep.api.records)
        status, _ = await dep.events().post(
            json.dumps(_event("TACME", {"type": "app_uninstalled"}, "Ev1")), JSON
        )
        assert status == 200
        await _forgotten(dep, "TACME")
        later = await _story(dep, 2)
        assert await OutboxSender(dep.service.store, {"slack": dep.slack}).drain() == 2
        assert {p["token"] for p in _briefs_posted(dep)} == {zeta.bot_token}
        await _assert_parked(dep, queued, later, "uninstalled the app")
        assert not [c for c in dep.api.records[before:] if c.token == acme.bot_token]


async def test_revoked_tokens_stop_only_that_workspaces_deliveries(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme, zeta = await _two_subscribed(dep)
        queued = await _story(dep, 1)
        dep.api.workspaces.revoke("TACME")
        revoked = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": [acme.bot_user_id]}}
        status, _ = await dep.events().post(json.dumps(_event("TACME", revoked, "Ev2")), JSON)
        assert status == 200
        await _forgotten(dep, "TACME")
        later = await _story(dep, 2)
        assert await OutboxSender(dep.service.store, {"slack": dep.slack}).drain() == 2
        assert {p["token"] for p in _briefs_posted(dep)} == {zeta.bot_token}
        await _assert_parked(dep, queued, later, "revoked the bot token")


async def test_a_thread_question_is_answered_only_in_its_own_workspace(
    database_url: str, tmp_path: Path
) -> None:
    async with deployment(database_url, tmp_path) as dep:
        acme, _ = await _two_subscribed(dep)
        await _story(dep, 1)
        await OutboxSender(dep.service.store, {"slack": dep.slack}).drain()
        (acme_post,) = [p for p in _briefs_posted(dep) if p["team"] == "TACME"]
        question = {"type": "message", "channel": CHANNEL, "user": "U0READER",
                    "text": "What about the South China Sea?", "ts": "1761700000.000200",
                    "thread_ts": acme_post["ts"]}  # fmt: skip
        # The same channel id and thread ts in Zeta is not Acme's thread: no answer there.
        await dep.events().post(json.dumps(_event("TZETA", question, "Ev3")), JSON)
        await dep.slack.tasks.idle()
        assert _replies(dep) == []
        await dep.events().post(json.dumps(_event("TACME", question, "Ev4")), JSON)
        await dep.api.until(lambda: len(_replies(dep)) == 1)
        (reply,) = _replies(dep)
        assert (reply["team"], reply["thread_ts"]) == ("TACME", acme_post["ts"])
        (call,) = [c for c in dep.api.calls("chat.postMessage") if c.params.get("thread_ts")]
        assert call.token == acme.bot_token
        assert "Code of Conduct" in json.dumps(reply)


# -- helpers ---------------------------------------------------------------------------------


async def _two_subscribed(dep: Deployment) -> tuple[Workspace, Workspace]:
    acme = dep.api.workspaces.add("TACME", "Acme Desk")
    zeta = dep.api.workspaces.add("TZETA", "Zeta Ministry")
    for workspace in (acme, zeta):
        await install(dep.url, workspace)
        body = command_body("subscribe", dep.api.response_url(), team_id=workspace.team_id,
                            channel_id=CHANNEL)  # fmt: skip
        status, _ = await dep.events().post(body, "application/x-www-form-urlencoded")
        assert status == 200
    await dep.api.until(lambda: len(dep.api.posts()) == 2)
    await dep.slack.tasks.idle()
    notes = {
        (m["team"], m["text"].startswith("This channel is subscribed")) for m in dep.api.posts()
    }
    assert notes == {("TACME", True), ("TZETA", True)}
    subscriptions = await dep.service.store.subscriptions.all()
    assert {(s.workspace, s.channel) for s in subscriptions} == {
        ("TACME", f"TACME/{CHANNEL}"), ("TZETA", f"TZETA/{CHANNEL}")
    }  # fmt: skip
    return acme, zeta


async def _story(dep: Deployment, n: int) -> int:
    """A new story as the watcher stores it: a brief and a delivery per subscription."""
    store = dep.service.store
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    article = dep.seed.brief.article.model_copy(update={"sha256": f"{n:064d}"})
    brief = dep.seed.brief.model_copy(update={"article": article})
    lead = StoryArticle(source.id, EntryRecord(f"k{n}", None, "briefed"), article, None, "Wire")
    _, brief_id = await store.watch.new_story(lead, brief, [n] * 128, [])
    return brief_id


def _briefs_posted(dep: Deployment) -> list[dict[str, Any]]:
    """Each top-level brief post with the token its chat.postMessage carried."""
    posts = []
    for call in dep.api.calls("chat.postMessage"):
        if "metadata" in call.params and not call.params.get("thread_ts"):
            (message,) = [
                m for m in dep.api.posts() if m.get("metadata") == call.params["metadata"]
            ]
            posts.append({**message, "token": call.token})
    return posts


def _replies(dep: Deployment) -> list[dict[str, Any]]:
    return [m for m in dep.api.posts() if m.get("thread_ts") and "metadata" not in m]


async def _forgotten(dep: Deployment, team_id: str) -> None:
    """bolt acks an event first and runs its listener after: wait for that to be done."""
    for _ in range(250):  # up to 5 s
        if team_id not in {s.workspace for s in await dep.service.store.subscriptions.all()}:
            break
        await asyncio.sleep(0.02)
    else:
        raise AssertionError(f"{team_id} was never forgotten")


async def _assert_parked(dep: Deployment, queued: int, later: int, why: str) -> None:
    store = dep.service.store
    rows = await store.outbox.deliveries(queued)
    acme = {r.channel: r for r in rows}[f"TACME/{CHANNEL}"]
    assert acme.status == "failed"
    assert acme.last_error == f"Slack workspace TACME {why}: not posted"
    # After the uninstall Acme is no destination any more; Zeta gets both stories.
    assert [r.channel for r in await store.outbox.deliveries(later)] == [f"TZETA/{CHANNEL}"]
    assert [s.workspace for s in await store.subscriptions.all()] == ["TZETA"]
    installs = dep.slack.installs
    assert installs is not None
    assert await installs.tokens().bot_token("TACME") is None
    assert await installs.tokens().bot_token("TZETA") is not None


def _event(team_id: str, event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {
        "token": "legacy-verification-token", "team_id": team_id, "api_app_id": "A0001",
        "event": {"event_ts": event.get("ts", "1761700000.000100"), **event},
        "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"team_id": team_id, "user_id": f"UBOT{team_id}", "is_bot": True,
                            "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }  # fmt: skip


async def _count(store: Store, table: Any) -> int:
    async with store.engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(table)) or 0)


def _naive_past() -> Any:
    from datetime import UTC, datetime, timedelta

    return (datetime.now(UTC) - timedelta(minutes=1)).replace(tzinfo=None)


def test_the_environment_chooses_many_workspaces_by_client_id(
    monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    service = SummitService(store, ExtractiveEngine(load_config().pillars()))
    monkeypatch.setenv("SLACK_CLIENT_ID", "1111.2222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "test-client-secret")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "test-signing-secret")
    monkeypatch.setenv("SLACK_SCOPES", "commands, chat:write")
    adapter = build_slack_adapter(Settings(_env_file=None), service)  # type: ignore[call-arg]
    assert adapter is not None
    assert adapter.config.oauth == OAuthConfig("1111.2222", "test-client-secret",
                                               ("commands", "chat:write"))  # fmt: skip
    assert adapter.config.bot_token == ""
    assert "test-client-secret" not in repr(adapter.config)
    for wrong, reason in (
        ({"SLACK_BOT_TOKEN": "xoxb-test-1"}, "unset SLACK_BOT_TOKEN"),
        ({"SLACK_CLIENT_SECRET": ""}, "SLACK_CLIENT_SECRET is not set"),
        ({"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET is not set"),
        ({"SLACK_CLIENT_ID": ""}, "SLACK_CLIENT_ID is not"),
    ):
        with monkeypatch.context() as env:
            for name, value in wrong.items():
                env.setenv(name, value)
            with pytest.raises(ConfigError, match=reason):
                build_slack_adapter(Settings(_env_file=None), service)  # type: ignore[call-arg]

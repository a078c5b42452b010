"""The adapter as the outbox sees it (post, series, keyed posts), Slack's manners (429s, dead
channels), the factory, and Socket Mode over a local WebSocket."""

from __future__ import annotations

import json

import pytest
from pydantic import SecretStr

from bot.adapters.shared.errors import ChannelUnavailable
from bot.adapters.slack.adapter import SlackAdapter, build_slack_adapter
from bot.config import Settings
from bot.core.errors import ConfigError
from bot.core.models import Item
from bot.core.ports import ChatAdapter, KeyedPosting
from tests.fakes.slack_api import FakeSlackAPI, block_kit_errors
from tests.support.slack_support import CHANNEL, Seeded, slack_config


async def test_post_brief_returns_the_ts_as_message_and_thread(
    slack: SlackAdapter, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    posted = await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    (message,) = slack_api.posts()
    assert (posted.platform, posted.channel) == ("slack", CHANNEL)
    assert posted.message_id == posted.thread_id == message["ts"]
    typed: ChatAdapter = slack  # the protocol, checked by mypy
    assert typed.platform == "slack"
    assert isinstance(slack, KeyedPosting)


async def test_a_long_brief_is_posted_as_a_threaded_series(
    slack: SlackAdapter, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    brief = seeded.seed.brief
    bullet = brief.pillars[0].items[0]
    many: list[Item] = [bullet.model_copy(update={"text": f"{bullet.text} ({n})" * 4})
                        for n in range(150)]  # fmt: skip
    pillar = brief.pillars[0].model_copy(update={"items": many})
    long = brief.model_copy(update={"pillars": [pillar, *brief.pillars[1:]]})
    posted = await slack.post_brief(CHANNEL, long, seeded.seed.id)
    first, *rest = slack_api.posts()
    assert rest
    assert all(m["thread_ts"] == posted.message_id == first["ts"] for m in rest)
    assert all(block_kit_errors(m["blocks"]) == [] for m in slack_api.posts())


async def test_keyed_post_is_found_again_after_a_crash(
    slack: SlackAdapter, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    assert await slack.already_posted(CHANNEL, "summit-brief-1") is None
    posted = await slack.post_brief_keyed(CHANNEL, seeded.seed.brief, 1, "summit-brief-1")
    assert await slack.already_posted(CHANNEL, "summit-brief-1") == posted
    assert await slack.already_posted(CHANNEL, "summit-brief-2") is None


async def test_a_429_is_retried_after_retry_after(
    slack: SlackAdapter, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    slack_api.fail_next("chat.postMessage", status=429, retry_after=0)
    await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    assert len(slack_api.calls("chat.postMessage")) == 2
    assert len(slack_api.posts()) == 1


async def test_a_5xx_fails_the_post_for_the_outbox_to_retry(
    slack: SlackAdapter, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    from slack_sdk.errors import SlackApiError

    slack_api.fail_next("chat.postMessage", status=503)
    with pytest.raises(SlackApiError):
        await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    assert len(slack_api.calls("chat.postMessage")) == 1  # never re-posted blindly


@pytest.mark.parametrize("error", ["not_in_channel", "is_archived", "channel_not_found"])
async def test_a_channel_we_cannot_post_to_is_reported_once_not_hammered(
    slack: SlackAdapter,
    slack_api: FakeSlackAPI,
    seeded: Seeded,
    error: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack_api.channel_errors[CHANNEL] = error
    for _ in range(3):
        with pytest.raises(ChannelUnavailable, match=error):
            await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    assert len(slack_api.calls("chat.postMessage")) == 1
    assert len([r for r in caplog.records if error in r.getMessage()]) == 1
    del slack_api.channel_errors[CHANNEL]
    slack.poster.unblock(CHANNEL)  # what the bot's member_joined_channel event does
    await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    assert len(slack_api.posts()) == 1


async def test_socket_mode_acks_the_envelope_and_posts_the_brief(
    slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    adapter = SlackAdapter(slack_config(slack_api, app_token=slack_api.app_token), seeded.service)
    await adapter.start()
    try:
        assert adapter.server is None
        envelope = {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": {"team_id": "T0001", "channel_id": CHANNEL, "user_id": "U0ANALYST",
                        "command": "/summit", "text": "brief China-ASEAN",
                        "response_url": slack_api.response_url(), "trigger_id": "t"},
        }  # fmt: skip
        ack = await slack_api.socket_send(envelope)
        assert ack["envelope_id"] == "env-1"
        await slack_api.until(lambda: bool(slack_api.posts()))
        await adapter.tasks.idle()
        assert "Political-security" in json.dumps(slack_api.posts()[0])
        assert slack_api.calls("apps.connections.open")[0].token == slack_api.app_token
    finally:
        await adapter.stop()


def _settings(**env: str) -> Settings:
    values = {k: SecretStr(v) for k, v in env.items() if k != "slack_api_url"}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_factory_modes_and_half_configurations(seeded: Seeded) -> None:
    assert build_slack_adapter(_settings(), seeded.service) is None
    http = build_slack_adapter(_settings(slack_bot_token="xoxb-1", slack_signing_secret="s"),
                               seeded.service)  # fmt: skip
    assert http is not None
    assert not http.config.socket_mode
    assert http.config.api_url == "https://slack.com/api/"
    socket = build_slack_adapter(_settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1"),
                                 seeded.service)  # fmt: skip
    assert socket is not None
    assert socket.config.socket_mode
    for half in (
        {"slack_bot_token": "xoxb-1"},
        {"slack_signing_secret": "s"},
        {"slack_app_token": "xapp-1"},
        {"slack_bot_token": "xoxb-1", "slack_app_token": "xoxb-wrong-kind"},
    ):
        with pytest.raises(ConfigError):
            build_slack_adapter(_settings(**half), seeded.service)


def test_factory_reads_slack_api_url(monkeypatch: pytest.MonkeyPatch, seeded: Seeded) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api")
    adapter = build_slack_adapter(Settings(_env_file=None), seeded.service)  # type: ignore[call-arg]
    assert adapter is not None
    assert adapter.config.api_url == "http://127.0.0.1:9/api/"


async def test_a_rejected_token_is_a_config_error(slack_api: FakeSlackAPI, seeded: Seeded) -> None:
    adapter = SlackAdapter(slack_config(slack_api, bot_token="xoxb-revoked"), seeded.service)
    with pytest.raises(ConfigError, match="invalid_auth"):
        await adapter.start()
    await adapter.stop()

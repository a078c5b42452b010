"""HTTP mode end to end: Slack's signed requests over real HTTP into the real AsyncApp, the
work done after the ack, and what reached the (fake) Web API."""

from __future__ import annotations

import json

import aiohttp

from bot.adapters.slack.adapter import SlackAdapter
from tests.fakes.slack_api import FakeSlackAPI, block_kit_errors
from tests.support.slack_support import CHANNEL, FORM, Seeded, SlackSender, command_body

PILLARS = ("Political-security", "Economic", "Socio-cultural")


def _text(message: dict[str, object]) -> str:
    return json.dumps(message, ensure_ascii=False)


async def test_signed_brief_command_is_acked_in_time_then_posts_the_latest_brief(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    # Slack's 3-second ack is measured by bench/slack_ack.py; here: acked, then the work.
    status, _ = await sender.command("brief", slack_api.response_url())
    assert status == 200
    await slack_api.until(lambda: len(slack_api.posts()) >= 1)
    await slack.tasks.idle()
    (post,) = [m for m in slack_api.posts() if "thread_ts" not in m]
    assert block_kit_errors(post["blocks"]) == []
    shown = _text(post)
    for title in PILLARS:
        assert title in shown
    assert "Code of Conduct" in shown
    assert len(slack_api.calls("chat.postMessage")) == len(slack_api.posts())


async def test_forged_signature_and_stale_timestamp_get_401_and_post_nothing(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    forger = SlackSender(sender.url, secret="not-the-signing-secret")
    assert (await forger.command("brief", slack_api.response_url()))[0] == 401
    stale = await sender.post(command_body("brief", slack_api.response_url()), FORM, age=360)
    assert stale[0] == 401
    await slack.tasks.idle()
    assert slack_api.calls("chat.postMessage") == []
    assert slack_api.responses == []


async def test_a_timestamp_that_is_not_a_number_gets_401_not_500(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    body = command_body("brief", slack_api.response_url())
    for stamp in ("abc", "", "1e9", "-5", "１７００"):
        headers = {**sender.headers(body, FORM), "X-Slack-Request-Timestamp": stamp}
        async with (
            aiohttp.ClientSession() as session,
            session.post(sender.url, data=body.encode(), headers=headers) as response,
        ):
            assert response.status == 401, stamp
    await slack.tasks.idle()
    assert slack_api.calls("chat.postMessage") == []


async def test_thread_reply_under_the_seed_brief_is_answered_in_the_thread(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    posted = await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    assert posted.thread_id is not None
    await seeded.service.store.link_thread("slack", CHANNEL, posted.thread_id, seeded.seed.id)
    reply = {"type": "message", "channel": CHANNEL, "user": "U0ANALYST",
             "text": "what about the South China Sea?", "ts": "1761700000.000200",
             "thread_ts": posted.thread_id, "channel_type": "channel"}  # fmt: skip
    status, _ = await sender.event(reply, "Ev01REPLY")
    assert status == 200
    await slack_api.until(lambda: any(m.get("thread_ts") for m in slack_api.posts()))
    (answer,) = [m for m in slack_api.posts() if m.get("thread_ts") == posted.thread_id]
    assert block_kit_errors(answer["blocks"]) == []
    assert "Code of Conduct in the South China Sea" in _text(answer)


async def test_a_retried_event_is_answered_once(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    posted = await slack.post_brief(CHANNEL, seeded.seed.brief, seeded.seed.id)
    await seeded.service.store.link_thread("slack", CHANNEL, posted.message_id, seeded.seed.id)
    mention = {"type": "app_mention", "channel": CHANNEL, "user": "U0ANALYST",
               "text": "<@UBOT> what did China pledge on the digital economy?",
               "ts": "1761700000.000300", "thread_ts": posted.message_id}  # fmt: skip
    as_message = {**mention, "type": "message"}
    assert (await sender.event(mention, "Ev02"))[0] == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert (await sender.event(mention, "Ev02", **retry))[0] == 200
    assert (await sender.event(as_message, "Ev03"))[0] == 200  # the same reply, as `message`
    await slack.tasks.idle()
    answers = [m for m in slack_api.posts() if m.get("thread_ts") == posted.message_id]
    assert len(answers) == 1


async def test_other_messages_and_events_are_ignored_with_200(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    top_level = {"type": "message", "channel": CHANNEL, "user": "U1", "text": "hello",
                 "ts": "1761700000.000400"}  # fmt: skip
    unknown_thread = {**top_level, "ts": "1761700000.000500", "thread_ts": "1761600000.000001"}
    reaction = {"type": "reaction_added", "user": "U1", "reaction": "eyes",
                "item": {"type": "message", "channel": CHANNEL, "ts": "1.2"}}  # fmt: skip
    for n, event in enumerate((top_level, unknown_thread, reaction)):
        assert (await sender.event(event, f"Ev1{n}"))[0] == 200
    await slack.tasks.idle()
    assert slack_api.calls("chat.postMessage") == []


async def test_unknown_subcommand_gets_ephemeral_usage_in_the_ack(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    status, body = await sender.command("frobnicate now", slack_api.response_url())
    assert status == 200
    reply = json.loads(body)
    assert reply["response_type"] == "ephemeral"
    assert "unknown subcommand" in reply["text"]
    assert "/summit brief" in reply["text"]
    await slack.tasks.idle()
    assert slack_api.calls("chat.postMessage") == []


async def test_ask_answers_through_the_response_url(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    await sender.command("ask what about the South China Sea?", slack_api.response_url())
    await slack_api.until(lambda: bool(slack_api.responses))
    (response,) = slack_api.responses
    assert response["response_type"] == "in_channel"
    assert "Code of Conduct" in _text(response)


async def test_pledges_shows_pledges_only(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    await sender.command("pledges ASEAN", slack_api.response_url())
    await slack_api.until(lambda: bool(slack_api.posts()))
    await slack.tasks.idle()
    shown = _text(slack_api.posts()[0])
    assert "*Pledge*" in shown
    assert "_Offer_" not in shown
    assert "*Call*" not in shown


async def test_subscribe_then_unsubscribe(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    await sender.command("subscribe weekdays 07:30 Asia/Singapore", slack_api.response_url())
    await slack_api.until(lambda: bool(slack_api.posts()))
    await slack.tasks.idle()
    (sub,) = await seeded.service.store.subscriptions.all()
    assert (sub.channel, sub.digest_cron, sub.timezone) == (
        CHANNEL,
        "30 7 * * mon-fri",
        "Asia/Singapore",
    )
    await sender.command("unsubscribe", slack_api.response_url())
    await slack_api.until(lambda: bool(slack_api.responses))
    assert await seeded.service.store.subscriptions.all() == []


async def test_subscribe_where_the_bot_is_not_a_member_says_so_once(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    slack_api.channel_errors[CHANNEL] = "not_in_channel"
    await sender.command("subscribe", slack_api.response_url())
    await slack_api.until(lambda: bool(slack_api.responses))
    await slack.tasks.idle()
    assert "invite me" in slack_api.responses[0]["text"]
    assert await seeded.service.store.subscriptions.all() == []


async def test_healthz(slack: SlackAdapter) -> None:
    import aiohttp

    assert slack.server is not None
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{slack.server.url}/healthz") as response,
    ):
        assert response.status == 200

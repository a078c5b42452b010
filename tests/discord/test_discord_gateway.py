"""The real discord.py client against the fake Discord: commands, threads, limits, manners."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from pathlib import Path

import pytest

from bot.adapters.discord import DiscordAdapter
from bot.adapters.shared.errors import ChannelUnavailable
from bot.service import StoredBriefRef, SummitService
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord, Recorded, limit_errors

PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
THREADS = r"/channels/(\d+)/messages/(\d+)/threads"


def _nothing_pings(request: Recorded) -> None:
    mentions = request.body["allowed_mentions"]
    assert mentions["parse"] == []
    assert not mentions.get("users")
    assert not mentions.get("roles")
    assert mentions.get("replied_user", False) is False


async def _slash(fake: FakeDiscord, subcommand: str, **options: str) -> tuple[str, float]:
    payload = fake.interaction(subcommand, **options)
    started = time.monotonic()
    await fake.dispatch("INTERACTION_CREATE", payload)
    return payload["token"], started


async def _linked(service: SummitService, channel_id: str, thread_id: str) -> int:
    """The brief the thread is linked to, once the handler has written the link."""
    for _ in range(500):
        found = await service.store.brief_for_thread("discord", channel_id, thread_id)
        if found is not None:
            return found
        await asyncio.sleep(0.01)
    raise AssertionError(f"thread {thread_id} was never linked to a brief")


async def _brief_in_channel(fake: FakeDiscord, service: SummitService) -> tuple[Recorded, int]:
    """/summit brief, answered; the follow-up and the thread opened (and linked) on it."""
    token, _ = await _slash(fake, "brief")
    (thread_call,) = await fake.wait_for(lambda: fake.calls("POST", THREADS))
    (follow_up,) = fake.calls("POST", rf"/webhooks/\d+/{token}")
    thread_id = thread_call.path.split("/")[4]
    await _linked(service, str(fake.channel_id), thread_id)
    return follow_up, int(thread_id)


async def test_it_identifies_with_minimal_intents(
    adapter: DiscordAdapter, fake: FakeDiscord
) -> None:
    (identify,) = fake.identifies
    assert identify["intents"] & PRIVILEGED == 0
    assert identify["token"] == "fake-token"
    assert adapter.client.is_ready()
    assert adapter.client.allowed_mentions is not None
    assert adapter.client.allowed_mentions.to_dict()["parse"] == []


async def test_summit_brief_defers_then_follows_up_with_the_latest_brief(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    token, started = await _slash(fake, "brief")
    (defer,) = await fake.wait_for(
        lambda: fake.calls("POST", rf"/interactions/\d+/{token}/callback")
    )
    assert defer.body["type"] == 5  # deferred: "Summit Brief is thinking…"
    assert defer.query == {"with_response": "1"}
    assert defer.at - started < 3.0
    (thread_call,) = await fake.wait_for(lambda: fake.calls("POST", THREADS))
    (follow_up,) = fake.calls("POST", rf"/webhooks/\d+/{token}")
    assert follow_up.status == 200
    assert limit_errors(follow_up.body) == []
    names = " ".join(f["name"] for e in follow_up.body["embeds"] for f in e["fields"])
    for pillar in seed.brief.pillars:
        assert pillar.title in names
    _nothing_pings(follow_up)
    # The thread hangs off the follow-up and is linked to the brief for questions.
    channel_id, message_id = thread_call.path.split("/")[2], thread_call.path.split("/")[4]
    assert channel_id == str(fake.channel_id)
    assert thread_call.body["auto_archive_duration"] == 1440
    assert await _linked(service, channel_id, message_id) == seed.id


async def test_a_question_in_the_brief_thread_is_answered_there_with_a_quote(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    _, thread_id = await _brief_in_channel(fake, service)
    question = fake.user_message(
        thread_id, f"<@{fake.app_id}> What did China say about the Digital Academy?"
    )
    await fake.dispatch("MESSAGE_CREATE", question)
    (reply,) = await fake.wait_for(lambda: fake.calls("POST", rf"/channels/{thread_id}/messages"))
    content = reply.body["content"]
    quote = re.search(r"“(.+?)”", content)
    assert quote is not None
    assert "Digital Academy" in quote.group(1)
    assert quote.group(1).replace("\\", "") in seed.brief.article.text  # verbatim evidence
    assert "\n— Chinese premier urges" in content  # and where it comes from
    assert str(reply.body["message_reference"]["message_id"]) == question["id"]
    _nothing_pings(reply)


async def test_thread_messages_without_a_mention_or_outside_brief_threads_are_ignored(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    _, thread_id = await _brief_in_channel(fake, service)
    await fake.dispatch("MESSAGE_CREATE", fake.user_message(thread_id, "thanks", mention_bot=False))
    channel_message = fake.user_message(fake.channel_id, f"<@{fake.app_id}> trade?")
    await fake.dispatch("MESSAGE_CREATE", channel_message)
    await fake.dispatch("MESSAGE_CREATE", fake.user_message(thread_id, f"<@{fake.app_id}>"))
    (hint,) = await fake.wait_for(lambda: fake.calls("POST", rf"/channels/{thread_id}/messages"))
    assert "mentioning me" in hint.body["content"]  # only the empty mention got an answer
    assert fake.calls("POST", rf"/channels/{fake.channel_id}/messages") == []


async def test_everyone_in_article_text_never_pings(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, tmp_path: Path
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Leaders meet at ASEAN Summit @everyone\n\nKUALA LUMPUR, Oct. 28 (Xinhua) -- "
        "China will build a port for @everyone and <@&123> in the region, Li said. "
        "China will also fund a school for @here, he said.",
        encoding="utf-8",
    )
    stored = await service.brief_source(str(article))
    assert "@everyone" in stored.brief.model_dump_json()
    await adapter.post_brief(str(fake.channel_id), stored.brief, stored.id)
    (post,) = fake.calls("POST", rf"/channels/{fake.channel_id}/messages")
    _nothing_pings(post)
    sent = str(post.body)
    for raw in ("@everyone", "@here", "<@&123>"):
        assert raw not in sent


async def test_post_brief_opens_a_thread_for_the_outbox_to_link(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    posted = await adapter.post_brief(str(fake.channel_id), seed.brief, seed.id)
    (thread_call,) = fake.calls("POST", THREADS)
    assert thread_call.path == f"/channels/{fake.channel_id}/messages/{posted.message_id}/threads"
    assert posted.thread_id == posted.message_id  # Discord gives the thread the message's id
    assert (posted.platform, posted.channel) == ("discord", str(fake.channel_id))


async def test_a_429_is_waited_out_by_the_bucket_not_hammered(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    fake.rate_limit("POST", rf"/channels/{fake.channel_id}/messages", retry_after=0.3)
    await adapter.post_brief(str(fake.channel_id), seed.brief, seed.id)
    limited, retried = fake.calls("POST", rf"/channels/{fake.channel_id}/messages")
    assert (limited.status, retried.status) == (429, 200)
    assert retried.at - limited.at >= 0.3


async def test_a_missing_channel_or_permission_is_reported_once(
    adapter: DiscordAdapter,
    fake: FakeDiscord,
    seed: StoredBriefRef,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.forbidden.add(fake.channel_id)
    with caplog.at_level(logging.DEBUG, logger="bot.adapters.discord"):
        for channel in ("42", "42", str(fake.channel_id), str(fake.channel_id)):
            with pytest.raises(ChannelUnavailable):
                await adapter.post_brief(channel, seed.brief, seed.id)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 2
    assert "channel 42" in errors[0]
    assert "Send Messages" in errors[1]


async def test_the_gateway_reconnects_and_resumes(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    await fake.drop_connections()
    await fake.wait_for(lambda: fake.resumes, within=10)
    assert fake.resumes[0]["session_id"] == "fake-session"
    token, _ = await _slash(fake, "help")
    (callback,) = await fake.wait_for(
        lambda: fake.calls("POST", rf"/interactions/\d+/{token}/callback")
    )
    assert callback.body["type"] == 4
    assert callback.body["data"]["flags"] == EPHEMERAL
    assert "/summit brief" in callback.body["data"]["content"]


async def test_a_refused_url_is_answered_ephemerally(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    token, _ = await _slash(fake, "brief", url="http://127.0.0.1:9/private")
    (error,) = await fake.wait_for(lambda: fake.calls("POST", rf"/webhooks/\d+/{token}"))
    assert error.body["flags"] == EPHEMERAL
    # The public "thinking…" placeholder went first, so the error is the user's alone.
    assert fake.calls("DELETE", rf"/webhooks/\d+/{token}/messages/@original")
    assert fake.calls("POST", THREADS) == []


async def test_pledges_shows_commitments_only(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    token, _ = await _slash(fake, "pledges")
    await fake.wait_for(lambda: fake.calls("POST", THREADS))
    (follow_up,) = fake.calls("POST", rf"/webhooks/\d+/{token}")
    values = " ".join(f["value"] for e in follow_up.body["embeds"] for f in e.get("fields", []))
    assert "**Pledge**" in values
    assert "**Call**" not in values
    assert "*Offer*" not in values


async def test_subscribe_and_unsubscribe_answer_privately(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService
) -> None:
    token, _ = await _slash(fake, "subscribe", cron="0 8 * * 1-5", timezone="Asia/Singapore")
    (done,) = await fake.wait_for(lambda: fake.calls("POST", rf"/webhooks/\d+/{token}"))
    assert "Subscribed" in done.body["content"]
    (subscribed,) = await service.store.subscriptions.all()
    assert (subscribed.channel, subscribed.workspace) == (str(fake.channel_id), str(fake.guild_id))
    token, _ = await _slash(fake, "subscribe", timezone="Mars/Olympus")
    (refused,) = await fake.wait_for(lambda: fake.calls("POST", rf"/webhooks/\d+/{token}"))
    assert "time zone" in refused.body["content"]
    assert refused.body["flags"] == EPHEMERAL
    assert await service.unsubscribe("discord", str(fake.channel_id)) is True


async def test_ask_in_a_brief_thread_uses_that_brief(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    _, thread_id = await _brief_in_channel(fake, service)
    payload = fake.interaction("ask", channel_id=thread_id, question="What about tourism?")
    await fake.dispatch("INTERACTION_CREATE", payload)
    token = payload["token"]
    (answer,) = await fake.wait_for(lambda: fake.calls("POST", rf"/webhooks/\d+/{token}"))
    assert "tourism" in answer.body["content"]
    _nothing_pings(answer)

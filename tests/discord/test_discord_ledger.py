"""`/summit pledges` with typed filter options asks the ledger: the real discord.py client
against the fake Discord, one embed page at a time, every page within Discord's limits."""

from __future__ import annotations

from datetime import date

from bot.adapters.discord import DiscordAdapter
from bot.adapters.discord.ledger import PAGE_SIZE, render_ledger
from bot.adapters.discord.render import violations
from bot.core.ledger import LedgerEntry, LedgerQuery, LedgerSource
from bot.ledger.query import Page
from bot.service import StoredBriefRef, SummitService
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord, limit_errors


async def _follow_up(fake: FakeDiscord, subcommand: str, **options: str) -> dict[str, object]:
    payload = fake.interaction(subcommand, **options)
    await fake.dispatch("INTERACTION_CREATE", payload)
    token = payload["token"]
    (sent,) = await fake.wait_for(lambda: fake.calls("POST", rf"/webhooks/\d+/{token}"))
    return sent.body  # type: ignore[no-any-return]


async def test_filters_page_through_the_ledger_within_limits(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    total = await service.store.ledger.count(LedgerQuery(actor="China"))
    assert total > PAGE_SIZE

    first = await _follow_up(fake, "pledges", actor="China")
    second = await _follow_up(fake, "pledges", actor="Beijing", page="2")

    for body in (first, second):
        assert limit_errors(body) == []
        assert body["allowed_mentions"]["parse"] == []  # type: ignore[index]
    (embed,) = first["embeds"]  # type: ignore[misc]
    assert embed["title"] == "Pledge ledger"
    assert len(embed["fields"]) == PAGE_SIZE
    assert embed["fields"][0]["name"].startswith("China · ")
    assert "> “" in embed["fields"][0]["value"]  # each entry quotes its source
    assert embed["footer"]["text"].startswith(f"page 1 of {-(-total // PAGE_SIZE)}")
    assert second["embeds"][0]["footer"]["text"].startswith("page 2 of")  # type: ignore[index]
    assert fake.calls("POST", r"/channels/(\d+)/messages/(\d+)/threads") == []


async def test_nothing_in_the_coverage_is_said_so(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    body = await _follow_up(fake, "pledges", actor="Atlantis", status="changed")
    assert "Nothing in the coverage matches" in str(body["content"])


async def test_a_bad_filter_is_answered_privately(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    payload = fake.interaction("pledges", since="yesterday")
    await fake.dispatch("INTERACTION_CREATE", payload)
    token = payload["token"]
    callback = rf"/interactions/\d+/{token}/callback"
    (reply,) = await fake.wait_for(lambda: fake.calls("POST", callback))
    assert reply.body["data"]["flags"] == EPHEMERAL
    assert "is not a date" in reply.body["data"]["content"]


def test_a_page_of_huge_entries_stays_within_discord_limits() -> None:
    huge = "China will @everyone build **a** " + "very long bridge " * 600
    url = "https://wire.test/" + "a" * 3000
    source = LedgerSource(title="T" * 500, outlet="Wire", url=url, quote=huge, span=(0, 5))
    entry = LedgerEntry(id="x", actor="C" * 300, kind="pledge", pillar="economic", text=huge,
                        summit="S" * 400, date=date(2026, 10, 28), status="changed",
                        previous_figures=["$1"] * 200, sources=[source] * 30)  # fmt: skip
    message = render_ledger([entry] * PAGE_SIZE, Page(1, 3, 15), LedgerQuery(summit="S" * 500))
    assert violations(message) == []
    assert "@everyone" not in str(message.embeds)


async def test_a_story_delta_is_sent_into_the_briefs_thread(
    adapter: DiscordAdapter, fake: FakeDiscord, seed: StoredBriefRef
) -> None:
    payload = fake.interaction("brief")
    await fake.dispatch("INTERACTION_CREATE", payload)
    (thread_call,) = await fake.wait_for(
        lambda: fake.calls("POST", r"/channels/(\d+)/messages/(\d+)/threads")
    )
    thread_id = thread_call.path.split("/")[4]

    text = "Update from Wire: @everyone **news**\n+ China will build a bridge"
    posted = await adapter.reply_in_thread(str(fake.channel_id), thread_id, text)

    (sent,) = fake.calls("POST", rf"/channels/{thread_id}/messages")
    assert posted.thread_id == thread_id
    assert sent.body["allowed_mentions"]["parse"] == []
    assert "@everyone" not in sent.body["content"]
    assert "\\*\\*news\\*\\*" in sent.body["content"]
    assert sent.body["content"].endswith("+ China will build a bridge")
    assert limit_errors(sent.body) == []

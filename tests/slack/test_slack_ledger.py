"""`/summit pledges name:value …` asks the ledger: through the real app and the fake Web API,
one page at a time, every page within Block Kit's limits."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.ledger import PAGE_SIZE, render_ledger
from bot.core.ledger import LedgerEntry, LedgerQuery, LedgerSource
from bot.ledger.query import Page
from tests.fakes.slack_api import MAX_BLOCK_CHARS, FakeSlackAPI, block_chars, block_kit_errors
from tests.support.slack_support import Seeded, SlackSender

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
NO_ENTRIES = "Nothing in the coverage matches"


async def _ask(sender: SlackSender, api: FakeSlackAPI, text: str) -> dict[str, object]:
    before = len(api.responses)
    status, _ = await sender.command(text, api.response_url())
    assert status == 200
    await api.until(lambda: len(api.responses) > before)
    return api.responses[-1]


def _text(message: dict[str, object]) -> str:
    return json.dumps(message, ensure_ascii=False)


async def test_filters_page_through_the_ledger_within_limits(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI, seeded: Seeded
) -> None:
    for name in ("d01.txt", "d03.txt"):
        if (CORPUS / name).is_file():
            await seeded.service.brief_source(str(CORPUS / name))
    total = await seeded.service.store.ledger.count(LedgerQuery(actor="China"))
    assert total > PAGE_SIZE  # the seed alone files China's many bullets

    first = await _ask(sender, slack_api, "pledges actor:China kind:pledge")
    second = await _ask(sender, slack_api, "pledges actor:Beijing kind:pledge page:2")

    for reply in (first, second):
        assert reply["response_type"] == "in_channel"
        assert block_kit_errors(reply["blocks"]) == []
        assert block_chars(reply["blocks"]) <= MAX_BLOCK_CHARS
    assert "page 1 of" in _text(first)
    assert "page:2" in _text(first)
    assert "page 2 of" in _text(second)
    shown = [b for b in first["blocks"] if b["type"] == "section"]  # type: ignore[attr-defined]
    assert len(shown) == PAGE_SIZE
    assert "*China* · pledge" in shown[0]["text"]["text"]
    assert "\n> “" in shown[0]["text"]["text"]  # each entry quotes its source


async def test_nothing_in_the_coverage_is_said_so(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    reply = await _ask(sender, slack_api, "pledges actor:Atlantis since:2024")
    assert NO_ENTRIES in _text(reply)
    assert "actor Atlantis · since 2024-01-01" in _text(reply)


async def test_a_bad_filter_gets_the_usage_and_changes_nothing(
    slack: SlackAdapter, sender: SlackSender, slack_api: FakeSlackAPI
) -> None:
    status, body = await sender.command("pledges since:yesterday", slack_api.response_url())
    reply = json.loads(body)
    assert status == 200
    assert reply["response_type"] == "ephemeral"
    assert "is not a date" in reply["text"]
    await slack.tasks.idle()
    assert slack_api.posts() == []


def test_a_page_of_huge_entries_stays_within_block_kit() -> None:
    huge = "China will <!channel> build *a* " + "very long bridge " * 600
    source = LedgerSource(title="T" * 500, outlet="Wire", url="https://wire.test/a",
                          quote=huge, span=(0, len(huge)))  # fmt: skip
    entry = LedgerEntry(id="x", actor="China", kind="pledge", pillar="economic", text=huge,
                        summit="S" * 400, date=date(2026, 10, 28), status="new",
                        sources=[source] * 30)  # fmt: skip
    message = render_ledger([entry] * PAGE_SIZE, Page(1, 3, 25), LedgerQuery(actor="China"))
    assert block_kit_errors(message.blocks) == []
    assert block_chars(message.blocks) <= MAX_BLOCK_CHARS
    assert "<!channel>" not in _text({"blocks": message.blocks})

"""Briefs as people see them carry the ledger's status on each bullet; the stored brief and
its JSON keep the article's words."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.adapters.console.adapter import ConsoleAdapter
from bot.brief.extractive.engine import ExtractiveEngine
from bot.cli import main
from bot.config import load_config
from bot.delivery.sender import OutboxSender
from bot.ingest.article import article_from_text
from bot.service import SummitService
from bot.store import Store
from bot.store.watch import Destination
from bot.watch import WatchedSource, Watcher
from tests.support.ledger_cases import grid_loans


async def test_a_changed_figure_and_a_repeat_are_marked(service: SummitService) -> None:
    first = await service.brief_article(
        grid_loans("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10))
    )
    changed = await service.brief_article(
        grid_loans("$15 billion", "30th ASEAN-Japan Summit", date(2027, 10, 12))
    )
    repeat = await service.brief_article(
        grid_loans("$15 billion", "31st ASEAN-Japan Summit", date(2028, 10, 20))
    )

    assert [i.text for i in (await service.shown_brief(first)).items()] == [
        i.text for i in first.brief.items()
    ]  # a party's first commitments: nothing to compare with
    (was,) = (await service.shown_brief(changed)).items()
    (again,) = (await service.shown_brief(repeat)).items()
    assert was.text.endswith("(was $10 billion)")
    assert again.text.endswith("(repeat of 10 Oct 2026)")
    (stored,) = changed.brief.items()
    assert stored.text.endswith("Southeast Asia")
    assert (await service.store.get_brief(changed.id)) == changed.brief


async def test_a_new_commitment_of_a_party_with_history_is_marked_new(
    service: SummitService,
) -> None:
    await service.brief_article(
        grid_loans("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10))
    )
    later = article_from_text(
        "Japan opens scholarships\n\nTOKYO, Oct 12, 2027 (Test Wire) -- Japan will offer 500 "
        "scholarships to ASEAN engineering students, Prime Minister Sato told the 30th "
        "ASEAN-Japan Summit.",
        source="Test Wire",
        published=date(2027, 10, 12),
    )
    shown = await service.shown_brief(await service.brief_article(later))
    assert [i.text.rsplit(" ", 1)[-1] for i in shown.items()] == ["(new)"]


def test_the_cli_shows_marks_in_text_and_none_in_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for amount, summit, day in (
        ("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10)),
        ("$15 billion", "30th ASEAN-Japan Summit", date(2027, 10, 12)),
    ):
        path = tmp_path / f"{day}.txt"
        path.write_text(grid_loans(amount, summit, day).text, encoding="utf-8")
    assert main(["brief", str(tmp_path / "2026-10-10.txt")]) == 0
    assert main(["brief", str(tmp_path / "2027-10-12.txt")]) == 0
    assert "(was $10 billion)" in capsys.readouterr().out
    assert main(["brief", str(tmp_path / "2027-10-12.txt"), "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["pillars"][1]["items"]
    assert item["text"].endswith("Southeast Asia")


async def test_what_the_watcher_delivers_is_marked(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    today = date.today()
    before = grid_loans("$10 billion", "29th ASEAN-Japan Summit", today - timedelta(days=400))
    (folder / "a.txt").write_text(before.text, encoding="utf-8")
    # Another story altogether (the watcher folds near-copies into one story), a year on.
    (folder / "b.txt").write_text(
        "Tokyo lifts its clean-grid lending for Southeast Asia\n\n"
        f"SINGAPORE, {today:%b} {today.day}, {today.year} (Straits Wire) -- Leaders gathered "
        "for the 30th ASEAN-Japan Summit heard Prime Minister Sato set out a broader agenda "
        "on trade, maritime security and disaster relief. Japan will provide $15 billion in "
        "loans for renewable power grids in Southeast Asia, he said, adding that talks on a "
        "digital economy framework would open next spring.",
        encoding="utf-8",
    )
    source = WatchedSource(key=str(folder), name="coverage", kind="folder", seed_on_add=False,
                           max_age=timedelta(days=3650))  # fmt: skip
    engine = ExtractiveEngine(load_config().pillars())
    async with Watcher(store, engine, [source], destinations=[Destination("console", "out")]) as w:
        await w.poll()
    out = io.StringIO()
    await OutboxSender(store, {"console": ConsoleAdapter(out)}).drain()
    posted = out.getvalue()
    assert "$15 billion" in posted
    assert "(was $10 billion)" in posted

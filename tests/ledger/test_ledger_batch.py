"""Briefing and filing several articles at once (`summit brief DIR/*`) stores exactly what
briefing them one by one stores: the same briefs, ledger entries, statuses and sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.core.ledger import LedgerQuery
from bot.core.models import Article
from bot.ingest.article import article_from_text
from bot.ledger.export import to_json
from bot.service import SummitService
from bot.store import Store
from tests.support.ledger_cases import grid_loans

PROBES = sorted((Path(__file__).resolve().parents[1] / "data" / "probe_set").glob("p*.txt"))


def coverage() -> list[Article]:
    """Real-style excerpts, then one pledge seen again (a repeat), at a new figure (a change)
    and from another outlet at the same summit (a merge), so that later briefs of a batch file
    against entries that earlier ones of the same batch made."""
    probes = [article_from_text(p.read_text(encoding="utf-8")) for p in PROBES]
    loans = [
        grid_loans("$2 billion", "29th ASEAN-Japan Summit", date(2025, 10, 28)),
        grid_loans("$2 billion", "30th ASEAN-Japan Summit", date(2026, 10, 27)),
        grid_loans("$3 billion", "31st ASEAN-Japan Summit", date(2027, 10, 26)),
    ]
    other_outlet = loans[0].model_copy(update={"source": "Other Wire", "sha256": "0" * 64})
    return [*probes[:4], *loans, other_outlet, *probes[4:]]


def service_on(store: Store) -> SummitService:
    return SummitService(store, ExtractiveEngine(load_config().pillars()))


async def test_a_batch_stores_what_one_by_one_stores(tmp_path: Path, any_store: Store) -> None:
    articles = coverage()
    assert len(PROBES) >= 6
    single_store = Store.open(f"sqlite:///{tmp_path / 'one_by_one.db'}")  # a store of its own
    await single_store.migrate()
    one_by_one = service_on(single_store)
    singles = [await one_by_one.brief_article(a) for a in articles]

    batched = service_on(any_store)
    first = await batched.brief_article(articles[0])  # filed before the batch: left as it is
    stored = await batched.brief_articles([*articles, articles[2]])  # and one given twice

    assert [s.id for s in stored] == [s.id for s in singles] + [singles[2].id]
    assert stored[0].id == first.id
    assert [s.brief for s in stored[:-1]] == [s.brief for s in singles]
    entries = await batched.pledges(LedgerQuery())
    assert {e.status for e in entries} >= {"new", "repeated", "changed"}
    assert any(len(e.sources) == 2 for e in entries)  # the other outlet's report merged
    assert to_json(entries) == to_json(await one_by_one.pledges(LedgerQuery()))
    await single_store.close()


async def test_filing_a_batch_again_changes_nothing(store: Store) -> None:
    service = service_on(store)
    articles = coverage()[:5]
    stored = await service.brief_articles(articles)
    before = to_json(await service.pledges(LedgerQuery()))
    again = await service.ledger.file_many([(s.id, s.brief) for s in stored])
    assert again == [[] for _ in stored]
    assert to_json(await service.pledges(LedgerQuery())) == before
    assert before.count('"id"') > len(articles)  # there was a ledger to keep

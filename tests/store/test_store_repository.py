"""The store on a real SQLite database in tmp_path: migrations, idempotent saves, threads."""

from __future__ import annotations

import hashlib
from datetime import UTC, date
from pathlib import Path

from sqlalchemy import text

from bot.core.models import Article, Brief, Item, Pillar
from bot.store import Store, database_url


def make_article(body: str = "China will host a dialogue in Kunming in 2027.") -> Article:
    return Article(
        title="Summit story",
        text=body,
        source="Straits Wire",
        url="https://example.org/story",
        published=date(2026, 10, 27),
        dateline="MANILA",
        language="en",
        sha256=hashlib.sha256(body.encode()).hexdigest(),
    )


def make_brief(article: Article, engine: str = "extractive") -> Brief:
    item = Item(
        text="China will host a dialogue in Kunming in 2027.",
        actor="China",
        kind="pledge",
        figures=["2027"],
        evidence=article.text,
        evidence_span=(0, len(article.text)),
    )
    return Brief(
        engine=engine,
        article=article,
        headline="China to host dialogue",
        pillars=[Pillar(key="political_security", title="Political-security", items=[item])],
    )


async def test_same_content_twice_stores_one_article_and_one_brief(store: Store) -> None:
    article = make_article()
    first = await store.save_brief(article, make_brief(article))
    second = await store.save_brief(article, make_brief(article))
    assert first == second
    assert len(await store.all_articles()) == 1
    assert len(await store.latest_briefs(10)) == 1


async def test_another_engine_or_prompt_is_another_brief(store: Store) -> None:
    article = make_article()
    plain = await store.save_brief(article, make_brief(article))
    llm = await store.save_brief(
        article, make_brief(article, "llm"), prompt_version="v1", model="m"
    )
    again = await store.save_brief(
        article, make_brief(article, "llm"), prompt_version="v1", model="m"
    )
    newer = await store.save_brief(
        article, make_brief(article, "llm"), prompt_version="v2", model="m"
    )
    assert len({plain, llm, newer}) == 3
    assert again == llm
    assert len(await store.all_articles()) == 1


async def test_brief_round_trips_with_its_article_text(store: Store) -> None:
    article = make_article()
    brief = make_brief(article)
    brief_id = await store.save_brief(article, brief)
    assert await store.get_brief(brief_id) == brief
    assert await store.articles_for_brief(brief_id) == [article]
    assert await store.get_brief(brief_id + 100) is None


async def test_latest_briefs_newest_first_with_aware_utc_times(store: Store) -> None:
    ids = []
    for n in range(3):
        article = make_article(f"Story number {n} about the summit.")
        ids.append(await store.save_brief(article, make_brief(article)))
    latest = await store.latest_briefs(2)
    assert [b.id for b in latest] == ids[::-1][:2]
    assert all(b.created_at.tzinfo is not None for b in latest)
    assert latest[0].created_at.utcoffset() == UTC.utcoffset(None)


async def test_iterating_articles_streams_every_one(store: Store) -> None:
    for n in range(5):
        await store.save_article(make_article(f"Body {n}."))
    assert [a.text async for a in store.iter_articles(batch=2)] == [f"Body {n}." for n in range(5)]


async def test_thread_maps_to_its_brief_and_can_move(store: Store) -> None:
    one, two = make_article("One."), make_article("Two.")
    first = await store.save_brief(one, make_brief(one))
    second = await store.save_brief(two, make_brief(two))
    await store.link_thread("slack", "C1", "1700000000.1", first)
    assert await store.brief_for_thread("slack", "C1", "1700000000.1") == first
    assert await store.brief_for_thread("discord", "C1", "1700000000.1") is None
    await store.link_thread("slack", "C1", "1700000000.1", second)
    assert await store.brief_for_thread("slack", "C1", "1700000000.1") == second


async def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        await store.migrate()
        async with store.engine.connect() as connection:  # the pragma is per connection
            assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    finally:
        await store.close()
    assert (tmp_path / "s.db").exists()


def test_urls_get_an_async_driver() -> None:
    assert database_url(None).drivername == "sqlite+aiosqlite"
    assert str(database_url(None).database) == "./data/summit.db"
    assert database_url("postgresql://u@db/summit").drivername == "postgresql+asyncpg"
    assert database_url("postgres://u@db/summit").drivername == "postgresql+asyncpg"
    assert database_url("sqlite+aiosqlite:///x.db").drivername == "sqlite+aiosqlite"

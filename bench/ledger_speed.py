"""Ledger speed: filtered queries on a large ledger, and filing cost against ledger size.

Builds a synthetic ledger (seeded, so every run is the same) of N entries over 400 actors,
each with one source, straight into a migrated SQLite store; then times `summit pledges`'s
query for several filters (p50/p95 of 50 runs), and filing a one-bullet brief for an actor
with few entries and for one with many, at each size. Prints a table; asserts nothing.
Target: a filtered query under 100 ms at p50 on 100,000 entries; filing that grows with
the actor's entries, not the ledger's.

    .venv/bin/python bench/ledger_speed.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import insert

from bot.core.ledger import LedgerQuery
from bot.core.models import Article, Brief, Item, Pillar
from bot.ledger.ledger import Ledger
from bot.store import Store
from bot.store.ledger_tables import LedgerEntryRow, LedgerSourceRow

ACTORS = 400
PILLARS = ("political_security", "economic", "socio_cultural")
WORDS = [f"w{i}" for i in range(3000)]
BUSY = "actor0"  # every tenth entry is this actor's: the worst case for filing


Rows = list[dict[str, Any]]


def rows(size: int, brief_id: int, rng: random.Random) -> tuple[Rows, Rows]:
    start, now = date(2000, 1, 1), datetime.now(UTC)
    entries, sources = [], []
    for i in range(1, size + 1):
        actor = BUSY if i % 10 == 0 else f"actor{rng.randrange(1, ACTORS)}"
        entries.append({
            "id": i, "key": f"k{i}", "actor": actor.capitalize(), "actor_key": actor,
            "kind": rng.choice(("pledge", "pledge", "offer", "call")),
            "pillar": rng.choice(PILLARS), "text": f"{actor} will do thing {i}",
            "figures": [], "amounts": [], "terms": rng.sample(WORDS, 8),
            "summit": f"Summit {i % 97}", "summit_key": f"summit {i % 97}",
            "day": start + timedelta(days=rng.randrange(9500)), "dated": True,
            "status": rng.choice(("new", "new", "repeated", "changed")),
            "first_seen_id": None, "previous_figures": [], "created_at": now,
        })  # fmt: skip
        sources.append({
            "entry_id": i, "brief_id": brief_id, "title": f"Title {i}", "outlet": "Wire",
            "url": f"https://wire.test/{i}", "quote": f"{actor} will do thing {i}.",
            "span_start": 0, "span_end": 20, "created_at": now,
        })  # fmt: skip
    return entries, sources


def brief_for(actor: str, n: int) -> Brief:
    text = f"{actor} will build bridge number {n} across the river."
    article = Article(title=f"Bench {actor} {n}", text=text, sha256=f"{actor}-{n}".ljust(64, "0"))
    item = Item(text=text[:-1], actor=actor, kind="pledge", evidence=text,
                evidence_span=(0, len(text)))  # fmt: skip
    pillars = [Pillar(key=p, title=p, items=[item] if p == "economic" else []) for p in PILLARS]
    return Brief(engine="bench", article=article, headline=text, pillars=pillars)


async def timed(run: Callable[[], Awaitable[object]], times: int) -> tuple[float, float]:
    spent = []
    for _ in range(times):
        began = time.perf_counter()
        await run()
        spent.append((time.perf_counter() - began) * 1000)
    spent.sort()
    return statistics.median(spent), spent[int(len(spent) * 0.95) - 1]


async def bench(size: int) -> None:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ledger.db")
        await store.migrate()
        seed = brief_for("Seed", 0)
        brief_id = await store.save_brief(seed.article, seed)
        entries, sources = rows(size, brief_id, rng)
        async with store.engine.begin() as connection:
            for i in range(0, size, 5000):
                await connection.execute(insert(LedgerEntryRow), entries[i : i + 5000])
                await connection.execute(insert(LedgerSourceRow), sources[i : i + 5000])
        ledger = Ledger(store)
        queries = {
            "actor": LedgerQuery(actor="actor7"),
            "actor+since": LedgerQuery(actor="actor7", since=date(2020, 1, 1)),
            "actor+pillar+status": LedgerQuery(actor="actor7", pillar="economic", status="new"),
            "busy actor, since 2025": LedgerQuery(actor=BUSY, since=date(2025, 1, 1)),
            "pillar+kind+status, first 50": LedgerQuery(
                pillar="economic", kind="offer", status="changed", limit=50
            ),
            "summit name part, first 50": LedgerQuery(summit="summit 42", limit=50),
        }
        for name, query in queries.items():
            found = len(await ledger.entries(query))
            p50, p95 = await timed(partial(ledger.entries, query), 50)
            print(f"{size:>7} | query {name:<36} | {found:>5} rows"
                  f" | p50 {p50:6.1f} ms | p95 {p95:6.1f} ms")  # fmt: skip
        for actor, label in (("actor7", "an actor with few entries"), (BUSY, "the busiest actor")):
            own = len(await ledger.entries(LedgerQuery(actor=actor)))
            spent = []
            for n in range(1, 11):
                brief = brief_for(actor, n)
                stored = await store.save_brief(brief.article, brief)
                began = time.perf_counter()
                await ledger.file(stored, brief)
                spent.append((time.perf_counter() - began) * 1000)
            p50 = statistics.median(spent)
            print(f"{size:>7} | file a bullet, {label:<27} | {own:>5} own entries"
                  f" | p50 {p50:6.1f} ms")  # fmt: skip
        await store.close()


async def main(sizes: list[int]) -> None:
    print("entries | what                                         | result")
    for size in sizes:
        await bench(size)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    asyncio.run(main(parser.parse_args().sizes))

"""How well the ledger tells one commitment from two: merges that shouldn't be, duplicates left.

Briefs every article of ../shared/corpus and ../shared/corpus-real (extractive engine) into a
fresh ledger, then the hand-written restatements of bench/ledger_pairs.json (another outlet's
report of a gold commitment). Bullets are found by the gold terms, as `summit eval` matches
them, so the labels hold whatever the engine's wording. Prints figures; asserts nothing.

- restatements: the pair should be one entry (same event) or linked (a later summit's repeat
  or change). A pair in neither is a duplicate left in the ledger.
- distinct (hand-picked look-alikes) and gold (every two gold items of one actor, which the
  labelling rules say are distinct commitments): one entry or linked is a false merge.

    .venv/bin/python bench/ledger_matching.py [--corpus ../shared/corpus ../shared/corpus-real]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bot.brief.extractive.engine import ExtractiveEngine
from bot.config import load_config
from bot.core.models import Article
from bot.ingest.article import article_from_text
from bot.ingest.load import load_article
from bot.language.actors import canonical_actor
from bot.ledger.ledger import Ledger
from bot.store import Store

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "ledger_pairs.json"
Bullets = dict[str, list[tuple[str, str]]]  # article name -> [(bullet text, entry key)]


async def file_all(store: Store, articles: list[tuple[str, Article]]) -> Bullets:
    engine, ledger = ExtractiveEngine(load_config().pillars()), Ledger(store)
    bullets: Bullets = {}
    for name, article in articles:
        brief = await engine.brief(article)
        brief_id = await store.save_brief(article, brief)
        filed = await ledger.file(brief_id, brief)
        bullets[name] = [(f.sighting.text, f.entry_key) for f in filed]
    return bullets


async def roots(store: Store) -> dict[str, str]:
    """Entry key -> the key of its first sighting (itself when new)."""
    async with store.engine.connect() as connection:
        rows = (await connection.execute(text(
            "SELECT e.key, COALESCE(f.key, e.key) FROM ledger_entries e "
            "LEFT JOIN ledger_entries f ON f.id = e.first_seen_id"
        ))).all()  # fmt: skip
    return {key: root for key, root in rows}


def locate(bullets: Bullets, name: str, terms: list[str]) -> str | None:
    found = bullet_of(bullets, name, terms)
    return found[1] if found else None


def bullet_of(bullets: Bullets, name: str, terms: list[str]) -> tuple[str, str] | None:
    for bullet, key in bullets.get(name, []):
        if all(t.lower() in bullet.lower() for t in terms):
            return bullet, key
    return None


def relation(a: str, b: str, root: dict[str, str]) -> str:
    if a == b:
        return "one entry"
    return "linked" if root[a] == root[b] else "apart"


def corpus_articles(folders: list[Path]) -> list[tuple[str, Path]]:
    return [(p.stem, p) for folder in folders for p in sorted(folder.glob("*.txt"))
            if p.stem != "README"]  # fmt: skip


def gold_pairs(folders: list[Path]) -> list[tuple[tuple[str, list[str]], tuple[str, list[str]]]]:
    by_actor: dict[str, list[tuple[str, list[str]]]] = {}
    for folder in folders:
        for label in sorted(folder.glob("*.json")):
            gold = json.loads(label.read_text(encoding="utf-8"))
            for item in gold.get("pledges", []):
                by_actor.setdefault(canonical_actor(item["actor"]), []).append(
                    (label.stem, item["terms"])
                )
    return [pair for items in by_actor.values() for pair in combinations(items, 2)]


async def main(folders: list[Path]) -> None:
    labels: dict[str, Any] = json.loads(PAIRS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ledger.db")
        await store.migrate()
        articles = [
            (name, await load_article(str(path))) for name, path in corpus_articles(folders)
        ]
        restated = [
            (f"restatement-{i}", article_from_text(
                r["text"], source=r["outlet"],
                published=date.fromisoformat(r["published"]) if "published" in r else None))
            for i, r in enumerate(labels["restatements"])
        ]  # fmt: skip
        bullets = await file_all(store, articles + restated)
        root = await roots(store)
        report_restatements(labels["restatements"], bullets, root)
        report_apart("distinct (hand-labelled look-alikes)", labels["distinct"], bullets, root)
        report_apart("gold (same actor, distinct items)", gold_pairs(folders), bullets, root)
        await report_ledger(store, len(articles) + len(restated))
        await store.close()


def report_restatements(
    items: list[dict[str, Any]], bullets: Bullets, root: dict[str, str]
) -> None:
    outcome: Counter[str] = Counter()
    for i, item in enumerate(items):
        original = locate(bullets, item["of"], item["terms"])
        copies = [key for _, key in bullets.get(f"restatement-{i}", [])]
        if original is None or not copies:
            outcome["not briefed"] += 1
            continue
        found = {relation(original, key, root) for key in copies}
        best = next(r for r in ("one entry", "linked", "apart") if r in found)
        expected = "linked" if "later" in item else "one entry"
        outcome["as expected" if best == expected else best] += 1
    located = len(items) - outcome["not briefed"]
    print(f"restatements: {len(items)} pairs, {located} with both bullets briefed")
    for key in ("as expected", "one entry", "linked", "apart", "not briefed"):
        if outcome[key]:
            print(f"  {key:12} {outcome[key]}")
    print(f"  duplicates left (apart): {outcome['apart']} of {located}")


def report_apart(title: str, pairs: Any, bullets: Bullets, root: dict[str, str]) -> None:
    merged = linked = located = one_bullet = 0
    for (name_a, terms_a), (name_b, terms_b) in pairs:
        a, b = bullet_of(bullets, name_a, terms_a), bullet_of(bullets, name_b, terms_b)
        if a is None or b is None:
            continue
        if name_a == name_b and a[0] == b[0]:
            one_bullet += 1  # the engine put both in one bullet: not the ledger's doing
            continue
        located += 1
        found = relation(a[1], b[1], root)
        merged += found == "one entry"
        linked += found == "linked"
    print(f"{title}: {len(pairs)} pairs, {located} with both bullets briefed"
          + (f" ({one_bullet} more in one bullet, left out)" if one_bullet else ""))  # fmt: skip
    print(f"  false merges: {merged} into one entry, {linked} linked as repeat/change")


async def report_ledger(store: Store, articles: int) -> None:
    async with store.engine.connect() as connection:
        statuses: dict[str, int] = dict((await connection.execute(text(
            "SELECT status, COUNT(*) FROM ledger_entries GROUP BY status"))).all())  # fmt: skip
        sources = await connection.scalar(text("SELECT COUNT(*) FROM ledger_sources"))
        shared = await connection.scalar(text(
            "SELECT COUNT(*) FROM (SELECT entry_id FROM ledger_sources GROUP BY entry_id "
            "HAVING COUNT(*) > 1) AS s"))  # fmt: skip
    print(f"ledger over {articles} articles: {sum(statuses.values())} entries "
          f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}), "
          f"{sources} sources, {shared} entries with more than one source")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, nargs="+",
                        default=[ROOT.parent / "shared" / "corpus",
                                 ROOT.parent / "shared" / "corpus-real"])  # fmt: skip
    asyncio.run(main(parser.parse_args().corpus))

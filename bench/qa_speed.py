"""Q&A speed as the store grows, cold and warm: 100, 1,000 and 10,000 stored articles.

For each size a real SQLite store is filled in a temporary folder, then:
- build: the persisted index is built from the store (once, as the first question would);
- +1 article: one more article arrives and is indexed (the tail segment);
- restart: a *new process* opens the store and answers the corpus's questions: the first
  answer (cold: opening the index and checking the store for new rows included), then p50 and
  p95 of the rest (warm); its RSS growth past the interpreter's own imports (warmed up on a
  throwaway store first); and the index's size on disk;
- in-memory: the old way for comparison, an index built in memory over all articles.
Stores are made by recombining the development corpus's paragraphs (seeded, so every run
builds the same stores). Prints a table; asserts nothing. The OS file cache stays warm
across the "restart", as it would on a bot that restarts on the same machine.

    .venv/bin/python bench/qa_speed.py [--sizes 100 1000 10000] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from bot.core.models import Article
from bot.qa.answerer import ExtractiveAnswerer
from bot.qa.coverage import index_directory
from bot.qa.retrieval import IndexCache
from bot.store import Store
from bot.store.tables import ArticleRow

ROOT = Path(__file__).resolve().parents[1]


def corpus_parts(corpus: Path) -> tuple[list[str], list[str], list[str]]:
    titles, paragraphs, questions = [], [], []
    for label in sorted(corpus.glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))
        text_file = label.parent / gold["text"] if gold.get("text") else label.with_suffix(".txt")
        text = text_file.read_text(encoding="utf-8")
        titles.append(text.split("\n", 1)[0][:200])
        paragraphs += [p.strip() for p in text.split("\n") if len(p.strip()) > 40]
        questions += [q["q"] for q in gold["questions"]]
    return titles, paragraphs, questions


def make_articles(n: int, titles: list[str], paragraphs: list[str], seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for number in range(n):
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(6, 14)))
        text = f"{rng.choice(titles)}\n\n{body}\n\n(story {number})"
        digest = hashlib.sha256(text.encode()).hexdigest()
        articles.append(Article(title=f"Story {number}", text=text, sha256=digest))
    return articles


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 2**20


def ms(seconds: float) -> float:
    return seconds * 1000


async def fill(store: Store, articles: list[Article]) -> None:
    # One transaction: the bench measures the index, not row-by-row inserts.
    rows = [
        {"sha256": a.sha256, "title": a.title, "text": a.text, "language": a.language}
        for a in articles
    ]
    async with store.engine.begin() as connection:
        await connection.execute(insert(ArticleRow), rows)


async def build_side(database: Path, articles: list[Article], extra: Article) -> dict[str, float]:
    store = Store.open(f"sqlite:///{database}")
    await store.migrate()
    await fill(store, articles)
    answerer = ExtractiveAnswerer()
    started = time.perf_counter()
    await answerer.catch_up(store)
    build = time.perf_counter() - started
    await store.save_article(extra)
    started = time.perf_counter()
    await answerer.catch_up(store)
    one_more = time.perf_counter() - started
    await store.close()
    return {"build_s": build, "add_ms": ms(one_more)}


async def warm_up(article: Article) -> None:
    """Load every module and model a question uses, on a throwaway store, so the RSS figure
    is the index's and the answers', not the interpreter's first imports."""
    with tempfile.TemporaryDirectory(prefix="qa-warm-") as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'warm.db'}")
        await store.migrate()
        await store.save_article(article)
        await ExtractiveAnswerer().answer_stored("How much did China pledge, and when?", store)
        await store.close()


async def restarted(database: Path, questions: list[str], article: Article) -> dict[str, float]:
    """Run in a fresh process: open the store, answer, time the first and the rest."""
    await warm_up(article)
    gc.collect()
    before = rss_mib()
    store = Store.open(f"sqlite:///{database}")
    answerer = ExtractiveAnswerer()
    latencies = []
    for question in questions:
        started = time.perf_counter()
        await answerer.answer_stored(question, store)
        latencies.append(ms(time.perf_counter() - started))
    grown = rss_mib() - before
    await store.close()
    warm = sorted(latencies[1:])
    return {
        "first_ms": latencies[0],
        "p50_ms": statistics.median(warm),
        "p95_ms": warm[int(0.95 * (len(warm) - 1))],
        "rss_mib": grown,
    }


def in_memory(articles: list[Article]) -> dict[str, float]:
    # Build time only: this process has already allocated (and freed) too much for its RSS
    # growth to mean anything; the old index's memory is in the README's history.
    started = time.perf_counter()
    IndexCache().get(articles)
    return {"memory_build_s": time.perf_counter() - started}


def disk_mib(database: Path) -> float:
    directory = index_directory(Store.open(f"sqlite:///{database}"))
    assert directory is not None
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file()) / 2**20


def child(database: Path, corpus: Path) -> None:
    titles, paragraphs, questions = corpus_parts(corpus)
    throwaway = make_articles(1, titles, paragraphs, seed=1)[0]
    print(json.dumps(asyncio.run(restarted(database, questions, throwaway))))


def measure(size: int, args: argparse.Namespace) -> dict[str, float]:
    titles, paragraphs, _ = corpus_parts(args.corpus)
    articles = make_articles(size + 1, titles, paragraphs, args.seed)
    with tempfile.TemporaryDirectory(prefix="qa-speed-") as folder:
        database = Path(folder) / "summit.db"
        row = asyncio.run(build_side(database, articles[:-1], articles[-1]))
        command = [sys.executable, __file__, "--child", str(database), "--corpus", str(args.corpus)]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        row |= json.loads(done.stdout.strip().splitlines()[-1])
        row["disk_mib"] = disk_mib(database)
    return row | (in_memory(articles) if args.in_memory else {})


COLUMNS = (
    ("articles", 9, "size", ",.0f"),
    ("build s", 8, "build_s", ".2f"),
    ("+1 art ms", 10, "add_ms", ".1f"),
    ("1st ms", 7, "first_ms", ".1f"),
    ("p50 ms", 7, "p50_ms", ".1f"),
    ("p95 ms", 7, "p95_ms", ".1f"),
    ("RSS +MiB", 9, "rss_mib", ".0f"),
    ("disk MiB", 9, "disk_mib", ".1f"),
    ("in-mem build s", 15, "memory_build_s", ".2f"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-in-memory", dest="in_memory", action="store_false")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.corpus)
    _, paragraphs, questions = corpus_parts(args.corpus)
    print(f"{len(paragraphs)} paragraphs, {len(questions)} questions from {args.corpus}")
    shown = [c for c in COLUMNS if args.in_memory or not c[2].startswith("memory")]
    print(" ".join(f"{name:>{width}}" for name, width, _, _ in shown))
    for size in args.sizes:
        row = {"size": float(size)} | measure(size, args)
        print(" ".join(f"{row[key]:>{width}{fmt}}" for _, width, key, fmt in shown), flush=True)


if __name__ == "__main__":
    main()

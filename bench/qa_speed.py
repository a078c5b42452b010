"""Q&A speed as the store grows: index build time, memory, answer latency p50/p95.

Stores of 100, 1,000 and 10,000 articles are made by recombining the development corpus's
paragraphs (seeded, so every run builds the same stores); the questions are the corpus's.
Prints a table; asserts nothing. Target: p50 < 50 ms at 10,000 articles.

    .venv/bin/python bench/qa_speed.py [--sizes 100 1000 10000] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import statistics
import time
from pathlib import Path

from bot.core.models import Article
from bot.qa import answer_question
from bot.qa.retrieval import IndexCache

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


def measure(articles: list[Article], questions: list[str]) -> dict[str, float]:
    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    indexes = IndexCache()  # as the answerer keeps it: built once, then reused by questions
    index = indexes.get(articles)
    build = time.perf_counter() - started
    grown = rss_mib() - before
    latencies = []
    for question in questions:
        started = time.perf_counter()
        answer_question(question, articles, indexes=indexes)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "sentences": len(index),
        "build_s": build,
        "rss_mib": grown,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    titles, paragraphs, questions = corpus_parts(args.corpus)
    print(f"{len(paragraphs)} paragraphs, {len(questions)} questions from {args.corpus}")
    header = zip(
        ("articles", "sentences", "build s", "RSS +MiB", "p50 ms", "p95 ms"),
        (9, 10, 8, 9, 7, 7),
        strict=True,
    )
    print(" ".join(f"{name:>{width}}" for name, width in header))
    for size in args.sizes:
        row = measure(make_articles(size, titles, paragraphs, args.seed), questions)
        print(
            f"{size:>9,} {row['sentences']:>10,.0f} {row['build_s']:>8.2f} {row['rss_mib']:>9.0f}"
            f" {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f}"
        )


if __name__ == "__main__":
    main()

"""Relevance: is every summit article in the labelled corpora kept, and off-topic news skipped?

Prints figures, never asserts them. Usage:

    python bench/relevance.py [CORPUS_DIR ...] [--off-topic DIR]

Defaults: ../shared/corpus and ../shared/corpus-real (every article not labelled negative),
and tests/data/off_topic (20 articles written for this: sport, markets, crime, mountains).
Misses are named only outside the held-out batch (r4xx), which is counted but not itemised.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # runnable from a plain checkout, without `pip install -e .`
    sys.path.insert(0, str(REPO))

from bot.config import load_config  # noqa: E402
from bot.ingest.article import article_from_text  # noqa: E402
from bot.wiring.app import relevance_of  # noqa: E402

SHARED = REPO.parent / "shared"
HELD_OUT = "r4"


def negative(label: Path) -> bool:
    data = json.loads(label.read_text(encoding="utf-8"))
    return bool(data.get("negative")) or data.get("source_style") == "negative"


def articles(folder: Path) -> list[tuple[str, str, bool]]:
    """(name, text, labelled negative) for every text with a label beside it."""
    out = []
    for label in sorted(folder.glob("*.json")):
        text = label.with_suffix(".txt")
        if text.exists():
            out.append((label.stem, text.read_text(encoding="utf-8"), negative(label)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        default=[SHARED / "corpus", SHARED / "corpus-real"])  # fmt: skip
    parser.add_argument("--off-topic", type=Path, default=REPO / "tests" / "data" / "off_topic")
    args = parser.parse_args()
    judge = relevance_of(load_config()).judge

    def verdict(text: str) -> bool:
        article = article_from_text(text)
        return judge(article.title, article.text).relevant

    for folder in args.corpora:
        found = articles(folder)
        kept = [(name, verdict(text)) for name, text, neg in found if not neg]
        negatives = [verdict(text) for _, text, neg in found if neg]
        missed = [name for name, ok in kept if not ok]
        shown = [name for name in missed if not name.startswith(HELD_OUT)]
        print(f"{folder.name}: {len(kept) - len(missed)}/{len(kept)} summit articles relevant"
              f" (hard negatives, which cover summits too: {sum(negatives)}/{len(negatives)}"
              " relevant)")  # fmt: skip
        if missed:
            print(f"  missed: {', '.join(shown) or '-'}"
                  f" (+{len(missed) - len(shown)} held out)")  # fmt: skip
    off = sorted(args.off_topic.glob("*.txt"))
    wrong = [p.stem for p in off if verdict(p.read_text(encoding="utf-8"))]
    print(f"off-topic: {len(off) - len(wrong)}/{len(off)} skipped")
    if wrong:
        print(f"  judged relevant: {', '.join(wrong)}")


if __name__ == "__main__":
    main()

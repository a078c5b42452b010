"""Brief speed: the extractive engine side by side with sumy's LexRank on the corpus articles.

Prints figures, never asserts them (timings depend on the machine). Usage:

    python bench/brief_speed.py [CORPUS_DIR] [--seed SEED_TXT] [--rounds 50] [--json]

CORPUS_DIR defaults to ../shared/corpus (every `*.json` label with its text, the seed included
through `seed.json`); --seed reads the seed article from another path. LexRank picks as many
sentences per article as the article has gold items (at least 3), and its picks are scored as
bullets with the evaluation's matching rule, as a floor any engine should beat on recall.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # runnable from a plain checkout, without `pip install -e .`
    sys.path.insert(0, str(REPO))

from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.parsers.plaintext import PlaintextParser  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402

from bot.brief.extractive import ExtractiveEngine  # noqa: E402
from bot.brief.verify import verify_brief  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.evaluation.corpus import Case, load_case, load_corpus  # noqa: E402
from bot.evaluation.scoring import bullets_of, flagged, hit_matrix, max_matching  # noqa: E402
from bot.language.text import segment  # noqa: E402

TARGET_BYTES = 4096
_WORD = re.compile(r"\w+(?:[-']\w+)*")


class SegmentTokenizer:
    """sumy's tokenizer protocol on our own segmentation: its default needs NLTK punkt."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [s.text for s in segment(text)]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    briefs_per_s: float
    p50_ms: float
    p95_ms: float
    near_4kb_ms: float
    recall: float
    precision: float


Picker = Callable[[Case], list[str]]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cases = _cases(args.corpus, args.seed)
    engine = ExtractiveEngine(load_config().pillars())
    lexrank = _lexrank_picker()
    near = min(cases, key=lambda c: abs(len(c.article.text.encode()) - TARGET_BYTES))
    results = [
        _measure(
            "extractive",
            # What a user gets: the engine's brief as the verifier passes it.
            lambda c: [
                b.text for b in bullets_of(verify_brief(c.article, engine.brief_now(c.article)))
            ],
            cases,
            near,
            args.rounds,
        ),
        _measure("lexrank (sumy)", lexrank, cases, near, args.rounds),
    ]
    ratio = results[0].briefs_per_s / results[1].briefs_per_s
    meta = {
        "articles": len(cases),
        "rounds": args.rounds,
        "near_4kb": near.gold.id,
        "near_4kb_bytes": len(near.article.text.encode()),
        "throughput_ratio": ratio,
    }
    if args.json:
        print(json.dumps({**meta, "results": [asdict(r) for r in results]}, indent=2))
    else:
        print(_table(results, meta))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=Path, default=None, help="the seed article's text file")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _cases(corpus: Path, seed: Path | None) -> list[Case]:
    cases = load_corpus(corpus)
    if seed is None:
        return cases
    # Only the label that points at its text file (seed.json) is re-read from --seed.
    return [load_case(corpus / f"{c.gold.id}.json", seed) if c.gold.text else c for c in cases]


def _lexrank_picker() -> Picker:
    # Configured as sumy's own documentation does: a Snowball stemmer and English stop words.
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = SegmentTokenizer()

    def pick(case: Case) -> list[str]:
        document = PlaintextParser(case.article.text, tokenizer).document
        count = max(3, len(case.gold.pledges))
        return [str(s) for s in summarizer(document, count)]

    return pick


def _measure(name: str, pick: Picker, cases: Sequence[Case], near: Case, rounds: int) -> Result:
    for case in cases:  # warm-up: imports, regex compilation, caches
        pick(case)
    samples: list[float] = []
    near_samples: list[float] = []
    for _ in range(rounds):
        for case in cases:
            start = time.perf_counter()
            pick(case)
            elapsed = time.perf_counter() - start
            samples.append(elapsed)
            if case is near:
                near_samples.append(elapsed)
    recall, precision = _quality(pick, cases)
    return Result(
        name=name,
        briefs_per_s=len(samples) / sum(samples),
        p50_ms=1000 * statistics.median(samples),
        p95_ms=1000 * statistics.quantiles(samples, n=20)[-1],
        near_4kb_ms=1000 * statistics.median(near_samples),
        recall=recall,
        precision=precision,
    )


def _quality(pick: Picker, cases: Sequence[Case]) -> tuple[float, float]:
    """Pooled (recall, precision) under the corpus matching rule; once, as picks are
    deterministic. Sentences holding a not_pledges entry are false positives, as in eval."""
    matched = gold = precise = predicted = 0
    for case in cases:
        bullets = pick(case)
        match = max_matching(hit_matrix(bullets, [it.terms for it in case.gold.pledges]))
        bad = flagged(bullets, case.gold.not_pledges)
        matched, gold = matched + len(match), gold + len(case.gold.pledges)
        precise += len(set(match.values()) - bad)
        predicted += len(bullets)
    return (matched / gold if gold else 0.0), (precise / predicted if predicted else 0.0)


def _table(results: Sequence[Result], meta: dict[str, Any]) -> str:
    header = ["engine", "briefs/s", "p50 ms", "p95 ms", f"{meta['near_4kb']} ms", "recall", "P"]
    rows = [header] + [
        [
            r.name,
            f"{r.briefs_per_s:.1f}",
            f"{r.p50_ms:.2f}",
            f"{r.p95_ms:.2f}",
            f"{r.near_4kb_ms:.2f}",
            f"{r.recall:.2f}",
            f"{r.precision:.2f}",
        ]
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.append("")
    lines.append(
        f"{meta['articles']} articles x {meta['rounds']} rounds; "
        f"~4 KB article: {meta['near_4kb']} ({meta['near_4kb_bytes']} bytes); "
        f"throughput ours / LexRank: {meta['throughput_ratio']:.1f}x"
    )
    lines.append("recall and P: the corpus matching rule (one-to-one), pooled over articles")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""Whole-process figures: what a user waits for, start-up included.

Prints figures, never asserts them. Usage:

    python bench/cli_start.py [--runs 5] [--articles 1000] [--seed SEED_TXT] [--json] [--code DIR]

1. `summit brief SEED --format json` side by side with `bench/lexrank_script.py SEED` (a plain
   sumy LexRank script): median wall, CPU (user + system) and peak memory (max RSS) of `--runs`
   processes each, after one warm-up, alternating so both see the same machine load.
2. `summit --help` and `summit sources`: median wall.
3. One `summit brief DIR/*.txt --format jsonl` process over `--articles` articles generated from
   the corpora (a temporary folder, deleted afterwards; never committed): briefs per second,
   storage included, on a fresh SQLite store.

Every summit process runs in a temporary folder with its own DATABASE_URL and a wiped
environment, so nothing reads the machine's own configuration or secrets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_2b9aaedf29d83c14.txt"
SHARED = REPO.parent / "shared"
# The corpora the generated articles are made from. corpus-real's r4xx batch is held out: its
# files are never opened here.
CORPORA = (
    (SHARED / "corpus", "*.txt"),
    (SHARED / "corpus-real", "r[123]*.txt"),
    (REPO / "seeds", "*.txt"),
    (REPO / "tests" / "data" / "off_topic", "*.txt"),
)


@dataclass(frozen=True, slots=True)
class Run:
    wall_s: float
    cpu_s: float
    peak_mib: float


@dataclass(frozen=True, slots=True)
class Figures:
    command: str
    runs: int
    wall_s: float
    cpu_s: float
    peak_mib: float


def measure(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """One process: wall clock from spawn to exit, its own CPU and peak RSS (wait4)."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"cli_start: {' '.join(argv)} exited {child.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_of(name: str, runs: Sequence[Run]) -> Figures:
    return Figures(
        name,
        len(runs),
        statistics.median(r.wall_s for r in runs),
        statistics.median(r.cpu_s for r in runs),
        statistics.median(r.peak_mib for r in runs),
    )


def side_by_side(
    commands: dict[str, list[str]], rounds: int, cwd: Path, env: dict[str, str]
) -> list[Figures]:
    """Each command once to warm the caches, then `rounds` times, interleaved."""
    for argv in commands.values():
        measure(argv, cwd, env)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            runs[name].append(measure(argv, cwd, env))
    return [median_of(name, found) for name, found in runs.items()]


def clean_env(folder: Path, code: Path | None = None) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'summit.db'}",
    }
    if code is not None:  # another checkout's `bot` ahead of this one's editable install
        env["PYTHONPATH"] = str(code)
    return env


def base_articles() -> list[str]:
    texts = []
    for folder, pattern in CORPORA:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]
    if not texts:
        raise SystemExit("cli_start: no corpus articles found beside the checkout")
    return texts


def generate(folder: Path, count: int) -> list[Path]:
    """`count` distinct articles: each corpus article followed by the opening paragraph of
    another, each (article, other) pair used once, so no two share a hash (the store would hand
    back a stored brief and skip the storage being measured) and each is still real coverage of
    ordinary length."""
    bases = base_articles()
    if count > len(bases) * (len(bases) - 1):
        raise SystemExit(f"cli_start: {len(bases)} corpus articles make too few pairs for {count}")
    paths, seen = [], set()
    for n in range(count):
        body = bases[n % len(bases)]
        other = bases[(n + 1 + n // len(bases)) % len(bases)].strip().split("\n\n")[0]
        text = f"{body.rstrip()}\n\n{other}\n"
        seen.add(text)
        path = folder / f"a{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if len(seen) < count:
        raise SystemExit(f"cli_start: only {len(seen)} of {count} generated articles differ")
    return paths


def batch(count: int, summit: str, code: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="summit-batch-") as tmp:
        folder = Path(tmp)
        articles = folder / "articles"
        articles.mkdir()
        paths = generate(articles, count)
        argv = [summit, "brief", *map(str, paths), "--format", "jsonl"]
        run = measure(argv, folder, clean_env(folder, code))
    return {
        "articles": count,
        "wall_s": run.wall_s,
        "cpu_s": run.cpu_s,
        "peak_mib": run.peak_mib,
        "briefs_per_s": count / run.wall_s,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    summit = str(Path(sys.executable).with_name("summit"))
    lexrank = [sys.executable, str(REPO / "bench" / "lexrank_script.py"), str(args.seed)]
    with tempfile.TemporaryDirectory(prefix="summit-start-") as tmp:
        folder = Path(tmp)
        env = clean_env(folder, args.code)
        brief = side_by_side(
            {
                "summit brief SEED --format json": [
                    summit, "brief", str(args.seed), "--format", "json"
                ],
                "lexrank script (sumy)": lexrank,
            },
            args.runs, folder, env,
        )  # fmt: skip
        start = side_by_side(
            {"summit --help": [summit, "--help"], "summit sources": [summit, "sources"]},
            args.runs, folder, env,
        )  # fmt: skip
    result = {
        "brief_vs_lexrank": [asdict(f) for f in brief],
        "ratio": {
            "wall": brief[0].wall_s / brief[1].wall_s,
            "cpu": brief[0].cpu_s / brief[1].cpu_s,
            "peak": brief[0].peak_mib / brief[1].peak_mib,
        },
        "start": [asdict(f) for f in start],
        "batch": batch(args.articles, summit, args.code) if args.articles else None,
    }
    print(json.dumps(result, indent=2) if args.json else _table(result))
    return 0


def _table(result: dict[str, Any]) -> str:
    lines = ["| command | wall | CPU | peak memory |", "| --- | --- | --- | --- |"]
    for f in (*result["brief_vs_lexrank"], *result["start"]):
        wall, cpu, peak = f["wall_s"], f["cpu_s"], f["peak_mib"]
        lines.append(f"| `{f['command']}` | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MiB |")
    ratio = result["ratio"]
    lines.append(
        f"| summit / lexrank | {ratio['wall']:.2f}× | {ratio['cpu']:.2f}× | {ratio['peak']:.2f}× |"
    )
    if batch := result["batch"]:
        lines.append(
            f"\none process over {batch['articles']} articles (jsonl, SQLite, storage "
            f"included): {batch['briefs_per_s']:.0f} briefs/s ({batch['wall_s']:.1f} s wall, "
            f"{batch['cpu_s']:.1f} s CPU, {batch['peak_mib']:.0f} MiB peak)"
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs per command")
    parser.add_argument("--articles", type=int, default=1000, help="0 skips the batch")
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--code",
        type=Path,
        help="measure the `bot` package of another checkout (e.g. an export of main) with "
        "this environment, for before/after figures",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())

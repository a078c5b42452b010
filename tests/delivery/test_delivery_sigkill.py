"""`summit run` killed with SIGKILL while it posts, then restarted: every brief is delivered
exactly once. A real subprocess, a real SQLite file, the real console adapter and its log."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "feeds" / "pages"
STORIES = ["g20", "apec", "brics", "eas", "sco"]


def _articles(folder: Path) -> None:
    folder.mkdir()
    for key in STORIES:
        html = (PAGES / f"{key}.html").read_text(encoding="utf-8")
        title = re.search(r"<h1>(.*?)</h1>", html).group(1)  # type: ignore[union-attr]
        body = " ".join(re.findall(r"<p>(.*?)</p>", html))
        (folder / f"{key}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "summit.yaml"
    config.write_text(
        f"""
engine: extractive
pillars: {ROOT / "config" / "pillars.yaml"}
sources:
  - {{name: coverage, path: {tmp_path / "coverage"}, kind: folder, seed_on_add: false,
     max_age_days: null, interval_minutes: 60}}
destinations:
  - {{platform: console, channel: stdout}}
console:
  log: {tmp_path / "posts.log"}
  post_delay_seconds: 0.5
watch:
  host_min_interval_seconds: 0
  outbox_interval_seconds: 0.5
""",
        encoding="utf-8",
    )
    return config


def _records(tmp_path: Path) -> list[dict[str, object]]:
    log = tmp_path / "posts.log"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]


def _start(tmp_path: Path, config: Path, n: int) -> subprocess.Popen[bytes]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "OPENAI_"))
    }
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'summit.db'}", SUMMIT_CONFIG=str(config))
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=(tmp_path / f"stdout{n}.txt").open("wb"),
        stderr=(tmp_path / f"stderr{n}.txt").open("wb"),
    )


def _in_doubt(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "summit.db") as db:
        return int(
            db.execute("SELECT count(*) FROM deliveries WHERE status = 'sending'").fetchone()[0]
        )


def _wait_for_posts(tmp_path: Path, count: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while len(_records(tmp_path)) < count:
        assert proc.poll() is None, (tmp_path / "stderr0.txt").read_text()
        assert time.monotonic() < deadline, "the bot posted too slowly"
        time.sleep(0.02)


def test_sigkill_mid_delivery_then_restart_delivers_each_brief_exactly_once(
    tmp_path: Path,
) -> None:
    _articles(tmp_path / "coverage")
    config = _config(tmp_path)

    # Kill 1: just after a post's record is written, before the outbox row says 'sent'.
    first = _start(tmp_path, config, 0)
    _wait_for_posts(tmp_path, 2, first)
    time.sleep(0.1)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    assert _in_doubt(tmp_path) >= 1  # the kill really landed between 'sending' and 'sent'

    # Kill 2: in the next run, while a post is still before its record (the platform call).
    second = _start(tmp_path, config, 1)
    _wait_for_posts(tmp_path, 3, second)
    time.sleep(0.4)
    second.send_signal(signal.SIGKILL)
    second.wait(10)
    assert _in_doubt(tmp_path) >= 1

    third = _start(tmp_path, config, 2)
    _wait_for_posts(tmp_path, len(STORIES), third)
    time.sleep(1.0)  # anything doubled would show up now
    third.send_signal(signal.SIGTERM)
    assert third.wait(20) == 0  # a clean shutdown on SIGTERM

    posted = [r["brief_ids"] for r in _records(tmp_path)]
    assert sorted(b for ids in posted for b in ids) == list(range(1, len(STORIES) + 1))
    assert "stopped cleanly" in (tmp_path / "stderr2.txt").read_text(encoding="utf-8")

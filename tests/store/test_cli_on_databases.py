"""`summit brief`, `summit watch --once` and `summit ask` as a user runs them, on an empty
SQLite file and on an empty real PostgreSQL database (DATABASE_URL): same answers on both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_2b9aaedf29d83c14.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_brief_watch_and_ask_work_on_each_database(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    coverage = tmp_path / "coverage"
    coverage.mkdir()
    shutil.copy(SEED, coverage / "li-qiang.txt")

    code, out = _run(capsys, "brief", str(SEED), "--format", "json")
    assert code == 0
    assert json.loads(out)["article"]["source"] == "Xinhua"

    code, out = _run(capsys, "watch", "--once", "--source", str(coverage), "--format", "json")
    assert code == 0
    (report,) = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert report["brief_id"] == 1  # stored in this database
    assert report["story_id"] == 1

    code, out = _run(capsys, "ask", "Who urged joint efforts with ASEAN?", "--format", "json")
    assert code == 0
    answer = json.loads(out)  # answered from the coverage stored by the watch pass
    assert answer["answerable"] is True
    assert answer["answer"].startswith("Li Qiang")
    assert answer["citations"][0]["span"] == [0, 189]

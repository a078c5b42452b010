"""`summit ask` end to end on a temporary SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.support.qa_paths import SEED


@pytest.fixture(autouse=True)
def tmp_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "summit.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)  # no ./data or .env from the developer's checkout
    return path


def test_ask_with_source_answers_and_stores(
    tmp_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "What did Li say about the South China Sea?"
    assert main(["ask", question, "--source", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "summit.answer/1"
    assert data["answerable"]
    assert "Code of Conduct" in data["citations"][0]["quote"]
    assert tmp_database.exists()


def test_ask_without_source_uses_the_stored_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What will China designate 2026 as?", "--source", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["ask", "How much additional capital will China inject?"]) == 0
    assert capsys.readouterr().out.startswith("The coverage doesn't say")
    assert main(["ask", "What will China designate 2026 as?"]) == 0
    out = capsys.readouterr().out
    assert "thematic year" in out
    assert "— Chinese premier" in out


def test_ask_with_an_empty_store_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What did China pledge?"]) == 0
    assert "no coverage" in capsys.readouterr().out

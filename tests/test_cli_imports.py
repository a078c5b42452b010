"""Each command imports what it uses: a real `summit` process, and the modules it loaded.

A fresh interpreter is the only honest place to look: inside pytest everything is imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2b9aaedf29d83c14.txt"
# Runs the CLI as `summit` does, then reports the modules it loaded on fd 3's stand-in, a file.
PROBE = """
import json, sys
import bot.cli
try:
    code = bot.cli.main(sys.argv[2:])
except SystemExit as exc:  # argparse's --help
    code = exc.code
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(code)
"""
LLM_AND_PLATFORMS = ("openai", "slack_bolt", "slack_sdk", "discord")
WATCHER = ("scipy", "datasketch", "feedparser", "apscheduler")
# lemminflect's dict of dicts is a third of a brief's memory; the engine reads its table through
# bot.language.lemmas instead. The Q&A index (bm25s) is for `ask`, not `brief`.
ONE_SHOT_NEEDS_NOT = ("lemminflect", "bm25s", "rich")


def loaded_by(tmp_path: Path, *argv: str) -> tuple[set[str], str]:
    """The top-level packages a `summit` process imported, and what it printed."""
    modules = tmp_path / "modules.json"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'summit.db'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(modules), *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in json.loads(modules.read_text())}, done.stdout


def test_brief_json_loads_no_llm_sdk_platform_sdk_or_watcher(tmp_path: Path) -> None:
    loaded, out = loaded_by(tmp_path, "brief", str(SEED), "--format", "json")
    assert json.loads(out)["schema"] == "summit.brief/1"  # it did brief the article
    assert {"bot", "sqlalchemy"} <= loaded  # and the probe sees real imports
    assert loaded.isdisjoint(LLM_AND_PLATFORMS + WATCHER), loaded & {*LLM_AND_PLATFORMS, *WATCHER}


def test_brief_json_loads_neither_lemminflect_nor_the_qa_index(tmp_path: Path) -> None:
    loaded, out = loaded_by(tmp_path, "brief", str(SEED), "--format", "json")
    assert json.loads(out)["pillars"][0]["items"]  # the engine ran, and found bullets
    assert loaded.isdisjoint(ONE_SHOT_NEEDS_NOT), loaded & set(ONE_SHOT_NEEDS_NOT)


def test_brief_of_a_text_file_loads_no_html_extractor_or_http_client(tmp_path: Path) -> None:
    loaded, _ = loaded_by(tmp_path, "brief", str(SEED), "--format", "json")
    assert loaded.isdisjoint({"trafilatura", "httpx"}), loaded & {"trafilatura", "httpx"}


def test_a_current_store_opens_without_alembic(tmp_path: Path) -> None:
    first, _ = loaded_by(tmp_path, "brief", str(SEED), "--format", "json")
    again, _ = loaded_by(tmp_path, "brief", str(SEED), "--format", "json")
    assert "alembic" in first  # a fresh database is migrated
    assert "alembic" not in again  # a current one is only checked


@pytest.mark.parametrize("argv", [("--help",), ("brief", "--help"), ("--version",)])
def test_help_and_version_load_neither_settings_nor_store(tmp_path: Path, argv: tuple[str]) -> None:
    loaded, out = loaded_by(tmp_path, *argv)
    assert "summit" in out
    heavy = {"sqlalchemy", "pydantic", "yaml", "httpx", "numpy", *LLM_AND_PLATFORMS, *WATCHER}
    assert loaded.isdisjoint(heavy), loaded & heavy


@pytest.mark.parametrize("argv", [("sources",), ("pledges", "--format", "json")])
def test_commands_that_only_read_the_store_load_no_engine_or_loader(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    loaded, out = loaded_by(tmp_path, *argv)
    assert out.strip()  # it did answer (a source line, an empty ledger)
    assert "sqlalchemy" in loaded  # from the store it read
    engine_and_loader = {"blingfire", "numpy", "lemminflect", "ftfy", "py3langid", "trafilatura"}
    assert loaded.isdisjoint(engine_and_loader), loaded & engine_and_loader

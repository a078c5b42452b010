"""A non-editable install works from any folder with the shipped defaults (issue 10.7).

The wheel is built from this checkout and installed (without dependencies, which the test's
own environment provides) into a folder of its own; `summit` then runs from `/`, where no
checkout is in sight: the default config, the pillars, the prompts and the seed must all come
from inside the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __version__

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "000_2b9aaedf29d83c14.txt"
NOT_SOURCE = (
    ".git",
    ".venv",
    "build",
    "*.egg-info",
    "__pycache__",
    "*_cache",
    ".hypothesis",
    "data",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    # Built from a clean copy: an in-tree build/ left by earlier builds could smuggle stale
    # modules into the wheel, and the checkout stays untouched.
    source = tmp_path_factory.mktemp("source") / "summit-brief"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)]
    subprocess.run(build, check=True, cwd=wheels, timeout=300)
    (wheel,) = wheels.glob("summit_brief-*.whl")
    install = [*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)]
    subprocess.run(install, check=True, timeout=300)
    return target


def summit(installed: Path, tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(installed),  # ahead of the checkout's editable install
        "DATABASE_URL": f"sqlite:///{tmp_path / 'summit.db'}",
        "HOME": str(tmp_path),
    }
    code = "import sys, bot.cli; sys.exit(bot.cli.main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_carries_config_prompts_and_seed(installed: Path) -> None:
    defaults = installed / "bot" / "_defaults"
    assert (defaults / "config" / "default.yaml").is_file()
    assert (defaults / "config" / "pillars.yaml").is_file()
    assert sorted(p.name for p in (defaults / "prompts").glob("*.md")) == [
        "answer.v1.md",
        "brief.v1.md",
    ]
    assert (defaults / "seeds" / SEED_NAME).is_file()


def test_summit_briefs_the_packaged_seed_from_the_root_folder(
    installed: Path, tmp_path: Path
) -> None:
    where = summit(installed, tmp_path, "--version")
    assert where.stdout.strip() == f"summit {__version__}"
    seed = installed / "bot" / "_defaults" / "seeds" / SEED_NAME
    done = summit(installed, tmp_path, "brief", str(seed))
    assert done.returncode == 0, done.stderr
    assert "28th China-ASEAN Summit · Kuala Lumpur · 28 Oct 2025 · Xinhua" in done.stdout
    assert "China will" in done.stdout


def test_the_installed_copy_runs_from_the_package_not_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    code = "import bot.resources as r; print(r.defaults_dir('prompts'))"
    env = {"PYTHONPATH": str(installed), "PATH": os.environ.get("PATH", "")}
    found = subprocess.run(
        [sys.executable, "-c", code], cwd="/", env=env, capture_output=True, text=True, check=True
    )
    assert Path(found.stdout.strip()) == installed / "bot" / "_defaults" / "prompts"

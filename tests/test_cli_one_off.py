"""`summit watch --once --source`, `summit ask ""` and `summit --version` as a user meets them
(issue 10.10): bad input exits 2 with a reason, a one-off source says what becomes of it."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from bot import __version__
from bot.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2b9aaedf29d83c14.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_source_folder_that_does_not_exist_exits_2_and_polls_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    code, out, err = run(capsys, "watch", "--once", "--source", str(missing))
    assert (code, out) == (2, "")
    assert err == f"summit: {missing}: no such file or folder\n"
    assert not (tmp_path / "summit.db").exists()  # nothing was opened, nothing changed


def test_a_device_as_a_source_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "watch", "--once", "--source", "/dev/zero")
    assert (code, out, err) == (2, "", "summit: /dev/zero is not a file or folder of articles\n")


def test_an_unreachable_feed_exits_2_with_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed.xml"
    code, out, err = run(capsys, "watch", "--once", "--source", url)
    assert (code, out) == (2, "")
    (line,) = [line for line in err.splitlines() if line.startswith("summit:")]
    assert line.startswith(f"summit: {url}: cannot connect to {url}")


def test_a_one_off_source_says_it_is_remembered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    code, out, err = run(capsys, "watch", "--once", "--format", "json", "--source", str(folder))
    assert code == 0
    (report,) = [json.loads(line) for line in out.splitlines()]
    assert report["relevant"]
    assert "--source sources are kept in the store" in err
    assert "`summit run` polls only configured sources but posts the briefs this pass queued" in err
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert str(folder) in out  # as the note said


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_an_empty_question_exits_2(capsys: pytest.CaptureFixture[str], question: str) -> None:
    code, out, err = run(capsys, "ask", question, "--source", str(SEED))
    assert (code, out) == (2, "")
    assert err == 'summit: ask needs a question: summit ask "what did China pledge?"\n'


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"summit {__version__}\n"


def test_a_short_config_of_ones_own_uses_the_shipped_pillars(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "mine" / "summit.yaml"
    config.parent.mkdir()
    config.write_text("engine: extractive\n", encoding="utf-8")
    code, out, err = run(capsys, "--config", str(config), "brief", str(SEED))
    assert code == 0, err
    assert "1 Political-security" in out

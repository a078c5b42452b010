"""`summit brief` over several sources in one process: jsonl, failures, stdin, the progress bar."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2b9aaedf29d83c14.txt"
OFF_TOPIC = sorted((ROOT / "tests" / "data" / "off_topic").glob("*.txt"))[:3]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_brief(capsys: pytest.CaptureFixture[str], source: Path) -> dict[str, object]:
    code, out, _ = run(capsys, "brief", str(source), "--format", "json")
    assert code == 0
    parsed: dict[str, object] = json.loads(out)
    return parsed


def test_jsonl_prints_each_brief_as_its_own_json_contract(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sources = [SEED, *OFF_TOPIC]
    code, out, err = run(capsys, "brief", *map(str, sources), "--format", "jsonl")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert len(lines) == len(sources)
    assert [json.loads(line) for line in lines] == [one_brief(capsys, s) for s in sources]


def test_one_unreadable_source_is_reported_and_the_rest_are_briefed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "brief", str(SEED), str(missing), str(OFF_TOPIC[0]),
                         "--format", "jsonl")  # fmt: skip
    titles = [json.loads(line)["article"]["title"] for line in out.splitlines()]
    assert code == 2
    assert len(titles) == 2
    assert err.count("\n") == 1
    assert err.startswith("summit: ")
    assert "missing.txt" in err


def test_batches_keep_the_order_and_store_every_brief_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("bot.cli.brief.BATCH", 2)  # five sources make three batches
    sources = [SEED, *OFF_TOPIC[:2], tmp_path / "missing.txt", SEED]
    code, out, err = run(capsys, "brief", *map(str, sources), "--format", "jsonl")
    briefs = [json.loads(line) for line in out.splitlines()]
    assert (code, err.count("missing.txt")) == (2, 1)
    readable = [s for s in sources if s.exists()]
    assert briefs == [one_brief(capsys, s) for s in readable]
    code, out, _ = run(capsys, "pledges", "--format", "json")
    ledger = json.loads(out)["entries"]
    assert code == 0
    assert ledger  # the seed's pledges, filed once although briefed twice
    assert all(len(entry["sources"]) == 1 for entry in ledger)


def test_stdin_among_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(OFF_TOPIC[1].read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "brief", str(SEED), "-", "--format", "jsonl")
    briefs = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert briefs[1]["article"]["sha256"] == one_brief(capsys, OFF_TOPIC[1])["article"]["sha256"]  # type: ignore[index]


@pytest.mark.parametrize("output", ["json", "slack", "discord"])
def test_single_document_formats_refuse_several_sources(
    capsys: pytest.CaptureFixture[str], output: str
) -> None:
    code, out, err = run(capsys, "brief", str(SEED), str(OFF_TOPIC[0]), "--format", output)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "jsonl" in err


def test_stdin_twice_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", "-", "-", "--format", "jsonl")
    assert code == 2
    assert "standard input" in err


def test_text_briefs_are_separated_by_a_blank_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", str(SEED), str(OFF_TOPIC[0]))
    _, first, _ = run(capsys, "brief", str(SEED))
    _, second, _ = run(capsys, "brief", str(OFF_TOPIC[0]))
    assert code == 0
    assert out == first + "\n" + second


def summit_with_stderr_on(tmp_path: Path, stderr: int) -> subprocess.CompletedProcess[bytes]:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'summit.db'}"}  # fmt: skip
    argv = [sys.executable, "-m", "bot", "brief", str(SEED), *map(str, OFF_TOPIC)]
    return subprocess.run(
        [*argv, "--format", "jsonl"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=120,
        check=False,
    )


def test_a_terminal_gets_a_progress_bar_on_stderr(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real size
    try:
        done = summit_with_stderr_on(tmp_path, follower)
        os.close(follower)
        drawn = _read_all(leader)
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1 + len(OFF_TOPIC)  # the bar never enters stdout
    assert f"{1 + len(OFF_TOPIC)}/{1 + len(OFF_TOPIC)}" in drawn
    assert "article" in drawn


def test_a_pipe_gets_no_progress_bar(tmp_path: Path) -> None:
    done = summit_with_stderr_on(tmp_path, subprocess.PIPE)
    assert done.returncode == 0
    assert done.stderr == b""


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")

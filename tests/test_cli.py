"""The `summit` command as a user runs it: exit codes, one-line reasons, the JSON contract."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2b9aaedf29d83c14.txt"


@pytest.fixture(autouse=True)
def _store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'summit.db'}")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_brief_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", str(SEED), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["schema"] == "summit.brief/1"
    assert set(data) == {"schema", "engine", "article", "headline", "pillars", "other", "warnings"}
    assert set(data["article"]) == {
        "title",
        "source",
        "url",
        "published",
        "dateline",
        "language",
        "sha256",
    }
    assert [p["key"] for p in data["pillars"]] == [
        "political_security",
        "economic",
        "socio_cultural",
    ]
    item = data["pillars"][0]["items"][0]
    assert set(item) == {"text", "actor", "kind", "figures", "evidence", "evidence_span"}
    assert data["article"]["source"] == "Xinhua"
    assert data["article"]["published"] == "2025-10-28"


def test_brief_text_and_markdown_render(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, _ = run(capsys, "brief", str(SEED))
    assert code == 0
    assert "Political-security" in text
    assert "Code of Conduct" in text
    code, markdown, _ = run(capsys, "brief", str(SEED), "--format", "markdown")
    assert code == 0
    assert markdown.count("###") == 3


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.bin", b"\x00\x01\x02\xff" * 100, "binary"),
        ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "5"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "brief", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert reason in err.lower()


def test_missing_file_and_unreachable_url_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", "/nonexistent/article.txt")
    assert code == 2
    assert err.startswith("summit: ")
    code, _, err = run(capsys, "brief", f"http://127.0.0.1:{_closed_port()}/story")
    assert code == 2
    assert err.count("\n") == 1


def test_bad_input_stores_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    run(capsys, "brief", str(tmp_path / "empty.txt"))
    code, out, _ = run(capsys, "ask", "What did China pledge?", "--format", "json")
    assert code == 0
    assert json.loads(out)["answerable"] is False


def test_ask_quotes_the_code_of_conduct_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "ask",
        "What did Li say about the South China Sea?",
        "--source",
        str(SEED),
        "--format",
        "json",
    )
    answer = json.loads(out)
    assert code == 0
    assert answer["schema"] == "summit.answer/1"
    assert answer["answerable"]
    assert "Code of Conduct" in answer["citations"][0]["quote"]


def test_ask_declines_what_the_coverage_does_not_say(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "brief", str(SEED))
    code, out, _ = run(capsys, "ask", "How much capital will China inject?", "--format", "json")
    answer = json.loads(out)
    assert code == 0
    assert answer["answerable"] is False
    assert "doesn't say" in answer["answer"]


def test_malformed_environment_is_a_configuration_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORT", "abc")
    code, _, err = run(capsys, "brief", str(SEED))
    assert code == 2
    assert err.startswith("summit: configuration: PORT")
    monkeypatch.delenv("PORT")
    monkeypatch.setenv("DATABASE_URL", "notaurl")
    code, _, err = run(capsys, "brief", str(SEED))
    assert code == 2
    assert "notaurl" not in err  # a URL may carry a password: never echoed


def test_a_path_too_long_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", "a" * 5000)
    assert code == 2
    assert err.count("\n") == 1


@pytest.mark.parametrize("platform", ["slack", "discord"])
def test_brief_as_platform_payloads(capsys: pytest.CaptureFixture[str], platform: str) -> None:
    code, out, _ = run(capsys, "brief", str(SEED), "--format", platform)
    messages = json.loads(out)
    assert code == 0
    assert messages
    dumped = json.dumps(messages)
    assert "Political-security" in dumped
    assert "Socio-cultural" in dumped
    if platform == "discord":
        assert all(m["allowed_mentions"] == {"parse": []} for m in messages)
    else:
        assert all(m["text"] and m["blocks"] for m in messages)

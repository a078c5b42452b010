"""Opening the database: bad DATABASE_URLs are configuration errors (exit 2, one line, no
password), a configured SQLite folder must exist, and a new database file is private
(issue 10.6)."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config
from bot.store import Store, database_url


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def summit_exit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str
) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", url)
    code = main(["ask", "what was pledged?"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://analyst:pw-secret@db.example/summit", "no driver for mysql"),
        ("postgresql://analyst:pw-secret@db.example:abc/summit", "not a valid database URL"),
        ("not a url at all", "not a valid database URL"),
        (
            "postgresql://analyst:pw-secret@127.0.0.1:{port}/summit",
            "cannot open the database postgresql+asyncpg://analyst:***@127.0.0.1",
        ),
    ],
)
def test_a_bad_database_url_exits_2_with_one_line_and_no_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    code, err = summit_exit(monkeypatch, capsys, url.format(port=closed_port()))
    assert code == 2
    assert err.count("\n") == 1
    assert message in err
    assert "pw-secret" not in err


def test_a_file_that_is_not_a_database_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    code, err = summit_exit(monkeypatch, capsys, f"sqlite:///{path}")
    assert (code, err) == (2, f"summit: cannot open the database sqlite+aiosqlite:///{path}: "
                              "file is not a database\n")  # fmt: skip


def test_a_configured_sqlite_folder_must_exist(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "nested"
    code, err = summit_exit(monkeypatch, capsys, f"sqlite:///{missing / 'summit.db'}")
    assert (code, err) == (2, f"summit: DATABASE_URL: the folder {missing} does not exist\n")
    assert not (tmp_path / "typo").exists()  # nothing was created


async def test_a_new_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'summit.db'}")
    await store.migrate()
    await store.close()
    mode = stat.S_IMODE((tmp_path / "summit.db").stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


async def test_the_embedded_default_makes_its_own_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    store = Store.open(None)
    await store.migrate()
    await store.close()
    assert (tmp_path / "data" / "summit.db").is_file()


def test_the_console_log_sits_beside_the_default_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Both relative paths resolve from the working folder, not one from the config's folder.
    monkeypatch.chdir(tmp_path)
    database = Path(database_url(None).database or "").resolve()
    log = load_config().console_log_path()
    assert log is not None
    assert log.parent == database.parent == tmp_path / "data"

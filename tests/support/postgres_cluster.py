"""A throwaway, real PostgreSQL server for tests: initdb in a temporary folder, started on a
free loopback port, stopped (and removed) at the end. Never a mock.

PostgreSQL refuses to run as root, so when the tests run as root (containers, CI) the server
runs as the unprivileged `nobody` user through `runuser`. `find_binaries` looks on PATH and in
Debian's /usr/lib/postgresql/<version>/bin, where the `postgresql` package puts initdb.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "summit"


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root without `runuser`: PostgreSQL cannot be started")
    return [runuser, "-u", "nobody", "--", *command]


@dataclass
class PostgresCluster:
    bin_dir: Path
    folder: Path
    port: int

    @classmethod
    def start(cls, bin_dir: Path) -> PostgresCluster:
        folder = Path(tempfile.mkdtemp(prefix="summit-pg-"))
        if os.geteuid() == 0:
            shutil.chown(folder, user="nobody")
        cluster = cls(bin_dir, folder, _free_port())
        cluster._run("initdb", "-D", str(folder / "data"), "-A", "trust", "-U", SUPERUSER,
                     "-E", "UTF8", "--no-sync")  # fmt: skip
        # fsync off: a throwaway cluster need not survive a power cut, and tests run faster.
        options = f"-h 127.0.0.1 -p {cluster.port} -k {folder} -F -c max_connections=200"
        cluster._run("pg_ctl", "-D", str(folder / "data"), "-o", options,
                     "-l", str(folder / "server.log"), "-w", "start")  # fmt: skip
        return cluster

    def _run(self, tool: str, *args: str) -> None:
        command = _as_server_user([str(self.bin_dir / tool), *args])
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own (CREATE DATABASE), its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        psql = shutil.which("psql") or str(self.bin_dir / "psql")
        subprocess.run(
            [psql, "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-d", "postgres",
             "-q", "-c", f"CREATE DATABASE {name}"],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip
        return self.url(name)

"""Helpers the watch tests import (conftest files are not for importing)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.watch import WatchedSource
from tests.fakes.http_server import FakeHTTPServer, Route

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def source(
    url: str, *, kind: str = "auto", seed: bool = False, max_age_days: float | None = None
) -> WatchedSource:
    return WatchedSource(
        key=url,
        name=url.rsplit("/", 1)[-1] or url,
        kind=kind,  # type: ignore[arg-type]
        seed_on_add=seed,
        max_age=timedelta(days=max_age_days) if max_age_days is not None else None,
    )


def serve_pages(server: FakeHTTPServer) -> None:
    for page in (FEEDS / "pages").glob("*.html"):
        server.routes[f"/pages/{page.name}"] = Route(page.read_bytes())


def fixture_bytes(name: str, server: FakeHTTPServer) -> bytes:
    return (FEEDS / name).read_bytes().replace(b"{{BASE}}", server.url("").encode())

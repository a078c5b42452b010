"""Store, outbox, lease and delivery tests run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from bot.store import Store


@pytest.fixture
def store(any_store: Store) -> Store:
    return any_store

"""A service over a real SQLite store and the extractive engine."""

from __future__ import annotations

import pytest

from bot.brief.extractive.engine import ExtractiveEngine
from bot.config import load_config
from bot.service import SummitService
from bot.store import Store


@pytest.fixture
def service(store: Store) -> SummitService:
    return SummitService(store, ExtractiveEngine(load_config().pillars()))

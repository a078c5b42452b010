"""Fixtures for the evaluation tests."""

from __future__ import annotations

import pytest
from eval_builders import make_gold

from bot.evaluation.labels import Gold


@pytest.fixture
def gold() -> Gold:
    return make_gold()

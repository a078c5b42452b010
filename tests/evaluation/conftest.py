"""Fixtures for the evaluation tests."""

from __future__ import annotations

import pytest

from bot.evaluation.labels import Gold
from tests.support.eval_builders import make_gold


@pytest.fixture
def gold() -> Gold:
    return make_gold()

"""A server's Retry-After is honoured within reason, whatever number it sends."""

from __future__ import annotations

from bot.watch.politeness import BACKOFF_MAX, backoff


def test_an_absurd_retry_after_is_clamped_not_an_overflow() -> None:
    assert backoff(1, retry_after=1e14) == BACKOFF_MAX


def test_a_sensible_retry_after_is_kept() -> None:
    assert backoff(1, retry_after=120).total_seconds() == 120

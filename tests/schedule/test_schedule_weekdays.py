"""Crontab weekdays mean what cron means: 1-5 is Monday to Friday, 0 and 7 are Sunday."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.errors import BadInput
from bot.schedule.scheduler import validate_cron


def fire_days(crontab: str) -> list[str]:
    trigger = validate_cron(crontab, "Asia/Kuala_Lumpur")
    moment, days = datetime(2026, 11, 28, tzinfo=UTC), []  # a Saturday
    for _ in range(7):
        moment = trigger.get_next_fire_time(None, moment + timedelta(seconds=1))
        days.append(moment.strftime("%a"))
    return days


@pytest.mark.parametrize(
    ("crontab", "days"),
    [
        ("0 8 * * 1-5", {"Mon", "Tue", "Wed", "Thu", "Fri"}),
        ("0 8 * * mon-fri", {"Mon", "Tue", "Wed", "Thu", "Fri"}),
        ("0 8 * * 0", {"Sun"}),
        ("0 8 * * 7", {"Sun"}),
        ("0 9 * * 1,3,5", {"Mon", "Wed", "Fri"}),
    ],
)
def test_weekdays_as_cron_reads_them(crontab: str, days: set[str]) -> None:
    assert set(fire_days(crontab)) == days


def test_a_day_out_of_range_is_bad_input() -> None:
    with pytest.raises(BadInput):
        validate_cron("0 8 * * 9", "UTC")

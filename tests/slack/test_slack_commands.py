"""`/summit` text → command: pure parsing."""

from __future__ import annotations

import pytest

from bot.adapters.slack.commands import (
    Ask,
    BriefLatest,
    BriefUrl,
    Help,
    Sources,
    Subscribe,
    Unsubscribe,
    Usage,
    parse,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Help()),
        ("help", Help()),
        ("brief", BriefLatest(None)),
        ("brief  South China Sea ", BriefLatest("South China Sea")),
        ("BRIEF https://news.example/a?b=1", BriefUrl("https://news.example/a?b=1")),
        ("brief <https://news.example/a|news.example/a>", BriefUrl("https://news.example/a")),
        ("pledges", BriefLatest(None, pledges_only=True)),
        ("pledges ASEAN", BriefLatest("ASEAN", pledges_only=True)),
        ("ask what about the South China Sea?", Ask("what about the South China Sea?")),
        ("subscribe", Subscribe(None, "UTC")),
        ("subscribe Asia/Singapore", Subscribe(None, "Asia/Singapore")),
        ("subscribe daily 08:00", Subscribe("0 8 * * *", "UTC")),
        ("subscribe digest weekdays 7:30 Europe/Brussels",
         Subscribe("30 7 * * mon-fri", "Europe/Brussels")),
        ("subscribe weekly Monday 09:15 utc", Subscribe("15 9 * * mon", "UTC")),
        ('subscribe cron "0 8 * * 1-5" Asia/Manila', Subscribe("0 8 * * 1-5", "Asia/Manila")),
        ("unsubscribe", Unsubscribe()),
        ("sources", Sources()),
    ],
)  # fmt: skip
def test_parses(text: str, expected: object) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("frobnicate", "unknown subcommand"),
        ("ask", "needs a question"),
        ("ask ?", "needs a question"),
        ("brief file:///etc/passwd", "only http(s)"),
        ("subscribe daily 25:00", "cannot read the schedule"),
        ("subscribe whenever", "cannot read the schedule"),
        ("subscribe daily 08:00 Mars/Olympus", "unknown time zone"),
        ("sources please", "takes no arguments"),
        ("unsubscribe now", "takes no arguments"),
    ],
)
def test_bad_input_gets_usage(text: str, reason: str) -> None:
    result = parse(text)
    assert isinstance(result, Usage)
    assert reason in result.error


def test_user_text_echoed_in_usage_is_inert() -> None:
    result = parse("<!channel>`")
    assert isinstance(result, Usage)
    assert result.error == "unknown subcommand `＠channelˋ`"  # no ping, no way out of the code span

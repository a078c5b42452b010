"""Any brief, whatever its shape (empty pillars beside full ones, runaway bullets, hostile
text), renders within Discord's and Slack's limits with no mention that pings."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.core.models import Article, Brief, Item, Pillar
from tests.support.render_checks import discord_problems, slack_problems

# Characters and fragments that stress escaping, mentions and clipping.
HOSTILE = st.sampled_from(
    ["@everyone", "@\u200beveryone", "<!channel>", "<@U123>", "<@&42>", "*", "_", "`", "\\",
     "|", "<", ">", "[x](https://e.example)", "\u202e", "\n", "é", "🇯🇵", " "]
)  # fmt: skip
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=30)), max_size=12).map("".join)
LONG_TEXT = st.one_of(TEXT, st.integers(1000, 5000).map(lambda n: "pledge " * (n // 7)))

ITEMS = st.builds(
    Item,
    text=LONG_TEXT,
    actor=TEXT,
    kind=st.sampled_from(["pledge", "offer", "call"]),
    figures=st.lists(TEXT, max_size=3),
    evidence=TEXT,
    evidence_span=st.just((0, 1)),
)
PILLARS = st.builds(
    Pillar,
    key=st.sampled_from(["political_security", "economic", "socio_cultural"]),
    title=TEXT,
    summary=LONG_TEXT,
    # Empty pillars beside full ones: the shape real coverage has most often.
    items=st.one_of(st.just([]), st.lists(ITEMS, max_size=30)),
)
ARTICLES = st.builds(
    Article,
    title=TEXT,
    text=st.just("body"),
    source=st.one_of(st.none(), TEXT),
    url=st.one_of(st.none(), st.just("https://news.example/a?b=1&c=(2)"), TEXT),
    dateline=st.one_of(st.none(), TEXT),
    sha256=st.just("0" * 64),
)
BRIEFS = st.builds(
    Brief,
    engine=st.just("extractive"),
    article=ARTICLES,
    headline=LONG_TEXT,
    pillars=st.lists(PILLARS, min_size=1, max_size=4),
    other=st.lists(ITEMS, max_size=5),
    warnings=st.lists(LONG_TEXT, max_size=3),
)


# No shrinking: these briefs run to hundreds of kilobytes, and shrinking one that fails took
# longer than CI allows; the failure is reported as generated instead.
RENDER_SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@RENDER_SETTINGS
@given(BRIEFS)
def test_any_brief_renders_within_discord_limits(brief: Brief) -> None:
    assert discord_problems(brief) == []


@RENDER_SETTINGS
@given(BRIEFS)
def test_any_brief_renders_within_slack_limits(brief: Brief) -> None:
    assert slack_problems(brief) == []

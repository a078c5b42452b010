"""The pure renderers: briefs as embeds within every Discord limit, mentions inert."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.discord.markdown import escape
from bot.adapters.discord.render import (
    CONTENT_CHARS,
    DiscordMessage,
    render_answer,
    render_brief,
    render_digest,
    thread_name,
    violations,
)
from bot.core.models import Answer, Article, Brief, Citation, Item, Kind, Pillar
from bot.service import StoredBriefRef
from tests.fakes.discord_api import limit_errors

KINDS: tuple[Kind, ...] = ("pledge", "offer", "call")


def _brief(
    items_per_pillar: int, text_len: int, *, headline: str = "Leaders meet", text: str = "x"
) -> Brief:
    article = Article(
        title="Summit", text="body", source="Wire", url="https://example.org/a", sha256="0" * 64
    )
    pillars = [
        Pillar(
            key=f"p{n}",
            title=f"Pillar {n} " + "t" * 300,
            summary="s" * 300,
            items=[
                Item(
                    text=(text * text_len)[:text_len] + f" #{n}.{i}",
                    actor=f"Actor{i % 3}",
                    kind=KINDS[i % 3],
                    figures=["$5 billion"],
                    evidence="e",
                    evidence_span=(0, 1),
                )
                for i in range(items_per_pillar)
            ],
        )
        for n in range(3)
    ]
    return Brief(
        engine="extractive",
        article=article,
        headline=headline,
        pillars=pillars,
        warnings=["w" * 3000],
    )


def _assert_sendable(messages: list[DiscordMessage]) -> None:
    for message in messages:
        assert violations(message) == []
        assert limit_errors({"content": message.content, "embeds": message.embeds}) == []


def _text(messages: list[DiscordMessage]) -> str:
    return json.dumps([m.embeds for m in messages], ensure_ascii=False)


def test_the_seed_brief_is_one_message_with_three_pillars(seed: StoredBriefRef) -> None:
    (message,) = render_brief(seed.brief)
    _assert_sendable([message])
    (embed,) = message.embeds
    assert embed["title"].startswith("Chinese Premier Li Qiang")
    assert (
        embed["author"]["name"] == "28th China-ASEAN Summit · Kuala Lumpur · 28 Oct 2025 · Xinhua"
    )
    names = [f["name"] for f in embed["fields"]]
    assert list(dict.fromkeys(n.split(" —")[0] for n in names)) == [
        "1 Political-security",
        "2 Economic",
        "3 Socio-cultural",
    ]
    values = "\n".join(f["value"] for f in embed["fields"])
    assert "• **Pledge** · China will enhance strategic communication" in values
    assert "→ **Call** ·" in values
    assert "◦ *Offer* ·" in values
    assert embed["footer"]["text"].startswith("Source: Xinhua · 28 Oct 2025")


def test_a_huge_brief_is_split_within_every_limit_and_loses_no_bullet() -> None:
    brief = _brief(items_per_pillar=80, text_len=550, headline="H" * 1000)
    messages = render_brief(brief)
    assert len(messages) > 3
    _assert_sendable(messages)
    text = _text(messages)
    for n in range(3):
        for i in range(80):
            assert text.count(f" #{n}.{i} ") == 1
    assert "footer" in messages[-1].embeds[-1]


@settings(max_examples=40, deadline=None)
@given(
    items=st.integers(0, 60),
    length=st.integers(1, 1200),
    headline=st.text(min_size=1, max_size=400),
    text=st.text(min_size=1, max_size=5),
)
def test_any_brief_renders_within_limits(items: int, length: int, headline: str, text: str) -> None:
    _assert_sendable(render_brief(_brief(items, length, headline=headline, text=text)))


def test_mentions_and_markdown_from_the_article_are_inert() -> None:
    hostile = "@everyone @here <@123> <@!45> <@&67> [click](https://evil.example) **bold**"
    messages = render_brief(_brief(1, 1, headline=hostile, text=hostile))
    text = _text(messages)
    for raw in ("@everyone", "@here", "<@123>", "<@!45>", "<@&67>", "[click](", "**bold**"):
        assert raw not in text
    assert "＠everyone" in text
    assert escape("a_b*c") == "a\\_b\\*c"


def test_an_empty_brief_says_so() -> None:
    empty = _brief(0, 1).model_copy(update={"warnings": []})
    (message,) = render_brief(empty)
    assert "No pledges, offers or calls" in message.embeds[0]["description"]


def test_the_answer_quotes_its_evidence_within_2000_characters() -> None:
    citation = Citation(
        quote="China will enhance strategic communication. " * 40,
        title="Xinhua @everyone",
        url="https://example.org/a",
        span=(0, 5),
    )
    answer = Answer(
        answer="China will enhance strategic communication.",
        answerable=True,
        citations=[citation] * 5,
    )
    message = render_answer(answer)
    assert len(message.content) <= CONTENT_CHARS
    assert "\n> “China will enhance" in message.content
    assert "@everyone" not in message.content
    assert "<https://example.org/a>" in message.content


def test_a_long_digest_is_split_within_limits() -> None:
    briefs = [_brief(2, 10, headline=f"Story {n} " + "h" * 280) for n in range(120)]
    messages = render_digest(briefs, "Summit digest · 28 Oct")
    assert len(messages) > 1
    _assert_sendable(messages)
    assert messages[0].embeds[0]["title"] == "Summit digest · 28 Oct"
    assert _text(messages).count("Story ") == 120
    _assert_sendable(render_digest([], "Nothing"))


def test_thread_names_fit_discord() -> None:
    assert len(thread_name(_brief(0, 1, headline="h" * 500))) == 100
    assert thread_name(_brief(0, 1, headline="\x00\x01")) == "Summit brief"

"""Block Kit rendering: pure functions, checked against the fake's copy of Slack's limits."""

from __future__ import annotations

import json
from datetime import date

from bot.adapters.shared.render import only_pledges
from bot.adapters.slack.render import (
    SlackMessage,
    render_answer,
    render_brief,
    render_digest,
)
from bot.core.models import Answer, Article, Brief, Citation, Item, Kind, Pillar
from tests.fakes.slack_api import MAX_BLOCK_CHARS, block_chars, block_kit_errors

HOSTILE = "Leaders <!channel> and <@U123> met; see <https://evil.example|click> *now* & `x`."


def _item(text: str, kind: Kind = "pledge", actor: str = "China") -> Item:
    return Item(text=text, actor=actor, kind=kind, evidence=text, evidence_span=(0, len(text)))


def _brief(items: list[Item], *, headline: str = "Li urges unity", empty: bool = False) -> Brief:
    article = Article(
        title="28th China-ASEAN Summit opens",
        text="28th China-ASEAN Summit",
        source="Xinhua",
        url="https://news.example/a?x=1&y=2",
        published=date(2025, 10, 28),
        dateline="Kuala Lumpur",
        sha256="0" * 64,
    )
    pillars = [
        Pillar(key="political_security", title="Political-security", items=items),
        Pillar(key="economic", title="Economic", items=[] if empty else items[:1]),
        Pillar(key="socio_cultural", title="Socio-cultural"),
    ]
    return Brief(engine="extractive", article=article, headline=headline, pillars=pillars)


def _shown(messages: list[SlackMessage]) -> str:
    return json.dumps([[m.text, m.blocks] for m in messages], ensure_ascii=False)


def _valid(message: SlackMessage) -> bool:
    return (
        block_kit_errors(message.blocks) == []
        and block_chars(message.blocks) <= MAX_BLOCK_CHARS
        and 0 < len(message.text) <= 4000
    )


def test_a_brief_has_header_context_pillars_source_and_fallback() -> None:
    brief = _brief([_item("China will enhance communication"),
                    _item("China is ready to build a platform", "offer"),
                    _item("China calls for faster consultation", "call")])  # fmt: skip
    (message,) = render_brief(brief)
    assert _valid(message)
    kinds = [b["type"] for b in message.blocks]
    assert kinds[0] == "header"
    assert message.blocks[0]["text"]["text"] == "28th China-ASEAN Summit"
    shown = _shown([message])
    assert "Kuala Lumpur · 28 Oct 2025 · Xinhua" in shown
    for title in ("1 Political-security", "2 Economic", "3 Socio-cultural"):
        assert title in shown
    assert "_nothing reported_" in message.blocks[-2]["text"]["text"]  # the empty pillar
    assert ":white_check_mark: *Pledge* · China will enhance" in shown
    assert ":handshake: _Offer_ · China is ready" in shown
    assert ":loudspeaker: *Call* · China calls for" in shown
    assert "<https://news.example/a?x=1&amp;y=2|28th China-ASEAN Summit opens>" in shown
    assert message.text == "Li urges unity (Xinhua, 28 Oct 2025): 2 pledges, 1 offer, 1 call"


def test_mentions_links_and_formatting_from_article_text_render_inert() -> None:
    brief = _brief([_item(HOSTILE)], headline=HOSTILE)
    article = brief.article.model_copy(update={"source": "<!here>", "title": "<@U999> wins"})
    messages = render_brief(brief.model_copy(update={"article": article}))
    shown = _shown(messages)
    for live in ("<!channel>", "<@U123>", "<!here>", "<@U999>", "<https://evil", "*now*", "`x`"):
        assert live not in shown
    assert "＠channel" in shown
    assert "＠U123" in shown
    assert "&lt;" in shown or "&amp;" in shown  # the rest is escaped, not dropped
    assert all(_valid(m) for m in messages)


def test_a_long_brief_becomes_a_series_within_every_limit() -> None:
    items = [_item(f"China will fund project {n} " + "with ample detail " * 25) for n in range(120)]
    messages = render_brief(_brief(items))
    assert len(messages) > 1
    assert all(_valid(m) for m in messages)
    assert messages[1].blocks[0]["type"] == "context"
    assert "part 2 of" in messages[1].blocks[0]["elements"][0]["text"]
    shown = _shown(messages)
    assert all(f"project {n} " in shown for n in range(120))  # nothing lost in the split


def test_a_runaway_bullet_is_clipped_not_rejected() -> None:
    (message,) = render_brief(_brief([_item("x" * 20_000)]))
    assert _valid(message)


def test_pledges_only_drops_offers_and_calls() -> None:
    brief = only_pledges(_brief([_item("China will a"), _item("China calls for b", "call")]))
    shown = _shown(render_brief(brief, empty="_no pledges reported_"))
    assert "China will a" in shown
    assert "China calls for b" not in shown
    assert "_no pledges reported_" in shown


def test_an_answer_quotes_its_evidence_with_the_source() -> None:
    quote = "China also calls for accelerating the consultation on the Code of Conduct."
    answer = Answer(answer="China called for faster consultation.", answerable=True,
                    citations=[Citation(quote=quote, title="Xinhua <@U1>",
                                        url="https://news.example/a", span=(0, 10))])  # fmt: skip
    message = render_answer(answer)
    assert _valid(message)
    shown = _shown([message])
    assert f"> “{quote}”" in shown
    assert "<https://news.example/a|Xinhua ＠U1>" in shown


def test_a_digest_lists_each_brief_and_stays_within_limits() -> None:
    briefs = [_brief([_item("China will a")], headline=f"Story {n}") for n in range(80)]
    messages = render_digest(briefs, "Summit digest · 28 Oct")
    assert all(_valid(m) for m in messages)
    assert all(f"Story {n}" in _shown(messages) for n in range(80))
    (empty,) = render_digest([], "Summit digest")
    assert _valid(empty)
    assert "No new briefs" in _shown([empty])


def test_a_zero_width_space_cannot_rebuild_a_live_mention() -> None:
    # The invisible character is dropped; the mention it split must not come back to life.
    brief = _brief([_item("Leaders @\u200beveryone will meet")], headline="@\u200bhere summit")
    shown = _shown(render_brief(brief))
    assert "@everyone" not in shown
    assert "@here" not in shown
    assert "\uff20everyone" in shown


def test_a_series_under_a_very_long_headline_keeps_every_part_within_limits() -> None:
    # The later parts repeat the headline in their "continued" label; a scraped page can
    # give a headline of thousands of characters.
    for count in range(40, 140, 7):  # chunks that end anywhere near the message limit
        items = [_item(f"China will fund project {n} " + "with detail " * 40) for n in range(count)]
        messages = render_brief(_brief(items, headline="Summit " * 500))
        assert all(_valid(m) for m in messages)

"""What every rendering of a brief must keep, whatever the article: each platform's limits and
no mention syntax that pings. Shared by the real-coverage, property and fuzz tests."""

from __future__ import annotations

import json

from bot.adapters.console.render import render_markdown, render_text
from bot.adapters.discord.render import render_brief as discord_brief
from bot.adapters.discord.render import violations
from bot.adapters.slack.render import render_brief as slack_brief
from bot.core.mentions import has_mention
from bot.core.models import Brief
from tests.fakes.discord_api import limit_errors
from tests.fakes.slack_api import MAX_BLOCK_CHARS, block_chars, block_kit_errors

SLACK_FALLBACK_CHARS = 4000


def discord_problems(brief: Brief) -> list[str]:
    found = []
    for n, message in enumerate(discord_brief(brief)):
        payload = {"content": message.content, "embeds": message.embeds}
        found += [f"discord message {n}: {v}" for v in violations(message)]
        found += [f"discord message {n} (fake): {v}" for v in limit_errors(payload)]
        if has_mention(json.dumps(payload, ensure_ascii=False)):
            found.append(f"discord message {n}: pinging mention")
    return found


def slack_problems(brief: Brief) -> list[str]:
    found = []
    for n, message in enumerate(slack_brief(brief)):
        found += [f"slack message {n}: {e}" for e in block_kit_errors(message.blocks)]
        if block_chars(message.blocks) > MAX_BLOCK_CHARS:
            found.append(f"slack message {n}: blocks too long")
        if not 0 < len(message.text) <= SLACK_FALLBACK_CHARS:
            found.append(f"slack message {n}: fallback text of {len(message.text)} chars")
        if has_mention(json.dumps([message.text, message.blocks], ensure_ascii=False)):
            found.append(f"slack message {n}: pinging mention")
    return found


def console_problems(brief: Brief) -> list[str]:
    found = []
    for name, rendered in (("text", render_text(brief)), ("markdown", render_markdown(brief))):
        if not rendered.strip():
            found.append(f"{name}: empty")
        if has_mention(rendered):
            found.append(f"{name}: pinging mention")
    # JSON is data for other tools: its evidence is the verbatim source sentence by contract
    # (summit.brief/1), so it is checked for shape, and whoever posts it neutralises it.
    document = json.loads(json.dumps(brief.to_json_dict(), ensure_ascii=False))
    if document.get("schema") != "summit.brief/1":
        found.append("json: wrong schema")
    return found


def problems(brief: Brief) -> list[str]:
    """Every broken limit or live mention over all five renderings (text, markdown, json,
    slack, discord); empty when all of them are fit to send."""
    return console_problems(brief) + slack_problems(brief) + discord_problems(brief)

"""What each `/summit` subcommand does: defer at once, call the service, finish by follow-up.

Discord wants a first response within 3 s, so anything that may be slow is deferred first.
Errors are answered ephemerally (only the user who asked sees them); a public "thinking…"
placeholder left by a failed command is deleted first.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.adapters.discord.ledger import PAGE_SIZE, render_ledger
from bot.adapters.discord.markdown import escape
from bot.adapters.discord.render import (
    DiscordMessage,
    notice,
    render_answer,
    render_brief,
    render_sources,
)
from bot.adapters.discord.threads import PLATFORM, Threads, send_kwargs
from bot.adapters.shared.render import only_pledges
from bot.core.errors import BadInput
from bot.core.models import Brief
from bot.ledger.query import build_query
from bot.service import SummitService

log = logging.getLogger(__name__)
Interaction = discord.Interaction[discord.Client]
POSTED = "summit_posted"  # interaction.extras: a follow-up went out
PRIVATE = "summit_private"  # interaction.extras: deferred ephemerally
HELP = """**Summit Brief** — summit coverage as three-pillar briefs: who pledged, offered or called for what, each bullet with its source sentence.
`/summit brief [url] [topic]` — brief an article, or show the latest brief (on a topic)
`/summit pledges [topic]` — only the commitments of the latest brief
`/summit pledges actor:… pillar:… kind:… summit:… since:… until:… status:… page:…` — the pledge ledger: every commitment briefed, new, repeated or changed
`/summit ask question` — an answer from the coverage, with quotes
`/summit subscribe [cron] [timezone]` — post new briefs here (and digests on a schedule)
`/summit unsubscribe` — stop posting here
`/summit sources` — the watched sources and their health
Each brief gets a thread: mention me there with a question and I answer from that brief's articles."""  # noqa: E501
NOT_SUBSCRIBED = "This channel was not subscribed."
NOT_FOUND = "There is no stored brief yet. Brief an article with `/summit brief url:…`."


class Handlers:
    def __init__(self, service: SummitService, threads: Threads) -> None:
        self.service = service
        self.threads = threads

    async def brief(self, interaction: Interaction, *, url: str | None, topic: str | None) -> None:
        await _defer(interaction)
        if url:
            stored = await self.service.brief_source(url, untrusted=True)
        else:
            found = await self.service.latest_brief(topic)
            if found is None:
                raise BadInput(_not_found(topic))
            stored = found
        shown = await self.service.shown_brief(stored)
        await self._post_brief(interaction, stored.brief, stored.id, render_brief(shown))

    async def pledges(self, interaction: Interaction, *, topic: str | None) -> None:
        await _defer(interaction)
        found = await self.service.latest_brief(topic)
        if found is None:
            raise BadInput(_not_found(topic))
        shown = await self.service.shown_brief(found)
        messages = render_brief(only_pledges(shown), empty="*no pledges*")
        await self._post_brief(interaction, found.brief, found.id, messages)

    async def ledger(
        self, interaction: Interaction, *, filters: dict[str, str | None], page: str
    ) -> None:
        """The pledge ledger, filtered, one page: BadInput (answered privately) for a bad
        filter, before anything is shown."""
        query = build_query(filters)
        if not page.isdigit() or int(page) < 1:
            raise BadInput(f"page: {page!r} is not a page number")
        await _defer(interaction)
        entries, shown = await self.service.pledges_page(query, int(page), PAGE_SIZE)
        await _follow_up(interaction, render_ledger(entries, shown, query))

    async def ask(self, interaction: Interaction, *, question: str) -> None:
        await _defer(interaction)
        thread_id = interaction.channel_id or 0
        brief_id = await self.threads.brief_for(interaction.channel, interaction.client)
        conversation = self.threads.conversation(thread_id, brief_id) if brief_id else None
        answer = await self.service.ask(question, brief_id=brief_id, conversation=conversation)
        if conversation is not None:
            self.threads.remember(thread_id, conversation.after(question))
        await _follow_up(interaction, render_answer(answer))

    async def subscribe(self, interaction: Interaction, *, cron: str | None, timezone: str) -> None:
        channel = _manageable_channel(interaction)
        await _defer(interaction, ephemeral=True)
        # Channel ids are unique across Discord; the guild is kept so a server's channels can
        # be told apart (and removed together) from everyone else's.
        guild = str(interaction.guild_id or "")
        await self.service.subscribe(
            PLATFORM, str(channel), cron=cron, timezone=timezone, workspace=guild
        )
        schedule = f" and a digest on `{escape(cron)}` ({escape(timezone)})" if cron else ""
        text = f"Subscribed: new briefs will be posted here{schedule}."
        await _follow_up(interaction, notice(text))

    async def unsubscribe(self, interaction: Interaction) -> None:
        channel = _manageable_channel(interaction)
        await _defer(interaction, ephemeral=True)
        removed = await self.service.unsubscribe(PLATFORM, str(channel))
        text = "Unsubscribed: no more briefs here." if removed else NOT_SUBSCRIBED
        await _follow_up(interaction, notice(text))

    async def sources(self, interaction: Interaction) -> None:
        await _defer(interaction, ephemeral=True)
        await _follow_up(interaction, render_sources(await self.service.sources_status()))

    async def help(self, interaction: Interaction) -> None:
        await interaction.response.send_message(HELP, ephemeral=True)

    async def _post_brief(
        self, interaction: Interaction, brief: Brief, brief_id: int, messages: list[DiscordMessage]
    ) -> None:
        """The messages as follow-ups, then a thread on the first, linked to the brief."""
        sent = [await _follow_up(interaction, m) for m in messages]
        channel = interaction.channel
        # create_thread on the follow-up itself fails for want of guild info (PLATFORMS.md).
        thread = await self.threads.open(channel, sent[0], brief)
        if thread is not None and channel is not None:
            await self.threads.link(channel.id, thread.id, brief_id)


async def _defer(interaction: Interaction, *, ephemeral: bool = False) -> None:
    interaction.extras[PRIVATE] = ephemeral
    await interaction.response.defer(ephemeral=ephemeral, thinking=True)


async def _follow_up(interaction: Interaction, message: DiscordMessage) -> discord.Message:
    sent = await interaction.followup.send(**send_kwargs(message), wait=True)
    interaction.extras[POSTED] = True
    return sent


def _manageable_channel(interaction: Interaction) -> int:
    """The channel to (un)subscribe: a text channel the user may manage."""
    if not isinstance(interaction.channel, discord.TextChannel):
        raise BadInput("Use this in a text channel (not a thread or a DM).")
    if not interaction.permissions.manage_channels:
        raise BadInput("You need the Manage Channels permission here to change subscriptions.")
    return interaction.channel.id


def _not_found(topic: str | None) -> str:
    if topic:
        return f"No stored brief mentions “{escape(topic)}”."
    return NOT_FOUND


async def answer_error(interaction: Interaction, error: app_commands.AppCommandError) -> None:
    """Tell the user, ephemerally: the reason for bad input, a short apology for a bug."""
    cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(cause, BadInput):
        text = escape(str(cause))
    elif isinstance(cause, app_commands.CheckFailure):
        text = "You cannot use this command here."
    else:
        log.error("/%s failed", _name(interaction), exc_info=cause)
        text = "Something went wrong on our side; it has been logged. Please try again later."
    try:
        await _ephemeral(interaction, text)
    except discord.HTTPException:
        log.exception("could not tell the user that /%s failed", _name(interaction))


async def _ephemeral(interaction: Interaction, text: str) -> None:
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True)
        return
    if not interaction.extras.get(POSTED) and not interaction.extras.get(PRIVATE):
        # The first follow-up would replace the public "thinking…" placeholder: remove it so
        # the error goes to the user alone.
        await interaction.delete_original_response()
    await interaction.followup.send(text, ephemeral=True)


def _name(interaction: Interaction) -> str:
    command = interaction.command
    return command.qualified_name if command is not None else "summit"

"""The long-running bot's parts (`summit run`): the chat adapters the environment asks for, the
jobs that poll, deliver and send digests, the console's question loop, Slack's web role.

Built from one `Wiring` and one service; the front end (bot/cli/run.py) starts and stops them.
"""

from __future__ import annotations

import sys

from bot.adapters.console.adapter import ConsoleAdapter
from bot.adapters.console.qa import ConsoleQA
from bot.core.errors import BadInput, ConfigError
from bot.core.ports import ChatAdapter
from bot.delivery import OutboxSender
from bot.schedule import APScheduler
from bot.schedule.jobs import BotJobs, DigestSpec
from bot.schedule.scheduler import validate_cron
from bot.service import SummitService
from bot.wiring.app import Wiring

PLATFORMS = ("console", "slack", "discord")
WEB_ROLE_NEEDS = (
    "the web role serves Slack's HTTP endpoint: set SLACK_BOT_TOKEN and "
    "SLACK_SIGNING_SECRET without SLACK_APP_TOKEN, or run the worker alone"
)


def adapters(wiring: Wiring, service: SummitService, *, serve_http: bool) -> dict[str, ChatAdapter]:
    """The console always; Slack and Discord when their tokens are set."""
    settings, config = wiring.settings, wiring.config
    found: dict[str, ChatAdapter] = {
        "console": ConsoleAdapter(
            sys.stdout,
            log_path=config.console_log_path(),
            post_delay=config.console.post_delay_seconds,
        )
    }
    if settings.slack_bot_token or settings.slack_app_token or settings.slack_signing_secret:
        # Deferred: slack_bolt and slack_sdk load only when Slack is configured.
        from bot.adapters.slack.adapter import build_slack_adapter

        slack = build_slack_adapter(settings, service, serve_http=serve_http)
        if slack is not None:
            found["slack"] = slack
    if settings.discord_token:
        # Deferred: discord.py loads only when Discord is configured.
        from bot.adapters.discord import build_discord_adapter

        discord = build_discord_adapter(settings, service)
        if discord is not None:
            found["discord"] = discord
    return found


def jobs(wiring: Wiring, service: SummitService, chat: dict[str, ChatAdapter]) -> BotJobs:
    """The scheduler's jobs over the configured sources and destinations, checked first."""
    config = wiring.config
    check_destinations(wiring)
    digests = [DigestSpec(d.platform, d.channel, d.digest, d.timezone)
               for d in config.destinations if d.digest]  # fmt: skip
    return BotJobs(
        service.store,
        wiring.watcher(service, service.sources),
        OutboxSender(service.store, chat),
        APScheduler(),
        chat,
        digests=digests,
        outbox_seconds=config.watch.outbox_interval_seconds,
        jitter_seconds=config.watch.jitter_seconds,
    )


def console_qa(service: SummitService, bot_jobs: BotJobs) -> ConsoleQA:
    """Questions typed on stdin, answered once the first polling pass is done."""
    return ConsoleQA(service, sys.stdin, sys.stdout, ready=bot_jobs.first_pass)


def slack_web(wiring: Wiring, service: SummitService) -> ChatAdapter:
    """Slack's HTTP endpoint alone (the web role): commands and thread questions."""
    # Deferred: slack_bolt and slack_sdk, for this role only.
    from bot.adapters.slack.adapter import build_slack_adapter

    slack = build_slack_adapter(wiring.settings, service)
    if slack is None or slack.config.socket_mode:
        raise ConfigError(WEB_ROLE_NEEDS)
    return slack


def check_destinations(wiring: Wiring) -> None:
    """Configured destinations are checked at start, not when their first post fails."""
    for destination in wiring.config.destinations:
        where = f"destination {destination.platform}:{destination.channel}"
        if destination.platform not in PLATFORMS:
            raise ConfigError(f"{where}: unknown platform (one of {', '.join(PLATFORMS)})")
        if destination.digest:
            try:
                validate_cron(destination.digest, destination.timezone)
            except BadInput as exc:
                raise ConfigError(f"{where}: {exc}") from exc

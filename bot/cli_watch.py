"""Wiring for the long-running bot and the watcher: `summit run`, `summit watch`, `summit sources`.

Part of the CLI (the one wiring place), kept in its own module so `bot/cli.py` stays short.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.errors import BadInput, ConfigError

if TYPE_CHECKING:
    from bot.config import AppConfig
    from bot.core.ports import BriefEngine, ChatAdapter
    from bot.service import SummitService
    from bot.store import Store
    from bot.watch import WatchedSource, Watcher
    from bot.watch.relevance import Relevance

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_commands(commands: Any) -> None:
    run = commands.add_parser("run", help="the bot: watch sources, post briefs, answer questions")
    run.add_argument(
        "--role",
        choices=["all", "web", "worker"],
        default="all",
        help="all (default): everything in one process; web: Slack's HTTP endpoint only; "
        "worker: the scheduler, deliveries, Discord and Slack Socket Mode (see Procfile)",
    )
    run.set_defaults(handler=cmd_run)

    watch = commands.add_parser("watch", help="one polling pass over the sources")
    watch.add_argument("--once", action="store_true", help="one pass, then exit (required)")
    watch.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH",
                       help="poll this feed, page or folder, not the configured ones")  # fmt: skip
    watch.add_argument("--format", choices=["text", "json"], default="text")
    watch.set_defaults(handler=cmd_watch)

    sources = commands.add_parser("sources", help="each source's health")
    sources.add_argument("--format", choices=["text", "json"], default="text")
    sources.set_defaults(handler=cmd_sources)


def watched_sources(config: AppConfig) -> list[WatchedSource]:
    from bot.watch import WatchedSource

    return [WatchedSource.from_spec(spec, config) for spec in config.sources]


def build_watcher(
    config: AppConfig, store: Store, engine: BriefEngine, sources: Sequence[WatchedSource]
) -> Watcher:
    from bot.ingest.fetch import FetchPolicy
    from bot.store.watch import Destination
    from bot.watch import Watcher

    watch = config.watch
    policy = FetchPolicy(
        connect_timeout=watch.connect_timeout_seconds,
        total_timeout=watch.timeout_seconds,
        max_bytes=watch.max_bytes,
        max_redirects=watch.max_redirects,
    )
    return Watcher(
        store,
        engine,
        sources,
        destinations=[Destination(d.platform, d.channel) for d in config.destinations],
        relevance=relevance_of(config),
        policy=policy,
        host_interval=watch.host_min_interval_seconds,
        concurrency=watch.concurrency,
    )


def relevance_of(config: AppConfig) -> Relevance:
    from bot.watch.relevance import Relevance

    return Relevance(config.watch.relevance.entities, config.watch.relevance.keywords)


def cmd_watch(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.cli import _service
    from bot.watch import WatchedSource

    if not args.once:
        raise BadInput(
            "summit watch makes one pass: add --once (the long-running bot is `summit run`)"
        )
    _log_to_stderr()
    for given in args.source:
        path = Path(given)
        if "://" not in given and not path.exists():
            raise BadInput(f"{given}: no such file or folder")
        if "://" not in given and not (path.is_dir() or path.is_file()):
            raise BadInput(f"{given} is not a file or folder of articles")
    chosen = [WatchedSource.from_argument(s) for s in args.source] or watched_sources(config)
    failures: dict[str, str] = {}

    async def once() -> list[dict[str, object]]:
        async with _service(config) as service:
            watcher = build_watcher(config, service.store, service.engine, chosen)
            async with watcher:
                reports = [r.to_json_dict() for r in await watcher.poll()]
            failures.update(watcher.failures)
            return reports

    for report in asyncio.run(once()):
        print(json.dumps(report, ensure_ascii=False) if args.format == "json" else _line(report))
    if args.source and failures:
        # Sources asked for by hand that could not be read are bad input, as in `summit brief`.
        for name, reason in failures.items():
            print(f"summit: {name}: {reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.source:
        print(SOURCES_REMEMBERED, file=sys.stderr)
    return EXIT_OK


SOURCES_REMEMBERED = (
    "summit: note: --source sources are kept in the store (each entry is briefed once; "
    "`summit sources` lists them); `summit run` polls only configured sources but posts "
    "the briefs this pass queued"
)


def _line(report: dict[str, Any]) -> str:
    where = " · ".join(report["outlets"]) or report["source"]
    urls = " ".join(report["urls"])
    if report["relevant"]:
        return f"brief {report['brief_id']}: {report['title']} [{where}] {urls}".rstrip()
    return f"skipped: {report['title']} [{where}] {urls} — {report['reason']}"


def cmd_sources(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.cli import _service

    async def status() -> list[Any]:
        async with _service(config, briefing=False) as service:
            service.sources = watched_sources(config)
            return await service.sources_status()

    for item in asyncio.run(status()):
        if args.format == "json":
            print(json.dumps(item.to_json_dict(), ensure_ascii=False))
            continue
        success = item.last_success.isoformat(timespec="seconds") if item.last_success else "never"
        error = f"  last error: {item.last_error}" if item.last_error else ""
        print(f"{item.name}  [{item.status}]  {item.location}  last success: {success}  "
              f"items seen: {item.items_seen}{error}")  # fmt: skip
    return EXIT_OK


def cmd_run(args: argparse.Namespace, config: AppConfig) -> int:
    _log_to_stderr()
    asyncio.run(_run(config, args.role))
    return EXIT_OK


async def _run(config: AppConfig, role: str = "all") -> None:
    from bot.cli import _service

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with _service(config) as service:
        if role == "web":
            await _serve_web(service, stop)
        else:
            await _run_worker(config, service, stop, role=role)
    logging.getLogger(__name__).info("summit run: stopped cleanly")


async def _run_worker(
    config: AppConfig, service: SummitService, stop: asyncio.Event, *, role: str
) -> None:
    """The scheduler (polls, deliveries, digests) with every configured adapter. As one of N
    `worker` processes it drains deliveries beside the others and stands by for the lock."""
    from bot.adapters.console.qa import ConsoleQA
    from bot.delivery import OutboxSender
    from bot.schedule import APScheduler
    from bot.schedule.jobs import BotJobs, DigestSpec

    adapters = _adapters(config, service, serve_http=role == "all")
    _check_destinations(config)
    digests = [DigestSpec(d.platform, d.channel, d.digest, d.timezone)
               for d in config.destinations if d.digest]  # fmt: skip
    service.sources = watched_sources(config)
    watcher = build_watcher(config, service.store, service.engine, service.sources)
    jobs = BotJobs(
        service.store,
        watcher,
        OutboxSender(service.store, adapters),
        APScheduler(),
        adapters,
        digests=digests,
        outbox_seconds=config.watch.outbox_interval_seconds,
        jitter_seconds=config.watch.jitter_seconds,
    )
    console_qa = ConsoleQA(service, sys.stdin, sys.stdout, ready=jobs.first_pass)
    qa = asyncio.create_task(console_qa.run(), name="console-qa")
    qa.add_done_callback(_log_failure)
    try:
        await jobs.run(stop, standby=role == "worker")
    finally:
        qa.cancel()
        await asyncio.gather(qa, return_exceptions=True)


async def _serve_web(service: SummitService, stop: asyncio.Event) -> None:
    """Slack's HTTP endpoint alone: commands and thread questions, no scheduler."""
    from bot.adapters.slack.adapter import build_slack_adapter
    from bot.config import Settings

    slack = build_slack_adapter(Settings(), service)
    if slack is None or slack.config.socket_mode:
        raise ConfigError(
            "the web role serves Slack's HTTP endpoint: set SLACK_BOT_TOKEN and "
            "SLACK_SIGNING_SECRET without SLACK_APP_TOKEN, or run the worker alone"
        )
    await slack.start()
    try:
        await stop.wait()
    finally:
        await slack.stop()


def _adapters(
    config: AppConfig, service: SummitService, *, serve_http: bool
) -> dict[str, ChatAdapter]:
    """The console always; Slack and Discord when their tokens are set."""
    from bot.adapters.console.adapter import ConsoleAdapter
    from bot.config import Settings

    settings = Settings()
    adapters: dict[str, ChatAdapter] = {
        "console": ConsoleAdapter(
            sys.stdout,
            log_path=config.console_log_path(),
            post_delay=config.console.post_delay_seconds,
        )
    }
    if settings.slack_bot_token or settings.slack_app_token or settings.slack_signing_secret:
        from bot.adapters.slack.adapter import build_slack_adapter

        slack = build_slack_adapter(settings, service, serve_http=serve_http)
        if slack is not None:
            adapters["slack"] = slack
    if settings.discord_token:
        from bot.adapters.discord import build_discord_adapter

        discord = build_discord_adapter(settings, service)
        if discord is not None:
            adapters["discord"] = discord
    return adapters


PLATFORMS = ("console", "slack", "discord")


def _check_destinations(config: AppConfig) -> None:
    """Configured destinations are checked at start, not when their first post fails."""
    from bot.schedule.scheduler import validate_cron

    for destination in config.destinations:
        where = f"destination {destination.platform}:{destination.channel}"
        if destination.platform not in PLATFORMS:
            raise ConfigError(f"{where}: unknown platform (one of {', '.join(PLATFORMS)})")
        if destination.digest:
            try:
                validate_cron(destination.digest, destination.timezone)
            except BadInput as exc:
                raise ConfigError(f"{where}: {exc}") from exc


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        logging.getLogger(__name__).error(
            "task %s failed", task.get_name(), exc_info=(type(error), error, error.__traceback__)
        )


def _log_to_stderr() -> None:
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

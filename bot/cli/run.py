"""`summit run`: the bot, in one process or as a web or worker role, until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from typing import TYPE_CHECKING

from bot.cli.exits import EXIT_OK
from bot.cli.logs import log_to_stderr

if TYPE_CHECKING:
    from bot.service import SummitService
    from bot.wiring.app import Wiring

log = logging.getLogger(__name__)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="the bot: watch sources, post briefs, answer questions")
    run.add_argument(
        "--role",
        choices=["all", "web", "worker"],
        default="all",
        help="all (default): everything in one process; web: Slack's HTTP endpoint only; "
        "worker: the scheduler, deliveries, Discord and Slack Socket Mode (see Procfile)",
    )
    run.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace, wiring: Wiring) -> int:
    log_to_stderr()
    asyncio.run(_run(wiring, args.role))
    return EXIT_OK


async def _run(wiring: Wiring, role: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with wiring.service(watching=True) as service:
        if role == "web":
            await _serve_web(wiring, service, stop)
        else:
            await _run_worker(wiring, service, stop, role=role)
    log.info("summit run: stopped cleanly")


async def _run_worker(
    wiring: Wiring, service: SummitService, stop: asyncio.Event, *, role: str
) -> None:
    """The scheduler (polls, deliveries, digests) with every configured adapter. As one of N
    `worker` processes it drains deliveries beside the others and stands by for the lock."""
    # Deferred: the bot's parts (the scheduler, the poller's clustering, the adapters) are for
    # `summit run` only.
    from bot.wiring import run as parts

    jobs = parts.jobs(wiring, service, parts.adapters(wiring, service, serve_http=role == "all"))
    qa = asyncio.create_task(parts.console_qa(service, jobs).run(), name="console-qa")
    qa.add_done_callback(_log_failure)
    try:
        await jobs.run(stop, standby=role == "worker")
    finally:
        qa.cancel()
        await asyncio.gather(qa, return_exceptions=True)


async def _serve_web(wiring: Wiring, service: SummitService, stop: asyncio.Event) -> None:
    """Slack's HTTP endpoint alone: commands and thread questions, no scheduler."""
    # Deferred: the bot's parts and Slack's SDKs are for `summit run` only.
    from bot.wiring.run import slack_web

    slack = slack_web(wiring, service)
    await slack.start()
    try:
        await stop.wait()
    finally:
        await slack.stop()


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        log.error(
            "task %s failed", task.get_name(), exc_info=(type(error), error, error.__traceback__)
        )

"""The `summit` command: the parser, `main`, and the exit status each outcome maps to.

Exit status: 0 ok; 2 bad input or configuration (one-line reason on stderr); 1 a bug. Each
command group has its own module here; `main` builds the wiring once (bot/wiring/app.py) and
hands it to the command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.cli import brief, discord, pledges, run, watch
from bot.cli.exits import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK
from bot.core.errors import BadInput, ConfigError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summit", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config",
        type=Path,
        help="configuration file (default: $SUMMIT_CONFIG or config/default.yaml)",
    )
    parser.add_argument("--version", action="version", version=f"summit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    brief.add_commands(commands)  # brief, ask
    run.add_commands(commands)  # run
    watch.add_commands(commands)  # watch, sources
    discord.add_commands(commands)  # discord sync
    pledges.add_commands(commands)  # pledges
    brief.add_eval(commands)  # eval
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # Deferred: settings and configuration (pydantic, yaml) and the store (SQLAlchemy) are
        # built only once a command is parsed, so `--help` and `--version` load none of them.
        from bot.wiring.app import Wiring

        return int(args.handler(args, Wiring.from_command_line(args.config)))
    except (BadInput, ConfigError) as exc:
        print(f"summit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _configuration_errors() as exc:
        # A malformed environment variable (PORT=abc) or DATABASE_URL: configuration.
        print(f"summit: configuration: {_first_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`summit brief ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _configuration_errors() -> tuple[type[Exception], ...]:
    """pydantic's and SQLAlchemy's errors that mean bad configuration. Evaluated only when an
    exception reaches `main`, so `--help` never imports either library to name them."""
    from pydantic import ValidationError
    from sqlalchemy.exc import ArgumentError

    return (ValidationError, ArgumentError)


def _first_line(exc: Exception) -> str:
    # Deferred: pydantic, only once a configuration error has been raised.
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]).upper()
        return f"{where}: {error['msg']}"
    return str(exc).splitlines()[0]

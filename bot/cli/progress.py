"""The progress of `summit brief` over several sources: tqdm's bar on a terminal, else none."""

from __future__ import annotations

import sys
from typing import Protocol, TextIO


class Progress(Protocol):
    def update(self) -> None: ...
    def write(self, text: str, out: TextIO) -> None: ...
    def close(self) -> None: ...


class _Plain:
    """No bar: output goes straight through (a pipe, a log, a single source)."""

    def update(self) -> None:
        pass

    def write(self, text: str, out: TextIO) -> None:
        print(text, file=out)

    def close(self) -> None:
        pass


class _Bar:
    """tqdm's bar on stderr; lines are written above it, so the bar stays on the last line."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm  # deferred: only a terminal briefing several sources draws a bar

        self._tqdm = tqdm
        self._bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)

    def update(self) -> None:
        self._bar.update()

    def write(self, text: str, out: TextIO) -> None:
        self._tqdm.write(text, file=out)

    def close(self) -> None:
        self._bar.close()


def progress(total: int) -> Progress:
    """A bar when several sources are briefed and stderr is a terminal; none otherwise."""
    if total > 1 and sys.stderr.isatty():
        return _Bar(total)
    return _Plain()

"""Questions typed on stdin, answered about the latest brief (follow-ups keep their frame).

stdin is read by a daemon thread, so a closed stdin (CI, a process manager) just ends this
loop, and a blocked read never holds up shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import TextIO

from bot.qa.context import Conversation
from bot.qa.render import render_answer_text
from bot.service import SummitService

log = logging.getLogger(__name__)


class ConsoleQA:
    def __init__(
        self,
        service: SummitService,
        stdin: TextIO,
        out: TextIO,
        ready: asyncio.Event | None = None,
    ) -> None:
        self.service = service
        self.stdin = stdin
        self.out = out
        self.ready = ready  # questions wait for it: the first poll pass has briefed the sources
        self._conversation = Conversation()

    async def run(self) -> None:
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=self._read, args=(loop, lines), name="console-stdin", daemon=True
        ).start()
        while (line := await lines.get()) is not None:
            if self.ready is not None:
                await self.ready.wait()
            if line.strip():
                await self.answer(line.strip())
        log.info("stdin closed: the console takes no more questions; the bot keeps running")

    async def answer(self, question: str) -> str:
        latest = await self.service.latest_brief()
        brief_id = latest.id if latest else None
        if self._conversation.brief_id != brief_id:
            self._conversation = Conversation(brief_id=brief_id)
        answer = await self.service.ask(
            question, brief_id=brief_id, conversation=self._conversation
        )
        self._conversation = self._conversation.after(question)
        text = render_answer_text(answer)
        self.out.write(f"{text}\n\n")
        self.out.flush()
        return text

    def _read(self, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | None]) -> None:
        try:
            with contextlib.suppress(OSError, ValueError):
                for line in self.stdin:
                    loop.call_soon_threadsafe(lines.put_nowait, line)
        finally:
            with contextlib.suppress(RuntimeError):  # the loop already closed: shutting down
                loop.call_soon_threadsafe(lines.put_nowait, None)

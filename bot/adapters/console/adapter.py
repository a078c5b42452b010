"""The console as a chat platform: briefs printed to a stream, each post recorded in a log.

The log (one JSON line per post: key, message id, channel, brief ids) is what makes console
posts exactly-once across crashes: the outbox sender asks `already_posted(key)` on restart.
A record is appended with one write(2) on an O_APPEND file and fsync'd before the post counts,
so after a SIGKILL it is either wholly there or not there.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.adapters.console.render import render_text
from bot.adapters.shared.keyed import KeyedAdapter
from bot.adapters.shared.render import clean
from bot.core.models import Brief
from bot.core.ports import PostedMessage

PLATFORM = "console"


class ConsoleAdapter(KeyedAdapter):
    platform = PLATFORM

    def __init__(
        self,
        out: TextIO | None = None,
        *,
        log_path: Path | None = None,
        post_delay: float = 0.0,
    ) -> None:
        self.out = out or sys.stdout
        self.log_path = log_path
        # Tests slow posting down to kill the bot mid-post; half before the record, half after
        # (a platform that took the post but whose answer never came back).
        self.post_delay = post_delay
        self._last_id = 0
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        records = await asyncio.to_thread(self._records)
        self._last_id = max((int(str(r.get("message_id", 0))) for r in records), default=0)

    async def stop(self) -> None:
        self.out.flush()

    async def post_brief_keyed(
        self, channel: str, brief: Brief, brief_id: int, key: str
    ) -> PostedMessage:
        return await self._post(channel, render_text(brief), key, [brief_id], f"brief {brief_id}")

    async def post_digest_keyed(
        self, channel: str, briefs: Sequence[Brief], title: str, key: str
    ) -> PostedMessage:
        lines = [clean(title)] + [f"  • {clean(b.headline)} ({_where(b)})" for b in briefs]
        return await self._post(channel, "\n".join(lines), key, [], "digest")

    async def reply_in_thread(self, channel: str, thread_id: str, text: str) -> PostedMessage:
        lines = "\n".join(clean(line) for line in text.splitlines())
        return await self._post(channel, lines, "", [], f"reply under message {clean(thread_id)}")

    async def already_posted(self, channel: str, key: str) -> PostedMessage | None:
        for record in await asyncio.to_thread(self._records):
            if key and record.get("key") == key and record.get("channel") == channel:
                return PostedMessage(PLATFORM, channel, str(record["message_id"]))
        return None

    async def _post(
        self, channel: str, text: str, key: str, brief_ids: list[int], label: str
    ) -> PostedMessage:
        async with self._lock:
            await asyncio.sleep(self.post_delay / 2)
            self._last_id += 1
            message_id = str(self._last_id)
            record: dict[str, object] = {
                "key": key,
                "message_id": message_id,
                "channel": channel,
                "brief_ids": brief_ids,
                "at": datetime.now(UTC).isoformat(),
            }
            await asyncio.to_thread(self._append, record)
            self.out.write(f"── #{message_id} {PLATFORM}:{channel} · {label} ──\n{text}\n\n")
            self.out.flush()
            await asyncio.sleep(self.post_delay / 2)
            return PostedMessage(PLATFORM, channel, message_id)

    def _append(self, record: dict[str, object]) -> None:
        if self.log_path is None:
            return
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _records(self) -> list[dict[str, object]]:
        if self.log_path is None or not self.log_path.exists():
            return []
        records = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a torn line cannot be a completed post
        return records


def _where(brief: Brief) -> str:
    return clean(brief.article.source or brief.article.url or brief.article.title)

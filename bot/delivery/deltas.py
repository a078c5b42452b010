"""Posts story deltas in the threads of the briefs they update, once those briefs are posted.

An adapter without thread replies (ThreadReplies) leaves its deltas failed with the reason;
a platform error is retried on the next drain, a few times at most. Each delta is claimed
(pending → sending) before it is posted, so of N workers one posts it; a worker killed between
claim and record leaves it in 'sending': a follow-up note is at most once, never doubled.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.core.ports import ChatAdapter, ThreadReplies
from bot.store import Store

log = logging.getLogger(__name__)
NO_THREADS = "this platform's adapter cannot reply in threads"


class DeltaSender:
    def __init__(self, store: Store, adapters: Mapping[str, ChatAdapter]) -> None:
        self.store = store
        self.adapters = adapters

    async def drain(self) -> int:
        """Post every delta whose thread is known and whose platform has an adapter."""
        sent = 0
        for delta in await self.store.deltas.pending():
            adapter = self.adapters.get(delta.platform)
            if adapter is None:
                continue
            if not isinstance(adapter, ThreadReplies):
                await self.store.deltas.mark_failed(delta.id, NO_THREADS)
                continue
            if not await self.store.deltas.claim(delta.id):
                continue  # another worker is posting it
            try:
                posted = await adapter.reply_in_thread(delta.channel, delta.thread_id, delta.text)
            except Exception as exc:
                log.exception("story delta %d to %s:%s failed", delta.id, delta.platform,
                              delta.channel)  # fmt: skip
                await self.store.deltas.mark_failed(delta.id, f"{type(exc).__name__}: {exc}")
                continue
            await self.store.deltas.mark_sent(delta.id, posted.message_id)
            sent += 1
        return sent

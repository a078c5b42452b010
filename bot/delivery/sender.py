"""Drains the outbox into chat adapters, recording each platform message id.

The guarantee, precisely:
- A deliveries row is written in the same transaction as its brief, so a stored brief always
  has its rows and a brief that was not stored has none: nothing is lost before posting.
- Before posting, `claim` commits the row as 'sending' (attempts + 1); after the platform
  answers, `mark_sent` commits 'sent' with the message id. A row is posted only from 'pending'.
- A crash (SIGKILL, power loss) between those two commits leaves the row 'sending': we cannot
  know whether the platform took the post. On the next start `recover` asks the adapter, when
  it implements `KeyedPosting`, whether a post with the row's key (`summit-brief-<id>`)
  exists: if so the row is marked sent with that message id, if not it goes back to pending.
  So with a keyed adapter every brief reaches every destination exactly once. An adapter that
  cannot answer gets the row marked 'failed' ("interrupted while posting"): at most once, and
  visible, never silently doubled.
- A post that fails with an error goes back to pending for another try, up to
  `max_attempts`, then 'failed'. A destination whose platform has no adapter running stays
  pending until one runs.
- With N workers (`summit run --role worker` on PostgreSQL) each row is claimed by exactly one
  of them (FOR UPDATE SKIP LOCKED) and stamped with its owner. Each worker holds a lease
  (`worker:<host:pid>`, heartbeat) while it runs; a row in 'sending' whose owner's lease is
  gone or stale, or whose process is dead on this host, is in doubt: one live worker adopts
  it (compare-and-set) and settles it by the same ask-before-repost rule as a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import timedelta

from bot.core.models import Brief
from bot.core.ports import ChatAdapter, KeyedPosting, PostedMessage
from bot.delivery.deltas import DeltaSender
from bot.ledger.ledger import Ledger
from bot.store import Store
from bot.store.outbox import Claimed, OutboxKind

log = logging.getLogger(__name__)
KINDS: tuple[OutboxKind, ...] = ("brief", "digest")
WORKER_LEASE = "worker:"
# A worker heartbeats every WORKER_HEARTBEAT; one silent for WORKER_STALE_AFTER is taken for dead
# (sooner on its own host, where a vanished pid says so at once).
WORKER_HEARTBEAT = timedelta(seconds=10)
WORKER_STALE_AFTER = timedelta(seconds=60)
UNCERTAIN = (
    "interrupted while posting; the platform cannot tell whether it landed, so it is not re-posted"
)


class OutboxSender:
    def __init__(
        self,
        store: Store,
        adapters: Mapping[str, ChatAdapter],
        *,
        max_attempts: int = 5,
        owner: str | None = None,
    ) -> None:
        self.store = store
        self.adapters = dict(adapters)
        self.max_attempts = max_attempts
        self.owner = owner  # set when this sender runs beside others (it holds a worker lease)
        self._lock = asyncio.Lock()  # one drain at a time: rows go out in order

    async def recover(self) -> None:
        """Settle rows a dead process left in 'sending' (call once, before draining)."""
        async with self._lock:
            await self._recover()

    async def drain(self) -> int:
        """Post every pending row that has an adapter; the number posted. Beside other workers
        (an owner set), first adopt and settle what a worker that died left mid-post."""
        sent = 0
        async with self._lock:
            if self.owner is not None:
                await self._recover()
            for kind in KINDS:
                tried: set[int] = set()
                while claimed := await self.store.outbox.claim(
                    kind, self.adapters, exclude=tried, owner=self.owner
                ):
                    tried.add(claimed.id)
                    sent += await self._send(claimed)
            # What later coverage added to a story goes under its brief, once that is posted.
            sent += await DeltaSender(self.store, self.adapters).drain()
        return sent

    async def _recover(self) -> None:
        live: set[str] = set()
        if self.owner is not None:
            live = await self.store.locks.holders(WORKER_LEASE, stale_after=WORKER_STALE_AFTER)
        for kind in KINDS:
            doubtful = await self.store.outbox.in_doubt(
                kind, self.adapters, owner=self.owner, live=live
            )
            for claimed in doubtful:
                try:
                    await self._settle(claimed)
                except Exception:
                    # The platform could not be asked (channel gone, not ready): the row
                    # stays in doubt, to be asked again by the next drain, and the others go on.
                    log.exception("could not settle %s to %s:%s; left in doubt",
                                  claimed.key, claimed.platform, claimed.channel)  # fmt: skip
                    await self.store.outbox.disown(claimed)

    async def _settle(self, claimed: Claimed) -> None:
        adapter = self.adapters[claimed.platform]
        if not isinstance(adapter, KeyedPosting):
            log.warning(
                "%s to %s:%s: %s", claimed.key, claimed.platform, claimed.channel, UNCERTAIN
            )
            await self.store.outbox.mark_failed(claimed, UNCERTAIN, retry=False)
            return
        found = await adapter.already_posted(claimed.channel, claimed.key)
        if found is None:
            log.info("%s was not posted before the restart: posting it again", claimed.key)
            await self.store.outbox.release(claimed)
            return
        log.info("%s was posted before the restart (message %s)", claimed.key, found.message_id)
        await self._record(claimed, found)

    async def _send(self, claimed: Claimed) -> int:
        try:
            # A retry first asks whether the failed attempt landed after all (a lost reply, a
            # series cut short after its first message): a post is never doubled.
            adapter = self.adapters[claimed.platform]
            landed = (
                await adapter.already_posted(claimed.channel, claimed.key)
                if claimed.attempts > 1 and isinstance(adapter, KeyedPosting)
                else None
            )
            posted = landed or await self._post(claimed)
        except Exception as exc:  # a platform error: recorded on the row, retried later
            retry = claimed.attempts < self.max_attempts
            log.exception("posting %s to %s:%s failed", claimed.key, claimed.platform,
                          claimed.channel)  # fmt: skip
            await self.store.outbox.mark_failed(
                claimed, f"{type(exc).__name__}: {exc}", retry=retry
            )
            return 0
        await self._record(claimed, posted)
        return 1

    async def _record(self, claimed: Claimed, posted: PostedMessage) -> None:
        await self.store.outbox.mark_sent(claimed, posted.message_id, posted.thread_id)
        if claimed.kind == "brief":
            thread = posted.thread_id or posted.message_id
            await self.store.link_thread(
                claimed.platform, claimed.channel, thread, claimed.brief_ids[0]
            )

    async def _post(self, claimed: Claimed) -> PostedMessage:
        adapter = self.adapters[claimed.platform]
        briefs = [b for b in [await self._brief(i) for i in claimed.brief_ids] if b is not None]
        keyed = adapter if isinstance(adapter, KeyedPosting) else None
        if claimed.kind == "digest":
            title = digest_title(claimed)
            if keyed is not None:
                return await keyed.post_digest_keyed(claimed.channel, briefs, title, claimed.key)
            return await adapter.post_digest(claimed.channel, briefs, title)
        if not briefs:
            raise LookupError(f"brief {claimed.brief_ids[0]} is no longer stored")
        brief_id = claimed.brief_ids[0]
        if keyed is not None:
            return await keyed.post_brief_keyed(claimed.channel, briefs[0], brief_id, claimed.key)
        return await adapter.post_brief(claimed.channel, briefs[0], brief_id)

    async def _brief(self, brief_id: int) -> Brief | None:
        """The stored brief, its source line naming every outlet that carried the story."""
        brief = await self.store.get_brief(brief_id)
        if brief is None:
            return None
        brief = await Ledger(self.store).shown(brief_id, brief)  # bullets marked repeat/change
        outlets = await self.store.watch.outlets_for_brief(brief_id)
        if len(outlets) < 2:
            return brief
        article = brief.article.model_copy(update={"source": ", ".join(outlets)})
        return brief.model_copy(update={"article": article})


def digest_title(claimed: Claimed) -> str:
    start, end = claimed.period_start, claimed.period_end
    if start is None or end is None:
        return "Summit digest"
    return f"Summit digest · {start:%d %b %H:%M} – {end:%d %b %H:%M} UTC"

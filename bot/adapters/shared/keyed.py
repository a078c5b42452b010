"""`KeyedAdapter`: the base class of every adapter here (console, Slack, Discord), whose posts
carry the outbox's delivery key (`KeyedPosting`, so a post a crash interrupted is found again).
A subclass writes the keyed posts; the plain `ChatAdapter` posts are those with no key."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from bot.core.models import Brief
from bot.core.ports import PostedMessage


class KeyedAdapter(ABC):
    @abstractmethod
    async def post_brief_keyed(
        self, channel: str, brief: Brief, brief_id: int, key: str
    ) -> PostedMessage: ...

    @abstractmethod
    async def post_digest_keyed(
        self, channel: str, briefs: Sequence[Brief], title: str, key: str
    ) -> PostedMessage: ...

    async def post_brief(self, channel: str, brief: Brief, brief_id: int) -> PostedMessage:
        return await self.post_brief_keyed(channel, brief, brief_id, "")

    async def post_digest(self, channel: str, briefs: Sequence[Brief], title: str) -> PostedMessage:
        return await self.post_digest_keyed(channel, briefs, title, "")

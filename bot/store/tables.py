"""The tables. Alembic's migrations in `migrations/versions` must describe exactly this schema
(a test compares them), so a change here comes with a new revision."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Always aware, always UTC: SQLite keeps no offset, so one is put back on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store keeps aware UTC times only")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stamp: datetime = value
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    dateline: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class BriefRow(Base):
    __tablename__ = "briefs"
    # NULLs never collide in a unique constraint, so the repository also looks before it
    # inserts; the constraint still catches duplicates when every key column is set.
    __table_args__ = (
        UniqueConstraint("article_id", "engine", "prompt_version", "model", name="uq_briefs_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    engine: Mapped[str] = mapped_column(String(32))
    prompt_version: Mapped[str | None] = mapped_column(String(64))
    model: Mapped[str | None] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    prompt_tokens: Mapped[int | None] = mapped_column(Integer)
    completion_tokens: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, index=True)


class ThreadRow(Base):
    """A chat thread (Slack thread_ts, Discord thread id) bound to the brief posted there."""

    __tablename__ = "threads"
    __table_args__ = (UniqueConstraint("platform", "channel", "thread_id", name="uq_threads_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(128))
    thread_id: Mapped[str] = mapped_column(String(128))
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


# -- watching, stories and delivery (revision 0002) -----------------------------------------


class SourceRow(Base):
    """A watched source's state: conditional-GET validators, health and backoff."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(1000), unique=True)  # the URL or absolute path
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="new")  # new | ok | failing
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    seeded: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # Shared polling (revision 0006): due at `next_poll_at` (NULL: `summit run` does not poll
    # it), and polled by `claimed_by` (host:pid) until `claim_expires_at`, renewed while alive.
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StoryRow(Base):
    """One news story: the articles (outlets) that carry it, briefed once."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    brief_id: Mapped[int | None] = mapped_column(
        ForeignKey("briefs.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    signature: Mapped[list[int]] = mapped_column(JSON)  # MinHash values, for near-duplicates
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, index=True)


class StoryArticleRow(Base):
    __tablename__ = "story_articles"
    __table_args__ = (UniqueConstraint("story_id", "article_id", name="uq_story_articles_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class EntryRow(Base):
    """One feed entry, page or file seen at a source, and what became of it."""

    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("source_id", "entry_key", name="uq_entries_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    entry_key: Mapped[str] = mapped_column(String(1000))  # guid, else link, else a hash
    url: Mapped[str | None] = mapped_column(Text, index=True)  # canonical
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16))  # briefed|duplicate|skipped|seeded|failed
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class SubscriptionRow(Base):
    """A chat channel that asked for briefs; `digest_cron` (in `timezone`) adds a roll-up.

    `workspace` is the Slack workspace (team id) or Discord guild the channel belongs to, ""
    for a single-workspace deployment. A Slack channel in a multi-workspace deployment is
    addressed with its workspace in `channel` too ("T0123/C0456"), so deliveries, digests and
    threads copied from it stay that workspace's."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("platform", "channel", name="uq_subscriptions_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    workspace: Mapped[str] = mapped_column(String(64), default="", server_default="", index=True)
    channel: Mapped[str] = mapped_column(String(128))
    digest_cron: Mapped[str | None] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class DeliveryRow(Base):
    """The outbox: one row per (brief, destination), written in the brief's transaction."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("brief_id", "platform", "channel", name="uq_deliveries_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str | None] = mapped_column(String(128))
    thread_id: Mapped[str | None] = mapped_column(String(128))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # The worker (host:pid) that set 'sending': its lease tells a live claim from a dead one.
    claimed_by: Mapped[str | None] = mapped_column(String(200))


class DigestRow(Base):
    """A scheduled roll-up for one destination and period, sent through the same outbox rules."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("platform", "channel", "period_end", name="uq_digests_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(128))
    period_start: Mapped[datetime] = mapped_column(UTCDateTime())
    period_end: Mapped[datetime] = mapped_column(UTCDateTime())
    brief_ids: Mapped[list[int]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str | None] = mapped_column(String(128))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # The worker (host:pid) that set 'sending': its lease tells a live claim from a dead one.
    claimed_by: Mapped[str | None] = mapped_column(String(200))


class LockRow(Base):
    """A named lease: one scheduler per database."""

    __tablename__ = "locks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())

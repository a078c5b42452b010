"""The pledge ledger's tables (revision 0003): entries, and the sources that report each."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.tables import Base, UTCDateTime, utc_now


class LedgerEntryRow(Base):
    """One commitment: one actor, one deliverable, one event (summit or day)."""

    __tablename__ = "ledger_entries"
    # Filing reads an actor's entries only, and filtered queries go by actor and date.
    __table_args__ = (Index("ix_ledger_entries_actor_day", "actor_key", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)  # the public id, stable on rebuild
    actor: Mapped[str] = mapped_column(String(200))
    actor_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    pillar: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    figures: Mapped[list[str]] = mapped_column(JSON)
    amounts: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    terms: Mapped[list[str]] = mapped_column(JSON)  # the deliverable's stems, for matching
    summit: Mapped[str | None] = mapped_column(String(300))
    summit_key: Mapped[str | None] = mapped_column(String(300))
    day: Mapped[date | None] = mapped_column(Date, index=True)
    dated: Mapped[bool] = mapped_column(Boolean)  # `day` is the article's date, not filing's
    status: Mapped[str] = mapped_column(String(16), index=True)
    first_seen_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entries.id", ondelete="SET NULL")
    )
    previous_figures: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class LedgerDeltaRow(Base):
    """What a later article added to a briefed story, to post in the thread of the story's
    brief: one row per (later brief, destination), sent once the story's own post is."""

    __tablename__ = "ledger_deltas"
    __table_args__ = (
        UniqueConstraint("copy_brief_id", "platform", "channel", name="uq_ledger_deltas_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"))
    copy_brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str | None] = mapped_column(String(128))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class LedgerSourceRow(Base):
    """A report of an entry: the brief (article) and the sentence that carries it."""

    __tablename__ = "ledger_sources"
    __table_args__ = (
        UniqueConstraint(
            "entry_id", "brief_id", "span_start", "span_end", name="uq_ledger_sources_key"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("ledger_entries.id", ondelete="CASCADE"), index=True
    )
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)

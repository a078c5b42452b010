"""Watched sources, entries and stories; subscriptions, the deliveries outbox, digests, locks.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _stamp(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(1000), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("etag", sa.String(500), nullable=True),
        sa.Column("last_modified", sa.String(100), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        _stamp("retry_at", nullable=True),
        _stamp("last_polled_at", nullable=True),
        _stamp("last_success_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _stamp("last_error_at", nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("seeded", sa.Boolean(), nullable=False),
        _stamp("created_at"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "brief_id",
            sa.Integer(),
            sa.ForeignKey("briefs.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("signature", sa.JSON(), nullable=False),
        _stamp("created_at"),
    )
    op.create_index("ix_stories_brief_id", "stories", ["brief_id"])
    op.create_index("ix_stories_created_at", "stories", ["created_at"])
    op.create_table(
        "story_articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "story_id",
            sa.Integer(),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(200), nullable=True),
        _stamp("created_at"),
        sa.UniqueConstraint("story_id", "article_id", name="uq_story_articles_key"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "source_id",
            sa.Integer(),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("entry_key", sa.String(1000), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column(
            "story_id",
            sa.Integer(),
            sa.ForeignKey("stories.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        _stamp("created_at"),
        sa.UniqueConstraint("source_id", "entry_key", name="uq_entries_key"),
    )
    op.create_index("ix_entries_url", "entries", ["url"])
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("digest_cron", sa.String(100), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        _stamp("created_at"),
        sa.UniqueConstraint("platform", "channel", name="uq_subscriptions_key"),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "brief_id", sa.Integer(), sa.ForeignKey("briefs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=True),
        sa.Column("thread_id", sa.String(128), nullable=True),
        _stamp("sent_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _stamp("created_at"),
        sa.UniqueConstraint("brief_id", "platform", "channel", name="uq_deliveries_key"),
    )
    op.create_index("ix_deliveries_status", "deliveries", ["status"])
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        _stamp("period_start"),
        _stamp("period_end"),
        sa.Column("brief_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=True),
        _stamp("sent_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _stamp("created_at"),
        sa.UniqueConstraint("platform", "channel", "period_end", name="uq_digests_key"),
    )
    op.create_index("ix_digests_status", "digests", ["status"])
    op.create_table(
        "locks",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        _stamp("heartbeat_at"),
    )


def downgrade() -> None:
    op.drop_table("locks")
    op.drop_index("ix_digests_status", table_name="digests")
    op.drop_table("digests")
    op.drop_index("ix_deliveries_status", table_name="deliveries")
    op.drop_table("deliveries")
    op.drop_table("subscriptions")
    op.drop_index("ix_entries_url", table_name="entries")
    op.drop_table("entries")
    op.drop_index("ix_story_articles_story_id", table_name="story_articles")
    op.drop_table("story_articles")
    op.drop_index("ix_stories_created_at", table_name="stories")
    op.drop_index("ix_stories_brief_id", table_name="stories")
    op.drop_table("stories")
    op.drop_table("sources")

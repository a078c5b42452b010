"""The pledge ledger: entries, their sources, and story deltas to post in threads.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def _stamp(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(32), nullable=False, unique=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("actor_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("pillar", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("amounts", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("summit", sa.String(300), nullable=True),
        sa.Column("summit_key", sa.String(300), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column(
            "first_seen_id",
            sa.Integer(),
            sa.ForeignKey("ledger_entries.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("previous_figures", sa.JSON(), nullable=False),
        _stamp("created_at"),
    )
    op.create_index("ix_ledger_entries_actor_day", "ledger_entries", ["actor_key", "day"])
    op.create_index("ix_ledger_entries_pillar", "ledger_entries", ["pillar"])
    op.create_index("ix_ledger_entries_day", "ledger_entries", ["day"])
    op.create_index("ix_ledger_entries_status", "ledger_entries", ["status"])
    op.create_table(
        "ledger_sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("ledger_entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "brief_id", sa.Integer(), sa.ForeignKey("briefs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        _stamp("created_at"),
        sa.UniqueConstraint(
            "entry_id", "brief_id", "span_start", "span_end", name="uq_ledger_sources_key"
        ),
    )
    op.create_index("ix_ledger_sources_entry_id", "ledger_sources", ["entry_id"])
    op.create_index("ix_ledger_sources_brief_id", "ledger_sources", ["brief_id"])
    op.create_table(
        "ledger_deltas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "story_brief_id",
            sa.Integer(),
            sa.ForeignKey("briefs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "copy_brief_id",
            sa.Integer(),
            sa.ForeignKey("briefs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _stamp("created_at"),
        sa.UniqueConstraint("copy_brief_id", "platform", "channel", name="uq_ledger_deltas_key"),
    )
    op.create_index("ix_ledger_deltas_status", "ledger_deltas", ["status"])


def downgrade() -> None:
    op.drop_table("ledger_deltas")
    op.drop_table("ledger_sources")
    op.drop_table("ledger_entries")

"""Source polls shared by N workers: when each source is next due, and which worker holds it
until when.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("next_poll_at", "claimed_by", "claim_expires_at")


def upgrade() -> None:
    # batch mode: SQLite alters a table by copying it; PostgreSQL gets a plain ALTER.
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("claim_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_sources_next_poll_at", ["next_poll_at"])


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_index("ix_sources_next_poll_at")
        for column in reversed(_COLUMNS):
            batch.drop_column(column)

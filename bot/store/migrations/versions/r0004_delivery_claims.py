"""Who claimed each outbox row, so N workers can tell a live claim from a dead worker's.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_OUTBOX = ("deliveries", "digests")


def upgrade() -> None:
    for table in _OUTBOX:
        # batch mode: SQLite alters a table by copying it; PostgreSQL gets a plain ALTER.
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("claimed_by", sa.String(200), nullable=True))


def downgrade() -> None:
    for table in _OUTBOX:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("claimed_by")

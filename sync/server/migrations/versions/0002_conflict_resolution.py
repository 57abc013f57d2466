"""Conflicts get a resolution: when, how (kept_server | dismissed) and why.

A parked conflict without ``resolved_at`` is open. ``kept_server``: the
administrator closed it (`jemput-server resolve-conflict`), the server's copy
stays. ``dismissed``: the device sent a new version replacing that recording,
so the parked copy no longer matters. One CHECK keeps the three columns
together (all empty, or all set with a known resolution); rows already there
stay open.

Revision ID: 0002
Revises: 0001
Create Date: 2025-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHECK_NAME = "ck_conflicts_resolution"
CHECK = ("(resolved_at IS NULL AND resolution IS NULL AND reason IS NULL)"
         " OR (resolved_at IS NOT NULL AND resolution IN ('kept_server', 'dismissed') AND reason IS NOT NULL)")


def upgrade() -> None:
    # Batch mode: SQLite cannot add a CHECK to an existing table, so it copies the
    # table (rows included); PostgreSQL gets plain ALTER TABLE statements.
    with op.batch_alter_table("conflicts") as batch:
        batch.add_column(sa.Column("resolved_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("resolution", sa.String(20), nullable=True))
        batch.add_column(sa.Column("reason", sa.String(500), nullable=True))
        batch.create_check_constraint(CHECK_NAME, CHECK)
        batch.create_index("ix_conflicts_resolved_at", ["resolved_at"])


def downgrade() -> None:
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_index("ix_conflicts_resolved_at")
        batch.drop_constraint(CHECK_NAME, type_="check")
        batch.drop_column("reason")
        batch.drop_column("resolution")
        batch.drop_column("resolved_at")

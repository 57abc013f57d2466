"""Several workers: per-device status sequence, registration failures in the database.

``devices.status_seq``: each device's own change sequence for its status feed
(the feed is per device), so writers for different devices never wait on one
row; every device starts from the old shared ``recordings`` counter, so no
cursor a laptop holds goes backwards, and that counter row goes.
``register_failures``: failed enrollment codes per client address, counted
by every worker process alike (`sync.server.ratelimit`).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("status_seq", sa.BigInteger, nullable=False, server_default="0"))
    op.execute("UPDATE devices SET status_seq = COALESCE("
               "(SELECT value FROM counters WHERE name = 'recordings'), 0)")
    op.execute("DELETE FROM counters WHERE name = 'recordings'")
    op.create_table(
        "register_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_register_failures_address_at", "register_failures", ["address", "at"])
    op.create_index("ix_register_failures_at", "register_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_register_failures_at", "register_failures")
    op.drop_index("ix_register_failures_address_at", "register_failures")
    op.drop_table("register_failures")
    op.execute("INSERT INTO counters (name, value) SELECT 'recordings', COALESCE(MAX(status_seq), 0) FROM devices")
    op.drop_column("devices", "status_seq")  # SQLite >= 3.35 drops a column in place

"""The laptops' audit trails: every entry received, and where a device's chain was rewritten.

``audit_entries``: one row per (device, entry id) as first received, never
changed afterwards. ``audit_flags``: an entry that no longer continues the
server's copy (a rewritten chain), whose hash does not recompute, or whose
link names another previous entry; a device with a row here is flagged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("ts", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("recording_uuid", sa.String(36)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "audit_flags",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("held_hash", sa.String(64)),
        sa.Column("received_hash", sa.String(64), nullable=False),
        sa.Column("flagged_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("device_id", "seq", "kind", "received_hash", name="uq_audit_flags"),
    )


def downgrade() -> None:
    op.drop_table("audit_flags")
    op.drop_table("audit_entries")

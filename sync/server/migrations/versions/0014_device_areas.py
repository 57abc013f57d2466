"""A device's area as a list of region codes, and an epoch that moves when the admin changes it.

``device_areas`` holds the digit prefixes of the codes a device covers (one
kab/kota or kecamatan, or a list of kelurahan); the target feed sends the
targets whose kelurahan digits start with one of them. ``devices.area_epoch``
counts the admin's changes: the feed's cursor carries the epoch it was made
under, so the first pull after a change starts the new area from the beginning
(`sync.server.feeds`). Existing devices keep their one area code.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_areas",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("digits", sa.String(10), primary_key=True),
    )
    op.add_column("devices", sa.Column("area_epoch", sa.Integer, nullable=False, server_default="0"))
    # a kelurahan's targets in feed order, without a sort per page
    op.create_index("ix_targets_kelurahan_seq", "targets", ["kelurahan_digits", "seq"])
    op.execute("INSERT INTO device_areas (device_id, digits) SELECT id, area_digits FROM devices")


def downgrade() -> None:
    op.drop_index("ix_targets_kelurahan_seq", "targets")
    op.drop_table("device_areas")
    op.drop_column("devices", "area_epoch")  # SQLite >= 3.35 drops a column in place

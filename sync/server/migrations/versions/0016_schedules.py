"""Schedules and invitations per RT planned on the dashboard (rules: `app.core.schedules`).

``schedule_slots``: a place, a day and a time window for one RT with the
equipment sets and minutes per recording it was planned with (its capacity as
computed then); ``schedule_invitations``: one row per resident and slot (the
primary key: never two for the same slot), ``round`` 2 after a missed slot;
``schedule_far_rts``: RTs whose residents are all fetched.

Revision ID: 0016_schedules
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0016"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedule_slots",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kelurahan_kode", sa.String(20), nullable=False),
        sa.Column("rw", sa.String(8), nullable=False),
        sa.Column("rt", sa.String(8), nullable=False),
        sa.Column("place", sa.String(120), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("equipment_sets", sa.Integer, nullable=False),
        sa.Column("minutes_per_recording", sa.Integer, nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_schedule_slots_rt", "schedule_slots", ["kelurahan_kode", "rw", "rt", "day"])
    op.create_table(
        "schedule_invitations",
        sa.Column("nik", sa.String(16), primary_key=True),
        sa.Column("slot_id", sa.String(36), sa.ForeignKey("schedule_slots.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("invited_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_schedule_invitations_slot", "schedule_invitations", ["slot_id"])
    op.create_table(
        "schedule_far_rts",
        sa.Column("kelurahan_kode", sa.String(20), primary_key=True),
        sa.Column("rw", sa.String(8), primary_key=True),
        sa.Column("rt", sa.String(8), primary_key=True),
        sa.Column("marked_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("schedule_far_rts")
    op.drop_index("ix_schedule_invitations_slot", "schedule_invitations")
    op.drop_table("schedule_invitations")
    op.drop_index("ix_schedule_slots_rt", "schedule_slots")
    op.drop_table("schedule_slots")

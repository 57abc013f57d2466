"""Families with no NIK/KK yet, registered for a new KK by the laptops (sync/protocol_registration.py).

``registrations``: one row per client UUID, never overwritten (``content_sha256``
as for visit outcomes); ``no_kk``/``issued_at``/``issued_by`` once the office
entered the numbers it issued, and ``seq`` (from the device's status sequence)
so the device's status feed carries them. ``registration_niks``: each issued
NIK once (a NIK is never issued to two members).

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("recorded_on", sa.Date, nullable=False),
        sa.Column("member_count", sa.Integer, nullable=False),
        sa.Column("kelurahan_digits", sa.String(10), nullable=False),
        sa.Column("trip_id", sa.String(36)),
        sa.Column("trip_name", sa.String(100)),
        sa.Column("trip_type", sa.String(20)),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("no_kk", sa.String(16), unique=True),
        sa.Column("issued_at", sa.DateTime),
        sa.Column("issued_by", sa.String(100)),
        sa.Column("seq", sa.BigInteger),
    )
    op.create_index("ix_registrations_device_seq", "registrations", ["device_id", "seq"])
    op.create_index("ix_registrations_issued", "registrations", ["issued_at"])
    op.create_table(
        "registration_niks",
        sa.Column("nik", sa.String(16), primary_key=True),
        sa.Column("registration_id", sa.Integer, sa.ForeignKey("registrations.id"), nullable=False),
        sa.Column("member_index", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("registration_niks")
    op.drop_index("ix_registrations_issued", "registrations")
    op.drop_index("ix_registrations_device_seq", "registrations")
    op.drop_table("registrations")

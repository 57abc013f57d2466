"""Initial schema: devices, recordings and their media, conflicts, targets, regions, counters.

Revision ID: 0001
Revises:
Create Date: 2025-11-25
"""

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("area_kode", sa.String(20), nullable=False),
        sa.Column("area_digits", sa.String(10), nullable=False),
        sa.Column("enroll_code_sha256", sa.String(64), unique=True),
        sa.Column("enroll_expires_at", sa.DateTime),
        sa.Column("token_sha256", sa.String(64), unique=True),
        sa.Column("label", sa.String(100)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("enrolled_at", sa.DateTime),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_table(
        "recordings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("payload_sha256", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("nik", sa.String(32), nullable=False),
        sa.Column("kelurahan_digits", sa.String(10), nullable=False),
        sa.Column("rt", sa.String(8), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("replaces_uuid", sa.String(36)),
        sa.Column("replaced_by_uuid", sa.String(36)),
        sa.Column("recording_date", sa.Date),
        sa.Column("recorded_at", sa.String(40)),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("received_complete", sa.Boolean, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_recordings_nik_status", "recordings", ["nik", "status"])
    op.create_index("ix_recordings_device_seq", "recordings", ["device_id", "seq"])
    op.create_index("ix_recordings_kelurahan", "recordings", ["kelurahan_digits", "rt"])
    op.create_table(
        "recording_media",
        sa.Column("recording_id", sa.Integer, sa.ForeignKey("recordings.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("mime", sa.String(100), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_recording_media_sha256", "recording_media", ["sha256"])
    op.create_table(
        "media_blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("completed_at", sa.DateTime),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("payload_sha256", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("uuid", "payload_sha256", name="uq_conflicts_uuid_payload"),
    )
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("nik", sa.String(32), nullable=False, unique=True),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("tanggal_lahir", sa.Date),
        sa.Column("jenis_kelamin", sa.String(1)),
        sa.Column("alamat", sa.String(500), nullable=False),
        sa.Column("rt", sa.String(8), nullable=False),
        sa.Column("rw", sa.String(8), nullable=False),
        sa.Column("kelurahan_kode", sa.String(20), nullable=False),
        sa.Column("kelurahan_digits", sa.String(10), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_targets_seq", "targets", ["seq"])
    op.create_index("ix_targets_kelurahan", "targets", ["kelurahan_digits", "rt"])
    op.create_table(
        "regions",
        sa.Column("kode", sa.String(20), primary_key=True),
        sa.Column("nama", sa.String(200), nullable=False),
    )
    counters = op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counters, [
        {"name": "recordings", "value": 0},
        {"name": "targets", "value": 0},
        {"name": "regions", "value": 0},
    ])


def downgrade() -> None:
    for table in ("counters", "regions", "targets", "conflicts", "media_blobs",
                  "recording_media", "recordings", "devices"):
        op.drop_table(table)

"""Visit outcomes from the laptops (protocol 1.2): one row per client UUID, never overwritten.

``content_sha256`` is the hash of the outcome as first received: the same UUID
again with the same content is answered ``already_have``, with other content
``conflict`` (the stored row stays).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_outcomes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("visited_at", sa.DateTime, nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("revisit_date", sa.Date),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("recording_uuid", sa.String(36)),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_visit_outcomes_nik", "visit_outcomes", ["nik", "visited_at"])
    op.create_index("ix_visit_outcomes_revisit", "visit_outcomes", ["revisit_date"])


def downgrade() -> None:
    op.drop_index("ix_visit_outcomes_revisit", "visit_outcomes")
    op.drop_index("ix_visit_outcomes_nik", "visit_outcomes")
    op.drop_table("visit_outcomes")

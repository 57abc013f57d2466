"""Changes of marked target categories sent by the laptops (sync/protocol_marks.py).

``category_marks``: one row per client UUID, never overwritten (``content_sha256``
as for visit outcomes); the dashboard counts a NIK in a category when the latest
change held for them (by ``changed_at``) marks it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "category_marks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("marked", sa.Boolean, nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_category_marks_nik", "category_marks", ["nik", "category", "changed_at"])


def downgrade() -> None:
    op.drop_index("ix_category_marks_nik", "category_marks")
    op.drop_table("category_marks")

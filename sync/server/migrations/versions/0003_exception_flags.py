"""Recordings carry their exception flags: a photo kept with an exception, a thumbprint,
a guardian's signature, or no photo/signature with a reason.

``flagged`` (false for every row already there) lets the supervisor's review find
them; ``flags`` keeps what the device sent (JSON: reason, failed checks, guardian
name and relation). Rows stored before keep NULL flags: their payload still holds
``photo_exception`` / ``signature_exception`` as text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recordings") as batch:
        batch.add_column(sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("flags", sa.Text, nullable=True))
        batch.create_index("ix_recordings_flagged", ["flagged"])


def downgrade() -> None:
    with op.batch_alter_table("recordings") as batch:
        batch.drop_index("ix_recordings_flagged")
        batch.drop_column("flags")
        batch.drop_column("flagged")

"""Targets keep the KK number and birthplace of the office's list (NO_KK, TMPT_LHR).

Both nullable: a list without those columns leaves them empty, and the feed
then sends nothing for them (the laptop keeps what it had).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("targets") as batch:
        batch.add_column(sa.Column("no_kk", sa.String(16), nullable=True))
        batch.add_column(sa.Column("tempat_lahir", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("targets") as batch:
        batch.drop_column("tempat_lahir")
        batch.drop_column("no_kk")

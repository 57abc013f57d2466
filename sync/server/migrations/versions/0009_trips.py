"""Trips (kunjungan) on recordings and visit outcomes (protocol 1.2, optional fields).

``trip_id``, ``trip_name`` and ``trip_type``: the trip a recording or an
outcome was made on, as the laptop sent it (NULL for rows without one and
every older row).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TABLES = ("recordings", "visit_outcomes")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("trip_id", sa.String(36)))
            batch.add_column(sa.Column("trip_name", sa.String(100)))
            batch.add_column(sa.Column("trip_type", sa.String(20)))
        op.create_index(f"ix_{table}_trip", table, ["trip_id"])


def downgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"ix_{table}_trip", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("trip_type")
            batch.drop_column("trip_name")
            batch.drop_column("trip_id")

"""Registration survives a lost reply; devices that never synced are visible.

``enrolled_code_sha256`` keeps the hash of the code a device registered with
(``enroll_code_sha256`` is cleared: the code is used up) and
``enroll_nonce_sha256`` the hash of the laptop's one-time nonce sent with it:
a retry with the same code and nonce within the window, before the token was
ever used, gets the same device back (with a fresh token). ``first_seen_at``:
when the device's token was first used (None: it never synced). Rows already
there keep NULLs (old devices: no retry; never-seen until their next call).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


COLUMNS = ("enrolled_code_sha256", "enroll_nonce_sha256", "first_seen_at")


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite and PostgreSQL): a batch copy of ``devices`` would
    # have to drop a table other tables' foreign keys point at.
    op.add_column("devices", sa.Column("enrolled_code_sha256", sa.String(64), nullable=True))
    op.add_column("devices", sa.Column("enroll_nonce_sha256", sa.String(64), nullable=True))
    op.add_column("devices", sa.Column("first_seen_at", sa.DateTime, nullable=True))
    op.create_index("ix_devices_enrolled_code", "devices", ["enrolled_code_sha256"])


def downgrade() -> None:
    op.drop_index("ix_devices_enrolled_code", table_name="devices")
    for name in reversed(COLUMNS):  # ALTER TABLE ... DROP COLUMN: SQLite 3.35+ and PostgreSQL
        op.execute(f"ALTER TABLE devices DROP COLUMN {name}")

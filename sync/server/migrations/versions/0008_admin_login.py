"""The dashboard behind a login: admin accounts, their sessions, failed logins.

``admins``: accounts made with ``jemput-server admin add`` (argon2 password
hashes). ``admin_sessions``: one row per logged-in browser, keyed by the
SHA-256 of its cookie, with its CSRF token; every worker reads the same rows.
``login_failures``: failed logins per account and per client address (a
sliding window, `sync.server.ratelimit`), so a lock-out holds across workers
and restarts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admins",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "admin_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("admin_id", sa.Integer, sa.ForeignKey("admins.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_admin_sessions_admin", "admin_sessions", ["admin_id"])
    op.create_index("ix_admin_sessions_expires_at", "admin_sessions", ["expires_at"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_login_failures_address_at", "login_failures", ["address", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", "login_failures")
    op.drop_index("ix_login_failures_address_at", "login_failures")
    op.drop_table("login_failures")
    op.drop_index("ix_admin_sessions_expires_at", "admin_sessions")
    op.drop_index("ix_admin_sessions_admin", "admin_sessions")
    op.drop_table("admin_sessions")
    op.drop_table("admins")

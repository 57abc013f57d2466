"""Hand-carried bundles: each device's signing key (Ed25519, raw, base64).

``devices.signing_public_key``: given by the laptop at registration; a bundle
(``jemput-server import-bundle``) is accepted only when signed by the key of a
known device that is not revoked.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("signing_public_key", sa.String(64)))


def downgrade() -> None:
    op.drop_column("devices", "signing_public_key")  # SQLite >= 3.35 drops a column in place

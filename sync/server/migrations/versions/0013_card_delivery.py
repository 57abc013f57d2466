"""Card delivery (antar KTP-el): the cards of the laptops' batches and their handovers and attempts.

One row per card id and per event UUID, never overwritten: ``content_sha256``
is the hash of the item as first received (the same key again with the same
content is ``already_have``, with other content ``conflict``). The proof of a
handover is a file of the media store, named by ``proof_sha256``.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_cards",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("card_id", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("batch_name", sa.String(100), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("kelurahan_digits", sa.String(10), nullable=False),
        sa.Column("rw", sa.String(8), nullable=False),
        sa.Column("rt", sa.String(8), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_delivery_cards_area", "delivery_cards", ["kelurahan_digits", "rt"])
    op.create_index("ix_delivery_cards_nik", "delivery_cards", ["nik"])
    op.create_table(
        "delivery_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("card_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(30)),
        sa.Column("receiver_name", sa.String(100), nullable=False),
        sa.Column("relation", sa.String(30)),
        sa.Column("school", sa.String(100), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("proof_sha256", sa.String(64)),
        sa.Column("proof_kind", sa.String(20)),
        sa.Column("trip_id", sa.String(36)),
        sa.Column("trip_name", sa.String(100)),
        sa.Column("trip_type", sa.String(20)),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_delivery_events_card", "delivery_events", ["card_id", "recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_delivery_events_card", "delivery_events")
    op.drop_table("delivery_events")
    op.drop_index("ix_delivery_cards_nik", "delivery_cards")
    op.drop_index("ix_delivery_cards_area", "delivery_cards")
    op.drop_table("delivery_cards")

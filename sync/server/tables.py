"""The server database's tables (SQLAlchemy Core) and the values stored in them.

The same tables serve SQLite (the default) and PostgreSQL: only portable SQL.
The schema itself is created by the Alembic migrations in
``sync/server/migrations`` (run by `sync.server.schema.migrate` at start); the
table objects below mirror the latest migration for queries.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

devices = sa.Table(
    "devices", metadata,
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
    sa.Column("enrolled_code_sha256", sa.String(64)),  # the used-up code (a lost reply's retry, 0004)
    sa.Column("enroll_nonce_sha256", sa.String(64)),  # the laptop's nonce sent with it
    sa.Column("first_seen_at", sa.DateTime),  # the token's first use (None: never synced)
    sa.Column("status_seq", sa.BigInteger, nullable=False, server_default="0"),  # its status feed (0006)
    sa.Column("signing_public_key", sa.String(64)),  # Ed25519, base64: signs hand-carried bundles (0010)
    sa.Column("area_epoch", sa.Integer, nullable=False, server_default="0"),  # the admin's area changes (0014)
    sa.Index("ix_devices_enrolled_code", "enrolled_code_sha256"),
)

device_areas = sa.Table(
    "device_areas", metadata,
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("digits", sa.String(10), primary_key=True),  # a region code's digits: the targets under it
)
"""The area a device pulls targets for (0014): `devices.area_kode` is its display form,
`devices.area_digits` its first code (kept for older readers)."""

recordings = sa.Table(
    "recordings", metadata,
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
    # A photo kept with an exception, a thumbprint, a guardian's signature or no photo/
    # signature (app/core/exceptions.py): flagged for the supervisor; flags holds
    # {"photo": ..., "signature": ..., "photo_exception": ..., "signature_exception": ...} as JSON.
    sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("flags", sa.Text),
    # The trip (kunjungan) it was recorded on (protocol 1.2, optional): id, name and type as sent.
    sa.Column("trip_id", sa.String(36)),
    sa.Column("trip_name", sa.String(100)),
    sa.Column("trip_type", sa.String(20)),
    sa.Index("ix_recordings_nik_status", "nik", "status"),
    sa.Index("ix_recordings_flagged", "flagged"),
    sa.Index("ix_recordings_device_seq", "device_id", "seq"),
    sa.Index("ix_recordings_kelurahan", "kelurahan_digits", "rt"),
    sa.Index("ix_recordings_trip", "trip_id"),
)

recording_media = sa.Table(
    "recording_media", metadata,
    sa.Column("recording_id", sa.Integer, sa.ForeignKey("recordings.id"), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("mime", sa.String(100), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Index("ix_recording_media_sha256", "sha256"),
)

media_blobs = sa.Table(
    "media_blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("completed_at", sa.DateTime),
)

conflicts = sa.Table(
    "conflicts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uuid", sa.String(36), nullable=False),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("payload_sha256", sa.String(64), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("resolved_at", sa.DateTime),  # None: open
    sa.Column("resolution", sa.String(20)),  # CONFLICT_KEPT_SERVER | CONFLICT_DISMISSED
    sa.Column("reason", sa.String(500)),  # the administrator's words (never logged)
    sa.UniqueConstraint("uuid", "payload_sha256", name="uq_conflicts_uuid_payload"),
    sa.CheckConstraint(
        "(resolved_at IS NULL AND resolution IS NULL AND reason IS NULL)"
        " OR (resolved_at IS NOT NULL AND resolution IN ('kept_server', 'dismissed') AND reason IS NOT NULL)",
        name="ck_conflicts_resolution"),
    sa.Index("ix_conflicts_resolved_at", "resolved_at"),
)

targets = sa.Table(
    "targets", metadata,
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
    sa.Column("no_kk", sa.String(16)),  # None: the list had no NO_KK column
    sa.Column("tempat_lahir", sa.String(100)),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_targets_seq", "seq"),
    sa.Index("ix_targets_kelurahan", "kelurahan_digits", "rt"),
    sa.Index("ix_targets_kelurahan_seq", "kelurahan_digits", "seq"),  # a kelurahan's feed (0014)
)

visit_outcomes = sa.Table(
    "visit_outcomes", metadata,
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
    sa.Column("trip_id", sa.String(36)),
    sa.Column("trip_name", sa.String(100)),
    sa.Column("trip_type", sa.String(20)),
    sa.Index("ix_visit_outcomes_nik", "nik", "visited_at"),
    sa.Index("ix_visit_outcomes_revisit", "revisit_date"),
    sa.Index("ix_visit_outcomes_trip", "trip_id"),
)

category_marks = sa.Table(  # changes of marked target categories (0017): sync/server/category_marks.py
    "category_marks", metadata,
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
    sa.Index("ix_category_marks_nik", "nik", "category", "changed_at"),
)

delivery_cards = sa.Table(
    "delivery_cards", metadata,
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
    sa.Index("ix_delivery_cards_area", "kelurahan_digits", "rt"),
    sa.Index("ix_delivery_cards_nik", "nik"),
)

delivery_events = sa.Table(
    "delivery_events", metadata,
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
    sa.Index("ix_delivery_events_card", "card_id", "recorded_at"),
)

regions = sa.Table(
    "regions", metadata,
    sa.Column("kode", sa.String(20), primary_key=True),
    sa.Column("nama", sa.String(200), nullable=False),
)

counters = sa.Table(
    "counters", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

register_failures = sa.Table(
    "register_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_register_failures_address_at", "address", "at"),
    sa.Index("ix_register_failures_at", "at"),
)

admins = sa.Table(  # dashboard accounts (0008): `jemput-server admin add`
    "admins", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=False),  # argon2id
    sa.Column("created_at", sa.DateTime, nullable=False),
)

admin_sessions = sa.Table(  # one logged-in browser each (0008); keyed by its cookie's SHA-256
    "admin_sessions", metadata,
    sa.Column("token_sha256", sa.String(64), primary_key=True),
    sa.Column("admin_id", sa.Integer, sa.ForeignKey("admins.id", ondelete="CASCADE"), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_seen_at", sa.DateTime, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Index("ix_admin_sessions_admin", "admin_id"),
    sa.Index("ix_admin_sessions_expires_at", "expires_at"),
)

login_failures = sa.Table(  # failed dashboard logins per account and per address (0008)
    "login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_login_failures_address_at", "address", "at"),
    sa.Index("ix_login_failures_at", "at"),
)

audit_entries = sa.Table(  # every audit entry a laptop sent, as first received (0007)
    "audit_entries", metadata,
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("ts", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(100), nullable=False),
    sa.Column("recording_uuid", sa.String(36)),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("received_at", sa.DateTime, nullable=False),
)

audit_flags = sa.Table(  # where a device's trail stopped continuing the server's copy (0007)
    "audit_flags", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # rewritten | bad_hash | broken_link
    sa.Column("held_hash", sa.String(64)),
    sa.Column("received_hash", sa.String(64), nullable=False),
    sa.Column("flagged_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("device_id", "seq", "kind", "received_hash", name="uq_audit_flags"),
)

schedule_slots = sa.Table(  # recording slots per RT planned by the office (0016_schedules)
    "schedule_slots", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("kelurahan_kode", sa.String(20), nullable=False),
    sa.Column("rw", sa.String(8), nullable=False),
    sa.Column("rt", sa.String(8), nullable=False),
    sa.Column("place", sa.String(120), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("start_time", sa.String(5), nullable=False),  # HH:MM
    sa.Column("end_time", sa.String(5), nullable=False),
    sa.Column("equipment_sets", sa.Integer, nullable=False),
    sa.Column("minutes_per_recording", sa.Integer, nullable=False),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Index("ix_schedule_slots_rt", "kelurahan_kode", "rw", "rt", "day"),
)

schedule_invitations = sa.Table(  # one per resident and slot, never two (0016_schedules)
    "schedule_invitations", metadata,
    sa.Column("nik", sa.String(16), primary_key=True),
    sa.Column("slot_id", sa.String(36), sa.ForeignKey("schedule_slots.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("invited_at", sa.DateTime, nullable=False),
    sa.Index("ix_schedule_invitations_slot", "slot_id"),
)

schedule_far_rts = sa.Table(  # RTs whose residents are all fetched (0016_schedules)
    "schedule_far_rts", metadata,
    sa.Column("kelurahan_kode", sa.String(20), primary_key=True),
    sa.Column("rw", sa.String(8), primary_key=True),
    sa.Column("rt", sa.String(8), primary_key=True),
    sa.Column("marked_at", sa.DateTime, nullable=False),
)

registrations = sa.Table(  # families with no NIK/KK yet (0015): sync/server/registrations.py
    "registrations", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uuid", sa.String(36), nullable=False, unique=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("content_sha256", sa.String(64), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # the RegistrationItem as first received
    sa.Column("recorded_on", sa.Date, nullable=False),
    sa.Column("member_count", sa.Integer, nullable=False),
    sa.Column("kelurahan_digits", sa.String(10), nullable=False),
    sa.Column("trip_id", sa.String(36)),
    sa.Column("trip_name", sa.String(100)),
    sa.Column("trip_type", sa.String(20)),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("no_kk", sa.String(16), unique=True),  # None until the office issued the numbers
    sa.Column("issued_at", sa.DateTime),
    sa.Column("issued_by", sa.String(100)),
    sa.Column("seq", sa.BigInteger),  # from devices.status_seq once issued: the status feed carries it
    sa.Index("ix_registrations_device_seq", "device_id", "seq"),
    sa.Index("ix_registrations_issued", "issued_at"),
)

registration_niks = sa.Table(  # each issued NIK once (0015)
    "registration_niks", metadata,
    sa.Column("nik", sa.String(16), primary_key=True),
    sa.Column("registration_id", sa.Integer, sa.ForeignKey("registrations.id"), nullable=False),
    sa.Column("member_index", sa.Integer, nullable=False),
)

# counters rows (created by the first migration; the recordings' sequence moved
# to devices.status_seq in migration 0006)
TARGETS_SEQ = "targets"
REGIONS_VERSION = "regions"

CONFLICT_KEPT_SERVER = "kept_server"
"""A conflict the administrator closed: the server's copy stays (`review.resolve_conflict`)."""
CONFLICT_DISMISSED = "dismissed"
"""A conflict closed because its device sent a new version replacing the recording (intake)."""

ACTIVE_STATUSES = ("accepted", "duplicate_review")
"""Recordings that count as 'this NIK is recorded' (not rejected, not replaced)."""

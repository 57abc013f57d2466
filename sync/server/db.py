"""The server database: SQLAlchemy Core tables, engine set-up, migrations, sequences.

The same code runs on SQLite (the default, a file in the data folder, WAL) and
PostgreSQL (``--database-url postgresql+psycopg://...``): only portable SQL
here. The schema itself is created by the Alembic migrations in
``sync/server/migrations`` (run by `migrate` at start); the table objects
below mirror the latest migration for queries.

Change sequence numbers: every row of ``recordings`` carries ``seq``, taken
from its device's ``devices.status_seq`` whenever the row changes (the status
feed is per device); every row of ``targets`` carries ``seq`` from the
``targets`` row of ``counters``. The feeds return rows with ``seq > cursor``.
A writer takes the counter rows it needs with ``SELECT ... FOR UPDATE`` (in
device-id order) just before writing and holds them until commit, so sequence
numbers become visible in commit order and a reader's cursor never skips a
row; writers for different devices never wait on each other.

Concurrency: on SQLite every write transaction starts with ``BEGIN IMMEDIATE``
(one writer at a time, across processes). On PostgreSQL (READ COMMITTED) a
writer first takes transaction advisory locks on the keys it decides on
(`lock_keys`: the NIKs and photo hashes of a batch), so two workers deciding
on the same NIK or file go one after the other, and `run_write` retries a
transaction that lost a race on a unique key (the retry sees the winner's
row) or a deadlock. No row is taken by every write: a batch locks the rows of
the devices whose recordings it changes, and only a batch that changes the
recorded state of a target NIK takes the ``targets`` counter, as its last
statement before commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.fsio import open_private, restrict_file
from sync.server.filelock import FileLock
from sync.server.row_sql import one_of

log = logging.getLogger("jemput.server.db")
T = TypeVar("T")

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


IN_CHUNK = 500  # keys per IN (...) query: far below every backend's parameter limit


def chunks(values: list, size: int = IN_CHUNK) -> Iterable[list]:
    """`values` in slices of at most `size` (for IN queries and executemany)."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


def utcnow() -> dt.datetime:
    """The server's clock, UTC, naive (stored as such on every backend)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def as_stored(moment: dt.datetime) -> dt.datetime:
    """A moment as the tables store it: UTC, naive (a naive one is taken as UTC already)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, full sync, foreign keys, a busy timeout
    and explicit BEGIN (IMMEDIATE for `write_transaction`). Statement parameters
    (NIKs, names) are kept out of database error messages, which reach logs."""
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                  hide_parameters=True)

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            _enter_wal(cur)
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # Sorts and temporary b-trees (IN lists, DISTINCT) in memory: no plaintext temporary
            # file of residents' NIKs under /var/tmp, and no new file per statement.
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("jemput_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    engine = sa.create_engine(url, hide_parameters=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)

    @sa.event.listens_for(engine, "connect")
    def _arrays_in_binary(dbapi_conn, _record):  # noqa: ANN001
        # A list parameter (`row_sql`: keys, rows as arrays) goes in PostgreSQL's binary
        # array form: the text form escapes every quote of every string in Python (a batch's
        # recordings are JSON: a third of a worker's CPU went to that escaping).
        from psycopg.types.array import ListBinaryDumper

        dbapi_conn.adapters.register_dumper(list, ListBinaryDumper)

    # An INSERT of many rows is one multi-row statement (SQLAlchemy's "insertmanyvalues"),
    # not one statement per row: one parse and one executor run on the database.
    engine.dialect.use_insertmanyvalues_wo_returning = True
    _ping_when_idle(engine)
    return engine


POOL_SIZE = 10
"""PostgreSQL connections a server process keeps open. A device's request holds one from
its token to its commit; when more requests than this are in flight, the extra
connections (up to `POOL_OVERFLOW` more) are opened and closed again, and a new
PostgreSQL connection is a new backend process with cold caches (its first statements
are planned from nothing): with SQLAlchemy's default of 5, 4 workers syncing 50
devices opened about 80 connections in 7 seconds, and the database's CPU per recording
was 2.6 ms instead of 1.6 ms (docs/DEPLOY.md: PostgreSQL's ``max_connections``)."""
POOL_OVERFLOW = 10


PING_AFTER_IDLE_S = 2.0
"""A pooled connection idle longer than this is pinged before use (a database restart
or a dropped connection is noticed then, and a fresh connection taken)."""


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, but only for a connection idle more than
    `PING_AFTER_IDLE_S`: under load a connection comes back within milliseconds,
    and a ping on every checkout (several per batch) was a round trip and a
    statement on both ends for nothing. A ping that fails makes the pool drop
    that connection and take another (`sa.exc.DisconnectionError`)."""

    @sa.event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn, record) -> None:  # noqa: ANN001
        record.info["idle_since"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn, record, _proxy) -> None:  # noqa: ANN001
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return  # just opened, or just used
        try:
            engine.dialect.do_ping(dbapi_conn)
            dbapi_conn.rollback()  # the ping's own implicit transaction
        except Exception as exc:  # noqa: BLE001 - whatever the driver raises for a dead connection
            raise sa.exc.DisconnectionError("koneksi database terputus") from exc


WAL_SWITCH_PATIENCE_S = 30.0


def _enter_wal(cur) -> None:  # noqa: ANN001 - a DB-API cursor
    """``PRAGMA journal_mode=WAL``, tried again while another process switches too.

    Two processes that open a new (rollback-journal) database at once both hold
    a shared lock and both need the exclusive one to switch; SQLite answers one
    of them "database is locked" at once, without its busy handler (waiting
    would deadlock). The loser waits a moment and tries again: by then the
    file is in WAL mode and the pragma has nothing left to change."""
    import sqlite3

    deadline = time.monotonic() + WAL_SWITCH_PATIENCE_S
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause * (1 + random.random()))
        pause = min(pause * 2, 0.25)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _private_sqlite_file(url: str) -> None:
    """The SQLite file made 0600 before SQLite opens it (it gives its -wal and
    -shm files the database's mode); an older file and its side files tightened."""
    path = sa.engine.make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))  # an empty file is a new database
    except FileExistsError:
        pass
    except OSError:
        return  # e.g. the folder is missing: SQLite says so itself
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        restrict_file(name)


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: takes SQLite's write lock up front so it
    never fails half-way on a lock upgrade; on PostgreSQL a normal transaction."""
    with engine.connect() as conn:
        with write_on(conn):
            yield conn


@contextlib.contextmanager
def write_on(conn: Connection) -> Iterator[Connection]:
    """`write_transaction` on a connection the caller holds (one connection per request).

    A read the caller began on it is carried on into the write on PostgreSQL (one
    transaction, no extra round trips); on SQLite it is committed first, and the
    write begins with ``BEGIN IMMEDIATE`` (a reader's lock cannot be upgraded safely)."""
    if conn.in_transaction() and conn.dialect.name == "sqlite":
        conn.commit()
    was_writing = conn.get_execution_options().get("jemput_write", False)
    conn.execution_options(jemput_write=True)
    try:
        if not conn.in_transaction():
            conn.begin()
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:  # the request's later reads begin as reads again (SQLite: not the write lock)
        conn.execution_options(jemput_write=was_writing)


def end_read(conn: Connection) -> None:
    """Between a request's look-ups and its slower work (validation, files): on SQLite
    end the read transaction (a reader held open keeps the WAL from being checkpointed);
    on PostgreSQL keep it, the write goes on in it (`write_on`)."""
    if conn.dialect.name == "sqlite" and conn.in_transaction():
        conn.commit()


RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505"})  # serialization, deadlock, unique key taken
WRITE_ATTEMPTS = 8


def is_retryable(exc: BaseException) -> bool:
    """A PostgreSQL serialization failure, deadlock or unique key another
    transaction took meanwhile: the same work, tried again, sees the winner."""
    orig = getattr(exc, "orig", None)
    return isinstance(exc, sa.exc.DBAPIError) and getattr(orig, "sqlstate", None) in RETRY_SQLSTATES


def run_write(engine: Engine, work: Callable[[Connection], T], *, attempts: int = WRITE_ATTEMPTS,
              conn: Connection | None = None) -> T:
    """``work(conn)`` inside a `write_transaction` (on `conn` if given: `write_on`), tried
    again (after a short random pause) when PostgreSQL aborts it for a race
    (`is_retryable`). `work` must do nothing outside the database that a retry would repeat."""
    for attempt in range(1, attempts + 1):
        try:
            if conn is not None:
                with write_on(conn):
                    return work(conn)
            with write_transaction(engine) as fresh:
                return work(fresh)
        except sa.exc.DBAPIError as exc:
            if not is_retryable(exc) or attempt == attempts:
                raise
            log.info("transaksi diulang (%s, percobaan %d)", exc.orig.sqlstate, attempt)
            time.sleep(random.uniform(0, 0.005 * 2 ** min(attempt, 6)))
    raise AssertionError("unreachable")


# Built once (SQLAlchemy then reuses the compiled form without rebuilding them).
_COUNTER_NAME = sa.bindparam("counter_name")
_LOCK_COUNTER = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME).with_for_update()
_COUNTER_VALUE = sa.select(counters.c.value).where(counters.c.name == _COUNTER_NAME)
_ADD_TO_COUNTER = (sa.update(counters).where(counters.c.name == _COUNTER_NAME)
                   .values(value=counters.c.value + sa.bindparam("counter_add")))


_LOCK_KEYS = sa.text(
    "SELECT count(pg_advisory_xact_lock(k)) FROM "
    "(SELECT DISTINCT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS wanted")


def lock_key(namespace: str, value: str) -> int:
    """A signed 64-bit advisory lock key for `value` within `namespace`."""
    digest = hashlib.blake2b(f"{namespace}\0{value}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


NIK_KEY = "nik"
MEDIA_KEY = "media"
"""`lock_keys` namespaces: a batch locks its NIKs and files, a completed upload its files."""


def lock_keys(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Hold transaction-scoped locks on these (namespace, value) keys until
    commit, taken in one sorted order (two writers never deadlock on them).
    PostgreSQL only: on SQLite the write transaction already excludes all others.
    Each key takes a slot of PostgreSQL's lock table (see docs/DEPLOY.md)."""
    if conn.dialect.name != "postgresql":
        return
    wanted = sorted({lock_key(n, v) for n, v in keys if v})
    if wanted:
        conn.execute(_LOCK_KEYS, {"keys": wanted})


_d = devices
_LOCK_DEVICE_SEQS = (sa.select(_d.c.id, _d.c.status_seq).where(one_of(_d.c.id, "b_ids"))
                     .order_by(_d.c.id).with_for_update())
_SET_DEVICE_SEQ = sa.update(_d).where(_d.c.id == sa.bindparam("b_id")).values(status_seq=sa.bindparam("b_seq"))
_ADD_DEVICE_SEQ = (sa.update(_d).where(_d.c.id == sa.bindparam("b_id"))
                   .values(status_seq=_d.c.status_seq + sa.bindparam("b_add")).returning(_d.c.status_seq))


def lock_devices(conn: Connection, device_ids: Iterable[int]) -> dict[int, int]:
    """Lock these devices' rows until commit (in id order, so two writers never
    deadlock); their current status sequence numbers."""
    ids = sorted(set(device_ids))
    return dict(conn.execute(_LOCK_DEVICE_SEQS, {"b_ids": ids}).all()) if ids else {}


def next_device_seqs(conn: Connection, device_ids: list[int], locked: dict[int, int] | None = None) -> list[int]:
    """One new status sequence number for each entry of `device_ids` (a device
    may appear several times: consecutive numbers of its own), in that order.

    Locks those devices' rows (in id order, so two writers never deadlock)
    until commit: each device's numbers become visible in commit order. Each
    device is one ``UPDATE ... RETURNING`` (the lock and the new top at once);
    `locked`: what `lock_devices` answered earlier in this transaction (those rows
    are held already, so their numbers are taken from it and written back)."""
    if not device_ids:
        return []
    wanted = Counter(device_ids)
    if locked is not None and wanted.keys() <= locked.keys():
        tops = {d: locked[d] + n for d, n in wanted.items()}
        conn.execute(_SET_DEVICE_SEQ, [{"b_id": d, "b_seq": tops[d]} for d in sorted(tops)])
        locked.update(tops)
    else:
        tops = {d: conn.execute(_ADD_DEVICE_SEQ, {"b_id": d, "b_add": wanted[d]}).scalar_one() for d in sorted(wanted)}
    first = {d: top - wanted[d] for d, top in tops.items()}
    seqs = []
    for device_id in device_ids:
        first[device_id] += 1
        seqs.append(first[device_id])
    return seqs


def lock_counter(conn: Connection, name: str) -> int:
    """Lock a counter row until commit (serialises writers of that table); its value."""
    return conn.execute(_LOCK_COUNTER, {"counter_name": name}).scalar_one()


def next_seqs(conn: Connection, name: str, count: int) -> list[int]:
    """Allocate `count` consecutive sequence numbers from counter `name`."""
    if count <= 0:
        return []
    conn.execute(_ADD_TO_COUNTER, {"counter_name": name, "counter_add": count})
    top = conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()
    return list(range(top - count + 1, top + 1))


def counter_value(conn: Connection, name: str) -> int:
    return conn.execute(_COUNTER_VALUE, {"counter_name": name}).scalar_one()


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine, connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


MIGRATION_LOCK_KEY = 0x4A454D5055540001  # pg_advisory_lock key ("JEMPUT" + 1)


@contextlib.contextmanager
def migration_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    """Held by one migrating process at a time: a PostgreSQL session advisory
    lock on `conn`, or a file lock beside the SQLite database file."""
    if is_sqlite(engine):
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with FileLock(Path(database).with_name(Path(database).name + ".migrate-lock")):
            yield
        return
    conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
        conn.commit()


def migrate(engine: Engine, revision: str = "head") -> str | None:
    """Bring the schema to `revision` (Alembic, programmatically), under
    `migration_lock`: processes starting at once migrate one after the other,
    and those after the first find nothing left to do. Returns the revision
    found once the lock was held (None: an empty database)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        with migration_lock(engine, conn):
            before = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            command.upgrade(alembic_config(engine, conn), revision)
            conn.commit()
    return before


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` ("base": nothing). For tests and repairs."""
    from alembic import command

    with engine.connect() as conn:
        conn = conn.execution_options(jemput_write=True)
        command.downgrade(alembic_config(engine, conn), revision)
        conn.commit()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(make_engine("sqlite://"))).get_current_head()


class NotMigrated(RuntimeError):
    """The database's schema is not the one this code needs (`jemput-server migrate`)."""

    def __init__(self, current: str | None, head: str):
        super().__init__(f"skema database {current or 'kosong'}, perlu {head}")
        self.current = current
        self.head = head


def require_migrated(engine: Engine) -> None:
    """Raise `NotMigrated` unless the schema is at the newest migration."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise NotMigrated(current, head)


def open_database(url: str) -> Engine:
    """An engine with the schema migrated to the latest revision."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def area_digits(kode: str) -> str:
    """'13.72.01' or '137201' -> '137201' (the prefix used for area matching)."""
    return "".join(ch for ch in kode if ch.isdigit())

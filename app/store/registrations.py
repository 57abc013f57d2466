"""Families with no NIK/KK yet, registered for a new KK (`app.core.registration`): kept, sent, and issued.

Each registration is a row keyed by a client UUID (the server keeps it under
that UUID, so resending is harmless). It waits in ``sync_state = 'pending'``
until the server holds it (``acked``) or refuses it for good (``refused``).
The KK number and NIKs the office issues come back in the status feed
(`apply_issued`) and are kept in ``issued``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid as uuid_mod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.regions import RegionIndex
from app.core.registration import (Issued, Registration, RegistrationRefused, check_issued, check_registration,
                                   normalize_registration)
from app.store._util import canonical_json, utc_now
from app.store import sync_rows
from app.store.sync_rows import ACKED, PENDING, REFUSED  # noqa: F401 - the states, for this module's callers too
from app.store.audit import AuditLog
from app.store.trips import active_ref

if TYPE_CHECKING:
    from app.store.database import Store

log = logging.getLogger("jemput.store.registrations")

_COLUMNS = "uuid, created_at, recorded_on, operator, data, trip, sync_state, sync_error_code, issued, issued_at"


@dataclass(frozen=True)
class StoredRegistration:
    """One registration as this laptop holds it."""

    uuid: str
    created_at: str
    recorded_on: dt.date
    operator: str
    registration: Registration
    trip: dict | None = None
    sync_state: str = PENDING
    sync_error_code: str | None = None
    issued: Issued | None = None
    issued_at: str | None = None

    @property
    def status(self) -> str:
        """``issued``, ``refused``, ``pending`` (not sent yet) or ``waiting`` (the office has it)."""
        if self.issued is not None:
            return "issued"
        return {PENDING: "pending", REFUSED: "refused"}.get(self.sync_state, "waiting")


def _stored(row: tuple) -> StoredRegistration:
    issued = json.loads(row[8]) if row[8] else None
    return StoredRegistration(
        row[0], row[1], dt.date.fromisoformat(row[2]), row[3], Registration.from_dict(json.loads(row[4])),
        json.loads(row[5]) if row[5] else None, row[6], row[7],
        Issued(issued["no_kk"], tuple(issued["niks"])) if issued else None, row[9])


class Registrations:
    """Record, list, send and complete the no-NIK registrations of one `Store`."""

    def __init__(self, store: "Store"):
        self.store = store

    def create(self, registration: Registration, *, today: dt.date, operator: str = "",
               regions: RegionIndex | None = None) -> StoredRegistration:
        """Keep a new registration recorded on `today`; raises `RegistrationRefused` with every error."""
        reg = normalize_registration(registration)
        found = check_registration(reg, today, regions=regions)
        if found:
            raise RegistrationRefused(found)
        head = reg.members[reg.head_index or 0]
        item = StoredRegistration(str(uuid_mod.uuid4()), utc_now(), today, operator, reg)
        with self.store.transaction() as db:
            trip = active_ref(db, today)
            db.conn.execute(
                "INSERT INTO registrations (uuid, created_at, recorded_on, operator, head_nama, member_count,"
                " kelurahan_kode, data, trip_id, trip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.uuid, item.created_at, today.isoformat(), operator, head.nama, len(reg.members),
                 reg.address.kelurahan_kode, canonical_json(reg.to_dict()), trip.get("id") if trip else None,
                 canonical_json(trip) if trip else None))
            AuditLog(self.store).append("nonik.registered", actor=operator,
                                        detail={"uuid": item.uuid, "members": len(reg.members)})
        return StoredRegistration(item.uuid, item.created_at, today, operator, reg, trip)

    def get(self, registration_uuid: str) -> StoredRegistration | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM registrations WHERE uuid = ?", (registration_uuid,))
        return _stored(rows[0]) if rows else None

    def list(self, limit: int = 1000) -> list[StoredRegistration]:
        """The latest registrations first."""
        rows = self.store.query(f"SELECT {_COLUMNS} FROM registrations ORDER BY created_at DESC, rowid DESC"
                                " LIMIT ?", (limit,))
        return [_stored(r) for r in rows]

    def pending(self, limit: int = 200) -> list[StoredRegistration]:
        """Registrations the server does not hold yet, oldest first."""
        rows = self.store.query(f"SELECT {_COLUMNS} FROM registrations WHERE sync_state = ?"
                                " ORDER BY created_at, rowid LIMIT ?", (PENDING, limit))
        return [_stored(r) for r in rows]

    def pending_count(self) -> int:
        return sync_rows.pending_count(self.store, "registrations")

    def mark_synced(self, uuids: Iterable[str]) -> int:
        """The server holds these registrations; returns how many were pending."""
        return sync_rows.mark_synced(self.store, "registrations", uuids)

    def mark_refused(self, registration_uuid: str, code: str) -> None:
        """The server refused this registration for good (it is not sent again)."""
        sync_rows.mark_refused(self.store, "registrations", registration_uuid, code)

    def apply_issued(self, items: Iterable[tuple[str, Issued]]) -> int:
        """Keep the numbers the office issued (from the status feed); returns how many registrations changed.

        Numbers that do not fit their registration here (`check_issued`) are left out and counted in the log.
        """
        changed = skipped = 0
        now = utc_now()
        with self.store.transaction() as db:
            for registration_uuid, issued in items:
                row = db.conn.execute(f"SELECT {_COLUMNS} FROM registrations WHERE uuid = ?",
                                      (registration_uuid,)).fetchone()
                if row is None:
                    continue
                held = _stored(row)
                if held.issued == issued:
                    continue
                if check_issued(held.registration, issued):
                    skipped += 1
                    continue
                db.conn.execute("UPDATE registrations SET issued = ?, issued_at = ?, sync_state = ? WHERE uuid = ?",
                                (canonical_json({"no_kk": issued.no_kk, "niks": list(issued.niks)}), now, ACKED,
                                 registration_uuid))
                AuditLog(self.store).append("nonik.issued", detail={"uuid": registration_uuid})
                changed += 1
        if skipped:
            log.warning("registrasi: %d penerbitan NIK/KK tidak cocok dengan datanya, diabaikan", skipped)
        return changed

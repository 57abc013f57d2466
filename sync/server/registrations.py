"""Families with no NIK/KK yet (sync/protocol_registration.py): received once, listed, issued by the office.

Intake: each registration is checked with the laptop's own rules
(`app.core.registration.check_registration`) on its recording day, never
later than the server's date; one the rules refuse makes the request a 422
naming it and nothing is stored. Stored in one write transaction: a new UUID
is ``accepted``, the same content again ``already_have``, other content
``conflict`` (the stored row stays).

Issue: the office enters the KK number and one NIK per member
(`app.core.registration.check_issued`); a NIK or KK already held by another
registration, a target or a recording is refused. The row then takes the
next number of its device's status sequence, so the device's status feed
carries the numbers (`issued_since`). Logs carry UUIDs and counts only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.core.findings import Finding
from app.core.messages import render
from app.core.regions import RegionIndex, to_digits
from app.core.registration import (Issued, Registration, check_issued, check_registration, normalize_issued,
                                   normalize_registration)
from sync.protocol_problems import Problems
from sync.protocol_registration import IssuedNumbers, RegistrationItem, RegistrationResult
from sync.server import clock, sequences, tables, transactions
from sync.server.admin import AdminError
from sync.server.deps import Device
from sync.server.failures import ProblemError
from sync.server.intake import check_date
from sync.server.keep_once import store_once
from sync.server.outcome_intake import trip_columns
from sync.server.row_sql import chunks

log = logging.getLogger("jemput.server.registrations")


def family_of(item: RegistrationItem) -> Registration:
    """The family as the rules read it; raises ValueError when a value cannot be read."""
    return normalize_registration(Registration.from_dict(item.family.model_dump(mode="json")))


def check_items(items: list[RegistrationItem], regions: RegionIndex | None, received_on: dt.date) -> None:
    """Raise a 422 problem naming the first registration the rules refuse (and why)."""
    for i, item in enumerate(items):
        try:
            found = check_registration(family_of(item), check_date(item.recorded_on, received_on), regions=regions)
        except ValueError:
            found = None
        if found is None or found:
            msg = found[0].message if found else render("registration.unreadable")
            kind = found[0].code if found else "registration.unreadable"
            field = ["body", "items", str(i)] + (found[0].field.split(".") if found else [])
            raise ProblemError(Problems.BODY_INVALID, errors=[{"loc": field, "msg": msg, "type": kind}])


def store_items(engine: Engine, device: Device, items: list[RegistrationItem]) -> list[RegistrationResult]:
    """Store the registrations (already checked), one row per UUID (`store_once`); one answer per item, in order."""
    now = clock.utcnow()
    answers = store_once(engine, tables.registrations, "uuid", lambda: (
        (item.uuid, item.content_sha256(),
         {"device_id": device.id, "payload": json.dumps(item.model_dump(mode="json"), ensure_ascii=False),
          "recorded_on": item.recorded_on, "member_count": len(item.family.members),
          "kelurahan_digits": to_digits(item.family.kelurahan_kode)[:10], "received_at": now,
          **trip_columns(item.trip)})
        for item in items), log, "registrasi", device.id)
    return [RegistrationResult(uuid=item.uuid, outcome=a) for item, a in zip(items, answers)]


# --------------------------------------------------------------------------- the office's side

@dataclass(frozen=True)
class HeldRegistration:
    """A registration as the office sees it (names: the admin's terminal and the logged-in dashboard only)."""

    uuid: str
    device_name: str
    recorded_on: dt.date
    registration: Registration
    no_kk: str | None
    niks: tuple[str, ...]
    issued_at: dt.datetime | None

    @property
    def issued(self) -> bool:
        return self.issued_at is not None


def list_registrations(engine: Engine, *, waiting_only: bool = True, limit: int = 500,
                       uuid: str | None = None) -> list[HeldRegistration]:
    """Registrations, oldest first (`waiting_only`: those whose numbers are not issued yet; `uuid`: that one)."""
    g, d = tables.registrations, tables.devices
    query = (sa.select(g.c.id, g.c.uuid, d.c.name, g.c.recorded_on, g.c.payload, g.c.no_kk, g.c.issued_at)
             .join(d, d.c.id == g.c.device_id).order_by(g.c.id).limit(limit))
    if waiting_only:
        query = query.where(g.c.issued_at.is_(None))
    if uuid is not None:
        query = query.where(g.c.uuid == uuid)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        niks = _issued_niks(conn, [r.id for r in rows if r.issued_at is not None])
    return [HeldRegistration(r.uuid, r.name, r.recorded_on, family_of(RegistrationItem.model_validate_json(r.payload)),
                             r.no_kk, tuple(niks.get(r.id, ())), r.issued_at)
            for r in rows]


def _issued_niks(conn: Connection, registration_ids: list[int]) -> dict[int, list[str]]:
    """The NIKs issued for these registrations, in member order."""
    n = tables.registration_niks
    found: dict[int, list[tuple[int, str]]] = {}
    for part in chunks(registration_ids):
        for reg_id, index, nik in conn.execute(
                sa.select(n.c.registration_id, n.c.member_index, n.c.nik).where(n.c.registration_id.in_(part))):
            found.setdefault(reg_id, []).append((index, nik))
    return {reg_id: [nik for _i, nik in sorted(pairs)] for reg_id, pairs in found.items()}


def _refusal(found: list[Finding]) -> AdminError:
    return AdminError("; ".join(_where(f) + f.message for f in found))


def _where(f: Finding) -> str:
    parts = f.field.split(".")
    return f"anggota ke-{int(parts[1]) + 1}: " if len(parts) == 3 and parts[1].isdigit() else ""


def issue(engine: Engine, registration_uuid: str, no_kk: str, niks: list[str], *, by: str,
          regions: RegionIndex | None = None) -> HeldRegistration:
    """Keep the KK number and NIKs the office issued for a registration; raises `AdminError` (why, in Indonesian)."""
    numbers = normalize_issued(no_kk, niks)
    registration_uuid = registration_uuid.strip().lower()

    def work(conn: Connection) -> None:
        g = tables.registrations
        row = conn.execute(sa.select(g.c.id, g.c.device_id, g.c.payload, g.c.no_kk, g.c.issued_at)
                           .where(g.c.uuid == registration_uuid)).first()
        if row is None:
            raise AdminError(render("registration.unknown"))
        if row.issued_at is not None:
            raise AdminError(render("registration.already_issued"))
        family = family_of(RegistrationItem.model_validate_json(row.payload))
        found = check_issued(family, numbers, regions=regions)
        if found:
            raise _refusal(found)
        _check_unused(conn, numbers)
        seq = sequences.next_device_seqs(conn, [row.device_id])[0]
        conn.execute(sa.update(g).where(g.c.id == row.id).values(
            no_kk=numbers.no_kk, issued_at=clock.utcnow(), issued_by=by[:100], seq=seq))
        conn.execute(sa.insert(tables.registration_niks), [
            {"nik": nik, "registration_id": row.id, "member_index": i} for i, nik in enumerate(numbers.niks)])

    transactions.run_write(engine, work)
    log.info("registrasi %s: NIK/KK terbit (%d anggota)", registration_uuid, len(numbers.niks))
    return list_registrations(engine, waiting_only=False, uuid=registration_uuid)[0]


def _check_unused(conn: Connection, numbers: Issued) -> None:
    """Refuse a KK or NIK that another registration, a target or a recording already holds."""
    g, n, t, r = tables.registrations, tables.registration_niks, tables.targets, tables.recordings
    if conn.execute(sa.select(g.c.id).where(g.c.no_kk == numbers.no_kk)).first() is not None \
            or conn.execute(sa.select(t.c.id).where(t.c.no_kk == numbers.no_kk).limit(1)).first() is not None:
        raise AdminError(render("registration.kk_in_use"))
    for i, nik in enumerate(numbers.niks):
        for query in (sa.select(n.c.nik).where(n.c.nik == nik), sa.select(t.c.id).where(t.c.nik == nik),
                      sa.select(r.c.id).where(r.c.nik == nik).limit(1)):
            if conn.execute(query).first() is not None:
                raise AdminError(render("registration.nik_in_use", {"number": i + 1}))


def issued_since(conn: Connection, device_id: int, since: int, limit: int) -> list[IssuedNumbers]:
    """The numbers issued for this device's registrations with ``seq > since`` (at most `limit` + 1)."""
    g = tables.registrations
    rows = conn.execute(sa.select(g.c.id, g.c.uuid, g.c.no_kk, g.c.issued_at, g.c.seq)
                        .where(g.c.device_id == device_id, g.c.seq > since).order_by(g.c.seq).limit(limit + 1)).all()
    niks = _issued_niks(conn, [r.id for r in rows])
    return [IssuedNumbers(uuid=r.uuid, no_kk=r.no_kk, niks=niks[r.id], issued_on=r.issued_at.date(), seq=r.seq)
            for r in rows]


__all__ = ["HeldRegistration", "check_items", "issue", "issued_since", "list_registrations",
           "store_items"]

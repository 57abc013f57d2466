"""Administration on the server's database: devices, master data, target list, counts.

Used by the ``jemput-server`` admin commands (which may run while the server
is up: SQLite serialises the writers, PostgreSQL locks the counter rows).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.core.regions import RegionIndex, to_digits
from app.targetfile import open_targets
from sync.server import areas, audit_trail, clock, sequences, tables, transactions
from sync.server.media_store import MediaStore
from sync.server.row_sql import chunks
from sync.server.security import new_enrollment_code, secret_sha256


class AdminError(ValueError):
    """An admin command that cannot be done (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class NewDevice:
    device_id: int
    name: str
    area_kode: str
    enrollment_code: str
    expires_at: dt.datetime


def add_device(engine: Engine, name: str, area: str, valid_hours: int = 72) -> NewDevice:
    """Create a device and its one-time enrollment code (shown once, stored hashed).
    `area`: one region code or a list of kelurahan codes (`sync.server.areas.parse_area`)."""
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise AdminError("nama perangkat wajib diisi (maksimal 100 karakter)")
    codes = _area_codes(area)
    label = areas.area_label(codes)
    code = new_enrollment_code()
    now = clock.utcnow()
    expires = now + dt.timedelta(hours=valid_hours)
    with transactions.write_transaction(engine) as conn:
        device_id = conn.execute(
            sa.insert(tables.devices).values(
                name=name, area_kode=label, area_digits=areas.area_digits(codes[0]),
                enroll_code_sha256=secret_sha256(code), enroll_expires_at=expires, created_at=now,
            ).returning(tables.devices.c.id)
        ).scalar_one()
        areas.store_area(conn, device_id, codes)
    return NewDevice(device_id, name, label, code, expires)


def _area_codes(text: str) -> list[str]:
    try:
        return areas.parse_area(text)
    except areas.AreaError as exc:
        raise AdminError(str(exc)) from None


@dataclass(frozen=True)
class AreaChange:
    device_id: int
    codes: list[str]
    changed: bool  # False: the device already had exactly this area


def set_device_area(engine: Engine, device: str, area: str) -> AreaChange:
    """Give a device (id or name) a new area. Its next target pull starts the new
    area from the beginning (the epoch moves; `sync.server.areas`); the laptop
    drops the server's targets outside it. Setting the same area again changes nothing."""
    codes = _area_codes(area)
    t = tables.devices
    with transactions.write_transaction(engine) as conn:
        device_id = _one_device(conn, device)
        current = areas.area_of(conn, device_id, "")
        if list(current.codes) == codes:
            return AreaChange(device_id, codes, False)
        conn.execute(sa.update(t).where(t.c.id == device_id).values(
            area_kode=areas.area_label(codes), area_digits=areas.area_digits(codes[0]),
            area_epoch=t.c.area_epoch + 1))
        areas.store_area(conn, device_id, codes)
    return AreaChange(device_id, codes, True)


def device_area(engine: Engine, device: str) -> list[str]:
    """The codes of a device's area (id or name)."""
    with engine.connect() as conn:
        device_id = _one_device(conn, device)
        return areas.area_of(conn, device_id, "").codes


def _one_device(conn, device: str) -> int:  # noqa: ANN001 - a Connection
    """The id of the one device named or numbered `device` (AdminError otherwise)."""
    t = tables.devices
    cond = t.c.id == int(device) if device.isdigit() else t.c.name == device
    rows = conn.execute(sa.select(t.c.id).where(cond)).all()
    if not rows:
        raise AdminError("perangkat tidak ditemukan")
    if len(rows) > 1:
        raise AdminError("lebih dari satu perangkat dengan nama itu; sebutkan id-nya")
    return rows[0].id


def revoke_device(engine: Engine, device: str) -> int:
    """Revoke a device by id or name (its token stops working at once); its id."""
    t = tables.devices
    with transactions.write_transaction(engine) as conn:
        device_id = _one_device(conn, device)
        conn.execute(sa.update(t).where(t.c.id == device_id, t.c.revoked_at.is_(None))
                     .values(revoked_at=clock.utcnow(), enroll_code_sha256=None))
    return device_id


def list_devices(engine: Engine) -> list[dict]:
    t = tables.devices
    with engine.connect() as conn:
        rows = conn.execute(sa.select(t.c.id, t.c.name, t.c.area_kode, t.c.enrolled_at, t.c.revoked_at,
                                      t.c.first_seen_at).order_by(t.c.id)).mappings().all()
        flagged = audit_trail.flagged_devices(conn)
    return [dict(r, state=device_state(r, flagged.get(r["id"])), audit_flagged_at=flagged.get(r["id"]))
            for r in rows]


def device_state(row, audit_flagged_at: int | None = None) -> str:  # noqa: ANN001 - a devices row (mapping)
    """How the administrator sees a device: dicabut, menunggu pendaftaran, terdaftar (belum
    pernah sinkron: a registered laptop whose token was never used; revoke it if no laptop
    holds it) or aktif; a device whose audit trail was rewritten says so after it."""
    if audit_flagged_at is not None:
        return f"{device_state(row)}; JEJAK AUDIT DITULIS ULANG mulai entri #{audit_flagged_at}"
    if row["revoked_at"]:
        return "dicabut"
    if not row["enrolled_at"]:
        return "menunggu pendaftaran"
    if not row["first_seen_at"]:
        return "terdaftar, belum pernah sinkron"
    return "aktif"


def import_regions(engine: Engine, lines: Iterable[str]) -> tuple[int, list[tuple[int, str]]]:
    """Replace the master data with a ``kode,nama`` CSV; (rows kept, bad rows)."""
    problems: list[tuple[int, str]] = []
    index = RegionIndex.from_csv(lines, errors=problems)
    rows = [{"kode": r.kode, "nama": r.nama} for r in index]
    with transactions.write_transaction(engine) as conn:
        sequences.lock_counter(conn, tables.REGIONS_VERSION)
        conn.execute(sa.delete(tables.regions))
        for part in chunks(rows, 5000):
            conn.execute(sa.insert(tables.regions), part)
        sequences.next_seqs(conn, tables.REGIONS_VERSION, 1)
    return len(rows), problems


def load_regions(engine: Engine) -> RegionIndex | None:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(tables.regions.c.kode, tables.regions.c.nama)).all()
    return RegionIndex.from_rows([(r.kode, r.nama) for r in rows], errors=[]) if rows else None


@dataclass
class TargetImport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


_TARGET_FIELDS = ("nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw",
                  "kelurahan_kode", "kelurahan_digits", "no_kk", "tempat_lahir")


def _target_row(row: dict[str, str]) -> dict:
    """A row of `app.targetfile` as a row of the server's targets table (the columns it has;
    ``no_kk`` and ``tempat_lahir`` only when the file has them: a list without them
    keeps what an earlier list stored, as on the laptop)."""
    out = {f: row[f] for f in ("nik", *_TARGET_FIELDS) if f in row}
    out["tanggal_lahir"] = dt.date.fromisoformat(row["tanggal_lahir"])
    out["kelurahan_digits"] = to_digits(row["kelurahan_kode"])
    return out


def import_targets(engine: Engine, path: Path) -> TargetImport:
    """Add or update the target list from a CSV/XLSX file (keyed by NIK), read by `app.targetfile`.

    Changed rows get a new sequence number, so devices pull them in their next
    target feed; unchanged rows are left alone. Raises `app.targetfile.ImportFileError`
    for a file that is not a target list (nothing is written).
    """
    report = TargetImport()
    t = tables.targets
    now = clock.utcnow()
    target_file = open_targets(path, regions=load_regions(engine), keep_problems=10**9)
    with target_file, transactions.write_transaction(engine) as conn:
        sequences.lock_counter(conn, tables.TARGETS_SEQ)
        rows = (_target_row(r) for r in target_file)
        while part := list(itertools.islice(rows, 1000)):
            existing = {
                row["nik"]: row for row in conn.execute(
                    sa.select(t).where(t.c.nik.in_([r["nik"] for r in part]))).mappings()
            }
            fields = [f for f in _TARGET_FIELDS if f in part[0]]  # the file's columns: the same on every row
            new = [r for r in part if r["nik"] not in existing]
            changed = [r for r in part if r["nik"] in existing
                       and any(existing[r["nik"]][f] != r[f] for f in fields)]
            report.unchanged += len(part) - len(new) - len(changed)
            seqs = iter(sequences.next_seqs(conn, tables.TARGETS_SEQ, len(new) + len(changed)))
            if new:
                conn.execute(sa.insert(t), [dict(r, seq=next(seqs), updated_at=now) for r in new])
            if changed:
                conn.execute(
                    sa.update(t).where(t.c.nik == sa.bindparam("b_nik")).values(
                        **{f: sa.bindparam(f"b_{f}") for f in fields},
                        seq=sa.bindparam("b_seq"), updated_at=now),
                    [dict({f"b_{f}": r[f] for f in fields}, b_nik=r["nik"], b_seq=next(seqs))
                     for r in changed],
                )
            report.inserted += len(new)
            report.updated += len(changed)
    report.problems = target_file.problems
    return report


def status_counts(engine: Engine, media: MediaStore | None = None) -> dict[str, int]:
    """Counts for ``jemput-server status`` (ids and numbers only)."""
    out: dict[str, int] = {}
    d, r, c, t = tables.devices, tables.recordings, tables.conflicts, tables.targets
    g, mb = tables.regions, tables.media_blobs
    count = sa.func.count()
    with engine.connect() as conn:
        out["perangkat_aktif"] = conn.execute(sa.select(count).select_from(d).where(
            d.c.token_sha256.is_not(None), d.c.revoked_at.is_(None))).scalar_one()
        out["perangkat_menunggu_daftar"] = conn.execute(sa.select(count).select_from(d).where(
            d.c.token_sha256.is_(None), d.c.revoked_at.is_(None))).scalar_one()
        out["perangkat_dicabut"] = conn.execute(sa.select(count).select_from(d).where(
            d.c.revoked_at.is_not(None))).scalar_one()
        for status, n in conn.execute(sa.select(r.c.status, count).group_by(r.c.status)):
            out[f"rekaman_{status}"] = n
        out["rekaman_total"] = conn.execute(sa.select(count).select_from(r)).scalar_one()
        out["rekaman_diterima_lengkap"] = conn.execute(sa.select(count).select_from(r).where(
            r.c.received_complete == sa.true())).scalar_one()
        out["konflik"] = conn.execute(sa.select(count).select_from(c).where(c.c.resolved_at.is_(None))).scalar_one()
        out["grup_nik_ganda"] = conn.execute(sa.select(sa.func.count(sa.distinct(r.c.nik))).where(
            r.c.status == "duplicate_review")).scalar_one()
        out["target"] = conn.execute(sa.select(count).select_from(t)).scalar_one()
        v = tables.visit_outcomes
        out["hasil_kunjungan"] = conn.execute(sa.select(count).select_from(v)).scalar_one()
        for outcome, n in conn.execute(sa.select(v.c.outcome, count).group_by(v.c.outcome)):
            out[f"kunjungan_{outcome}"] = n
        out["kartu_antar"] = conn.execute(sa.select(count).select_from(tables.delivery_cards)).scalar_one()
        e = tables.delivery_events
        for kind, n in conn.execute(sa.select(e.c.kind, count).group_by(e.c.kind)):
            out[f"antar_{kind}"] = n
        out["wilayah"] = conn.execute(sa.select(count).select_from(g)).scalar_one()
        out["media_lengkap"] = conn.execute(sa.select(count).select_from(mb).where(
            mb.c.complete == sa.true())).scalar_one()
        out["media_menunggu"] = conn.execute(sa.select(count).select_from(mb).where(
            mb.c.complete == sa.false())).scalar_one()
    return out

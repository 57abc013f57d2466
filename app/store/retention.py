"""Retention purge: personal data of recordings the server has settled leaves the laptop.

A laptop that is lost should carry as little as possible. Once the server has
accepted a recording, the laptop no longer needs its photo, signature or
biodata: `purge_settled` deletes the media rows and blanks the personal fields
of every recording whose server verdict is older than N days and final:

- ``accepted`` (and its outbox entry acknowledged: nothing left to send);
- ``rejected`` and corrected: a chain of newer versions (``replaces_uuid``)
  ends in an accepted one; its age is that acceptance's age. The same for a
  ``sent`` recording with such a chain: a conflict the operator resent as a
  new version (`app.session.Session.resend_conflict_as_new_version`).

Never drafts, complete, queued, sent (unless replaced as above),
duplicate_review, or a rejected recording still to fix. The setting ``retention_days`` (default 30; 0 = never) is how
long to wait; the window runs the purge after every successful sync, the CLI
as ``jemput purge``.

What stays of a purged recording: uuid, status, operator, server status,
created/updated times, the region codes and names, RT/RW, and ``purged_at``
(the marker). So status counts, "recorded today" and progress per RT/RW/
kelurahan stay what they were. Gone: name, birth data, address, parents,
phone, KK, religion..., the confirmed warnings and exception reasons (free
text), the exception flags (a guardian's name, a reason's words), the
server's message, the photo and the signature, and the fingers and irises
(their ISO records and proof photos are media rows; ``biometrics``, the
scores and exception reasons, is blanked).

The NIK (progress joins recordings to the target list by NIK):
- on the target list at purge time, the NIK stays in ``recordings.nik``: the
  target row holds that NIK (with name and birth date) anyway, so keeping it
  adds nothing, and progress stays exact with no new matching machinery;
- not on the list (a walk-in), the NIK is replaced by ``nik_hash``, an
  HMAC-SHA-256 under a random per-profile key (setting ``retention.nik_key``).
  If that NIK later arrives on the target list (an import or the server's
  feed), `app.store.targets.TargetRepo.upsert_many` recognises it and puts the
  NIK back (it is then on the list anyway), so the resident counts as recorded
  and is not visited again. The key lives in the same encrypted file: against
  someone who has the passphrase the hash only slows a guess of a NIK (region,
  birth date and serial are a small space), it does not stop it; without the
  passphrase nothing is readable at all.

Writes go in bounded chunks (`CHUNK` recordings), one transaction each, each
with an audit entry holding counts only. ``PRAGMA secure_delete = ON`` (also
set at every open, see `app.store.database.apply_pragmas`) makes SQLite
overwrite the freed cells and pages with zeros (SQLCipher encrypts the zeros
like any page); a WAL checkpoint with TRUNCATE at the end moves the zeroed
pages into the main file and empties the ``-wal`` file, which would otherwise
still hold the old page images.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import sha256
from typing import TYPE_CHECKING, Any

from app.core.lifecycle import OutboxState
from app.core.resident import Resident
from app.store._util import canonical_json, to_utc_iso, utc_now
from app.store.card_delivery import CardDelivery
from app.store.audit import AuditLog
from app.store.database import remove_backups
from app.store.settings import Settings

if TYPE_CHECKING:
    import sqlite_utils

    from app.store.database import Store

RETENTION_KEY = "retention_days"
DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 3650
NIK_KEY_SETTING = "retention.nik_key"
CHUNK = 200
AUDIT_ACTION = "recordings.purged"
# What a purged recording's resident keeps: where it was recorded, nothing about who.
KEPT_RESIDENT_FIELDS = (
    "provinsi_kode", "provinsi_nama", "kabupaten_kode", "kabupaten_nama",
    "kecamatan_kode", "kecamatan_nama", "kelurahan_kode", "kelurahan_nama", "rt", "rw",
)

# (uuid, kind) of settled recordings not purged yet: accepted ones, and rejected (or sent,
# after a conflict) ones a chain of newer versions ends in an accepted version; ?1 the
# cutoff, ?2 the limit (-1: all).
_CANDIDATES = """
WITH RECURSIVE chain(origin, uuid) AS (
    SELECT uuid, uuid FROM recordings WHERE status IN ('rejected', 'sent') AND purged_at IS NULL
    UNION
    SELECT chain.origin, r.uuid FROM chain JOIN recordings r ON r.replaces_uuid = chain.uuid
),
settled(uuid, kind, settled_at) AS (
    SELECT uuid, 'accepted', updated_at FROM recordings
    WHERE status = 'accepted' AND purged_at IS NULL AND updated_at < ?1
    UNION ALL
    SELECT chain.origin, 'replaced', max(r.updated_at) FROM chain JOIN recordings r ON r.uuid = chain.uuid
    WHERE r.status = 'accepted' AND chain.uuid != chain.origin
    GROUP BY chain.origin
)
SELECT s.uuid, s.kind FROM settled s
WHERE s.settled_at < ?1
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recording_uuid = s.uuid AND o.state != '""" + OutboxState.ACKED.value + """')
ORDER BY s.uuid
LIMIT ?2
"""

_BLANK = """
UPDATE recordings SET nik = ?, nik_hash = ?, nama = '', payload = ?, acknowledgements = '[]',
    photo_exception = NULL, signature_exception = NULL, photo_flag = NULL, signature_flag = NULL,
    biometrics = NULL, server_message = NULL,
    server_reasons = NULL, purged_at = ?
WHERE uuid = ?
"""


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed (or, in a dry run, would remove).

    Attributes:
        older_than_days: the retention period used.
        cutoff: verdicts before this ISO UTC moment counted as old enough.
        accepted: accepted recordings purged.
        replaced: rejected (or conflicting) recordings whose newer version was accepted, purged.
        media, media_bytes: photo/signature rows deleted and their size.
        nik_hashed: NIKs kept only as a keyed hash (not on the target list).
        backups_removed: migration backups older than the period, deleted.
        proofs: recipients' photos/signatures of card handovers the server held for as long, deleted.
    """

    older_than_days: int
    cutoff: str
    dry_run: bool = False
    accepted: int = 0
    replaced: int = 0
    media: int = 0
    media_bytes: int = 0
    nik_hashed: int = 0
    backups_removed: int = 0
    proofs: int = 0

    @property
    def recordings(self) -> int:
        return self.accepted + self.replaced

    def detail(self) -> dict[str, int]:
        """Counts only (the audit entry's detail)."""
        return {
            "recordings": self.recordings, "accepted": self.accepted, "replaced": self.replaced,
            "media": self.media, "media_bytes": self.media_bytes, "nik_hashed": self.nik_hashed,
            "older_than_days": self.older_than_days,
        }

    def summary(self) -> str:
        """One line in Bahasa Indonesia for the operator."""
        days = self.older_than_days
        if not self.recordings:
            return (f"Tidak ada rekaman yang perlu dibersihkan (diterima server lebih dari {days} hari lalu)."
                    f"{self._proofs_text()}")
        parts = f"{_number(self.accepted)} diterima"
        if self.replaced:
            parts += f", {_number(self.replaced)} versi lama yang sudah diganti versi yang diterima"
        media = f"{_number(self.media)} foto/tanda tangan ({_size(self.media_bytes)})"
        if self.dry_run:
            return (f"Uji coba, tidak ada yang dihapus: {_number(self.recordings)} rekaman ({parts}) akan "
                    f"dibersihkan, {media} akan dihapus (diterima server lebih dari {days} hari lalu).")
        return (f"{_number(self.recordings)} rekaman dibersihkan ({parts}): {media} dihapus dan data pribadi "
                f"dikosongkan (diterima server lebih dari {days} hari lalu).{self._backups_text()}"
                f"{self._proofs_text()}")

    def _proofs_text(self) -> str:
        if not self.proofs:
            return ""
        verb = "akan dihapus" if self.dry_run else "dihapus"
        return f" {_number(self.proofs)} foto/tanda tangan penerima KTP-el yang sudah di server {verb}."

    def _backups_text(self) -> str:
        if not self.backups_removed:
            return ""
        return f" {_number(self.backups_removed)} salinan cadangan lama basis data juga dihapus."


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}".replace(".", ",")
        n /= 1024
    return f"{n:.1f} GB".replace(".", ",")


def _moment(now: dt.datetime | str | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.timezone.utc)
    if isinstance(now, str):
        now = dt.datetime.fromisoformat(now)
    return now if now.tzinfo is not None else now.replace(tzinfo=dt.timezone.utc)


def check_days(days: Any) -> int:
    """A retention period in whole days (1..MAX_RETENTION_DAYS); ValueError otherwise."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValueError("jumlah hari harus bilangan bulat")
    if not 1 <= days <= MAX_RETENTION_DAYS:
        raise ValueError(f"jumlah hari harus 1-{MAX_RETENTION_DAYS}")
    return days


def retention_days(store: "Store") -> int:
    """The ``retention_days`` setting (0: never purge)."""
    try:
        days = int(Settings(store).get(RETENTION_KEY, DEFAULT_RETENTION_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_RETENTION_DAYS
    return max(0, min(days, MAX_RETENTION_DAYS))


# -- the keyed NIK hash ------------------------------------------------------------

def hash_nik(key: bytes, nik: str) -> str:
    return hmac.new(key, nik.encode("utf-8"), sha256).hexdigest()


def nik_key(store: "Store", *, create: bool = False) -> bytes | None:
    """The profile's random key for `hash_nik` (made on first use when `create`)."""
    settings = Settings(store)
    value = settings.get(NIK_KEY_SETTING)
    if isinstance(value, str) and len(value) == 64:
        return bytes.fromhex(value)
    if not create:
        return None
    key = os.urandom(32)
    settings.set(NIK_KEY_SETTING, key.hex())
    return key


class PurgedNikLinks:
    """Hashed NIKs of purged walk-in recordings, to put the NIK back once it is on the target list."""

    def __init__(self, key: bytes, hashes: set[str]):
        self.key = key
        self.hashes = hashes

    @classmethod
    def load(cls, store: "Store") -> "PurgedNikLinks | None":
        """None when no purged recording waits for its NIK (the usual case: no cost)."""
        rows = store.query("SELECT DISTINCT nik_hash FROM recordings WHERE nik_hash IS NOT NULL")
        key = nik_key(store) if rows else None
        return cls(key, {r[0] for r in rows}) if key is not None else None

    def relink(self, db: "sqlite_utils.Database", niks: Iterable[str]) -> int:
        """Restore the NIK of purged recordings whose hash matches one of `niks` (caller's transaction)."""
        restored = 0
        for nik in niks:
            digest = hash_nik(self.key, nik)
            if digest in self.hashes:
                restored += db.conn.execute(
                    "UPDATE recordings SET nik = ?, nik_hash = NULL WHERE nik_hash = ?", (nik, digest)
                ).rowcount
                self.hashes.discard(digest)
        return restored


# -- the purge ---------------------------------------------------------------------

def _kept_payload(payload: str) -> str:
    try:
        data = json.loads(payload)
    except (TypeError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    kept = {k: data[k] for k in KEPT_RESIDENT_FIELDS if isinstance(data.get(k), str)}
    return canonical_json(Resident.from_dict(kept).to_dict())


def _candidates(db: "sqlite_utils.Database", cutoff: str, limit: int) -> list[tuple[str, str]]:
    return [(u, k) for u, k in db.conn.execute(_CANDIDATES, (cutoff, limit))]


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


def _media_totals(db: "sqlite_utils.Database", uuids: list[str]) -> tuple[int, int]:
    count = size = 0
    for start in range(0, len(uuids), 500):
        part = uuids[start:start + 500]
        n, b = db.conn.execute(
            f"SELECT count(*), coalesce(sum(size), 0) FROM media WHERE recording_uuid IN ({_marks(part)})", part
        ).fetchone()
        count, size = count + n, size + b
    return count, size


def _purge_chunk(store: "Store", db: "sqlite_utils.Database", uuids: list[str], now: str) -> tuple[int, int, int]:
    """Delete the media and blank the rows of `uuids`; returns (media, bytes, NIKs hashed)."""
    media, size = _media_totals(db, uuids)
    db.conn.execute(f"DELETE FROM media WHERE recording_uuid IN ({_marks(uuids)})", uuids)
    rows = db.conn.execute(f"SELECT uuid, nik, payload FROM recordings WHERE uuid IN ({_marks(uuids)})", uuids)
    key: bytes | None = None
    updates = []
    hashed = 0
    for uuid, nik, payload in rows.fetchall():
        nik = nik or ""
        nik_hash = None
        if nik and db.conn.execute("SELECT 1 FROM targets WHERE nik = ?", (nik,)).fetchone() is None:
            key = key or nik_key(store, create=True)
            nik, nik_hash = "", hash_nik(key, nik)
            hashed += 1
        updates.append((nik, nik_hash, _kept_payload(payload), now, uuid))
    db.conn.executemany(_BLANK, updates)
    return media, size, hashed


@contextlib.contextmanager
def _secure_delete(store: "Store"):
    with store.reading() as db:
        on = db.conn.execute("PRAGMA secure_delete = ON").fetchone()
    if not on or int(on[0]) != 1:  # pragma: no cover - every SQLite since 3.6 has it
        raise RuntimeError("PRAGMA secure_delete tidak dapat diaktifkan")
    yield


def purge_settled(
    store: "Store",
    older_than_days: int,
    *,
    now: dt.datetime | str | None = None,
    dry_run: bool = False,
    chunk: int = CHUNK,
    actor: str = "",
) -> PurgeResult:
    """Purge recordings settled by the server more than `older_than_days` days before `now`.

    `now` (default: the clock) is an aware datetime or ISO text; naive means
    UTC. A dry run only counts. Running again purges nothing new (idempotent).
    Returns the counts; raises ValueError for a period outside 1..3650 days.
    """
    days = check_days(older_than_days)
    if chunk < 1:
        raise ValueError("ukuran potongan harus positif")
    cutoff = to_utc_iso(_moment(now) - dt.timedelta(days=days))
    if dry_run:
        with store.transaction() as db:  # one snapshot for both counts
            rows = _candidates(db, cutoff, -1)
            media, size = _media_totals(db, [u for u, _ in rows])
        kinds = [k for _, k in rows]
        proofs = CardDelivery(store).purge_proofs(cutoff, dry_run=True)
        return PurgeResult(days, cutoff, True, kinds.count("accepted"), kinds.count("replaced"), media, size,
                           proofs=proofs)
    totals = {"accepted": 0, "replaced": 0, "media": 0, "media_bytes": 0, "nik_hashed": 0}
    with _secure_delete(store):
        while True:
            with store.transaction() as db:
                rows = _candidates(db, cutoff, chunk)
                if rows:
                    media, size, hashed = _purge_chunk(store, db, [u for u, _ in rows], utc_now())
                    part = PurgeResult(
                        days, cutoff, False, sum(k == "accepted" for _, k in rows),
                        sum(k == "replaced" for _, k in rows), media, size, hashed,
                    )
                    AuditLog(store).append(AUDIT_ACTION, actor=actor or "system", detail=part.detail())
                    for name in totals:
                        totals[name] += getattr(part, name)
            if len(rows) < chunk:
                break
        proofs = CardDelivery(store).purge_proofs(cutoff, actor=actor)
    if totals["accepted"] or totals["replaced"] or proofs:
        store.checkpoint()  # zeroed pages into the file; the -wal (old page images) emptied
    # Copies set aside before a schema migration still hold what was purged since;
    # past the same retention period they are no safety net any more either.
    backups = remove_backups(store.dir, older_than_s=days * 86400.0, now=_moment(now).timestamp())
    return PurgeResult(days, cutoff, False, **totals, backups_removed=backups, proofs=proofs)


def purge_by_setting(store: "Store", *, now: dt.datetime | str | None = None, actor: str = "") -> PurgeResult | None:
    """`purge_settled` with the ``retention_days`` setting; None when it is 0 (never), or
    while the laptop's clock is known to be wrong (`clock_trusted`): nothing is purged then."""
    days = retention_days(store)
    if days <= 0 or not clock_trusted(store):
        return None
    return purge_settled(store, days, now=now, actor=actor)


# -- the laptop's clock ------------------------------------------------------------
# Retention counts from when the laptop received a verdict, on the laptop's own clock
# (``updated_at`` at receipt), never from a time the server sends. That clock may be
# wrong (a dead CMOS battery: years behind) and later corrected: verdicts stamped
# before the correction would then look years old and be purged at once. So the sync
# pump measures the clock's offset from the server's at every sync (`observe_clock`):
# while it is off by more than a day nothing is purged, and when it is corrected the
# stamps the wrong clock wrote are moved by the same correction (receipt times as the
# corrected clock reads them). Only the offset comes from the server, never a stamp.

CLOCK_SKEW_KEY = "sync.clock_skew_s"  # last measured: server's clock - laptop's clock (seconds)
CLOCK_TOLERANCE_S = 86400.0
CLOCK_AUDIT_ACTION = "recordings.clock_corrected"

_REBASE_BEFORE = """
UPDATE recordings SET updated_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', updated_at, ?)
WHERE updated_at < ? AND purged_at IS NULL
"""
_REBASE_AFTER = _REBASE_BEFORE.replace("updated_at < ?", "updated_at > ?")


def clock_trusted(store: "Store") -> bool:
    """Whether the last measured offset from the server's clock is within a day (or unknown)."""
    try:
        skew = float(Settings(store).get(CLOCK_SKEW_KEY, 0.0) or 0.0)
    except (TypeError, ValueError):
        return True
    return abs(skew) <= CLOCK_TOLERANCE_S


def observe_clock(store: "Store", server_time: dt.datetime, *, local_now: dt.datetime | None = None) -> int:
    """Record the offset of the laptop's clock from `server_time` (seen just now); when the
    laptop's clock moved by more than a day since the last measurement, move the receipt
    stamps the old clock wrote by the same amount. Returns how many moved.

    Forward (it was behind): the stamps older than now minus the move. Backward (it was
    ahead): the stamps after now (in the corrected clock's future)."""
    local = _moment(local_now)
    server = server_time if server_time.tzinfo else server_time.replace(tzinfo=dt.timezone.utc)
    skew = (server - local).total_seconds()
    settings = Settings(store)
    try:
        previous = float(settings.get(CLOCK_SKEW_KEY))
    except (TypeError, ValueError):
        previous = None
    moved = 0
    with store.transaction() as db:
        correction = None if previous is None else previous - skew  # > 0: the clock jumped forward
        if correction is not None and abs(correction) > CLOCK_TOLERANCE_S:
            shift = f"{correction:+.3f} seconds"
            if correction > 0:
                bound, query = to_utc_iso(local - dt.timedelta(seconds=correction)), _REBASE_BEFORE
            else:
                bound, query = to_utc_iso(local), _REBASE_AFTER
            moved = db.conn.execute(query, (shift, bound)).rowcount
            AuditLog(store).append(CLOCK_AUDIT_ACTION, actor="sync",
                                   detail={"seconds": round(correction), "recordings": moved})
        settings.set(CLOCK_SKEW_KEY, round(skew, 3))
    return moved

"""The target list: wajib KTP residents to record, searchable by name or NIK prefix.

Imports run at the scale of a city (Palembang: 1.2 million rows): rows go in
in batches (`app.store.target_upsert`), each its own transaction, upserting on the
unique NIK so a re-import never duplicates (unchanged rows are not rewritten).
Small imports keep the FTS5 name index current through its triggers. Once an
import grows past one batch and a quarter of the rows already there, it
switches to bulk mode: the FTS triggers and secondary indexes are dropped, and
recreated with one rebuild of the name index at the end, with a larger page
cache and fewer WAL checkpoints meanwhile (together about three times faster
at 1.2 million rows). What was dropped is recorded in the database first, so a
crash mid-import is repaired at the next open. The triggers dropped include those
keeping Laporan's tallies (`app.store.progress_tally`): recreating them recounts
the tallies in the same transaction. While bulk batches only add NIKs, their names
are indexed after each batch by the writing thread (`_NewNames`); otherwise the
name index is refilled in id order at the end (`_refill_name_index`). The rows are read and checked a batch ahead in a second
thread (`app.store.read_ahead`) while SQLite writes the current one, many rows a
statement (`app.store.target_upsert`), without Python's lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.checked_row import CheckedRow
from app.core.lifecycle import RecordingStatus
from app.core.outcomes import Outcome
from app.core.progress import RECORDED_STATUSES as _RECORDED_STATUSES
from app.core.regions import in_area as region_in_area
from app.core.regions import is_well_formed, to_dotted
from app.core.values import JenisKelamin
from app.store._util import is_ascii_digits, prefix_bounds, utc_now
from app.store import progress_tally
from app.store.audit import AuditLog
from app.store.read_ahead import read_ahead
from app.store.retention import PurgedNikLinks
from app.store.settings import Settings
from app.store.target_filter import TargetFilter
from app.store.target_upsert import FIELDS, upsert_rows

if TYPE_CHECKING:
    from app.store.database import Store

SUSPENDED_KEY = "targets.bulk_suspended_sql"
BULK_CACHE_KIB = 768 * 1024  # grows only as far as the pages touched: ~500 MB at 1.2 million
BULK_WAL_AUTOCHECKPOINT = 10_000  # pages
BULK_SORT_THREADS = 2
BULK_FRACTION = 4  # bulk mode once an import exceeds a quarter of the rows already there
# A resident counts as recorded once the operator completed the recording (`app.core.progress`).
RECORDED_STATUSES = _RECORDED_STATUSES

# The NIKs another team recorded, read once from the small partial index
# `targets_recorded_elsewhere` (so a scan of the area index reads no table rows).
_ELSEWHERE_NIKS = "SELECT nik FROM targets WHERE recorded_elsewhere = 1"
_SELECT = (
    "SELECT t.nik, t.nama, t.tanggal_lahir, t.jenis_kelamin, t.alamat, t.rt, t.rw, t.kelurahan_kode,"
    " t.status_ktp, t.source, t.updated_at,"
    " (SELECT r.status FROM recordings r WHERE r.nik = t.nik ORDER BY r.updated_at DESC LIMIT 1),"
    " t.recorded_elsewhere, t.no_kk, t.tempat_lahir, o.outcome, o.revisit_date"
    " FROM targets t LEFT JOIN target_outcomes o ON o.nik = t.nik"
)
# Still to visit: no completed recording here (parameters: RECORDED_STATUSES), not recorded by another team.
_OPEN = (
    f"NOT EXISTS (SELECT 1 FROM recordings r WHERE r.nik = t.nik"
    f" AND r.status IN ({', '.join('?' * len(RECORDED_STATUSES))}))",
    f"t.nik NOT IN ({_ELSEWHERE_NIKS})",
)
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Target:
    """A resident on the target list.

    Attributes:
        recording_status: status of this NIK's latest recording on this laptop, if any.
        recorded_elsewhere: the server says another device (another team) recorded this NIK.
        no_kk, tempat_lahir: from an import that has those columns ('' if none did).
        outcome, revisit_date: the latest visit outcome (`app.store.visits`) and its revisit day.
    """

    nik: str
    nama: str
    tanggal_lahir: dt.date | None = None
    jenis_kelamin: str | None = None
    alamat: str = ""
    rt: str = ""
    rw: str = ""
    kelurahan_kode: str = ""
    status_ktp: str = ""
    source: str = ""
    updated_at: str = ""
    recording_status: RecordingStatus | None = None
    recorded_elsewhere: bool = False
    no_kk: str = ""
    tempat_lahir: str = ""
    outcome: Outcome | None = None
    revisit_date: dt.date | None = None

    @property
    def recorded(self) -> bool:
        """Recorded on this laptop (a completed recording, not a draft or a rejected one)."""
        return self.recording_status is not None and self.recording_status.value in RECORDED_STATUSES

    @property
    def done(self) -> bool:
        """Recorded here or, as the server says, by another team: no visit needed."""
        return self.recorded or self.recorded_elsewhere


@dataclass(frozen=True)
class Progress:
    """Recorded vs target for one area; `key` is (kecamatan,), (kelurahan,), (kelurahan, rw) or (kelurahan, rw, rt).

    Attributes:
        recorded: targets recorded here or by another team (each NIK once).
        elsewhere: of those, how many the server says another team recorded.
    """

    key: tuple[str, ...]
    target: int
    recorded: int
    elsewhere: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.recorded / self.target if self.target else 0.0


_PROGRESS_KEYS = {
    "kecamatan": ("substr(t.kelurahan_kode, 1, 8)",),
    "kelurahan": ("t.kelurahan_kode",),
    "rw": ("t.kelurahan_kode", "t.rw"),
    "rt": ("t.kelurahan_kode", "t.rw", "t.rt"),
}


def _target(row: tuple) -> Target:
    return Target(
        nik=row[0], nama=row[1],
        tanggal_lahir=dt.date.fromisoformat(row[2]) if row[2] else None,
        jenis_kelamin=row[3], alamat=row[4], rt=row[5], rw=row[6], kelurahan_kode=row[7],
        status_ktp=row[8], source=row[9], updated_at=row[10],
        recording_status=RecordingStatus(row[11]) if row[11] else None,
        recorded_elsewhere=bool(row[12]), no_kk=row[13], tempat_lahir=row[14],
        outcome=Outcome(row[15]) if row[15] else None,
        revisit_date=dt.date.fromisoformat(row[16]) if row[16] else None,
    )


def _search_condition(text: str | None, *, limit: int | None = None) -> tuple[str, list[Any], bool] | None:
    """SQL condition on ``t`` for a search text: (clause, params, is_name_search); None if nothing can match.

    Digits are a NIK prefix (range on the unique index); anything else is
    name words, each a prefix of a word of the name (FTS5). `limit` caps the
    name matches inside the FTS query, so a common name stays fast.
    """
    text = (text or "").strip()
    if not text:
        return None
    if is_ascii_digits(text):
        return "t.nik >= ? AND t.nik < ?", list(prefix_bounds(text)), False
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    match = " ".join(f'"{token}"*' for token in tokens)
    inner = "SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?" + (" LIMIT ?" if limit is not None else "")
    return f"t.id IN ({inner})", [match] + ([limit] if limit is not None else []), True


def _dependents(conn: Any) -> list[tuple[str, str, str]]:
    """(TRIGGER|INDEX, name, sql) of the triggers and explicit indexes on `targets`."""
    rows = conn.execute(
        "SELECT upper(type), name, sql FROM sqlite_master"
        " WHERE tbl_name = 'targets' AND type IN ('trigger', 'index') AND sql IS NOT NULL"
    ).fetchall()
    return [(kind, name, sql) for kind, name, sql in rows]


def _refill_name_index(conn: Any) -> None:
    """Index every target's name anew, reading the rows in id order.

    FTS5's own 'rebuild' reads the content table in whatever order the planner likes (a covering
    index such as targets_nama: ids out of order), and each id lower than the one before flushes
    its pending terms as a segment of their own: about ten times slower on a city's list.
    """
    conn.execute("INSERT INTO targets_fts(targets_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO targets_fts(rowid, nama) SELECT id, nama FROM targets ORDER BY id")


class _NewNames:
    """The name index kept current through a bulk import that only adds NIKs (its triggers dropped).

    After each batch its new rows are indexed, in id order, by the writing thread (SQLite works without
    Python's lock while the reader checks the next batch): no refill of the whole index at the end. A
    batch that changed a known NIK (more changes than new ids) ends it: the refill does it all.
    """

    def __init__(self, store: "Store"):
        self.last_id = store.query("SELECT coalesce(max(id), 0) FROM targets")[0][0]
        self.current = True

    def add(self, conn: Any, changes: int) -> None:
        """Index the rows added since the last call, if `changes` (rows the batch wrote) were all new."""
        if not self.current:
            return
        added, last = conn.execute("SELECT count(*), max(id) FROM targets WHERE id > ?", (self.last_id,)).fetchone()
        if added != changes:
            self.current = False
        elif added:
            conn.execute("INSERT INTO targets_fts(rowid, nama) SELECT id, nama FROM targets WHERE id > ? ORDER BY id",
                         (self.last_id,))
            self.last_id = last


def _region_code(code: str) -> str:
    """Dotted form of a well-formed region code ('1671011001' -> '16.71.01.1001'); others as given."""
    return to_dotted(code) if is_ascii_digits(code) and is_well_formed(code) else code


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def target_row(data: dict[str, Any], now: str, source: str = "") -> tuple:
    """The upsert parameters for one input row; raises ValueError (no personal data in it).

    ``recorded_elsewhere`` (bool) comes only from the server's target feed; a row
    without it (an import) leaves the stored flag as it is (0 for a new NIK).
    Likewise ``no_kk`` and ``tempat_lahir``: a row without the key (or None),
    e.g. from the feed, keeps what an earlier import stored; '' clears it.
    """
    if type(data) is CheckedRow:  # the reader's rows: already what the table keeps
        return (data["nik"], data["nama"], data["tanggal_lahir"], data["jenis_kelamin"], data["alamat"],
                data["rt"], data["rw"], data["kelurahan_kode"], data["status_ktp"], source, now, None,
                data.get("no_kk"), data.get("tempat_lahir"))
    nik = _text(data.get("nik"))
    if len(nik) != 16 or not is_ascii_digits(nik):
        raise ValueError("NIK harus 16 angka")
    nama = " ".join(_text(data.get("nama")).split()).upper()
    if not nama:
        raise ValueError("nama kosong")
    born = data.get("tanggal_lahir")
    if isinstance(born, dt.datetime):
        born = born.date().isoformat()
    elif isinstance(born, dt.date):
        born = born.isoformat()
    elif born in (None, ""):
        born = None
    else:
        try:
            born = dt.date.fromisoformat(str(born).strip()).isoformat()
        except ValueError:
            raise ValueError("tanggal lahir tidak valid") from None
    sex = data.get("jenis_kelamin")
    if sex not in (None, "", "L", "P"):
        sex = JenisKelamin.parse(sex).value
    elsewhere = data.get("recorded_elsewhere")
    no_kk = data.get("no_kk")
    if no_kk is not None:
        no_kk = _text(no_kk)
        if no_kk and (len(no_kk) != 16 or not is_ascii_digits(no_kk)):
            raise ValueError("nomor KK harus 16 angka")
    place = data.get("tempat_lahir")
    if place is not None:
        place = " ".join(_text(place).split()).upper()
    return (
        nik, nama, born, sex or None, _text(data.get("alamat")), _text(data.get("rt")),
        _text(data.get("rw")), _region_code(_text(data.get("kelurahan_kode"))),
        _text(data.get("status_ktp")), _text(data.get("source")) or source, now,
        None if elsewhere is None else int(bool(elsewhere)), no_kk, place,
    )


class TargetRepo:
    """Import, search and count the target list."""

    def __init__(self, store: "Store"):
        self.store = store

    # -- import ----------------------------------------------------------------

    def upsert_many(
        self,
        rows: Iterable[dict[str, Any]],
        batch: int = 20_000,
        progress: Callable[[int], None] | None = None,
        *,
        errors: list[tuple[int, str]] | None = None,
        source: str = "",
        read_ahead_thread: bool = False,
    ) -> tuple[int, int]:
        """Insert new NIKs and update known ones; return (inserted, updated).

        Rows are dicts with the keys of `FIELDS` (nik and nama required),
        optionally ``no_kk`` and ``tempat_lahir``, and ``recorded_elsewhere``
        from the sync pull only (see `target_row`). A NIK that a retention
        purge kept only as a hash gets its recording linked again
        (`app.store.retention.PurgedNikLinks`), in the same transaction. A bad
        row raises ValueError naming its 1-based row number, or, when `errors`
        is a list, is skipped and reported there as (row number, reason).
        Each batch commits on its own; `progress(rows_done)` runs after each.
        "updated" counts rows whose NIK was already known (changed or not).
        Inside a caller's transaction everything becomes one unit (savepoints),
        e.g. for a dry run that rolls back. `read_ahead_thread`: read and check the next batch in a
        second thread while this one is written (`app.store.read_ahead`; the terminal's import: with a
        window open, a third thread holding Python's lock makes its timers stutter).
        """
        if batch < 1:
            raise ValueError("ukuran batch harus positif")
        now = utc_now()
        numbered = enumerate(rows, start=1)

        def next_batch() -> list[tuple]:
            out: list[tuple] = []
            for number, data in numbered:
                try:
                    out.append(target_row(data, now, source))
                except (ValueError, TypeError, AttributeError) as exc:
                    reason = str(exc) if isinstance(exc, ValueError) else "baris tidak valid"
                    if errors is None:
                        raise ValueError(f"baris {number}: {reason}") from None
                    errors.append((number, reason))
                    continue
                if len(out) >= batch:
                    break
            return out

        batches = read_ahead(next_batch) if read_ahead_thread else (chunk for chunk in iter(next_batch, []))
        with contextlib.closing(batches):
            return self._store_batches(batches, batch, progress)

    def _store_batches(self, batches: Iterator[list[tuple]], batch: int,
                       progress: Callable[[int], None] | None) -> tuple[int, int]:
        """Store the checked rows of `batches` (see `upsert_many`)."""
        chunk = next(batches, [])
        if not chunk:
            return 0, 0
        before = self.count()
        # Rebuilding costs time in proportion to the whole table, so switch to bulk
        # mode only once the import is large against what is already there.
        threshold = max(batch, before // BULK_FRACTION)
        bulk = False
        done = 0
        links = PurgedNikLinks.load(self.store)
        names: _NewNames | None = None
        with contextlib.ExitStack() as bulk_mode:
            while chunk:
                if not bulk and len(chunk) >= batch and done + len(chunk) >= threshold:
                    self._suspend_index()
                    names = _NewNames(self.store)
                    bulk_mode.enter_context(self._bulk_pragmas())
                    # Runs first, with the bulk pragmas still on.
                    bulk_mode.callback(lambda: self._resume_index(refill=not names.current))
                    bulk = True
                with self.store.transaction() as db:
                    changes = db.conn.total_changes
                    upsert_rows(db.conn, chunk)
                    if names is not None:
                        names.add(db.conn, db.conn.total_changes - changes)
                    if links is not None:
                        links.relink(db, (row[0] for row in chunk))
                done += len(chunk)
                if progress is not None:
                    progress(done)
                chunk = next(batches, [])
        inserted = self.count() - before
        AuditLog(self.store).append(
            "targets.imported",
            detail={"rows": done, "inserted": inserted, "updated": done - inserted, "bulk": bulk},
        )
        return inserted, done - inserted

    def merge_from_server(self, rows: list[dict[str, Any]], *, batch: int = 200) -> int:
        """Merge a page of the server's target feed; returns how many rows were taken.

        Rows carry the feed's fields (no ``status_ktp``: the KTP status an import
        gave a known NIK is kept) and ``recorded_elsewhere``. Bad rows are skipped.
        """
        known: dict[str, str] = {}
        niks = [r["nik"] for r in rows]
        for i in range(0, len(niks), 500):
            part = niks[i:i + 500]
            known.update(self.store.query(
                f"SELECT nik, status_ktp FROM targets WHERE nik IN ({', '.join('?' * len(part))})", part))
        merged = [{**r, "status_ktp": known.get(r["nik"], ""), "source": "server"} for r in rows]
        errors: list[tuple[int, str]] = []
        self.upsert_many(merged, batch=batch, errors=errors, source="server")
        return len(merged) - len(errors)

    def drop_server_rows_outside(self, area_digits: list[str]) -> int:
        """The admin moved this device to another area: remove the targets the server's
        feed brought (``source`` 'server') whose kelurahan lies outside `area_digits`
        (`app.core.regions.in_area`), except those this laptop recorded or visited (its
        work stays in view). Rows from the office's own import stay. Returns how many went.
        An empty area removes nothing."""
        if not area_digits:
            return 0
        outside = [k for k in self.kelurahan_codes() if not region_in_area(k, area_digits)]
        gone = 0
        for kode in outside:
            with self.store.transaction() as db:
                gone += db.conn.execute(
                    "DELETE FROM targets WHERE kelurahan_kode = ? AND source = 'server'"
                    " AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.nik = targets.nik)"
                    " AND NOT EXISTS (SELECT 1 FROM target_outcomes o WHERE o.nik = targets.nik)",
                    (kode,)).rowcount
        if gone:
            AuditLog(self.store).append("targets.area_changed", detail={"dropped": gone})
        return gone

    @contextlib.contextmanager
    def _bulk_pragmas(self) -> Iterator[None]:
        """A larger page cache and rarer WAL checkpoints for a bulk import (this connection only)."""
        conn = self.store.conn
        with self.store.reading():
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            checkpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            threads = conn.execute("PRAGMA threads").fetchone()[0]
            conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_AUTOCHECKPOINT}")
            conn.execute(f"PRAGMA threads = {BULK_SORT_THREADS}")  # index rebuilds sort on two cores
        try:
            yield
        finally:
            with self.store.reading():
                conn.execute(f"PRAGMA cache_size = {int(cache)}")
                conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
                conn.execute(f"PRAGMA threads = {int(threads)}")

    def _suspend_index(self) -> None:
        """Drop the FTS triggers and secondary indexes, remembering them in the database (crash-safe)."""
        settings = Settings(self.store)
        with self.store.transaction() as db:
            objects = _dependents(db.conn)
            if settings.get(SUSPENDED_KEY) is None:
                settings.set(SUSPENDED_KEY, [sql for _, _, sql in objects])
            for kind, name, _ in objects:
                db.conn.execute(f'DROP {kind} "{name}"')

    def _resume_index(self, *, refill: bool = True) -> None:
        """Recreate what `_suspend_index` dropped and rebuild the name index (unless `refill` is False:
        it was kept current), in one transaction."""
        settings = Settings(self.store)
        with self.store.transaction() as db:
            saved = settings.get(SUSPENDED_KEY)
            if saved is None:
                return
            for kind, name, _ in _dependents(db.conn):
                db.conn.execute(f'DROP {kind} "{name}"')
            for sql in saved:
                db.conn.execute(sql)
            if refill:
                _refill_name_index(db.conn)
            progress_tally.rebuild(db.conn)
            settings.delete(SUSPENDED_KEY)

    def index_suspended(self) -> bool:
        return SUSPENDED_KEY in Settings(self.store)

    def repair_index(self) -> bool:
        """Finish an import a crash interrupted (rebuild the name index); True if there was one."""
        if not self.index_suspended():
            return False
        self._resume_index()
        return True

    # -- reading ---------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> list[Target]:
        """Targets whose NIK starts with `text` (digits) or whose name has words starting with each word of `text`.

        NIK matches come in NIK order; name matches sorted by name.
        """
        condition = _search_condition(text, limit=limit)
        if condition is None:
            return []
        where, params, is_name = condition
        if is_name:
            rows = self.store.query(f"{_SELECT} WHERE {where}", params)
            return sorted((_target(r) for r in rows), key=lambda t: (t.nama, t.nik))
        rows = self.store.query(f"{_SELECT} WHERE {where} ORDER BY t.nik LIMIT ?", (*params, limit))
        return [_target(r) for r in rows]

    def page(
        self, search: str | None = None, *, only_open: bool = False, only_elsewhere: bool = False,
        limit: int = 100, offset: int = 0, where: TargetFilter | None = None,
    ) -> list[Target]:
        """One page of the target list view.

        Without `search`: in the order `where` says (by default by kelurahan,
        RW, RT and name). With it: NIK-prefix matches in NIK order, or name
        matches in import order (stable across pages, fast at city scale).
        `only_open` leaves out residents already recorded on this laptop
        (completed, not draft or rejected) or, as the server says, by another
        team; `only_elsewhere` keeps only those another team recorded. `where`
        narrows by area, category and outcome (`TargetFilter`).
        """
        found = self._conditions(search, only_open, only_elsewhere, where, limit=limit + offset)
        if found is None:
            return []
        clauses, params, order = found
        # Deferred join: the page's ids are found and sorted on the indexes alone; only its
        # rows are then read whole (recording status, latest outcome), in the same order.
        source = where.source() if where is not None else "targets t"
        ids = (f"SELECT t.id FROM {source}" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
               + f" ORDER BY {order} LIMIT ? OFFSET ?")
        sql = f"{_SELECT} WHERE t.id IN ({ids}) ORDER BY {order}"
        return [_target(r) for r in self.store.query(sql, (*params, limit, offset))]

    def count_matching(
        self, search: str | None = None, *, only_open: bool = False, only_elsewhere: bool = False,
        where: TargetFilter | None = None,
    ) -> int:
        """How many targets `page` would list with the same arguments (all pages)."""
        found = self._conditions(search, only_open, only_elsewhere, where, ordered=False)
        if found is None:
            return 0
        clauses, params, _order = found
        source = where.source() if where is not None else "targets t"
        sql = f"SELECT count(*) FROM {source}" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
        return self.store.query(sql, params)[0][0]

    def _scan_in_order(self, where: TargetFilter, limit: int) -> bool:
        """`TargetFilter.scan_in_order` with the sizes of its NIK sets (small indexes) and the list's
        size as its largest id (no count of a city's rows per page)."""
        sizes = [self.store.query(sql, params)[0][0] for sql, params in where.set_sizes_sql()]
        if not sizes:
            return False
        total = self.store.query("SELECT coalesce(max(id), 0) FROM targets")[0][0]
        return where.scan_in_order(sizes, total, limit)

    def _conditions(
        self, search: str | None, only_open: bool, only_elsewhere: bool, where: TargetFilter | None,
        *, ordered: bool = True, limit: int = 100,
    ) -> tuple[list[str], list[Any], str] | None:
        """(conditions on ``t``, parameters, order) for `page` and (not `ordered`) `count_matching`;
        None: nothing matches."""
        if where is None:
            clauses, params = [], []
        else:
            clauses, params = where.conditions(scan=ordered and self._scan_in_order(where, limit), ordered=ordered)
        order = (where or TargetFilter()).order_by()
        if search and search.strip():
            condition = _search_condition(search)
            if condition is None:
                return None
            clause, clause_params, is_name = condition
            clauses.insert(0, clause)
            params[:0] = clause_params
            order = "t.id" if is_name else "t.nik"
        if only_open:
            clauses.extend(_OPEN)
            params.extend(RECORDED_STATUSES)
        if only_elsewhere:
            clauses.append(f"t.nik IN ({_ELSEWHERE_NIKS})")
        return clauses, params, order

    def next_open_in_rt(self, nik: str) -> Target | None:
        """The next resident to visit after `nik` in the same RT (same kelurahan, RW and RT), in the list's
        order (name, then NIK): not recorded here nor by another team. After the last comes the first
        again; None when `nik` is not on the list or nobody else in its RT is left."""
        current = self.get(nik)
        if current is None:
            return None
        rest = [t for t in self.open_in_rt(current.kelurahan_kode, current.rw, current.rt) if t.nik != nik]
        after = [t for t in rest if (t.nama, t.nik) > (current.nama, current.nik)]
        return (after or rest or [None])[0]

    def open_in_rt(self, kelurahan_kode: str, rw: str, rt: str) -> list[Target]:
        """The RT's residents still to visit (not recorded here nor by another team), by name and NIK."""
        rows = self.store.query(
            f"{_SELECT} WHERE t.kelurahan_kode = ? AND t.rw = ? AND t.rt = ?"
            f" AND {' AND '.join(_OPEN)} ORDER BY t.nama, t.nik",
            (kelurahan_kode, rw, rt, *RECORDED_STATUSES))
        return [_target(r) for r in rows]

    def each(self, batch: int = 5000) -> Iterator[Target]:
        """Every target in NIK order, read `batch` rows at a time (for an export of any size)."""
        after = ""
        while True:
            rows = self.store.query(f"{_SELECT} WHERE t.nik > ? ORDER BY t.nik LIMIT ?", (after, batch))
            yield from (_target(r) for r in rows)
            if len(rows) < batch:
                return
            after = rows[-1][0]

    def get(self, nik: str) -> Target | None:
        rows = self.store.query(f"{_SELECT} WHERE t.nik = ?", (nik,))
        return _target(rows[0]) if rows else None

    def kelurahan_codes(self) -> list[str]:
        """The kelurahan codes on the list, one index seek per kelurahan (fast at city scale)."""
        codes: list[str] = []
        while True:
            rows = self.store.query("SELECT min(kelurahan_kode) FROM targets WHERE kelurahan_kode > ?",
                                    (codes[-1] if codes else "",))
            if not rows or rows[0][0] is None:
                return codes
            codes.append(rows[0][0])

    def count(self) -> int:
        return self.store.query("SELECT count(*) FROM targets")[0][0]

    def in_area(
        self, kelurahan_kode: str, rw: str | None = None, rt: str | None = None, *, limit: int = 500, offset: int = 0
    ) -> list[Target]:
        """Targets of one kelurahan (optionally one RW/RT), by RW, RT and name (for invitations)."""
        where, params = ["t.kelurahan_kode = ?"], [kelurahan_kode]
        for column, value in (("rw", rw), ("rt", rt)):
            if value is not None:
                where.append(f"t.{column} = ?")
                params.append(value)
        rows = self.store.query(
            f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY t.rw, t.rt, t.nama LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_target(r) for r in rows]

    def progress_by(self, level: Any, within: str | None = None) -> list[Progress]:
        """Recorded vs target per area.

        `level` is ``kecamatan``, ``kelurahan``, ``rw`` or ``rt`` (or a
        `RegionLevel`-like enum member whose name is one of these); `within`
        limits to kelurahan codes starting with it (e.g. a kecamatan code).
        A target counts as recorded when a completed (not draft, not
        rejected) recording with its NIK exists here, or when the server says
        another team recorded it; a NIK that is both counts once.
        """
        name = str(getattr(level, "name", level)).lower()
        if name not in _PROGRESS_KEYS:
            raise ValueError(f"tingkat progres tidak dikenal: {level!r}")
        keys = _PROGRESS_KEYS[name]
        area, area_params = "", []
        if within:
            area = " AND t.kelurahan_kode >= ? AND t.kelurahan_kode < ?"
            area_params = [within, within + "\uffff"]
        # From the tallies the triggers keep (`app.store.progress_tally`): a NIK recorded here and by
        # another team counts once.
        rows = self.store.query(
            f"SELECT {', '.join(keys)}, sum(t.targets), sum(t.here + t.elsewhere - t.here_elsewhere),"
            f" sum(t.elsewhere) FROM target_area_tally t WHERE t.targets > 0{area}"
            f" GROUP BY {', '.join(keys)} ORDER BY {', '.join(keys)}", area_params)
        n = len(keys)
        return [Progress(key=tuple(r[:n]), target=r[n], recorded=r[n + 1], elsewhere=r[n + 2]) for r in rows]

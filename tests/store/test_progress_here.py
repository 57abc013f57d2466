"""What was recorded here, kept in Laporan's tallies by triggers (app.store.progress_tally): after any
mix of recordings completed, edited, returned, synced, corrected, deleted or purged, marks, outcomes,
imports, removals and flags from the server, in any order, the snapshot equals a straight recount of
the rows (the oracle below reads only the tables the operator's work writes, never the tallies)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.categories import Category, birth_range
from app.core.lifecycle import RecordingStatus, can_move
from app.core.messages import CodedError
from app.core.outcomes import MANUAL
from app.core.progress import (ACCEPTED_STATUS, NOT_VISITED, RECORDED_STATUSES, Grouping, Snapshot, Tally, Work,
                               local_day)
from app.core.resident import Resident
from app.store.database import open_profile
from app.store.migrations import LATEST_VERSION, NAMES
from app.store.progress_query import snapshot
from app.store.recordings import Recording, RecordingRepo
from app.store.targets import TargetRepo
from app.store.visits import VisitOutcomes
from support.profiles import PASSPHRASE
from support.progress_data import OFFSET as FILL_OFFSET
from support.progress_data import fill, hand_count

ON = dt.date(2025, 6, 15)
NIKS = [f"16710{i % 9 + 1}{i % 28 + 1:02d}0190{i:04d}" for i in range(8)] + ["3171010101900002"]
"""Eight NIKs the list may hold, and one it never does."""
BIRTHS = [None, dt.date(1950, 3, 1), dt.date(2008, 7, 20), dt.date(2008, 12, 31), dt.date(1990, 5, 5)]
"""No birth date, lansia, pelajar by age (turns 17 within 6 months), just past that, an adult."""
AREAS = [("16.71.01.1001", "001", "001"), ("16.71.01.1001", "001", "002"), ("16.71.02.1003", "002", "001")]
OFFSETS = (420, 330, 7)  # WIB; India (whole quarter hours: the visits' tally); 7 minutes (read live)


def oracle(store, offset: int) -> Snapshot:
    """Laporan's figures counted straight from the rows, in Python (`app.core.progress`'s rules)."""
    targets = {nik: (kel, rw, rt, born or "", bool(re)) for nik, kel, rw, rt, born, re in store.query(
        "SELECT nik, kelurahan_kode, rw, rt, tanggal_lahir, recorded_elsewhere FROM targets")}
    recordings = store.query("SELECT uuid, nik, status, created_at, operator, replaces_uuid FROM recordings")
    counted = [r for r in recordings if r[2] in RECORDED_STATUSES]
    here = {r[1] for r in counted if r[1]}
    accepted = {r[1] for r in counted if r[1] and r[2] == ACCEPTED_STATUS}
    marks = defaultdict(set)
    for nik, category in store.query("SELECT nik, category FROM target_categories"):
        marks[nik].add(category)
    outcome_of = dict(store.query("SELECT nik, outcome FROM target_outcomes"))
    lansia_until = birth_range(Category.LANSIA, ON)[1].isoformat()
    pel_after, pel_until = (d.isoformat() for d in birth_range(Category.PELAJAR, ON))
    areas: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    categories: dict[str, Tally] = defaultdict(Tally)
    outcomes: dict[str, Tally] = defaultdict(Tally)
    for nik, (kel, rw, rt, born, elsewhere) in targets.items():
        figures = Tally(1, int(nik in here), int(nik in accepted), int(elsewhere and nik not in here))
        for k, n in enumerate((figures.target, figures.here, figures.accepted, figures.elsewhere)):
            areas[(kel, rw, rt)][k] += n
        groups = set(marks[nik])
        if born and born <= lansia_until:
            groups.add(Category.LANSIA.value)
        if born and pel_after < born <= pel_until:
            groups.add(Category.PELAJAR.value)
        for category in groups:
            categories[category] += figures
        outcomes[outcome_of.get(nik, NOT_VISITED)] += figures
    replaced = {r[5] for r in counted if r[5]}
    work: dict[tuple[str, str], Work] = defaultdict(Work)
    for uuid, nik, status, created, operator, _ in counted:
        if uuid not in replaced:
            work[(local_day(created, offset), operator)] += Work(1, int(nik in targets), int(status == ACCEPTED_STATUS))
    for visited, operator in store.query("SELECT visited_at, operator FROM visit_outcomes WHERE outcome != 'direkam'"):
        work[(local_day(visited, offset), operator)] += Work(visits=1)
    return Snapshot(on=ON, areas=tuple((*key, *v) for key, v in sorted(areas.items())),
                    categories=dict(categories), outcomes=dict(outcomes),
                    work=tuple(({"day": d, "operator": o}, w) for (d, o), w in sorted(work.items())))


def _hand(row) -> tuple[int, ...]:
    """A row's figures as `support.progress_data.hand_count` gives them."""
    f = row.figures
    return (f.target, f.here, f.accepted, f.elsewhere) if isinstance(f, Tally) else (
        f.recorded, f.on_list, f.accepted, f.visits)


def _rows(snap: Snapshot, grouping: Grouping) -> dict:
    return {row.key: row.figures for row in snap.rows(grouping) if row.figures not in (Tally(), Work())}


def assert_equals_recount(store, offsets: tuple[int, ...] = OFFSETS) -> None:
    for offset in offsets:
        got, want = snapshot(store, on=ON, utc_offset_minutes=offset), oracle(store, offset)
        for grouping in Grouping:
            assert _rows(got, grouping) == _rows(want, grouping), (offset, grouping)


class Field:
    """The operator's, the supervisor's, the importer's and the sync's moves, through the store's calls."""

    def __init__(self, store):
        self.store, self.targets, self.repo = store, TargetRepo(store), RecordingRepo(store)
        self.visits, self.uuids, self.clock = VisitOutcomes(store), [], itertools.count()

    def _status(self, uuid: str) -> RecordingStatus:
        return self.repo.get(uuid).status

    def apply(self, op: tuple) -> None:
        kind, a, b = op
        nik = NIKS[a % len(NIKS)]
        rec_uuid = self.uuids[a % len(self.uuids)] if self.uuids else None
        if kind == "import" and a < 8:
            kel, rw, rt = AREAS[b % len(AREAS)]
            self.targets.upsert_many([{"nik": nik, "nama": f"WARGA {a}", "tanggal_lahir": BIRTHS[b % len(BIRTHS)],
                                       "kelurahan_kode": kel, "rw": rw, "rt": rt}], source="uji")
        elif kind == "remove":
            with self.store.transaction() as db:
                db.conn.execute("DELETE FROM targets WHERE nik = ?", (nik,))
        elif kind == "flag":  # as the sync pull leaves it
            with self.store.transaction() as db:
                db.conn.execute("UPDATE targets SET recorded_elsewhere = ? WHERE nik = ?", (b % 2, nik))
        elif kind == "record":
            created = dt.datetime(2025, 6, 10 + b % 4, 16 + b % 8, 50, tzinfo=dt.timezone.utc)
            rec = Recording.new(Resident(nik=nik, nama=f"WARGA {a}"), operator=f"OP{b % 2}",
                                status=RecordingStatus.COMPLETE if b % 4 else RecordingStatus.DRAFT,
                                ).with_changes(created_at=created.isoformat(timespec="milliseconds"))
            self.repo.save(rec, enqueue=b % 4 > 1)
            self.uuids.append(rec.uuid)
        elif kind == "fix" and rec_uuid and self._status(rec_uuid) is RecordingStatus.REJECTED:
            old = self.repo.get(rec_uuid)
            fixed = Recording.new(old.resident, operator=old.operator, status=RecordingStatus.COMPLETE,
                                  replaces_uuid=rec_uuid)
            self.repo.save(fixed, enqueue=True)
            self.uuids.append(fixed.uuid)
        elif kind == "move" and rec_uuid and not self.repo.get(rec_uuid).purged:
            current = self._status(rec_uuid)
            allowed = [s for s in RecordingStatus if s is not current and can_move(current, s)]
            try:  # synced, accepted, rejected, returned as a draft, ...
                self.repo.set_status(rec_uuid, allowed[b % len(allowed)])
            except CodedError as exc:  # the store's refusal: already on the server
                assert exc.code == "recording.on_server", exc
        elif kind == "sync":  # a sync round: the queued ones sent, the server's verdicts on those sent
            for i, uuid in enumerate(self.uuids):
                current = self._status(uuid)
                if current is RecordingStatus.QUEUED:
                    self.repo.set_status(uuid, RecordingStatus.SENT)
                elif current in SYNC_NEXT and (a + i) % 4 != 3:  # mostly accepted; some rejected, some doubted
                    self.repo.apply_verdicts([(uuid, SYNC_NEXT[current][(b + i) % 4 == 3], {"status": "uji"})])
        elif kind == "edit" and rec_uuid:
            rec = self.repo.get(rec_uuid)
            if rec.status.editable and not rec.purged:
                edited = rec.with_changes(resident=Resident(nik=NIKS[b % len(NIKS)], nama=rec.resident.nama))
                try:
                    self.repo.save(edited, enqueue=rec.status is RecordingStatus.QUEUED)
                except CodedError as exc:
                    assert exc.code == "recording.on_server", exc
        elif kind == "delete" and rec_uuid:
            if self._status(rec_uuid) is RecordingStatus.DRAFT:
                self.repo.delete_draft(rec_uuid)
                self.uuids.remove(rec_uuid)
        elif kind == "purge" and rec_uuid:  # the retention purge keeps a hash instead of the NIK
            with self.store.transaction() as db:
                db.conn.execute("UPDATE recordings SET nik = '', nik_hash = 'h', purged_at = '2025-06-14'"
                                " WHERE uuid = ? AND status = ?", (rec_uuid, ACCEPTED_STATUS))
        elif kind == "mark" and a < len(NIKS):
            category = (Category.PELAJAR, Category.DIFABEL)[b % 2]
            if b % 4 < 2:
                self.visits.mark([nik], category, source="uji")
            else:
                self.visits.unmark(nik, category)
        elif kind == "outcome" and self.store.query("SELECT 1 FROM targets WHERE nik = ?", (nik,)):
            outcome = MANUAL[b % len(MANUAL)]
            try:
                self.visits.record(nik, outcome, today=ON, operator=f"OP{b % 2}",
                                   revisit_date=ON if outcome.needs_revisit else None)
            except CodedError as exc:  # a NIK recorded here takes no other outcome
                assert exc.code == "outcome.after_direkam", exc


SYNC_NEXT = {RecordingStatus.SENT: (RecordingStatus.ACCEPTED, RecordingStatus.REJECTED),
             RecordingStatus.ACCEPTED: (RecordingStatus.ACCEPTED, RecordingStatus.DUPLICATE_REVIEW),
             RecordingStatus.DUPLICATE_REVIEW: (RecordingStatus.ACCEPTED, RecordingStatus.REJECTED)}
KINDS = ["import", "remove", "flag", "record", "record", "fix", "move", "sync", "sync", "edit", "delete", "purge",
         "mark", "outcome"]
OPS = st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(range(9)), st.sampled_from(range(12))), min_size=8,
               max_size=40)
_runs = itertools.count()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_order_of_work_gives_the_recount(profile_templates, tmp_path, ops):
    with open_profile(profile_templates.copy(tmp_path / f"p{next(_runs)}"), PASSPHRASE) as store:
        field = Field(store)
        for i in range(6):  # a list to start from, some flagged by the server, some marked
            field.apply(("import", i, i))
        for op in (("flag", 1, 1), ("flag", 2, 1), ("mark", 2, 0), ("mark", 4, 0), ("mark", 3, 1)):
            field.apply(op)
        for op in ops:
            field.apply(op)
            assert_equals_recount(store, OFFSETS[:1])
        assert_equals_recount(store)


def test_every_kind_of_change_in_turn(store):
    """A walk through every change, each checked against the recount as it happens."""
    field, repo = Field(store), RecordingRepo(store)

    def step(op: tuple | None, overall: tuple[int, int, int, int]) -> None:
        if op is not None:
            field.apply(op)
        assert_equals_recount(store)
        got = snapshot(store, on=ON).overall
        assert (got.target, got.here, got.accepted, got.elsewhere) == overall, op

    for i in range(6):
        field.apply(("import", i, i))
    for op in (("flag", 1, 1), ("flag", 2, 1), ("mark", 2, 0), ("mark", 3, 1), ("mark", 8, 0)):
        field.apply(op)
    step(None, (6, 0, 0, 2))
    step(("record", 1, 2), (6, 1, 0, 1))  # queued, of a NIK another team recorded too: once, here
    step(("record", 2, 1), (6, 2, 0, 0))  # completed, waiting for the supervisor
    step(("record", 8, 2), (6, 2, 0, 0))  # a NIK not on the list: work only
    step(("record", 4, 0), (6, 2, 0, 0))  # a draft
    a, b, _, d = field.uuids
    repo.set_status(a, RecordingStatus.SENT)  # synced
    step(None, (6, 2, 0, 0))
    repo.set_status(a, RecordingStatus.ACCEPTED)
    step(None, (6, 2, 1, 0))
    repo.set_status(b, RecordingStatus.DRAFT)  # returned by the supervisor
    step(None, (6, 1, 1, 1))
    draft = repo.get(d)
    repo.save(draft.with_changes(resident=Resident(nik=NIKS[5], nama="WARGA 5"), status=RecordingStatus.COMPLETE),
              enqueue=False)  # the draft edited to another NIK and completed
    step(None, (6, 2, 1, 1))
    repo.delete_draft(b)
    step(None, (6, 2, 1, 1))
    step(("record", 6, 2), (6, 2, 1, 1))  # before the NIK is on the list
    step(("import", 6, 2), (7, 3, 1, 1))  # the list brings it
    e = field.uuids[-1]
    repo.set_status(e, RecordingStatus.SENT)
    repo.set_status(e, RecordingStatus.REJECTED)
    step(None, (7, 2, 1, 1))
    step(("fix", field.uuids.index(e), 0), (7, 3, 1, 1))  # corrected: counted once more
    step(("outcome", 0, 0), (7, 3, 1, 1))
    step(("mark", 2, 2), (7, 3, 1, 1))  # pelajar mark taken off
    step(("flag", 2, 0), (7, 3, 1, 0))
    step(("import", 2, 4), (7, 3, 1, 0))  # moved to another RT, another birth date
    step(("remove", 6, 0), (6, 2, 1, 0))
    # The accepted one purged: its NIK gone, the target counts as another team's again.
    step(("purge", field.uuids.index(a), 0), (6, 1, 0, 1))
    step(("import", 6, 3), (7, 2, 0, 1))


@pytest.mark.parametrize("bulk", [False, True])
def test_an_import_after_the_recordings_counts_them(store, bulk):
    """Recordings of NIKs not yet on the list count once the list brings them, small import or bulk."""
    field = Field(store)
    for i in range(4):
        field.apply(("record", i, 2))
    field.apply(("move", 0, 3))
    rows = [{"nik": f"167101150180{i:04d}", "nama": f"WARGA {i}", "kelurahan_kode": AREAS[0][0], "rw": "001",
             "rt": "001"} for i in range(1, 300 if bulk else 3)]
    rows += [{"nik": NIKS[i], "nama": f"WARGA {i}", "kelurahan_kode": AREAS[1][0], "rw": AREAS[1][1],
              "rt": AREAS[1][2], "tanggal_lahir": BIRTHS[2]} for i in range(3)]
    field.targets.upsert_many(rows, batch=50)
    assert store.query("SELECT json_extract(detail, '$.bulk') FROM audit WHERE action = 'targets.imported'"
                       " ORDER BY id DESC LIMIT 1") == [(int(bulk),)]
    assert_equals_recount(store)
    assert snapshot(store, on=ON).categories[Category.PELAJAR.value].here == 3


def _store_at_0020(directory):
    """A profile at the version before ``0021_recorded_here``, opened as a Store without upgrading it."""
    from app.store.database import Store
    from app.store.profile import read_profile
    from store_support import make_profile_at_version

    db = make_profile_at_version(directory, NAMES.index("0021_recorded_here"))
    return Store(directory, db.conn, read_profile(directory))


def test_the_migration_counts_what_was_recorded_before_it(tmp_path):
    """Field work stored at 0020 (the old tallies, no `recorded_here`), migrated: the same figures as the
    hand count, and the triggers keep them from there on."""
    with _store_at_0020(tmp_path / "p") as old:
        plan = fill(old)
        assert not old.query("SELECT 1 FROM sqlite_master WHERE name = 'recorded_here'")
    with open_profile(tmp_path / "p", PASSPHRASE) as store:
        assert store.schema_version == LATEST_VERSION
        snap = snapshot(store, on=ON, utc_offset_minutes=FILL_OFFSET)
        expected = hand_count(plan)
        for grouping in Grouping:
            got = {row.key: _hand(row) for row in snap.rows(grouping) if any(_hand(row))}
            assert got == expected[grouping.value], grouping
        assert_equals_recount(store)
        assert snap.overall.here >= 20 and snap.overall.accepted >= 5
        field = Field(store)
        field.apply(("record", 7, 2))
        field.apply(("sync", 0, 0))
        assert_equals_recount(store)


def test_an_import_interrupted_before_the_migration_is_repaired_with_the_new_triggers(tmp_path):
    """A bulk import crashed at 0020 (the triggers on targets dropped, saved as 0020 wrote them): the
    migration saves the new ones instead, the repair recreates them and recounts."""
    with _store_at_0020(tmp_path / "p") as old:
        fill(old)
        with old.transaction() as db:
            saved = [sql for (sql,) in db.conn.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'targets' AND type IN ('trigger', 'index')"
                " AND sql IS NOT NULL")]
            db.conn.execute("INSERT INTO settings (key, value, updated_at) VALUES ('targets.bulk_suspended_sql', ?,"
                            " 'x')", (json.dumps(saved),))
            for (kind, name) in db.conn.execute(
                    "SELECT type, name FROM sqlite_master WHERE tbl_name = 'targets' AND type IN ('trigger', 'index')"
                    " AND sql IS NOT NULL").fetchall():
                db.conn.execute(f"DROP {kind} {name}")
            db.conn.execute("INSERT INTO targets (nik, nama, updated_at) VALUES (?, 'WARGA BARU', 'x')", (NIKS[7],))
    with open_profile(tmp_path / "p", PASSPHRASE) as store:
        assert not TargetRepo(store).index_suspended()
        triggers = dict(store.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE 'targets_tally_%'"))
        assert len(triggers) == 3 and all("recorded_here" in sql for sql in triggers.values())
        assert_equals_recount(store)
        Field(store).apply(("record", 7, 2))  # a recording of the row the crashed import wrote
        assert_equals_recount(store)

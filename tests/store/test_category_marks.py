"""Changes of marked categories kept for the server, in a real SQLCipher profile: a new mark, a mark taken
off and a school's class list each write one change in the same transaction as the mark; repeats write
none; a refused mark writes nothing; the sync states move as for visit outcomes; marks made before the
table existed are sent once after the upgrade."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.categories import Category
from app.school_import import import_class_list
from app.store.category_marks import CategoryMarks
from app.store.database import open_profile
from app.store.migrations import NAMES
from app.store.sync_rows import ACKED, PENDING, REFUSED
from app.store.trips import Trips
from app.store.visits import VisitOutcomes
from support.profiles import PASSPHRASE
from app.core.values import JenisKelamin
from store_support import make_nik as _nik, make_profile_at_version

TODAY = dt.date.today()


def make_nik(serial: int, born: dt.date = dt.date(1980, 5, 17)) -> str:
    return _nik(born, JenisKelamin.LAKI_LAKI, serial)


def _changes(store) -> list[tuple]:
    return store.query("SELECT nik, category, marked, source, sync_state FROM category_marks ORDER BY rowid")


def test_each_change_of_a_mark_is_kept_once(store):
    visits, a, b = VisitOutcomes(store), make_nik(1), make_nik(2)
    assert visits.mark([a, b], Category.DIFABEL, source="tangan") == 2
    assert visits.mark([a], "difabel") == 0  # already marked: no change, nothing to send
    assert visits.unmark(a, Category.DIFABEL) is True
    assert visits.unmark(a, Category.DIFABEL) is False  # not marked any more: no change
    assert _changes(store) == [(a, "difabel", 1, "tangan", PENDING), (b, "difabel", 1, "tangan", PENDING),
                               (a, "difabel", 0, "", PENDING)]
    with pytest.raises(ValueError):
        visits.mark([make_nik(3), "12345"], Category.TAHANAN)  # one bad NIK: none of them marked
    with pytest.raises(ValueError):
        visits.mark([make_nik(3)], Category.LANSIA)  # the birth date decides lansia
    assert len(_changes(store)) == 3 and visits.marked(make_nik(3)) == set()


def test_pending_changes_move_to_acked_or_refused(store):
    visits, marks = VisitOutcomes(store), CategoryMarks(store)
    visits.mark([make_nik(i) for i in range(1, 6)], Category.PEKERJA, source="PT Uji")
    pending = marks.pending(limit=10)
    assert [m.nik for m in pending] == [make_nik(i) for i in range(1, 6)] and marks.pending_count() == 5
    assert all(m.category is Category.PEKERJA and m.marked and m.source == "PT Uji" for m in pending)
    assert marks.mark_synced([m.uuid for m in pending[:3]]) == 3
    assert marks.mark_synced([pending[0].uuid]) == 0  # a resend's answer: counted once
    marks.mark_refused(pending[3].uuid, "sync.conflict")
    assert [m.uuid for m in marks.pending()] == [pending[4].uuid]
    states = [s for *_, s in _changes(store)]
    assert states == [ACKED, ACKED, ACKED, REFUSED, PENDING]


def test_a_class_list_marks_its_students_pelajar_once(store, tmp_path):
    trip = Trips(store).create("SMAN 1 Uji", "sekolah", "SMAN 1", TODAY, TODAY, ["Ani"], actor="ani")
    born = TODAY - dt.timedelta(days=16 * 365 + 30)
    niks = [make_nik(10 + i, born) for i in range(3)]
    path = tmp_path / "kelas.csv"
    path.write_text("Nama;NIK;Tgl Lahir;L/P;Kelas\n" + "".join(
        f"Siswa {'ABC'[i]};{nik};{born.strftime('%d-%m-%Y')};L;XI\n" for i, nik in enumerate(niks)), encoding="utf-8")
    first = import_class_list(store, trip.id, path, today=TODAY)
    assert (first.added, first.problems) == (3, []), first.problems
    import_class_list(store, trip.id, path, today=TODAY)  # the list again: the marks are held already
    assert [(n, c, m) for n, c, m, *_ in _changes(store)] == [(nik, "pelajar", 1) for nik in niks]
    assert all(source == "daftar kelas: SMAN 1 Uji" for *_, source, _state in _changes(store))


def test_marks_made_before_the_upgrade_are_sent_once(tmp_path):
    directory = tmp_path / "p"
    db = make_profile_at_version(directory, NAMES.index("0019_category_marks"))
    db.conn.executemany("INSERT INTO target_categories (nik, category, source, marked_at) VALUES (?, ?, ?, ?)",
                        [(make_nik(1), "difabel", "tangan", "2026-11-01T08:00:00.000Z"),
                         (make_nik(2), "tahanan", "x" * 300, "2026-11-02T08:00:00.000Z")])
    db.conn.commit()
    db.conn.close()
    with open_profile(directory, PASSPHRASE) as store:
        pending = CategoryMarks(store).pending()
        assert [(m.nik, m.category, m.marked, len(m.source)) for m in pending] == [
            (make_nik(1), Category.DIFABEL, True, 6), (make_nik(2), Category.TAHANAN, True, 200)]
        assert len({m.uuid for m in pending}) == 2

"""Trips in a real SQLCipher profile: create, edit, activate (one at a time, only on its days), planned
targets; recordings and visit outcomes attach to the active trip; a school's class list is read by the
one target-file reader, split by the day, and each card's delivery to the school is kept."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from app.core.lifecycle import RecordingStatus
from app.core.messages import CodedError
from app.core.outcomes import Outcome
from app.core.school import StudentStatus
from app.core.values import JenisKelamin
from app.school_import import import_class_list
from app.store.recordings import Recording, RecordingRepo
from app.store.school import School
from app.store.targets import TargetRepo
from app.store.trips import Trips
from app.store.visits import VisitOutcomes
from app.targetfile import ImportFileError
from store_support import make_media, make_nik, make_resident

TODAY = dt.date.today()


def _trip(store, **kw):
    args = dict(name="Jemput Bola RW 03", trip_type="rumah", place="Kel. Tanah Garam",
                start=TODAY, end=TODAY + dt.timedelta(days=1), team=["Ani", "Budi"])
    args.update(kw)
    return Trips(store).create(args.pop("name"), args.pop("trip_type"), args.pop("place"), args.pop("start"),
                               args.pop("end"), args.pop("team"), actor="ani")


def test_create_edit_list_and_refuse(store):
    trips = Trips(store)
    first = _trip(store)
    second = _trip(store, name="Lapas Kelas IIB", trip_type="lapas", place="Lapas Solok",
                   start=TODAY + dt.timedelta(days=7), end=TODAY + dt.timedelta(days=7))
    assert [t.id for t in trips.list()] == [second.id, first.id]
    assert trips.get(first.id) == first and first.team == ("Ani", "Budi")

    edited = trips.update(first.id, "Jemput Bola RW 03 & 04", "perbatasan", "Desa Sungai Abu",
                          TODAY, TODAY + dt.timedelta(days=2), ["Ani", "Citra"])
    assert trips.get(first.id) == edited and edited.type.value == "perbatasan"

    with pytest.raises(CodedError) as err:
        trips.update(first.id, "X", "perbatasan", "Desa", TODAY, TODAY, ["Ani"])
    assert err.value.code == "trip.overnight_needs_nights"
    assert trips.get(first.id) == edited  # nothing changed
    with pytest.raises(CodedError) as err:
        trips.get("00000000-0000-4000-8000-000000000000")
    assert err.value.code == "trip.unknown"
    with pytest.raises(CodedError):
        _trip(store, team=[])
    assert len(trips.list()) == 2


def test_one_activated_trip_only_on_its_days(store):
    trips = Trips(store)
    now = _trip(store)
    later = _trip(store, name="Nanti", start=TODAY + dt.timedelta(days=3), end=TODAY + dt.timedelta(days=3))
    past = _trip(store, name="Kemarin", start=TODAY - dt.timedelta(days=2), end=TODAY - dt.timedelta(days=1))
    assert trips.active(TODAY) is None
    for trip, code in ((later, "trip.not_started"), (past, "trip.ended")):
        with pytest.raises(CodedError) as err:
            trips.activate(trip.id, TODAY)
        assert err.value.code == code
    trips.activate(now.id, TODAY)
    assert trips.active(TODAY) == now
    trips.activate(later.id, later.start)  # another one: the first is no longer activated
    assert trips.activated() == later and trips.active(TODAY) is None
    assert store.query("SELECT count(*) FROM trips WHERE activated = 1")[0][0] == 1
    trips.activate(now.id, TODAY)
    assert trips.active(TODAY + dt.timedelta(days=2)) is None  # past its last day: not active
    trips.deactivate()
    assert trips.activated() is None


def _targets(store, fake, n):
    rng = random.Random(5)
    residents = [make_resident(fake, rng) for _ in range(n)]
    TargetRepo(store).upsert_many([{"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir,
                                    "kelurahan_kode": r.kelurahan_kode, "rt": r.rt, "rw": r.rw}
                                   for r in residents])
    return residents


def test_recordings_and_outcomes_attach_to_the_active_trip(store, fake):
    trips, visits, repo = Trips(store), VisitOutcomes(store), RecordingRepo(store)
    residents = _targets(store, fake, 4)
    before = visits.record(residents[0].nik, Outcome.TIDAK_DI_RUMAH, today=TODAY)
    assert before.trip is None

    trip = _trip(store)
    assert trips.assign(trip.id, [r.nik for r in residents[:3]]) == 3
    assert trips.assign(trip.id, [residents[0].nik]) == 0
    trips.activate(trip.id, TODAY)

    visits.record(residents[1].nik, Outcome.MENOLAK, today=TODAY)
    draft = Recording.new(residents[2], operator="ani")
    repo.save(draft, make_media(), enqueue=False)
    assert repo.get(draft.uuid).trip is None  # a draft carries no trip yet
    repo.save(repo.get(draft.uuid).with_changes(status=RecordingStatus.COMPLETE), enqueue=True)
    rec = repo.get(draft.uuid)
    assert rec.trip == {"id": trip.id, "name": trip.name, "type": "rumah"}
    assert "trip" in rec.content({}) and "trip" not in Recording.new(residents[3]).content({})

    trips.update(trip.id, "Nama Baru", "rumah", trip.place, trip.start, trip.end, trip.team)
    repo.save(repo.get(draft.uuid).with_changes(trip=None), enqueue=True)  # an edit keeps its trip
    assert repo.get(draft.uuid).trip["name"] == trip.name

    latest = {o.nik: o for o in visits.pending()}
    assert latest[residents[1].nik].trip["id"] == trip.id
    assert latest[residents[2].nik].outcome is Outcome.DIREKAM and latest[residents[2].nik].trip["id"] == trip.id
    assert trips.counts(trip.id) == {"planned": 3, "recordings": 1, "outcomes": 2}

    planned = trips.planned(trip.id)
    assert sorted(p.nik for p in planned) == sorted(r.nik for r in residents[:3])
    outcome_of = {p.nik: p.outcome for p in planned}
    assert outcome_of[residents[0].nik] == "tidak_di_rumah" and outcome_of[residents[2].nik] == "direkam"
    assert all(p.nama for p in planned)
    assert trips.unassign(trip.id, residents[0].nik) and trips.counts(trip.id)["planned"] == 2


CLASS = TODAY


def _student(i: int, age_days: int) -> tuple[str, dt.date]:
    born = TODAY - dt.timedelta(days=age_days)
    return make_nik(born, JenisKelamin.PEREMPUAN if i % 2 else JenisKelamin.LAKI_LAKI, i + 1), born


def test_a_class_list_is_read_split_and_its_cards_delivered(store, tmp_path):
    trip = _trip(store, name="SMAN 2 Solok kelas XI", trip_type="sekolah", place="SMAN 2 Solok")
    ages = [15 * 365, 16 * 365 + 30, 17 * 365 + 30, 16 * 365 + 200, 14 * 365]
    students = [_student(i, a) for i, a in enumerate(ages)]
    lines = ["No;NISN;Nama Siswa;NIK;Tgl Lahir;L/P;Kelas"]
    for i, (nik, born) in enumerate(students):
        lines.append(f"{i + 1};00{i}123;Siswa Uji {'ABCDE'[i]};{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]};"
                     f"{born.strftime('%d-%m-%Y')};{'P' if i % 2 else 'L'};XI IPA {i % 2 + 1}")
    lines.append(f"9;009;Tanpa Tanggal;{students[0][0]};;L;XI")  # refused: no date (and a repeat NIK)
    lines.append("10;010;Salah NIK;12345;01-01-2010;L;XI")
    path = tmp_path / "kelas.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = import_class_list(store, trip.id, path, today=TODAY)
    assert (result.added, result.updated) == (5, 0)
    assert [line for line, _ in result.problems] == [7, 8]
    assert all("NIK" in reason or "tanggal" in reason.lower() for _, reason in result.problems)
    assert import_class_list(store, trip.id, path, today=TODAY).updated == 5  # again: updated, not doubled

    school = School(store)
    listed = {s.nik: s for s in school.students(trip.id)}
    assert len(listed) == 5 and listed[students[2][0]].kelas == "XI IPA 1"
    split = {status: sorted(n for n, s in listed.items() if s.verdict(TODAY).status is status)
             for status in StudentStatus}
    assert split == {StudentStatus.BELUM: sorted([students[0][0], students[4][0]]),
                     StudentStatus.REKAM_AWAL: sorted([students[1][0], students[3][0]]),
                     StudentStatus.WAJIB: [students[2][0]]}
    assert listed[students[0][0]].verdict(TODAY).eligible_from > TODAY
    assert sorted(p.nik for p in Trips(store).planned(trip.id)) == sorted(listed)
    marked = store.query("SELECT count(*) FROM target_categories WHERE category = 'pelajar'")[0][0]
    assert marked == 5

    held = students[1][0]
    school.record_card_delivery(trip.id, held, "Bu Rina (TU)", TODAY, today=TODAY)
    got = {s.nik: s for s in school.students(trip.id)}[held]
    assert (got.card_received_by, got.card_received_on) == ("Bu Rina (TU)", TODAY)
    for args, code in (((held, " ", TODAY), "school.receiver_required"),
                       ((held, "Bu Rina", TODAY + dt.timedelta(days=1)), "school.received_future"),
                       (("1" * 16, "Bu Rina", TODAY), "school.student_unknown")):
        with pytest.raises(CodedError) as err:
            school.record_card_delivery(trip.id, *args, today=TODAY)
        assert err.value.code == code


def test_a_class_list_needs_a_school_trip_and_its_columns(store, tmp_path):
    home = _trip(store)
    path = tmp_path / "kelas.csv"
    nik, born = _student(0, 16 * 365 + 30)
    path.write_text(f"NIK,Nama,Tanggal Lahir,JK\n{nik},Siswa Uji,{born.isoformat()},L\n", encoding="utf-8")
    with pytest.raises(CodedError) as err:
        import_class_list(store, home.id, path, today=TODAY)
    assert err.value.code == "school.not_school_trip"
    assert store.query("SELECT count(*) FROM school_students")[0][0] == 0
    school = _trip(store, name="SMP", trip_type="sekolah", place="SMPN 1")
    path.write_text(f"NIK,Nama,Kelas\n{nik},Siswa Uji,IX\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as bad:
        import_class_list(store, school.id, path, today=TODAY)
    assert "tanggal_lahir" in str(bad.value) and "jenis_kelamin" in str(bad.value)
    assert "alamat" not in str(bad.value)

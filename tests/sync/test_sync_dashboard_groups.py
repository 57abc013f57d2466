"""The server's dashboard per trip (kunjungan) and per category, from what laptops send over real HTTP:
recordings and visit outcomes made on two trips (and one on none), a no-NIK registration on a trip, and
the office's target list with lansia and pelajar by birth date, categories marked and taken off on the
laptop. Every figure equals a hand count, and the laptop's own count per category."""

from __future__ import annotations

import datetime as dt

from app.core.categories import Category
from app.core.nik import build_nik
from app.core.outcomes import Outcome
from app.core.registration import Registration
from app.store.progress_query import snapshot
from app.store.registrations import Registrations
from app.store.targets import TargetRepo
from app.store.trips import Trips
from app.store.visits import VisitOutcomes
from support.server import server_cli
from sync.server.dashboard import figures, render
from sync_support import AREA, record

TODAY = dt.date.today()


def _resident(people, born: dt.date, serial: int):
    r = people.resident()
    region6 = r.kecamatan_kode.replace(".", "")
    return r.with_changes(tanggal_lahir=born, nik=build_nik(region6, born, r.jenis_kelamin.value, 9000 + serial),
                          status_perkawinan=r.status_perkawinan)


def _office_targets(server, tmp_path, residents) -> None:
    cols = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]
    rows = [[r.nik, r.nama, r.tanggal_lahir.isoformat(), r.jenis_kelamin.value, r.alamat, r.rt, r.rw,
             r.kelurahan_kode] for r in residents]
    csv = tmp_path / "target.csv"
    csv.write_text("\n".join([",".join(cols)] + [",".join(f'"{v}"' for v in row) for row in rows]) + "\n",
                   encoding="utf-8")
    server_cli("import-targets", *server.cli_args, csv)


def test_figures_per_trip_and_per_category_equal_a_hand_count(session, people, server, registered, tmp_path):
    pump = registered(server)
    lansia = [_resident(people, TODAY.replace(year=TODAY.year - 70) - dt.timedelta(days=i), i) for i in range(3)]
    adults = [_resident(people, TODAY.replace(year=TODAY.year - 30) - dt.timedelta(days=i), 10 + i) for i in range(3)]
    married_16 = [_resident(people, TODAY.replace(year=TODAY.year - 17) + dt.timedelta(days=40 + i), 20 + i)
                  for i in range(2)]  # pelajar: turning 17 within 6 months (married, so recordable now)
    _office_targets(server, tmp_path, lansia + adults + married_16)
    TargetRepo(session.store).upsert_many([
        {"nik": r.nik, "nama": r.nama, "tanggal_lahir": r.tanggal_lahir, "kelurahan_kode": r.kelurahan_kode,
         "rt": r.rt, "rw": r.rw} for r in lansia + adults + married_16])

    trips, visits = Trips(session.store), VisitOutcomes(session.store)
    friday = trips.create("Jumat lansia RW 2", "rumah", "RW 002", TODAY, TODAY, ["Ani"])
    border = trips.create("Jorong perbatasan", "perbatasan", "Jorong Batas", TODAY, TODAY + dt.timedelta(days=2),
                          ["Budi", "Citra"])
    trips.activate(friday.id, TODAY)
    for r in lansia[:2]:
        record(session.store, people, resident=r)
    visits.record(lansia[2].nik, Outcome.KUNJUNGAN_ULANG, today=TODAY, revisit_date=TODAY + dt.timedelta(days=7))
    trips.activate(border.id, TODAY)
    record(session.store, people, resident=married_16[0])
    record(session.store, people, resident=adults[0])
    visits.record(adults[1].nik, Outcome.TIDAK_DI_RUMAH, today=TODAY)
    Registrations(session.store).create(Registration.from_dict(people.family_data(AREA, TODAY)), today=TODAY)
    trips.deactivate()
    record(session.store, people, resident=adults[2])  # on no trip
    visits.mark([adults[0].nik, adults[1].nik], Category.DIFABEL, source="tangan")
    visits.mark([adults[1].nik, lansia[0].nik], Category.TAHANAN)
    visits.unmark(lansia[0].nik, Category.TAHANAN)  # marked by mistake, taken off again: the latest wins
    visits.mark([adults[2].nik], Category.PELAJAR, source="daftar kelas")  # pelajar by a list, not by age
    visits.mark([people.resident().nik], Category.PEKERJA)  # not on the target list: marked, never counted
    report = pump.run_once()
    assert report.ok, report.error
    assert report.acked == 5 and report.outcomes_synced == 7 and report.registrations_synced == 1  # 5 direkam + 2
    assert (report.marks_synced, report.marks_refused) == (7, 0)

    f = figures(server.engine)
    by_trip = {t.id: t for t in f.per_trip}
    assert set(by_trip) == {friday.id, border.id}
    assert (by_trip[friday.id].name, by_trip[friday.id].type, by_trip[friday.id].recordings,
            by_trip[friday.id].outcomes, by_trip[friday.id].registrations) == ("Jumat lansia RW 2", "rumah", 2, 3, 0)
    # border: 2 recordings, their 2 'direkam' outcomes and one 'tidak di rumah'; one registration
    assert (by_trip[border.id].recordings, by_trip[border.id].outcomes, by_trip[border.id].registrations,
            by_trip[border.id].days, by_trip[border.id].devices) == (2, 3, 1, 1, 1)
    assert [t.id for t in f.per_trip] == [border.id, friday.id]  # most recordings first, then by name
    categories = {c: (p.target, p.recorded) for c, p in f.per_category}
    assert categories == {Category.LANSIA: (3, 2), Category.PELAJAR: (3, 2), Category.DIFABEL: (2, 1),
                          Category.TAHANAN: (1, 0), Category.PEKERJA: (0, 0), Category.PERBATASAN: (0, 0)}
    laptop = snapshot(session.store, on=TODAY).categories  # the laptop counts the same targets
    assert {c: (laptop[c.value].target, laptop[c.value].recorded) for c in Category if c.value in laptop} \
        == {c: v for c, v in categories.items() if v[0]}
    assert f.registrations == {"menunggu": 1, "anggota_menunggu": 4, "terbit": 0}

    page = render(server.engine, "admin-uji", "x" * 32)
    trip_table = page.split('<table id="tabel-per-kunjungan">', 1)[1].split("</table>", 1)[0]
    assert "<td>Jorong perbatasan</td><td>Perbatasan (menginap)</td><td>2</td>" in trip_table
    assert "<td>Jumat lansia RW 2</td><td>Rumah (lansia/difabel)</td><td>2</td>" in trip_table
    category_table = page.split('<table id="tabel-per-kategori">', 1)[1].split("</table>", 1)[0]
    assert "<td>Lansia (60+)</td><td>3</td><td>2</td><td>66,7%</td>" in category_table
    assert "<td>Pelajar</td><td>3</td><td>2</td><td>66,7%</td>" in category_table
    assert "<td>Difabel</td><td>2</td><td>1</td><td>50,0%</td>" in category_table
    assert 'id="registrasi-menunggu">1<' in page and 'id="registrasi-anggota">4<' in page
    assert "2/3 (66,7%)" in page.split('<section id="per-kategori">', 1)[1].split("</svg>", 1)[0]
    for r in lansia + adults + married_16:
        assert r.nik not in page and r.nama not in page

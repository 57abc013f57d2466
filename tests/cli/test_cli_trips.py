"""`jemput trip ...`: a trip created (or refused with the rule's words), listed, activated, planned from
a file of NIKs, and a school's class list read from an XLSX with Excel's quirks (date cells, a NIK
typed as text with spaces, a title row above the header); nothing but counts and trip names printed."""

from __future__ import annotations

import datetime as dt

import openpyxl

from app.core.nik import build_nik
from app.core.school import StudentStatus
from app.store.school import School
from app.store.trips import Trips
from cli_support import open_store

TODAY = dt.date.today()


def _years_ago(years: int, days: int = 0) -> dt.date:
    day = TODAY.replace(day=min(TODAY.day, 28))
    return day.replace(year=day.year - years) - dt.timedelta(days=days)


def test_create_list_activate_assign(cli, profile_dir, tmp_path, people):
    code, _out, err = cli("trip", "create", "--data", profile_dir, "--name", "Perbatasan", "--type", "perbatasan",
                          "--place", "Desa Sungai Abu", "--start", TODAY.isoformat(), "--team", "Ani")
    assert code == 1 and "menginap" in err
    code, out, err = cli("trip", "create", "--data", profile_dir, "--name", "Jemput Bola RW 03", "--type", "rumah",
                         "--place", "Kel. Tanah Garam", "--start", TODAY.strftime("%d-%m-%Y"),
                         "--end", (TODAY + dt.timedelta(days=1)).isoformat(), "--team", "Ani, Budi")
    assert code == 0, err
    code, out, err = cli("trip", "activate", "--data", profile_dir, "jemput bola rw 03")
    assert code == 0 and out.strip() == "kunjungan aktif: Jemput Bola RW 03", err
    path = tmp_path / "rencana.csv"
    path.write_text("NIK\n" + "\n".join(p["nik"] for p in people[:5]) + "\n", encoding="utf-8")
    code, out, err = cli("trip", "assign", "--data", profile_dir, "Jemput Bola RW 03", path)
    assert code == 0 and out.strip() == "5 NIK direncanakan (5 baru); 1 baris tanpa NIK dilewati.", err
    code, out, _ = cli("trip", "list", "--data", profile_dir)
    assert out.startswith("* ") and "Jemput Bola RW 03" in out and "5 target" in out
    assert people[0]["nik"] not in out
    code, out, _ = cli("trip", "deactivate", "--data", profile_dir)
    with open_store(profile_dir) as store:
        assert Trips(store).activated() is None and len(Trips(store).list()) == 1
    code, _out, err = cli("trip", "activate", "--data", profile_dir, "Tidak Ada")
    assert code == 1 and "tidak ditemukan" in err


def test_a_class_list_from_xlsx(cli, profile_dir, tmp_path):
    code, out, err = cli("trip", "create", "--data", profile_dir, "--name", "SMAN 1 Solok", "--type", "sekolah",
                         "--place", "SMAN 1 Solok", "--start", TODAY.isoformat(), "--team", "Ani")
    assert code == 0, err
    students = [(_years_ago(15), "L"), (_years_ago(16, 10), "P"), (_years_ago(17, 10), "L")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR SISWA KELAS XI"])
    ws.append(["No", "NISN", "Nama Peserta Didik", "NIK", "Tanggal Lahir", "L/P", "Rombel"])
    niks = []
    for i, (born, sex) in enumerate(students):
        nik = build_nik("137201", born, sex, i + 1)
        niks.append(nik)
        ws.append([i + 1, f"00{i}", f"Siswa {'ABC'[i]}", f"{nik[:6]} {nik[6:12]} {nik[12:]}",
                   dt.datetime(born.year, born.month, born.day), sex, "XI IPA 1"])
    ws.append([4, "004", "Nik Angka", 1372010101100000,  # Excel kept 15 digits: the last became 0
               dt.datetime(2010, 1, 1), "L", "XI IPA 1"])
    path = tmp_path / "kelas.xlsx"
    wb.save(path)
    code, out, err = cli("trip", "import-class", "--data", profile_dir, "SMAN 1 Solok", path)
    assert code == 0, err
    assert out.splitlines()[0] == "daftar kelas: 3 siswa baru, 0 diperbarui, 1 baris ditolak."
    assert "baris 6" in out and all(n not in out for n in niks)
    with open_store(profile_dir) as store:
        (trip,) = Trips(store).list()
        got = {s.nik: s.verdict(TODAY).status for s in School(store).students(trip.id)}
    assert got == {niks[0]: StudentStatus.BELUM, niks[1]: StudentStatus.REKAM_AWAL, niks[2]: StudentStatus.WAJIB}

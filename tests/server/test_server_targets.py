"""The server's target import reads files with `app.targetfile`, the laptop's reader."""

from __future__ import annotations

import csv
import datetime as dt

import sqlalchemy as sa

from sync.server import admin, tables

HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]


def _stored(engine, nik: str) -> dict:
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(tables.targets).where(tables.targets.c.nik == nik)).mappings().one())


def test_a_repeated_nik_keeps_the_first_row_and_reports_the_later_one(app, people, tmp_path):
    first, other = people.resident("13.72"), people.resident("13.72")
    again = dict(first, nama="ORANG LAIN", alamat="JL. LAIN NO. 9")
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER] + [[r[k] for k in HEADER] for r in (first, other, again)])
    report = admin.import_targets(app.state.engine, path)
    assert (report.inserted, report.updated, report.problems) == (2, 0, [(4, "NIK sama dengan baris 2 (baris 2 yang disimpan, baris 4 dilewati)")])
    stored = _stored(app.state.engine, first["nik"])
    assert stored["nama"] == first["nama"] and stored["alamat"] == first["alamat"].upper()


def test_the_laptops_headers_dates_and_delimiters_are_accepted(app, people, tmp_path):
    resident = people.resident("13.72")
    born = dt.date.fromisoformat(str(resident["tanggal_lahir"]))
    path = tmp_path / "siak.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write("DAFTAR WAJIB KTP BELUM REKAM;;;\n")
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["NIK", "NAMA LENGKAP", "TGL. LAHIR", "L/P", "Alamat", "RT", "RW", "Kode Kelurahan",
                         "No KK", "Tempat Lahir"])
        writer.writerow([resident["nik"], resident["nama"].lower(), born.strftime("%d.%m.%Y"),
                         {"L": "LK", "P": "PR"}[resident["jenis_kelamin"]], resident["alamat"], "7", "12",
                         resident["kelurahan_kode"].replace(".", ""), "", "solok"])
    report = admin.import_targets(app.state.engine, path)
    assert (report.inserted, report.problems) == (1, [])
    stored = _stored(app.state.engine, resident["nik"])
    assert stored["nama"] == resident["nama"] and stored["tanggal_lahir"] == born
    assert (stored["rt"], stored["rw"]) == ("007", "012")
    assert stored["kelurahan_kode"] == resident["kelurahan_kode"]
    assert stored["kelurahan_digits"] == resident["kelurahan_kode"].replace(".", "")

"""A SIAK-shaped XLSX with Excel's quirks imports the same on the laptop and on the server; export-targets round trip.

The workbook is built with openpyxl from generated people (`support.people`):
SIAK's column names (NAMA_LGKP, JENIS_KLMIN, NO_PROP/NO_KAB/NO_KEC/NO_KEL...),
a title line above the header, numbers and dates in Excel cells, text dates in
the usual Indonesian forms, NIK/KK written with spaces, dots or hyphens, NIKs
Excel cut, a repeated NIK. `jemput import-targets` stores it into a real
SQLCipher profile, `jemput-server import-targets` into a real server data
folder: the same targets, the same refused lines with the same reasons.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import stat

import openpyxl
import pytest
import sqlalchemy as sa
from faker import Faker

from app.core.regions import RegionIndex
from app.store.targets import TargetRepo
from cli_support import TODAY, open_store
from support.people import GeneratedPeople
from support.profiles import SEED_REGIONS
from support.server import prepare_server_data, server_cli

SIAK_HEADER = ["NIK", "NO_KK", "NAMA_LGKP", "Tmpt Lhr", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "no rw",
               "NO_PROP", "NO_KAB", "NO_KEC", "No.Kel"]
LOST = "NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang: simpan kolom NIK sebagai teks"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
COMPARED = ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode")


def _people(n: int) -> list[dict]:
    with open(SEED_REGIONS, encoding="utf-8") as fh:
        regions = RegionIndex.from_csv(fh)
    fake = Faker("id_ID")
    fake.seed_instance(1945)
    people = GeneratedPeople(regions, fake, random.Random(1708))
    out = []
    while len(out) < n:
        person = people.resident_data("13.72", TODAY)
        if person["nik"][-1] != "0":  # row 12 stores one as an intact number
            out.append(person)
    return out


def _spaced(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, 16, 4))


def _dotted(number: str) -> str:
    return ".".join((number[:2], number[2:4], number[4:6], number[6:12], number[12:]))


def _hyphens(number: str) -> str:
    return "-".join(number[i:i + 4] for i in range(0, 16, 4))


def _siak_row(p: dict, **cells) -> list:
    prop, kab, kec, kel = p["kelurahan_kode"].split(".")
    born = dt.date.fromisoformat(p["tanggal_lahir"])
    row = {
        "nik": p["nik"], "kk": p["no_kk"], "nama": p["nama"].title(), "tempat": p["tempat_lahir"].lower(),
        "lahir": dt.datetime.combine(born, dt.time()), "jk": {"L": "LAKI-LAKI", "P": "PEREMPUAN"}[p["jenis_kelamin"]],
        "alamat": p["alamat"], "rt": p["rt"], "rw": p["rw"],
        "prop": int(prop), "kab": int(kab), "kec": int(kec), "kel": int(kel),  # Excel numbers: 1 = "01"
    }
    row.update(cells)
    return [row[k] for k in ("nik", "kk", "nama", "tempat", "lahir", "jk", "alamat", "rt", "rw",
                             "prop", "kab", "kec", "kel")]


@pytest.fixture(scope="module")
def siak(tmp_path_factory):
    """(path, people by line, expected problems by line) of the SIAK-shaped workbook."""
    p = _people(13)
    born = [dt.date.fromisoformat(x["tanggal_lahir"]) for x in p]
    rows = {
        3: _siak_row(p[0]),                                                     # date cell, text NIK
        4: _siak_row(p[1], nik=_spaced(p[1]["nik"]), kk=_dotted(p[1]["no_kk"]), rt=str(int(p[1]["rt"])),
                     lahir=born[1].strftime("%d-%m-%Y")),
        5: _siak_row(p[2], nik=_hyphens(p[2]["nik"]), kk=_hyphens(p[2]["no_kk"]),
                     lahir=born[2].strftime("%d/%m/%Y")),
        6: _siak_row(p[3], nik=_dotted(p[3]["nik"]), kk=_spaced(p[3]["no_kk"]),
                     lahir=f"{born[3].day} {MONTHS[born[3].month - 1]} {born[3].year}"),
        7: _siak_row(p[4], lahir=born[4].isoformat(), rt=int(p[4]["rt"]), rw=int(p[4]["rw"]),
                     jk={"L": 1, "P": 2}[p[4]["jenis_kelamin"]]),
        8: _siak_row(p[5], nik=float(p[5]["nik"][:15] + "0")),               # Excel kept 15 digits
        9: _siak_row(p[6], nik=f"{p[6]['nik'][0]}.{p[6]['nik'][1:15]}E+15"),   # as a CSV from Excel shows it
        10: _siak_row(p[0], nama="Orang Lain", alamat="JL. LAIN NO. 9"),     # NIK of line 3 again
        11: _siak_row(p[7], nik=p[7]["nik"][:5] + "O" + p[7]["nik"][6:]),   # a letter O
        12: _siak_row(p[8], nik=int(p[8]["nik"])),                              # a number that kept all 16
        16: _siak_row(p[12], kk=float(p[12]["no_kk"][:15] + "0")),
        13: _siak_row(p[9], kel="SATU"),
        14: _siak_row(p[10], lahir="31 Februari 1990"),
        15: _siak_row(p[11], lahir=f"{born[11].day}-{MONTHS[born[11].month - 1][:3]}-{born[11].year}",
                      nik=f" {_spaced(p[11]['nik'])}\u00a0"),
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BELUM REKAM"
    sheet.append(["DATA WAJIB KTP-EL BELUM REKAM"])
    sheet.append(SIAK_HEADER)
    for line in sorted(rows):
        sheet.append(rows[line])
    path = tmp_path_factory.mktemp("siak") / "siak_export.xlsx"
    book.save(path)
    kept = {3: p[0], 4: p[1], 5: p[2], 6: p[3], 7: p[4], 12: p[8], 15: p[11]}
    problems = {
        8: LOST,
        9: LOST,
        10: "NIK sama dengan baris 3 (baris 3 yang disimpan, baris 10 dilewati)",
        11: "NIK hanya boleh berisi angka 0-9",
        13: "NO_PROP, NO_KAB, NO_KEC dan NO_KEL harus angka (mis. 31, 71, 01, 1001)",
        14: "Tanggal lahir bukan tanggal yang ada di kalender",
        16: LOST.replace("NIK", "Nomor KK"),
    }
    return path, kept, problems


def _expected(person: dict) -> dict:
    return {name: person[name] for name in COMPARED}


def _laptop_problems(err: str) -> dict[int, str]:
    out = {}
    for text in err.splitlines():
        if text.startswith("baris "):
            head, reason = text.split(": ", 1)
            out[int(head.split()[1])] = reason
    return out


def test_a_siak_export_imports_the_same_on_laptop_and_server(cli, profile_dir, tmp_path, siak):
    path, kept, problems = siak
    code, out, err = cli("--data", profile_dir, "import-targets", path, "--max-errors", "100", "--no-progress")
    assert code == 0, err
    laptop_problems = _laptop_problems(err)
    assert laptop_problems == problems
    assert f"{len(kept)} baru, 0 diperbarui, {len(problems)} baris tidak valid" in out
    with open_store(profile_dir) as store:
        stored = {t.nik: t for t in TargetRepo(store).each()}
    laptop = {nik: {name: getattr(t, name) for name in COMPARED} for nik, t in stored.items()}
    for t in laptop.values():
        t["tanggal_lahir"] = t["tanggal_lahir"].isoformat()
    assert laptop == {p["nik"]: _expected(p) for p in kept.values()}
    assert {nik: (t.no_kk, t.tempat_lahir) for nik, t in stored.items()} == {
        p["nik"]: (p["no_kk"], p["tempat_lahir"]) for p in kept.values()}

    data = prepare_server_data(tmp_path / "srv")
    result = server_cli("import-targets", "--data", data, path, check=False)
    assert result.returncode == 2, result.stderr
    assert f"Target: {len(kept)} baru, 0 diperbarui, 0 tetap, {len(problems)} baris ditolak." in result.stdout
    server_problems = {}
    for text in result.stdout.splitlines():
        if text.startswith("  baris "):
            head, reason = text.strip().split(": ", 1)
            server_problems[int(head.split()[1])] = reason
    assert server_problems == laptop_problems
    engine = sa.create_engine(f"sqlite:///{data / 'jemput-server.db'}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(f"SELECT {', '.join(COMPARED)} FROM targets")).mappings().all()
    finally:
        engine.dispose()
    server = {r["nik"]: dict(r) for r in rows}
    assert server == laptop
    for person in kept.values():  # nothing of a resident in the reports
        assert person["nik"] not in err + result.stdout and person["nama"] not in err + result.stdout


def test_export_targets_writes_what_was_stored_and_reads_back(cli, profile_dir, profile_templates,
                                                               profile_options, tmp_path, siak):
    path, kept, _ = siak
    assert cli("--data", profile_dir, "import-targets", path, "--no-progress")[0] == 0
    exported = tmp_path / "targets.csv"
    code, out, err = cli("--data", profile_dir, "export-targets", "--format", "csv", "--output", exported)
    warning, done = err.strip().splitlines()
    assert code == 0 and out == ""
    assert done == f"{len(kept)} target diekspor ke {exported} (mode 0600, tidak terenkripsi)."
    assert "TIDAK terenkripsi" in warning and "supervisor" in warning
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    with open(exported, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["nik"] for r in rows) == sorted(p["nik"] for p in kept.values())
    by_nik = {r["nik"]: r for r in rows}
    for p in kept.values():
        row = by_nik[p["nik"]]
        assert {name: row[name] for name in COMPARED} == _expected(p)
        assert (row["no_kk"], row["tempat_lahir"], row["status_ktp"]) == (p["no_kk"], p["tempat_lahir"],
                                                                          "BELUM REKAM")

    other = profile_templates.copy(tmp_path / "other", **profile_options)
    code, out, err = cli("--data", other, "import-targets", exported, "--no-progress")
    assert code == 0 and err == "" and f"{len(kept)} baru" in out
    again = tmp_path / "again.csv"
    assert cli("--data", other, "export-targets", "--output", again)[0] == 0
    assert again.read_bytes() == exported.read_bytes()

    as_json = tmp_path / "targets.json"
    code, out, err = cli("--data", profile_dir, "export-targets", "--format", "json", "-o", as_json)
    assert code == 0 and out == ""
    assert err.strip().endswith(f"{len(kept)} target diekspor ke {as_json} (mode 0600, tidak terenkripsi).")
    assert json.loads(as_json.read_text(encoding="utf-8")) == rows
    code, out, err = cli("--data", profile_dir, "export-targets", "-o", "-")
    assert code == 2 and out == "" and "stdout" in err  # never to the screen, where `> file` would be 0644

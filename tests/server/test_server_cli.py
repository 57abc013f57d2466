"""The admin commands of `jemput-server`, run as real processes on a data folder."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sync import protocol
from sync.server.app import create_app
from sync.server.settings import Settings

from support.server import server_cli as run_cli

HEADER = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode"]


def _code(stdout: str) -> str:
    return stdout.strip().splitlines()[-1].strip()


def test_devices_are_added_registered_listed_and_revoked(tmp_path):
    data = tmp_path / "srv"
    out = run_cli("add-device", "--data", data, "--name", "Tim Magelang Utara", "--area", "33.71.02")
    assert "Kode pendaftaran" in out.stdout
    code = _code(out.stdout)
    assert len(code) == 14 and code.count("-") == 2

    app = create_app(Settings(data_dir=data))
    with TestClient(app, headers={protocol.PROTOCOL_HEADER: "1.0"}) as client:
        r = client.post(protocol.Paths.REGISTER, json={"enrollment_code": code})
        assert r.status_code == 201
        token = r.json()["token"]
        assert client.post(protocol.Paths.REGISTER, json={"enrollment_code": code}).status_code == 403

        listing = run_cli("list-devices", "--data", data).stdout
        assert "Tim Magelang Utara" in listing and "terdaftar, belum pernah sinkron" in listing
        assert token not in listing and code not in listing
        assert client.get(protocol.Paths.ME, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        listing = run_cli("list-devices", "--data", data).stdout
        assert "aktif" in listing and "belum pernah sinkron" not in listing

        out = run_cli("revoke-device", "--data", data, "Tim Magelang Utara")
        assert "dicabut" in out.stdout
        r = client.get(protocol.Paths.ME, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and r.json()["code"] == "401.3"
    app.state.engine.dispose()

    status = json.loads(run_cli("status", "--data", data, "--json").stdout)
    assert status["perangkat_dicabut"] == 1 and status["perangkat_aktif"] == 0

    bad = run_cli("add-device", "--data", data, "--name", "X", "--area", "99.1", check=False)
    assert bad.returncode == 1 and "kode wilayah" in bad.stderr
    missing = run_cli("revoke-device", "--data", data, "tidak ada", check=False)
    assert missing.returncode == 1 and "tidak ditemukan" in missing.stderr


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_import_targets_reports_bad_rows_by_line(tmp_path, seed_regions_csv, people):
    data = tmp_path / "srv"
    run_cli("import-regions", "--data", data, seed_regions_csv)
    good = [people.resident("13.72") for _ in range(3)]
    row = lambda r, **c: [str(dict(r, **c)[k]) for k in HEADER]  # noqa: E731
    bad_nik = people.resident("13.72")
    rows = [
        HEADER,
        row(good[0]),                                         # line 2
        row(bad_nik, nik=bad_nik["nik"][:15]),                # line 3: 15 digits
        row(people.resident("13.72"), tanggal_lahir="1990-13-45"),  # line 4
        row(people.resident("13.72"), kelurahan_kode="13.72.01.1999"),  # line 5: not in master data
        row(good[1]),                                         # line 6
        row(good[0], nama="ORANG LAIN"),                      # line 7: same NIK as line 2
        row(people.resident("13.72"), jenis_kelamin="X"),     # line 8
        row(good[2], rt="7", rw="12"),                        # line 9: padded
    ]
    out = run_cli("import-targets", "--data", data, _write_csv(tmp_path / "t.csv", rows), check=False)
    assert out.returncode == 2
    assert "3 baru" in out.stdout and "5 baris ditolak" in out.stdout
    lines = {int(line.split()[1].rstrip(":")) for line in out.stdout.splitlines() if line.strip().startswith("baris")}
    assert lines == {3, 4, 5, 7, 8}
    assert "baris 7: NIK sama dengan baris 2 (baris 2 yang disimpan, baris 7 dilewati)" in out.stdout
    assert bad_nik["nik"][:15] not in out.stdout  # the report never repeats a NIK
    status = json.loads(run_cli("status", "--data", data, "--json").stdout)
    assert status["target"] == 3 and status["wilayah"] == 287


def test_import_targets_from_xlsx(tmp_path, seed_regions_csv, people):
    openpyxl = pytest.importorskip("openpyxl")
    data = tmp_path / "srv"
    run_cli("import-regions", "--data", data, seed_regions_csv)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    residents = [people.resident("14.72") for _ in range(3)]
    for r in residents:
        sheet.append([r[k] for k in HEADER])
    numeric = people.resident("14.72")
    # NIK typed into a number cell: Excel kept 15 significant digits
    sheet.append([int(numeric["nik"][:15] + "0")] + [numeric[k] for k in HEADER[1:]])
    path = tmp_path / "target.xlsx"
    book.save(path)
    out = run_cli("import-targets", "--data", data, path, check=False)
    assert "3 baru" in out.stdout
    assert "baris 5: NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang" in out.stdout

    missing = _write_csv(tmp_path / "cols.csv", [["nik", "nama"], ["1", "A"]])
    out = run_cli("import-targets", "--data", data, missing, check=False)
    assert out.returncode == 1 and "kolom tidak ada" in out.stderr


def test_import_regions_reports_bad_rows(tmp_path):
    data = tmp_path / "srv"
    path = _write_csv(tmp_path / "wilayah.csv", [
        ["kode", "nama"], ["13", "Sumatera Barat"], ["13.72", "Kota Solok"],
        ["13.7x", "Rusak"], ["13.72.01", "Lubuk Sikarah"], ["13.72.01.1001", ""],
    ])
    out = run_cli("import-regions", "--data", data, path, check=False)
    assert out.returncode == 2
    assert "3 baris dimuat" in out.stdout
    assert "baris 4:" in out.stdout and "baris 6:" in out.stdout
    broken = _write_csv(tmp_path / "kosong.csv", [["id", "label"]])
    out = run_cli("import-regions", "--data", data, broken, check=False)
    assert out.returncode == 1 and "kode,nama" in out.stderr


def test_run_refuses_a_port_in_use(tmp_path, live_server):
    port = live_server.url.rsplit(":", 1)[1]
    run_cli("migrate", "--data", tmp_path / "srv")
    out = run_cli("run", "--data", tmp_path / "srv", "--port", port, check=False)
    assert out.returncode == 1 and "tidak dapat memakai" in out.stderr


def test_without_the_server_extra_it_says_what_to_install(tmp_path):
    # A laptop install (no `server` extra): the packages are made unimportable in a child process.
    code = ("import sys\n"
            "for name in ('fastapi', 'starlette', 'uvicorn', 'sqlalchemy', 'alembic'):\n"
            "    sys.modules[name] = None\n"
            "from sync.server.cli import main\n"
            f"sys.exit(main(['status', '--data', {str(tmp_path)!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, out.stderr
    assert "pip install 'jemput[server]'" in out.stderr
    assert "Traceback" not in out.stderr


def _admin_cli(*args, stdin: str = "") -> subprocess.CompletedProcess:
    from support.server import SERVER_CMD

    return subprocess.run([*SERVER_CMD, "admin", *map(str, args)], input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_admin_accounts_are_added_with_the_password_typed_twice_listed_and_removed(tmp_path):
    from argon2 import PasswordHasher
    import sqlalchemy as sa

    from sync.server import db_engine, tables

    data = tmp_path / "srv"
    password = "sandi-dasbor-2025"
    out = _admin_cli("add", "Kepala.Bidang", "--data", data, stdin=f"{password}\n{password}\n")
    assert out.returncode == 0, out.stderr
    assert "Admin 'kepala.bidang' dibuat" in out.stdout and password not in out.stdout + out.stderr
    engine = db_engine.make_engine(Settings(data_dir=data).url)
    try:
        with engine.connect() as conn:
            [stored] = conn.execute(sa.select(tables.admins.c.password_hash)).scalars().all()
    finally:
        engine.dispose()
    assert stored.startswith("$argon2id$") and password not in stored
    assert PasswordHasher().verify(stored, password)

    refused = [
        (("add", "kedua", "--data", data), f"{password}\n{password}x\n", "kedua kata sandi tidak sama"),
        (("add", "ketiga", "--data", data), "pendek\npendek\n", "minimal 10 karakter"),
        (("add", "Kepala.Bidang", "--data", data), f"{password}\n{password}\n", "sudah ada"),
        (("add", "nama dengan spasi", "--data", data), f"{password}\n{password}\n", "nama admin harus"),
        (("remove", "tidak-ada", "--data", data), "", "tidak ada"),
    ]
    for args, stdin, reason in refused:
        out = _admin_cli(*args, stdin=stdin)
        assert out.returncode == 1 and reason in out.stderr, (args, out.stderr)
    assert _admin_cli("add", "operator-dua", "--data", data, stdin=f"{password}2\n{password}2\n").returncode == 0
    listed = _admin_cli("list", "--data", data).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["kepala.bidang", "operator-dua"]
    assert all("sesi aktif 0" in line for line in listed)
    out = _admin_cli("remove", "KEPALA.BIDANG", "--data", data)
    assert out.returncode == 0 and "dihapus" in out.stdout
    assert [line.split("\t")[0] for line in _admin_cli("list", "--data", data).stdout.splitlines()] == ["operator-dua"]


def test_a_devices_area_is_a_code_or_a_list_of_kelurahan_and_can_be_changed(tmp_path):
    data = tmp_path / "srv"
    out = run_cli("add-device", "--data", data, "--name", "Tim A", "--area", "16.71.01.1002, 16.71.01.1001")
    assert "wilayah 16.71.01.1001 +1" in out.stdout
    assert run_cli("set-area", "--data", data, "Tim A").stdout.split() == ["16.71.01.1001", "16.71.01.1002"]
    out = run_cli("set-area", "--data", data, "Tim A", "--area", "16.71.02")
    assert "diganti: 16.71.02" in out.stdout
    assert "tidak ada yang berubah" in run_cli("set-area", "--data", data, "1", "--area", "167102").stdout
    assert "\t16.71.02\t" in run_cli("list-devices", "--data", data).stdout
    for area, words in (("16.71.01, 16.71.01.1001", "hanya boleh kode kelurahan"), ("16.71.x", "tidak valid"),
                        (" , ", "wajib diisi"), (",".join(f"16.71.01.{1001 + i}" for i in range(201)), "paling banyak")):
        bad = run_cli("set-area", "--data", data, "Tim A", "--area", area, check=False)
        assert bad.returncode == 1 and words in bad.stderr, (area, bad.stderr)
    missing = run_cli("set-area", "--data", data, "Tim B", "--area", "16.71", check=False)
    assert missing.returncode == 1 and "tidak ditemukan" in missing.stderr
    assert run_cli("set-area", "--data", data, "Tim A").stdout.split() == ["16.71.02"]


def test_gzip_is_sent_only_to_who_accepts_it():
    from starlette.requests import Request

    from sync.server.encoding import accepts_gzip

    def accepts(value: str) -> bool:
        return accepts_gzip(Request({"type": "http", "headers": [(b"accept-encoding", value.encode())]}))

    assert accepts("gzip") and accepts("deflate, gzip;q=0.5") and accepts("*") and accepts("GZIP ; q=1")
    assert not accepts("") and not accepts("identity") and not accepts("gzip;q=0") and not accepts("br, gzip; q=0.0")


def test_drop_stale_uploads_removes_only_what_stopped_long_ago(tmp_path):
    data = tmp_path / "srv"
    run_cli("migrate", "--data", data)
    partial = data / "media" / "partial"
    partial.mkdir(parents=True)
    stale, fresh = partial / ("a" * 64), partial / ("b" * 64)
    for path in (stale, fresh):
        path.write_bytes(b"\xff\xd8 potongan")
    old = time.time() - 15 * 86400
    os.utime(stale, (old, old))
    out = run_cli("drop-stale-uploads", "--data", data)
    assert out.stdout.startswith("1 unggahan") and not stale.exists() and fresh.exists()
    assert json.loads(run_cli("status", "--data", data, "--json").stdout)["berkas_sebagian"] == 1
    bad = run_cli("drop-stale-uploads", "--data", data, "--hari", "0", check=False)
    assert bad.returncode == 1 and "1..3650" in bad.stderr and fresh.exists()

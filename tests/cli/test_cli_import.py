"""`jemput import-targets` and `import-regions`: good rows kept, bad rows listed, nothing half-written."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import zipfile

import openpyxl
import pytest

from app.store.regions_store import region_count
from app.store.targets import TargetRepo
from cli_support import HEADER, ROOT, as_cells, file_digests, open_store, run_cli, write_csv
from support.profiles import PASSPHRASE


def _count(profile_dir) -> int:
    with open_store(profile_dir) as store:
        return TargetRepo(store).count()


def _target_file(tmp_path, people, name="target.csv", **kwargs):
    good = [as_cells(p) for p in people[:8]]
    bad = [
        as_cells(dict(people[8], nik=people[8]["nik"][:15])),     # line 10: 15-digit NIK
        as_cells(dict(people[9], tanggal_lahir="31/04/1990")),    # line 11: no 31 April
        as_cells(dict(people[10], nama="")),                      # line 12: empty name
        as_cells(dict(people[11], nama="BUDI 2")),                # line 13: digit in name
        as_cells(dict(people[12], kelurahan_kode="13.72.01.1999")),  # line 14: unknown kelurahan
    ]
    return write_csv(tmp_path / name, good + bad + [as_cells(people[13])], **kwargs)


def test_import_keeps_good_rows_and_lists_bad_ones(cli, profile_dir, tmp_path, people):
    path = _target_file(tmp_path, people)
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 0
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"baris {n}" for n in (10, 11, 12, 13, 14)]
    assert "16 angka" in lines[0] and "kalender" in lines[1] and "wajib" in lines[2]
    assert '"2"' in lines[3] and "13.72.01.1999" in lines[4]
    assert "9 baru, 0 diperbarui, 5 baris tidak valid" in out
    for person in people[8:13]:
        assert person["nik"][:15] not in err
    with open_store(profile_dir) as store:
        repo = TargetRepo(store)
        assert repo.count() == 9
        kept = repo.get(people[0]["nik"])
        assert kept.nama == people[0]["nama"] and kept.kelurahan_kode == "13.72.01.1001"
        assert kept.source == "target.csv" and kept.status_ktp == "BELUM REKAM"
        assert repo.get(people[9]["nik"]) is None
        assert [t.nik for t in repo.search(people[1]["nama"].split()[0])][:1]  # name index current


def test_reimport_updates_instead_of_duplicating(cli, profile_dir, tmp_path, people):
    path = _target_file(tmp_path, people)
    assert cli("--data", profile_dir, "import-targets", path)[0] == 0
    changed = dict(people[0], alamat="JL. BARU NO. 1")
    second = write_csv(tmp_path / "again.csv", [as_cells(changed)] + [as_cells(p) for p in people[1:8]])
    code, out, _ = cli("--data", profile_dir, "import-targets", second)
    assert code == 0
    assert "0 baru, 8 diperbarui, 0 baris tidak valid" in out
    with open_store(profile_dir) as store:
        assert TargetRepo(store).count() == 9
        assert TargetRepo(store).get(people[0]["nik"]).alamat == "JL. BARU NO. 1"


def test_repeated_nik_keeps_the_first_row(cli, profile_dir, tmp_path, people):
    again = dict(people[0], nama="ORANG LAIN", alamat="JL. LAIN NO. 9")
    path = write_csv(tmp_path / "t.csv", [as_cells(people[0]), as_cells(people[1]), as_cells(again)])
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 0
    assert err.strip() == "baris 4: NIK sama dengan baris 2 (baris 2 yang disimpan, baris 4 dilewati)"
    assert "2 baru, 0 diperbarui, 1 baris tidak valid" in out
    with open_store(profile_dir) as store:
        kept = TargetRepo(store).get(people[0]["nik"])
        assert kept.nama == people[0]["nama"] and kept.alamat == people[0]["alamat"].upper()


def test_semicolon_csv_with_bom(cli, profile_dir, tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(p) for p in people[:5]], delimiter=";", bom=True)
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert (code, err) == (0, "")
    assert "5 baru" in out
    assert _count(profile_dir) == 5


def test_xlsx_import(cli, profile_dir, tmp_path, people):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Target")
    ws.append(["NIK", "NAMA LENGKAP", "TGL LAHIR", "JK", "ALAMAT", "RT", "RW", "KODE KELURAHAN"])
    for p in people[:6]:
        ws.append([p["nik"], p["nama"], p["tanggal_lahir"], p["jenis_kelamin"], p["alamat"], int(p["rt"]),
                   int(p["rw"]), p["kelurahan_kode"].replace(".", "")])
    ws.append([people[6]["nik"], "", people[6]["tanggal_lahir"], "L", "x", 1, 1, "1372011001"])
    path = tmp_path / "target.xlsx"
    wb.save(path)
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 0
    assert err.strip() == "baris 8: Nama wajib diisi"
    assert "6 baru, 0 diperbarui, 1 baris tidak valid" in out
    assert _count(profile_dir) == 6


def test_huge_field_rejects_only_that_row(cli, profile_dir, tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(people[0])])
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(",".join(as_cells(dict(people[1], nama="A" * (1024 * 1024)))) + "\r\n")
        fh.write(",".join(as_cells(people[2])) + "\r\n")
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 0
    assert err.startswith("baris 3: Baris terlalu panjang") and len(err) < 300
    assert "2 baru" in out and _count(profile_dir) == 2


@pytest.mark.parametrize("content, words", [
    (b"", "kosong"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "biner"),
])
def test_unusable_csv_is_one_line_and_changes_nothing(cli, profile_dir, tmp_path, content, words):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    before = file_digests(profile_dir)
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("jemput: ") and words in err
    assert file_digests(profile_dir) == before


def test_garbage_named_xlsx_subprocess(profile_dir, tmp_path):
    path = tmp_path / "target.xlsx"
    path.write_bytes(os.urandom(4096))
    before = file_digests(profile_dir)
    result = run_cli("--data", profile_dir, "import-targets", path)
    assert result.returncode == 1
    assert result.stderr.startswith("jemput: ") and "XLSX" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert file_digests(profile_dir) == before


def test_missing_file(cli, profile_dir, tmp_path):
    code, _, err = cli("--data", profile_dir, "import-targets", tmp_path / "tidak-ada.csv")
    assert code == 1 and err.startswith("jemput: berkas tidak ditemukan") and err.count("\n") == 1


def test_header_without_required_columns(cli, profile_dir, tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [[people[0]["nik"], people[0]["nama"]]], header=["nik", "nama"])
    code, _, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 1 and "tanggal_lahir" in err and err.count("\n") == 1


def test_header_only_file_imports_nothing(cli, profile_dir, tmp_path):
    code, out, err = cli("--data", profile_dir, "import-targets", write_csv(tmp_path / "t.csv", []))
    assert code == 0 and "0 baru, 0 diperbarui, 0 baris tidak valid" in out
    assert "tidak berisi baris data" in err


def test_strict_refuses_the_whole_file(cli, profile_dir, tmp_path, people):
    code, _, err = cli("--data", profile_dir, "import-targets", "--strict", _target_file(tmp_path, people))
    assert code == 1
    assert "baris 10:" in err and err.splitlines()[-1].startswith("jemput: 5 baris tidak valid")
    assert _count(profile_dir) == 0


def test_dry_run_writes_nothing(cli, profile_dir, tmp_path, people):
    code, out, _ = cli("--data", profile_dir, "import-targets", "--dry-run", _target_file(tmp_path, people))
    assert code == 0 and out.startswith("Uji coba, tidak ada yang disimpan: 9 baru")
    assert _count(profile_dir) == 0


def test_errors_file_and_max_errors(cli, profile_dir, tmp_path, people):
    report = tmp_path / "salah.csv"
    code, _, err = cli("--data", profile_dir, "import-targets", "--max-errors", "2", "--errors-file", report,
                       _target_file(tmp_path, people))
    assert code == 0
    shown = [line for line in err.splitlines() if line.startswith("baris ")]
    assert len(shown) == 2 and "dan 3 baris tidak valid lainnya" in err
    with open(report, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["baris", "alasan"] and [r[0] for r in rows[1:]] == ["10", "11", "12", "13", "14"]
    assert oct(report.stat().st_mode & 0o777) == "0o600"


def test_wrong_passphrase_is_one_line_and_changes_nothing(profile_dir, tmp_path, people):
    before = file_digests(profile_dir)
    result = run_cli("--data", profile_dir, "import-targets", _target_file(tmp_path, people),
                     passphrase="bukan-kata-sandinya")
    assert result.returncode == 1
    assert result.stderr.startswith("jemput: Kata sandi salah") and result.stderr.count("\n") == 1
    assert result.stdout == ""
    after = file_digests(profile_dir)
    after.pop("profile.json"), before.pop("profile.json")  # where the failed unlock is counted
    assert after == before
    assert _count(profile_dir) == 0


def test_missing_profile(cli, tmp_path, people):
    code, _, err = cli("--data", tmp_path / "kosong", "import-targets", _target_file(tmp_path, people))
    assert code == 1 and "profil tidak ditemukan" in err and err.count("\n") == 1


def test_progress_bar_is_drawn_in_place(profile_dir, tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(p) for p in people[:20]])
    result = run_cli("--data", profile_dir, "import-targets", "--progress", path, text=False)
    assert result.returncode == 0
    err = result.stderr.decode()
    assert "\r[" in err and "100%" in err and "20 baris" in err
    assert "\n" not in err and err.endswith("\r")  # redrawn with carriage returns, then wiped
    assert "20 baru" in result.stdout.decode()


def _big_csv(path, people, rows: int):
    """`rows` distinct generated targets (NIK serials vary), written quickly."""
    from app.core.nik import build_nik
    import datetime as dt

    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(rows):
            p = people[i % len(people)]
            born = dt.date.fromisoformat(p["tanggal_lahir"])
            nik = build_nik("137201", born, p["jenis_kelamin"], 1 + i // len(people))
            writer.writerow([nik, p["nama"], p["tanggal_lahir"], p["jenis_kelamin"], p["alamat"], p["rt"], p["rw"],
                             p["kelurahan_kode"], "BELUM REKAM"])
    return path


def test_ctrl_c_mid_import_leaves_the_database_as_it_was(profile_dir, tmp_path, people):
    # Enough rows that at least one batch (20,000) is written before the interrupt.
    path = _big_csv(tmp_path / "besar.csv", people, 80_000)
    env = {k: v for k, v in os.environ.items() if k != "JEMPUT_HOME"}
    env["JEMPUT_PASSPHRASE"] = PASSPHRASE
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data", str(profile_dir), "import-targets", "--progress", str(path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    seen = bytearray()
    reached = threading.Event()

    def watch():
        while True:
            chunk = proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else proc.stderr.read(1)
            if not chunk:
                return
            seen.extend(chunk)
            for part in bytes(seen).split(b"\r")[-3:]:
                digits = part.split(b" baris")[0].split(b"  ")[-1].replace(b".", b"")
                if digits.isdigit() and int(digits) >= 30_000:
                    reached.set()

    reader = threading.Thread(target=watch, daemon=True)
    reader.start()
    assert reached.wait(60), bytes(seen)[-500:]
    proc.send_signal(signal.SIGINT)
    # Only the reader thread touches stderr; communicate() would race it for the last lines.
    out = proc.stdout.read()
    proc.wait(timeout=60)
    reader.join(30)
    assert not reader.is_alive()
    assert proc.returncode == 130, (out, bytes(seen)[-500:])
    assert b"dibatalkan" in bytes(seen) and b"Traceback" not in bytes(seen)
    assert b"Impor selesai" not in out
    with open_store(profile_dir) as store:
        assert TargetRepo(store).count() == 0
        assert store.integrity_check() == "ok"
        assert not TargetRepo(store).index_suspended()


def _handmade_xlsx(path, rows: list[list[str]]):
    """A minimal XLSX (inline strings, with its <dimension>) written directly: fast to build."""
    from xml.sax.saxutils import escape

    def cell(col: int, row: int, value) -> str:
        return f'<c r="{chr(65 + col)}{row}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    body = "".join(
        f'<row r="{r}">' + "".join(cell(c, r, v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/></Types>'),
        "_rels/.rels": (f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                        f'Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (f'<workbook xmlns="{main}" xmlns:r="{rels}"><sheets>'
                            '<sheet name="Target" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                                       f'Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (f'<worksheet xmlns="{main}"><dimension ref="A1:I{len(rows)}"/>'
                                     f"<sheetData>{body}</sheetData></worksheet>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    return path


def _corrupt_xlsx(path, people, rows: int, at: float):
    """An XLSX of `rows` distinct targets whose sheet data breaks at fraction `at` of the stream."""
    import datetime as dt

    from app.core.nik import build_nik

    table = [HEADER]
    for i in range(rows):
        p = people[i % len(people)]
        nik = build_nik("137201", dt.date.fromisoformat(p["tanggal_lahir"]), p["jenis_kelamin"],
                        1 + i // len(people))
        table.append([nik, p["nama"], p["tanggal_lahir"], p["jenis_kelamin"], p["alamat"], p["rt"], p["rw"],
                      p["kelurahan_kode"], "BELUM REKAM"])
    _handmade_xlsx(path, table)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    name_len, extra_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len + int(info.compress_size * at)
    data[start:start + 64] = bytes(64)
    path.write_bytes(bytes(data))
    return path


def test_broken_xlsx_mid_import_rolls_back(cli, profile_dir, tmp_path, people):
    path = _corrupt_xlsx(tmp_path / "rusak.xlsx", people, 24_000, at=0.93)
    code, out, err = cli("--data", profile_dir, "import-targets", path)
    assert code == 1 and out == ""
    assert err.startswith("jemput: ") and "XLSX rusak" in err and "Traceback" not in err
    broken_at = int(err.rsplit("baris ", 1)[1].split()[0])
    assert broken_at > 20_001  # past the first batch of 20,000: something was written, then undone
    assert _count(profile_dir) == 0


# -- import-regions -------------------------------------------------------------

def test_import_regions_replaces_master_data(cli, profile_dir, tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text(
        "\ufeffkode,nama\n13,Sumatera Barat\n13.72,Kota Solok\n13.72.01,Lubuk Sikarah\n"
        "13.72.01.1001,Tanah Garam\n13.72.01.99,Rusak\n13.72.02.1001,Tanpa Induk\n13.72.01.1002,\n",
        encoding="utf-8",
    )
    code, out, err = cli("--data", profile_dir, "import-regions", path)
    assert code == 0
    assert [line.split(":")[0] for line in err.splitlines()] == ["baris 6", "baris 7", "baris 8"]
    assert "4 wilayah" in out and "3 baris tidak valid" in out
    with open_store(profile_dir) as store:
        assert region_count(store) == 4


def test_import_regions_all_bad_changes_nothing(cli, profile_dir, tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text("kode,nama\nxx,Rusak\n", encoding="utf-8")
    code, _, err = cli("--data", profile_dir, "import-regions", path)
    assert code == 1 and err.splitlines()[-1].startswith("jemput: tidak ada baris wilayah yang sah")
    with open_store(profile_dir) as store:
        assert region_count(store) == 287


def test_import_regions_wrong_header(cli, profile_dir, tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text("code;name\n13;Sumatera Barat\n", encoding="utf-8")
    code, _, err = cli("--data", profile_dir, "import-regions", path)
    assert code == 1 and err.startswith("jemput: baris 1:") and err.count("\n") == 1


def test_unknown_kelurahan_after_regions_replaced(cli, profile_dir, tmp_path, people):
    path = tmp_path / "wilayah.csv"
    path.write_text("kode,nama\n13,Sumatera Barat\n13.72,Kota Solok\n13.72.01,Lubuk Sikarah\n"
                    "13.72.01.1002,VI Suku\n", encoding="utf-8")
    assert cli("--data", profile_dir, "import-regions", path)[0] == 0
    code, out, err = cli("--data", profile_dir, "import-targets", write_csv(tmp_path / "t.csv", [as_cells(people[0])]))
    assert code == 0 and "13.72.01.1001 tidak ada dalam data master" in err and "0 baru" in out

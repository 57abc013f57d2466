"""app.targetfile: reading target lists from CSV and XLSX, row checks, line numbers, streaming."""

from __future__ import annotations

import csv
import datetime as dt
import tracemalloc

import openpyxl
import pytest

from app.core.nik import build_nik
from app.core.regions import RegionIndex
from app.targetfile import (
    ImportFileError,
    MAX_LINE_BYTES,
    open_targets,
    parse_birth_date,
    read_targets,
)
from cli_support import HEADER, SEED_REGIONS, as_cells, write_csv


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    with SEED_REGIONS.open(encoding="utf-8") as fh:
        return RegionIndex.from_csv(fh)


def _bad_rows(people):
    """Five bad rows (file lines 3-7) between good ones; returns rows and the bad people."""
    good1, good2 = people[0], people[1]
    short_nik = dict(people[2], nik=people[2]["nik"][:15])
    april_31 = dict(people[3], tanggal_lahir="31/04/1990")
    no_name = dict(people[4], nama="")
    digit_name = dict(people[5], nama=people[5]["nama"] + " 2")
    unknown_kel = dict(people[6], kelurahan_kode="13.72.01.1999")
    rows = [good1, short_nik, april_31, no_name, digit_name, unknown_kel, good2]
    return [as_cells(r) for r in rows], [short_nik, april_31, no_name, digit_name, unknown_kel]


def test_bad_rows_reported_with_line_numbers_and_reasons(tmp_path, people, regions):
    cells, bad = _bad_rows(people)
    path = write_csv(tmp_path / "target.csv", cells)
    rows, problems = read_targets(path, regions=regions)
    assert [r["nik"] for r in rows] == [people[0]["nik"], people[1]["nik"]]
    assert [line for line, _ in problems] == [3, 4, 5, 6, 7]
    reasons = dict(problems)
    assert "NIK" in reasons[3] and "16" in reasons[3] and "15" in reasons[3]
    assert "bukan tanggal yang ada" in reasons[4]
    assert "Nama wajib diisi" in reasons[5]
    assert "tidak boleh dipakai" in reasons[6] and '"2"' in reasons[6]
    assert "13.72.01.1999" in reasons[7] and "data master" in reasons[7]
    # Never the NIK or the name in a reason.
    for person, (_, reason) in zip(bad, problems):
        assert person["nik"] not in reason and person["nik"][:15] not in reason
        if person["nama"]:
            assert person["nama"].split()[0] not in reason


def test_good_row_is_normalised(tmp_path, people):
    person = people[0]
    row = dict(person, nama=person["nama"].lower(), rt="7", rw="12", kelurahan_kode="1372011001",
               tanggal_lahir=dt.date.fromisoformat(person["tanggal_lahir"]).strftime("%d/%m/%Y"),
               jenis_kelamin="Perempuan" if person["jenis_kelamin"] == "P" else "Laki-laki",
               alamat="  jl.  kenanga   no. 3 ", status_ktp="")
    rows, problems = read_targets(write_csv(tmp_path / "t.csv", [as_cells(row)]))
    assert problems == []
    assert rows == [{
        "nik": person["nik"], "nama": person["nama"], "tanggal_lahir": person["tanggal_lahir"],
        "jenis_kelamin": person["jenis_kelamin"], "alamat": "JL. KENANGA NO. 3", "rt": "007", "rw": "012",
        "kelurahan_kode": "13.72.01.1001", "status_ktp": "BELUM REKAM",
    }]


def test_semicolon_bom_and_indonesian_headers(tmp_path, people):
    header = ["NIK", "NAMA LENGKAP", "TGL. LAHIR", "JK", "Alamat", "RT", "RW", "Kode Kelurahan", "No KK",
              "Tempat Lahir", "Status KTP-el", "Catatan lain"]
    rows = [[p["nik"], p["nama"], p["tanggal_lahir"], {"L": "LK", "P": "PR"}[p["jenis_kelamin"]], p["alamat"],
             p["rt"], p["rw"], p["kelurahan_kode"], "", "solok", "belum rekam", "abaikan"] for p in people[:3]]
    path = write_csv(tmp_path / "t.csv", rows, delimiter=";", bom=True, header=header)
    target = open_targets(path)
    assert target.delimiter == ";"
    assert target.columns[:3] == ["nik", "nama", "tanggal_lahir"]
    got = list(target)
    assert target.problems == []
    assert [r["nik"] for r in got] == [p["nik"] for p in people[:3]]
    assert got[0]["tempat_lahir"] == "SOLOK" and got[0]["status_ktp"] == "BELUM REKAM"


def test_missing_required_column_names_them(tmp_path, people):
    header = [h for h in HEADER if h not in ("rt", "kelurahan_kode")]
    path = write_csv(tmp_path / "t.csv", [], header=header)
    with pytest.raises(ImportFileError) as info:
        open_targets(path)
    assert "rt" in str(info.value) and "kelurahan_kode" in str(info.value)


@pytest.mark.parametrize("content, words", [
    (b"", "kosong"),
    (b"\n\n  \n", "kosong"),
    (b"\xff\xfen\x00i\x00k\x00", "UTF-16"),
    (b"nik,nama\x00\x01\x02garbage", "biner"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
])
def test_unreadable_files_fail_as_a_whole(tmp_path, content, words):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        open_targets(path)
    assert words in str(info.value)


def test_header_only_gives_no_rows(tmp_path):
    rows, problems = read_targets(write_csv(tmp_path / "t.csv", []))
    assert rows == [] and problems == []


def test_huge_field_is_rejected_without_reading_it_whole(tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(people[0])])
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(f"{people[1]['nik']},{'A' * (1024 * 1024)},1990-01-01,L,x,1,1,13.72.01.1001,\r\n")
        fh.write(",".join(str(c) for c in as_cells(people[2])) + "\r\n")
    tracemalloc.start()
    try:
        rows, problems = read_targets(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r["nik"] for r in rows] == [people[0]["nik"], people[2]["nik"]]
    assert problems == [(3, f"Baris terlalu panjang (lebih dari {MAX_LINE_BYTES // 1024} KB), dilewati")]
    assert peak < 512 * 1024  # the 1 MB line never sat in memory


def test_quoted_newline_keeps_line_numbers(tmp_path, people):
    rows = [as_cells(dict(people[0], alamat="JL. MAWAR\nGANG 2")), as_cells(dict(people[1], nama=""))]
    path = write_csv(tmp_path / "t.csv", rows)
    good, problems = read_targets(path)
    assert good[0]["alamat"] == "JL. MAWAR GANG 2"
    assert problems == [(4, "Nama wajib diisi")]  # header 1, first record 2-3, second 4


def test_unclosed_quote_is_one_bad_record_and_reading_goes_on(tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(people[0])])
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(f'{people[1]["nik"]},"UNCLOSED' + "X" * 200 + "\r\n")
        for _ in range(800):  # the open quote swallows lines until the csv field limit
            fh.write("Y" * 200 + "\r\n")
        fh.write(",".join(str(c) for c in as_cells(people[2])) + "\r\n")
    good, problems = read_targets(path)
    assert good[0]["nik"] == people[0]["nik"]
    assert len(problems) >= 1 and problems[0][0] == 3 and "kutip" in problems[0][1]
    assert good[-1]["nik"] == people[2]["nik"]


def test_line_that_is_not_utf8_is_reported_alone(tmp_path, people):
    path = write_csv(tmp_path / "t.csv", [as_cells(people[0])])
    with open(path, "ab") as fh:
        fh.write(",".join(str(c) for c in as_cells(dict(people[1], alamat="JL. CAF\xc9"))).encode("cp1252") + b"\r\n")
        fh.write(",".join(str(c) for c in as_cells(people[2])).encode() + b"\r\n")
    good, problems = read_targets(path)
    assert [r["nik"] for r in good] == [people[0]["nik"], people[2]["nik"]]
    assert problems == [(3, "Teks bukan UTF-8 (simpan berkas sebagai 'CSV UTF-8')")]


def test_extra_filled_cells_are_refused_but_trailing_empty_ones_are_fine(tmp_path, people):
    rows = [as_cells(people[0]) + ["", ""], as_cells(people[1]) + ["surplus"]]
    good, problems = read_targets(write_csv(tmp_path / "t.csv", rows))
    assert [r["nik"] for r in good] == [people[0]["nik"]]
    assert problems == [(3, "Baris berisi 10 kolom, baris judul 9 kolom")]


@pytest.mark.parametrize("text, expected", [
    ("1990-04-30", dt.date(1990, 4, 30)),
    ("30-04-1990", dt.date(1990, 4, 30)),
    ("30/04/1990", dt.date(1990, 4, 30)),
    ("30.04.1990", dt.date(1990, 4, 30)),
    ("3/4/1990", dt.date(1990, 4, 3)),
    ("1990/04/30", dt.date(1990, 4, 30)),
    ("1990-04-30 00:00:00", dt.date(1990, 4, 30)),
    (dt.datetime(1990, 4, 30, 0, 0), dt.date(1990, 4, 30)),
])
def test_birth_date_layouts(text, expected):
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text, words", [
    ("31/04/1990", "bukan tanggal yang ada"),
    ("29-02-2001", "bukan tanggal yang ada"),
    ("1990-13-01", "bukan tanggal yang ada"),
    ("30-04-90", "tidak dikenali"),
    ("30/04-1990", "tidak dikenali"),
    ("", "wajib"),
])
def test_bad_birth_dates(text, words):
    with pytest.raises(ValueError) as info:
        parse_birth_date(text)
    assert words in str(info.value)


def test_future_and_ancient_birth_dates(tmp_path, people):
    rows = [as_cells(dict(people[0], tanggal_lahir="2030-01-01")),
            as_cells(dict(people[1], tanggal_lahir="1899-12-31"))]
    _, problems = read_targets(write_csv(tmp_path / "t.csv", rows), today=dt.date(2026, 3, 1))
    assert problems == [(2, "Tanggal lahir di masa depan"), (3, "Tanggal lahir sebelum tahun 1900")]


@pytest.mark.parametrize("value, expected", [
    ("L", "L"), ("P", "P"), ("lk", "L"), ("PR", "P"), ("Laki-laki", "L"), ("PEREMPUAN", "P"),
])
def test_jenis_kelamin_forms(tmp_path, people, value, expected):
    rows, _ = read_targets(write_csv(tmp_path / "t.csv", [as_cells(dict(people[0], jenis_kelamin=value))]))
    assert rows[0]["jenis_kelamin"] == expected


@pytest.mark.parametrize("field, value, words", [
    ("jenis_kelamin", "X", "Jenis kelamin tidak dikenal"),
    ("jenis_kelamin", "", "Jenis kelamin wajib"),
    ("kelurahan_kode", "13.72.01", "Kode kelurahan tidak valid"),
    ("kelurahan_kode", "137201100", "Kode kelurahan tidak valid"),
    ("kelurahan_kode", "", "Kode kelurahan wajib"),
    ("rt", "0", "RT harus"),
    ("rw", "1234", "RW harus"),
    ("alamat", "X" * 121, "Alamat lebih dari 120"),
    ("status_ktp", "HILANG", "Status KTP-el tidak dikenal"),
    ("nik", "13720145123800AB", "NIK hanya boleh berisi angka"),
    ("nik", "1372014500380001", "bukan tanggal yang ada"),
])
def test_field_checks(tmp_path, people, field, value, words):
    rows, problems = read_targets(write_csv(tmp_path / "t.csv", [as_cells(dict(people[0], **{field: value}))]))
    assert rows == []
    assert len(problems) == 1 and words in problems[0][1]


def test_nik_warnings_do_not_reject_a_target(tmp_path, people):
    # Sex in the NIK differs from the column: a warning for the form, fine for a target list.
    person = people[0]
    other = "L" if person["jenis_kelamin"] == "P" else "P"
    rows, problems = read_targets(write_csv(tmp_path / "t.csv", [as_cells(dict(person, jenis_kelamin=other))]))
    assert problems == [] and rows[0]["jenis_kelamin"] == other


def test_without_master_data_codes_are_checked_by_shape_only(tmp_path, people):
    rows, problems = read_targets(
        write_csv(tmp_path / "t.csv", [as_cells(dict(people[0], kelurahan_kode="13.72.01.1999"))]))
    assert problems == [] and rows[0]["kelurahan_kode"] == "13.72.01.1999"


def _distinct_rows(people, count: int) -> list[list]:
    """`count` rows of the people with distinct NIKs (serials vary), as cells."""
    rows = []
    for i in range(count):
        p = people[i % len(people)]
        nik = build_nik("137201", dt.date.fromisoformat(p["tanggal_lahir"]), p["jenis_kelamin"],
                        1 + i // len(people))
        rows.append(as_cells(dict(p, nik=nik)))
    return rows


def test_progress_reports_bytes_up_to_the_size(tmp_path, people):
    path = write_csv(tmp_path / "t.csv", _distinct_rows(people, 6000))
    seen = []
    target = open_targets(path, progress=seen.append)
    assert sum(1 for _ in target) == 6000
    assert [s.unit for s in seen] == ["byte"] * len(seen)
    assert [s.done for s in seen] == sorted(s.done for s in seen)
    assert len(seen) >= 3 and seen[-1].done == seen[-1].total == path.stat().st_size
    assert seen[-1].rows == 6000 and seen[-1].fraction == 1.0


def test_reading_is_streamed(tmp_path, people):
    # 40,000 rows: what is held is a batch of rows (`BATCH_ROWS`) and 12 bytes a NIK, whatever the size.
    path = write_csv(tmp_path / "t.csv", _distinct_rows(people, 40_000))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in open_targets(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 40_000
    # Rows are not collected (as dicts they would take several times the file's size): below the size.
    assert peak < size


# -- XLSX -----------------------------------------------------------------------

def _workbook(path, sheets: dict[str, list[list]]):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_xlsx_with_excel_types(tmp_path, people, regions):
    header = ["NIK", "Nama", "Tgl Lahir", "L/P", "Alamat", "RT", "RW", "Kode Kel"]
    p0, p1, p2, p3 = people[:4]
    born = [dt.date.fromisoformat(p["tanggal_lahir"]) for p in (p0, p1, p2, p3)]
    serial = (born[2] - dt.date(1899, 12, 30)).days
    rows = [
        header,
        [p0["nik"], p0["nama"], dt.datetime.combine(born[0], dt.time()), p0["jenis_kelamin"], p0["alamat"], 1, 2,
         1372011001],
        [int(p1["nik"]), p1["nama"], born[1].strftime("%d-%m-%Y"), p1["jenis_kelamin"], p1["alamat"], "3", "4",
         "13.72.01.1001"],
        [p2["nik"], p2["nama"], serial, p2["jenis_kelamin"], p2["alamat"], 5.0, 6, "13.72.01.1001"],
        # Excel kept 15 significant digits: the 16th reads 0
        [float(p3["nik"][:15] + "0"), p3["nama"], born[3], p3["jenis_kelamin"], p3["alamat"], 1, 1, "13.72.01.1001"],
        [None, None, None, None, None, None, None, None],
        [p0["nik"], "", born[0], "L", "x", 1, 1, "13.72.01.1001"],
    ]
    assert p1["nik"][-1] != "0"
    path = _workbook(tmp_path / "t.xlsx", {"Target": rows})
    seen = []
    target = open_targets(path, regions=regions, progress=seen.append)
    assert target.format == "xlsx"
    good = list(target)
    assert [g["nik"] for g in good] == [p0["nik"], p1["nik"], p2["nik"]]
    assert [g["tanggal_lahir"] for g in good] == [born[0].isoformat(), born[1].isoformat(), born[2].isoformat()]
    assert good[0]["kelurahan_kode"] == "13.72.01.1001" and good[0]["rt"] == "001" and good[2]["rt"] == "005"
    # A NIK in a number cell that cannot have been cut (16 digits, the last not 0) is taken;
    # one whose 16th digit Excel dropped is refused, never rounded.
    assert [line for line, _ in target.problems] == [5, 7]
    assert target.problems[0][1] == ("NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang: "
                                     "simpan kolom NIK sebagai teks")
    assert seen and seen[-1].unit == "baris" and seen[-1].rows == 5


def test_xlsx_reads_every_sheet_with_a_header(tmp_path, people):
    header = HEADER
    sheet1 = [header] + [as_cells(p) for p in people[:3]]
    sheet2 = [header] + [as_cells(p) for p in people[3:5]] + [as_cells(dict(people[5], nama=""))]
    notes = [["catatan", "bukan daftar"], ["x", "y"]]
    path = _workbook(tmp_path / "t.xlsx", {"Bagian 1": sheet1, "Catatan": notes, "Bagian 2": sheet2})
    target = open_targets(path)
    good = list(target)
    assert [g["nik"] for g in good] == [p["nik"] for p in people[:5]]
    assert target.problems == [(4, "Lembar 'Bagian 2': Nama wajib diisi")]
    assert any("Catatan" in note for note in target.notes)


def test_xlsx_named_csv_is_read_as_xlsx(tmp_path, people):
    path = _workbook(tmp_path / "t.xlsx", {"S": [HEADER, as_cells(people[0])]})
    renamed = path.rename(tmp_path / "export.csv")
    rows, problems = read_targets(renamed)
    assert [r["nik"] for r in rows] == [people[0]["nik"]] and problems == []


@pytest.mark.parametrize("content", [b"not a zip at all" * 10, b"PK\x03\x04" + b"\x00" * 200])
def test_garbage_xlsx_is_one_error(tmp_path, content):
    path = tmp_path / "t.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        open_targets(path)
    assert "XLSX" in str(info.value)


def test_xlsx_without_the_columns(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"S": [["nik", "nama"], ["1", "x"]]})
    with pytest.raises(ImportFileError) as info:
        open_targets(path)
    assert "tanggal_lahir" in str(info.value)


def test_title_lines_above_the_header_are_skipped(tmp_path, people):
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("DAFTAR WAJIB KTP BELUM REKAM;;;\nKELURAHAN TANAH GARAM;;;\n;;;\n")
    with open(path, "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADER)
        writer.writerow(as_cells(people[0]))
        writer.writerow(as_cells(dict(people[1], nama="")))
    target = open_targets(path)
    assert [r["nik"] for r in target] == [people[0]["nik"]]
    assert target.problems == [(6, "Nama wajib diisi")]
    assert target.notes == ["2 baris di atas baris judul dilewati"]

    xlsx = _workbook(tmp_path / "t.xlsx", {"S": [["DAFTAR WAJIB KTP"], [], HEADER, as_cells(people[0]),
                                                  as_cells(dict(people[1], nama=""))]})
    target = open_targets(xlsx)
    assert [r["nik"] for r in target] == [people[0]["nik"]]
    assert target.problems == [(5, "Nama wajib diisi")]


# -- a NIK repeated inside one file -----------------------------------------------

def test_repeated_nik_keeps_the_first_row_and_reports_the_later_ones(tmp_path, people):
    first, again = people[0], dict(people[0], nama="ORANG LAIN", alamat="JL. LAIN")
    rows = [as_cells(first), as_cells(people[1]), as_cells(again), as_cells(again)]
    good, problems = read_targets(write_csv(tmp_path / "t.csv", rows))
    assert [(r["nik"], r["nama"]) for r in good] == [(first["nik"], first["nama"]), (people[1]["nik"], people[1]["nama"])]
    assert problems == [(4, "NIK sama dengan baris 2 (baris 2 yang disimpan, baris 4 dilewati)"),
                        (5, "NIK sama dengan baris 2 (baris 2 yang disimpan, baris 5 dilewati)")]
    assert all(first["nik"] not in reason for _, reason in problems)


def test_repeated_nik_across_xlsx_sheets_names_the_sheet(tmp_path, people):
    path = _workbook(tmp_path / "t.xlsx", {
        "Bagian 1": [HEADER, as_cells(people[0]), as_cells(people[1])],
        "Bagian 2": [HEADER, as_cells(people[2]), as_cells(dict(people[1], nama="ORANG LAIN")),
                     as_cells(people[2])],
    })
    target = open_targets(path)
    assert [r["nik"] for r in target] == [people[0]["nik"], people[1]["nik"], people[2]["nik"]]
    assert target.problems == [
        (3, "Lembar 'Bagian 2': NIK sama dengan baris 3 di lembar 'Bagian 1' (baris 3 yang disimpan, baris 3 dilewati)"),
        (4, "Lembar 'Bagian 2': NIK sama dengan baris 2 (baris 2 yang disimpan, baris 4 dilewati)"),
    ]


def test_first_lines_table_agrees_with_a_dict_through_its_growth():
    import random

    from app.targetfile.repeats import FirstLines

    rng = random.Random(9)
    table, expected = FirstLines(bits=4), {}
    for line in range(1, 60_000):
        nik = str(rng.randrange(11 * 10**14, 10**16 - 1)) if rng.random() < 0.8 or not expected \
            else rng.choice(list(expected)[-50:])
        assert table.first(nik, line) == expected.get(nik)
        expected.setdefault(nik, line)
    assert len(table) == len(expected)
    assert table.first("12345", 7) is None and table.first("12345", 8) == 7  # not 16 digits: still tracked


def test_first_lines_of_a_batch_agree_with_one_at_a_time():
    import random

    from app.targetfile.repeats import FirstLines

    rng = random.Random(17)
    one, many, line = FirstLines(bits=4), FirstLines(bits=4), 1
    for size in [1, 3, 700, 2, 128, 5000, 128, 128, 60, 9000, 1]:
        niks = []
        for _ in range(size):  # new NIKs, NIKs of earlier batches, NIKs twice in this batch, a short one
            roll = rng.random()
            if roll < 0.7 or not niks:
                niks.append(str(rng.randrange(11 * 10**14, 10**16 - 1)))
            elif roll < 0.8:
                niks.append(rng.choice(niks))
            else:
                niks.append(str(rng.randrange(11 * 10**14, 11 * 10**14 + 3000)))  # a crowded stretch
        if size == 60:
            niks[7] = "12345"  # not 16 digits: this batch goes one at a time
        lines = list(range(line, line + size))
        line += size
        assert many.first_many(niks, lines) == [one.first(n, n_line) for n, n_line in zip(niks, lines)]
    assert len(many) == len(one) > 12_000

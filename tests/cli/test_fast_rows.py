"""app.targetfile.fast_rows: the fast path gives exactly what the full row check gives, on clean and messy cells.

Thousands of rows drawn from clean and quirky cell values (spaced, dotted and
hyphenated NIKs, NIKs with an impossible date or serial 0000, names in mixed
case or with digits, every date form, RT "7", unknown kelurahan, spaces around
cells, missing cells...) in the SIAK layout and in Jemput's own layout: a row
the fast path takes equals the full check's row, and a row the full check
refuses the fast path never takes. Then a messy CSV read end to end.
"""

from __future__ import annotations

import csv
import datetime as dt
import random

import pytest

from app.core.regions import RegionIndex
from app.targetfile import read_targets
from app.targetfile.columns import map_header
from app.core.checked_row import CheckedRow
from app.targetfile.fast_rows import FastRows
from app.targetfile.rows import RowChecker
from cli_support import SEED_REGIONS

TODAY = dt.date(2026, 12, 3)
NIKS = ["1671014508900003", "1671010101000001", "1671 0145 0890 0004", "16.71.01.450890.0005", "1671-0101-0190-0002",
        "1671013202900001", "1671010101900000", "167101010190001", "16710101019000012", " 1671010202900001",
        "1.67101010190001E+15", "167101O101900001", "", "1671017102900001", "1671016101900001"]
NAMES = ["SITI AMINAH", "Siti Aminah", "MUH. RIZKY", "SITI NUR'AINI", "NI LUH  PUTU", " BUDI", "BUDI 2", "",
         "A" * 61, "A" * 60, "-BUDI", "JOSÉ", "O'NEIL-SMITH, JR.", "BUDI ", "b"]
DATES = ["17-08-1945", "1945-08-17", "17/08/1945", "17 Agustus 1945", "31-02-1990", "1899-12-31", "2030-01-01",
         "", "kemarin", "01-07-2000 00:00:00", "1-7-2000", " 1990-05-05"]
SEXES = ["L", "P", "LAKI-LAKI", "PEREMPUAN", "lk", "pr", "", "X", " P"]
ALAMAT = ["JL. MERDEKA NO. 1", "jl.  merdeka", "", "  GANG  ", "A" * 121, "A" * 120]
RT = ["1", "7", "007", "012", "", "0", "1234", "x", " 3"]
PARTS = [("16", "71", "1", "1001"), ("16", "71", "01", "1671011001"), ("16", "71", "01", "9999"),
         ("16", "71", "", "1001"), ("1.6", "71", "01", "1001"), (" 16", "71", "1", "1")]
KK = ["1671010101090001", "1671 0101 0109 0002", "", "123", "1.67101010109E+15", "abc"]
PLACES = ["PALEMBANG", "palembang", "", "  ", "KOTA 2", "SUNGAI  LILIN"]
STATUS = ["", "BELUM REKAM", "sudah rekam", "CARD PRINTED", "hilang"]

SIAK = ["NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "NO_RW",
        "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL"]
OWN = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode", "status_ktp"]


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    with SEED_REGIONS.open(encoding="utf-8") as fh:
        return RegionIndex.from_csv(fh)


def _siak_row(rng: random.Random) -> list[str]:
    prop, kab, kec, kel = rng.choice(PARTS)
    return [rng.choice(NIKS), rng.choice(KK), rng.choice(NAMES), rng.choice(PLACES), rng.choice(DATES),
            rng.choice(SEXES), rng.choice(ALAMAT), rng.choice(RT), rng.choice(RT), prop, kab, kec, kel]


def _own_row(rng: random.Random) -> list[str]:
    kel = rng.choice(["16.71.01.1001", "1671011001", "16.71.01.9999", "", "16.71.01", " 16.71.01.1001"])
    return [rng.choice(NIKS), rng.choice(NAMES), rng.choice(DATES), rng.choice(SEXES), rng.choice(ALAMAT),
            rng.choice(RT), rng.choice(RT), kel, rng.choice(STATUS)]


def _clean(header: list[str], n: int) -> list[str]:
    if header is SIAK:
        return [NIKS[n % 2], KK[0], "SITI AMINAH", "PALEMBANG", "17-08-1945", "P", "JL. MERDEKA NO. 1", "7", "12",
                "16", "71", "1", "1001"]
    return [NIKS[n % 2], "SITI AMINAH", "1945-08-17", "PEREMPUAN", "JL. MERDEKA", "007", "1", "16.71.01.1001", ""]


@pytest.mark.parametrize("header, make", [(SIAK, _siak_row), (OWN, _own_row)], ids=["siak", "own"])
@pytest.mark.parametrize("with_regions", [True, False])
def test_fast_path_equals_the_full_check(regions, header, make, with_regions):
    positions, dup = map_header(header)
    assert not dup
    checker = RowChecker(regions if with_regions else None, TODAY)
    fast = FastRows(checker, positions).compile()
    rng = random.Random(11)
    taken = refused = 0
    made = []
    for n in range(6000):
        row = make(rng)
        if n % 2 == 0:  # a clean row with at most one quirky cell, so both paths are exercised often
            quirky = make(rng)
            row = _clean(header, n)
            column = rng.randrange(len(row) + 1)
            if column < len(row):
                row[column] = quirky[column]
        if n % 97 == 0:
            row = row[:-2]  # short row: missing cells count as empty
        made.append(row)
        cells = {name: (row[i] if i < len(row) else "") for name, i in positions.items()}
        full, reasons = RowChecker(regions if with_regions else None, TODAY).check(cells)
        quick = fast(row)
        if quick is not None:
            taken += 1
            assert full is not None and not reasons, row
            assert type(quick) is CheckedRow
            assert dict(quick) == full and list(quick) == list(full), row
        elif full is None:
            refused += 1
    assert taken > 800 and refused > 2000  # both kinds of rows were seen
    # A column at a time (`compile_batch`): for each row what the row's own fast check gives.
    batch = FastRows(RowChecker(regions if with_regions else None, TODAY), positions).compile_batch()
    columnar = 0
    for start in range(0, len(made), 25):
        chunk = made[start:start + 25]
        columnar += min(map(len, chunk)) == len(header)
        expected = [fast(row) for row in chunk]
        got = batch(chunk)
        assert got == expected
        assert [None if g is None else (type(g), list(g)) for g in got] == \
            [None if e is None else (CheckedRow, list(e)) for e in expected]
    assert columnar > 120  # most chunks had no short row: they went a column at a time


def test_messy_csv_reads_the_same_with_and_without_the_fast_path(tmp_path, regions):
    rng = random.Random(7)
    rows = [_siak_row(rng) for _ in range(3000)]
    for i in range(0, 3000, 2):  # clean rows with their own NIK (a few repeated), one cell in five quirky
        quirky, rows[i] = rows[i], _clean(SIAK, i)
        rows[i][0] = f"167101450890{(i if i % 50 else i - 2) // 2 + 1:04d}"
        if i % 5 == 0:
            column = rng.randrange(len(quirky))
            rows[i][column] = quirky[column]
    path = tmp_path / "siak.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([SIAK, *rows])
    good, problems = read_targets(path, regions=regions, today=TODAY)

    # The same file checked row by row with the full check alone (and the first-row-of-a-NIK rule).
    positions, _ = map_header(SIAK)
    checker = RowChecker(regions, TODAY)
    expected, expected_problems, first = [], [], {}
    for line, row in enumerate(rows, start=2):
        out, reasons = checker.check({name: row[i] for name, i in positions.items()})
        if out is None:
            expected_problems.append(line)
        elif out["nik"] in first:
            expected_problems.append(line)
        else:
            first[out["nik"]] = line
            expected.append(out)
    assert good == expected
    assert [line for line, _ in problems] == expected_problems
    assert len(good) > 800 and len(problems) > 1000


def test_a_long_clean_file_with_scattered_quirks_reads_as_the_full_check_says(tmp_path, regions, monkeypatch):
    """Batches of clean rows go whole; a batch with a blank line, a cell over two lines, a line that is
    not UTF-8, too many or too few cells, a refused row or a repeated NIK goes row by row; the
    lines reported and the rows kept are those of the row-by-row reading."""
    rows = [_clean(SIAK, 0) for _ in range(2000)]
    for i, row in enumerate(rows):
        row[0] = f"1671014508{90 + i // 1000:02d}{i % 1000 + 1:04d}"
    rows[300][0] = rows[10][0]  # repeated NIK across batches
    rows[1501][0] = rows[1500][0]  # and inside one
    rows[700][2] = "budi 2"  # refused: digits in the name
    raw = [",".join(SIAK) + "\n"] + [",".join(row) + "\n" for row in rows]
    raw[900] = raw[900].replace("JL. MERDEKA NO. 1", '"JL. MERDEKA\nNO. 1"')  # one row over two lines
    raw.insert(1200, "\n")  # a blank line
    raw[1300] = raw[1300] + "extra,cells\n"  # a line of two cells: too few, refused
    raw[1700] = raw[1700].rstrip("\n") + ",X\n"  # one cell too many
    path = tmp_path / "siak.csv"
    lines = "".join(raw).encode("utf-8").split(b"\n")
    lines[1800] = lines[1800].replace(b"JL.", b"JL.\xff")  # not UTF-8
    path.write_bytes(b"\n".join(lines))
    good, problems = read_targets(path, regions=regions, today=TODAY)

    # The same file with the fast path off: every row checked alone by the full check.
    import app.targetfile.csv_reader as csv_reader

    class Slow(FastRows):
        def compile_batch(self):
            return None

    monkeypatch.setattr(csv_reader, "FastRows", Slow)
    expected, expected_problems = read_targets(path, regions=regions, today=TODAY)
    assert good == expected and [list(g) for g in good] == [list(e) for e in expected]
    assert problems == expected_problems
    reported = dict(problems)
    assert len(good) == 2000 - 5 and len(problems) == 6  # 5 of the rows, and the two-cell line
    assert set(reported) == {302, 702, 1303, 1506, 1703, 1801}  # after the two-line row and the blank line
    assert reported[302].startswith("NIK sama dengan baris 12 ") and reported[1506].startswith("NIK sama dengan baris 1505 ")
    assert "UTF-8" in reported[1801] and "14 kolom" in reported[1703]

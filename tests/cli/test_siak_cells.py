"""app.targetfile SIAK cells: month-name dates, NO_PROP..NO_KEL, NIK/KK numbers Excel cut, header names."""

from __future__ import annotations

import datetime as dt

import pytest

from app.targetfile import map_header, parse_birth_date
from app.targetfile.cells import number_text, region_from_parts
from app.targetfile.columns import header_error, missing_columns

NIK = "3171010101900001"


@pytest.mark.parametrize("text", [
    "17-08-1945", "17/08/1945", "17.08.1945", "1945-08-17", "17 Agustus 1945", "17 agustus 1945",
    "17-Agu-1945", "17 Agt 1945", "17 Aug 1945", "17-Aug-1945", "17 AGUSTUS 1945", "17Agustus1945",
])
def test_indonesian_date_forms(text):
    assert parse_birth_date(text) == dt.date(1945, 8, 17)


@pytest.mark.parametrize("text, expected", [
    ("1 Mei 2000", dt.date(2000, 5, 1)), ("5 Pebruari 1970", dt.date(1970, 2, 5)),
    ("30 Nopember 1980", dt.date(1980, 11, 30)), ("25 Des 1999", dt.date(1999, 12, 25)),
    ("9 Okt 1990", dt.date(1990, 10, 9)),
])
def test_month_names_and_their_old_spellings(text, expected):
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("17 Agustusan 1945", "tidak dikenali"), ("31 Februari 1990", "kalender"), ("17 8 1945", "tidak dikenali"),
    ("17 Agustus " + "1" * 100, "tidak dikenali"),
])
def test_bad_named_dates_are_refused(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_birth_date(text)


@pytest.mark.parametrize("parts, code", [
    (("31", "71", "01", "1001"), "3171011001"), (("31", "71", "1", "1001"), "3171011001"),
    (("13", "72", "1", "1"), "1372010001"), (("33", "8", "12", "2001"), "3308122001"),
    (("31", "71", "01", "3171011001"), "3171011001"),
    (("31", "71", "01", "ABC"), None), (("31", "71", "", "1001"), None), (("3.1", "71", "01", "1001"), None),
    (("31", "71", "01", "10011"), None), (("31", "71", "01", "1372011001"), None),
])
def test_region_code_from_siak_parts(parts, code):
    assert region_from_parts(*parts) == code


@pytest.mark.parametrize("value, expected", [
    (NIK, NIK), ("3171 0101 0190 0001", NIK), ("31.71.01.010190.0001", NIK), ("3171-0101-0190-0001", NIK),
    (int(NIK), NIK), (float(NIK), NIK), ("3171O101", "3171O101"),
])
def test_nik_cells_taken(value, expected):
    assert number_text(value, "NIK") == expected


@pytest.mark.parametrize("value", [
    3171010101900000, 3.17101010190001e15, float("3171010101900000"), "3.17101010190001E+15",
    "3,17101E+15", 9471010101900001, 3171010101900001.5, 317101010190001, float("nan"),
])
def test_numbers_excel_cut_are_refused_never_rounded(value):
    with pytest.raises(ValueError) as caught:
        number_text(value, "NIK")
    assert str(caught.value) == ("NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang: "
                                 "simpan kolom NIK sebagai teks")


@pytest.mark.parametrize("header", [
    ["NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "NO_RW",
     "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL"],
    ["nik", "no kk", "Nama Lgkp", "tmpt.lhr", "Tgl Lhr", "Jenis Klmin", "alamat", "No. RT", "no.rw",
     "No Prop", "no_kab", "NO.KEC", "nokel"],
    ["NIK", "NOKK", "NAMALGKP", "TMPTLHR", "TGLLHR", "JENISKLMIN", "ALAMAT", "NORT", "NORW",
     "NOPROP", "NOKAB", "NOKEC", "NOKEL"],
])
def test_siak_header_names_and_variants(header):
    positions, problems = map_header(header)
    assert problems == [] and missing_columns(positions) == []
    assert [name for name, _ in sorted(positions.items(), key=lambda item: item[1])] == [
        "nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw",
        "no_prop", "no_kab", "no_kec", "no_kel"]


def test_a_header_with_only_some_region_parts_names_what_it_lacks():
    positions, _ = map_header(["NIK", "NAMA_LGKP", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "NO_RW",
                               "NO_PROP", "NO_KAB", "NO_KEC"])
    missing = missing_columns(positions)
    assert missing == ["kelurahan_kode"]
    assert "kelurahan_kode (atau NO_PROP, NO_KAB, NO_KEC, NO_KEL)" in header_error(missing)

"""Region master data: import (seed and national), lookups, search, bad rows."""

from __future__ import annotations

import time

import pytest

from app.core.regions import (
    Region,
    RegionImportError,
    RegionIndex,
    RegionLevel,
    is_well_formed,
    level_of,
    to_digits,
    to_dotted,
)

L = RegionLevel


def test_seed_file_counts(seed_index):
    assert len(seed_index) == 287
    assert seed_index.counts_by_level() == {
        L.PROVINSI: 5, L.KABUPATEN: 5, L.KECAMATAN: 36, L.KELURAHAN: 241,
    }


def test_national_file_counts_and_import_time(national_regions_csv):
    start = time.perf_counter()
    with open(national_regions_csv, encoding="utf-8", newline="") as f:
        index = RegionIndex.from_csv(f)
    seconds = time.perf_counter() - start
    print(f"\nnational master data: {len(index)} rows imported in {seconds:.3f} s")
    assert len(index) == 91_599
    assert index.counts_by_level() == {
        L.PROVINSI: 38, L.KABUPATEN: 514, L.KECAMATAN: 7_285, L.KELURAHAN: 83_762,
    }
    # Quoted names with commas and typographic apostrophes survive the CSV parse.
    assert index.get("12.07.28.1007").nama == "Lubuk Pakam I,II"
    assert [r.kode for r in index.search("regapu'u")] == ["53.07.01.2021"]
    solok = index.search("solok", level=L.KABUPATEN)
    assert {r.kode for r in solok} == {"13.02", "13.72", "13.11"}
    assert {r.kode for r in solok[:2]} == {"13.02", "13.72"}  # exact names first
    assert index.kecamatan_for_nik_prefix("137201").nama == "Lubuk Sikarah"
    assert len(index.children(None)) == 38
    assert sum(1 for _ in index) == 91_599


@pytest.mark.parametrize(
    "kode, nama, level",
    [
        ("13", "Sumatera Barat", L.PROVINSI),
        ("13.72", "Kota Solok", L.KABUPATEN),
        ("1372", "Kota Solok", L.KABUPATEN),
        ("13.72.01", "Lubuk Sikarah", L.KECAMATAN),
        ("137201", "Lubuk Sikarah", L.KECAMATAN),
        ("13.72.01.1001", "Tanah Garam", L.KELURAHAN),
        ("1372011001", "Tanah Garam", L.KELURAHAN),
        (" 13.72.01.1001 ", "Tanah Garam", L.KELURAHAN),
    ],
)
def test_get_by_dotted_or_digits(seed_index, kode, nama, level):
    region = seed_index.get(kode)
    assert region is not None and region.nama == nama and region.level is level
    assert seed_index.is_valid(kode) and seed_index.is_valid(kode, level)
    assert not seed_index.is_valid(kode, L(level % 4 + 1))
    assert kode in seed_index


@pytest.mark.parametrize(
    "kode",
    [
        None, "", " ", 13, 13.72, b"13", "1", "137", "13.7", "13.72.1", "13.72.01.101",
        "13..72", ".13", "13.", "13.72.01.1001.1", "13720110011",
        "00", "10", "13.00", "13.70", "13.72.00", "13.72.01.0000",  # impossible parts
        "١٣", "١٣.٧٢", "１３", "13.7x", "13-72", "x" * 100_000, "1" * 100_000,
        "13.72.09",  # well-formed but not in the master data
    ],
)
def test_invalid_or_unknown_codes(seed_index, kode):
    assert seed_index.get(kode) is None
    assert not seed_index.is_valid(kode)
    if kode is not None:  # children(None) are the provinces
        assert seed_index.children(kode) == []
    assert seed_index.lineage(kode) == []


def test_code_helpers():
    assert to_dotted("1372011001") == "13.72.01.1001"
    assert to_digits("13.72.01.1001") == "1372011001"
    assert to_dotted("13.72") == "13.72" and to_digits("1372") == "1372"
    assert level_of("13") is L.PROVINSI and level_of("13.72.01.2001") is L.KELURAHAN
    assert level_of("13.72.9") is None and level_of(None) is None
    assert is_well_formed("91.06") and not is_well_formed("91.70")
    for bad in ("", "13.7", "١٣", "13.00"):
        with pytest.raises(ValueError, match="kode wilayah tidak valid"):
            to_dotted(bad)
        with pytest.raises(ValueError):
            to_digits(bad)


def test_region_properties(seed_index):
    kel = seed_index.get("13.72.01.1001")
    assert kel.parent_kode == "13.72.01" and kel.digits == "1372011001" and kel.is_kelurahan
    assert seed_index.get("13").parent_kode is None
    assert seed_index.get("13.72").is_kota and not seed_index.get("13.72.01").is_kota
    assert not Region("13.02", "Kabupaten Solok", L.KABUPATEN).is_kota
    assert not Region("13.02.01.2001", "Desa", L.KELURAHAN).is_kelurahan


def test_children_and_lineage(seed_index):
    assert [r.kode for r in seed_index.children(None)] == ["13", "14", "16", "32", "33"]
    assert [r.kode for r in seed_index.children("13")] == ["13.72"]
    assert [r.nama for r in seed_index.children("1372")] == ["Lubuk Sikarah", "Tanjung Harapan"]
    assert [r.kode for r in seed_index.children("14.72.01")] == [
        "14.72.01.1003", "14.72.01.1006", "14.72.01.1008", "14.72.01.1009",
    ]
    assert seed_index.children("13.72.01.1001") == []
    assert [r.level for r in seed_index.lineage("1372011001")] == list(RegionLevel)
    # The returned list is a copy: changing it leaves the index alone.
    seed_index.children(None).clear()
    assert len(seed_index.children(None)) == 5


def test_iteration_is_parents_first(seed_index):
    seen: set[str] = set()
    for region in seed_index:
        assert region.parent_kode is None or region.parent_kode in seen
        seen.add(region.kode)
    assert len(seen) == 287


@pytest.mark.parametrize(
    "digits6, nama",
    [("137201", "Lubuk Sikarah"), ("147206", "Dumai Kota"), ("167115", "Alang-alang Lebar")],
)
def test_kecamatan_for_nik_prefix(seed_index, digits6, nama):
    assert seed_index.kecamatan_for_nik_prefix(digits6).nama == nama


@pytest.mark.parametrize(
    "digits6", ["137299", "13720", "1372011", "13.72.01", "١٣٧٢٠١", "", None, 137201, "1372"]
)
def test_kecamatan_for_nik_prefix_rejects(seed_index, digits6):
    assert seed_index.kecamatan_for_nik_prefix(digits6) is None


@pytest.mark.parametrize(
    "query, level, expected_first",
    [
        ("dumai", None, ["14.72", "14.72.01", "14.72.06", "14.72.07", "14.72.02"]),
        ("DUMAI", None, ["14.72", "14.72.01", "14.72.06", "14.72.07", "14.72.02"]),
        ("dumai", L.KELURAHAN, ["14.72.06.1003"]),
        ("garam", None, ["13.72.01.1001"]),  # word prefix
        ("tânah gàram", None, ["13.72.01.1001"]),  # accents ignored
        ("  Tanah   GARAM ", None, ["13.72.01.1001"]),
        ("alang alang", None, ["16.71.15", "16.71.15.1001"]),  # hyphen = space
        ("magelang", None, ["33.71", "33.71.03.1004", "33.71.01"]),  # exact before prefix
        ("ilir timur", L.KECAMATAN, ["16.71.06", "16.71.05", "16.71.18"]),
    ],
)
def test_search_ranking(seed_index, query, level, expected_first):
    found = [r.kode for r in seed_index.search(query, level=level)]
    assert found[: len(expected_first)] == expected_first
    if level is not None:
        assert all(seed_index.get(k).level is level for k in found)


def test_search_substring_after_prefix(seed_index):
    found = seed_index.search("sari", limit=50)
    names = [r.nama for r in found]
    assert names.index("Mekar Sari") < names.index("Harjasari")  # word before inside-word
    assert all("sari" in n.lower() for n in names)


@pytest.mark.parametrize("query", ["", "   ", None, 42, "zzzz", "-'.", "x" * 100_000, "١٢٣"])
def test_search_nothing(seed_index, query):
    assert seed_index.search(query) == []


def test_search_limit(seed_index):
    assert len(seed_index.search("a", limit=7)) == 7
    assert seed_index.search("a", limit=0) == []


BAD_CSV = """\
kode,nama
13,Sumatera Barat
13.72,Kota Solok
13.72.01,Lubuk Sikarah
13.7X,Rusak
13.72.02,
13.72.01,Lubuk Sikarah Lagi

13.72.01.1001,"Tanah Garam, Baru"
99.01,Anak Tanpa Induk
99.01.01,Cucu Tanpa Induk
13.72.01.1002,VI Suku,kolom ketiga
١٣.٧٢.٠١.١٠٠٣,Angka Arab
13.72.00,Kecamatan Nol
13.72.01.1004,IX Korong
"""


def test_bad_rows_reported_with_line_numbers_good_rows_kept():
    errors: list[tuple[int, str]] = []
    index = RegionIndex.from_csv(BAD_CSV.splitlines(keepends=True), errors=errors)
    assert [kode for kode in ("13", "13.72", "13.72.01", "13.72.01.1001", "13.72.01.1004")
            if kode in index] == ["13", "13.72", "13.72.01", "13.72.01.1001", "13.72.01.1004"]
    assert len(index) == 5
    assert index.get("13.72.01").nama == "Lubuk Sikarah"  # the first of the duplicates
    assert index.get("13.72.01.1001").nama == "Tanah Garam, Baru"
    lines = [line for line, _ in errors]
    assert lines == [5, 6, 7, 10, 11, 12, 13, 14]
    reasons = dict(errors)
    assert "kode wilayah tidak valid" in reasons[5]
    assert "nama wilayah kosong" in reasons[6]
    assert "ganda" in reasons[7] and "baris 4" in reasons[7]
    assert "induk 99 tidak ada" in reasons[10]
    assert "induk 99.01 tidak ada" in reasons[11]  # child of a rejected row
    assert "jumlah kolom 3" in reasons[12]
    assert "kode wilayah tidak valid" in reasons[13] and "kode wilayah tidak valid" in reasons[14]


def test_bad_rows_raise_without_an_error_list():
    with pytest.raises(RegionImportError) as info:
        RegionIndex.from_csv(BAD_CSV.splitlines(keepends=True))
    assert [line for line, _ in info.value.problems] == [5, 6, 7, 10, 11, 12, 13, 14]
    assert "baris 5" in str(info.value) and "dan 3 lagi" in str(info.value)


def test_child_before_parent_is_accepted():
    lines = ["kode,nama", "13.72.01,Lubuk Sikarah", "13.72,Kota Solok", "13,X"]
    index = RegionIndex.from_csv(lines)
    assert index.counts_by_level()[L.KECAMATAN] == 1 and len(index) == 3


def test_huge_field_is_a_bad_row_and_parsing_goes_on():
    lines = ["kode,nama\n", "13,Sumbar\n", '13.72,"' + "x" * 200_000 + '"\n', "14,Riau\n",
             "14.72," + "y" * 150 + "\n"]
    errors: list[tuple[int, str]] = []
    index = RegionIndex.from_csv(lines, errors=errors)
    assert [r.kode for r in index.children(None)] == ["13", "14"]
    assert [line for line, _ in errors] == [3, 5]
    assert "lebih dari 100 karakter" in errors[1][1]


@pytest.mark.parametrize(
    "lines",
    [[], [""], ["kode;nama", "13;Sumbar"], ["13,Sumatera Barat"], ["nama,kode", "Sumbar,13"]],
)
def test_missing_header_always_raises(lines):
    with pytest.raises(RegionImportError) as info:
        RegionIndex.from_csv(lines, errors=[])
    assert info.value.problems[0][0] == 1


def test_header_with_bom_and_spaces_is_accepted():
    index = RegionIndex.from_csv(["\ufeffKode , Nama\r\n", "13 , Sumatera  Barat \r\n"])
    assert index.get("13").nama == "Sumatera Barat"


def test_from_rows_numbers_rows_from_one():
    errors: list[tuple[int, str]] = []
    index = RegionIndex.from_rows(
        [("13", "Sumbar"), ("13.72", ""), (None, "X"), ("13",), ("14.72", "Dumai"), 5],
        errors=errors,
    )
    assert len(index) == 1
    assert [line for line, _ in errors] == [2, 3, 4, 5, 6]
    with pytest.raises(RegionImportError):
        RegionIndex.from_rows([("13.72", "Kota Solok")])

"""NIK: structure errors, warnings against the form and master data, round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.findings import Severity
from app.core.nik import NikError, NikParts, build_nik, check_nik, parse_nik
from app.core.regions import RegionIndex, RegionLevel
from app.core.values import JenisKelamin

L, P = JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN
D = dt.date
ERRORS = {"nik.required", "nik.length", "nik.not_digits", "nik.date_invalid", "nik.serial_zero"}
WARNINGS = {
    "nik.birth_date_mismatch", "nik.sex_mismatch", "nik.region_unknown",
    "nik.region_differs_address",
}
SEED = object()  # placeholder: the test swaps in the seed RegionIndex


@pytest.mark.parametrize(
    "nik, form, expected",
    [
        # valid, with everything the form knows
        ("1372011705900001", dict(birth_date=D(1990, 5, 17), sex=L), []),
        ("1372015705900001", dict(birth_date=D(1990, 5, 17), sex=P), []),  # woman: day + 40
        ("1372017112990042", dict(birth_date=D(1999, 12, 31), sex=P), []),  # day 71 = 31
        ("1372014101000001", dict(birth_date=D(2000, 1, 1), sex=P), []),  # day 41 = 1
        ("1372012902000001", dict(birth_date=D(2000, 2, 29), sex=L), []),  # leap year
        ("1372016902040001", dict(birth_date=D(2004, 2, 29), sex=P), []),
        ("1372012902880001", dict(birth_date=D(1988, 2, 29), sex=L), []),
        ("1372019999999999", dict(), ["nik.date_invalid"]),
        # estimated birth dates: SIAK writes 1 July (women 41 07)
        ("1372010107600001", dict(birth_date=D(1960, 7, 1), sex=L), []),
        ("1372014107600003", dict(birth_date=D(1960, 7, 1), sex=P), []),
        ("1372013112600001", dict(birth_date=D(1960, 7, 1), sex=L), ["nik.birth_date_mismatch"]),
        ("1372014107600003", dict(birth_date=D(1960, 3, 15), sex=P), ["nik.birth_date_mismatch"]),
        # structural errors
        ("1372012902010001", dict(), ["nik.date_invalid"]),  # 29 Feb, common year
        ("1372016902010001", dict(), ["nik.date_invalid"]),
        ("1372013104900001", dict(), ["nik.date_invalid"]),  # 31 April
        ("1372017104900001", dict(), ["nik.date_invalid"]),  # 31 April, woman
        ("1372010005900001", dict(), ["nik.date_invalid"]),  # day 00
        ("1372013205900001", dict(), ["nik.date_invalid"]),  # day 32
        ("1372014005900001", dict(), ["nik.date_invalid"]),  # day 40
        ("1372017205900001", dict(), ["nik.date_invalid"]),  # day 72
        ("1372011700900001", dict(), ["nik.date_invalid"]),  # month 00
        ("1372011713900001", dict(), ["nik.date_invalid"]),  # month 13
        ("1372011705900000", dict(), ["nik.serial_zero"]),
        ("1372013104900000", dict(), ["nik.date_invalid", "nik.serial_zero"]),
        ("137201170590001", dict(), ["nik.length"]),  # 15 digits
        ("13720117059000011", dict(), ["nik.length"]),  # 17 digits
        ("13720117059000AB", dict(), ["nik.not_digits"]),  # letters
        ("1372 0117 0590 01", dict(), ["nik.not_digits", "nik.length"]),
        ("١٣٧٢٠١١٧٠٥٩٠٠٠٠١", dict(), ["nik.not_digits"]),  # Arabic-Indic digits
        ("１３７２０１１７０５９０００１", dict(), ["nik.not_digits", "nik.length"]),  # full width
        ("１３７２０１１７０５９００００１", dict(), ["nik.not_digits"]),
        (None, dict(), ["nik.required"]),
        ("", dict(), ["nik.required"]),
        ("   \t ", dict(), ["nik.required"]),
        ("  1372011705900001 ", dict(), []),  # outer spaces are forgiven
        ("1" * 100_000, dict(), ["nik.length"]),
        ("x" * 100_000, dict(), ["nik.not_digits", "nik.length"]),
        ("13720117059'; DROP TABLE resident;--", dict(), ["nik.not_digits", "nik.length"]),
        # warnings: the form disagrees
        ("1372011705900001", dict(birth_date=D(1990, 5, 18)), ["nik.birth_date_mismatch"]),
        ("1372011705900001", dict(birth_date=D(1991, 5, 17)), ["nik.birth_date_mismatch"]),
        ("1372011705900001", dict(sex=P), ["nik.sex_mismatch"]),
        ("1372015705900001", dict(sex="L"), ["nik.sex_mismatch"]),
        ("1372015705900001", dict(birth_date=D(1990, 5, 17), sex=L), ["nik.sex_mismatch"]),
        (
            "1372011705900001",
            dict(birth_date=D(1990, 6, 17), sex=P),
            ["nik.birth_date_mismatch", "nik.sex_mismatch"],
        ),
        # warnings: region
        ("1372091705900001", dict(regions=SEED), ["nik.region_unknown"]),  # not a kecamatan
        ("1302011705900001", dict(regions=SEED), ["nik.region_unknown"]),  # outside the seed
        ("1372011705900001", dict(regions=SEED, address_kecamatan_kode="13.72.01"), []),
        ("1372011705900001", dict(regions=SEED, address_kecamatan_kode="13.72.01.1003"), []),
        (
            "1372011705900001",
            dict(regions=SEED, address_kecamatan_kode="13.72.02"),
            ["nik.region_differs_address"],
        ),
        (
            "1372011705900001",
            dict(address_kecamatan_kode="1472061003"),  # kelurahan code, digits
            ["nik.region_differs_address"],
        ),
        (
            "1372091705900001",
            dict(regions=SEED, address_kecamatan_kode="13.72.01"),
            ["nik.region_unknown", "nik.region_differs_address"],
        ),
        ("1372011705900001", dict(address_kecamatan_kode="bukan kode"), []),  # ignored
        # without master data only impossible codes are flagged
        ("1302011705900001", dict(), []),
        ("0000001705900001", dict(), ["nik.region_unknown"]),
        ("1370011705900001", dict(), ["nik.region_unknown"]),  # kabupaten 70 does not exist
        ("1372001705900001", dict(), ["nik.region_unknown"]),  # kecamatan 00
    ],
)
def test_check_nik(seed_index, nik, form, expected):
    if form.get("regions") is SEED:
        form = {**form, "regions": seed_index}
    found = check_nik(nik, **form)
    assert [f.code for f in found] == expected
    for f in found:
        assert f.field == "nik"
        assert f.severity is (Severity.ERROR if f.code in ERRORS else Severity.WARNING)
        assert f.code in ERRORS | WARNINGS
        assert f.message and "NIK" in f.message
        if isinstance(nik, str) and len(nik) >= 16:
            assert nik.strip() not in f.message  # the NIK itself never appears


def test_mismatch_messages_explain_in_indonesian():
    [f] = check_nik("1372013112600001", birth_date=D(1960, 7, 1))
    assert "31 Desember 1960" in f.message and "1 Juli 1960" in f.message
    assert "SIMDUK" in f.message and "konfirmasi" in f.message
    [f] = check_nik("1372011705900001", sex=P)
    assert "laki-laki" in f.message and "perempuan" in f.message
    [f] = check_nik("1372091705900001", regions=RegionIndex.from_rows([("13", "Sumbar")]))
    assert "13.72.09" in f.message and "dimekarkan" in f.message


@pytest.mark.parametrize(
    "nik, kwargs, born, sex",
    [
        ("1372011705900001", dict(reference_date=D(2025, 11, 25)), D(1990, 5, 17), L),
        ("1372015705900001", dict(reference_date=D(2025, 11, 25)), D(1990, 5, 17), P),
        ("1372010101250001", dict(reference_date=D(2025, 11, 25)), D(2025, 1, 1), L),
        # 31 Dec 2025 would be after the reference date: the century before
        ("1372013112250001", dict(reference_date=D(2025, 11, 25)), D(1925, 12, 31), L),
        ("1372012511250001", dict(reference_date=D(2025, 11, 25)), D(2025, 11, 25), L),
        ("1372012611250001", dict(reference_date=D(2025, 11, 25)), D(1925, 11, 26), L),
        ("1372012902000001", dict(reference_date=D(2025, 11, 25)), D(2000, 2, 29), L),
        ("1372012902040001", dict(reference_date=dt.datetime(2025, 1, 1, 9)), D(2004, 2, 29), L),
        # the form's birth date decides the century: the year ending in YY nearest to it
        ("1372010101250001", dict(birth_date=D(1925, 1, 1)), D(1925, 1, 1), L),
        ("1372010101250001", dict(birth_date=D(2024, 12, 31)), D(2025, 1, 1), L),
        ("1372010101990001", dict(birth_date=D(2000, 1, 1)), D(1999, 1, 1), L),
        ("1372010101000001", dict(birth_date=D(1999, 12, 31)), D(2000, 1, 1), L),
        # birth_date wins over reference_date
        ("1372010101250001", dict(birth_date=D(1925, 3, 1), reference_date=D(2025, 11, 25)),
         D(1925, 1, 1), L),
    ],
)
def test_parse_nik_resolves_the_century(nik, kwargs, born, sex):
    parts = parse_nik(nik, **kwargs)
    assert parts == NikParts("137201", "13.72.01", born, sex, int(nik[12:]))


def test_parse_nik_needs_a_century_source():
    with pytest.raises(TypeError):
        parse_nik("1372011705900001")


def test_parse_nik_29_feb_1900_does_not_exist():
    with pytest.raises(NikError) as info:
        parse_nik("1372012902000001", birth_date=D(1900, 3, 1))
    assert info.value.code == "nik.date_invalid"


@pytest.mark.parametrize(
    "nik, code",
    [
        (None, "nik.required"),
        ("", "nik.required"),
        ("137201170590001", "nik.length"),
        ("13720117059000AB", "nik.not_digits"),
        ("١٣٧٢٠١١٧٠٥٩٠٠٠٠١", "nik.not_digits"),
        ("1372013104900001", "nik.date_invalid"),
        ("1372011705900000", "nik.serial_zero"),
        ("9" * 100_000, "nik.length"),
    ],
)
def test_parse_nik_raises_value_error_with_code(nik, code):
    with pytest.raises(ValueError) as info:
        parse_nik(nik, reference_date=D(2025, 1, 1))
    assert isinstance(info.value, NikError) and info.value.code == code
    assert "NIK" in str(info.value)
    if nik:
        assert nik[:16] not in str(info.value)


@pytest.mark.parametrize(
    "region, born, sex, serial, expected",
    [
        ("137201", D(1990, 5, 17), L, 1, "1372011705900001"),
        ("13.72.01", D(1990, 5, 17), P, 1, "1372015705900001"),
        ("147206", D(2008, 2, 29), "P", 9999, "1472066902089999"),
        ("137201", D(1960, 7, 1), L, 42, "1372010107600042"),
    ],
)
def test_build_nik(region, born, sex, serial, expected):
    assert build_nik(region, born, sex, serial) == expected


@pytest.mark.parametrize(
    "region, born, sex, serial",
    [
        ("13720", D(1990, 1, 1), L, 1),
        ("١٣٧٢٠١", D(1990, 1, 1), L, 1),
        ("13.72", D(1990, 1, 1), L, 1),
        ("137201", "1990-01-01", L, 1),
        ("137201", D(1990, 1, 1), L, 0),
        ("137201", D(1990, 1, 1), L, 10_000),
        ("137201", D(1990, 1, 1), L, True),
        ("137201", D(1990, 1, 1), "X", 1),
    ],
)
def test_build_nik_refuses_impossible_parts(region, born, sex, serial):
    with pytest.raises(ValueError):
        build_nik(region, born, sex, serial)


people = st.tuples(
    st.dates(min_value=D(1900, 3, 1), max_value=D(2099, 12, 31)),
    st.sampled_from(list(JenisKelamin)),
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=0, max_value=36_000),  # days from birth to the reference date
)


@settings(max_examples=300, deadline=None, database=None)
@given(person=people, data=st.data())
def test_round_trip_build_parse_check(seed_index, person, data):
    born, sex, serial, days = person
    kecamatan = [r for r in seed_index if r.level is RegionLevel.KECAMATAN]
    region6 = data.draw(st.sampled_from(kecamatan)).digits
    nik = build_nik(region6, born, sex, serial)
    assert len(nik) == 16 and nik.isascii() and nik.isdigit()
    expected = NikParts(region6, f"{region6[:2]}.{region6[2:4]}.{region6[4:]}", born, sex, serial)
    assert parse_nik(nik, birth_date=born) == expected
    assert parse_nik(nik, reference_date=born + dt.timedelta(days=days)) == expected
    assert check_nik(
        nik, birth_date=born, sex=sex, regions=seed_index, address_kecamatan_kode=region6
    ) == []


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=40), st.text(alphabet="0123456789١٢٣ ", max_size=20)))
def test_check_nik_never_raises_on_any_text(text):
    found = check_nik(text, birth_date=D(1990, 1, 1), sex=L)
    assert all(f.field == "nik" for f in found)
    assert all(f.code in ERRORS | WARNINGS for f in found)
    if not (len(text.strip()) == 16 and set(text.strip()) <= set("0123456789")):
        assert any(f.severity is Severity.ERROR for f in found)

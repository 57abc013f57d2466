"""Nomor KK: 16 ASCII digits, the first six a kecamatan; region faults are warnings."""

from __future__ import annotations

import pytest

from app.core.findings import Severity
from app.core.kk import check_kk

SEED = object()  # placeholder: the test swaps in the seed RegionIndex
ERRORS = {"kk.required", "kk.length", "kk.not_digits"}


@pytest.mark.parametrize(
    "no_kk, kwargs, expected",
    [
        ("1372010101900001", dict(regions=SEED, address_kecamatan_kode="13.72.01"), []),
        ("1372010101900001", dict(regions=SEED, address_kabupaten_kode="13.72"), []),
        ("1372010101900001", dict(address_kecamatan_kode="13.72.01.1001"), []),
        ("1372010000000000", dict(), []),  # the rest of the number is not checked
        (" 1372010101900001 ", dict(), []),
        (None, dict(), ["kk.required"]),
        ("", dict(), ["kk.required"]),
        ("  ", dict(), ["kk.required"]),
        ("137201010190001", dict(), ["kk.length"]),  # 15 digits
        ("13720101019000011", dict(), ["kk.length"]),  # 17 digits
        ("13720101019000KK", dict(), ["kk.not_digits"]),
        ("١٣٧٢٠١٠١٠١٩٠٠٠٠١", dict(), ["kk.not_digits"]),
        ("1372-0101-0190-0001", dict(), ["kk.not_digits", "kk.length"]),
        ("7" * 100_000, dict(), ["kk.length"]),
        ("1372090101900001", dict(regions=SEED), ["kk.region_unknown"]),
        ("0000000101900001", dict(), ["kk.region_unknown"]),  # impossible without master data
        ("1302010101900001", dict(), []),  # well-formed, no master data to say otherwise
        (
            "1372010101900001",
            dict(regions=SEED, address_kecamatan_kode="13.72.02"),
            ["kk.region_differs_address"],
        ),
        (
            "1372010101900001",
            dict(regions=SEED, address_kabupaten_kode="14.72"),
            ["kk.region_differs_address"],
        ),
        (
            "1372010101900001",  # kecamatan given: it is the finer comparison
            dict(address_kabupaten_kode="13.72", address_kecamatan_kode="137202"),
            ["kk.region_differs_address"],
        ),
        (
            "1372090101900001",
            dict(regions=SEED, address_kecamatan_kode="14.72.01"),
            ["kk.region_unknown", "kk.region_differs_address"],
        ),
        ("1372010101900001", dict(address_kecamatan_kode="??"), []),  # bad address ignored
    ],
)
def test_check_kk(seed_index, no_kk, kwargs, expected):
    if kwargs.get("regions") is SEED:
        kwargs = {**kwargs, "regions": seed_index}
    found = check_kk(no_kk, **kwargs)
    assert [f.code for f in found] == expected
    for f in found:
        assert f.field == "no_kk"
        assert f.severity is (Severity.ERROR if f.code in ERRORS else Severity.WARNING)
        assert "KK" in f.message
        if isinstance(no_kk, str) and len(no_kk) >= 16:
            assert no_kk.strip() not in f.message

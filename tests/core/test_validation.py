"""validate_resident: a full valid resident passes, broken ones say exactly what is wrong."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from faker import Faker

from app.core.findings import Acknowledgement, Severity, verdict
from app.core.nik import build_nik
from app.core.regions import RegionIndex, RegionLevel
from app.core.resident import Resident, estimated_birth_date
from app.core.validation import ValidationContext, normalize_resident, validate_resident
from app.core.values import (
    Agama,
    GolonganDarah,
    HubunganKeluarga,
    JenisKelamin,
    Kewarganegaraan,
    Pekerjaan,
    Pendidikan,
    StatusPerkawinan,
)

RECORDING_DATE = dt.date(2025, 11, 25)
D = dt.date


def make_resident(index: RegionIndex, seed: int) -> Resident:
    """A generated adult resident (faker id_ID) living where their NIK was issued."""
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    kelurahan = rng.choice([r for r in index if r.level is RegionLevel.KELURAHAN])
    prov, kab, kec, kel = index.lineage(kelurahan.kode)
    sex = rng.choice(list(JenisKelamin))
    born = RECORDING_DATE - dt.timedelta(days=rng.randint(17 * 366, 90 * 365))
    first = fake.first_name_male() if sex is JenisKelamin.LAKI_LAKI else fake.first_name_female()
    return Resident(
        nik=build_nik(kec.digits, born, sex, rng.randint(1, 9999)),
        no_kk=kec.digits + "".join(rng.choice("0123456789") for _ in range(10)),
        nama=f"{first} {fake.last_name()}",
        tempat_lahir=fake.city(),
        tanggal_lahir=born,
        jenis_kelamin=sex,
        golongan_darah=rng.choice([None, *GolonganDarah]),
        alamat=fake.street_address(),
        rt=str(rng.randint(1, 20)),
        rw=str(rng.randint(1, 12)),
        provinsi_kode=prov.kode, provinsi_nama=prov.nama,
        kabupaten_kode=kab.kode, kabupaten_nama=kab.nama,
        kecamatan_kode=kec.kode, kecamatan_nama=kec.nama,
        kelurahan_kode=kel.kode, kelurahan_nama=kel.nama,
        agama=rng.choice(list(Agama)),
        status_perkawinan=rng.choice(list(StatusPerkawinan)),
        pekerjaan=rng.choice(list(Pekerjaan)),
        kewarganegaraan=Kewarganegaraan.WNI,
        pendidikan=rng.choice(list(Pendidikan)),
        hubungan_keluarga=rng.choice(list(HubunganKeluarga)),
        nama_ayah=f"{fake.first_name_male()} {fake.last_name()}",
        nama_ibu=f"{fake.first_name_female()} {fake.last_name()}",
        telepon=fake.phone_number(),
    )


@pytest.fixture(scope="module")
def ctx(seed_index) -> ValidationContext:
    return ValidationContext(regions=seed_index, recording_date=RECORDING_DATE)


@pytest.fixture(scope="module")
def person(seed_index) -> Resident:
    # Fixed, readable base for the broken cases: a woman in Lubuk Sikarah, Kota Solok.
    born = D(1990, 5, 17)
    return make_resident(seed_index, 1).with_changes(
        nik=build_nik("137201", born, JenisKelamin.PEREMPUAN, 7),
        no_kk="1372010203040005",
        tanggal_lahir=born,
        jenis_kelamin=JenisKelamin.PEREMPUAN,
        status_perkawinan=StatusPerkawinan.BELUM_KAWIN,
        provinsi_kode="13", kabupaten_kode="13.72",
        kecamatan_kode="13.72.01", kelurahan_kode="13.72.01.1001",
        rt="3", rw="1", telepon="0812-3456-7890",
    )


@pytest.mark.parametrize("seed", range(25))
def test_generated_valid_residents_have_no_findings(seed_index, ctx, seed):
    resident = make_resident(seed_index, seed)
    assert validate_resident(resident, ctx) == []
    # The server sees the dict form: it must reach the same verdict.
    assert validate_resident(Resident.from_dict(resident.to_dict()), ctx) == []


def test_base_person_is_valid(person, ctx):
    assert validate_resident(person, ctx) == []
    assert validate_resident(person, ValidationContext(None, RECORDING_DATE)) == []


@pytest.mark.parametrize(
    "changes, expected",
    [
        (dict(nik=""), [("nik.required", "nik")]),
        (dict(nik="137201570590007"), [("nik.length", "nik")]),
        (dict(nik="1372015705900000"), [("nik.serial_zero", "nik")]),
        (dict(nik="١٣٧٢٠١٥٧٠٥٩٠٠٠٠٧"), [("nik.not_digits", "nik")]),
        (dict(tanggal_lahir=D(1990, 5, 18)), [("nik.birth_date_mismatch", "nik")]),
        (dict(jenis_kelamin=JenisKelamin.LAKI_LAKI), [("nik.sex_mismatch", "nik")]),
        (
            dict(kecamatan_kode="13.72.02", kelurahan_kode="13.72.02.1001"),
            [("nik.region_differs_address", "nik"), ("kk.region_differs_address", "no_kk")],
        ),
        (dict(no_kk="13720102030400"), [("kk.length", "no_kk")]),
        (
            dict(no_kk="1372990203040005"),
            [("kk.region_unknown", "no_kk"), ("kk.region_differs_address", "no_kk")],
        ),
        (dict(nama="BUDI 2"), [("name.invalid_chars", "nama")]),
        (dict(nama=""), [("name.required", "nama")]),
        (dict(nama="A" * 61), [("name.too_long", "nama")]),
        (dict(nama_ibu="IBU@RUMAH"), [("name.invalid_chars", "nama_ibu")]),
        (dict(nama_ayah="'; DROP TABLE x;--"), [("name.invalid_chars", "nama_ayah")]),
        (dict(nama_ayah="", nama_ibu=""), []),  # parents' names are optional
        (dict(tempat_lahir="SOLOK 2"), [("name.invalid_chars", "tempat_lahir")]),
        (dict(rt="1234"), [("rt_rw.invalid", "rt")]),
        (dict(rt="0"), [("rt_rw.invalid", "rt")]),
        (dict(rw="A1"), [("rt_rw.invalid", "rw")]),
        (dict(rw="١"), [("rt_rw.invalid", "rw")]),
        (dict(rw=""), [("field.required", "rw")]),
        (dict(telepon="123"), [("telepon.invalid", "telepon")]),
        (dict(telepon="0812345678901234567"), [("telepon.invalid", "telepon")]),
        (dict(telepon="0812-ABC-7890"), [("telepon.invalid", "telepon")]),
        (dict(telepon="+62 (812) 3456-7890"), []),
        (dict(telepon=""), []),  # optional
        (dict(kelurahan_kode="13.72.02.1001"), [("region.inconsistent", "kelurahan_kode")]),
        (
            dict(kabupaten_kode="14.72"),
            [("region.inconsistent", "kabupaten_kode"), ("region.inconsistent", "kecamatan_kode")],
        ),
        (dict(kelurahan_kode="13.72.01.1099"), [("region.unknown", "kelurahan_kode")]),
        (dict(kecamatan_kode="13.72"), [("region.invalid", "kecamatan_kode")]),
        (dict(provinsi_kode="١٣"), [("region.invalid", "provinsi_kode")]),
        (dict(kelurahan_kode=""), [("field.required", "kelurahan_kode")]),
        (
            dict(tanggal_lahir=D(2026, 5, 17)),
            [("nik.birth_date_mismatch", "nik"), ("tanggal_lahir.future", "tanggal_lahir")],
        ),
        (
            dict(tanggal_lahir=D(1890, 5, 17)),
            [("tanggal_lahir.implausible", "tanggal_lahir")],  # same DDMMYY as the NIK
        ),
        (
            dict(tanggal_lahir=None),
            [("field.required", "tanggal_lahir")],
        ),
        (dict(agama=None, pekerjaan=None), [("field.required", "agama"),
                                            ("field.required", "pekerjaan")]),
        (dict(jenis_kelamin=None), [("field.required", "jenis_kelamin")]),
        (dict(alamat="   "), [("field.required", "alamat")]),
        (dict(alamat="JL. " + "X" * 100_000), [("field.too_long", "alamat")]),
        (dict(catatan="c" * 100_000), [("field.too_long", "catatan")]),
    ],
)
def test_broken_residents(person, ctx, changes, expected):
    found = validate_resident(person.with_changes(**changes), ctx)
    assert [(f.code, f.field) for f in found] == expected


def _young(person: Resident, born: dt.date, status=StatusPerkawinan.BELUM_KAWIN) -> Resident:
    return person.with_changes(
        tanggal_lahir=born,
        nik=build_nik("137201", born, JenisKelamin.PEREMPUAN, 7),
        status_perkawinan=status,
    )


def test_eligibility_through_validation(person, ctx, seed_index):
    too_young = _young(person, D(2010, 6, 1))  # 15 on the recording date
    found = validate_resident(too_young, ctx)
    assert [f.code for f in found] == ["eligibility.too_young"]
    assert "1 Juni 2026" in found[0].message  # 16th birthday: may be recorded from then
    relaxed = ValidationContext(seed_index, RECORDING_DATE, min_recording_age=15)
    assert [f.code for f in validate_resident(too_young, relaxed)] == ["eligibility.pre_record"]
    married = _young(person, D(2010, 6, 1), StatusPerkawinan.KAWIN)
    assert validate_resident(married, ctx) == []
    assert [f.code for f in validate_resident(_young(person, D(2009, 11, 25)), ctx)] == [
        "eligibility.pre_record"  # 16 today
    ]
    assert [f.code for f in validate_resident(_young(person, D(2009, 11, 26)), ctx)] == [
        "eligibility.too_young"  # 16 tomorrow
    ]
    assert validate_resident(_young(person, D(2008, 11, 25)), ctx) == []  # 17 today


def test_estimated_birth_date_on_1_july(person, ctx):
    born, precision = estimated_birth_date(1960)
    resident = person.with_changes(
        tanggal_lahir=born, tanggal_lahir_presisi=precision,
        nik=build_nik("137201", born, JenisKelamin.PEREMPUAN, 7),
    )
    assert resident.nik[6:12] == "410760"
    assert validate_resident(resident, ctx) == []


def test_warnings_can_be_acknowledged_errors_cannot(person, ctx):
    moved = person.with_changes(kecamatan_kode="13.72.02", kelurahan_kode="13.72.02.1001")
    found = validate_resident(moved, ctx)
    assert all(f.severity is Severity.WARNING for f in found) and len(found) == 2
    assert not verdict(found).can_complete
    acks = [Acknowledgement(f.code, f.field, "pindah domisili, KK lama") for f in found]
    assert verdict(found, acks).can_complete
    broken = validate_resident(moved.with_changes(rt="9999"), ctx)
    assert not verdict(broken, acks).can_complete


def test_normalize_resident(person):
    raw = person.with_changes(
        nama="  siti   nur’aini ", nama_ayah="ahmad", tempat_lahir="solok",
        alamat="jl.  sudirman   no. 5", rt="3", rw="12", nik=" 1372015705900007 ",
        kabupaten_kode="1372", kelurahan_kode="1372011001", telepon=" +62 812-3456 (7890) ",
    )
    norm = normalize_resident(raw)
    assert norm.nama == "SITI NUR'AINI" and norm.nama_ayah == "AHMAD"
    assert norm.tempat_lahir == "SOLOK" and norm.alamat == "JL. SUDIRMAN NO. 5"
    assert (norm.rt, norm.rw) == ("003", "012")
    assert norm.nik == "1372015705900007"
    assert (norm.kabupaten_kode, norm.kelurahan_kode) == ("13.72", "13.72.01.1001")
    assert norm.telepon == "+6281234567890"
    assert normalize_resident(norm) == norm  # idempotent
    # bad values are left for validation to report, not silently "fixed"
    odd = normalize_resident(person.with_changes(rt="1234", kecamatan_kode="13.7"))
    assert (odd.rt, odd.kecamatan_kode) == ("1234", "13.7")


def test_hostile_values_do_not_crash(ctx):
    huge = "x" * 100_000
    hostile = Resident(
        nik=huge, no_kk="١٢٣", nama=huge, tempat_lahir="\u200b", alamat=huge, rt=huge,
        rw="١٢", provinsi_kode=huge, kabupaten_kode="😀", kecamatan_kode="13.72.01",
        kelurahan_kode=None, nama_ayah="1" * 100_000, telepon=huge, catatan=huge,
    )
    found = validate_resident(hostile, ctx)
    codes = {(f.code, f.field) for f in found}
    assert {("nik.not_digits", "nik"), ("kk.not_digits", "no_kk"), ("name.too_long", "nama"),
            ("name.invalid_chars", "tempat_lahir"), ("rt_rw.invalid", "rt"),
            ("rt_rw.invalid", "rw"), ("region.invalid", "provinsi_kode"),
            ("field.required", "kelurahan_kode"), ("telepon.invalid", "telepon"),
            ("field.too_long", "catatan")} <= codes
    assert all(len(f.message) < 400 for f in found)  # no echo of the huge input
    empty = validate_resident(Resident(), ctx)
    assert all(f.severity is Severity.ERROR for f in empty) and len(empty) >= 15


def test_far_future_dates_give_findings_not_exceptions(seed_index):
    """Hostile dates near year 9999 (e.g. from a tampered upload) must not crash validation."""
    import datetime as dt

    from app.core.resident import Resident
    from app.core.validation import ValidationContext, validate_resident

    ctx = ValidationContext(regions=seed_index, recording_date=dt.date(9999, 12, 31))
    for born in (dt.date(9999, 1, 1), dt.date(9990, 6, 1), dt.date(1, 1, 1)):
        findings = validate_resident(Resident(tanggal_lahir=born), ctx)
        assert any(f.field == "nik" for f in findings)


# -- check_recording: the biodata, the media rule and the acknowledgements together ---------

def test_check_recording_composes_biodata_media_and_acknowledgements(person, ctx):
    from app.core.findings import Finding
    from app.core.recording_check import check_recording

    moved = person.with_changes(kecamatan_kode="13.72.02", kelurahan_kode="13.72.02.1001")
    warnings = validate_resident(moved, ctx)
    acks = [Acknowledgement(f.code, f.field, "pindah domisili, KK lama") for f in warnings]
    typed = Finding("form.date_unreadable", "tanggal_lahir", Severity.ERROR, "Tanggal lahir tidak lengkap.")
    check = check_recording(moved, ctx, has_photo=False, photo_exception="x", has_signature=True,
                            signature_exception=None, acknowledgements=acks, input_findings=[typed, typed])
    assert [(f.code, f.field) for f in check.findings] == (
        [("form.date_unreadable", "tanggal_lahir")] + [(f.code, f.field) for f in warnings]
        + [("media.photo_required", "photo")])  # input first, then form order; each (code, field) once
    assert [f.code for f in check.verdict.blocking] == ["form.date_unreadable", "media.photo_required"]
    assert not check.can_complete

    done = check_recording(moved, ctx, has_photo=False, photo_exception="warga terbaring", has_signature=True,
                           signature_exception=None, acknowledgements=acks)
    assert done.can_complete and done.verdict.acknowledged == tuple(warnings)

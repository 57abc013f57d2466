"""Residents with no NIK/KK yet: the family's rules (`check_registration`) and the numbers issued
for it (`check_issued`), on generated families and hostile ones."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from faker import Faker

from app.core.nik import build_nik
from app.core.registration import (MAX_MEMBERS, Issued, Registration, check_issued, check_registration,
                                   normalize_issued)
from support.people import GeneratedPeople

TODAY = dt.date(2026, 12, 2)
AREA = "13.72"


@pytest.fixture
def people(seed_index) -> GeneratedPeople:
    fake = Faker("id_ID")
    fake.seed_instance(11)
    return GeneratedPeople(seed_index, fake, random.Random(11))


@pytest.fixture
def family(people) -> dict:
    return people.family_data(AREA, TODAY, children=2)


def _codes(found) -> list[tuple[str, str]]:
    return [(f.code, f.field) for f in found]


def test_a_generated_family_passes_and_round_trips(family, seed_index):
    reg = Registration.from_dict(family)
    assert check_registration(reg, TODAY, regions=seed_index) == []
    assert Registration.from_dict(reg.to_dict()) == reg
    assert reg.head_index == 0 and len(reg.members) == 4
    child = reg.member_resident(2, nik="1" * 16, no_kk="2" * 16)
    assert child.alamat == reg.address.alamat and child.kelurahan_kode == reg.address.kelurahan_kode
    assert child.nik == "1" * 16 and child.nama == reg.members[2].nama


def test_messy_input_is_normalised_before_the_checks(family):
    family["members"][1]["nama"] = "  siti   aminah "
    family["rt"], family["rw"] = "7", "2"
    reg = Registration.from_dict(family)
    assert check_registration(reg, TODAY) == []


def test_the_family_needs_exactly_one_head(family):
    family["members"][0]["hubungan_keluarga"] = 2
    assert ("registration.head_missing", "anggota") in _codes(check_registration(Registration.from_dict(family), TODAY))
    family["members"][0]["hubungan_keluarga"] = 1
    family["members"][2]["hubungan_keluarga"] = 1
    assert ("registration.head_repeated", "anggota.2.hubungan_keluarga") in _codes(
        check_registration(Registration.from_dict(family), TODAY))


def test_no_members_and_too_many_are_refused(family):
    assert _codes(check_registration(Registration.from_dict({**family, "members": []}), TODAY)) == [
        ("registration.no_members", "anggota")]
    many = {**family, "members": [family["members"][0]] * (MAX_MEMBERS + 1)}
    assert _codes(check_registration(Registration.from_dict(many), TODAY)) == [
        ("registration.too_many_members", "anggota")]


def test_each_member_is_checked_and_named_by_position(family):
    family["members"][1].update(nama="", tanggal_lahir=(TODAY + dt.timedelta(days=1)).isoformat())
    family["members"][2].update(agama=None, nama="BUDI 2")
    family["members"][3].update(tanggal_lahir="1890-01-01")
    codes = _codes(check_registration(Registration.from_dict(family), TODAY))
    assert ("name.required", "anggota.1.nama") in codes
    assert ("tanggal_lahir.future", "anggota.1.tanggal_lahir") in codes
    assert ("field.required", "anggota.2.agama") in codes
    assert ("name.invalid_chars", "anggota.2.nama") in codes
    assert ("registration.born_too_early", "anggota.3.tanggal_lahir") in codes


def test_relation_and_sex_must_agree_and_a_member_is_not_entered_twice(family):
    family["members"][1]["jenis_kelamin"] = "L"  # an istri
    family["members"][3] = dict(family["members"][2])
    found = check_registration(Registration.from_dict(family), TODAY)
    assert ("registration.relation_sex", "anggota.1.hubungan_keluarga") in _codes(found)
    assert ("registration.member_repeated", "anggota.3.nama") in _codes(found)
    assert "Istri" in next(f.message for f in found if f.code == "registration.relation_sex")


def test_the_address_is_checked(family, seed_index):
    family.update(alamat="", rt="0", kelurahan_kode="99.99.99.9999")
    codes = _codes(check_registration(Registration.from_dict(family), TODAY, regions=seed_index))
    assert ("field.required", "alamat") in codes and ("rt_rw.invalid", "rt") in codes
    assert any(c == "region.unknown" and f == "kelurahan_kode" for c, f in codes)


def test_hostile_values_fail_to_parse_with_value_error(family):
    with pytest.raises(ValueError):
        Registration.from_dict({**family, "members": "semua"})
    with pytest.raises(ValueError):
        Registration.from_dict({**family, "members": [{"tanggal_lahir": "kemarin"}]})
    with pytest.raises(ValueError):
        Registration.from_dict({**family, "members": [["nama"]]})
    with pytest.raises(ValueError):
        Registration.from_dict([family])  # type: ignore[arg-type]


def test_issued_numbers_that_fit_pass_and_separators_are_removed(people, family, seed_index):
    reg = Registration.from_dict(family)
    kk, niks = people.issued_for(family)
    spaced = normalize_issued(f"{kk[:4]} {kk[4:8]}-{kk[8:]}", [f"{n[:6]}.{n[6:12]}.{n[12:]}" for n in niks])
    assert spaced == Issued(kk, tuple(niks))
    assert check_issued(reg, spaced, regions=seed_index) == []


def test_issued_numbers_that_do_not_fit_are_refused_with_the_member_named(people, family):
    reg = Registration.from_dict(family)
    kk, niks = people.issued_for(family)
    assert _codes(check_issued(reg, Issued(kk, tuple(niks[:-1])))) == [("registration.issued_count", "nik")]
    head = reg.members[0]
    wrong_date = build_nik(niks[0][:6], head.tanggal_lahir + dt.timedelta(days=1), "L", 5)
    wrong_sex = build_nik(niks[1][:6], reg.members[1].tanggal_lahir, "L", 6)
    found = check_issued(reg, Issued("12345", (wrong_date, wrong_sex, niks[2], niks[2])))
    codes = _codes(found)
    assert ("kk.length", "no_kk") in codes
    assert ("nik.birth_date_mismatch", "anggota.0.nik") in codes
    assert ("nik.sex_mismatch", "anggota.1.nik") in codes
    assert ("registration.issued_nik_repeated", "anggota.3.nik") in codes
    assert all(f.is_error for f in found)
    assert not any(n in f.message for f in found for n in niks)  # messages never carry the NIK

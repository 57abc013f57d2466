"""Residents with no NIK and no KK yet: a family registered for a new KK, and the numbers issued later.

A `Registration` is one family at one address: a head of family (Kepala
Keluarga) and the other members, each with the biodata of the KK form (name,
sex, birth place and date, relation, religion, marital status, education,
occupation, parents' names). The team records it in the field ("belum memiliki
NIK/KK"); the office registers it in SIAK and enters the KK number and one NIK
per member it issued, which travel back to the laptop. `check_registration`
(laptop form, store, server intake) and `check_issued` (server CLI/dashboard,
laptop on receipt) are the one place for these rules. The clock is never read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.eligibility import birthday
from app.core.findings import Finding, Severity, finding
from app.core.kk import check_kk
from app.core.names import check_name
from app.core.nik import check_nik, normalize_nik_input
from app.core.regions import RegionIndex, RegionLevel, level_of
from app.core.resident import Resident
from app.core.validation import (MAX_ALAMAT_LENGTH, MAX_PLAUSIBLE_AGE, check_free_text, check_regions,
                                 check_rt_rw, normalize_resident)
from app.core.values import HubunganKeluarga, JenisKelamin

MAX_MEMBERS = 20
MEMBER = "anggota"  # findings about a member name their field "anggota.<index>.<field>"

ADDRESS_FIELDS = ("alamat", "rt", "rw", "provinsi_kode", "kabupaten_kode", "kecamatan_kode", "kelurahan_kode")
MEMBER_FIELDS = ("nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "hubungan_keluarga", "agama",
                 "status_perkawinan", "pendidikan", "pekerjaan", "kewarganegaraan", "nama_ayah", "nama_ibu")
"""The KK form's fields of each member (a `Resident`'s; the rest is the family's address or issued later)."""

STATUS_CODES = {"pending": "registration.status_pending", "waiting": "registration.status_waiting",
                "refused": "registration.status_refused", "issued": "registration.status_issued"}
"""A registration's state on the laptop (`app.store.registrations.StoredRegistration.status`) and its words' code."""

_MEMBER_REQUIRED = (
    ("jenis_kelamin", "Jenis kelamin"),
    ("tanggal_lahir", "Tanggal lahir"),
    ("hubungan_keluarga", "Hubungan dalam keluarga"),
    ("agama", "Agama"),
    ("status_perkawinan", "Status perkawinan"),
    ("pendidikan", "Pendidikan"),
    ("pekerjaan", "Pekerjaan"),
)
_ADDRESS_REQUIRED = (("alamat", "Alamat"), ("rt", "RT"), ("rw", "RW"), ("provinsi_kode", "Provinsi"),
                     ("kabupaten_kode", "Kabupaten/kota"), ("kecamatan_kode", "Kecamatan"),
                     ("kelurahan_kode", "Kelurahan/desa"))
# A relation that only one sex can hold.
_RELATION_SEX = {HubunganKeluarga.SUAMI: JenisKelamin.LAKI_LAKI, HubunganKeluarga.ISTRI: JenisKelamin.PEREMPUAN}


def member_field(index: int, name: str) -> str:
    """The finding field of one member's field: ``anggota.0.nama``."""
    return f"{MEMBER}.{index}.{name}"


@dataclass(frozen=True)
class Registration:
    """One family to be registered, as the team recorded it.

    Attributes:
        address: the family's address (a `Resident` whose `ADDRESS_FIELDS` are filled).
        members: the members (`Resident`s with their `MEMBER_FIELDS`), the head of family among them.
    """

    address: Resident = field(default_factory=Resident)
    members: tuple[Resident, ...] = ()

    @property
    def head_index(self) -> int | None:
        """The position of the (first) head of family, None without one."""
        return next((i for i, m in enumerate(self.members)
                     if m.hubungan_keluarga is HubunganKeluarga.KEPALA_KELUARGA), None)

    def member_resident(self, index: int, *, nik: str = "", no_kk: str = "") -> Resident:
        """A member as a full resident record (the family's address, the numbers once issued):
        what a recording of that member starts from."""
        changes = {name: getattr(self.address, name) for name in ADDRESS_FIELDS}
        changes.update(kelurahan_nama=self.address.kelurahan_nama, kecamatan_nama=self.address.kecamatan_nama,
                       kabupaten_nama=self.address.kabupaten_nama, provinsi_nama=self.address.provinsi_nama)
        return replace(self.members[index], nik=nik, no_kk=no_kk, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: the address fields, and ``members`` with each member's fields (SIAK codes, ISO dates)."""
        address = self.address.to_dict()
        return {**{name: address[name] for name in ADDRESS_FIELDS},
                "members": [{name: m.to_dict()[name] for name in MEMBER_FIELDS} for m in self.members]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Registration":
        """Inverse of `to_dict`; unknown keys are ignored, bad values raise ValueError."""
        if not isinstance(data, dict) or not isinstance(data.get("members", []), list):
            raise ValueError("data registrasi tidak dapat dibaca")
        address = Resident.from_dict({k: data[k] for k in ADDRESS_FIELDS if k in data})
        members = []
        for item in data.get("members", []):
            if not isinstance(item, dict):
                raise ValueError("data anggota keluarga tidak dapat dibaca")
            members.append(Resident.from_dict({k: item[k] for k in MEMBER_FIELDS if k in item}))
        return cls(address, tuple(members))


def normalize_registration(reg: Registration) -> Registration:
    """As stored: names and address upper case with single spaces, RT/RW padded, codes dotted."""
    return Registration(normalize_resident(reg.address), tuple(normalize_resident(m) for m in reg.members))


def check_registration(reg: Registration, today: dt.date, *,
                       regions: RegionIndex | None = None) -> list[Finding]:
    """Every error in a registration as recorded on `today` (empty: it may be saved and sent).

    Codes: the address's (``field.required``, ``field.too_long``, ``rt_rw.invalid``,
    ``region.*``); ``registration.no_members``, ``registration.too_many_members``,
    ``registration.head_missing``, ``registration.head_repeated``; per member (field
    ``anggota.<i>.<field>``) ``name.*``, ``field.required``, ``tanggal_lahir.future``,
    ``registration.born_too_early``, ``registration.relation_sex``, ``registration.member_repeated``.
    """
    r = normalize_registration(reg)
    found = _check_address(r.address, regions)
    if not r.members:
        return found + [finding("registration.no_members", MEMBER, Severity.ERROR)]
    if len(r.members) > MAX_MEMBERS:
        return found + [finding("registration.too_many_members", MEMBER, Severity.ERROR, limit=MAX_MEMBERS)]
    heads = [i for i, m in enumerate(r.members) if m.hubungan_keluarga is HubunganKeluarga.KEPALA_KELUARGA]
    if not heads:
        found.append(finding("registration.head_missing", MEMBER, Severity.ERROR))
    elif len(heads) > 1:
        found.append(finding("registration.head_repeated", member_field(heads[1], "hubungan_keluarga"),
                             Severity.ERROR))
    seen: set[tuple[str, dt.date | None]] = set()
    for i, m in enumerate(r.members):
        found += [replace(f, field=member_field(i, f.field)) for f in _check_member(m, today)]
        key = (m.nama, m.tanggal_lahir)
        if m.nama and key in seen:
            found.append(finding("registration.member_repeated", member_field(i, "nama"), Severity.ERROR,
                                 number=i + 1))
        seen.add(key)
    return found


def _check_address(a: Resident, regions: RegionIndex | None) -> list[Finding]:
    found = [finding("field.required", name, Severity.ERROR, label=label)
             for name, label in _ADDRESS_REQUIRED if not getattr(a, name)]
    found += check_free_text(a.alamat, "alamat", "Alamat", MAX_ALAMAT_LENGTH)
    found += check_rt_rw(a.rt, "rt", "RT") + check_rt_rw(a.rw, "rw", "RW")
    return found + check_regions(a, regions)


def _check_member(m: Resident, today: dt.date) -> list[Finding]:
    found = check_name(m.nama, "nama") + check_name(m.tempat_lahir, "tempat_lahir")
    found += [finding("field.required", name, Severity.ERROR, label=label)
              for name, label in _MEMBER_REQUIRED if getattr(m, name) is None]
    found += check_name(m.nama_ayah, "nama_ayah", required=False)
    found += check_name(m.nama_ibu, "nama_ibu", required=False)
    born = m.tanggal_lahir
    if born is not None and born > today:
        found.append(finding("tanggal_lahir.future", "tanggal_lahir", Severity.ERROR))
    elif born is not None and birthday(born, MAX_PLAUSIBLE_AGE) <= today:
        found.append(finding("registration.born_too_early", "tanggal_lahir", Severity.ERROR,
                             max_age=MAX_PLAUSIBLE_AGE))
    needed = _RELATION_SEX.get(m.hubungan_keluarga)  # type: ignore[arg-type]
    if needed is not None and m.jenis_kelamin is not None and m.jenis_kelamin is not needed:
        found.append(finding("registration.relation_sex", "hubungan_keluarga", Severity.ERROR,
                             relation=m.hubungan_keluarga.label, sex=needed.label))  # type: ignore[union-attr]
    return found


@dataclass(frozen=True)
class Issued:
    """The numbers the office issued for a registration: the KK and one NIK per member, in member order."""

    no_kk: str
    niks: tuple[str, ...]


def normalize_issued(no_kk: object, niks: list[object] | tuple[object, ...]) -> Issued:
    """The numbers as typed or pasted, separators removed ("1372 0112 …", "13.72.01…")."""
    return Issued(normalize_nik_input(no_kk), tuple(normalize_nik_input(n) for n in niks))


def check_issued(reg: Registration, issued: Issued, *, regions: RegionIndex | None = None) -> list[Finding]:
    """Why these numbers cannot be the ones issued for `reg` (empty: they can).

    The KK: ``kk.*`` errors. Each NIK (field ``anggota.<i>.nik``): ``nik.*`` errors, and
    also ``nik.birth_date_mismatch`` / ``nik.sex_mismatch``, since a NIK issued from these
    very data encodes them. ``registration.issued_count`` when the NIKs are not one per
    member; ``registration.issued_nik_repeated`` when two members got the same NIK.
    """
    r = normalize_registration(reg)
    kecamatan = r.address.kecamatan_kode if level_of(r.address.kecamatan_kode) is RegionLevel.KECAMATAN else None
    found = [f for f in check_kk(issued.no_kk, regions=regions) if f.is_error]
    if len(issued.niks) != len(r.members):
        return found + [finding("registration.issued_count", "nik", Severity.ERROR,
                                count=len(issued.niks), members=len(r.members))]
    refused = {"nik.birth_date_mismatch", "nik.sex_mismatch"}
    for i, (m, nik) in enumerate(zip(r.members, issued.niks)):
        for f in check_nik(nik, birth_date=m.tanggal_lahir, sex=m.jenis_kelamin, regions=regions,
                           address_kecamatan_kode=kecamatan):
            if f.is_error or f.code in refused:
                found.append(replace(f, field=member_field(i, "nik"), severity=Severity.ERROR))
        if nik in issued.niks[:i]:
            found.append(finding("registration.issued_nik_repeated", member_field(i, "nik"), Severity.ERROR,
                                 number=i + 1, first=issued.niks.index(nik) + 1))
    return found


class RegistrationRefused(ValueError):
    """A registration (or issued numbers) the rules refuse; `findings` says why, the message is the first reason."""

    def __init__(self, findings: list[Finding]):
        self.findings = list(findings)
        super().__init__(self.findings[0].message if self.findings else "")

"""Every check on a resident, for the form and the server alike.

`validate_resident` runs on the record as `normalize_resident` would store it
(names upper case, RT/RW padded to three digits), so "rt 1, nama siti" is not
an error; callers save the normalised record. Findings come in form order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core._text import as_text, collapse_spaces, is_ascii_digits
from app.core.eligibility import assess_eligibility, birthday
from app.core.findings import Finding, Severity, finding
from app.core.kk import check_kk
from app.core.names import check_name, normalize_name
from app.core.nik import check_nik
from app.core.regions import RegionIndex, RegionLevel, level_of, to_dotted
from app.core.resident import Resident

MAX_ALAMAT_LENGTH = 120
MAX_CATATAN_LENGTH = 500
MAX_PLAUSIBLE_AGE = 120

# Region fields from the top down, with their level.
REGION_FIELDS = (
    ("provinsi_kode", RegionLevel.PROVINSI),
    ("kabupaten_kode", RegionLevel.KABUPATEN),
    ("kecamatan_kode", RegionLevel.KECAMATAN),
    ("kelurahan_kode", RegionLevel.KELURAHAN),
)

# Fields whose absence blocks completion (names and NIK/KK report their own).
_REQUIRED = (
    ("tanggal_lahir", "Tanggal lahir"),
    ("jenis_kelamin", "Jenis kelamin"),
    ("alamat", "Alamat"),
    ("rt", "RT"),
    ("rw", "RW"),
    ("provinsi_kode", "Provinsi"),
    ("kabupaten_kode", "Kabupaten/kota"),
    ("kecamatan_kode", "Kecamatan"),
    ("kelurahan_kode", "Kelurahan/desa"),
    ("agama", "Agama"),
    ("status_perkawinan", "Status perkawinan"),
    ("pekerjaan", "Pekerjaan"),
    ("kewarganegaraan", "Kewarganegaraan"),
    ("pendidikan", "Pendidikan"),
    ("hubungan_keluarga", "Hubungan dalam keluarga"),
)

# Every field that must be filled before a recording can be completed.
REQUIRED_FIELDS: tuple[str, ...] = ("nik", "no_kk", "nama", "tempat_lahir") + tuple(n for n, _ in _REQUIRED)


@dataclass(frozen=True)
class ValidationContext:
    """What validation needs besides the record.

    Attributes:
        regions: the master data; None checks region codes by shape only.
        recording_date: the day of recording (for age and "not in the future").
        min_recording_age: the regency's minimum age for pre-recording (default 16).
    """

    regions: RegionIndex | None
    recording_date: dt.date
    min_recording_age: int = 16


def normalize_resident(resident: Resident) -> Resident:
    """The record as it is stored: names and address upper case with single spaces,
    RT/RW of 1-3 digits padded to 3, NIK/KK/codes stripped (codes dotted),
    telephone without spaces, hyphens, dots or brackets."""
    changes: dict[str, object] = {
        "nama": normalize_name(resident.nama),
        "nama_ayah": normalize_name(resident.nama_ayah),
        "nama_ibu": normalize_name(resident.nama_ibu),
        "tempat_lahir": normalize_name(resident.tempat_lahir),
        "alamat": collapse_spaces(as_text(resident.alamat)).upper(),
        "nik": as_text(resident.nik).strip(),
        "no_kk": as_text(resident.no_kk).strip(),
        "rt": pad_rt_rw(resident.rt),
        "rw": pad_rt_rw(resident.rw),
        "telepon": _clean_phone(resident.telepon),
    }
    for name, _level in REGION_FIELDS:
        code = as_text(getattr(resident, name)).strip()
        try:
            changes[name] = to_dotted(code)
        except ValueError:  # not a well-formed code: kept as typed (check_regions says so)
            changes[name] = code
    if all(getattr(resident, name) == value for name, value in changes.items()):
        return resident  # already as stored (what the laptop sends): no copy
    return resident.with_changes(**changes)


def validate_resident(resident: Resident, ctx: ValidationContext, *, normalized: bool = False) -> list[Finding]:
    """All findings for a resident on `ctx.recording_date` (empty when it may complete);
    `normalized`: the caller has already run `normalize_resident` (the server's intake)."""
    r = resident if normalized else normalize_resident(resident)
    found: list[Finding] = []
    kecamatan = r.kecamatan_kode if level_of(r.kecamatan_kode) is RegionLevel.KECAMATAN else None
    found += check_nik(
        r.nik,
        birth_date=r.tanggal_lahir,
        sex=r.jenis_kelamin,
        regions=ctx.regions,
        address_kecamatan_kode=kecamatan,
    )
    found += check_kk(r.no_kk, regions=ctx.regions, address_kecamatan_kode=kecamatan)
    found += check_name(r.nama, "nama")
    found += check_name(r.tempat_lahir, "tempat_lahir")
    found += _check_birth_date(r, ctx)
    found += _missing(r)
    found += check_free_text(r.alamat, "alamat", "Alamat", MAX_ALAMAT_LENGTH)
    found += check_rt_rw(r.rt, "rt", "RT") + check_rt_rw(r.rw, "rw", "RW")
    found += check_regions(r, ctx.regions)
    found += check_name(r.nama_ayah, "nama_ayah", required=False)
    found += check_name(r.nama_ibu, "nama_ibu", required=False)
    found += _check_phone(r.telepon)
    found += check_free_text(r.catatan, "catatan", "Catatan", MAX_CATATAN_LENGTH)
    return found


def _missing(r: Resident) -> list[Finding]:
    out = []
    for name, label in _REQUIRED:
        value = getattr(r, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(finding("field.required", name, Severity.ERROR, label=label))
    return out


def _check_birth_date(r: Resident, ctx: ValidationContext) -> list[Finding]:
    born = r.tanggal_lahir
    if born is None:
        return []
    if isinstance(born, dt.datetime):
        born = born.date()
    if born > ctx.recording_date:
        return [finding("tanggal_lahir.future", "tanggal_lahir", Severity.ERROR)]
    out: list[Finding] = []
    if birthday(born, MAX_PLAUSIBLE_AGE) <= ctx.recording_date:
        out.append(finding("tanggal_lahir.implausible", "tanggal_lahir", Severity.WARNING,
                           max_age=MAX_PLAUSIBLE_AGE))
    out += assess_eligibility(
        born, r.status_perkawinan, ctx.recording_date, min_recording_age=ctx.min_recording_age
    ).findings
    return out


def check_free_text(value: str, name: str, label: str, limit: int) -> list[Finding]:
    text = as_text(value)
    if len(text) > limit:
        return [finding("field.too_long", name, Severity.ERROR, label=label, limit=limit, length=len(text))]
    return []


def pad_rt_rw(value: object) -> str:
    text = as_text(value).strip()
    return text.zfill(3) if 1 <= len(text) <= 3 and is_ascii_digits(text) else text


def check_rt_rw(value: str, name: str, label: str) -> list[Finding]:
    if not value:
        return []  # reported as field.required
    if len(value) != 3 or not is_ascii_digits(value) or value == "000":
        return [finding("rt_rw.invalid", name, Severity.ERROR, label=label)]
    return []


_PHONE_JUNK = str.maketrans({" ": None, "-": None, ".": None, "(": None, ")": None})


def _clean_phone(value: object) -> str:
    text = as_text(value)
    return text.strip().translate(_PHONE_JUNK) if len(text) <= 100 else text


def _check_phone(value: str) -> list[Finding]:
    if not value:
        return []
    digits = value[1:] if value.startswith("+") else value
    if not (8 <= len(digits) <= 15 and is_ascii_digits(digits)):
        return [finding("telepon.invalid", "telepon", Severity.ERROR)]
    return []


def check_regions(r: Resident, regions: RegionIndex | None) -> list[Finding]:
    out: list[Finding] = []
    well_formed: dict[str, str] = {}
    for name, level in REGION_FIELDS:
        code = getattr(r, name)
        if not code:
            continue  # reported as field.required
        if level_of(code) is not level:
            out.append(finding("region.invalid", name, Severity.ERROR, level=level.label.lower()))
            continue
        if regions is not None and not regions.is_valid(code, level):
            out.append(finding("region.unknown", name, Severity.ERROR, level=level.label.lower(), code=code))
            continue
        well_formed[name] = code
    # Each level must sit inside the one above it.
    for (upper, _), (lower, level) in zip(REGION_FIELDS, REGION_FIELDS[1:]):
        parent, child = well_formed.get(upper), well_formed.get(lower)
        if parent and child and not child.startswith(parent + "."):
            out.append(finding("region.inconsistent", lower, Severity.ERROR,
                               level=level.label, code=child, parent=parent))
    return out

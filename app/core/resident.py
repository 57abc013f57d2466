"""The resident record: every e-KTP biodata field, and its plain-dict form.

`Resident` is immutable; the form builds a new one with `dataclasses.replace`.
`to_dict`/`from_dict` give the JSON-safe shape that the store saves and the
sync protocol sends (enums as SIAK codes, dates as ISO strings), so both ends
of the wire read the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, field, fields, replace
from enum import Enum
from typing import Any

from app.core.values import (
    Agama,
    Disabilitas,
    GolonganDarah,
    HubunganKeluarga,
    JenisKelamin,
    Kewarganegaraan,
    Pekerjaan,
    Pendidikan,
    StatusPerkawinan,
)


class BirthDatePrecision(str, Enum):
    """How well the birth date is known (SIAK convention for the unknown parts)."""

    EXACT = "exact"
    MONTH = "month"  # day unknown: SIAK records the 15th
    YEAR = "year"  # day and month unknown: SIAK records 1 July

    @property
    def estimated(self) -> bool:
        return self is not BirthDatePrecision.EXACT


def estimated_birth_date(year: int, month: int | None = None) -> tuple[dt.date, BirthDatePrecision]:
    """The date SIAK records for a birth date known only to the year or month.

    Year only -> 1 July of that year; year and month -> the 15th of that month.
    """
    if month is None:
        return dt.date(year, 7, 1), BirthDatePrecision.YEAR
    return dt.date(year, month, 15), BirthDatePrecision.MONTH


@dataclass(frozen=True)
class Resident:
    """One resident's biodata as the e-KTP and the KK hold it.

    Region fields hold Kemendagri codes in dotted form (``13.72.01.1001``)
    and their names as the master data spells them.
    """

    nik: str = ""
    no_kk: str = ""
    nama: str = ""
    tempat_lahir: str = ""
    tanggal_lahir: dt.date | None = None
    tanggal_lahir_presisi: BirthDatePrecision = BirthDatePrecision.EXACT
    jenis_kelamin: JenisKelamin | None = None
    golongan_darah: GolonganDarah | None = None
    alamat: str = ""
    rt: str = ""
    rw: str = ""
    provinsi_kode: str = ""
    provinsi_nama: str = ""
    kabupaten_kode: str = ""
    kabupaten_nama: str = ""
    kecamatan_kode: str = ""
    kecamatan_nama: str = ""
    kelurahan_kode: str = ""
    kelurahan_nama: str = ""
    agama: Agama | None = None
    status_perkawinan: StatusPerkawinan | None = None
    pekerjaan: Pekerjaan | None = None  # type: ignore[valid-type]
    kewarganegaraan: Kewarganegaraan = Kewarganegaraan.WNI
    pendidikan: Pendidikan | None = None
    hubungan_keluarga: HubunganKeluarga | None = None
    nama_ayah: str = ""
    nama_ibu: str = ""
    disabilitas: tuple[Disabilitas, ...] = field(default=())
    telepon: str = ""
    catatan: str = ""

    @property
    def birth_date_estimated(self) -> bool:
        return self.tanggal_lahir_presisi.estimated

    def with_changes(self, **changes: Any) -> "Resident":
        """A copy with `changes`, as `dataclasses.replace` gives it (an unknown name is a TypeError)."""
        if changes.keys() <= _DEFAULTS.keys():
            return type(self)._of({**self.__dict__, **changes})
        return replace(self, **changes)  # raises the usual TypeError

    @classmethod
    def _of(cls, values: dict[str, Any]) -> "Resident":
        """``cls(**values)`` for field names only, without the generated frozen ``__init__`` and
        its thirty ``object.__setattr__`` calls (the server builds residents per recording): the
        defaults, then `values`. Right because every field has an immutable default and there is
        no ``__post_init__`` (tests/core/test_resident_build.py keeps both true)."""
        obj = object.__new__(cls)
        obj.__dict__.update(_DEFAULTS)
        obj.__dict__.update(values)
        return obj

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict: enums as codes, dates as ISO, disabilitas as a list of codes."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "disabilitas":
                out[f.name] = [int(d) for d in value]
            elif isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            elif isinstance(value, int) and isinstance(value, Enum):
                out[f.name] = int(value)
            elif isinstance(value, Enum):
                out[f.name] = value.value
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Resident":
        """Inverse of `to_dict`; unknown keys are ignored, bad values raise ValueError."""
        kwargs: dict[str, Any] = {}
        for name, parser in _FIELD_PARSERS:
            value = data.get(name, _ABSENT)
            if value is _ABSENT:
                continue
            if parser is not None:
                value = None if value in (None, "") else parser(value)
            elif isinstance(value, str) or value is None:
                value = "" if value is None else value
            else:
                raise ValueError(f"{name}: harus berupa teks")
            kwargs[name] = value
        if "tanggal_lahir_presisi" in kwargs and kwargs["tanggal_lahir_presisi"] is None:
            kwargs["tanggal_lahir_presisi"] = BirthDatePrecision.EXACT
        if "kewarganegaraan" in kwargs and kwargs["kewarganegaraan"] is None:
            kwargs["kewarganegaraan"] = Kewarganegaraan.WNI
        if "disabilitas" in kwargs and kwargs["disabilitas"] is None:
            kwargs["disabilitas"] = ()
        return cls._of(kwargs)


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"tanggal tidak valid: {value!r}") from None


def _parse_precision(value: Any) -> BirthDatePrecision:
    member = BirthDatePrecision._value2member_map_.get(value) if type(value) is str else None
    return member if member is not None else BirthDatePrecision(value)  # the enum's own error otherwise


def _parse_disabilitas(value: Any) -> tuple[Disabilitas, ...]:
    if isinstance(value, (str, int)):
        value = [value]
    out: list[Disabilitas] = []
    for item in value:
        member = Disabilitas.parse(item)
        if member not in out:
            out.append(member)
    return tuple(out)


_PARSERS = {
    "tanggal_lahir": _parse_date,
    "tanggal_lahir_presisi": _parse_precision,
    "jenis_kelamin": JenisKelamin.parse,
    "golongan_darah": GolonganDarah.parse,
    "agama": Agama.parse,
    "status_perkawinan": StatusPerkawinan.parse,
    "pekerjaan": Pekerjaan.parse,
    "kewarganegaraan": Kewarganegaraan.parse,
    "pendidikan": Pendidikan.parse,
    "hubungan_keluarga": HubunganKeluarga.parse,
    "disabilitas": _parse_disabilitas,
}

RESIDENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Resident))
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Resident) if f.default is not MISSING}
_ABSENT = object()
_FIELD_PARSERS = tuple((name, _PARSERS.get(name)) for name in RESIDENT_FIELDS)  # in field order: errors too

"""The NIK (Nomor Induk Kependudukan): parse, build and check against the form.

Layout ``PPKKCC DDMMYY SSSS``: the kecamatan where the NIK was first issued,
the birth date (day + 40 for women), and a serial from 0001. Structural faults
are errors; disagreements with the form or the master data are warnings,
because real NIKs carry them for life (a wrong encoded date is never
re-issued, a moved resident keeps the old code, a region split retires codes).

Century of YY: this module never reads the clock. `check_nik` does not need a
century (it compares DD, MM and YY with the form's date as written). `parse_nik`
needs one to return a full date: it takes the year ending in YY nearest to the
form's ``birth_date`` when given, else the latest date not after
``reference_date`` (the recording date); with neither it raises TypeError.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core._text import as_text, format_date_id, is_ascii_digits
from app.core.findings import Finding, Severity, finding
from app.core.messages import render
from app.core.regions import RegionIndex, is_well_formed, to_digits
from app.core.values import JenisKelamin

FIELD = "nik"
NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40
# What people put between groups of digits: spaces (any, e.g. a pasted no-break
# space), hyphens and dashes, dots ("3171 0101 0190 0001", "31.71.01.010190.0001").
_SEPARATORS = frozenset("-.\u2010\u2011\u2012\u2013")


def normalize_nik_input(text: object) -> str:
    """A NIK or KK number as typed, pasted or read from a file, with its separators removed.

    Only ASCII digits with spaces, hyphens/dashes or dots between them are
    normalised ("3171-0101-0190-0001" -> "3171010101900001"); anything else
    (letters, other symbols, non-ASCII digits) comes back merely stripped, so
    `check_nik` / `check_kk` still refuse it with their usual finding.
    """
    value = as_text(text).strip()
    if is_ascii_digits(value):
        return value
    digits = []
    for ch in value:
        if "0" <= ch <= "9":
            digits.append(ch)
        elif not (ch in _SEPARATORS or ch.isspace()):
            return value
    return "".join(digits) if digits else value


class NikError(ValueError):
    """A NIK that cannot be parsed; `code` is the finding code (e.g. ``nik.length``), `params` its values.

    The message (the catalogue's, app/core/messages.py) never contains the NIK itself.
    """

    def __init__(self, code: str, params: dict | None = None):
        super().__init__(render(code, params))
        self.code = code
        self.params = dict(params or {})


@dataclass(frozen=True)
class NikParts:
    """A parsed NIK.

    Attributes:
        region6: the first six digits, e.g. ``137201``.
        kecamatan_kode: the same, dotted: ``13.72.01``.
        birth_date: the encoded birth date, century resolved as the module says.
        sex: from the day (01-31 men, 41-71 women).
        serial: 1-9999.
    """

    region6: str
    kecamatan_kode: str
    birth_date: dt.date
    sex: JenisKelamin
    serial: int


@dataclass(frozen=True)
class _Encoded:
    """The date part as written: day (without the +40), month, two-digit year."""

    day: int
    month: int
    yy: int
    sex: JenisKelamin

    def is_real(self) -> bool:
        # 2000-2099 holds every leap year a two-digit year can name (2000 is one),
        # so "29 02 00" is real here; `parse_nik` re-checks in the chosen century.
        return _date_or_none(2000 + self.yy, self.month, self.day) is not None

    def same_as(self, value: dt.date) -> bool:
        return (self.day, self.month, self.yy) == (value.day, value.month, value.year % 100)

    def text(self) -> str:
        return f"{self.day:02d}-{self.month:02d}-{self.yy:02d}"


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _structure(text: object) -> tuple[list[Finding], str, _Encoded | None]:
    """Structural errors, the stripped NIK, and its date part when readable."""
    nik = as_text(text).strip()
    if not nik:
        return [finding("nik.required", FIELD, Severity.ERROR)], nik, None
    found: list[Finding] = []
    if not is_ascii_digits(nik):
        found.append(finding("nik.not_digits", FIELD, Severity.ERROR))
    if len(nik) != NIK_LENGTH:
        found.append(finding("nik.length", FIELD, Severity.ERROR, length=len(nik)))
    if found:
        return found, nik, None
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = JenisKelamin.LAKI_LAKI
    if day > FEMALE_DAY_OFFSET:
        day -= FEMALE_DAY_OFFSET
        sex = JenisKelamin.PEREMPUAN
    encoded = _Encoded(day, month, yy, sex)
    if not encoded.is_real():
        found.append(finding("nik.date_invalid", FIELD, Severity.ERROR))
        encoded = None
    if nik[12:] == "0000":
        found.append(finding("nik.serial_zero", FIELD, Severity.ERROR))
    return found, nik, encoded


def _as_date(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _resolve_year(yy: int, month: int, day: int, birth_date, reference_date) -> int:
    birth_date, reference_date = _as_date(birth_date), _as_date(reference_date)
    if birth_date is not None:
        year = birth_date.year
        base = year - (year - yy) % 100  # latest year <= form year ending in yy
        return base if year - base <= 50 else base + 100
    if reference_date is not None:
        ref = reference_date
        year = ref.year - (ref.year - yy) % 100
        probe = _date_or_none(year, month, day) or _date_or_none(year, month, 28)
        if probe is not None and probe > ref:
            year -= 100
        return year
    raise TypeError("birth_date atau reference_date dibutuhkan")


def parse_nik(
    text: object,
    *,
    birth_date: dt.date | None = None,
    reference_date: dt.date | None = None,
) -> NikParts:
    """Split a structurally valid NIK; raise `NikError` (a ValueError) otherwise.

    The century comes from `birth_date` (the year ending in YY nearest to it)
    or else from `reference_date` (the latest such date not after it); one of
    the two is required (TypeError otherwise, whatever the text).
    """
    if birth_date is None and reference_date is None:
        raise TypeError("parse_nik: birth_date atau reference_date dibutuhkan untuk abad")
    found, nik, encoded = _structure(text)
    if found:
        raise NikError(found[0].code, dict(found[0].params))
    assert encoded is not None
    year = _resolve_year(encoded.yy, encoded.month, encoded.day, birth_date, reference_date)
    born = _date_or_none(year, encoded.month, encoded.day)
    if born is None:  # only 29 Feb of a YY=00 resolved to 1900
        raise NikError("nik.date_invalid", {"year": year})
    region6 = nik[:6]
    return NikParts(
        region6=region6,
        kecamatan_kode=f"{region6[:2]}.{region6[2:4]}.{region6[4:]}",
        birth_date=born,
        sex=encoded.sex,
        serial=int(nik[12:]),
    )


def build_nik(region6: str, birth_date: dt.date, sex: JenisKelamin | str, serial: int) -> str:
    """The 16-digit NIK for these parts (ValueError on impossible input).

    `region6` is six ASCII digits or a dotted kecamatan code ``PP.KK.CC``.
    """
    region = region6
    if isinstance(region, str) and region.count(".") == 2:
        region = region.replace(".", "")
    if not (isinstance(region, str) and len(region) == 6 and is_ascii_digits(region)):
        raise ValueError("kode wilayah NIK harus 6 angka")
    if not isinstance(birth_date, dt.date):
        raise ValueError("tanggal lahir harus berupa tanggal")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 9999:
        raise ValueError("nomor urut NIK harus 1-9999")
    day = birth_date.day
    if JenisKelamin.parse(sex) is JenisKelamin.PEREMPUAN:
        day += FEMALE_DAY_OFFSET
    return f"{region}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def check_nik(
    nik: object,
    *,
    birth_date: dt.date | None = None,
    sex: JenisKelamin | str | None = None,
    regions: RegionIndex | None = None,
    address_kecamatan_kode: str | None = None,
) -> list[Finding]:
    """Every finding about a NIK, given what the form says (all optional).

    Errors: ``nik.required``, ``nik.not_digits``, ``nik.length``,
    ``nik.date_invalid``, ``nik.serial_zero``. Warnings (need acknowledgement):
    ``nik.birth_date_mismatch``, ``nik.sex_mismatch``, ``nik.region_unknown``
    (not a current kecamatan, or an impossible code when no master data is
    given), ``nik.region_differs_address``. `sex` may be a `JenisKelamin` or
    what `JenisKelamin.parse` accepts (anything else raises ValueError).
    """
    found, nik, encoded = _structure(nik)
    if any(f.code in ("nik.required", "nik.not_digits", "nik.length") for f in found):
        return found
    birth_date = _as_date(birth_date)
    if encoded is not None and birth_date is not None and not encoded.same_as(birth_date):
        found.append(_birth_date_mismatch(encoded, birth_date))
    if encoded is not None and sex is not None:
        form_sex = JenisKelamin.parse(sex)
        if form_sex is not encoded.sex:
            nik_sex, shown_sex = encoded.sex.label.lower(), form_sex.label.lower()
            found.append(finding("nik.sex_mismatch", FIELD, Severity.WARNING,
                                 nik_sex=nik_sex, form_sex=shown_sex))
    region6 = nik[:6]
    dotted = f"{region6[:2]}.{region6[2:4]}.{region6[4:]}"
    known = (
        regions.kecamatan_for_nik_prefix(region6) is not None
        if regions is not None
        else is_well_formed(dotted)
    )
    if not known:
        found.append(finding("nik.region_unknown", FIELD, Severity.WARNING, region=dotted))
    address6 = _kecamatan_digits(address_kecamatan_kode)
    if address6 is not None and address6 != region6:
        address = f"{address6[:2]}.{address6[2:4]}.{address6[4:]}"
        found.append(finding("nik.region_differs_address", FIELD, Severity.WARNING,
                             region=dotted, address=address))
    return found


def _kecamatan_digits(kode: object) -> str | None:
    """The 6 digits of a kecamatan (or a kelurahan's kecamatan); None if malformed."""
    if not is_well_formed(kode):
        return None
    digits = to_digits(kode)  # type: ignore[arg-type]
    return digits[:6] if len(digits) >= 6 else None


# Dates recorded for unknown birth dates (SIAK since 2004, and the older SIMDUK).
_ESTIMATED = {(1, 7): "Tanggal 1 Juli (SIAK)", (31, 12): "Tanggal 31 Desember (SIMDUK)"}


def _birth_date_mismatch(encoded: _Encoded, form_date: dt.date) -> Finding:
    year = _resolve_year(encoded.yy, encoded.month, encoded.day, form_date, None)
    in_nik = _date_or_none(year, encoded.month, encoded.day)
    shown = format_date_id(in_nik) if in_nik is not None else encoded.text()
    hint = _ESTIMATED.get((encoded.day, encoded.month))
    params = {"nik_date": shown, "form_date": format_date_id(form_date)}
    if hint:
        params["hint"] = hint
    return finding("nik.birth_date_mismatch", FIELD, Severity.WARNING, **params)

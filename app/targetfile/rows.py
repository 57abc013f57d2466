"""Row checks: one row's cells -> a clean target row, or the reasons it is refused.

Checks: NIK structure (`check_nik` errors; its warnings are fine for a target
list), name (`check_name`), birth date real, not before 1900 and not after
today, jenis kelamin (L/P, LK/PR, Laki-laki/Perempuan), kelurahan code
well-formed (dotted or 10 digits, or composed from SIAK's NO_PROP, NO_KAB,
NO_KEC and NO_KEL when there is no kelurahan code column) and, with a
`RegionIndex`, known; NIK and KK may be written with spaces, hyphens or dots
(`app.core.nik.normalize_nik_input`); RT/RW 1-3
digits (padded to 3) or empty; alamat at most 120 characters; no_kk
(`check_kk` errors) and tempat_lahir when given; status_ktp one of the SIAK
values (default BELUM REKAM). A reason is in Bahasa Indonesia and never quotes
the NIK, the name or the birth date.
"""

from __future__ import annotations

import datetime as dt

from app.core.findings import Severity
from app.core.kk import check_kk
from app.core.names import check_name, normalize_name
from app.core.nik import check_nik
from app.core.regions import RegionIndex, RegionLevel, level_of, to_dotted
from app.core.validation import MAX_ALAMAT_LENGTH
from app.core.values import JenisKelamin
from app.targetfile.columns import MAX_KELAS
from app.targetfile.cells import (
    cell_text,
    number_text,
    pad_rt_rw,
    parse_birth_date,
    region_from_parts,
    status_ktp,
)

MIN_BIRTH_YEAR = 1900


def _finding_errors(findings) -> list[str]:
    return [f.message.rstrip(".") for f in findings if f.severity is Severity.ERROR]


def capitalised(reason: str) -> str:
    return reason[:1].upper() + reason[1:]


def join_reasons(reasons: list[str]) -> str:
    """The reasons of one refused row as one line."""
    return "; ".join(capitalised(r) for r in reasons)


def repeated_nik_reason(first_line: int, line: int, where: str = "") -> str:
    """The reason for row `line` whose NIK an earlier row of the file already had (that row is kept)."""
    return f"NIK sama dengan baris {first_line}{where} (baris {first_line} yang disimpan, baris {line} dilewati)"


class RowChecker:
    """Turns one row's cells into a target dict, or a list of reasons.

    Args:
        regions: master data; None checks kelurahan codes by shape only.
        today: the latest allowed birth date (default: the system date).
        epoch: the XLSX workbook's date epoch (for date serial numbers).
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, regions: RegionIndex | None = None, today: dt.date | None = None,
                 epoch: dt.datetime | None = None, *, class_list: bool = False):
        self.class_list = class_list
        self.regions = regions if regions is not None and len(regions) > 0 else None
        self.today = today or dt.date.today()
        self.epoch = epoch
        # Kelurahan codes, RT/RW and status values repeat across a city: remember each answer.
        self._kelurahan_cache: dict[str, tuple[str | None, str | None]] = {}
        self._small_cache: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        self._parts_cache: dict[tuple[str, ...], tuple[str | None, str | None]] = {}

    def check(self, cells: dict[str, object]) -> tuple[dict[str, str] | None, list[str]]:
        reasons: list[str] = []
        out: dict[str, str] = {}

        try:
            nik = number_text(cells.get("nik"), "NIK")
            reasons += _finding_errors(check_nik(nik))
        except ValueError as exc:
            reasons.append(str(exc))
            nik = ""
        out["nik"] = nik

        name_errors = _finding_errors(check_name(cells.get("nama"), "nama"))
        reasons += name_errors
        if not name_errors:
            out["nama"] = normalize_name(cells.get("nama"))

        born, reason = self.birth_date(cells.get("tanggal_lahir"))
        if born is not None:
            out["tanggal_lahir"] = born
        if reason is not None:
            reasons.append(reason)

        sex = cell_text(cells.get("jenis_kelamin"))
        if not sex:
            reasons.append("jenis kelamin wajib diisi")
        else:
            try:
                out["jenis_kelamin"] = JenisKelamin.parse(sex).value
            except ValueError:
                reasons.append("jenis kelamin tidak dikenal (pakai L/P, LK/PR atau Laki-laki/Perempuan)")

        if self.class_list:
            return self._class_rest(cells, out, reasons)
        alamat = " ".join(cell_text(cells.get("alamat")).split()).upper()
        if len(alamat) > MAX_ALAMAT_LENGTH:
            reasons.append(f"alamat lebih dari {MAX_ALAMAT_LENGTH} karakter")
        out["alamat"] = alamat

        for key, label in (("rt", "RT"), ("rw", "RW")):
            value, reason = self.small(key, cell_text(cells.get(key)), label)
            if reason is None:
                out[key] = value
            else:
                reasons.append(reason)

        if "kelurahan_kode" in cells or "no_kel" not in cells:
            dotted, reason = self.kelurahan(cell_text(cells.get("kelurahan_kode")))
        else:
            dotted, reason = self._composed(cells)
        if reason is None:
            out["kelurahan_kode"] = dotted
        else:
            reasons.append(reason)

        self._kk_and_place(cells, out, reasons)
        value, reason = self.small("status_ktp", cell_text(cells.get("status_ktp")), "")
        if reason is None:
            out["status_ktp"] = value
        else:
            reasons.append(reason)

        if reasons:
            return None, reasons
        return out, []

    def birth_date(self, value: object) -> tuple[str | None, str | None]:
        """(YYYY-MM-DD or None, reason or None) for a birth date cell; a date out of range has both."""
        try:
            born = parse_birth_date(value, epoch=self.epoch)
        except ValueError as exc:
            return None, str(exc)
        if born.year < MIN_BIRTH_YEAR:
            return born.isoformat(), f"tanggal lahir sebelum tahun {MIN_BIRTH_YEAR}"
        if born > self.today:
            return born.isoformat(), "tanggal lahir di masa depan"
        return born.isoformat(), None

    def _class_rest(self, cells: dict[str, object], out: dict[str, str],
                    reasons: list[str]) -> tuple[dict[str, str] | None, list[str]]:
        """A class list row after the sex: kelas (free text), no_kk and tempat_lahir when given."""
        kelas = " ".join(cell_text(cells.get("kelas")).split()).upper()
        if len(kelas) > MAX_KELAS:
            reasons.append(f"kelas lebih dari {MAX_KELAS} karakter")
        out["kelas"] = kelas
        self._kk_and_place(cells, out, reasons)
        if reasons:
            return None, reasons
        return out, []

    def _kk_and_place(self, cells: dict[str, object], out: dict[str, str], reasons: list[str]) -> None:
        if "no_kk" in cells:
            try:
                kk = number_text(cells.get("no_kk"), "Nomor KK")
                if kk:
                    reasons += _finding_errors(check_kk(kk))
                out["no_kk"] = kk
            except ValueError as exc:
                reasons.append(str(exc))
        if "tempat_lahir" in cells:
            place_errors = _finding_errors(
                check_name(cells.get("tempat_lahir"), "tempat_lahir", required=False)
            )
            reasons += place_errors
            if not place_errors:
                out["tempat_lahir"] = normalize_name(cells.get("tempat_lahir"))

    def small(self, key: str, text: str, label: str) -> tuple[str | None, str | None]:
        """RT/RW padded or status_ktp normalised, as (value, None) or (None, reason)."""
        cached = self._small_cache.get((key, text))
        if cached is not None:
            return cached
        try:
            result = (status_ktp(text) if key == "status_ktp" else pad_rt_rw(text, label)), None
        except ValueError as exc:
            result = None, str(exc)
        if len(text) <= 40 and len(self._small_cache) < self._CACHE_LIMIT:
            self._small_cache[(key, text)] = result
        return result

    def _composed(self, cells: dict[str, object]) -> tuple[str | None, str | None]:
        """The dotted code, or a reason, from SIAK's NO_PROP/NO_KAB/NO_KEC/NO_KEL cells."""
        return self.composed(tuple(cell_text(cells.get(k)) for k in ("no_prop", "no_kab", "no_kec", "no_kel")))

    def composed(self, parts: tuple[str, ...]) -> tuple[str | None, str | None]:
        """The dotted code, or a reason, from the stripped texts of NO_PROP, NO_KAB, NO_KEC and NO_KEL."""
        cached = self._parts_cache.get(parts)
        if cached is not None:
            return cached
        code = region_from_parts(*parts)
        if code is None and any(parts):
            result = (None, "NO_PROP, NO_KAB, NO_KEC dan NO_KEL harus angka (mis. 31, 71, 01, 1001)")
        else:
            result = self.kelurahan(code or "")
        if sum(map(len, parts)) <= 40 and len(self._parts_cache) < self._CACHE_LIMIT:
            self._parts_cache[parts] = result
        return result

    def kelurahan(self, code: str) -> tuple[str | None, str | None]:
        """The dotted code, or a reason, for a kelurahan cell."""
        cached = self._kelurahan_cache.get(code)
        if cached is not None:
            return cached
        if not code:
            result: tuple[str | None, str | None] = (None, "kode kelurahan wajib diisi")
        elif level_of(code) is not RegionLevel.KELURAHAN:
            result = (None, "kode kelurahan tidak valid (pakai 10 angka, mis. 13.72.01.1001 atau 1372011001)")
        else:
            dotted = to_dotted(code)
            if self.regions is not None and not self.regions.is_valid(dotted, RegionLevel.KELURAHAN):
                result = (None, f"kode kelurahan {dotted} tidak ada dalam data master wilayah")
            else:
                result = (dotted, None)
        if len(code) <= 20 and len(self._kelurahan_cache) < self._CACHE_LIMIT:
            self._kelurahan_cache[code] = result
        return result

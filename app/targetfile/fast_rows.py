"""The fast path of the row checks: a row whose cells are already clean text, in a few dict look-ups.

A city's list (1.2 million rows) repeats most of its cells: a few hundred
kelurahan, tens of RT/RW values, about 30,000 birth dates, two sexes. `FastRows`
remembers the answer of `RowChecker` for each such cell and checks the cells
that differ per row (NIK, name, address, KK, place of birth) with one plain test
each. A row that fails any test is not refused here: the caller runs the full
`RowChecker.check` on it, which finds the reasons. So a row gets exactly the
result the full check would give (tests/targetfile compares both on the
quirky files).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.core.checked_row import CheckedRow
from app.core.findings import Severity
from app.core.nik import check_nik
from app.core.validation import MAX_ALAMAT_LENGTH
from app.core.values import JenisKelamin
from app.core.names import MAX_NAME_LENGTH
from app.targetfile.rows import RowChecker

# A name `normalize_name` leaves as it is and `check_name` accepts: upper-case A-Z with ' - . ,
# single spaces between words, starting with a letter.
_CLEAN_NAME = re.compile(r"[A-Z][A-Z'.,-]*(?: [A-Z'.,-]+)*")
_CACHE_LIMIT = 200_000


def _remembered(compute: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """`compute(cell)` remembered per cell text (answers only: None, 'full check', is asked again)."""
    cache: dict[str, str] = {}
    get = cache.get

    def look(cell: str) -> str | None:
        value = get(cell)
        if value is None:
            value = compute(cell)
            if value is not None and len(cache) < _CACHE_LIMIT and len(cell) <= 40:
                cache[cell] = value
        return value

    return look


def _clean_name(cell: str) -> bool:
    return len(cell) <= MAX_NAME_LENGTH and _CLEAN_NAME.fullmatch(cell) is not None


def _sixteen_digits(cell: str) -> bool:
    return len(cell) == 16 and cell.isdigit() and cell.isascii()


class FastRows:
    """`fast(row)`: the checked row (a `CheckedRow`) of a list of cell texts, or None when the full check must decide.

    Only for the office's target list (not class lists); `positions` maps column names to cell indexes.
    """

    def __init__(self, checker: RowChecker, positions: dict[str, int]):
        self.checker = checker
        self.positions = positions
        self.width = max(positions.values()) + 1
        self._nik_dates: dict[str, bool] = {}
        self.birth = _remembered(lambda cell: self._birth(cell))
        self.sex = _remembered(self._sex)
        self.rt = _remembered(lambda cell: self._small("rt", cell, "RT"))
        self.rw = _remembered(lambda cell: self._small("rw", cell, "RW"))
        self.status = _remembered(lambda cell: self._small("status_ktp", cell, ""))
        self.kelurahan = _remembered(lambda cell: checker.kelurahan(cell.strip())[0])
        self._parts: dict[tuple[str, ...], str] = {}

    def _birth(self, cell: str) -> str | None:
        born, reason = self.checker.birth_date(cell)
        return born if reason is None else None

    @staticmethod
    def _sex(cell: str) -> str | None:
        text = cell.strip()
        if not text:
            return None
        try:
            return JenisKelamin.parse(text).value
        except ValueError:
            return None

    def _small(self, key: str, cell: str, label: str) -> str | None:
        value, reason = self.checker.small(key, cell.strip(), label)
        return value if reason is None else None

    def _nik(self, cell: str) -> bool:
        """A 16-digit NIK whose date part is real and serial not 0000 (`check_nik` has no error)."""
        if not _sixteen_digits(cell) or cell.endswith("0000"):
            return False
        part = cell[6:12]
        known = self._nik_dates.get(part)
        if known is None:
            known = not any(f.severity is Severity.ERROR for f in check_nik(cell))
            self._nik_dates[part] = known
        return known

    def _composed(self, parts: tuple[str, ...]) -> str | None:
        value = self._parts.get(parts)
        if value is None:
            value = self.checker.composed(tuple(p.strip() for p in parts))[0]
            if value is not None and len(self._parts) < _CACHE_LIMIT and sum(map(len, parts)) <= 40:
                self._parts[parts] = value
        return value

    def compile(self) -> Callable[[list[str]], CheckedRow | None]:
        """The per-row function for this file's columns."""
        pos = self.positions
        i_nik, i_nama, i_born, i_sex = pos["nik"], pos["nama"], pos["tanggal_lahir"], pos["jenis_kelamin"]
        i_alamat, i_rt, i_rw = pos.get("alamat"), pos.get("rt"), pos.get("rw")
        if "kelurahan_kode" in pos or "no_kel" not in pos:
            i_kel = pos.get("kelurahan_kode")
            parts_at = None
        else:
            i_kel = None
            parts_at = tuple(pos.get(k) for k in ("no_prop", "no_kab", "no_kec", "no_kel"))
        i_kk, i_place, i_status = pos.get("no_kk"), pos.get("tempat_lahir"), pos.get("status_ktp")
        width = self.width
        nik_ok, birth, sex, rt_of, rw_of = self._nik, self.birth, self.sex, self.rt, self.rw
        kelurahan, composed, status_of = self.kelurahan, self._composed, self.status
        default_status = status_of("")

        def cell(row: list[str], index: int | None) -> str:
            return "" if index is None else row[index]

        def fast(row: list[str]) -> CheckedRow | None:
            if len(row) < width:
                return None
            nik = row[i_nik]
            nama = row[i_nama]
            if not (nik_ok(nik) and _clean_name(nama)):
                return None
            born = birth(row[i_born])
            jk = sex(row[i_sex])
            alamat = " ".join(cell(row, i_alamat).split()).upper()
            rt = rt_of(cell(row, i_rt))
            rw = rw_of(cell(row, i_rw))
            if parts_at is None:
                kel = kelurahan(cell(row, i_kel))
            else:
                kel = composed(tuple("" if i is None else row[i] for i in parts_at))
            if born is None or jk is None or rt is None or rw is None or kel is None \
                    or len(alamat) > MAX_ALAMAT_LENGTH:
                return None
            out = CheckedRow(nik=nik, nama=nama, tanggal_lahir=born, jenis_kelamin=jk, alamat=alamat,
                             rt=rt, rw=rw, kelurahan_kode=kel)
            if i_kk is not None:
                kk = row[i_kk]
                if kk and not _sixteen_digits(kk):
                    return None
                out["no_kk"] = kk
            if i_place is not None:
                place = row[i_place]
                if place and not _clean_name(place):
                    return None
                out["tempat_lahir"] = place
            status = default_status if i_status is None else status_of(row[i_status])
            if status is None:
                return None
            out["status_ktp"] = status
            return out

        return fast

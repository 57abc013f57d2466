"""The fast path of the row checks: a row whose cells are already clean text, in a few dict look-ups.

A city's list (1.2 million rows) repeats most of its cells: a few hundred
kelurahan, tens of RT/RW values, about 30,000 birth dates, two sexes. `FastRows`
remembers the answer of `RowChecker` for each such cell and checks the cells
that differ per row (NIK, name, address, KK, place of birth) with one plain test
each. A row that fails any test is not refused here: the caller runs the full
`RowChecker.check` on it, which finds the reasons. So a row gets exactly the
result the full check would give (tests/cli/test_fast_rows.py compares both on the
quirky files). `compile_batch` does the same for many rows a column at a time
(look-ups and whole-cell patterns mapped over a column in C).
"""

from __future__ import annotations

import re
import itertools
import operator
from collections.abc import Callable, Sequence

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
# The same tests as whole-cell patterns, for a column at a time: a clean name of at most
# MAX_NAME_LENGTH characters, an optional one (place of birth), 16 digits not ending in 0000
# (before the date part's check), an optional 16 digits (KK).
_NAME_CELL = re.compile(rf"(?=.{{1,{MAX_NAME_LENGTH}}}\Z){_CLEAN_NAME.pattern}", re.DOTALL)
_PLACE_CELL = re.compile(rf"(?:{_NAME_CELL.pattern})?", re.DOTALL)
_NIK_CELL = re.compile(r"[0-9]{12}(?!0000)[0-9]{4}")
_KK_CELL = re.compile(r"(?:[0-9]{16})?")
_DATE_PART = operator.itemgetter(slice(6, 12))
_CACHE_LIMIT = 200_000


class _Remembered:
    """`compute(cell)` remembered per cell text (answers only: None, 'full check', is asked again)."""

    def __init__(self, compute: Callable[[str], str | None]):
        self.compute = compute
        self.cache: dict[str, str] = {}

    def __call__(self, cell: str) -> str | None:
        value = self.cache.get(cell)
        if value is None:
            value = self.compute(cell)
            if value is not None and len(self.cache) < _CACHE_LIMIT and len(cell) <= 40:
                self.cache[cell] = value
        return value

    def many(self, cells: Sequence[str]) -> list[str | None]:
        """The answers for a column of cells (dict look-ups in C; only new cells computed)."""
        values = list(map(self.cache.get, cells))
        if None in values:
            values = [self(cell) if value is None else value for value, cell in zip(values, cells)]
        return values


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
        self.birth = _Remembered(lambda cell: self._birth(cell))
        self.sex = _Remembered(self._sex)
        self.rt = _Remembered(lambda cell: self._small("rt", cell, "RT"))
        self.rw = _Remembered(lambda cell: self._small("rw", cell, "RW"))
        self.status = _Remembered(lambda cell: self._small("status_ktp", cell, ""))
        self.kelurahan = _Remembered(lambda cell: checker.kelurahan(cell.strip())[0])
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

    def compile_batch(self) -> Callable[[list[list[str]]], list[CheckedRow | None]]:
        """`compile()` for many rows at once, a column at a time: for each row what `fast(row)` gives."""
        fast = self.compile()
        pos, width = self.positions, self.width
        i_nik, i_nama, i_born, i_sex = pos["nik"], pos["nama"], pos["tanggal_lahir"], pos["jenis_kelamin"]
        i_alamat, i_rt, i_rw = pos.get("alamat"), pos.get("rt"), pos.get("rw")
        if "kelurahan_kode" in pos or "no_kel" not in pos:
            i_kel, parts_at = pos.get("kelurahan_kode"), None
        else:
            i_kel, parts_at = None, tuple(pos.get(k) for k in ("no_prop", "no_kab", "no_kec", "no_kel"))
        i_kk, i_place, i_status = pos.get("no_kk"), pos.get("tempat_lahir"), pos.get("status_ktp")
        keys = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
                *(["no_kk"] if i_kk is not None else []), *(["tempat_lahir"] if i_place is not None else []),
                "status_ktp"]
        default_status = self.status("")

        def batch(rows: list[list[str]]) -> list[CheckedRow | None]:
            if not rows or min(map(len, rows)) < width:
                return [fast(row) for row in rows]
            columns = list(zip(*rows))
            blank = ("",) * len(rows)

            def column(index: int | None) -> Sequence[str]:
                return blank if index is None else columns[index]

            alamat = list(map(str.upper, map(" ".join, map(str.split, column(i_alamat)))))
            if parts_at is None:
                kel = self.kelurahan.many(column(i_kel))
            else:
                kel = self._composed_many(list(zip(*(column(i) for i in parts_at))))
            values = [columns[i_nik], columns[i_nama], self.birth.many(columns[i_born]),
                      self.sex.many(columns[i_sex]), alamat, self.rt.many(column(i_rt)),
                      self.rw.many(column(i_rw)), kel]
            tests = [self._niks(columns[i_nik]), list(map(_NAME_CELL.fullmatch, columns[i_nama])), *values[2:4],
                     *values[5:]]
            for index, pattern in ((i_kk, _KK_CELL), (i_place, _PLACE_CELL)):
                if index is not None:
                    values.append(columns[index])
                    tests.append(list(map(pattern.fullmatch, columns[index])))
            values.append([default_status] * len(rows) if i_status is None else self.status.many(columns[i_status]))
            tests.append(values[-1])
            out: list[CheckedRow | None] = list(map(CheckedRow, map(zip, itertools.repeat(keys), zip(*values))))
            if max(map(len, alamat)) > MAX_ALAMAT_LENGTH or any(None in test for test in tests):
                for i, passed in enumerate(zip(*tests)):
                    if None in passed or len(alamat[i]) > MAX_ALAMAT_LENGTH:
                        out[i] = None
            return out

        return batch

    def _niks(self, cells: Sequence[str]) -> list[object]:
        """For each NIK cell, None unless `_nik` passes it."""
        shapes = list(map(_NIK_CELL.fullmatch, cells))
        dates = list(map(self._nik_dates.get, map(_DATE_PART, cells)))
        if None in dates:
            dates = [self._nik(cell) if known is None and shape is not None else known
                     for known, shape, cell in zip(dates, shapes, cells)]
        if None in shapes or None in dates or False in dates:
            return [True if shape is not None and known else None for shape, known in zip(shapes, dates)]
        return shapes

    def _composed_many(self, parts: list[tuple[str, ...]]) -> list[str | None]:
        values = list(map(self._parts.get, parts))
        if None in values:
            values = [self._composed(p) if value is None else value for value, p in zip(values, parts)]
        return values

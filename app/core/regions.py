"""Lookup over the Kemendagri region master data (provinsi to kelurahan/desa).

Codes come dotted (``13.72.01.1001``) or as plain digits (``1372011001``); the
level is the number of parts: provinsi ``PP``, kabupaten/kota ``PP.KK`` (KK
01-69 kabupaten, 71-99 kota), kecamatan ``PP.KK.CC``, kelurahan/desa
``PP.KK.CC.DDDD``. `RegionIndex` is built from ``kode,nama`` CSV lines or
(kode, nama) rows and answers lookups, children, validity and name search
quickly at national scale (about 91,600 rows). Pure: no file access here.
"""

from __future__ import annotations

import csv
import functools
import gc
import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import IntEnum
from typing import Iterable, Iterator

from app.core._text import fold_for_search, is_ascii_digits

MAX_NAME_LENGTH = 100


class RegionLevel(IntEnum):
    PROVINSI = 1
    KABUPATEN = 2
    KECAMATAN = 3
    KELURAHAN = 4

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RegionLevel.PROVINSI: "Provinsi",
    RegionLevel.KABUPATEN: "Kabupaten/Kota",
    RegionLevel.KECAMATAN: "Kecamatan",
    RegionLevel.KELURAHAN: "Kelurahan/Desa",
}


_LEVELS = (None, *RegionLevel)


class RegionImportError(ValueError):
    """Master data that cannot be imported.

    Attributes:
        problems: ``(line_number, reason)`` pairs, reasons in Bahasa Indonesia.
    """

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = list(problems)
        shown = "; ".join(f"baris {line}: {reason}" for line, reason in self.problems[:5])
        more = f" (dan {len(self.problems) - 5} lagi)" if len(self.problems) > 5 else ""
        super().__init__(f"{len(self.problems)} baris data wilayah tidak valid: {shown}{more}")


_DOTTED = re.compile(r"([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{4}))?)?)?")
_PLAIN = re.compile(r"([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{4}))?)?)?")


def _split(code: object) -> tuple[str, ...] | None:
    """The parts of a well-formed code (dotted or digits), or None.

    Well-formed: ASCII digits in parts of 2, 2, 2, 4; provinsi 11-99;
    kabupaten 01-69 or kota 71-99; kecamatan not 00; kelurahan not 0000.
    """
    if not isinstance(code, str) or len(code) > 20:
        return None
    return _split_text(code)


@functools.lru_cache(maxsize=8192)
def _split_text(code: str) -> tuple[str, ...] | None:
    """`_split` of a short text, remembered: a recording's check asks about the same
    few codes a dozen times, and the server checks thousands of recordings of one area."""
    match = (_DOTTED if "." in code else _PLAIN).fullmatch(code.strip())
    if match is None:
        return None
    prov, kab, kec, kel = match.groups()
    if prov < "11":
        return None
    if kab is None:
        return (prov,)
    if kab == "00" or kab == "70":
        return None
    if kec is None:
        return (prov, kab)
    if kec == "00":
        return None
    if kel is None:
        return (prov, kab, kec)
    if kel == "0000":
        return None
    return (prov, kab, kec, kel)


def is_well_formed(code: object) -> bool:
    """True when `code` has the shape of a region code (it may still not exist)."""
    return _split(code) is not None


def level_of(code: object) -> RegionLevel | None:
    """The level of a well-formed code, None for anything else."""
    parts = _split(code)
    return None if parts is None else _LEVELS[len(parts)]


def to_dotted(code: str) -> str:
    """'1372011001' or '13.72.01.1001' -> '13.72.01.1001'; ValueError if malformed."""
    parts = _split(code)
    if parts is None:
        raise ValueError("kode wilayah tidak valid")
    return ".".join(parts)


def to_digits(code: str) -> str:
    """'13.72.01.1001' or '1372011001' -> '1372011001'; ValueError if malformed."""
    parts = _split(code)
    if parts is None:
        raise ValueError("kode wilayah tidak valid")
    return "".join(parts)


def in_area(code: str, area_digits: Iterable[str]) -> bool:
    """Whether kelurahan `code` (dotted or digits) lies in an area given as the digits
    of its region codes (a kecamatan, a kab/kota, or kelurahan): the rule the server's
    target feed applies in SQL and the laptop when its area changes."""
    parts = _split(code)
    if parts is None:
        return False
    digits = "".join(parts)
    return any(digits.startswith(prefix) for prefix in area_digits)


@dataclass(frozen=True, slots=True)
class Region:
    """One region of the master data.

    Attributes:
        kode: dotted Kemendagri code, e.g. ``13.72.01.1001``.
        nama: the official name, whitespace folded.
        level: its `RegionLevel`.
    """

    kode: str
    nama: str
    level: RegionLevel

    @property
    def parent_kode(self) -> str | None:
        """The dotted code one level up; None for a provinsi."""
        cut = self.kode.rfind(".")
        return None if cut < 0 else self.kode[:cut]

    @property
    def digits(self) -> str:
        return self.kode.replace(".", "")

    @property
    def is_kota(self) -> bool:
        """A kota (kabupaten/kota code 71-99); False below or above that level."""
        return self.level is RegionLevel.KABUPATEN and self.kode[3:5] >= "71"

    @property
    def is_kelurahan(self) -> bool:
        """A kelurahan (4-digit part starting with 1); a desa starts with 2."""
        return self.level is RegionLevel.KELURAHAN and self.kode[9] == "1"


class _NameSearch:
    """Per-level name blobs: one str.find over a joined string beats a Python loop."""

    def __init__(self, regions: list[Region]):
        self.regions = regions
        folded = [fold_for_search(r.nama) for r in regions]
        self.folded = folded
        self.starts: list[int] = []
        pos = 1
        for name in folded:
            self.starts.append(pos)
            pos += len(name) + 1
        self.blob = "\x00" + "\x00".join(folded) + "\x00"

    def find(self, pattern: str, shift: int) -> list[int]:
        """Indexes of regions whose folded name contains `pattern` (shifted by `shift`)."""
        out: list[int] = []
        blob, starts, count = self.blob, self.starts, len(self.starts)
        pos = blob.find(pattern)
        while pos != -1:
            i = bisect_right(starts, pos + shift) - 1
            out.append(i)
            if i + 1 >= count:
                break
            pos = blob.find(pattern, starts[i + 1] - 1)
        return out


class RegionIndex:
    """The loaded master data with fast lookups; build it with `from_csv` or `from_rows`."""

    def __init__(self, regions: Iterable[Region] = ()):
        self._by_kode: dict[str, Region] = {}
        self._children: dict[str | None, list[Region]] = {}
        children = self._children
        for region in regions:
            kode = region.kode
            self._by_kode[kode] = region
            cut = kode.rfind(".")
            parent = None if cut < 0 else kode[:cut]
            siblings = children.get(parent)
            if siblings is None:
                children[parent] = [region]
            else:
                siblings.append(region)
        for siblings in self._children.values():
            siblings.sort(key=_kode_key)
        self._search: dict[RegionLevel, _NameSearch] | None = None

    # -- building -------------------------------------------------------------

    @classmethod
    def from_csv(
        cls, lines: Iterable[str], errors: list[tuple[int, str]] | None = None
    ) -> "RegionIndex":
        """Parse ``kode,nama`` CSV text lines (header first; quoted names allowed).

        Bad rows (malformed code, empty or over-long name, duplicate code, child
        whose parent is missing, wrong column count) are appended to `errors` as
        ``(line_number, reason)`` and the good rows kept; with ``errors=None`` any
        bad row raises `RegionImportError`. A missing header always raises.
        """
        reader = csv.reader(iter(lines))
        try:
            header = next(reader)
        except StopIteration:
            raise RegionImportError([(1, "berkas kosong: baris judul 'kode,nama' tidak ada")])
        except csv.Error:
            raise RegionImportError([(1, "baris judul rusak, harus 'kode,nama'")]) from None
        cells = [c.strip().lstrip("\ufeff").lower() for c in header]
        if cells != ["kode", "nama"]:
            raise RegionImportError([(1, "baris judul harus 'kode,nama'")])
        problems: list[tuple[int, str]] = []

        def numbered() -> Iterator[tuple[int, object, object]]:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    problems.append((reader.line_num, f"baris CSV rusak ({exc})"))
                    continue
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # blank line
                if len(row) != 2:
                    problems.append(
                        (reader.line_num, f"jumlah kolom {len(row)}, harus 2 (kode,nama)")
                    )
                    continue
                yield reader.line_num, row[0], row[1]

        return cls._build(numbered(), problems, errors)

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str]], errors: list[tuple[int, str]] | None = None
    ) -> "RegionIndex":
        """Build from ``(kode, nama)`` pairs; bad rows as in `from_csv`, numbered from 1."""
        problems: list[tuple[int, str]] = []

        def numbered() -> Iterator[tuple[int, object, object]]:
            for number, row in enumerate(rows, start=1):
                try:
                    kode, nama = row
                except (TypeError, ValueError):
                    problems.append((number, "baris harus berisi dua nilai: kode dan nama"))
                    continue
                yield number, kode, nama

        return cls._build(numbered(), problems, errors)

    @classmethod
    def _build(
        cls,
        numbered: Iterable[tuple[int, object, object]],
        problems: list[tuple[int, str]],
        errors: list[tuple[int, str]] | None,
    ) -> "RegionIndex":
        # Creating ~90,000 objects triggers the cyclic GC over and over (about a
        # third of the import time); none of them can form cycles, so pause it.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._build_unpaused(numbered, problems, errors)
        finally:
            if gc_was_enabled:
                gc.enable()

    @classmethod
    def _build_unpaused(
        cls,
        numbered: Iterable[tuple[int, object, object]],
        problems: list[tuple[int, str]],
        errors: list[tuple[int, str]] | None,
    ) -> "RegionIndex":
        levels = _LEVELS
        split = _split
        accepted: dict[str, tuple[int, Region]] = {}
        confirmed: set[str] = set()  # accepted, with every ancestor present
        pending: list[tuple[int, Region]] = []  # parent not (yet) confirmed
        for line, kode, nama in numbered:
            parts = split(kode)
            if parts is None:
                problems.append((line, f"kode wilayah tidak valid: {_short(kode)}"))
                continue
            name = " ".join(nama.split()) if isinstance(nama, str) else ""
            if not name:
                problems.append((line, "nama wilayah kosong"))
                continue
            if len(name) > MAX_NAME_LENGTH:
                problems.append((line, f"nama wilayah lebih dari {MAX_NAME_LENGTH} karakter"))
                continue
            dotted = ".".join(parts)
            first = accepted.get(dotted)
            if first is not None:
                problems.append((line, f"kode {dotted} ganda (sudah ada di baris {first[0]})"))
                continue
            region = Region(dotted, name, levels[len(parts)])
            accepted[dotted] = (line, region)
            if len(parts) == 1 or ".".join(parts[:-1]) in confirmed:
                confirmed.add(dotted)
            else:
                pending.append((line, region))
        # Rows whose parent came later or never: parents first, so a child of a
        # rejected parent is rejected too.
        rejected: set[str] = set()
        pending.sort(key=lambda item: item[1].level)
        for line, region in pending:
            parent = region.parent_kode
            if parent in confirmed:
                confirmed.add(region.kode)
            else:
                rejected.add(region.kode)
                problems.append((line, f"induk {parent} tidak ada untuk kode {region.kode}"))
        problems.sort(key=lambda p: p[0])
        if problems:
            if errors is None:
                raise RegionImportError(problems)
            errors.extend(problems)
        return cls(region for _, region in accepted.values() if region.kode not in rejected)

    # -- lookups --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_kode)

    def __contains__(self, kode: object) -> bool:
        return self.get(kode) is not None

    def __iter__(self) -> Iterator[Region]:
        """Every region, parents before children, in code order."""
        stack = list(reversed(self._children.get(None, [])))
        while stack:
            region = stack.pop()
            yield region
            stack.extend(reversed(self._children.get(region.kode, [])))

    def get(self, kode: object) -> Region | None:
        """The region with this code (dotted or digits); None if unknown or malformed."""
        if isinstance(kode, str):
            region = self._by_kode.get(kode)
            if region is not None:
                return region
        parts = _split(kode)
        return None if parts is None else self._by_kode.get(".".join(parts))

    def children(self, kode: object = None) -> list[Region]:
        """Direct children in code order; ``None`` gives the provinces."""
        if kode is None:
            return list(self._children.get(None, []))
        region = self.get(kode)
        return [] if region is None else list(self._children.get(region.kode, []))

    def lineage(self, kode: object) -> list[Region]:
        """The region and its ancestors, provinsi first; [] if unknown."""
        out: list[Region] = []
        region = self.get(kode)
        while region is not None:
            out.append(region)
            parent = region.parent_kode
            region = None if parent is None else self._by_kode.get(parent)
        out.reverse()
        return out

    def is_valid(self, kode: object, level: RegionLevel | int | None = None) -> bool:
        """True when the code exists (at `level`, if given)."""
        region = self.get(kode)
        return region is not None and (level is None or region.level == level)

    def kecamatan_for_nik_prefix(self, digits6: object) -> Region | None:
        """The kecamatan whose code is the 6 ASCII digits (a NIK or KK prefix)."""
        if not (isinstance(digits6, str) and len(digits6) == 6 and is_ascii_digits(digits6)):
            return None
        return self._by_kode.get(f"{digits6[:2]}.{digits6[2:4]}.{digits6[4:]}")

    def counts_by_level(self) -> dict[RegionLevel, int]:
        counts = {level: 0 for level in RegionLevel}
        for region in self._by_kode.values():
            counts[region.level] += 1
        return counts

    # -- search ---------------------------------------------------------------

    def search(
        self, text: object, level: RegionLevel | int | None = None, limit: int = 20
    ) -> list[Region]:
        """Regions whose name contains `text`, ignoring case, accents and punctuation.

        Ranked: exact name, then name prefix, then word prefix, then elsewhere;
        within a rank, higher levels first, then by name and code.
        """
        if not isinstance(text, str) or limit <= 0:
            return []
        query = fold_for_search(text[:MAX_NAME_LENGTH])
        if not query:
            return []
        if self._search is None:
            by_level: dict[RegionLevel, list[Region]] = {lv: [] for lv in RegionLevel}
            for region in self._by_kode.values():
                by_level[region.level].append(region)
            self._search = {lv: _NameSearch(rs) for lv, rs in by_level.items()}
        levels = list(RegionLevel) if level is None else [RegionLevel(level)]
        # Each pass: patterns in the "\x00name\x00..." blob; exact, name prefix,
        # word prefix, anywhere. "Kabupaten Solok" counts as an exact "solok".
        passes = (
            ["\x00" + p + query + "\x00" for p in _TYPE_PREFIXES],
            ["\x00" + p + query for p in _TYPE_PREFIXES],
            [" " + query],
            [query],
        )
        found: list[Region] = []
        seen: set[str] = set()
        for patterns in passes:
            shift = 0 if patterns[0] == query else 1
            for lv in levels:
                index = self._search[lv]
                bucket = {
                    index.regions[i]
                    for pattern in (patterns if lv is RegionLevel.KABUPATEN else patterns[:1])
                    for i in index.find(pattern, shift)
                }
                ordered = sorted(
                    (r for r in bucket if r.kode not in seen), key=lambda r: (r.nama, r.kode)
                )
                seen.update(r.kode for r in ordered)
                found.extend(ordered)
                if len(found) >= limit:
                    return found[:limit]
        return found


# How kabupaten/kota names start in the master data (folded); "" = the bare name.
_TYPE_PREFIXES = ("", "kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ")


def _kode_key(region: Region) -> str:
    return region.kode


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 32 else text[:29] + "..."

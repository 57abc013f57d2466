"""A device's area: the region codes whose targets its feed carries, and the epoch of its changes.

An area is one region code (a kab/kota, a kecamatan, or a kelurahan) or a list
of kelurahan codes. It is stored as the codes' digits in ``device_areas``; a
target is in the area when its kelurahan digits start with one of them
(`app.core.regions.in_area`, in SQL as a range per code so an index serves it).

``devices.area_epoch`` moves each time the admin changes the area. The target
feed's cursor carries the epoch it was made under (`cursor_of`, `split_cursor`):
a cursor from an older epoch restarts the feed at the beginning of the new area,
so the first pull after a change brings every target of the new area, for old
clients too (they only echo the cursor back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.core.regions import RegionLevel, level_of, to_digits, to_dotted
from sync.server import tables

MAX_CODES = 200
"""Kelurahan codes one device may hold (a kecamatan code covers more in one)."""

EPOCH_SHIFT = 40
"""A target cursor is ``epoch << EPOCH_SHIFT | seq``: room for 10^12 target changes;
epochs stay far below the feed's cursor limit of 2^62."""

_LABEL_MAX = 20  # devices.area_kode


class AreaError(ValueError):
    """An area the admin typed that is not one (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class Area:
    epoch: int
    digits: tuple[str, ...]  # sorted

    @property
    def codes(self) -> list[str]:
        return [to_dotted(d) for d in self.digits]


def parse_area(text: str) -> list[str]:
    """'16.71.01' or '16.71.01.1001, 16.71.01.1002' -> the dotted codes, sorted, once each."""
    words = [w for w in re.split(r"[\s,;]+", text or "") if w]
    if not words:
        raise AreaError("kode wilayah wajib diisi (contoh: 13.72.01 atau 13.72.01.1001,13.72.01.1002)")
    bad = [w for w in words if level_of(w) is None]
    if bad:
        raise AreaError(f"kode wilayah tidak valid: {bad[0][:20]} (contoh: 13.72 atau 13.72.01)")
    codes = sorted({to_dotted(w) for w in words})
    if len(codes) > 1 and any(level_of(c) is not RegionLevel.KELURAHAN for c in codes):
        raise AreaError("beberapa kode hanya boleh kode kelurahan/desa; untuk satu kecamatan tulis satu kode")
    if len(codes) > MAX_CODES:
        raise AreaError(f"paling banyak {MAX_CODES} kode kelurahan/desa per perangkat")
    return codes


def area_label(codes: list[str]) -> str:
    """The area as shown (``devices.area_kode``, at most 20 characters): the code, or
    the first kelurahan and how many more ('16.71.01.1001 +3')."""
    label = codes[0] if len(codes) == 1 else f"{codes[0]} +{len(codes) - 1}"
    return label[:_LABEL_MAX]


def area_digits(kode: str) -> str:
    """'13.72.01' or '137201' -> '137201' (the prefix used for area matching)."""
    return "".join(ch for ch in kode if ch.isdigit())


def store_area(conn: Connection, device_id: int, codes: list[str]) -> None:
    """Replace a device's area rows with `codes` (the caller's transaction)."""
    conn.execute(sa.delete(tables.device_areas).where(tables.device_areas.c.device_id == device_id))
    conn.execute(sa.insert(tables.device_areas), [{"device_id": device_id, "digits": to_digits(c)} for c in codes])


_d, _a = tables.devices, tables.device_areas
_AREA_OF = (sa.select(_d.c.area_epoch, _a.c.digits)
            .select_from(_d.outerjoin(_a, _a.c.device_id == _d.c.id))
            .where(_d.c.id == sa.bindparam("b_id")))


def area_of(conn: Connection, device_id: int, fallback_digits: str) -> Area:
    """A device's area and epoch, read in one statement (consistent with a change being made)."""
    rows = conn.execute(_AREA_OF, {"b_id": device_id}).all()
    epoch = rows[0].area_epoch if rows else 0
    digits = tuple(sorted(r.digits for r in rows if r.digits)) or (fallback_digits,)
    return Area(epoch, digits)


def in_area_clause(column: sa.ColumnElement, digits: tuple[str, ...]) -> sa.ColumnElement:
    """SQL for `app.core.regions.in_area` on a digits column: a range per prefix
    ('137201' <= x < '137201:'; ':' follows '9'), which an index on the column serves."""
    return sa.or_(*[sa.and_(column >= prefix, column < prefix + ":") for prefix in digits])


def cursor_of(epoch: int, seq: int) -> int:
    return (epoch << EPOCH_SHIFT) | seq


def split_cursor(cursor: int) -> tuple[int, int]:
    """(epoch, seq) of a target cursor."""
    return cursor >> EPOCH_SHIFT, cursor & ((1 << EPOCH_SHIFT) - 1)

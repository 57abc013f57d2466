"""Region master data (provinsi to kelurahan) kept in the profile, loaded as a `RegionIndex`.

Rows are checked by `app.core.regions` before anything is written; a
replacement swaps the whole table in one transaction, so the laptop never holds
half of an old list and half of a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from app.core.regions import Region, RegionIndex, RegionLevel
from app.store.audit import AuditLog

if TYPE_CHECKING:
    from app.store.database import Store


def replace_regions(
    store: "Store", rows: Iterable[Any], *, errors: list[tuple[int, str]] | None = None
) -> int:
    """Replace the master data with `rows` ((kode, nama) pairs, `Region`s or a `RegionIndex`).

    Bad rows raise `RegionImportError` (nothing is written), or with an
    `errors` list are reported there and skipped. Returns the number stored.
    """
    if isinstance(rows, RegionIndex):
        index = rows
    else:
        pairs = ((r.kode, r.nama) if isinstance(r, Region) else r for r in rows)
        index = RegionIndex.from_rows(pairs, errors=errors)
    return _write(store, index)


def import_regions_csv(
    store: "Store", lines: Iterable[str], *, errors: list[tuple[int, str]] | None = None
) -> int:
    """Replace the master data from ``kode,nama`` CSV lines; returns the number stored."""
    return _write(store, RegionIndex.from_csv(lines, errors=errors))


def _write(store: "Store", index: RegionIndex) -> int:
    with store.transaction() as db:
        db.conn.execute("DELETE FROM regions")
        db.conn.executemany(
            "INSERT INTO regions (kode, nama, level, parent_kode) VALUES (?, ?, ?, ?)",
            ((r.kode, r.nama, int(r.level), r.parent_kode) for r in index),
        )
        AuditLog(store).append("regions.replaced", detail={"count": len(index)})
    return len(index)


def load_region_index(store: "Store") -> RegionIndex:
    """The stored master data as a `RegionIndex` (empty if none was imported)."""
    rows = store.query("SELECT kode, nama, level FROM regions")
    return RegionIndex(Region(kode, nama, RegionLevel(level)) for kode, nama, level in rows)


def region_count(store: "Store") -> int:
    return store.query("SELECT count(*) FROM regions")[0][0]

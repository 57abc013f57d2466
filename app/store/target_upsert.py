"""Upserting checked target rows, many rows per statement.

One ``INSERT ... VALUES (...), (...), ... ON CONFLICT (nik) DO UPDATE`` carries
up to `ROWS_PER_STATEMENT` rows, so SQLite writes the whole run in one step
without Python's lock: a reader thread checks the next rows meanwhile
(`app.store.read_ahead`). ``executemany`` takes the lock back after every row
and, with another thread busy in Python, waits for it each time (a 200,000-row
import spent most of its time there).

Unchanged rows are not rewritten. A column a source does not give (None:
``recorded_elsewhere`` outside the server's feed, ``no_kk`` and
``tempat_lahir`` outside files with those columns) keeps what the table holds
(its default for a new NIK): rows are written in runs of the same given
columns, in their order, so a NIK twice in one call ends as the later row says.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterator
from typing import Any

FIELDS = (
    "nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw",
    "kelurahan_kode", "status_ktp", "source",
)
KEPT_IF_ABSENT = ("recorded_elsewhere", "no_kk", "tempat_lahir")
"""Columns a source may not know; after `FIELDS` and updated_at in a row tuple (`app.store.targets.target_row`)."""
ROW_WIDTH = len(FIELDS) + 1 + len(KEPT_IF_ABSENT)
ROWS_PER_STATEMENT = 2000  # 14 parameters a row: under SQLite's default limit of 32,766 a statement

_KEPT_AT = range(len(FIELDS) + 1, ROW_WIDTH)
_given_of = operator.itemgetter(*_KEPT_AT)


def _given(row: tuple) -> tuple[bool, ...]:
    return tuple(value is not None for value in _given_of(row))


@functools.lru_cache(maxsize=32)
def upsert_sql(given: tuple[bool, ...], rows: int) -> str:
    """The statement for `rows` rows that give the `KEPT_IF_ABSENT` columns flagged in `given`."""
    kept = [name for name, present in zip(KEPT_IF_ABSENT, given) if present]
    columns = [*FIELDS, "updated_at", *kept]
    one = "(" + ", ".join("?" * len(columns)) + ")"
    changed = [*FIELDS[1:], *kept]
    return (
        f"INSERT INTO targets ({', '.join(columns)}) VALUES {', '.join([one] * rows)}"
        f" ON CONFLICT (nik) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in (*changed, 'updated_at'))}"
        f" WHERE {' OR '.join(f'targets.{c} IS NOT excluded.{c}' for c in changed)}"
    )


def _parameters(given: tuple[bool, ...], rows: list[tuple]) -> list[Any]:
    """The rows' values in statement order (the columns not given left out)."""
    if all(given):
        return list(itertools.chain.from_iterable(rows))
    keep = operator.itemgetter(*range(len(FIELDS) + 1), *(i for i, g in zip(_KEPT_AT, given) if g))
    return list(itertools.chain.from_iterable(map(keep, rows)))


def _runs(rows: list[tuple]) -> Iterator[tuple[tuple[bool, ...], list[tuple]]]:
    """(given columns, rows) for each run of rows giving the same columns, in order."""
    if rows:
        columns = list(zip(*map(_given_of, rows)))
        if all(column.count(None) in (0, len(rows)) for column in columns):  # one run (the usual case)
            yield _given(rows[0]), rows
            return
    for given, run in itertools.groupby(rows, key=_given):
        yield given, list(run)


def upsert_rows(conn: Any, rows: list[tuple]) -> None:
    """Insert or update `rows` (tuples of `ROW_WIDTH` values, as `target_row` makes them), in order."""
    for given, same in _runs(rows):
        for start in range(0, len(same), ROWS_PER_STATEMENT):
            part = same[start:start + ROWS_PER_STATEMENT]
            conn.execute(upsert_sql(given, len(part)), _parameters(given, part))

"""Many keys or rows in one statement whose SQL text does not depend on how many.

On PostgreSQL a list of keys is one array parameter (``column = ANY(:keys)``) and
many rows are one ``INSERT ... SELECT FROM unnest(arrays)`` or ``UPDATE ... FROM
unnest(arrays)``: the statement's text is the same for 1 or 500 keys, so the
driver converts it once (psycopg caches the conversion by text) and prepares it
after a few uses on a connection (no parse and plan on the database each time).
``IN (:k1, :k2, ...)`` and multi-row ``VALUES`` give a new text for every count:
converted, parsed and planned from nothing each time (measured: a third of a
worker's CPU on a batch of recordings).

On SQLite (in-process: no round trips, statements cheap to prepare) the same
constructs are ``IN (...)`` and ``executemany``.
"""

from __future__ import annotations

from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


IN_CHUNK = 500  # keys per IN (...) query: far below every backend's parameter limit


def chunks(values: list, size: int = IN_CHUNK) -> Iterable[list]:
    """`values` in slices of at most `size` (for IN queries and executemany)."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


class OneOf(ColumnElement):
    """``column IN (the list given as parameter `name`)``, rendered per database (module doc)."""

    inherit_cache = True
    type = sa.Boolean()
    _is_implicitly_boolean = True
    """A comparison already: without this, SQLite (no native boolean) got ``key IN (...) = 1``
    in a WHERE clause, which no index answers (every bundle and batch scanned whole tables)."""
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("name", InternalTraversal.dp_string)]

    def __init__(self, column: sa.ColumnElement, name: str):
        self.column = column
        self.name = name


def one_of(column: sa.ColumnElement, name: str) -> OneOf:
    """A condition: `column`'s value is in the list passed as parameter `name` (a list or
    tuple; an empty one matches nothing). The statement built with it is built once and
    executed with ``{name: [...]}``."""
    return OneOf(column, name)


@compiles(OneOf)
def _one_of_default(element: OneOf, compiler, **kw: Any) -> str:  # noqa: ANN001
    return compiler.process(element.column.in_(sa.bindparam(element.name, expanding=True)), **kw)


def _element_type(column_type: sa.types.TypeEngine) -> sa.types.TypeEngine:
    """The type an array parameter for a column holds: no length (a cast to ``VARCHAR(36)[]``
    would cut a longer value silently, and a key cut short could match another row's) and
    64-bit integers (a cast to ``INTEGER[]`` fails on a large value instead of finding nothing);
    the comparison or the column's own assignment judges the value."""
    if isinstance(column_type, sa.String):
        return sa.String()
    if isinstance(column_type, sa.Integer):
        return sa.BigInteger()
    return column_type


@compiles(OneOf, "postgresql")
def _one_of_postgresql(element: OneOf, compiler, **kw: Any) -> str:  # noqa: ANN001
    keys = sa.bindparam(element.name, type_=ARRAY(_element_type(element.column.type)))
    return compiler.process(element.column == sa.any_(keys), **kw)


def _unnest(table: sa.Table, names: Iterable[str], prefix: str):  # noqa: ANN202
    """``unnest(:prefix_a, :prefix_b, ...)`` as a table with columns named like `table`'s,
    each parameter an array (`_element_type` of that column)."""
    names = tuple(names)
    types = {n: _element_type(table.c[n].type) for n in names}
    return (sa.func.unnest(*[sa.bindparam(f"{prefix}{n}", type_=ARRAY(types[n])) for n in names])
            .table_valued(*[sa.column(n, types[n]) for n in names]).render_derived())


_STATEMENTS: dict[tuple, Any] = {}


def _built(shape: tuple, build) -> Any:  # noqa: ANN001
    """One statement object per shape (SQLAlchemy then reuses its compiled form)."""
    stmt = _STATEMENTS.get(shape)
    if stmt is None:
        stmt = _STATEMENTS.setdefault(shape, build())
    return stmt


def update_rows(conn: Connection, table: sa.Table, key: str, rows: list[dict]) -> None:
    """Set each row's other columns where `key` matches (every row has the same keys):
    on PostgreSQL one ``UPDATE ... FROM unnest(arrays)`` (one statement, whatever the
    count), elsewhere an ``executemany``."""
    if not rows:
        return
    columns = tuple(n for n in rows[0] if n != key)
    dialect = conn.dialect.name

    def build() -> sa.Update:
        if dialect == "postgresql":
            given = _unnest(table, (key, *columns), "u_")
            return sa.update(table).where(table.c[key] == given.c[key]).values({n: given.c[n] for n in columns})
        return (sa.update(table).where(table.c[key] == sa.bindparam(f"u_{key}"))
                .values({n: sa.bindparam(f"u_{n}") for n in columns}))

    stmt = _built(("update", dialect, table.name, key, columns), build)
    if dialect == "postgresql":
        conn.execute(stmt, {f"u_{n}": [row[n] for row in rows] for n in (key, *columns)})
    else:
        conn.execute(stmt, [{f"u_{n}": v for n, v in row.items()} for row in rows])


def insert_rows(conn: Connection, table: sa.Table, rows: list[dict],
                returning: tuple[str, ...] = ()) -> list[sa.Row]:
    """Insert `rows` (every row has the same keys); the `returning` columns of the new rows
    (in no particular order). On PostgreSQL one ``INSERT ... SELECT FROM unnest(arrays)``,
    elsewhere a multi-row insert."""
    if not rows:
        return []
    names = tuple(rows[0])
    dialect = conn.dialect.name

    def build() -> sa.Insert:
        if dialect == "postgresql":
            given = _unnest(table, names, "i_")
            stmt = sa.insert(table).from_select(names, sa.select(*[given.c[n] for n in names]))
        else:
            stmt = sa.insert(table)
        return stmt.returning(*[table.c[n] for n in returning]) if returning else stmt

    stmt = _built(("insert", dialect, table.name, names, returning), build)
    if dialect == "postgresql":
        result = conn.execute(stmt, {f"i_{n}": [row[n] for row in rows] for n in names})
    else:
        result = conn.execute(stmt, rows)
    return result.all() if returning else []

"""`sync.server.row_sql` on SQLite and PostgreSQL: a list of keys and many rows in one
statement whose SQL text does not change with the count (PostgreSQL: arrays), and the
values come back exactly as given (quotes, backslashes, NULLs, non-ASCII, dates, flags)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from sync.server.row_sql import insert_rows, one_of, update_rows

meta = sa.MetaData()
things = sa.Table(
    "things", meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("body", sa.Text),
    sa.Column("day", sa.Date),
    sa.Column("at", sa.DateTime),
    sa.Column("flag", sa.Boolean, nullable=False),
    sa.Column("big", sa.BigInteger),
)

ODD = ['he said "hi"', "back\\slash \\\\ and \\\"", "{curly,braces}", "NULL", "", "'quote'", "kebun jeruk ✓ é",
       "semi;colon", "tab\there", "x" * 20_000]


def _engine(url: str):
    from sync.server.db_engine import make_engine

    engine = make_engine(url)
    meta.create_all(engine)
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    engine = _engine(request.getfixturevalue("postgres_url") if request.param == "postgresql"
                     else f"sqlite:///{tmp_path / 'rows.sqlite'}")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(postgres_url):
    """PostgreSQL only: SQLite keeps IN (...) and executemany (in-process, no round trips)."""
    engine = _engine(postgres_url)
    yield engine
    engine.dispose()


def _rows(n: int) -> list[dict]:
    return [{"key": f"k{i:05d}", "body": ODD[i % len(ODD)] if i % 7 else None,
             "day": dt.date(2026, 1, 1) + dt.timedelta(days=i) if i % 3 else None,
             "at": dt.datetime(2026, 12, 3, 20, 15, i % 60, 123456), "flag": bool(i % 2), "big": 2 ** 40 + i}
            for i in range(n)]


def test_rows_go_in_and_come_back_exactly(engine):
    rows = _rows(300)
    with engine.begin() as conn:
        ids = dict(insert_rows(conn, things, rows, returning=("key", "id")))
        assert sorted(ids) == [r["key"] for r in rows]
        assert len(set(ids.values())) == 300
        assert insert_rows(conn, things, []) == []
        held = {row.key: row._asdict() for row in conn.execute(sa.select(things))}
    for row in rows:
        got = held[row["key"]]
        assert got["id"] == ids[row["key"]]
        assert {k: got[k] for k in row} == row


def test_a_column_of_nulls_only(engine):
    rows = [{"key": f"n{i}", "body": None, "day": None, "at": None, "flag": False, "big": None} for i in range(3)]
    with engine.begin() as conn:
        insert_rows(conn, things, rows)
        assert conn.execute(sa.select(sa.func.count()).select_from(things)
                            .where(things.c.body.is_(None), things.c.day.is_(None))).scalar_one() == 3


def test_one_of_matches_exactly_the_listed_keys(engine):
    with engine.begin() as conn:
        insert_rows(conn, things, _rows(50))
    stmt = sa.select(things.c.key).where(one_of(things.c.key, "b_keys")).order_by(things.c.key)
    with engine.connect() as conn:
        assert conn.execute(stmt, {"b_keys": []}).scalars().all() == []
        assert conn.execute(stmt, {"b_keys": ["k00003"]}).scalars().all() == ["k00003"]
        wanted = [f"k{i:05d}" for i in range(0, 60, 4)] + ["absent", 'k"00001', "k00001'--"]
        assert conn.execute(stmt, {"b_keys": wanted}).scalars().all() == [f"k{i:05d}" for i in range(0, 50, 4)]
        ids = conn.execute(sa.select(things.c.id).where(one_of(things.c.id, "b_ids")), {"b_ids": [1, 2, 10**12]})
        assert sorted(ids.scalars()) == [1, 2]


def test_one_of_is_answered_by_the_index(engine):
    """The list condition stays a plain comparison the key's index answers: on SQLite it was once
    rendered ``key IN (...) = 1``, and every bundle scanned whole tables as the server filled."""
    with engine.begin() as conn:
        insert_rows(conn, things, _rows(2000))
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE things")
    texts: list[tuple[str, object]] = []
    sa.event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, params, *a: texts.append((sql, params)))
    with engine.connect() as conn:
        conn.execute(sa.select(things.c.id).where(one_of(things.c.key, "b_keys"), things.c.flag == sa.true()),
                     {"b_keys": ["k00003", "k00004"]})
        sql, params = texts[-1]
        explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
        plans = [" ".join(map(str, row)) for row in conn.exec_driver_sql(explain + sql, params)]
    plan = "\n".join(plans)
    if engine.dialect.name == "sqlite":
        assert "SEARCH things USING INDEX" in plan, plan
        assert "SCAN things" not in plan, plan
    else:
        assert "Index" in plan and "Seq Scan" not in plan, plan


def test_update_rows_sets_each_rows_own_values(engine):
    before = _rows(40)
    with engine.begin() as conn:
        ids = dict(insert_rows(conn, things, before, returning=("key", "id")))
        update_rows(conn, things, "id", [{"id": ids[f"k{i:05d}"], "body": f'baru "{i}" \\', "flag": True}
                                         for i in range(0, 40, 2)])
        held = {row.key: row for row in conn.execute(sa.select(things))}
    for i, old in enumerate(before):
        row = held[old["key"]]
        if i % 2 == 0:
            assert (row.body, row.flag, row.day) == (f'baru "{i}" \\', True, old["day"])
        else:
            assert (row.body, row.flag) == (old["body"], old["flag"])


def test_a_value_too_long_for_its_column_is_refused_not_cut(engine):
    """A key longer than its column finds nothing (never a row whose key is its first part),
    and a row with a value too long for its column is refused as a plain INSERT refuses it."""
    with engine.begin() as conn:
        insert_rows(conn, things, _rows(3))
    stmt = sa.select(things.c.key).where(one_of(things.c.key, "b_keys"))
    with engine.connect() as conn:
        assert conn.execute(stmt, {"b_keys": ["k00001" + "x" * 64]}).all() == []
    if engine.dialect.name == "postgresql":  # SQLite does not enforce VARCHAR lengths at all
        with pytest.raises(sa.exc.DataError), engine.begin() as conn:
            insert_rows(conn, things, [dict(_rows(1)[0], key="y" * 65)])
        with pytest.raises(sa.exc.DataError), engine.begin() as conn:
            update_rows(conn, things, "key", [{"key": "k00001", "body": None, "big": 2 ** 70}])


def test_postgresql_text_does_not_change_with_the_count(pg_engine):
    """The reason for all this: one SQL text per statement, whatever the number of keys or
    rows (the driver's and the database's statement caches then hold)."""
    engine = pg_engine
    texts: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, *a: texts.append(sql))
    stmt = sa.select(things.c.id).where(one_of(things.c.key, "b_keys"))
    with engine.begin() as conn:
        for n in (1, 7, 300):
            rows = [dict(row, key=f"p{n}-{i}") for i, row in enumerate(_rows(n))]
            insert_rows(conn, things, rows, returning=("id",))
            conn.execute(stmt, {"b_keys": [row["key"] for row in rows]})
            update_rows(conn, things, "key", [{"key": row["key"], "flag": True} for row in rows])
    assert len(texts) == 9
    assert len(set(texts)) == 3, "one text per statement"
    assert all("ANY" in t or "unnest" in t for t in texts)

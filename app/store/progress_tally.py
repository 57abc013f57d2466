"""Counts of the target list kept up to date by triggers, so Laporan adds up a city without reading it.

Three small tables (migration ``0020_progress_summary``): targets and those
another team recorded (``recorded_elsewhere``) per RT (`target_area_tally`),
per birth date (`target_born_tally`: a derived category is a range of birth
dates, so its count is a sum over at most ~30,000 dates), and per marked
category and latest outcome of a NIK on the list (`target_mark_tally`). The
triggers on ``targets``, ``target_categories`` and ``target_outcomes`` change
them in the writing statement's own transaction, so they always agree with the
rows. What was recorded here is not in them: it is a small set
(`app.store.progress_query` reads it live).

A bulk import drops the triggers on ``targets`` with its indexes
(`app.store.targets`); `REBUILD` recounts the tables when they are recreated,
in that same transaction (and a crash before it is repaired the same way).
A count may reach 0 and stay: readers skip such rows.
"""

from __future__ import annotations

TABLES = """
CREATE TABLE target_area_tally (
    kelurahan_kode TEXT NOT NULL, rw TEXT NOT NULL, rt TEXT NOT NULL,
    targets INTEGER NOT NULL, elsewhere INTEGER NOT NULL,
    PRIMARY KEY (kelurahan_kode, rw, rt)
) WITHOUT ROWID;
CREATE TABLE target_born_tally (
    tanggal_lahir TEXT NOT NULL PRIMARY KEY,  -- '' for a target without a birth date
    targets INTEGER NOT NULL, elsewhere INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE target_mark_tally (
    kind TEXT NOT NULL CHECK (kind IN ('category', 'outcome')), value TEXT NOT NULL,
    targets INTEGER NOT NULL, elsewhere INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
) WITHOUT ROWID;
"""

COVERING_INDEXES = """
CREATE INDEX recordings_progress ON recordings(status, nik, created_at, operator, uuid);
CREATE INDEX visit_outcomes_work ON visit_outcomes(outcome, visited_at, operator);
"""
"""What Laporan reads of the recordings and visit outcomes, on indexes alone (no row of a recording,
with its payload, is read to count it)."""

_ADD = " ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere"


def _count(row: str, sign: str) -> list[str]:
    """Statements adding (`sign` '+') or taking away ('-') the target `row` ('new' or 'old') in every tally."""
    one, re = f"{sign}1", f"{sign}{row}.recorded_elsewhere"
    return [
        f"INSERT INTO target_area_tally VALUES ({row}.kelurahan_kode, {row}.rw, {row}.rt, {one}, {re}){_ADD};",
        f"INSERT INTO target_born_tally VALUES (coalesce({row}.tanggal_lahir, ''), {one}, {re}){_ADD};",
        f"INSERT INTO target_mark_tally SELECT 'category', category, {one}, {re} FROM target_categories"
        f" WHERE nik = {row}.nik{_ADD};",
        f"INSERT INTO target_mark_tally SELECT 'outcome', outcome, {one}, {re} FROM target_outcomes"
        f" WHERE nik = {row}.nik{_ADD};",
    ]


def _mark(kind: str, column: str, row: str, sign: str) -> str:
    """The statement counting (or uncounting) one category/outcome row, when its NIK is on the list."""
    return (f"INSERT INTO target_mark_tally SELECT '{kind}', {row}.{column}, {sign}1, {sign}recorded_elsewhere"
            f" FROM targets WHERE nik = {row}.nik{_ADD};")


def _trigger(name: str, event: str, table: str, body: list[str], when: str = "") -> str:
    return (f"CREATE TRIGGER {name} AFTER {event} ON {table}{f' WHEN {when}' if when else ''} BEGIN "
            + " ".join(body) + " END")


_TARGET_COLUMNS = ("nik", "kelurahan_kode", "rw", "rt", "tanggal_lahir", "recorded_elsewhere")
TARGET_TRIGGERS = [
    _trigger("targets_tally_ai", "INSERT", "targets", _count("new", "+")),
    _trigger("targets_tally_ad", "DELETE", "targets", _count("old", "-")),
    _trigger("targets_tally_au", f"UPDATE OF {', '.join(_TARGET_COLUMNS)}", "targets",
             _count("old", "-") + _count("new", "+"),
             when=" OR ".join(f"old.{c} IS NOT new.{c}" for c in _TARGET_COLUMNS)),
]
"""The triggers on ``targets`` (a bulk import drops and recreates them with its indexes)."""

MARK_TRIGGERS = [
    trigger
    for table, kind, column in (("target_categories", "category", "category"), ("target_outcomes", "outcome", "outcome"))
    for trigger in (
        _trigger(f"{table}_tally_ai", "INSERT", table, [_mark(kind, column, "new", "+")]),
        _trigger(f"{table}_tally_ad", "DELETE", table, [_mark(kind, column, "old", "-")]),
        _trigger(f"{table}_tally_au", f"UPDATE OF nik, {column}", table,
                 [_mark(kind, column, "old", "-"), _mark(kind, column, "new", "+")],
                 when=f"old.nik IS NOT new.nik OR old.{column} IS NOT new.{column}"),
    )
]

_ADD_SELECTED = " WHERE true" + _ADD  # (an INSERT ... SELECT before ON CONFLICT needs a WHERE)
REBUILD = [
    # Each count on a covering index (area, birth date); those another team recorded on their small
    # partial index. No table row is read but theirs.
    "DELETE FROM target_area_tally",
    "INSERT INTO target_area_tally SELECT kelurahan_kode, rw, rt, count(*), 0 FROM targets"
    " GROUP BY kelurahan_kode, rw, rt",
    "UPDATE target_area_tally SET elsewhere = e.n FROM (SELECT kelurahan_kode AS k, rw AS w, rt AS r, count(*) AS n"
    " FROM targets WHERE recorded_elsewhere = 1 GROUP BY kelurahan_kode, rw, rt) AS e"
    " WHERE kelurahan_kode = e.k AND rw = e.w AND rt = e.r",
    "DELETE FROM target_born_tally",
    "INSERT INTO target_born_tally SELECT * FROM (SELECT coalesce(tanggal_lahir, ''), count(*), 0 FROM targets"
    f" GROUP BY tanggal_lahir){_ADD_SELECTED}",
    "UPDATE target_born_tally SET elsewhere = e.n FROM (SELECT coalesce(tanggal_lahir, '') AS b, count(*) AS n"
    " FROM targets WHERE recorded_elsewhere = 1 GROUP BY 1) AS e WHERE tanggal_lahir = e.b",
    "DELETE FROM target_mark_tally",
    "INSERT INTO target_mark_tally SELECT 'category', c.category, count(*), sum(t.recorded_elsewhere)"
    " FROM target_categories c CROSS JOIN targets t ON t.nik = c.nik GROUP BY c.category",
    "INSERT INTO target_mark_tally SELECT 'outcome', o.outcome, count(*), sum(t.recorded_elsewhere)"
    " FROM target_outcomes o CROSS JOIN targets t ON t.nik = o.nik GROUP BY o.outcome",
]
"""Recount every tally from the rows (in the caller's transaction)."""


def rebuild(conn) -> None:
    """Run `REBUILD` on `conn` (inside the caller's transaction)."""
    for sql in REBUILD:
        conn.execute(sql)

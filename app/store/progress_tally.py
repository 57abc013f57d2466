"""Counts of the target list and of the work done, kept up to date by triggers, so Laporan adds up a
city without reading it.

``recorded_here``: per NIK with a completed recording here (`app.core.progress.RECORDED_STATUSES`),
how many such recordings, how many the server accepted, and whether the NIK is on the list; kept by
the triggers on ``recordings`` (saved, status changed, NIK edited, deleted, purged).

The tallies hold per key the targets, those another team recorded (``elsewhere``), those recorded
here (``here``), of them accepted, and those recorded both here and elsewhere (``here_elsewhere``:
they count once, as here): per RT (`target_area_tally`), per birth date (`target_born_tally`: a
derived category is a range of birth dates), per marked category and latest outcome
(`target_mark_tally`), and per birth date of the targets marked pelajar (`target_pelajar_born_tally`:
pelajar by age or on a list counts once). Hand-set visit outcomes per operator and quarter hour (UTC)
are in `visit_work_tally` (the day is taken in the laptop's zone when read). The triggers on
``targets``, ``target_categories``, ``target_outcomes``, ``recorded_here`` and ``visit_outcomes``
change them in the writing statement's own transaction, so they always agree with the rows.

A bulk import drops the triggers on ``targets`` with its indexes (`app.store.targets`); `REBUILD`
recounts the target tallies when they are recreated, in that same transaction (and a crash before it
is repaired the same way). A count may reach 0 and stay: readers skip such rows. No tally holds a NIK;
``recorded_here`` holds the NIKs of the recordings (a purged recording's NIK leaves it).

Migration ``0021_recorded_here`` creates all this from this module, and the triggers hold the recorded
statuses as text: a change here (or to `RECORDED_STATUSES`) needs a new migration that replaces the
triggers and recounts, and a frozen copy of what 0021 made for 0021 to keep running (as
`app.store.progress_tally_0020` keeps 0020's).
"""

from __future__ import annotations

from app.core.progress import ACCEPTED_STATUS, RECORDED_STATUSES

SLOT_SECONDS = 900
"""The work tallies' grain: a quarter hour, so any zone offset in whole quarter hours gives exact days."""

TABLES = """
CREATE TABLE recorded_here (
    nik TEXT NOT NULL PRIMARY KEY,
    recordings INTEGER NOT NULL, accepted INTEGER NOT NULL, on_list INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE target_pelajar_born_tally (
    tanggal_lahir TEXT NOT NULL PRIMARY KEY,
    targets INTEGER NOT NULL, elsewhere INTEGER NOT NULL,
    here INTEGER NOT NULL, accepted INTEGER NOT NULL, here_elsewhere INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE visit_work_tally (
    slot INTEGER NOT NULL,  -- unix seconds // SLOT_SECONDS of visited_at; -1 if it does not parse
    operator TEXT NOT NULL,
    visits INTEGER NOT NULL,
    PRIMARY KEY (slot, operator)
) WITHOUT ROWID;
"""
"""The tables migration 0021 creates; it adds `HERE_COLUMNS` to 0020's per RT, birth date and mark
(kind, value: 'category' or 'outcome'), whose other counts are ``targets`` and ``elsewhere``."""
HERE_COLUMNS = ("here", "accepted", "here_elsewhere")
ADD_HERE_COLUMNS = [f"ALTER TABLE {table} ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0"
                    for table in ("target_area_tally", "target_born_tally", "target_mark_tally")
                    for column in HERE_COLUMNS]

_PELAJAR = "'pelajar'"
COUNTS = ("targets", "elsewhere", *HERE_COLUMNS)
_ADD = " ON CONFLICT DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTS)
_SELECTED = " WHERE {where}" + _ADD  # (an INSERT ... SELECT before ON CONFLICT needs a WHERE)


def _counts(sign: str, t: str = "t", h: str = "h") -> str:
    """The five counts of target `t` (a row alias) with its `recorded_here` row `h` (NULL: not recorded here)."""
    here = f"({h}.nik IS NOT NULL)"
    return (f"{sign}1, {sign}{t}.recorded_elsewhere, {sign}{here}, {sign}coalesce({h}.accepted > 0, 0),"
            f" {sign}({here} AND {t}.recorded_elsewhere)")


def _each_tally(source: str, where: str, counts: str, t: str) -> list[str]:
    """Statements adding `counts` of the targets `t` in `source` (a FROM clause) under every tally's key."""
    pelajar = f"JOIN target_categories p ON p.nik = {t}.nik AND p.category = {_PELAJAR}"
    sel = _SELECTED.format(where=where)
    return [
        f"INSERT INTO target_area_tally SELECT {t}.kelurahan_kode, {t}.rw, {t}.rt, {counts} {source}{sel};",
        f"INSERT INTO target_born_tally SELECT coalesce({t}.tanggal_lahir, ''), {counts} {source}{sel};",
        f"INSERT INTO target_pelajar_born_tally SELECT coalesce({t}.tanggal_lahir, ''), {counts}"
        f" {source} {pelajar}{sel};",
        f"INSERT INTO target_mark_tally SELECT 'category', c.category, {counts} {source}"
        f" JOIN target_categories c ON c.nik = {t}.nik{sel};",
        f"INSERT INTO target_mark_tally SELECT 'outcome', o.outcome, {counts} {source}"
        f" JOIN target_outcomes o ON o.nik = {t}.nik{sel};",
    ]


def _target(row: str, sign: str) -> list[str]:
    """A target `row` ('new' or 'old') counted (`sign` '+') or uncounted ('-'), as recorded here or not."""
    source = f"FROM (SELECT 1) LEFT JOIN recorded_here h ON h.nik = {row}.nik"
    return _each_tally(source, "true", _counts(sign, row), row) + [
        f"UPDATE recorded_here SET on_list = {int(sign == '+')} WHERE nik = {row}.nik;"]


def _here(row: str, sign: str) -> list[str]:
    """The target of `recorded_here` `row` ('new' or 'old') counted (or uncounted) as recorded here."""
    counts = (f"0, 0, {sign}1, {sign}({row}.accepted > 0), {sign}t.recorded_elsewhere")
    return _each_tally("FROM targets t", f"t.nik = {row}.nik", counts, "t")


def _mark(kind: str, column: str, row: str, sign: str) -> list[str]:
    """Statements counting (or uncounting) one category/outcome row, when its NIK is on the list."""
    source = "FROM targets t LEFT JOIN recorded_here h ON h.nik = t.nik"
    sel = _SELECTED.format(where=f"t.nik = {row}.nik")
    out = [f"INSERT INTO target_mark_tally SELECT '{kind}', {row}.{column}, {_counts(sign)} {source}{sel};"]
    if kind == "category":
        out.append(f"INSERT INTO target_pelajar_born_tally SELECT coalesce(t.tanggal_lahir, ''), {_counts(sign)}"
                   f" {source}{_SELECTED.format(where=f't.nik = {row}.nik AND {row}.category = {_PELAJAR}')};")
    return out


def _trigger(name: str, event: str, table: str, body: list[str], when: str = "") -> str:
    return (f"CREATE TRIGGER {name} AFTER {event} ON {table}{f' WHEN {when}' if when else ''} BEGIN "
            + " ".join(body) + " END")


_TARGET_COLUMNS = ("nik", "kelurahan_kode", "rw", "rt", "tanggal_lahir", "recorded_elsewhere")
TARGET_TRIGGERS = [
    _trigger("targets_tally_ai", "INSERT", "targets", _target("new", "+")),
    _trigger("targets_tally_ad", "DELETE", "targets", _target("old", "-")),
    _trigger("targets_tally_au", f"UPDATE OF {', '.join(_TARGET_COLUMNS)}", "targets",
             _target("old", "-") + _target("new", "+"),
             when=" OR ".join(f"old.{c} IS NOT new.{c}" for c in _TARGET_COLUMNS)),
]
"""The triggers on ``targets`` (a bulk import drops and recreates them with its indexes)."""

_STATUSES = ", ".join(f"'{s}'" for s in RECORDED_STATUSES)


def _recorded(row: str) -> str:
    """Whether recording `row` counts its NIK as recorded here."""
    return f"({row}.status IN ({_STATUSES}) AND {row}.nik != '')"


def _accepted(row: str) -> str:
    return f"({row}.status = '{ACCEPTED_STATUS}')"


_SAME = f"(old.nik = new.nik AND {_recorded('old')} AND {_recorded('new')})"
_UNCOUNT_OLD = [
    f"UPDATE recorded_here SET recordings = recordings - 1, accepted = accepted - {_accepted('old')}"
    f" WHERE nik = old.nik AND {_recorded('old')} AND NOT {{same}};",
    "DELETE FROM recorded_here WHERE nik = old.nik AND recordings <= 0;",
]
_COUNT_NEW = [
    f"INSERT INTO recorded_here SELECT new.nik, 1, {_accepted('new')},"
    f" EXISTS (SELECT 1 FROM targets WHERE nik = new.nik) WHERE {_recorded('new')} AND NOT {{same}}"
    " ON CONFLICT DO UPDATE SET recordings = recordings + 1, accepted = accepted + excluded.accepted;",
]
RECORDING_TRIGGERS = [
    _trigger("recordings_here_ai", "INSERT", "recordings", [s.format(same="false") for s in _COUNT_NEW],
             when=_recorded("new")),
    _trigger("recordings_here_ad", "DELETE", "recordings", [s.format(same="false") for s in _UNCOUNT_OLD],
             when=_recorded("old")),
    _trigger("recordings_here_au", "UPDATE OF nik, status", "recordings", [
        # Still recorded, same NIK (e.g. sent -> accepted): only the accepted count moves.
        f"UPDATE recorded_here SET accepted = accepted + {_accepted('new')} - {_accepted('old')}"
        f" WHERE nik = new.nik AND {_SAME} AND {_accepted('new')} != {_accepted('old')};",
        *(s.format(same=_SAME) for s in _UNCOUNT_OLD + _COUNT_NEW)],
        when=f"(old.nik IS NOT new.nik OR old.status IS NOT new.status)"
             f" AND ({_recorded('old')} OR {_recorded('new')})"),
]
"""The triggers on ``recordings`` keeping ``recorded_here``."""

HERE_TRIGGERS = [
    _trigger("recorded_here_tally_ai", "INSERT", "recorded_here", _here("new", "+")),
    _trigger("recorded_here_tally_ad", "DELETE", "recorded_here", _here("old", "-")),
    _trigger("recorded_here_tally_au", "UPDATE OF nik, accepted", "recorded_here",
             _here("old", "-") + _here("new", "+"),
             when="old.nik IS NOT new.nik OR (old.accepted > 0) != (new.accepted > 0)"),
]
"""The triggers on ``recorded_here``: a NIK newly (or no longer) recorded here, or accepted, moves its target."""

_MARK_TABLES = (("target_categories", "category", "category"), ("target_outcomes", "outcome", "outcome"))
MARK_TRIGGERS = [
    trigger
    for table, kind, column in _MARK_TABLES
    for trigger in (
        _trigger(f"{table}_tally_ai", "INSERT", table, _mark(kind, column, "new", "+")),
        _trigger(f"{table}_tally_ad", "DELETE", table, _mark(kind, column, "old", "-")),
        _trigger(f"{table}_tally_au", f"UPDATE OF nik, {column}", table,
                 _mark(kind, column, "old", "-") + _mark(kind, column, "new", "+"),
                 when=f"old.nik IS NOT new.nik OR old.{column} IS NOT new.{column}"),
    )
]

_SLOT = f"coalesce(CAST(strftime('%s', {{row}}.visited_at) AS INTEGER) / {SLOT_SECONDS}, -1)"


def _visit(row: str, sign: str) -> str:
    return (f"INSERT INTO visit_work_tally SELECT {_SLOT.format(row=row)}, {row}.operator, {sign}1"
            f" WHERE {row}.outcome != 'direkam' ON CONFLICT DO UPDATE SET visits = visits + excluded.visits;")


VISIT_TRIGGERS = [
    _trigger("visit_outcomes_work_ai", "INSERT", "visit_outcomes", [_visit("new", "+")]),
    _trigger("visit_outcomes_work_ad", "DELETE", "visit_outcomes", [_visit("old", "-")]),
    _trigger("visit_outcomes_work_au", "UPDATE OF outcome, visited_at, operator", "visit_outcomes",
             [_visit("old", "-"), _visit("new", "+")],
             when="old.outcome IS NOT new.outcome OR old.visited_at IS NOT new.visited_at"
                  " OR old.operator IS NOT new.operator"),
]
"""The triggers on ``visit_outcomes`` keeping `visit_work_tally`."""

_SUMS = ("count(*), sum(t.recorded_elsewhere), sum(h.nik IS NOT NULL), sum(coalesce(h.accepted > 0, 0)),"
         " sum(h.nik IS NOT NULL AND t.recorded_elsewhere)")
_HERE_SUMS = "0, 0, count(*), sum(h.accepted > 0), sum(t.recorded_elsewhere)"
_MARKED = "target_categories c CROSS JOIN targets t ON t.nik = c.nik LEFT JOIN recorded_here h ON h.nik = c.nik"
_UPSERTED = " WHERE true" + _ADD
_ON_LIST = ["UPDATE recorded_here SET on_list = EXISTS (SELECT 1 FROM targets t WHERE t.nik = recorded_here.nik)"]
_TARGETS = [
    # On covering indexes, those another team recorded on their small partial index.
    "DELETE FROM target_area_tally",
    "INSERT INTO target_area_tally SELECT kelurahan_kode, rw, rt, count(*), 0, 0, 0, 0 FROM targets"
    " GROUP BY kelurahan_kode, rw, rt",
    "UPDATE target_area_tally SET elsewhere = e.n FROM (SELECT kelurahan_kode AS k, rw AS w, rt AS r, count(*) AS n"
    " FROM targets WHERE recorded_elsewhere = 1 GROUP BY kelurahan_kode, rw, rt) AS e"
    " WHERE kelurahan_kode = e.k AND rw = e.w AND rt = e.r",
    "DELETE FROM target_born_tally",
    "INSERT INTO target_born_tally SELECT * FROM (SELECT coalesce(tanggal_lahir, ''), count(*), 0, 0, 0, 0"
    " FROM targets GROUP BY tanggal_lahir)" + _UPSERTED,
    "UPDATE target_born_tally SET elsewhere = e.n FROM (SELECT coalesce(tanggal_lahir, '') AS b, count(*) AS n"
    " FROM targets WHERE recorded_elsewhere = 1 GROUP BY 1) AS e WHERE tanggal_lahir = e.b",
]
_HERE = [
    # Added to the rows `_TARGETS` counted (whose here columns are 0): only the NIKs recorded here are read.
    "INSERT INTO target_area_tally SELECT * FROM (SELECT t.kelurahan_kode, t.rw, t.rt, " + _HERE_SUMS
    + " FROM recorded_here h CROSS JOIN targets t ON t.nik = h.nik GROUP BY 1, 2, 3)" + _UPSERTED,
    "INSERT INTO target_born_tally SELECT * FROM (SELECT coalesce(t.tanggal_lahir, ''), " + _HERE_SUMS
    + " FROM recorded_here h CROSS JOIN targets t ON t.nik = h.nik GROUP BY 1)" + _UPSERTED,
]
_PELAJAR_MARKS = [
    "DELETE FROM target_pelajar_born_tally",
    f"INSERT INTO target_pelajar_born_tally SELECT coalesce(t.tanggal_lahir, ''), {_SUMS} FROM {_MARKED}"
    f" WHERE c.category = {_PELAJAR} GROUP BY 1",
]
_MARKS = [
    "DELETE FROM target_mark_tally",
    f"INSERT INTO target_mark_tally SELECT 'category', c.category, {_SUMS} FROM {_MARKED} GROUP BY c.category",
    f"INSERT INTO target_mark_tally SELECT 'outcome', o.outcome, {_SUMS} FROM target_outcomes o"
    " CROSS JOIN targets t ON t.nik = o.nik LEFT JOIN recorded_here h ON h.nik = o.nik GROUP BY o.outcome",
]
_HERE_MARKED = [  # `_HERE` for the marks (whose targets and elsewhere counts stand)
    f"INSERT INTO target_mark_tally SELECT * FROM (SELECT '{kind}', m.{column}, {_HERE_SUMS} FROM recorded_here h"
    f" CROSS JOIN targets t ON t.nik = h.nik CROSS JOIN {table} m ON m.nik = h.nik GROUP BY 2)" + _UPSERTED
    for table, kind, column in _MARK_TABLES
]
REBUILD = _ON_LIST + _TARGETS + _HERE + _PELAJAR_MARKS + _MARKS
"""Recount every target tally (and whether each NIK recorded here is on the list) from the rows, in the
caller's transaction: no target row is read but those of the NIKs recorded here, marked or visited."""

FILL = [
    "DELETE FROM recorded_here",
    f"INSERT INTO recorded_here SELECT nik, count(*), sum({_accepted('r')}), 0 FROM recordings r"
    f" WHERE {_recorded('r')} GROUP BY nik",
    "DELETE FROM visit_work_tally",
    f"INSERT INTO visit_work_tally SELECT {_SLOT.format(row='v')}, v.operator, count(*) FROM visit_outcomes v"
    " WHERE v.outcome != 'direkam' GROUP BY 1, 2",
    *_ON_LIST, *_HERE, *_PELAJAR_MARKS, *_HERE_MARKED,
]
"""Migration 0021 (after `ADD_HERE_COLUMNS`, before the triggers): ``recorded_here`` and `visit_work_tally`
counted from the recordings and visit outcomes, the pelajar marked per birth date, and what the NIKs
recorded here add to 0020's tallies (whose counts of the targets stand: only the rows of the NIKs
recorded here and marked pelajar are read)."""


def rebuild(conn) -> None:
    """Run `REBUILD` on `conn` (inside the caller's transaction)."""
    for sql in REBUILD:
        conn.execute(sql)

"""Laporan's tallies as migration ``0020_progress_summary`` made them (frozen: never change).

The live definitions are `app.store.progress_tally`; migration ``0021_recorded_here`` replaces
these triggers and tables with those. Kept as text, so the old migration does not follow new code.
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

TARGET_TRIGGERS = [
    """CREATE TRIGGER targets_tally_ai AFTER INSERT ON targets BEGIN
    INSERT INTO target_area_tally VALUES (new.kelurahan_kode, new.rw, new.rt, +1, +new.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_born_tally VALUES (coalesce(new.tanggal_lahir, ''), +1, +new.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'category', category, +1, +new.recorded_elsewhere
        FROM target_categories WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'outcome', outcome, +1, +new.recorded_elsewhere
        FROM target_outcomes WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER targets_tally_ad AFTER DELETE ON targets BEGIN
    INSERT INTO target_area_tally VALUES (old.kelurahan_kode, old.rw, old.rt, -1, -old.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_born_tally VALUES (coalesce(old.tanggal_lahir, ''), -1, -old.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'category', category, -1, -old.recorded_elsewhere
        FROM target_categories WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'outcome', outcome, -1, -old.recorded_elsewhere
        FROM target_outcomes WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER targets_tally_au
    AFTER UPDATE OF nik, kelurahan_kode, rw, rt, tanggal_lahir, recorded_elsewhere ON targets
    WHEN old.nik IS NOT new.nik OR old.kelurahan_kode IS NOT new.kelurahan_kode OR old.rw IS NOT new.rw
        OR old.rt IS NOT new.rt OR old.tanggal_lahir IS NOT new.tanggal_lahir
        OR old.recorded_elsewhere IS NOT new.recorded_elsewhere BEGIN
    INSERT INTO target_area_tally VALUES (old.kelurahan_kode, old.rw, old.rt, -1, -old.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_born_tally VALUES (coalesce(old.tanggal_lahir, ''), -1, -old.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'category', category, -1, -old.recorded_elsewhere
        FROM target_categories WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'outcome', outcome, -1, -old.recorded_elsewhere
        FROM target_outcomes WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_area_tally VALUES (new.kelurahan_kode, new.rw, new.rt, +1, +new.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_born_tally VALUES (coalesce(new.tanggal_lahir, ''), +1, +new.recorded_elsewhere)
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'category', category, +1, +new.recorded_elsewhere
        FROM target_categories WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'outcome', outcome, +1, +new.recorded_elsewhere
        FROM target_outcomes WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
]

MARK_TRIGGERS = [
    """CREATE TRIGGER target_categories_tally_ai AFTER INSERT ON target_categories BEGIN
    INSERT INTO target_mark_tally SELECT 'category', new.category, +1, +recorded_elsewhere
        FROM targets WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER target_categories_tally_ad AFTER DELETE ON target_categories BEGIN
    INSERT INTO target_mark_tally SELECT 'category', old.category, -1, -recorded_elsewhere
        FROM targets WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER target_categories_tally_au AFTER UPDATE OF nik, category ON target_categories
    WHEN old.nik IS NOT new.nik OR old.category IS NOT new.category BEGIN
    INSERT INTO target_mark_tally SELECT 'category', old.category, -1, -recorded_elsewhere
        FROM targets WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'category', new.category, +1, +recorded_elsewhere
        FROM targets WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER target_outcomes_tally_ai AFTER INSERT ON target_outcomes BEGIN
    INSERT INTO target_mark_tally SELECT 'outcome', new.outcome, +1, +recorded_elsewhere
        FROM targets WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER target_outcomes_tally_ad AFTER DELETE ON target_outcomes BEGIN
    INSERT INTO target_mark_tally SELECT 'outcome', old.outcome, -1, -recorded_elsewhere
        FROM targets WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
    """CREATE TRIGGER target_outcomes_tally_au AFTER UPDATE OF nik, outcome ON target_outcomes
    WHEN old.nik IS NOT new.nik OR old.outcome IS NOT new.outcome BEGIN
    INSERT INTO target_mark_tally SELECT 'outcome', old.outcome, -1, -recorded_elsewhere
        FROM targets WHERE nik = old.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
    INSERT INTO target_mark_tally SELECT 'outcome', new.outcome, +1, +recorded_elsewhere
        FROM targets WHERE nik = new.nik
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere;
END""",
]

REBUILD = [
    """DELETE
        FROM target_area_tally""",
    """INSERT INTO target_area_tally SELECT kelurahan_kode, rw, rt, count(*), 0
        FROM targets GROUP BY kelurahan_kode, rw, rt""",
    """UPDATE target_area_tally SET elsewhere = e.n
        FROM (SELECT kelurahan_kode AS k, rw AS w, rt AS r, count(*) AS n
        FROM targets WHERE recorded_elsewhere = 1 GROUP BY kelurahan_kode, rw, rt) AS e
        WHERE kelurahan_kode = e.k AND rw = e.w AND rt = e.r""",
    """DELETE
        FROM target_born_tally""",
    """INSERT INTO target_born_tally SELECT *
        FROM (SELECT coalesce(tanggal_lahir, ''), count(*), 0
        FROM targets GROUP BY tanggal_lahir) WHERE true
        ON CONFLICT DO UPDATE SET targets = targets + excluded.targets, elsewhere = elsewhere + excluded.elsewhere""",
    """UPDATE target_born_tally SET elsewhere = e.n
        FROM (SELECT coalesce(tanggal_lahir, '') AS b, count(*) AS n
        FROM targets WHERE recorded_elsewhere = 1 GROUP BY 1) AS e WHERE tanggal_lahir = e.b""",
    """DELETE
        FROM target_mark_tally""",
    """INSERT INTO target_mark_tally SELECT 'category', c.category, count(*), sum(t.recorded_elsewhere)
        FROM target_categories c CROSS JOIN targets t ON t.nik = c.nik GROUP BY c.category""",
    """INSERT INTO target_mark_tally SELECT 'outcome', o.outcome, count(*), sum(t.recorded_elsewhere)
        FROM target_outcomes o CROSS JOIN targets t ON t.nik = o.nik GROUP BY o.outcome""",
]

"""Benchmark of `jemput import-targets` on a SIAK-shaped CSV against plain sqlite3, measured in the same run.

Run: ``.venv/bin/python tests/benchmarks/bench_targets.py`` (200,000 rows, about a
minute); ``--rows 1200000`` for the full figure (the wajib KTP of Palembang).
Options: ``--queries N`` (200), ``--dir DIR`` (where to put the files; a
temporary folder by default, removed after).

The rows are SIAK-shaped (NIK, NO_KK, NAMA_LGKP, TMPT_LHR, TGL_LHR as
DD-MM-YYYY, JENIS_KLMIN, ALAMAT, NO_RT/NO_RW without leading zeros,
NO_PROP/NO_KAB/NO_KEC/NO_KEL) for the Palembang kelurahan of the seed master
data. The import goes the way `jemput import-targets` goes: `open_targets`
reads and checks against the master data in the profile, and
`app.target_import.store_targets` (the command's own call) stores into a real
SQLCipher profile in one transaction (unlocking is timed apart). The baseline reads the same CSV with
the stdlib `csv` module and inserts the same rows, unchecked, into a plain
table of a stdlib ``sqlite3`` file in one transaction. Then a name search and a
NIK-prefix search on the stored targets, and Daftar Warga's filters (area,
RT/RW, category, latest outcome, sort, the revisit list) after marking about
3% of the targets with categories and giving 5% a visit outcome: the first
page of not-yet-recorded targets and its count. Then Laporan's dashboard
recompute (`app.store.progress_query.snapshot`: every grouping at once) after
completing recordings here for 1% of the targets (one operator's weeks, through
`RecordingRepo.save`) and flagging 20% as recorded by another team (a quarter of
the kelurahan, most of their residents; set by SQL as the sync pull would
leave them), beside the old per-kelurahan count (`TargetRepo.progress_by`) and a
plain sqlite3 GROUP BY on the plain table. Goals (issue 11): import >=
30,000 rows/s and within 2x the plain insert; search and filter p95 <= 50 ms;
dashboard <= 200 ms.
Prints the figures; the last line is one JSON object of them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import bench_search, ms, search_queries, target_rows  # noqa: E402

from app.core.lifecycle import RecordingStatus  # noqa: E402
from app.core.resident import Resident  # noqa: E402
from app.store.database import create_profile, open_profile  # noqa: E402
from app.store.progress_query import snapshot  # noqa: E402
from app.store.recordings import Recording, RecordingRepo  # noqa: E402
from app.store.regions_store import import_regions_csv  # noqa: E402
from app.core.categories import Category  # noqa: E402
from app.core.outcomes import MANUAL, Outcome  # noqa: E402
from app.store.target_filter import NO_OUTCOME, TargetFilter  # noqa: E402
from app.store.targets import TargetRepo  # noqa: E402
from app.store.visits import VisitOutcomes  # noqa: E402
from app.target_import import attach_regions, store_targets  # noqa: E402
from app.targetfile import open_targets  # noqa: E402

PASSPHRASE = "bench-kata-sandi-panjang"
SEED_REGIONS = ROOT / "resources" / "regions" / "seed_cities.csv"
SIAK_HEADER = ["NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_RT", "NO_RW",
               "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL"]
IMPORT_GOAL_ROWS_PER_S = 30_000
GOAL_MS = 50.0
DASHBOARD_GOAL_MS = 200.0
DASHBOARD_RUNS = 7


def siak_row(row: dict) -> list[str]:
    """A `bench_store.target_rows` row as SIAK exports it."""
    year, month, day = row["tanggal_lahir"].split("-")
    prop, kab, kec, kel = row["kelurahan_kode"].split(".")
    return [
        row["nik"], row["nik"][:6] + row["nik"][-10:][::-1], row["nama"], "PALEMBANG", f"{day}-{month}-{year}",
        "PEREMPUAN" if row["jenis_kelamin"] == "P" else "LAKI-LAKI", row["alamat"],
        str(int(row["rt"])), str(int(row["rw"])), prop, kab, str(int(kec)), kel,
    ]


def write_siak_csv(path: Path, rows: int) -> float:
    """The SIAK-shaped CSV of `rows` rows; seconds taken."""
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SIAK_HEADER)
        writer.writerows(siak_row(row) for row in target_rows(rows))
    return time.perf_counter() - start


def import_like_the_cli(profile: Path, path: Path) -> tuple[float, int, int, float]:
    """(seconds, stored, refused, unlock seconds): what `jemput import-targets FILE` does, minus the progress bar."""
    start = time.perf_counter()
    store = open_profile(profile, PASSPHRASE)
    unlock_s = time.perf_counter() - start
    with store:
        start = time.perf_counter()
        with open_targets(path) as target_file:
            assert attach_regions(store, target_file)
            result = store_targets(store, target_file, source=path.name)  # what the command calls
        elapsed = time.perf_counter() - start
    assert result.written and result.updated == 0 and not result.store_problems
    return elapsed, result.inserted, target_file.problem_count, unlock_s


def plain_insert(db_path: Path, path: Path) -> tuple[float, int]:
    """(seconds, rows): the same CSV read by `csv` and inserted unchecked into a plain sqlite3 table."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE targets (id INTEGER PRIMARY KEY, nik TEXT NOT NULL UNIQUE, no_kk TEXT, nama TEXT,"
        " tempat_lahir TEXT, tanggal_lahir TEXT, jenis_kelamin TEXT, alamat TEXT, rt TEXT, rw TEXT,"
        " no_prop TEXT, no_kab TEXT, no_kec TEXT, no_kel TEXT)"
    )
    start = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as fh, conn:
        reader = csv.reader(fh)
        next(reader)
        conn.executemany(
            "INSERT INTO targets (nik, no_kk, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, alamat, rt, rw,"
            " no_prop, no_kab, no_kec, no_kel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reader)
    elapsed = time.perf_counter() - start
    count = conn.execute("SELECT count(*) FROM targets").fetchone()[0]
    conn.close()
    return elapsed, count


FILTER_DAY = dt.date(2025, 6, 15)


def mark_and_visit(store, rng: random.Random) -> tuple[int, int]:
    """Marked categories on about 3% of the targets and visit outcomes on about 5% (through the store's
    own calls; outcomes in one transaction); returns (marks, outcomes)."""
    niks = [n for (n,) in store.query("SELECT nik FROM targets")]
    visits = VisitOutcomes(store)
    marks = 0
    for category, share in ((Category.DIFABEL, 0.01), (Category.TAHANAN, 0.005), (Category.PEKERJA, 0.01),
                            (Category.PELAJAR, 0.005)):
        marks += visits.mark(rng.sample(niks, int(len(niks) * share)), category, source="bench")
    visited = rng.sample(niks, int(len(niks) * 0.05))
    with store.transaction():
        for nik in visited:
            outcome = rng.choice(MANUAL)
            revisit = FILTER_DAY + dt.timedelta(days=rng.randint(0, 30)) if outcome.needs_revisit else None
            visits.record(nik, outcome, today=FILTER_DAY, operator="bench", revisit_date=revisit)
    return marks, len(visited)


def filter_cases(store, rng: random.Random, n: int) -> list[TargetFilter]:
    """`n` filters as Daftar Warga builds them: area, RT/RW, category, outcome, a sort, combined at random."""
    kels = [k for (k,) in store.query("SELECT DISTINCT kelurahan_kode FROM targets")]
    sorts = ["area", "area", "nama", "nik", "tanggal_lahir"]
    outcomes = [None, None, None, NO_OUTCOME, *MANUAL]
    cases = []
    for i in range(n):
        kel = rng.choice(kels) if i % 2 == 0 else None
        rw = f"{rng.randint(1, 12):03d}" if kel and i % 4 == 0 else None
        rt = f"{rng.randint(1, 40):03d}" if rw and i % 8 == 0 else None
        category = rng.choice([None, *Category]) if i % 3 else None
        outcome = rng.choice(outcomes)
        if i % 10 == 9:
            cases.append(TargetFilter.revisits(kelurahan_kode=kel, on=FILTER_DAY))
            continue
        cases.append(TargetFilter(kelurahan_kode=kel, rw=rw, rt=rt, category=category, outcome=outcome,
                                  on=FILTER_DAY, sort=rng.choice(sorts), descending=rng.random() < 0.2))
    return cases


def bench_filters(store, cases: list[TargetFilter]) -> tuple[list[float], list[float], list[tuple[float, str]]]:
    """(page seconds, count seconds, the slowest pages): the first page of Daftar Warga (200 rows, not yet
    recorded) for each filter, and its count."""
    repo = TargetRepo(store)
    pages, counts, slow = [], [], []
    for where in cases:
        start = time.perf_counter()
        repo.page(only_open=True, where=where, limit=200)
        pages.append(time.perf_counter() - start)
        slow.append((pages[-1], repr(where)))
        start = time.perf_counter()
        repo.count_matching(only_open=True, where=where)
        counts.append(time.perf_counter() - start)
    return pages, counts, sorted(slow, reverse=True)[:3]


def record_and_flag(store, rng: random.Random) -> tuple[int, int]:
    """Recordings completed here for 1% of the targets (queued, one transaction) and 20% flagged as recorded
    by another team; returns (recordings, flagged)."""
    niks = [n for (n,) in store.query("SELECT nik FROM targets")]
    repo = RecordingRepo(store)
    chosen = rng.sample(niks, max(1, len(niks) // 100))
    with store.transaction():
        for i, nik in enumerate(chosen):
            rec = Recording.new(Resident(nik=nik, nama=f"WARGA {i}"), operator=f"OPERATOR {i % 3}",
                                status=RecordingStatus.COMPLETE)
            repo.save(rec, enqueue=True)
    kels = sorted({k for (k,) in store.query("SELECT DISTINCT kelurahan_kode FROM targets")})
    other_team = rng.sample(kels, max(1, len(kels) // 4))
    with store.transaction() as db:
        flagged = db.conn.execute(
            f"UPDATE targets SET recorded_elsewhere = 1 WHERE id % 5 != 0"
            f" AND kelurahan_kode IN ({', '.join('?' * len(other_team))})", other_team).rowcount
    return len(chosen), flagged


def bench_dashboard(store, plain_db: Path) -> tuple[list[float], float, float]:
    """(snapshot seconds per run, old per-kelurahan count seconds, plain sqlite3 GROUP BY seconds)."""
    runs = []
    for _ in range(DASHBOARD_RUNS):
        start = time.perf_counter()
        snapshot(store, on=FILTER_DAY, utc_offset_minutes=420)
        runs.append(time.perf_counter() - start)
    start = time.perf_counter()
    TargetRepo(store).progress_by("kelurahan")
    old_s = time.perf_counter() - start
    conn = sqlite3.connect(plain_db)
    start = time.perf_counter()
    conn.execute("SELECT no_prop, no_kab, no_kec, no_kel, rw, rt, count(*) FROM targets"
                 " GROUP BY no_prop, no_kab, no_kec, no_kel, rw, rt").fetchall()
    plain_s = time.perf_counter() - start
    conn.close()
    return runs, old_s, plain_s


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="SIAK rows to generate (200,000)")
    parser.add_argument("--queries", type=int, default=200, help="searches of each kind (200)")
    parser.add_argument("--dir", type=Path, help="working folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    base = args.dir or Path(tempfile.mkdtemp(prefix="jemput-bench-targets-"))
    base.mkdir(parents=True, exist_ok=True)
    figures: dict = {"rows": args.rows, "queries": args.queries}
    try:
        csv_path = base / "siak_export.csv"
        gen_s = write_siak_csv(csv_path, args.rows)
        figures["csv_mb"] = round(csv_path.stat().st_size / 1e6, 1)
        print(f"generated {args.rows:,} SIAK-shaped rows ({figures['csv_mb']} MB CSV) in {gen_s:.1f} s")

        with create_profile(base / "profile", PASSPHRASE) as store, open(SEED_REGIONS, encoding="utf-8") as fh:
            import_regions_csv(store, fh)
        imp_s, stored, refused, unlock_s = import_like_the_cli(base / "profile", csv_path)
        plain_s, plain_rows = plain_insert(base / "plain.db", csv_path)
        assert stored + refused == args.rows and plain_rows == args.rows
        figures.update(
            stored=stored, refused=refused, unlock_s=round(unlock_s, 2),
            import_s=round(imp_s, 2), import_rows_per_s=round(args.rows / imp_s),
            plain_insert_s=round(plain_s, 2), plain_insert_rows_per_s=round(args.rows / plain_s),
            import_ratio_vs_plain=round(imp_s / plain_s, 2),
        )
        print(f"import (read, check, store; SQLCipher): {imp_s:.1f} s, {args.rows / imp_s:,.0f} rows/s, "
              f"{stored:,} stored, {refused:,} refused (unlock {unlock_s:.2f} s, not counted)")
        print(f"plain sqlite3 (csv read, unchecked insert): {plain_s:.1f} s, {args.rows / plain_s:,.0f} rows/s; "
              f"import takes {imp_s / plain_s:.1f}x as long")

        with open_profile(base / "profile", PASSPHRASE) as store:
            sample = list(target_rows(min(args.rows, 50_000)))[:: max(1, min(args.rows, 50_000) // 5000)]
            names, niks = search_queries(sample, random.Random(42))
            names, niks = names[: args.queries], niks[: args.queries]
            name_t, nik_t, found = bench_search(store, names, niks)
        (n50, n95), (k50, k95) = ms(name_t), ms(nik_t)
        figures.update(
            search_name_p95_ms=round(n95, 2), search_nik_p95_ms=round(k95, 2),
            search_p95_ms=round(max(n95, k95), 2), search_hits=f"{found}/{len(names) + len(niks)}",
        )
        print(f"search by name ({len(names)}): p50 {n50:.2f} ms p95 {n95:.2f} ms; "
              f"by NIK prefix ({len(niks)}): p50 {k50:.2f} ms p95 {k95:.2f} ms; with hits {figures['search_hits']}")
        with open_profile(base / "profile", PASSPHRASE) as store:
            rng = random.Random(11)
            marks, visited = mark_and_visit(store, rng)
            page_t, count_t, slowest = bench_filters(store, filter_cases(store, rng, args.queries))
        (f50, f95), (c50, c95) = ms(page_t), ms(count_t)
        figures.update(filter_p50_ms=round(f50, 2), filter_p95_ms=round(f95, 2),
                       filter_count_p50_ms=round(c50, 2), filter_count_p95_ms=round(c95, 2),
                       marked=marks, visited=visited)
        print(f"filter ({len(page_t)} filters: kelurahan, RT/RW, category, outcome, sort; {marks:,} marks, "
              f"{visited:,} outcomes): first page p50 {f50:.2f} ms p95 {f95:.2f} ms; "
              f"its count p50 {c50:.2f} ms p95 {c95:.2f} ms")
        for seconds, where in slowest:
            print(f"  slow: {seconds * 1000:.1f} ms {where}")
        with open_profile(base / "profile", PASSPHRASE) as store:
            recorded, flagged = record_and_flag(store, rng)
            runs, old_s, plain_group_s = bench_dashboard(store, base / "plain.db")
        dash = sorted(runs)[len(runs) // 2]
        figures.update(dashboard_ms=round(dash * 1000, 1), dashboard_first_ms=round(runs[0] * 1000, 1),
                       dashboard_max_ms=round(max(runs) * 1000, 1),
                       old_progress_kelurahan_ms=round(old_s * 1000, 1),
                       plain_group_by_ms=round(plain_group_s * 1000, 1),
                       recorded_here=recorded, recorded_elsewhere=flagged)
        print(f"dashboard recompute (every grouping; {recorded:,} recorded here, {flagged:,} by another team): "
              f"median {dash * 1000:.1f} ms of {len(runs)} (first {runs[0] * 1000:.1f} ms, max {max(runs) * 1000:.1f} ms); "
              f"old per-kelurahan count {old_s * 1000:.1f} ms; plain sqlite3 GROUP BY {plain_group_s * 1000:.1f} ms")
        figures["goals_met"] = bool(
            args.rows / imp_s >= IMPORT_GOAL_ROWS_PER_S and imp_s <= 2 * plain_s and max(n95, k95) <= GOAL_MS
            and f95 <= GOAL_MS and dash * 1000 <= DASHBOARD_GOAL_MS
        )
        print(f"goals (import >= {IMPORT_GOAL_ROWS_PER_S:,} rows/s and within 2x plain, "
              f"search and filter p95 <= {GOAL_MS:.0f} ms, dashboard <= {DASHBOARD_GOAL_MS:.0f} ms) met: "
              f"{figures['goals_met']}")
    finally:
        if args.dir is None:
            shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()

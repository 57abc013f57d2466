"""Benchmark of the encrypted store against plain SQLite, measured in the same run.

Run: ``.venv/bin/python tests/benchmarks/bench_store.py`` (a few minutes at full size).
Sizes via environment: JEMPUT_BENCH_SAVES (1000 recordings), JEMPUT_BENCH_PHOTO_KB (60),
JEMPUT_BENCH_TARGETS (1,200,000: the wajib KTP of Palembang), JEMPUT_BENCH_QUERIES (200),
JEMPUT_BENCH_DIR (where to put the files; a temporary folder by default, removed after).

The plain baseline is the same repository code and schema over a stdlib
``sqlite3`` connection with the same pragmas; only the encryption differs.
Goals: save p95 <= 50 ms, search p95 <= 50 ms, unlock <= 1 s.
Prints medians, p95s and ratios; the last line is one JSON object of the figures.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from app.core.lifecycle import RecordingStatus  # noqa: E402
from app.core.resident import Resident  # noqa: E402
from app.core.values import JenisKelamin  # noqa: E402
from app.store import migrations  # noqa: E402
from app.store.database import Store, apply_pragmas, create_profile, open_profile  # noqa: E402
from app.store.keys import DEFAULT_KDF_PARAMS, derive_key, new_salt  # noqa: E402
from app.store.media import MediaItem  # noqa: E402
from app.store.profile import ProfileInfo  # noqa: E402
from app.store.recordings import Recording, RecordingRepo  # noqa: E402
from app.store.targets import TargetRepo  # noqa: E402

SAVES = int(os.environ.get("JEMPUT_BENCH_SAVES", "1000"))
PHOTO_KB = int(os.environ.get("JEMPUT_BENCH_PHOTO_KB", "60"))
TARGETS = int(os.environ.get("JEMPUT_BENCH_TARGETS", "1200000"))
QUERIES = int(os.environ.get("JEMPUT_BENCH_QUERIES", "200"))
PASSPHRASE = "bench-kata-sandi-panjang"
GOAL_MS = 50.0

MALE = (
    "AHMAD MUHAMMAD AGUS BUDI ANDI HENDRA JOKO RUDI YUDI EKO DEDI HERI IWAN WAHYU ARIF FAJAR RIZKY "
    "BAMBANG SUGENG SLAMET HADI IMAM ILHAM DIMAS BAYU GILANG YOGA RAHMAT HIDAYAT ABDUL ZAINAL SYAHRIL "
    "FIRMAN HASAN HUSIN KEMAS MASAGUS RAHMAN SOFYAN TAUFIK YUSUF ZULKIFLI ALI UMAR"
).split()
FEMALE = (
    "SITI NUR DEWI RINA SRI RATNA INDAH FITRI ANITA LESTARI PUTRI AYU YULI NOVI DIAN WULAN MAYA "
    "NURUL AISYAH FATIMAH KHADIJAH ZAHRA SALSABILA NABILA AULIA RAHMA DESI ERNA LINDA MEGA TUTI "
    "YANTI SUSI EVI HALIMAH MARYAM ROSMALA ZUBAIDAH KARTIKA CITRA"
).split()
MIDDLE = "NUR ABDUL DWI TRI AYU RAHMAT FAJAR INTAN PUSPA SARI DEWI BINTI BIN KURNIA".split()
LAST = (
    "SAPUTRA WIJAYA PRATAMA KURNIAWAN HIDAYAT SETIAWAN SUSANTO LESTARI RAHMAWATI HANDAYANI PURNAMA "
    "SARI ANGGRAINI NASUTION SIREGAR HARAHAP LUBIS FAUZI ARIFIN HAKIM SUGIARTO SANTOSO WIBOWO GUNAWAN "
    "HALIM ROSYADI MAULANA FIRDAUS RAMADHAN SYAPUTRA ANSORI BASRI DJAMIL HAMZAH ISKANDAR JUNAIDI "
    "KOSASIH MAHMUD NAWAWI"
).split()
STREETS = "MERDEKA SUDIRMAN KOLONEL ATMO RAJAWALI MASJID LAMA DEMANG LEBAR DAUN KAPTEN RIVAI".split()


def palembang_kelurahan() -> list[str]:
    path = ROOT / "resources" / "regions" / "seed_cities.csv"
    codes = [line.split(",")[0] for line in path.read_text(encoding="utf-8").splitlines()]
    return [c for c in codes if c.startswith("16.71.") and c.count(".") == 3]


def target_rows(n: int):
    """n deterministic wajib KTP rows for Palembang: unique NIKs, names from word lists."""
    kelurahan = palembang_kelurahan()
    serials: dict[str, int] = {}  # the NIK serial counts people sharing the first 12 digits
    for i in range(n):
        female = i % 2 == 1
        kel = kelurahan[(i * 7919) % len(kelurahan)]
        year = 1940 + (i * 31) % 67
        month = 1 + (i * 13) % 12
        day = 1 + (i * 17) % 28
        prefix = f"1671{kel[6:8]}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}"
        serial = serials.get(prefix, 0) + 1
        serials[prefix] = serial
        firsts = FEMALE if female else MALE
        first = firsts[(i * 7 + i // 1000) % len(firsts)]
        middle = MIDDLE[(i // 43) % len(MIDDLE)]
        last = LAST[(i * 11 + i // 500) % len(LAST)]
        yield {
            "nik": f"{prefix}{serial:04d}",
            "nama": f"{first} {middle} {last}" if i % 3 else f"{first} {last}",
            "tanggal_lahir": f"{year:04d}-{month:02d}-{day:02d}",
            "jenis_kelamin": "P" if female else "L",
            "alamat": f"JL. {STREETS[i % len(STREETS)]} NO. {i % 200 + 1}",
            "rt": f"{i % 40 + 1:03d}",
            "rw": f"{i % 12 + 1:03d}",
            "kelurahan_kode": kel,
            "status_ktp": "BELUM REKAM",
            "source": "bench",
        }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ms(seconds: list[float]) -> tuple[float, float]:
    return statistics.median(seconds) * 1000, pct(seconds, 0.95) * 1000


def plain_store(directory: Path) -> Store:
    """The baseline: the same schema and code over stdlib sqlite3 with the same pragmas."""
    directory.mkdir(parents=True)
    conn = sqlite3.connect(directory / "plain.db", check_same_thread=False)
    apply_pragmas(conn)
    store = Store(directory, conn, ProfileInfo(salt=b"", kdf=DEFAULT_KDF_PARAMS))
    migrations.migrate(store.db)
    return store


def residents(n: int) -> list[Resident]:
    fake = Faker("id_ID")
    fake.seed_instance(7)
    out = []
    for i in range(n):
        sex = JenisKelamin.PEREMPUAN if i % 2 else JenisKelamin.LAKI_LAKI
        first = fake.first_name_female() if i % 2 else fake.first_name_male()
        born = fake.date_of_birth(minimum_age=17, maximum_age=80)
        dd = born.day + (40 if i % 2 else 0)
        out.append(Resident(
            nik=f"167101{dd:02d}{born.month:02d}{born.year % 100:02d}{i % 9999 + 1:04d}",
            nama=f"{first} {fake.last_name()}".upper(), tanggal_lahir=born, jenis_kelamin=sex,
            alamat=fake.street_address().upper(), rt=f"{i % 20 + 1:03d}", rw=f"{i % 9 + 1:03d}",
            kelurahan_kode="16.71.01.1001", nama_ibu=fake.first_name_female().upper(),
        ))
    return out


def bench_saves(enc: Store, plain: Store) -> tuple[list[float], list[float]]:
    """Interleaved saves (encrypted, then plain) of the same recordings."""
    people = residents(SAVES)
    enc_repo, plain_repo = RecordingRepo(enc), RecordingRepo(plain)
    enc_t: list[float] = []
    plain_t: list[float] = []
    for resident in people:
        rec = Recording.new(resident, operator="bench", status=RecordingStatus.COMPLETE)
        media = [MediaItem("photo", "image/jpeg", os.urandom(PHOTO_KB * 1024), {"approved": True})]
        for repo, times in ((enc_repo, enc_t), (plain_repo, plain_t)):
            start = time.perf_counter()
            repo.save(rec, media, enqueue=True)
            times.append(time.perf_counter() - start)
    return enc_t, plain_t


def bench_import(store: Store) -> tuple[float, int]:
    repo = TargetRepo(store)
    start = time.perf_counter()
    inserted, updated = repo.upsert_many(target_rows(TARGETS))
    elapsed = time.perf_counter() - start
    assert updated == 0 and repo.count() == inserted
    return elapsed, inserted


def search_queries(rows_sample: list[dict], rng: random.Random) -> tuple[list[str], list[str]]:
    names, niks = [], []
    for i in range(QUERIES):
        row = rng.choice(rows_sample)
        words = row["nama"].split()
        if i % 3 == 0:
            names.append(words[0][: rng.randint(3, len(words[0]))])  # one word, a prefix of it
        else:
            names.append(f"{words[0]} {words[-1][: rng.randint(3, len(words[-1]))]}")
        niks.append(row["nik"][: rng.randint(6, 16)])
    return names, niks


def bench_search(store: Store, names: list[str], niks: list[str]) -> tuple[list[float], list[float], int]:
    repo = TargetRepo(store)
    found = 0
    name_t, nik_t = [], []
    for text in names:
        start = time.perf_counter()
        hits = repo.search(text, limit=50)
        name_t.append(time.perf_counter() - start)
        found += bool(hits)
    for text in niks:
        start = time.perf_counter()
        hits = repo.search(text, limit=50)
        nik_t.append(time.perf_counter() - start)
        found += bool(hits)
    return name_t, nik_t, found


def bench_pages(store: Store, names: list[str], rng: random.Random) -> tuple[list[float], list[float]]:
    """The list view: pages of open targets, plain and filtered by a name search."""
    repo = TargetRepo(store)
    listing, searching = [], []
    for text in names:
        start = time.perf_counter()
        repo.page(only_open=True, limit=100, offset=rng.randrange(0, 10_000, 100))
        listing.append(time.perf_counter() - start)
        start = time.perf_counter()
        repo.page(search=text, only_open=True, limit=100)
        searching.append(time.perf_counter() - start)
    return listing, searching


def main() -> None:
    own_dir = "JEMPUT_BENCH_DIR" not in os.environ
    base = Path(os.environ.get("JEMPUT_BENCH_DIR") or tempfile.mkdtemp(prefix="jemput-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    figures: dict = {"saves": SAVES, "photo_kb": PHOTO_KB, "targets": TARGETS, "queries": QUERIES}
    try:
        start = time.perf_counter()
        derive_key(PASSPHRASE, new_salt(), DEFAULT_KDF_PARAMS)
        kdf_s = time.perf_counter() - start
        create_profile(base / "enc", PASSPHRASE).close()
        unlocks = []
        for _ in range(3):  # median of three: the machine may be busy with other work
            start = time.perf_counter()
            enc = open_profile(base / "enc", PASSPHRASE)
            unlocks.append(time.perf_counter() - start)
            enc.close()
        unlock_s = statistics.median(unlocks)
        enc = open_profile(base / "enc", PASSPHRASE)
        plain = plain_store(base / "plain")
        figures["unlock_s"] = round(unlock_s, 3)
        figures["kdf"] = {**DEFAULT_KDF_PARAMS.to_dict(), "seconds": round(kdf_s, 3)}
        print(f"unlock (argon2id t={DEFAULT_KDF_PARAMS.time_cost} m={DEFAULT_KDF_PARAMS.memory_cost // 1024} MiB "
              f"p={DEFAULT_KDF_PARAMS.parallelism}): kdf {kdf_s:.3f} s, open (median of 3) {unlock_s:.3f} s")

        enc_t, plain_t = bench_saves(enc, plain)
        (e50, e95), (p50, p95) = ms(enc_t), ms(plain_t)
        figures.update(
            save_p50_ms=round(e50, 2), save_p95_ms=round(e95, 2),
            plain_save_p50_ms=round(p50, 2), plain_save_p95_ms=round(p95, 2),
            save_ratio_vs_plain=round(e50 / p50, 2),
        )
        print(f"save {SAVES} x {PHOTO_KB} KB: encrypted p50 {e50:.2f} ms p95 {e95:.2f} ms | "
              f"plain p50 {p50:.2f} ms p95 {p95:.2f} ms | ratio (p50) {e50 / p50:.2f}")

        results = {}
        for label, store in (("encrypted", enc), ("plain", plain)):
            elapsed, inserted = bench_import(store)
            results[label] = (elapsed, inserted)
            print(f"import {inserted} targets ({label}): {elapsed:.1f} s, {inserted / elapsed:,.0f} rows/s")
        (imp_s, inserted), (plain_imp_s, _) = results["encrypted"], results["plain"]
        figures.update(
            targets=inserted, import_s=round(imp_s, 2), import_rows_per_s=round(inserted / imp_s),
            plain_import_rows_per_s=round(inserted / plain_imp_s), import_ratio_vs_plain=round(imp_s / plain_imp_s, 2),
        )

        start = time.perf_counter()
        sample = list(target_rows(min(TARGETS, 50_000)))[:: max(1, min(TARGETS, 50_000) // 5000)]
        reimport_rows = list(target_rows(min(TARGETS, 100_000)))
        ins, upd = TargetRepo(enc).upsert_many(reimport_rows)
        reimport_s = time.perf_counter() - start
        assert ins == 0 and upd == len(reimport_rows) and TargetRepo(enc).count() == inserted
        figures["reimport_rows"] = len(reimport_rows)
        figures["reimport_s"] = round(reimport_s, 2)
        print(f"re-import of {len(reimport_rows)} known targets: {reimport_s:.1f} s, no duplicates")

        names, niks = search_queries(sample, random.Random(42))
        name_t, nik_t, found = bench_search(enc, names, niks)
        plain_name_t, plain_nik_t, _ = bench_search(plain, names, niks)
        (n50, n95), (k50, k95) = ms(name_t), ms(nik_t)
        (pn50, pn95), (pk50, pk95) = ms(plain_name_t), ms(plain_nik_t)
        figures.update(
            search_name_p50_ms=round(n50, 2), search_name_p95_ms=round(n95, 2),
            search_nik_p50_ms=round(k50, 2), search_nik_p95_ms=round(k95, 2),
            plain_search_name_p95_ms=round(pn95, 2), plain_search_nik_p95_ms=round(pk95, 2),
            search_hits=f"{found}/{2 * QUERIES}",
        )
        print(f"search by name ({QUERIES}): p50 {n50:.2f} ms p95 {n95:.2f} ms | plain p95 {pn95:.2f} ms")
        print(f"search by NIK prefix ({QUERIES}): p50 {k50:.2f} ms p95 {k95:.2f} ms | plain p95 {pk95:.2f} ms")
        print(f"queries with hits: {found} of {2 * QUERIES}")
        listing, searching = bench_pages(enc, names, random.Random(7))
        (l50, l95), (q50, q95) = ms(listing), ms(searching)
        figures.update(
            page_list_p95_ms=round(l95, 2), page_search_p95_ms=round(q95, 2),
        )
        print(f"list view pages of 100 open targets: p50 {l50:.2f} ms p95 {l95:.2f} ms; "
              f"with a name search: p50 {q50:.2f} ms p95 {q95:.2f} ms")

        enc.checkpoint()
        figures["db_size_mb"] = round(enc.path.stat().st_size / 1e6, 1)
        enc.close()
        plain.close()
        figures["goals_met"] = bool(e95 <= GOAL_MS and n95 <= GOAL_MS and k95 <= GOAL_MS and unlock_s <= 1.0)
        print(f"database size: {figures['db_size_mb']} MB; goals (save/search p95 <= {GOAL_MS:.0f} ms, "
              f"unlock <= 1 s) met: {figures['goals_met']}")
    finally:
        if own_dir:
            shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()

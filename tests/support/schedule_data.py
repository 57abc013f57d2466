"""Generated residents of a few RTs for the schedule tests (faker id_ID, never real people)."""

from __future__ import annotations

import datetime as dt
import random

from faker import Faker

from app.core.schedules import RtKey
from app.store.targets import TargetRepo

KELURAHAN = "16.71.01.1001"  # Palembang, Tiga-puluh-lima Ilir (seed master data)


def rt_keys(count: int) -> list[RtKey]:
    return [RtKey(KELURAHAN, "003", f"{i + 1:03d}") for i in range(count)]


def add_rt_targets(store, rts: list[RtKey], per_rt: int, *, seed: int = 16) -> list[dict]:
    """`per_rt` residents in each RT (every 10th born 1950: lansia); returns the rows imported."""
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    rows, serial = [], 0
    for rt in rts:
        for i in range(per_rt):
            serial += 1
            born = dt.date(1950, 1 + i % 12, 1 + i % 28) if i % 10 == 0 else dt.date(1990 + i % 15, 1 + i % 12, 1 + i % 28)
            nik = f"167101{born.day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
            rows.append({"nik": nik, "nama": f"{fake.first_name()} {fake.last_name()}",
                         "tanggal_lahir": born, "alamat": f"JL. {fake.street_name().upper()} NO. {rng.randint(1, 99)}",
                         "kelurahan_kode": rt.kelurahan_kode, "rw": rt.rw, "rt": rt.rt})
    TargetRepo(store).upsert_many(rows)
    return rows

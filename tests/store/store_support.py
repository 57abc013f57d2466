"""Helpers for the store tests and the crash writer: profiles at a schema version, generated people.

People come from faker id_ID, never real ones. Imported by tests/store/conftest.py,
the tests, and run by tests/store/crash_writer.py.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

from faker import Faker

from app.core.findings import Acknowledgement
from app.core.lifecycle import RecordingStatus
from app.core.resident import Resident
from app.core.values import Agama, GolonganDarah, JenisKelamin, Pekerjaan, Pendidikan, StatusPerkawinan
from app.store.database import connect
from app.store.keys import derive_key, new_salt
from app.store.media import MediaItem
from app.store.migrations import build_at_version
from app.store.profile import ProfileInfo, db_path, write_profile
from app.store.recordings import Recording
from support.profiles import FAST_KDF, PASSPHRASE

# Palembang, kecamatan Ilir Barat Dua, kelurahan Tiga-puluh-lima Ilir (seed master data).
KELURAHAN = ("16", "71", "01", "1001")


def make_nik(birth: dt.date, sex: JenisKelamin, serial: int, region6: str = "167101") -> str:
    day = birth.day + (40 if sex is JenisKelamin.PEREMPUAN else 0)
    return f"{region6}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def make_resident(fake: Faker, rng: random.Random | None = None) -> Resident:
    """A complete, plausible resident of Palembang."""
    rng = rng or random.Random(fake.random.random())
    sex = rng.choice(list(JenisKelamin))
    first = fake.first_name_female() if sex is JenisKelamin.PEREMPUAN else fake.first_name_male()
    birth = fake.date_of_birth(minimum_age=17, maximum_age=80)
    return Resident(
        nik=make_nik(birth, sex, rng.randint(1, 9999)),
        no_kk="167101" + f"{rng.randint(1, 9999999999):010d}",
        nama=f"{first} {fake.last_name()}".upper(),
        tempat_lahir=fake.city().upper(),
        tanggal_lahir=birth,
        jenis_kelamin=sex,
        golongan_darah=rng.choice(list(GolonganDarah)),
        alamat=fake.street_address().upper(),
        rt=f"{rng.randint(1, 20):03d}",
        rw=f"{rng.randint(1, 9):03d}",
        provinsi_kode=KELURAHAN[0], provinsi_nama="SUMATERA SELATAN",
        kabupaten_kode=".".join(KELURAHAN[:2]), kabupaten_nama="KOTA PALEMBANG",
        kecamatan_kode=".".join(KELURAHAN[:3]), kecamatan_nama="ILIR BARAT DUA",
        kelurahan_kode=".".join(KELURAHAN), kelurahan_nama="TIGA-PULUH-LIMA ILIR",
        agama=rng.choice(list(Agama)),
        status_perkawinan=rng.choice(list(StatusPerkawinan)),
        pekerjaan=rng.choice(list(Pekerjaan)),
        pendidikan=rng.choice(list(Pendidikan)),
        nama_ayah=f"{fake.first_name_male()} {fake.last_name()}".upper(),
        nama_ibu=f"{fake.first_name_female()} {fake.last_name()}".upper(),
        telepon="08" + "".join(rng.choice("0123456789") for _ in range(10)),
    )


def make_media(photo_size: int = 60_000, signature_size: int = 4_000) -> list[MediaItem]:
    return [
        MediaItem("photo", "image/jpeg", os.urandom(photo_size), {"approved": True}),
        MediaItem("signature", "image/png", os.urandom(signature_size), {"strokes": 3}),
    ]


def make_recording(fake: Faker, status: RecordingStatus = RecordingStatus.COMPLETE, **changes) -> Recording:
    return Recording.new(
        make_resident(fake),
        operator="operator-1",
        status=status,
        acknowledgements=[Acknowledgement("nik.birth_date_mismatch", "nik", "sesuai KK")],
        **changes,
    )


def make_profile_at_version(directory: Path, version: int):
    """A profile folder whose database stops at schema `version`; returns its sqlite-utils db.

    The caller may add rows for that version and must close ``db.conn``.
    """
    import sqlite_utils

    directory.mkdir(parents=True, exist_ok=True)
    info = ProfileInfo(salt=new_salt(), kdf=FAST_KDF, schema_version=version)
    write_profile(directory, info)
    conn = connect(db_path(directory), derive_key(PASSPHRASE, info.salt, info.kdf))
    db = sqlite_utils.Database(conn, execute_plugins=False)
    build_at_version(db, version)
    return db


def insert_old_recording(db, resident: Resident, status: str = "draft") -> str:
    """A recording row as every schema version has it (the columns of 0001); returns its uuid."""
    import json
    import uuid

    rec_uuid = str(uuid.uuid4())
    db.conn.execute(
        "INSERT INTO recordings (uuid, nik, nama, status, created_at, updated_at, operator, payload)"
        " VALUES (?, ?, ?, ?, '2024-01-02T03:04:05.000+00:00', '2024-01-02T03:04:05.000+00:00', 'op', ?)",
        (rec_uuid, resident.nik, resident.nama, status, json.dumps(resident.to_dict())))
    return rec_uuid


def open_legacy_raw(directory: Path, passphrase: str) -> "Store":
    """A format-1 profile opened without the move to key slots (to run the old re-key steps on it),
    its schema brought up to date as any opening does."""
    from app.store import migrations
    from app.store.database import Store, unlock_profile
    from app.store.profile import read_profile

    conn, info, _finished, key, _slot = unlock_profile(directory, read_profile(directory), passphrase)
    store = Store(directory, conn, info, key)
    migrations.migrate(store.db)
    return store

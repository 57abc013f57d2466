"""Generated demo residents for a demo kelurahan (never real people).

Names come from faker's id_ID locale; NIKs and KK numbers are built from the
demo kecamatan code, the birth date and sex, so they pass every check.
The same seed always gives the same people, so screenshots and tests agree.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from app.core.nik import build_nik
from app.core.resident import Resident
from app.core.values import (
    Agama,
    GolonganDarah,
    HubunganKeluarga,
    JenisKelamin,
    Pekerjaan,
    Pendidikan,
    StatusPerkawinan,
)

DEMO_PROVINSI = ("13", "Sumatera Barat")
DEMO_KABUPATEN = ("13.72", "Kota Solok")
DEMO_KECAMATAN = ("13.72.01", "Lubuk Sikarah")
DEMO_KELURAHAN = ("13.72.01.1001", "Tanah Garam")
DEMO_STREETS = ["Jl. Syech Kukut", "Jl. Tembok Raya", "Jl. Lubuk Sikarah", "Jl. Kinantan",
                "Jl. Pandan Wangi", "Jl. Ahmad Yani", "Gg. Mawar", "Jl. Rambutan"]


@dataclass(frozen=True)
class DemoPerson:
    resident: Resident
    status_ktp: str


def _faker(seed: int):
    from faker import Faker

    fake = Faker("id_ID")
    fake.seed_instance(seed)
    return fake


def demo_residents(count: int = 300, *, seed: int = 17, today: dt.date | None = None) -> list[Resident]:
    """`count` generated residents of the demo kelurahan, aged 15 to 90 on `today`."""
    today = today or dt.date(2026, 11, 1)
    rng = random.Random(seed)
    fake = _faker(seed)
    region6 = DEMO_KECAMATAN[0].replace(".", "")
    serials: dict[str, int] = {}
    kk_serial = 0
    people: list[Resident] = []
    for _ in range(count):
        sex = rng.choice([JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN])
        age_days = rng.randint(15 * 365 + 200, 90 * 365)
        birth = today - dt.timedelta(days=age_days)
        key = birth.strftime("%d%m%y") + sex.value
        serials[key] = serials.get(key, 0) + 1
        nik = build_nik(region6, birth, sex, serials[key])
        kk_serial += 1
        issued = today - dt.timedelta(days=rng.randint(30, 3650))
        no_kk = f"{region6}{issued.strftime('%d%m%y')}{kk_serial:04d}"
        first = fake.first_name_male() if sex is JenisKelamin.LAKI_LAKI else fake.first_name_female()
        nama = f"{first} {fake.last_name()}".upper()
        age = (today - birth).days // 365
        married = age >= 22 and rng.random() < 0.7
        people.append(Resident(
            nik=nik, no_kk=no_kk, nama=nama,
            tempat_lahir=rng.choice(["SOLOK", "PADANG", "BUKITTINGGI", "PAYAKUMBUH", "SAWAHLUNTO"]),
            tanggal_lahir=birth, jenis_kelamin=sex,
            golongan_darah=rng.choice(list(GolonganDarah)),
            alamat=f"{rng.choice(DEMO_STREETS)} No. {rng.randint(1, 120)}",
            rt=f"{rng.randint(1, 5):03d}", rw=f"{rng.randint(1, 2):03d}",
            provinsi_kode=DEMO_PROVINSI[0], provinsi_nama=DEMO_PROVINSI[1],
            kabupaten_kode=DEMO_KABUPATEN[0], kabupaten_nama=DEMO_KABUPATEN[1],
            kecamatan_kode=DEMO_KECAMATAN[0], kecamatan_nama=DEMO_KECAMATAN[1],
            kelurahan_kode=DEMO_KELURAHAN[0], kelurahan_nama=DEMO_KELURAHAN[1],
            agama=rng.choices(list(Agama), weights=[90, 4, 2, 1, 1, 1, 1])[0],
            status_perkawinan=StatusPerkawinan.KAWIN if married else StatusPerkawinan.BELUM_KAWIN,
            pekerjaan=Pekerjaan.PELAJAR_MAHASISWA if age < 22 else rng.choice(list(Pekerjaan)[:20]),
            pendidikan=rng.choice(list(Pendidikan)[2:8]),
            hubungan_keluarga=(HubunganKeluarga.KEPALA_KELUARGA if married and sex is JenisKelamin.LAKI_LAKI
                               else HubunganKeluarga.ISTRI if married else HubunganKeluarga.ANAK),
            nama_ayah=fake.first_name_male().upper() + " " + fake.last_name().upper(),
            nama_ibu=fake.first_name_female().upper() + " " + fake.last_name().upper(),
        ))
    return people


def target_row(resident: Resident, status_ktp: str = "BELUM REKAM") -> dict:
    """The target-list row for a resident (the columns `import-targets` reads)."""
    return {
        "nik": resident.nik,
        "nama": resident.nama,
        "tanggal_lahir": resident.tanggal_lahir.isoformat() if resident.tanggal_lahir else "",
        "jenis_kelamin": resident.jenis_kelamin.value if resident.jenis_kelamin else "",
        "alamat": resident.alamat,
        "rt": resident.rt,
        "rw": resident.rw,
        "kelurahan_kode": resident.kelurahan_kode,
        "status_ktp": status_ktp,
    }

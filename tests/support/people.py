"""Generated residents for the tests (never real people): a NIK that matches the
birth date, sex and kecamatan, a KK of the same region, names from Faker id_ID.

One generator serves the server tests (`serverkit.People`, dicts as
`Resident.to_dict` gives them) and the laptop/sync tests (`sync_support.People`,
`Resident` objects).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from faker import Faker

from app.core.names import normalize_name
from app.core.nik import build_nik
from app.core.regions import RegionIndex, RegionLevel


@dataclass
class GeneratedPeople:
    regions: RegionIndex
    fake: Faker
    rng: random.Random
    serials: Any = field(default_factory=lambda: itertools.count(1))

    def kelurahan(self, area: str | None = None):
        choices = [r for r in self.regions if r.level is RegionLevel.KELURAHAN
                   and (area is None or r.kode.startswith(area + ".") or r.kode == area)]
        return self.rng.choice(choices)

    def name(self, sex: str) -> str:
        first = self.fake.first_name_male() if sex == "L" else self.fake.first_name_female()
        return normalize_name(f"{first} {self.fake.last_name()}")

    def resident_data(self, area: str | None, on: dt.date, **changes: Any) -> dict[str, Any]:
        """A complete resident as `Resident.to_dict` gives it, aged 18–70 and valid on `on`."""
        kel = self.kelurahan(area)
        kec = self.regions.get(kel.parent_kode)
        kab = self.regions.get(kec.parent_kode)
        prov = self.regions.get(kab.parent_kode)
        sex = self.rng.choice("LP")
        born = on - dt.timedelta(days=self.rng.randint(18 * 366, 70 * 365))
        serial = next(self.serials) % 9999 + 1
        region6 = kec.kode.replace(".", "")
        data = {
            "nik": build_nik(region6, born, sex, serial),
            "no_kk": region6 + f"{self.rng.randint(1, 10**10 - 1):010d}",
            "nama": self.name(sex),
            "tempat_lahir": normalize_name(kab.nama.replace("Kota ", "")),
            "tanggal_lahir": born.isoformat(),
            "tanggal_lahir_presisi": "exact",
            "jenis_kelamin": sex,
            "golongan_darah": 13,
            "alamat": self.fake.street_address().upper(),
            "rt": f"{self.rng.randint(1, 12):03d}",
            "rw": f"{self.rng.randint(1, 6):03d}",
            "provinsi_kode": prov.kode, "provinsi_nama": prov.nama,
            "kabupaten_kode": kab.kode, "kabupaten_nama": kab.nama,
            "kecamatan_kode": kec.kode, "kecamatan_nama": kec.nama,
            "kelurahan_kode": kel.kode, "kelurahan_nama": kel.nama,
            "agama": 1, "status_perkawinan": 2, "pekerjaan": 2, "kewarganegaraan": "WNI",
            "pendidikan": 5, "hubungan_keluarga": 1,
            "nama_ayah": self.name("L"), "nama_ibu": self.name("P"),
            "disabilitas": [], "telepon": "", "catatan": "",
        }
        data.update(changes)
        return data

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

    def family_data(self, area: str | None, on: dt.date, children: int = 2) -> dict[str, Any]:
        """A family with no NIK/KK yet as `Registration.to_dict` gives it: a head (L), his wife, children."""
        head = self.resident_data(area, on, jenis_kelamin="L", nama=self.name("L"), hubungan_keluarga=1,
                                  status_perkawinan=2)
        address = {k: head[k] for k in ("alamat", "rt", "rw", "provinsi_kode", "kabupaten_kode",
                                        "kecamatan_kode", "kelurahan_kode")}
        member_keys = ("nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "hubungan_keluarga", "agama",
                       "status_perkawinan", "pendidikan", "pekerjaan", "kewarganegaraan", "nama_ayah", "nama_ibu")
        born = dt.date.fromisoformat(head["tanggal_lahir"])
        members = [{k: head[k] for k in member_keys},
                   {**{k: head[k] for k in member_keys}, "nama": self.name("P"), "jenis_kelamin": "P",
                    "hubungan_keluarga": 3, "tanggal_lahir": (born + dt.timedelta(days=400)).isoformat(),
                    "nama_ayah": self.name("L"), "nama_ibu": self.name("P")}]
        for i in range(children):
            sex = self.rng.choice("LP")
            child_born = min(on, born + dt.timedelta(days=365 * 22 + 500 * i))
            members.append({**{k: head[k] for k in member_keys}, "nama": self.name(sex), "jenis_kelamin": sex,
                            "hubungan_keluarga": 4, "status_perkawinan": 1, "pendidikan": 2, "pekerjaan": 1,
                            "tanggal_lahir": child_born.isoformat(), "nama_ayah": members[0]["nama"],
                            "nama_ibu": members[1]["nama"]})
        return {**address, "members": members}

    def issued_for(self, family: dict[str, Any]) -> tuple[str, list[str]]:
        """A KK number and one NIK per member, as the office would issue them for `family`."""
        region6 = family["kecamatan_kode"].replace(".", "")
        niks = [build_nik(region6, dt.date.fromisoformat(m["tanggal_lahir"]), m["jenis_kelamin"],
                          next(self.serials) % 9999 + 1) for m in family["members"]]
        return region6 + f"{self.rng.randint(1, 10**10 - 1):010d}", niks

"""Official SIAK value lists, as enumerations carrying their codes and labels.

The codes are the ones SIAK and SIAK-compatible village systems use, so a
recording exported from Jemput lines up with the central data. Labels are the
official Indonesian wording (they are data, not UI text, and are not translated).
"""

from __future__ import annotations

from enum import Enum, IntEnum


class SiakEnum(IntEnum):
    """An IntEnum whose members are ``(code, label)``; ``int(member)`` is the SIAK code."""

    label: str

    def __new__(cls, code: int, label: str):
        obj = int.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_code(cls, code: int | str) -> "SiakEnum":
        """The member with this code; raises ValueError (with the list name) otherwise."""
        member = cls._value2member_map_.get(code) if type(code) is int else None  # the common case, at once
        if member is not None:
            return member
        try:
            return cls(int(code))
        except (ValueError, TypeError):
            raise ValueError(f"kode {cls.__name__} tidak dikenal: {code!r}") from None

    @classmethod
    def from_label(cls, label: str) -> "SiakEnum":
        """The member whose label matches, ignoring case, spaces and punctuation spacing."""
        key = _fold(label)
        for member in cls:
            if _fold(member.label) == key:
                return member
        raise ValueError(f"nilai {cls.__name__} tidak dikenal: {label!r}")

    @classmethod
    def parse(cls, value) -> "SiakEnum":
        """Accept a member, a code (int or digit string) or a label."""
        if type(value) is int and value in cls._value2member_map_:  # a code as stored: at once
            return cls._value2member_map_[value]
        if isinstance(value, cls):
            return value
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            return cls.from_code(value)
        if isinstance(value, str):
            return cls.from_label(value)
        raise ValueError(f"nilai {cls.__name__} tidak dikenal: {value!r}")


def _fold(text: str) -> str:
    return "".join(ch for ch in str(text).upper() if ch.isalnum())


class JenisKelamin(str, Enum):
    LAKI_LAKI = "L"
    PEREMPUAN = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is JenisKelamin.LAKI_LAKI else "Perempuan"

    @classmethod
    def parse(cls, value) -> "JenisKelamin":
        if isinstance(value, cls):
            return value
        if type(value) is str and value in cls._value2member_map_:  # "L" or "P" as stored
            return cls._value2member_map_[value]
        key = _fold(value)
        if key in ("L", "LK", "LAKILAKI", "1", "M", "MALE"):
            return cls.LAKI_LAKI
        if key in ("P", "PR", "PEREMPUAN", "WANITA", "2", "F", "FEMALE"):
            return cls.PEREMPUAN
        raise ValueError(f"jenis kelamin tidak dikenal: {value!r}")


class Kewarganegaraan(str, Enum):
    WNI = "WNI"
    WNA = "WNA"

    @property
    def label(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value) -> "Kewarganegaraan":
        if isinstance(value, cls):
            return value
        if type(value) is str and value in cls._value2member_map_:  # "WNI" or "WNA" as stored
            return cls._value2member_map_[value]
        key = _fold(value)
        if key in ("WNI", "1"):
            return cls.WNI
        if key in ("WNA", "2"):
            return cls.WNA
        raise ValueError(f"kewarganegaraan tidak dikenal: {value!r}")


class Agama(SiakEnum):
    ISLAM = (1, "Islam")
    KRISTEN = (2, "Kristen")
    KATHOLIK = (3, "Katholik")
    HINDU = (4, "Hindu")
    BUDHA = (5, "Budha")
    KHONGHUCU = (6, "Khonghucu")
    KEPERCAYAAN = (7, "Kepercayaan Terhadap Tuhan YME")


class StatusPerkawinan(SiakEnum):
    BELUM_KAWIN = (1, "Belum Kawin")
    KAWIN = (2, "Kawin")
    CERAI_HIDUP = (3, "Cerai Hidup")
    CERAI_MATI = (4, "Cerai Mati")

    @property
    def ever_married(self) -> bool:
        return self is not StatusPerkawinan.BELUM_KAWIN


class GolonganDarah(SiakEnum):
    A = (1, "A")
    B = (2, "B")
    AB = (3, "AB")
    O = (4, "O")
    A_POS = (5, "A+")
    A_NEG = (6, "A-")
    B_POS = (7, "B+")
    B_NEG = (8, "B-")
    AB_POS = (9, "AB+")
    AB_NEG = (10, "AB-")
    O_POS = (11, "O+")
    O_NEG = (12, "O-")
    TIDAK_TAHU = (13, "Tidak Tahu")

    @classmethod
    def from_label(cls, label: str) -> "GolonganDarah":
        # "+" and "-" matter here, so compare without folding punctuation away.
        key = str(label).strip().upper().replace("\u2212", "-").replace(" ", "")
        for member in cls:
            if member.label.upper().replace(" ", "") == key:
                return member
        raise ValueError(f"nilai GolonganDarah tidak dikenal: {label!r}")


class Pendidikan(SiakEnum):
    TIDAK_BELUM_SEKOLAH = (1, "Tidak/Belum Sekolah")
    BELUM_TAMAT_SD = (2, "Belum Tamat SD/Sederajat")
    TAMAT_SD = (3, "Tamat SD/Sederajat")
    SLTP = (4, "SLTP/Sederajat")
    SLTA = (5, "SLTA/Sederajat")
    DIPLOMA_I_II = (6, "Diploma I/II")
    DIPLOMA_III = (7, "Akademi/Diploma III/S. Muda")
    DIPLOMA_IV_S1 = (8, "Diploma IV/Strata I")
    S2 = (9, "Strata II")
    S3 = (10, "Strata III")


class HubunganKeluarga(SiakEnum):
    KEPALA_KELUARGA = (1, "Kepala Keluarga")
    SUAMI = (2, "Suami")
    ISTRI = (3, "Istri")
    ANAK = (4, "Anak")
    MENANTU = (5, "Menantu")
    CUCU = (6, "Cucu")
    ORANG_TUA = (7, "Orang Tua")
    MERTUA = (8, "Mertua")
    FAMILI_LAIN = (9, "Famili Lain")
    PEMBANTU = (10, "Pembantu")
    LAINNYA = (11, "Lainnya")


class Disabilitas(SiakEnum):
    FISIK = (1, "Fisik")
    NETRA = (2, "Netra")
    RUNGU_WICARA = (3, "Rungu/Wicara")
    MENTAL_JIWA = (4, "Mental/Jiwa")
    FISIK_DAN_MENTAL = (5, "Fisik dan Mental")
    LAINNYA = (6, "Lainnya")


class StatusKtpEl(str, Enum):
    BELUM_REKAM = "BELUM REKAM"
    SUDAH_REKAM = "SUDAH REKAM"
    PRINT_READY_RECORD = "PRINT READY RECORD"
    CARD_PRINTED = "CARD PRINTED"
    BELUM_WAJIB = "BELUM WAJIB"

    @property
    def label(self) -> str:
        return self.value


_PEKERJAAN = [
    "Belum/Tidak Bekerja", "Mengurus Rumah Tangga", "Pelajar/Mahasiswa", "Pensiunan",
    "Pegawai Negeri Sipil", "Tentara Nasional Indonesia", "Kepolisian RI", "Perdagangan",
    "Petani/Pekebun", "Peternak", "Nelayan/Perikanan", "Industri", "Konstruksi",
    "Transportasi", "Karyawan Swasta", "Karyawan BUMN", "Karyawan BUMD",
    "Karyawan Honorer", "Buruh Harian Lepas", "Buruh Tani/Perkebunan",
    "Buruh Nelayan/Perikanan", "Buruh Peternakan", "Pembantu Rumah Tangga",
    "Tukang Cukur", "Tukang Listrik", "Tukang Batu", "Tukang Kayu", "Tukang Sol Sepatu",
    "Tukang Las/Pandai Besi", "Tukang Jahit", "Tukang Gigi", "Penata Rias",
    "Penata Busana", "Penata Rambut", "Mekanik", "Seniman", "Tabib", "Paraji",
    "Perancang Busana", "Penterjemah", "Imam Masjid", "Pendeta", "Pastor", "Wartawan",
    "Ustadz/Mubaligh", "Juru Masak", "Promotor Acara", "Anggota DPR-RI", "Anggota DPD",
    "Anggota BPK", "Presiden", "Wakil Presiden", "Anggota Mahkamah Konstitusi",
    "Anggota Kabinet/Kementerian", "Duta Besar", "Gubernur", "Wakil Gubernur", "Bupati",
    "Wakil Bupati", "Walikota", "Wakil Walikota", "Anggota DPRD Provinsi",
    "Anggota DPRD Kabupaten/Kota", "Dosen", "Guru", "Pilot", "Pengacara", "Notaris",
    "Arsitek", "Akuntan", "Konsultan", "Dokter", "Bidan", "Perawat", "Apoteker",
    "Psikiater/Psikolog", "Penyiar Televisi", "Penyiar Radio", "Pelaut", "Peneliti",
    "Sopir", "Pialang", "Paranormal", "Pedagang", "Perangkat Desa", "Kepala Desa",
    "Biarawati", "Wiraswasta", "Lainnya",
]
assert len(_PEKERJAAN) == 89


def _member_name(label: str) -> str:
    out = "".join(ch if ch.isalnum() else "_" for ch in label.upper())
    while "__" in out:
        out = out.replace("__", "_")
    return out.strip("_")


# The 89 SIAK occupation codes, 1 "Belum/Tidak Bekerja" to 89 "Lainnya".
Pekerjaan = SiakEnum(  # type: ignore[call-overload]
    "Pekerjaan",
    [(_member_name(label), (code, label)) for code, label in enumerate(_PEKERJAAN, start=1)],
)
Pekerjaan.__doc__ = "The 89 SIAK occupation codes (1 Belum/Tidak Bekerja ... 89 Lainnya)."

VALUE_LISTS: dict[str, type] = {
    "agama": Agama,
    "status_perkawinan": StatusPerkawinan,
    "golongan_darah": GolonganDarah,
    "pendidikan": Pendidikan,
    "hubungan_keluarga": HubunganKeluarga,
    "pekerjaan": Pekerjaan,
    "disabilitas": Disabilitas,
    "jenis_kelamin": JenisKelamin,
    "kewarganegaraan": Kewarganegaraan,
}

"""The columns of a target list and the header names (aliases) accepted for each."""

from __future__ import annotations

import re
import unicodedata

REQUIRED_COLUMNS = (
    "nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
)
OPTIONAL_COLUMNS = ("no_kk", "tempat_lahir", "status_ktp")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
REGION_PART_COLUMNS = ("no_prop", "no_kab", "no_kec", "no_kel")
TARGETS, CLASS_LIST = "targets", "class_list"
"""The two kinds of list: the office's target list, and a school's class list (school mode)."""
CLASS_LIST_REQUIRED = ("nik", "nama", "tanggal_lahir", "jenis_kelamin")
CLASS_LIST_COLUMNS = CLASS_LIST_REQUIRED + ("kelas", "no_kk", "tempat_lahir")
"""A class list names no address: the school is the trip's place."""
MAX_KELAS = 40
"""SIAK's split region code: together they stand for ``kelurahan_kode`` when that column is absent."""

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan"),
    "nama": ("nama", "nama_lengkap", "nama_lgkp", "nama_penduduk", "nama_warga", "nama_siswa",
             "nama_peserta_didik", "nama_murid"),
    "tanggal_lahir": (
        "tanggal_lahir", "tgl_lahir", "tgl_lhr", "tanggal_lhr", "tgllahir", "tanggallahir",
    ),
    "jenis_kelamin": (
        "jenis_kelamin", "jenis_klmin", "jns_klmin", "jk", "kelamin", "l_p", "lp", "jns_kelamin",
        "jenkel", "sex",
    ),
    "alamat": ("alamat", "alamat_lengkap", "alamat_rumah", "jalan"),
    "rt": ("rt", "no_rt", "nomor_rt"),
    "rw": ("rw", "no_rw", "nomor_rw"),
    "kelurahan_kode": (
        "kelurahan_kode", "kode_kelurahan", "kode_kel", "kd_kel", "kel_kode", "kode_desa",
        "desa_kode", "kode_kelurahan_desa", "kode_kel_desa", "kode_wilayah",
    ),
    "no_kk": ("no_kk", "nomor_kk", "nkk", "kk", "no_kartu_keluarga", "nomor_kartu_keluarga"),
    "tempat_lahir": ("tempat_lahir", "tmp_lahir", "tmpt_lahir", "tempat_lhr", "tmpt_lhr", "tmp_lhr"),
    "status_ktp": (
        "status_ktp", "status_ktp_el", "status_ektp", "status_e_ktp", "status_rekam",
        "status_perekaman",
    ),
    "no_prop": ("no_prop", "no_prov", "no_provinsi", "kode_prop", "kd_prop", "kode_prov", "kode_provinsi"),
    "no_kab": ("no_kab", "no_kabupaten", "no_kab_kota", "no_kota", "kode_kab", "kd_kab", "kode_kabupaten"),
    "no_kec": ("no_kec", "no_kecamatan", "kode_kec", "kd_kec", "kode_kecamatan"),
    "no_kel": ("no_kel", "no_kelurahan", "no_desa", "no_kel_desa"),
    "kelas": ("kelas", "rombel", "rombongan_belajar", "nama_rombel", "tingkat_kelas"),
}
# Each alias also without its underscores: 'NAMALGKP', 'NO KK' and 'No.KK' all find their column.
_ALIAS_TO_FIELD = {
    key: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases
    for key in (alias, alias.replace("_", ""))
}


def header_key(text: object) -> str:
    """'TGL. LAHIR' -> 'tgl_lahir', 'L/P' -> 'l_p', 'Nama Lengkap' -> 'nama_lengkap'."""
    value = "" if text is None else str(text)
    value = unicodedata.normalize("NFKC", value).strip().lstrip("\ufeff").lower()
    return re.sub(r"[^0-9a-z]+", "_", value).strip("_")


def map_header(cells: list[object]) -> tuple[dict[str, int], list[str]]:
    """Column positions of the known fields, and problems (duplicate columns).

    Unknown columns are ignored.
    """
    positions: dict[str, int] = {}
    problems: list[str] = []
    for index, cell in enumerate(cells):
        key = header_key(cell)
        name = _ALIAS_TO_FIELD.get(key) or _ALIAS_TO_FIELD.get(key.replace("_", ""))
        if name is None:
            continue
        if name in positions:
            problems.append(f"kolom {name} muncul lebih dari sekali (kolom {positions[name] + 1} dan {index + 1})")
            continue
        positions[name] = index
    return positions, problems


def has_region_parts(positions: dict[str, int]) -> bool:
    """True when the header has SIAK's NO_PROP, NO_KAB, NO_KEC and NO_KEL columns."""
    return all(name in positions for name in REGION_PART_COLUMNS)


def required_columns(kind: str = TARGETS) -> tuple[str, ...]:
    return CLASS_LIST_REQUIRED if kind == CLASS_LIST else REQUIRED_COLUMNS


def missing_columns(positions: dict[str, int], kind: str = TARGETS) -> list[str]:
    """The required columns a header lacks, in the canonical order.

    ``kelurahan_kode`` is not missing when the four region part columns are there.
    """
    return [name for name in required_columns(kind) if name not in positions
            and not (name == "kelurahan_kode" and has_region_parts(positions))]


def header_error(missing: list[str], kind: str = TARGETS) -> str:
    """The operator's sentence for a header without some required columns."""
    shown = [name if name != "kelurahan_kode" else "kelurahan_kode (atau NO_PROP, NO_KAB, NO_KEC, NO_KEL)"
             for name in missing]
    return (
        f"kolom tidak ada di baris judul: {', '.join(shown)} "
        f"(kolom wajib: {', '.join(required_columns(kind))})"
    )

"""The columns of a target list and the header names (aliases) accepted for each."""

from __future__ import annotations

import re
import unicodedata

REQUIRED_COLUMNS = (
    "nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
)
OPTIONAL_COLUMNS = ("no_kk", "tempat_lahir", "status_ktp")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan"),
    "nama": ("nama", "nama_lengkap", "nama_penduduk", "nama_warga"),
    "tanggal_lahir": (
        "tanggal_lahir", "tgl_lahir", "tgl_lhr", "tanggal_lhr", "tgllahir", "tanggallahir",
    ),
    "jenis_kelamin": (
        "jenis_kelamin", "jk", "kelamin", "l_p", "lp", "jns_kelamin", "jenkel", "sex",
    ),
    "alamat": ("alamat", "alamat_lengkap", "alamat_rumah", "jalan"),
    "rt": ("rt", "no_rt", "nomor_rt"),
    "rw": ("rw", "no_rw", "nomor_rw"),
    "kelurahan_kode": (
        "kelurahan_kode", "kode_kelurahan", "kode_kel", "kd_kel", "kel_kode", "kode_desa",
        "desa_kode", "kode_kelurahan_desa", "kode_kel_desa", "kode_wilayah",
    ),
    "no_kk": ("no_kk", "nomor_kk", "nkk", "kk", "no_kartu_keluarga", "nomor_kartu_keluarga"),
    "tempat_lahir": ("tempat_lahir", "tmp_lahir", "tmpt_lahir", "tempat_lhr"),
    "status_ktp": (
        "status_ktp", "status_ktp_el", "status_ektp", "status_e_ktp", "status_rekam",
        "status_perekaman",
    ),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases}


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
        name = _ALIAS_TO_FIELD.get(header_key(cell))
        if name is None:
            continue
        if name in positions:
            problems.append(f"kolom {name} muncul lebih dari sekali (kolom {positions[name] + 1} dan {index + 1})")
            continue
        positions[name] = index
    return positions, problems


def missing_columns(positions: dict[str, int]) -> list[str]:
    """The required columns a header lacks, in the canonical order."""
    return [name for name in REQUIRED_COLUMNS if name not in positions]


def header_error(missing: list[str]) -> str:
    """The operator's sentence for a header without some required columns."""
    return (
        f"kolom tidak ada di baris judul: {', '.join(missing)} "
        f"(kolom wajib: {', '.join(REQUIRED_COLUMNS)})"
    )

"""Finding messages in the window's language: one template per finding code.

`app.core` and `app.capture` write each `Finding.message` in Bahasa Indonesia
and keep the values they wrote into it in `Finding.params`. This table holds,
for every code, the same sentence with ``{param}`` placeholders, listed for
the translator (context "Findings"). `finding_text` translates the template
and fills in the params; with the Indonesian source it gives back exactly
`Finding.message` (tests/ui/test_finding_texts.py holds every code to that).

A few codes word their message in more than one way (an optional hint, a
second date): their templates form a tuple, and the one whose placeholders
are exactly the finding's params is used. Param values that are words (field
labels, sexes, colours, month names in dates) are translated from the
"FindingWords" context; codes, numbers and characters are shown as they are.
Unknown codes (a server reason, a newer peer's finding) and findings whose
params fit no template fall back to `Finding.message`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from string import Formatter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.findings import Finding
from app.ui.messages import translate_message

CONTEXT = "Findings"
WORDS_CONTEXT = "FindingWords"

TEMPLATES: dict[str, str | tuple[str, ...]] = {
    # NIK (app/core/nik.py)
    "nik.required": QT_TRANSLATE_NOOP("Findings", "NIK wajib diisi."),
    "nik.not_digits": QT_TRANSLATE_NOOP("Findings", "NIK hanya boleh berisi angka 0-9."),
    "nik.length": QT_TRANSLATE_NOOP("Findings", "NIK harus tepat 16 angka (sekarang {length})."),
    "nik.date_invalid": QT_TRANSLATE_NOOP("Findings", "Angka tanggal lahir dalam NIK (digit 7-12) bukan tanggal yang ada: tanggal 01-31 untuk laki-laki, 41-71 untuk perempuan, bulan 01-12."),
    "nik.serial_zero": QT_TRANSLATE_NOOP("Findings", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."),
    "nik.birth_date_mismatch": (
        QT_TRANSLATE_NOOP("Findings", "Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). NIK tidak diterbitkan ulang bila tanggalnya keliru: periksa dokumen, lalu konfirmasi."),
        QT_TRANSLATE_NOOP("Findings", "Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). {hint} dipakai untuk tanggal lahir yang tidak diketahui. NIK tidak diterbitkan ulang bila tanggalnya keliru: periksa dokumen, lalu konfirmasi."),
    ),
    "nik.sex_mismatch": QT_TRANSLATE_NOOP("Findings", "Jenis kelamin dalam NIK ({nik_sex}) berbeda dengan formulir ({form_sex}). Pada NIK perempuan tanggal lahir ditambah 40. Periksa dokumen, lalu konfirmasi."),
    "nik.region_unknown": QT_TRANSLATE_NOOP("Findings", "Kode wilayah NIK {region} bukan kecamatan dalam data master saat ini. NIK tetap memakai kode tempat pertama diterbitkan, termasuk kode lama dari wilayah yang sudah dimekarkan. Periksa dokumen, lalu konfirmasi."),
    "nik.region_differs_address": QT_TRANSLATE_NOOP("Findings", "Kode wilayah NIK {region} berbeda dengan kecamatan alamat {address}. Wajar bila penduduk pindah atau wilayah dimekarkan: NIK tidak berubah. Konfirmasi bila benar."),
    # KK (app/core/kk.py)
    "kk.required": QT_TRANSLATE_NOOP("Findings", "Nomor KK wajib diisi."),
    "kk.not_digits": QT_TRANSLATE_NOOP("Findings", "Nomor KK hanya boleh berisi angka 0-9."),
    "kk.length": QT_TRANSLATE_NOOP("Findings", "Nomor KK harus tepat 16 angka (sekarang {length})."),
    "kk.region_unknown": QT_TRANSLATE_NOOP("Findings", "Kode wilayah nomor KK {region} bukan kecamatan dalam data master saat ini (mungkin kode lama sebelum pemekaran). Periksa KK, lalu konfirmasi."),
    "kk.region_differs_address": QT_TRANSLATE_NOOP("Findings", "Kode wilayah nomor KK {region} tidak sesuai dengan alamat ({address}). Wajar bila KK belum diperbarui setelah pindah. Konfirmasi bila benar."),
    # Names (app/core/names.py)
    "name.required": QT_TRANSLATE_NOOP("Findings", "{label} wajib diisi."),
    "name.too_long": QT_TRANSLATE_NOOP("Findings", "{label} paling banyak {limit} karakter (sekarang {length})."),
    "name.invalid_chars": (
        QT_TRANSLATE_NOOP("Findings", "{label} berisi karakter yang tidak boleh dipakai: {chars}. Yang boleh: huruf A-Z, spasi, tanda petik ('), tanda hubung (-), titik (.) dan koma (,)."),
        QT_TRANSLATE_NOOP("Findings", "{label} berisi karakter yang tidak boleh dipakai: {chars} dan {more} lainnya. Yang boleh: huruf A-Z, spasi, tanda petik ('), tanda hubung (-), titik (.) dan koma (,)."),
        QT_TRANSLATE_NOOP("Findings", "{label} harus diawali huruf (A-Z)."),
    ),
    # Eligibility (app/core/eligibility.py)
    "eligibility.pre_record": QT_TRANSLATE_NOOP("Findings", "Belum 17 tahun (usia {age}): boleh direkam, kartu ditahan sampai usia 17 pada {card_held_until}."),
    "eligibility.too_young": (
        QT_TRANSLATE_NOOP("Findings", "Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} (usia {min_age}, kartu ditahan sampai usia 17 pada {card_held_until})."),
        QT_TRANSLATE_NOOP("Findings", "Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} (usia 17)."),
    ),
    # The whole record (app/core/validation.py)
    "field.required": QT_TRANSLATE_NOOP("Findings", "{label} wajib diisi."),
    "field.too_long": QT_TRANSLATE_NOOP("Findings", "{label} paling banyak {limit} karakter (sekarang {length})."),
    "tanggal_lahir.future": QT_TRANSLATE_NOOP("Findings", "Tanggal lahir tidak boleh sesudah tanggal perekaman."),
    "tanggal_lahir.implausible": QT_TRANSLATE_NOOP("Findings", "Usia lebih dari {max_age} tahun: periksa tahun lahir, lalu konfirmasi."),
    "rt_rw.invalid": QT_TRANSLATE_NOOP("Findings", "{label} harus 1-3 angka dan bukan 0 (mis. 001)."),
    "telepon.invalid": QT_TRANSLATE_NOOP("Findings", "Nomor telepon harus 8-15 angka, boleh diawali + (mis. 081234567890)."),
    "region.invalid": QT_TRANSLATE_NOOP("Findings", "Kode {level} tidak valid."),
    "region.unknown": QT_TRANSLATE_NOOP("Findings", "Kode {level} {code} tidak ada dalam data master."),
    "region.inconsistent": QT_TRANSLATE_NOOP("Findings", "{level} {code} tidak berada di bawah {parent}."),
    # Photo and signature (app/core/media_rules.py)
    "media.photo_required": QT_TRANSLATE_NOOP("Findings", "Foto belum diambil (atau catat alasan bila foto tidak memungkinkan)."),
    "media.signature_required": QT_TRANSLATE_NOOP("Findings", "Tanda tangan belum ada (atau catat alasan bila warga tidak dapat menandatangani)."),
    # Photo quality (app/capture/quality.py)
    "photo.no_face": QT_TRANSLATE_NOOP("Findings", "Wajah tidak terlihat. Minta warga menghadap lurus ke kamera."),
    "photo.multiple_faces": QT_TRANSLATE_NOOP("Findings", "Lebih dari satu wajah terlihat. Pastikan hanya warga yang difoto di depan kamera."),
    "photo.face_too_small": QT_TRANSLATE_NOOP("Findings", "Wajah terlalu kecil. Minta warga mendekat ke kamera."),
    "photo.face_too_large": QT_TRANSLATE_NOOP("Findings", "Wajah terlalu dekat. Minta warga mundur sedikit dari kamera."),
    "photo.off_centre": QT_TRANSLATE_NOOP("Findings", "Wajah tidak di tengah. Minta warga bergeser ke tengah bingkai."),
    "photo.tilted": QT_TRANSLATE_NOOP("Findings", "Kepala miring ({angle}°). Minta warga menegakkan kepala."),
    "photo.blurred": QT_TRANSLATE_NOOP("Findings", "Foto buram. Minta warga diam sejenak, periksa fokus kamera, lalu ambil ulang."),
    "photo.too_dark": QT_TRANSLATE_NOOP("Findings", "Foto terlalu gelap. Tambah lampu atau hadapkan warga ke arah cahaya."),
    "photo.too_bright": QT_TRANSLATE_NOOP("Findings", "Foto terlalu terang. Kurangi cahaya langsung atau jauhi jendela."),
    "photo.uneven_light": QT_TRANSLATE_NOOP("Findings", "Cahaya tidak merata di wajah (satu sisi gelap). Atur lampu agar dari depan."),
    "photo.background_not_uniform": QT_TRANSLATE_NOOP("Findings", "Latar belakang tidak polos. Pasang kain latar satu warna di belakang warga."),
    "photo.background_wrong_colour": (
        QT_TRANSLATE_NOOP("Findings", "Warna latar belakang tidak sesuai: seharusnya {expected}, terlihat {seen}."),
        QT_TRANSLATE_NOOP("Findings", "Latar {expected} kurang terlihat: sebagian besar tertutup orang/benda atau bercampur warna lain. Rapikan kain latar di belakang warga."),
    ),
    "photo.glasses": QT_TRANSLATE_NOOP("Findings", "Warga tampaknya memakai kacamata. Minta kacamata dilepas untuk foto."),
}

# Param values that are words: field labels (validation.py, names.py), the sexes
# (nik.sex_mismatch), background colours (quality.py), the estimated-date hints
# (nik.py) and month names (inside dates). Region levels, RT and RW stay as they are.
WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("FindingWords", "Nama"),
    QT_TRANSLATE_NOOP("FindingWords", "Nama ayah"),
    QT_TRANSLATE_NOOP("FindingWords", "Nama ibu"),
    QT_TRANSLATE_NOOP("FindingWords", "Tempat lahir"),
    QT_TRANSLATE_NOOP("FindingWords", "Tanggal lahir"),
    QT_TRANSLATE_NOOP("FindingWords", "Jenis kelamin"),
    QT_TRANSLATE_NOOP("FindingWords", "Alamat"),
    QT_TRANSLATE_NOOP("FindingWords", "Agama"),
    QT_TRANSLATE_NOOP("FindingWords", "Status perkawinan"),
    QT_TRANSLATE_NOOP("FindingWords", "Pekerjaan"),
    QT_TRANSLATE_NOOP("FindingWords", "Kewarganegaraan"),
    QT_TRANSLATE_NOOP("FindingWords", "Pendidikan"),
    QT_TRANSLATE_NOOP("FindingWords", "Hubungan dalam keluarga"),
    QT_TRANSLATE_NOOP("FindingWords", "Catatan"),
    QT_TRANSLATE_NOOP("FindingWords", "laki-laki"),
    QT_TRANSLATE_NOOP("FindingWords", "perempuan"),
    QT_TRANSLATE_NOOP("FindingWords", "merah"),
    QT_TRANSLATE_NOOP("FindingWords", "oranye"),
    QT_TRANSLATE_NOOP("FindingWords", "biru"),
    QT_TRANSLATE_NOOP("FindingWords", "warna lain"),
    QT_TRANSLATE_NOOP("FindingWords", "abu-abu/putih/hitam"),
    QT_TRANSLATE_NOOP("FindingWords", "Tanggal 1 Juli (SIAK)"),
    QT_TRANSLATE_NOOP("FindingWords", "Tanggal 31 Desember (SIMDUK)"),
)

MONTHS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("FindingWords", "Januari"),
    QT_TRANSLATE_NOOP("FindingWords", "Februari"),
    QT_TRANSLATE_NOOP("FindingWords", "Maret"),
    QT_TRANSLATE_NOOP("FindingWords", "April"),
    QT_TRANSLATE_NOOP("FindingWords", "Mei"),
    QT_TRANSLATE_NOOP("FindingWords", "Juni"),
    QT_TRANSLATE_NOOP("FindingWords", "Juli"),
    QT_TRANSLATE_NOOP("FindingWords", "Agustus"),
    QT_TRANSLATE_NOOP("FindingWords", "September"),
    QT_TRANSLATE_NOOP("FindingWords", "Oktober"),
    QT_TRANSLATE_NOOP("FindingWords", "November"),
    QT_TRANSLATE_NOOP("FindingWords", "Desember"),
)

_WORDS = frozenset(WORDS)
_DATE = re.compile(r"(\d{1,2}) (%s) (\d{1,4})" % "|".join(MONTHS))


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _text, name, _spec, _conv in Formatter().parse(template) if name)


def templates(code: str) -> tuple[str, ...]:
    """The (untranslated) templates of a code; empty for an unknown code."""
    found = TEMPLATES.get(code, ())
    return (found,) if isinstance(found, str) else found


_BY_CODE: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    code: tuple((_placeholders(t), t) for t in templates(code)) for code in TEMPLATES
}


def _word(value: str) -> str:
    """A param value in the window's language: known words and dates translated, the rest as is."""
    if value in _WORDS:
        return QCoreApplication.translate(WORDS_CONTEXT, value)
    date = _DATE.fullmatch(value)
    if date is not None:
        day, month, year = date.groups()
        return f"{day} {QCoreApplication.translate(WORDS_CONTEXT, month)} {year}"
    return value


def finding_text(finding: Finding) -> str:
    """What the operator reads for `finding`, in the window's language."""
    params = dict(finding.params)
    keys = frozenset(params)
    template = next((t for names, t in _BY_CODE.get(finding.code, ()) if names == keys), None)
    if template is None:
        return finding.message
    translated = QCoreApplication.translate(CONTEXT, template)
    try:
        return translated.format(**{k: _word(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):  # a broken translation: the Indonesian is still right
        return finding.message


def server_reasons_text(reasons: Iterable[Finding], message: str | None) -> str:
    """The server's word on a recording in the window's language, as one line.

    With structured `reasons` (kept since protocol 1.1 params) each is shown
    through `finding_text` (a code without a template: its message through the
    "Messages" catalogue); without them the stored `message` as before.
    """
    seen: list[str] = []
    for finding in reasons:
        text = finding_text(finding)
        if text == finding.message:
            text = translate_message(text)
        if text and text not in seen:
            seen.append(text)
    if not seen:
        return translate_message(message)
    return " ".join(t if t.endswith(".") else t + "." for t in seen)

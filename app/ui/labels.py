"""Words for codes that come from outside the UI: recording statuses and field names.

`app.core` keeps its Indonesian labels (they are data, shared with the CLI and
server); the window shows them through these tables so the English
translation covers them too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.core.lifecycle import RecordingStatus

_STATUS = {
    RecordingStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draf"),
    RecordingStatus.COMPLETE: QT_TRANSLATE_NOOP("Labels", "Menunggu persetujuan"),
    RecordingStatus.QUEUED: QT_TRANSLATE_NOOP("Labels", "Menunggu kirim"),
    RecordingStatus.SENT: QT_TRANSLATE_NOOP("Labels", "Terkirim"),
    RecordingStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "Diterima"),
    RecordingStatus.DUPLICATE_REVIEW: QT_TRANSLATE_NOOP("Labels", "Perlu ditinjau"),
    RecordingStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Ditolak"),
}

FIELD_TITLES = {
    "nik": QT_TRANSLATE_NOOP("Labels", "NIK"),
    "no_kk": QT_TRANSLATE_NOOP("Labels", "Nomor KK"),
    "nama": QT_TRANSLATE_NOOP("Labels", "Nama"),
    "tempat_lahir": QT_TRANSLATE_NOOP("Labels", "Tempat lahir"),
    "tanggal_lahir": QT_TRANSLATE_NOOP("Labels", "Tanggal lahir"),
    "jenis_kelamin": QT_TRANSLATE_NOOP("Labels", "Jenis kelamin"),
    "agama": QT_TRANSLATE_NOOP("Labels", "Agama"),
    "golongan_darah": QT_TRANSLATE_NOOP("Labels", "Gol. darah"),
    "alamat": QT_TRANSLATE_NOOP("Labels", "Alamat"),
    "rt": QT_TRANSLATE_NOOP("Labels", "RT"),
    "rw": QT_TRANSLATE_NOOP("Labels", "RW"),
    "provinsi_kode": QT_TRANSLATE_NOOP("Labels", "Provinsi"),
    "kabupaten_kode": QT_TRANSLATE_NOOP("Labels", "Kab./Kota"),
    "kecamatan_kode": QT_TRANSLATE_NOOP("Labels", "Kecamatan"),
    "kelurahan_kode": QT_TRANSLATE_NOOP("Labels", "Kel./Desa"),
    "status_perkawinan": QT_TRANSLATE_NOOP("Labels", "Status kawin"),
    "hubungan_keluarga": QT_TRANSLATE_NOOP("Labels", "Hubungan"),
    "nama_ayah": QT_TRANSLATE_NOOP("Labels", "Nama ayah"),
    "nama_ibu": QT_TRANSLATE_NOOP("Labels", "Nama ibu"),
    "pendidikan": QT_TRANSLATE_NOOP("Labels", "Pendidikan"),
    "pekerjaan": QT_TRANSLATE_NOOP("Labels", "Pekerjaan"),
    "kewarganegaraan": QT_TRANSLATE_NOOP("Labels", "Kewarganegaraan"),
    "photo": QT_TRANSLATE_NOOP("Labels", "Foto"),
    "signature": QT_TRANSLATE_NOOP("Labels", "Tanda tangan"),
    "fingerprint": QT_TRANSLATE_NOOP("Labels", "Sidik jari"),
    "iris": QT_TRANSLATE_NOOP("Labels", "Iris mata"),
}


def status_label(status: RecordingStatus | str) -> str:
    return QCoreApplication.translate("Labels", _STATUS[RecordingStatus(status)])


def field_title(key: str) -> str:
    source = FIELD_TITLES.get(key)
    return QCoreApplication.translate("Labels", source) if source else key

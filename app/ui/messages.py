"""Operator messages made by the Qt-free layers (app.capture, sync.client),
listed here so the translator sees them, and translated when they are shown.

`translate_message` returns the translation of a known message (in the
"Messages" context) and any other text unchanged: server reasons and texts
with numbers in them stay in Bahasa Indonesia.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Messages"

KNOWN: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "Kamera tidak ditemukan. Periksa kabel USB kamera, lalu pilih kamera lain atau coba lagi."),
    QT_TRANSLATE_NOOP("Messages", "Kamera tidak ditemukan atau tidak mengirim gambar. Tutup aplikasi lain yang memakai kamera, lalu coba lagi."),
    QT_TRANSLATE_NOOP("Messages", "Kamera terputus. Periksa kabel USB kamera, pasang kembali, lalu tekan 'Sambungkan ulang'."),
    QT_TRANSLATE_NOOP("Messages", "Berkas sumber gambar tidak ditemukan."),
    QT_TRANSLATE_NOOP("Messages", "Berkas video tidak bisa dibuka atau rusak."),
    QT_TRANSLATE_NOOP("Messages", "Berkas gambar tidak bisa dibuka atau rusak."),
    QT_TRANSLATE_NOOP("Messages", "Folder tidak berisi gambar yang bisa dibuka."),
    QT_TRANSLATE_NOOP("Messages", "Sumber video terputus atau berkasnya rusak di tengah jalan."),
    QT_TRANSLATE_NOOP("Messages", "Gambar di folder sumber hilang atau tidak bisa dibuka lagi."),
    QT_TRANSLATE_NOOP("Messages", "Sumber gambar belum dibuka."),
    QT_TRANSLATE_NOOP("Messages", "Server tidak dapat dihubungi (tidak ada sinyal, atau server mati)."),
    QT_TRANSLATE_NOOP("Messages", "Server terlalu lama menjawab (sinyal lemah)."),
    QT_TRANSLATE_NOOP("Messages", "Sertifikat server tidak dapat diverifikasi. Periksa alamat server, atau pasang berkas sertifikat (CA) Dinas di pengaturan sinkron."),
    QT_TRANSLATE_NOOP("Messages", "Perangkat ini belum didaftarkan ke server. Isi alamat server dan kode pendaftaran dari admin."),
    QT_TRANSLATE_NOOP("Messages", "Server tidak mengenali perangkat ini (token ditolak). Pengiriman dihentikan sementara: daftarkan ulang perangkat dengan kode baru dari admin. Rekaman tetap aman di laptop ini."),
    QT_TRANSLATE_NOOP("Messages", "Perangkat ini telah dicabut oleh admin server, jadi pengiriman dihentikan. Rekaman tetap aman di laptop ini. Hubungi admin Dinas untuk kode pendaftaran baru."),
    QT_TRANSLATE_NOOP("Messages", "Versi aplikasi ini tidak didukung server. Perbarui aplikasi Jemput, lalu coba lagi."),
    QT_TRANSLATE_NOOP("Messages", "Sinkron dihentikan."),
    QT_TRANSLATE_NOOP("Messages", "Sinkron sedang berjalan."),
    QT_TRANSLATE_NOOP("Messages", "Terlalu banyak percobaan kode pendaftaran. Coba lagi nanti."),
    QT_TRANSLATE_NOOP("Messages", "Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa). Minta kode baru ke admin."),
    QT_TRANSLATE_NOOP("Messages", "Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. Rekaman ini diubah setelah terkirim sebagian: hubungi admin untuk meninjaunya."),
    QT_TRANSLATE_NOOP("Messages", "Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. Rekaman ini diubah setelah terkirim sebagian: pilih \"Jadikan versi baru\" untuk mengirim isi laptop ini sebagai versi baru yang menggantikannya, atau hubungi admin."),
    QT_TRANSLATE_NOOP("Messages", "Kamera bermasalah karena kesalahan yang tidak terduga. Coba lagi atau pilih sumber lain."),
    # The server's own reasons (sync/server/intake.py), which have no app.core finding code.
    QT_TRANSLATE_NOOP("Messages", "Foto tidak ada dan tidak ada alasan pengecualian."),
    QT_TRANSLATE_NOOP("Messages", "Tanda tangan tidak ada dan tidak ada alasan pengecualian."),
    QT_TRANSLATE_NOOP("Messages", "NIK ini juga direkam pada rekaman lain; keduanya disimpan dan perlu ditinjau petugas."),
    QT_TRANSLATE_NOOP("Messages", "SHA-256 isi rekaman tidak cocok dengan isinya; rekaman tidak disimpan."),
    QT_TRANSLATE_NOOP("Messages", "UUID ini sudah diterima dengan isi lain; salinan server tidak diubah dan kiriman ini disimpan untuk ditinjau admin."),
    QT_TRANSLATE_NOOP("Messages", "Rekaman tidak dapat menggantikan dirinya sendiri."),
    QT_TRANSLATE_NOOP("Messages", "Rekaman yang digantikan belum ada di server."),
    QT_TRANSLATE_NOOP("Messages", "Rekaman yang digantikan berasal dari perangkat lain."),
    QT_TRANSLATE_NOOP("Messages", "Rekaman yang digantikan sudah diganti oleh versi lain."),
    QT_TRANSLATE_NOOP("Messages", "Ukuran media tidak cocok dengan berkas ber-SHA-256 sama yang sudah ada."),
    QT_TRANSLATE_NOOP("Messages", "Rekaman tidak dapat diperiksa server (nilai di luar jangkauan, mis. tahun)."),
)


def translate_message(text: str | None) -> str:
    """The message in the window's language (unknown texts come back as they are)."""
    if not text:
        return text or ""
    return QCoreApplication.translate(CONTEXT, text)

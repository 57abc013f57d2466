"""The catalogue's groups for what the store and the session refuse or report.

RECORDING (a recording's lifecycle, the session's other errors), STORE (the profile's storage,
backups, passphrases, people). Part of the one catalogue: import them from `app.core.messages`.
"""

from __future__ import annotations

from app.core.messages_types import Templates

# What the store and the session refuse to do with a recording (app/core/lifecycle.py,
# app/store/recordings.py, app/store/outbox.py, app/session.py), and the session's words for other errors.
# Statuses are their labels (`RecordingStatus.label`).
RECORDING: dict[str, Templates] = {
    "recording.not_found": "Rekaman tidak ditemukan.",
    "recording.unsaved_too_long": (
        "Rekaman baru dihentikan: rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan. "
        "Sinkronkan atau buat cadangan dulu."
    ),
    "recording.incomplete": (
        "Rekaman belum dapat diselesaikan: masih ada kesalahan atau peringatan yang belum dikonfirmasi."
    ),
    "recording.move_forbidden": "status rekaman tidak dapat berubah dari '{current}' ke '{new}'",
    "recording.not_complete": "hanya rekaman yang sudah selesai yang dapat dikirim",
    "recording.not_saved_so": "rekaman berstatus '{status}' tidak disimpan dengan cara ini",
    "recording.not_editable": "rekaman berstatus '{status}' tidak dapat diubah",
    "recording.purged": "Data pribadi rekaman ini sudah dihapus dari laptop setelah diterima server.",
    "recording.on_server": (
        "Rekaman ini sudah sampai di server (foto/tanda tangan mungkin masih dikirim), jadi tidak dapat "
        "diubah lagi. Jika ada yang salah, perbaiki setelah server memberi hasil verifikasi."
    ),
    "recording.delete_not_draft": "Hanya rekaman berstatus draf yang dapat dihapus.",
    "outbox.not_found": "Antrean kirim untuk rekaman ini tidak ditemukan.",
    "receipt.not_complete": "Bukti perekaman hanya untuk rekaman yang sudah selesai.",
    "fix.not_rejected": "Hanya rekaman yang ditolak server yang dapat diperbaiki.",
    "fix.purged": (
        "Data pribadi rekaman ini sudah dihapus dari laptop; rekam ulang warga ini sebagai rekaman baru."
    ),
    "fix.duplicate_verdict": (
        "Rekaman ini ditolak admin karena NIK-nya sudah direkam di rekaman lain (keputusan tinjauan NIK ganda); "
        "tidak diperbaiki dan dikirim ulang. Hubungi admin bila keputusan itu keliru."
    ),
    "fix.already_fixed": "Rekaman ini sudah diperbaiki dan dikirim ulang sebagai versi baru.",
    "correct.editable": "Rekaman ini belum sampai di server: ubah langsung, tanpa versi baru.",
    "conflict.not_parked": (
        "Hanya rekaman yang ditahan karena konflik dengan server yang dapat dijadikan versi baru."
    ),
    "conflict.already_new_version": "Rekaman ini sudah dijadikan versi baru.",
    # anything else the session reports (app.session.error_message)
    "error.file_unreadable": "Berkas tidak dapat dibuka.",
    "error.unexpected": "Terjadi kesalahan tak terduga ({kind}). Data yang sudah tersimpan aman.",
}

# The profile's storage troubles the operator can act on (`app.store.errors.StoreError` by code: the known
# SQLite failures, opening and creating the profile, changing its passphrase, backup and restore, operators).
STORE: dict[str, Templates] = {
    "store.wrong_passphrase": "Kata sandi salah. Periksa kembali lalu coba lagi.",
    "store.profile_missing": "Profil tidak ditemukan di folder ini. Buat profil baru lebih dulu.",
    "store.schema_too_new": (
        "Basis data ini dibuat oleh versi Jemput yang lebih baru. Perbarui aplikasi sebelum membukanya."
    ),
    "store.disk_full": "Penyimpanan penuh. Kosongkan ruang disk lalu coba lagi.",
    "store.io": "Gagal membaca/menulis berkas basis data (kesalahan disk).",
    "store.busy": "Basis data sedang dipakai proses lain. Tutup aplikasi lain lalu coba lagi.",
    "store.corrupt": "Berkas basis data rusak.",
    "backup.name_taken": "Terlalu banyak cadangan dengan waktu yang sama di folder tujuan.",
    "backup.dest_unusable": "Folder tujuan tidak dapat dipakai: {dest} ({reason}).",
    "backup.write_failed": (
        "Gagal menulis cadangan ke tujuan ({reason}); cadangan tidak dibuat. Periksa flashdisk lalu coba "
        "lagi."
    ),
    "backup.keep_negative": "Jumlah cadangan lama yang disimpan tidak boleh negatif.",
    "backup.dest_missing": "Folder tujuan tidak ditemukan: {dest}. Pasang flashdisk atau pilih folder lain.",
    "backup.dest_not_folder": "Tujuan cadangan harus sebuah folder: {dest}",
    "backup.dest_in_profile": (
        "Cadangan tidak boleh disimpan di dalam folder profil itu sendiri. Pilih folder di disk lain, "
        "misalnya flashdisk."
    ),
    "backup.dest_read_only": "Folder tujuan tidak dapat ditulis: {dest}. Periksa izin atau kunci tulis flashdisk.",
    "backup.space_short": (
        "Ruang kosong di tujuan tidak cukup: perlu sekitar {needed}, tersedia {free}. Kosongkan ruang atau "
        "pilih flashdisk lain."
    ),
    "backup.copy_corrupt": "Salinan cadangan rusak (integrity_check gagal); cadangan dibatalkan.",
    "backup.copy_differs": "Isi salinan cadangan tidak sama dengan profil; cadangan dibatalkan.",
    "backup.dest_full": "Ruang kosong di tujuan tidak cukup. Kosongkan ruang atau pilih flashdisk lain.",
    "backup.dest_filled_up": (
        "Ruang di tujuan habis saat menyalin; cadangan tidak dibuat. Kosongkan ruang atau pilih flashdisk "
        "lain."
    ),
    "backup.source_missing": "Folder cadangan tidak ditemukan: {source}",
    "backup.source_incomplete": "{source} bukan cadangan Jemput yang lengkap (jemput.db dan profile.json harus ada).",
    "backup.restore_target_exists": (
        "Sudah ada profil di {data_dir}; profil yang ada tidak ditimpa. Pulihkan ke folder lain dengan "
        "--data, atau buka cadangan langsung."
    ),
    "backup.copy_unreadable": "Salinan cadangan tidak dapat dibuka dengan kunci profil; cadangan dibatalkan.",
    "backup.source_corrupt": "Cadangan rusak (integrity_check gagal); tidak dipulihkan.",
    "profile.passphrase_empty": "Kata sandi tidak boleh kosong.",
    "profile.exists": "Sudah ada profil di folder ini.",
    "profile.format_unknown": "Format profile.json tidak dikenal.",
    "profile.file_corrupt": "Berkas profile.json rusak atau tidak dapat dibaca.",
    "profile.demo_passphrase": "Kata sandi profil demo tidak dapat diganti.",
    "passphrase.new_empty": "Kata sandi baru tidak boleh kosong.",
    "passphrase.new_too_short": "Kata sandi baru minimal {min} karakter.",
    "passphrase.new_same": "Kata sandi baru sama dengan kata sandi lama.",
    "passphrase.rekey_failed": (
        "Kata sandi tidak dapat diganti: basis data tidak dapat ditulis ulang (periksa ruang disk). Kata "
        "sandi lama tetap berlaku."
    ),
    "passphrase.profile_file_unfinished": (
        "Kata sandi baru sudah berlaku, tetapi berkas profile.json belum selesai diperbarui. Buka profil "
        "dengan kata sandi baru."
    ),
    "passphrase.too_weak": (
        "Kata sandi terlalu mudah ditebak. Pakai tiga atau empat kata yang tidak berhubungan, "
        "misalnya dengan angka di antaranya; jangan nama, tanggal lahir atau urutan seperti 12345678."
    ),
    "passphrase.in_use": "Kata sandi ini sudah dipakai orang lain di laptop ini. Pilih kata sandi lain.",
    "role.forbidden": "Peran {role} tidak boleh {action}. Minta supervisor atau admin tim.",
    "people.last_admin": "Admin terakhir tidak dapat dihapus atau diturunkan; tambahkan admin lain lebih dulu.",
    "people.self_remove": "Anda tidak dapat menghapus diri sendiri; minta admin lain.",
    "people.removed": "Pengguna {name} sudah dihapus.",
    "people.role_unknown": "Peran tidak dikenal: {role} (pilih operator, supervisor atau admin).",
    "unlock.wait": "Terlalu banyak kata sandi salah. Coba lagi dalam {seconds} detik.",
    "operator.not_found": "Operator tidak ditemukan.",
    "operator.name_empty": "nama operator tidak boleh kosong",
    "operator.name_too_long": "nama operator lebih dari {limit} karakter",
    "operator.name_taken": "Nama operator sudah dipakai.",
    "store.wal_unavailable": "Mode jurnal WAL tidak dapat diaktifkan.",
    "store.key_unavailable": "Kunci basis data tidak tersedia untuk operasi ini.",
    "store.closed": "Basis data sudah ditutup.",
}

"""The operator messages of every layer: one Indonesian template per code.

Every finding code of `app.core` and `app.capture`, every camera/source error
of `app.capture.camera`, every reason the server gives (`sync.protocol_reasons.ReasonCodes`),
every failure of the sync client (`sync.client.errors`) and every refusal of
the store and the session (`CodedError`, `app.store.errors.StoreError`) has its
sentence here, written once with ``{param}`` placeholders. `render` fills it:
the checks build their `Finding.message` with it (`app.core.findings.finding`),
the errors their message, and the window translates the same template by code
(`app.ui.texts`). A few codes word their message in more than one way (an
optional hint, a second date): their templates form a tuple, and the one whose
placeholders are exactly the given params is used.

Pure Python: no Qt, no I/O (the server and the command line use it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

Templates = str | tuple[str, ...]

# Findings of the record's checks (app/core: nik, kk, names, eligibility, validation, media_rules).
FINDINGS: dict[str, Templates] = {
    # NIK (app/core/nik.py)
    "nik.required": "NIK wajib diisi.",
    "nik.not_digits": "NIK hanya boleh berisi angka 0-9.",
    "nik.length": "NIK harus tepat 16 angka (sekarang {length}).",
    "nik.date_invalid": (
        "Angka tanggal lahir dalam NIK (digit 7-12) bukan tanggal yang ada: tanggal 01-31 untuk laki-laki, "
        "41-71 untuk perempuan, bulan 01-12.",
        # parse_nik: 29 February of a year 00 that resolves to 1900.
        "Tanggal lahir dalam NIK tidak ada pada tahun {year}.",
    ),
    "nik.serial_zero": "Nomor urut NIK (4 digit terakhir) tidak boleh 0000.",
    "nik.birth_date_mismatch": (
        "Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). NIK tidak diterbitkan "
        "ulang bila tanggalnya keliru: periksa dokumen, lalu konfirmasi.",
        "Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). {hint} dipakai untuk "
        "tanggal lahir yang tidak diketahui. NIK tidak diterbitkan ulang bila tanggalnya keliru: periksa "
        "dokumen, lalu konfirmasi.",
    ),
    "nik.sex_mismatch": (
        "Jenis kelamin dalam NIK ({nik_sex}) berbeda dengan formulir ({form_sex}). Pada NIK perempuan "
        "tanggal lahir ditambah 40. Periksa dokumen, lalu konfirmasi."
    ),
    "nik.region_unknown": (
        "Kode wilayah NIK {region} bukan kecamatan dalam data master saat ini. NIK tetap memakai kode "
        "tempat pertama diterbitkan, termasuk kode lama dari wilayah yang sudah dimekarkan. Periksa "
        "dokumen, lalu konfirmasi."
    ),
    # One resident, once (app/core/repeat.py)
    "nik.recorded_here": (
        "NIK ini sudah ada di laptop ini: rekaman {status} tanggal {date}. Buka rekaman itu untuk melanjutkan "
        "atau memperbaikinya; rekaman kedua untuk warga yang sama perlu alasan.",
        "NIK ini sudah ada di laptop ini: rekaman {status} tanggal {date}, dan {more} rekaman lain. Buka "
        "rekaman itu untuk melanjutkan atau memperbaikinya; rekaman kedua untuk warga yang sama perlu alasan.",
    ),
    "nik.region_differs_address": (
        "Kode wilayah NIK {region} berbeda dengan kecamatan alamat {address}. Wajar bila penduduk pindah "
        "atau wilayah dimekarkan: NIK tidak berubah. Konfirmasi bila benar."
    ),
    # KK (app/core/kk.py)
    "kk.required": "Nomor KK wajib diisi.",
    "kk.not_digits": "Nomor KK hanya boleh berisi angka 0-9.",
    "kk.length": "Nomor KK harus tepat 16 angka (sekarang {length}).",
    "kk.region_unknown": (
        "Kode wilayah nomor KK {region} bukan kecamatan dalam data master saat ini (mungkin kode lama "
        "sebelum pemekaran). Periksa KK, lalu konfirmasi."
    ),
    "kk.region_differs_address": (
        "Kode wilayah nomor KK {region} tidak sesuai dengan alamat ({address}). Wajar bila KK belum "
        "diperbarui setelah pindah. Konfirmasi bila benar."
    ),
    # Names (app/core/names.py)
    "name.required": "{label} wajib diisi.",
    "name.too_long": "{label} paling banyak {limit} karakter (sekarang {length}).",
    "name.invalid_chars": (
        "{label} berisi karakter yang tidak boleh dipakai: {chars}. Yang boleh: huruf A-Z, spasi, "
        "tanda petik ('), tanda hubung (-), titik (.) dan koma (,).",
        "{label} berisi karakter yang tidak boleh dipakai: {chars} dan {more} lainnya. Yang boleh: "
        "huruf A-Z, spasi, tanda petik ('), tanda hubung (-), titik (.) dan koma (,).",
        "{label} harus diawali huruf (A-Z).",
    ),
    # Eligibility (app/core/eligibility.py)
    "eligibility.pre_record": (
        "Belum 17 tahun (usia {age}): boleh direkam, kartu ditahan sampai usia 17 pada {card_held_until}."
    ),
    "eligibility.too_young": (
        "Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} "
        "(usia {min_age}, kartu ditahan sampai usia 17 pada {card_held_until}).",
        "Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} "
        "(usia 17).",
    ),
    # The whole record (app/core/validation.py)
    "field.required": "{label} wajib diisi.",
    "field.too_long": "{label} paling banyak {limit} karakter (sekarang {length}).",
    "tanggal_lahir.future": "Tanggal lahir tidak boleh sesudah tanggal perekaman.",
    "tanggal_lahir.implausible": "Usia lebih dari {max_age} tahun: periksa tahun lahir, lalu konfirmasi.",
    "rt_rw.invalid": "{label} harus 1-3 angka dan bukan 0 (mis. 001).",
    "telepon.invalid": "Nomor telepon harus 8-15 angka, boleh diawali + (mis. 081234567890).",
    "region.invalid": "Kode {level} tidak valid.",
    "region.unknown": "Kode {level} {code} tidak ada dalam data master.",
    "region.inconsistent": "{level} {code} tidak berada di bawah {parent}.",
    # Photo and signature (app/core/media_rules.py)
    "media.photo_required": "Foto belum diambil (atau catat alasan bila foto tidak memungkinkan).",
    "media.signature_required": (
        "Tanda tangan belum ada (atau catat alasan bila warga tidak dapat menandatangani)."
    ),
    # Exceptions for residents who cannot sit for a photo or cannot sign (app/core/exceptions.py)
    "exception.photo_reason_required": "Pilih alasan pengecualian foto dari daftar.",
    "exception.reason_text_required": "Alasan \u201cLainnya\u201d wajib dituliskan (paling sedikit 3 huruf).",
    "exception.photo_missing": "Foto dengan pengecualian tidak berisi foto.",
    "exception.signature_mode_required": "Pilih cara pengganti tanda tangan.",
    "exception.guardian_name_required": "Tuliskan nama wali yang menandatangani.",
    "exception.guardian_relation_required": "Pilih hubungan wali dengan warga.",
    "exception.signature_image_missing": "Cap jempol atau tanda tangan wali belum diambil.",
}

# Findings of the photo checks (app/capture/quality.py).
PHOTO: dict[str, Templates] = {
    "photo.no_face": "Wajah tidak terlihat. Minta warga menghadap lurus ke kamera.",
    "photo.multiple_faces": "Lebih dari satu wajah terlihat. Pastikan hanya warga yang difoto di depan kamera.",
    "photo.face_too_small": "Wajah terlalu kecil. Minta warga mendekat ke kamera.",
    "photo.face_too_large": "Wajah terlalu dekat. Minta warga mundur sedikit dari kamera.",
    "photo.off_centre": "Wajah tidak di tengah. Minta warga bergeser ke tengah bingkai.",
    "photo.tilted": "Kepala miring ({angle}°). Minta warga menegakkan kepala.",
    "photo.blurred": "Foto buram. Minta warga diam sejenak, periksa fokus kamera, lalu ambil ulang.",
    "photo.too_dark": "Foto terlalu gelap. Tambah lampu atau hadapkan warga ke arah cahaya.",
    "photo.too_bright": "Foto terlalu terang. Kurangi cahaya langsung atau jauhi jendela.",
    "photo.uneven_light": "Cahaya tidak merata di wajah (satu sisi gelap). Atur lampu agar dari depan.",
    "photo.background_not_uniform": "Latar belakang tidak polos. Pasang kain latar satu warna di belakang warga.",
    "photo.background_wrong_colour": (
        "Warna latar belakang tidak sesuai: seharusnya {expected}, terlihat {seen}.",
        # The right colour is the one most seen but covers too little of the background
        # (people or things in front of the cloth): "should be red, seen red" would confuse.
        "Latar {expected} kurang terlihat: sebagian besar tertutup orang/benda atau bercampur warna lain. "
        "Rapikan kain latar di belakang warga.",
    ),
    "photo.glasses": "Warga tampaknya memakai kacamata. Minta kacamata dilepas untuk foto.",
}

# Errors of the frame sources (app/capture/camera.py); camera.unexpected: anything else (app/ui/camera_worker.py).
CAPTURE: dict[str, Templates] = {
    "camera.not_found": (
        "Kamera yang dipilih tidak ditemukan. Periksa kabel USB kamera, lalu coba lagi atau pilih kamera "
        "lain di daftar Kamera."
    ),
    # No camera at all (the chooser found none): nothing else can be picked, so say what to check.
    "camera.none_found": (
        "Tidak ada kamera yang terdeteksi di laptop ini. Periksa: kabel USB kamera terpasang (coba colokan "
        "USB lain); kamera laptop tidak dimatikan dengan tombol atau penutup privasi (tombol Fn kamera) atau "
        "di pengaturan privasi Windows; lalu tekan “Cari ulang”."
    ),
    "camera.no_frames": (
        "Kamera tidak ditemukan atau tidak mengirim gambar. Tutup aplikasi lain yang memakai kamera, "
        "lalu coba lagi."
    ),
    "camera.disconnected": (
        "Kamera terputus. Periksa kabel USB kamera, pasang kembali, lalu tekan 'Sambungkan ulang'."
    ),
    "camera.unexpected": (
        "Kamera bermasalah karena kesalahan yang tidak terduga. Coba lagi atau pilih sumber lain."
    ),
    "source.file_missing": "Berkas sumber gambar tidak ditemukan.",
    "source.video_unreadable": "Berkas video tidak bisa dibuka atau rusak.",
    "source.image_unreadable": "Berkas gambar tidak bisa dibuka atau rusak.",
    "source.folder_empty": "Folder tidak berisi gambar yang bisa dibuka.",
    "source.video_lost": "Sumber video terputus atau berkasnya rusak di tengah jalan.",
    "source.folder_lost": "Gambar di folder sumber hilang atau tidak bisa dibuka lagi.",
    "source.not_open": "Sumber gambar belum dibuka.",
}

# The server's own reasons (sync.protocol_reasons.ReasonCodes; sync/server/intake.py and review.py).
SERVER: dict[str, Templates] = {
    # The recording's fingers/irises unreadable (sync.protocol_biometrics, the server's check).
    "biometrics.invalid": (
        "Data sidik jari/iris rekaman ini tidak dapat dibaca (jari atau mata, nilai mutu, atau alasan "
        "pengecualian yang tidak dikenal)."
    ),
    "payload.sha256_mismatch": "SHA-256 isi rekaman tidak cocok dengan isinya; rekaman tidak disimpan.",
    # The detail is the reader's own words (app.core.resident: a value it cannot read).
    "payload.invalid": "{detail}",
    "payload.unprocessable": "Rekaman tidak dapat diperiksa server (nilai di luar jangkauan, mis. tahun).",
    "recording.conflict": (
        "UUID ini sudah diterima dengan isi lain; salinan server tidak diubah dan kiriman ini disimpan "
        "untuk ditinjau admin."
    ),
    "nik.duplicate": (
        "NIK ini juga direkam pada rekaman lain; keduanya disimpan dan perlu ditinjau petugas."
    ),
    "recording.photo_missing": "Foto tidak ada dan tidak ada alasan pengecualian.",
    "recording.signature_missing": "Tanda tangan tidak ada dan tidak ada alasan pengecualian.",
    "media.too_large": "Berkas media melebihi batas {limit} bita.",
    "media.size_mismatch": "Ukuran media tidak cocok dengan berkas ber-SHA-256 sama yang sudah ada.",
    "replaces.self": "Rekaman tidak dapat menggantikan dirinya sendiri.",
    "replaces.unknown": "Rekaman yang digantikan belum ada di server.",
    "replaces.other_device": "Rekaman yang digantikan berasal dari perangkat lain.",
    "replaces.already_replaced": "Rekaman yang digantikan sudah diganti oleh versi lain.",
    "review.kept": (
        "Ditinjau admin (NIK ganda): rekaman ini diterima.",
        "Ditinjau admin (NIK ganda): rekaman ini diterima. Catatan admin: {note}",
    ),
    "review.rejected": "Ditolak admin setelah tinjauan NIK ganda: {note}",
    "recording.date_ahead": (
        "Tanggal rekaman ({date}) lebih dari {days} hari setelah tanggal server menerimanya ({server_date}); "
        "jam laptop mungkin salah. Rekaman disimpan dan perlu ditinjau petugas."
    ),
    "recording.date_behind": (
        "Tanggal rekaman ({date}) lebih dari {days} hari sebelum tanggal server menerimanya ({server_date}); "
        "jam laptop mungkin salah. Rekaman disimpan dan perlu ditinjau petugas."
    ),
    "biometrics.invalid": (
        "Data sidik jari/iris rekaman ini tidak dapat dibaca (jari atau mata, nilai mutu, atau alasan "
        "pengecualian yang tidak dikenal)."
    ),
}

# The sync client's failures and why it parks a recording (sync/client/errors.py raises them
# as `SyncError`s; the pump stores code and params with the words, app.store.sync_keys).
SYNC: dict[str, Templates] = {
    # the connection
    "sync.unreachable": "Server tidak dapat dihubungi (tidak ada sinyal, atau server mati).",
    "sync.timeout": "Server terlalu lama menjawab (sinyal lemah).",
    "sync.tls": (
        "Sertifikat server tidak dapat diverifikasi. Periksa alamat server, atau pasang berkas "
        "sertifikat (CA) Dinas di pengaturan sinkron."
    ),
    "sync.ca_missing": "Berkas sertifikat CA tidak ditemukan: {path}",
    "sync.url_invalid": "Alamat server harus diawali https:// (atau http:// di jaringan lokal).",
    "sync.http_public": (
        "Alamat server {host} memakai http:// tanpa enkripsi ke jaringan umum: token perangkat, NIK dan foto "
        "akan terkirim terbuka. Pakai https://; http:// hanya untuk jaringan lokal (mis. 192.168.x.x)."
    ),
    "sync.cert_pin_mismatch": (
        "Sertifikat server tidak sama dengan sidik jari SHA-256 yang disematkan di pengaturan sinkron, jadi "
        "koneksi dihentikan. Hubungi admin Dinas: sertifikat server mungkin diganti, atau ada pihak lain di jalur."
    ),
    "sync.cert_pin_invalid": "Sidik jari sertifikat server harus SHA-256: 64 digit heksadesimal.",
    # this device and the server
    "sync.unregistered": (
        "Perangkat ini belum didaftarkan ke server. Isi alamat server dan kode pendaftaran dari admin."
    ),
    "sync.token_rejected": (
        "Server tidak mengenali perangkat ini (token ditolak). Pengiriman dihentikan sementara: daftarkan "
        "ulang perangkat dengan kode baru dari admin. Rekaman tetap aman di laptop ini."
    ),
    "sync.revoked": (
        "Perangkat ini telah dicabut oleh admin server, jadi pengiriman dihentikan. Rekaman tetap aman di "
        "laptop ini. Hubungi admin Dinas untuk kode pendaftaran baru."
    ),
    "sync.version_unsupported": "Versi aplikasi ini tidak didukung server. Perbarui aplikasi Jemput, lalu coba lagi.",
    # the run
    "sync.aborted": "Sinkron dihentikan.",
    "sync.busy": "Sinkron sedang berjalan.",
    "sync.waiting_for_retry": "Menunggu jadwal percobaan berikutnya.",
    "sync.unexpected": (
        "Sinkron gagal karena kesalahan tak terduga ({kind}). Rekaman tetap aman di laptop ini."
    ),
    # registration
    "sync.enroll_code_missing": "Kode pendaftaran belum diisi.",
    "sync.enroll_code_invalid": (
        "Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa). Minta kode baru ke admin."
    ),
    "sync.enroll_limited": "Terlalu banyak percobaan kode pendaftaran. Coba lagi dalam {minutes} menit.",
    "sync.enroll_limited_later": "Terlalu banyak percobaan kode pendaftaran. Coba lagi nanti.",
    "sync.not_a_jemput_server": (
        "Alamat ini tidak menjawab sebagai server Jemput (HTTP {status}). Periksa alamat server."
    ),
    "sync.enroll_answer_unreadable": "Jawaban server tidak dapat dibaca. Periksa alamat server.",
    "sync.demo_server_required": (
        "Profil DEMO hanya boleh didaftarkan ke server latihan (server demo). Server ini tidak menyatakan "
        "dirinya server demo, jadi pendaftaran dibatalkan dan tidak ada data yang dikirim. Untuk perekaman "
        "sungguhan, siapkan profil baru dengan kata sandi sendiri."
    ),
    # the server's answers
    "sync.server_busy": "Server sedang sibuk (HTTP 429).",
    "sync.server_unavailable": "Server sedang tidak tersedia (HTTP {status}).",
    "sync.server_trouble": "Terjadi kesalahan di server (HTTP {status}).",
    "sync.answer_unreadable": "Jawaban server terpotong atau tidak dapat dibaca.",
    "sync.answer_mismatch": "Jawaban server tidak sesuai kiriman; dicoba lagi nanti.",
    # `words`: the server's own detail (may be empty: the template ends in a space then).
    "sync.refused": "Server menolak permintaan (HTTP {status}). {words}",
    # media
    "sync.media_unconfirmed": "Server belum mengonfirmasi media; dicoba lagi nanti.",
    "sync.media_offset_missing": "Server tidak menyebut offset unggahan; dicoba lagi nanti.",
    "sync.media_damaged_in_transit": "Berkas media berulang kali rusak di jalan; dicoba lagi nanti.",
    "sync.media_unknown": "Server belum mencatat media rekaman ini; dicoba lagi nanti.",
    # why a recording is parked (a person must look); sync.conflict is app.store.outbox.CONFLICT_CODE
    "sync.conflict": (
        "Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. "
        "Rekaman ini diubah setelah terkirim sebagian: pilih \"Jadikan versi baru\" untuk mengirim isi laptop "
        "ini sebagai versi baru yang menggantikannya, atau hubungi admin."
    ),
    "sync.local_media_damaged": (
        "Berkas foto/tanda tangan rekaman ini di laptop rusak (SHA-256 tidak cocok); rekam ulang foto atau "
        "tanda tangan."
    ),
    "sync.media_not_image": "Server menolak foto/tanda tangan rekaman ini. {words} Rekam ulang lalu kirim lagi.",
    "sync.server_no_biometrics": (
        "Server belum menerima sidik jari dan iris (versi server lama). Rekaman ini menunggu; minta admin "
        "memperbarui server, lalu kirim ulang."
    ),
    "sync.media_not_biometric": (
        "Server menolak rekaman sidik jari/iris rekaman ini. {words} Rekam ulang jari atau mata itu lalu kirim lagi."
    ),
    "sync.payload_invalid": "Rekaman tidak dapat dikirim: isian tidak sesuai format ({fields}).",
    "sync.item_refused": "Server tidak dapat menerima rekaman ini (HTTP {status}). {words}",
    "sync.not_stored": "Server tidak menyimpan rekaman ini.",
    "sync.not_stored_because": "{reasons}",  # the server's own reasons (they name no person)
}

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

# Daftar Warga: target categories and visit outcomes (app/core/categories.py, app/core/outcomes.py):
# their names, and why an outcome cannot be set.
TARGETS: dict[str, Templates] = {
    "category.lansia": "Lansia (60+)",
    "category.difabel": "Difabel",
    "category.pelajar": "Pelajar",
    "category.tahanan": "Tahanan (lapas/rutan)",
    "category.pekerja": "Pekerja (kunjungan perusahaan)",
    "category.perbatasan": "Perbatasan/terpencil",
    "outcome.direkam": "Direkam",
    "outcome.tidak_di_rumah": "Tidak di rumah",
    "outcome.menolak": "Menolak",
    "outcome.pindah": "Pindah",
    "outcome.meninggal": "Meninggal",
    "outcome.kunjungan_ulang": "Sakit / minta kunjungan ulang",
    "outcome.rekam_di_tempat_lain": "Sudah rekam di tempat lain",
    "outcome.unknown": "Hasil kunjungan tidak dikenal.",
    "outcome.after_direkam": "Warga ini sudah direkam; hasil kunjungan lain tidak dapat dicatat lagi.",
    "outcome.direkam_needs_recording": "Hasil 'Direkam' dicatat otomatis dari rekaman yang selesai.",
    "outcome.revisit_required": "Isi tanggal kunjungan ulang.",
    "outcome.revisit_past": "Tanggal kunjungan ulang tidak boleh sebelum hari kunjungan.",
    "outcome.revisit_not_allowed": "Tanggal kunjungan ulang hanya untuk 'Sakit / minta kunjungan ulang'.",
    "outcome.note_too_long": "Catatan paling banyak {limit} karakter.",
    "outcome.target_unknown": "Warga tidak ada dalam daftar target.",
}

# Biometric devices (MOSIP SBI: app/core/sbi_codes.py, app/biometrics) and their ISO records (app/core/biometric_records.py).
BIOMETRIC: dict[str, Templates] = {
    # The device's own error codes (SBI 0.9.5 error table).
    "sbi.not_registered": (
        "Alat biometrik belum terdaftar (belum punya sertifikat dari penyedianya). Hubungi admin atau "
        "penyedia alat; alat ini belum dapat dipakai merekam."
    ),
    "sbi.no_object": "Alat tidak mendeteksi jari atau mata. Letakkan jari rata di kaca pemindai (atau dekatkan mata), lalu ulangi.",
    "sbi.extraction_failed": "Alat gagal mengolah gambar. Bersihkan kaca pemindai, lalu ulangi.",
    "sbi.tamper": (
        "Alat melaporkan tanda dibongkar atau dirusak. Jangan dipakai merekam: laporkan ke admin."
    ),
    "sbi.management_unreachable": (
        "Alat tidak dapat menghubungi server pengelolanya (diperlukan untuk pendaftaran atau pembaruan kunci). "
        "Coba lagi saat ada sinyal, atau hubungi admin."
    ),
    "sbi.orientation": "Posisi jari atau kepala miring. Luruskan tangan (atau kepala), lalu ulangi.",
    "sbi.device_not_found": "Alat biometrik tidak ditemukan. Periksa kabel USB alat, lalu tekan \u201cCari ulang\u201d.",
    "sbi.key_expired": "Kunci alat biometrik sudah kedaluwarsa. Alat perlu diperbarui oleh penyedianya; hubungi admin.",
    "sbi.domain_key_missing": "Alat belum memiliki kunci server (domain). Hubungi admin atau penyedia alat.",
    "sbi.count_not_supported": (
        "Alat tidak dapat merekam jumlah jari atau mata yang diminta. Periksa jenis alat (telapak 4 jari, "
        "satu jari, satu atau dua mata)."
    ),
    "sbi.not_ready": "Alat biometrik belum siap. Tunggu sebentar (lampu alat menyala), lalu ulangi.",
    "sbi.busy": "Alat biometrik sedang dipakai (perekaman lain belum selesai). Tunggu sebentar, lalu ulangi.",
    "sbi.bad_transaction": "Alat menolak nomor transaksi perekaman. Ulangi perekaman; bila terulang, hubungi admin.",
    "sbi.vendor_error": "Alat biometrik melaporkan kesalahan {code}: {info}",
    "sbi.unknown_error": "Alat biometrik melaporkan kesalahan yang tidak dikenal (kode {code}). Ulangi; bila terulang, hubungi admin.",
    # What the client finds itself (app/biometrics/client.py).
    "sbi.no_device": (
        "Tidak ada alat biometrik yang menjawab. Periksa kabel USB alat dan bahwa layanan alat sudah "
        "berjalan, lalu tekan \u201cCari ulang\u201d."
    ),
    "sbi.timeout": "Alat biometrik tidak menjawab dalam {seconds} detik. Periksa alat, lalu ulangi.",
    "sbi.disconnected": (
        "Sambungan ke alat biometrik terputus di tengah perekaman. Periksa kabel USB alat, lalu ulangi; "
        "hasil yang sudah direkam tetap tersimpan."
    ),
    "sbi.bad_response": "Jawaban alat biometrik tidak dapat dibaca. Ulangi; bila terulang, mulai ulang layanan alat.",
    "sbi.malformed_block": "Data bertanda tangan dari alat rusak atau tidak lengkap. Hasil ini tidak dipakai; ulangi perekaman.",
    "sbi.bad_signature": "Tanda tangan digital data dari alat tidak cocok. Hasil ini tidak dipakai; ulangi perekaman.",
    "sbi.hash_chain": (
        "Rantai hash perekaman tidak sambung (data bukan lanjutan perekaman ini). Hasil ini tidak dipakai; "
        "ulangi perekaman."
    ),
    "sbi.wrong_transaction": "Alat mengirim hasil perekaman lain (nomor transaksi berbeda). Hasil ini tidak dipakai; ulangi.",
    "sbi.wrong_subtype": "Alat mengirim jari atau mata yang tidak diminta ({subtype}). Hasil ini tidak dipakai; ulangi.",
    "sbi.missing_capture": "Alat tidak mengirim hasil untuk {subtype}. Ulangi perekaman.",
    "sbi.low_score": "Kualitas {subtype} {score} di bawah batas {required}. Bersihkan jari atau kaca, lalu ulangi.",
    "sbi.wrong_purpose": (
        "Alat ini terdaftar untuk autentikasi, bukan untuk perekaman (registrasi). Pakai alat biometrik "
        "perekaman."
    ),
    # The ISO 19794 record inside a capture (app/core/biometric_records.py).
    "iso.not_iso": "Data biometrik dari alat bukan rekaman ISO 19794 (sidik jari atau iris). Hasil ini tidak dipakai.",
    "iso.wrong_modality": "Rekaman biometrik berjenis lain dari yang diminta (sidik jari dan iris tertukar).",
    "iso.version": "Versi rekaman ISO {version} tidak didukung (yang didukung: 2011, versi 020).",
    "iso.length_mismatch": "Panjang rekaman ISO tidak cocok ({declared} tertulis, {actual} ada). Rekaman rusak.",
    "iso.empty": "Rekaman ISO tidak berisi gambar satu pun.",
    "iso.truncated": "Rekaman ISO terpotong (lebih pendek dari isinya). Rekaman rusak.",
    "iso.bad_value": "Rekaman ISO berisi nilai yang tidak sah pada kolom {field}.",
    "iso.no_image": "Rekaman ISO tidak berisi data gambar.",
    "iso.wrong_position": "Rekaman ISO bukan untuk {slot} (posisi jari atau label mata di dalamnya lain).",
    # Fingerprints and irises by the profile's setting (app/core/biometric_requirement.py)
    "biometrics.fingers_required": (
        "Sidik jari belum lengkap: {count} jari belum direkam atau ditandai pengecualian (F4)."
    ),
    "biometrics.irises_required": "Iris belum lengkap: {count} mata belum direkam atau ditandai pengecualian (F5).",
    "biometrics.fingers_not_captured": (
        "Sidik jari belum direkam ({count} jari). Rekam dengan F4, atau konfirmasi dengan alasan "
        "(mis. perangkat tidak tersedia); warga perlu merekamnya kemudian."
    ),
    "biometrics.irises_not_captured": (
        "Iris belum direkam ({count} mata). Rekam dengan F5, atau konfirmasi dengan alasan "
        "(mis. perangkat tidak tersedia); warga perlu merekamnya kemudian."
    ),
    "biometrics.proof_missing": (
        "{count} pengecualian belum punya foto bukti. Ambil foto bukti di langkahnya, atau konfirmasi "
        "dengan alasan."
    ),
    "biometrics.photo_first": (
        "Foto warga harus diambil dan disetujui warga dulu, sebelum sidik jari dan iris direkam."
    ),
    # Completeness and consistency of a recording's set (app/core/biometric_policy.py; the server's too).
    "biometrics.missing": (
        "Sidik jari dan iris belum direkam. Rekam sepuluh jari dan dua iris, atau catat pengecualian untuk "
        "yang tidak dapat direkam."
    ),
    "biometrics.incomplete": (
        "Sidik jari/iris belum lengkap: {count} belum direkam dan tanpa pengecualian ({slots})."
    ),
    "biometrics.record_missing": "Berkas rekaman ISO tidak ada untuk jari/mata yang tercatat terekam: {slots}.",
    "biometrics.media_unexpected": (
        "Ada berkas sidik jari/iris yang tidak sesuai catatannya (rekaman untuk jari/mata yang tidak tercatat "
        "terekam, atau foto bukti tanpa pengecualian): {slots}."
    ),
}

# Trips (kunjungan) and school mode (app/core/trips.py, app/core/school.py, app/store/trips.py).
TRIPS: dict[str, Templates] = {
    "trip_type.rumah": "Rumah (lansia/difabel)",
    "trip_type.sekolah": "Sekolah",
    "trip_type.lapas": "Lapas/rutan",
    "trip_type.perusahaan": "Perusahaan",
    "trip_type.perbatasan": "Perbatasan (menginap)",
    "trip.type_unknown": "Jenis kunjungan tidak dikenal.",
    "trip.name_required": "Nama kunjungan wajib diisi.",
    "trip.name_too_long": "Nama kunjungan paling banyak {limit} karakter.",
    "trip.place_required": "Tempat kunjungan wajib diisi.",
    "trip.place_too_long": "Tempat kunjungan paling banyak {limit} karakter.",
    "trip.dates_required": "Isi tanggal mulai dan tanggal selesai kunjungan.",
    "trip.end_before_start": "Tanggal selesai tidak boleh sebelum tanggal mulai.",
    "trip.overnight_needs_nights": "Kunjungan perbatasan menginap: tanggal selesai harus sesudah tanggal mulai.",
    "trip.too_long": "Kunjungan paling lama {limit} hari.",
    "trip.member_too_long": "Nama anggota tim paling banyak {limit} karakter.",
    "trip.team_required": "Isi paling sedikit satu anggota tim.",
    "trip.team_too_big": "Tim paling banyak {limit} orang.",
    "trip.not_started": "Kunjungan ini belum dimulai; aktifkan pada tanggal mulainya.",
    "trip.ended": "Kunjungan ini sudah selesai dan tidak dapat diaktifkan lagi.",
    "trip.unknown": "Kunjungan tidak ditemukan.",
    "trip.active": "Kunjungan aktif: {name} ({type})",
    "trip.none_active": "Tidak ada kunjungan aktif",
    "student.belum": "Belum dapat direkam",
    "student.rekam_awal": "Rekam awal: kartu ditahan sampai 17",
    "student.wajib": "Dapat direkam",
    "school.not_school_trip": "Daftar kelas hanya untuk kunjungan sekolah.",
    "school.student_unknown": "Siswa tidak ada dalam daftar kelas kunjungan ini.",
    "school.receiver_required": "Isi nama penerima kartu di sekolah.",
    "school.received_future": "Tanggal terima kartu tidak boleh di masa depan.",
}

# Schedules and invitations per RT (app/core/schedules.py, app/store/schedules.py).
SCHEDULES: dict[str, Templates] = {
    "schedule.order_unknown": "Urutan undangan tidak dikenal (pilih urut daftar atau acak).",
    "schedule.place_required": "Tempat perekaman wajib diisi.",
    "schedule.place_too_long": "Tempat perekaman paling banyak {limit} karakter.",
    "schedule.times_required": "Isi jam mulai dan jam selesai.",
    "schedule.end_before_start": "Jam selesai harus sesudah jam mulai.",
    "schedule.sets_range": "Jumlah set alat harus {low}-{high}.",
    "schedule.minutes_range": "Menit per perekaman harus {low}-{high}.",
    "schedule.window_too_short": "Rentang jam terlalu pendek untuk satu perekaman pun.",
    "schedule.no_days": "Tidak ada hari yang boleh dipakai untuk jadwal.",
    "schedule.too_many_days": "Jadwal ini perlu {days} hari (paling banyak {limit}): tambah set alat atau jam.",
    "schedule.rt_required": "Pilih RT yang dijadwalkan.",
    "schedule.seed_range": "Kode acak harus bilangan {low}-{high}.",
    "schedule.slot_unknown": "Jadwal tidak ditemukan.",
    "schedule.slot_in_past": "Jadwal tidak boleh pada hari yang sudah lewat.",
}

# Hand-carried bundles (sync/bundle.py, `jemput export-bundle`, `jemput-server import-bundle`, receipts).
BUNDLE: dict[str, Templates] = {
    "bundle.not_a_bundle": "Berkas ini bukan kiriman flashdisk Jemput.",
    "bundle.format_unknown": "Format kiriman flashdisk ini tidak dikenal (dibuat versi Jemput yang lebih baru?).",
    "bundle.truncated": (
        "Berkas kiriman tidak utuh (terpotong, mungkin flashdisk dicabut saat menyalin). Tidak ada yang "
        "diimpor; buat kiriman baru dari laptop."
    ),
    "bundle.damaged": "Berkas kiriman rusak (isinya tidak sesuai susunannya). Tidak ada yang diimpor.",
    "bundle.signature_invalid": (
        "Tanda tangan kiriman tidak cocok: berkas telah diubah atau rusak, atau bukan dari perangkat yang "
        "tercatat. Tidak ada yang diimpor."
    ),
    "bundle.undecryptable": "Isi kiriman tidak dapat dibuka dengan kunci server ini. Tidak ada yang diimpor.",
    "bundle.other_server": (
        "Kiriman ini dienkripsi untuk server lain (kunci server tidak cocok). Tidak ada yang diimpor."
    ),
    "bundle.device_unknown": (
        "Kiriman ini dari perangkat {device} yang tidak dikenal server ini atau belum punya kunci tanda tangan. "
        "Tidak ada yang diimpor."
    ),
    "bundle.device_revoked": "Perangkat {device} telah dicabut oleh admin: kirimannya ditolak. Tidak ada yang diimpor.",
    "bundle.key_invalid": "Kunci dalam kiriman atau profil tidak valid.",
    "bundle.no_server_key": (
        "Laptop ini belum menerima kunci kiriman dari server. Daftarkan ulang laptop (jemput register) ke "
        "server versi baru, lalu coba lagi."
    ),
    "bundle.nothing_to_send": "Tidak ada rekaman yang menunggu dikirim.",
    "bundle.folder_unwritable": "Folder tujuan tidak dapat ditulisi ({why}). Antrian laptop tidak berubah.",
    "bundle.unreadable": "Berkas tidak dapat dibaca ({why}).",
    "bundle.receipt_invalid": (
        "Tanda terima tidak sah: tanda tangan server tidak cocok, atau berkasnya rusak. Tidak ada yang ditandai."
    ),
    "bundle.receipt_other_device": "Tanda terima ini untuk perangkat lain. Tidak ada yang ditandai.",
}

# A supervisor's review of completed recordings and the limits on what waits (app/core/approval.py,
# app/core/limits.py, app/store/approvals.py): refusals and the window's banner lines.
APPROVAL: dict[str, Templates] = {
    "approval.reason_unknown": "Pilih alasan pengembalian dari daftar.",
    "approval.note_required": "Tulis catatan untuk operator: apa yang harus diperbaiki.",
    "approval.note_too_long": "Catatan paling banyak {limit} karakter.",
    "approval.not_waiting": "Rekaman ini tidak sedang menunggu persetujuan (statusnya '{status}').",
    "approval.returned": "Dikembalikan supervisor: {words}. Perbaiki, lalu selesaikan lagi.",
    "recording.too_many_waiting": (
        "Rekaman baru dihentikan: {count} rekaman menunggu persetujuan supervisor. Minta supervisor "
        "meninjau rekaman hari ini dulu."
    ),
    "limits.unsaved_warn": (
        "Rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan. Sinkronkan atau buat cadangan."
    ),
    "limits.unsaved_stop": (
        "Rekaman baru dihentikan: rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan."
    ),
    "limits.waiting_warn": "{count} rekaman menunggu persetujuan supervisor.",
    "limits.waiting_stop": "Rekaman baru dihentikan: {count} rekaman menunggu persetujuan supervisor.",
    # why a supervisor returns a recording (app.core.approval.RETURN_REASONS)
    "approval_reason.foto": "Foto perlu diambil ulang",
    "approval_reason.tanda_tangan": "Tanda tangan perlu diulang",
    "approval_reason.data": "Data isian perlu diperbaiki",
    "approval_reason.pengecualian": "Pengecualian belum beralasan",
    "approval_reason.biometrik": "Sidik jari / iris perlu diulang",
    "approval_reason.lainnya": "Lainnya (lihat catatan)",
}

# Card delivery (antar KTP-el: app/core/card_delivery.py, app/store/card_delivery.py).
DELIVERY: dict[str, Templates] = {
    "delivery_reason.tidak_di_rumah": "Tidak di rumah",
    "delivery_reason.pindah": "Pindah",
    "delivery_reason.meninggal": "Meninggal",
    "delivery_reason.menolak": "Menolak",
    "delivery_reason.alamat_tidak_ditemukan": "Alamat tidak ditemukan",
    "delivery_reason.lainnya": "Lainnya",
    "delivery_relation.sendiri": "Warga sendiri",
    "delivery_relation.suami_istri": "Suami/istri",
    "delivery_relation.orang_tua": "Orang tua",
    "delivery_relation.anak": "Anak",
    "delivery_relation.saudara": "Saudara",
    "delivery_relation.ketua_rt": "Ketua RT",
    "delivery_relation.petugas_sekolah": "Petugas sekolah",
    "delivery_relation.lainnya": "Lainnya",
    "delivery_state.menunggu": "Belum diantar",
    "delivery_state.diserahkan": "Diserahkan",
    "delivery_state.tidak_terserahkan": "Tidak terserahkan",
    "delivery.reason_unknown": "Alasan tidak terserahkan tidak dikenal.",
    "delivery.relation_unknown": "Hubungan penerima dengan warga tidak dikenal.",
    "delivery.batch_empty": "Berkas tidak berisi NIK satu pun.",
    "delivery.batch_too_big": "Satu kiriman kartu paling banyak {limit} NIK; bagi berkasnya.",
    "delivery.batch_bad_lines": (
        "{count} baris bukan NIK 16 angka (baris {lines}). Perbaiki berkasnya; tidak ada kartu yang dimasukkan."
    ),
    "delivery.batch_repeated": (
        "{count} NIK tertulis dua kali (baris {lines}). Perbaiki berkasnya; tidak ada kartu yang dimasukkan."
    ),
    "delivery.batch_file_too_big": "Berkas lebih dari {limit} MB; bagi menjadi beberapa kiriman.",
    "delivery.batch_unreadable": "Berkas tidak dapat dibaca sebagai daftar NIK (TXT, CSV UTF-8 atau XLSX).",
    "delivery.batch_name_required": "Isi nama kiriman kartu (mis. Cetak 2 Desember).",
    "delivery.batch_name_too_long": "Nama kiriman paling banyak {limit} karakter.",
    "delivery.card_open_elsewhere": (
        "{count} NIK sudah ada pada kiriman lain yang belum diserahkan (mis. {nik}). Tidak ada kartu yang dimasukkan."
    ),
    "delivery.card_unknown": "Kartu dengan NIK ini tidak ada dalam kiriman mana pun.",
    "delivery.already_handed": "Kartu ini sudah diserahkan; tidak ada yang dapat dicatat lagi.",
    "delivery.receiver_required": "Isi nama penerima kartu.",
    "delivery.receiver_too_long": "Nama penerima atau sekolah paling banyak {limit} karakter.",
    "delivery.school_receiver": "Kartu untuk sekolah diterima petugas sekolah: isi nama sekolah dan pilih 'Petugas sekolah'.",
    "delivery.date_future": "Tanggal antar tidak boleh di masa depan.",
    "delivery.date_required": "Isi tanggal antar.",
    "delivery.note_too_long": "Catatan paling banyak {limit} karakter.",
    "delivery.note_required": "Alasan 'Lainnya' wajib dituliskan di catatan (paling sedikit 3 huruf).",
    "delivery.proof_required": "Ambil foto penerima atau tanda tangannya sebagai bukti serah terima.",
    "delivery.proof_format": "Bukti serah terima harus gambar PNG atau JPEG.",
    "delivery.proof_too_big": "Bukti serah terima paling besar {limit} KB.",
}

# Residents with no NIK/KK yet: a family registered for a new KK (app/core/registration.py, app/store/registrations.py).
REGISTRATION: dict[str, Templates] = {
    "registration.no_members": "Isi paling sedikit satu anggota keluarga (kepala keluarga).",
    "registration.too_many_members": "Satu KK paling banyak {limit} anggota keluarga.",
    "registration.head_missing": "Tandai satu anggota sebagai Kepala Keluarga.",
    "registration.head_repeated": "Kepala Keluarga hanya boleh satu orang.",
    "registration.born_too_early": "Usia lebih dari {max_age} tahun: periksa tahun lahir.",
    "registration.relation_sex": "Hubungan {relation} harus berjenis kelamin {sex}.",
    "registration.member_repeated": "Anggota ke-{number} sama dengan anggota lain (nama dan tanggal lahir sama).",
    "registration.issued_count": "Isi satu NIK untuk setiap anggota ({members} anggota, {count} NIK diisi).",
    "registration.issued_nik_repeated": "NIK anggota ke-{number} sama dengan NIK anggota ke-{first}.",
    "registration.unknown": "Registrasi tidak ditemukan.",
    "registration.already_issued": "NIK dan KK registrasi ini sudah diterbitkan; tidak dapat diubah.",
    "registration.nik_in_use": "NIK anggota ke-{number} sudah dipakai warga lain di server.",
    "registration.kk_in_use": "Nomor KK ini sudah dipakai keluarga lain di server.",
    "registration.unreadable": "Data registrasi tidak dapat dibaca.",
    "registration.status_waiting": "Menunggu NIK/KK dari kantor",
    "registration.status_pending": "Belum terkirim",
    "registration.status_refused": "Ditolak server",
    "registration.status_issued": "NIK/KK sudah terbit",
}

CATALOGUE: dict[str, Templates] = {
    **FINDINGS, **PHOTO, **CAPTURE, **SERVER, **SYNC, **RECORDING, **STORE, **TARGETS, **BIOMETRIC, **TRIPS,
    **BUNDLE, **SCHEDULES, **DELIVERY, **REGISTRATION, **APPROVAL,
}
"""Every code and its Indonesian template(s)."""


def templates(code: str) -> tuple[str, ...]:
    """The templates of `code` (one, or its several wordings); empty for an unknown code."""
    found = CATALOGUE.get(code, ())
    return (found,) if isinstance(found, str) else found


def placeholders(template: str) -> frozenset[str]:
    """The names of the ``{param}`` placeholders in `template`."""
    return frozenset(name for _text, name, _spec, _conv in Formatter().parse(template) if name)


_BY_CODE: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    code: tuple((placeholders(t), t) for t in templates(code)) for code in CATALOGUE
}


def template_for(code: str, names: frozenset[str] | set[str]) -> str | None:
    """The wording of `code` whose placeholders are exactly `names`; None when none fits."""
    wanted = frozenset(names)
    return next((t for found, t in _BY_CODE.get(code, ()) if found == wanted), None)


def render(code: str, params: Mapping[str, object] | None = None) -> str:
    """The Indonesian message of `code` filled with `params` (values written with ``str``).

    Raises KeyError for an unknown code or params that fit none of its wordings.
    """
    values = {str(k): str(v) for k, v in (params or {}).items()}
    template = template_for(code, frozenset(values))
    if template is None:
        raise KeyError(f"no template for {code!r} with params {sorted(values)}")
    return template.format(**values)


class CodedError(ValueError):
    """A refusal told by code: ``code``, ``params`` and ``message``, its Indonesian words (`render`).

    The window shows it by code (`app.ui.texts.error_text`); ``str()`` is the message.
    """

    def __init__(self, code: str, params: Mapping[str, object] | None = None):
        self.code = code
        self.params = dict(params or {})
        self.message = render(code, self.params)
        super().__init__(self.message)

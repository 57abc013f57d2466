"""The catalogue's groups for getting recordings to the server.

SERVER (the server's reasons), SYNC (the sync client's failures), BUNDLE (hand-carried
bundles). Part of the one catalogue: import them from `app.core.messages`.
"""

from __future__ import annotations

from app.core.messages_types import Templates

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

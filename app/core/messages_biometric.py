"""The catalogue's group for fingerprints and irises: the SBI devices, their ISO records, the rules.

Part of the one catalogue: import BIOMETRIC from `app.core.messages`.
"""

from __future__ import annotations

from app.core.messages_types import Templates

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

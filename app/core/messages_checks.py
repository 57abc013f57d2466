"""The catalogue's groups for the record's checks, the photo checks and the frame sources.

FINDINGS (`app.core` validators), PHOTO (`app.capture.quality`), CAPTURE (`app.capture.camera`).
Part of the one catalogue: import them, and everything else, from `app.core.messages`.
"""

from __future__ import annotations

from app.core.messages_types import Templates

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

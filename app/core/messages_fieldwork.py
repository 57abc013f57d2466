"""The catalogue's groups for organising the field work.

TARGETS (Daftar Warga's categories and visit outcomes), TRIPS, SCHEDULES, APPROVAL (a
supervisor's review and the limits on what waits), DELIVERY (card delivery), REGISTRATION
(families with no NIK/KK yet). Part of the one catalogue: import them from `app.core.messages`.
"""

from __future__ import annotations

from app.core.messages_types import Templates

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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="382"/>
        <source>Jemput — Perekaman KTP-el</source>
        <translation>Jemput — KTP-el recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>Profil: </source>
        <translation>Profile: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="353"/>
        <source>%n draf belum selesai — buka dari Beranda.</source>
        <translation>
            <numerusform>%n unfinished draft — open it from Home.</numerusform>
            <numerusform>%n unfinished drafts — open them from Home.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="396"/>
        <source>Antrian: %n rekaman</source>
        <translation>
            <numerusform>Queue: %n recording</numerusform>
            <numerusform>Queue: %n recordings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="400"/>
        <source>Server belum diatur (offline)</source>
        <translation>No server set (offline)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>Server: belum dicek</source>
        <translation>Server: not checked yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="404"/>
        <source>Server terhubung</source>
        <translation>Server connected</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Tidak ada sambungan ke server</source>
        <translation>No connection to the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="411"/>
        <source>Sinkron terakhir: </source>
        <translation>Last sync: </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="411"/>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="384"/>
        <source>DEMO (latihan)</source>
        <translation>DEMO (training)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="386"/>
        <source>DEMO — profil latihan berisi warga buatan. Jangan rekam warga sungguhan di sini; rekaman demo hanya dapat dikirim ke server latihan.</source>
        <translation>DEMO — a training profile with made-up residents. Do not record real residents here; demo recordings can only be sent to a training server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159"/>
        <source>Layar terkunci karena tidak dipakai. Ketik kata sandi Anda untuk melanjutkan.</source>
        <translation>The screen locked because it was not in use. Type your passphrase to continue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="238"/>
        <source>Kata sandi salah.</source>
        <translation>Wrong passphrase.</translation>
    </message>
</context>
<context>
    <name>ApprovalBox</name>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="17"/>
        <source>Persetujuan dan batas</source>
        <translation>Approval and limits</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="19"/>
        <source>Rekaman selesai menunggu persetujuan supervisor sebelum dikirim</source>
        <translation>Completed recordings wait for a supervisor&apos;s approval before they are sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="25"/>
        <source>Peringatan bila menunggu persetujuan</source>
        <translation>Warn when waiting for approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="26"/>
        <location filename="../../app/ui/pages/settings_approval.py" line="28"/>
        <source> rekaman</source>
        <translation> recordings</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="27"/>
        <source>Hentikan rekaman baru bila menunggu</source>
        <translation>Stop new recordings when waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="29"/>
        <source>Peringatan bila belum sinkron/cadangan</source>
        <translation>Warn when not synced/backed up for</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="30"/>
        <location filename="../../app/ui/pages/settings_approval.py" line="32"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="31"/>
        <source>Hentikan rekaman baru bila belum sinkron/cadangan</source>
        <translation>Stop new recordings when not synced/backed up for</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_approval.py" line="36"/>
        <source>Mati</source>
        <translation>Off</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="64"/>
        <source>Tinjau rekaman — persetujuan supervisor</source>
        <translation>Review recordings — supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="92"/>
        <source>Pengecualian</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="95"/>
        <source>Setujui (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="98"/>
        <source>Kembalikan… (Ctrl+R)</source>
        <translation>Return… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="100"/>
        <source>Tutup (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="103"/>
        <source>Kembalikan ke operator</source>
        <translation>Return to the operator</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="109"/>
        <source>Apa yang harus diperbaiki operator</source>
        <translation>What the operator must fix</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="111"/>
        <source>Kembalikan (Enter)</source>
        <translation>Return (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="113"/>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="116"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="117"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/approval_dialog.py" line="167"/>
        <source>%n rekaman menunggu persetujuan</source>
        <translation>
            <numerusform>%n recording waiting for approval</numerusform>
            <numerusform>%n recordings waiting for approval</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="173"/>
        <source>Tidak ada rekaman yang menunggu persetujuan.</source>
        <translation>No recordings are waiting for approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="190"/>
        <source>Nama: %1
NIK: %2
Direkam: %3 oleh %4</source>
        <translation>Name: %1
NIK: %2
Recorded: %3 by %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="195"/>
        <source>Pernah dikembalikan: %1</source>
        <translation>Returned before: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="197"/>
        <source>Tidak ada pengecualian.</source>
        <translation>No exceptions.</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="198"/>
        <source>Memuat foto…</source>
        <translation>Loading the photo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="208"/>
        <source>Tanpa foto</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="209"/>
        <source>Tanpa tanda tangan</source>
        <translation>No signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="222"/>
        <source>Disetujui: %1 masuk antrian kirim.</source>
        <translation>Approved: %1 is in the send queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/approval_dialog.py" line="241"/>
        <source>Dikembalikan ke operator: %1.</source>
        <translation>Returned to the operator: %1.</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="132"/>
        <source>Kartu tidak terserahkan</source>
        <translation>Card not handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="141"/>
        <source>Warga:</source>
        <translation>Resident:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="142"/>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="143"/>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="144"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>BiometricReview</name>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="39"/>
        <source>Sidik jari &amp;&amp; iris</source>
        <translation>Fingerprints &amp;&amp; irises</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="45"/>
        <source>Kiri</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="45"/>
        <source>Kanan</source>
        <translation>Right</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="49"/>
        <source>Jempol</source>
        <translation>Thumb</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="49"/>
        <source>Telunjuk</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="49"/>
        <source>Jari tengah</source>
        <translation>Middle</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="49"/>
        <source>Jari manis</source>
        <translation>Ring</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="50"/>
        <source>Kelingking</source>
        <translation>Little</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="50"/>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="64"/>
        <source>↓ di bawah batas kualitas (hasil terbaik disimpan)</source>
        <translation>↓ below the quality threshold (best capture kept)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="76"/>
        <source>%1 (di bawah batas)</source>
        <translation>%1 (below threshold)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="78"/>
        <source>pengecualian</source>
        <translation>exception</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="80"/>
        <source>belum direkam</source>
        <translation>not captured</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="88"/>
        <source>Pengecualian %1: %2</source>
        <translation>Exception %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_review.py" line="98"/>
        <source>(tanpa foto bukti)</source>
        <translation>(no proof photo)</translation>
    </message>
</context>
<context>
    <name>BiometricRows</name>
    <message>
        <location filename="../../app/ui/widgets/biometric_rows.py" line="47"/>
        <source>Sidik jari (F4)</source>
        <translation>Fingerprints (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_rows.py" line="48"/>
        <source>Iris (F5)</source>
        <translation>Irises (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_rows.py" line="88"/>
        <source>Setelah foto disetujui warga.</source>
        <translation>After the resident approves the photo.</translation>
    </message>
</context>
<context>
    <name>BiometricSettings</name>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="54"/>
        <source>Perangkat biometrik (sidik jari &amp;&amp; iris)</source>
        <translation>Biometric devices (fingerprints &amp;&amp; irises)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="59"/>
        <source>Tidak dipakai: foto dan tanda tangan saja</source>
        <translation>Not used: photo and signature only</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="60"/>
        <source>Ditawarkan: tanpa alat boleh selesai dengan alasan</source>
        <translation>Offered: without a device a recording may complete with a reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="61"/>
        <source>Wajib: 10 jari dan 2 iris, atau pengecualian</source>
        <translation>Required: 10 fingers and 2 irises, or exceptions</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="70"/>
        <source>Cari perangkat</source>
        <translation>Find devices</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="72"/>
        <source>Uji rekam</source>
        <translation>Test capture</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="84"/>
        <source>Langkah sidik jari &amp;&amp; iris</source>
        <translation>Fingerprint &amp;&amp; iris steps</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="86"/>
        <source>4 jari</source>
        <translation>4 fingers</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="86"/>
        <source>jempol</source>
        <translation>thumbs</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="87"/>
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="91"/>
        <source>Batas kualitas (0-100)</source>
        <translation>Quality threshold (0-100)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="92"/>
        <source>Percobaan per rekaman</source>
        <translation>Tries per capture</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="95"/>
        <source>Perangkat ditemukan</source>
        <translation>Devices found</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="136"/>
        <source>Mencari perangkat…</source>
        <translation>Looking for devices…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="157"/>
        <source>Uji rekam: letakkan jari (atau tatap kamera iris)…</source>
        <translation>Test capture: place the fingers (or look into the iris camera)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="189"/>
        <source>Sidik jari</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="189"/>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="211"/>
        <source>Uji rekam berhasil: %1 gambar, kualitas %2. Tidak ada yang disimpan.</source>
        <translation>Test capture done: %1 images, quality %2. Nothing is stored.</translation>
    </message>
</context>
<context>
    <name>BiometricStep</name>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="264"/>
        <source>terekam</source>
        <translation>captured</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="265"/>
        <source>terbaik disimpan (di bawah batas)</source>
        <translation>best kept (below threshold)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="266"/>
        <source>gagal, ulangi</source>
        <translation>failed, try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="267"/>
        <source>pengecualian</source>
        <translation>exception</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="268"/>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="309"/>
        <source>Tuliskan alasannya</source>
        <translation>Write the reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="313"/>
        <source>Simpan pengecualian (Enter)</source>
        <translation>Save exception (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="315"/>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="331"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="333"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="348"/>
        <source>Pengecualian: {slot}</source>
        <translation>Exception: {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="401"/>
        <source>Untuk “Lainnya” tuliskan alasannya (paling sedikit {n} huruf).</source>
        <translation>For “Other” write the reason (at least {n} letters).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="135"/>
        <source>Rekam (Spasi)</source>
        <translation>Capture (Space)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="136"/>
        <source>Pengecualian (E)</source>
        <translation>Exception (E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="137"/>
        <source>Cari ulang (Ctrl+R)</source>
        <translation>Search again (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="138"/>
        <source>Selesai (Ctrl+Enter)</source>
        <translation>Done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="232"/>
        <source>Alat: belum ditemukan</source>
        <translation>Device: not found yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="234"/>
        <source>Alat: {device} (port {port})</source>
        <translation>Device: {device} (port {port})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="252"/>
        <source>{slot}: {score} ✓</source>
        <translation>{slot}: {score} ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="254"/>
        <source>{slot}: {score} (terbaik, di bawah batas)</source>
        <translation>{slot}: {score} (best, below threshold)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="257"/>
        <source>{slot}: {score} (ulangi)</source>
        <translation>{slot}: {score} (try again)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="258"/>
        <source>{slot}: belum</source>
        <translation>{slot}: not yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="275"/>
        <source>Mencari alat biometrik…</source>
        <translation>Looking for the biometric device…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="281"/>
        <source>Alat ditemukan. Tekan Spasi untuk merekam.</source>
        <translation>Device found. Press Space to capture.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="290"/>
        <source>Semua yang dipilih sudah pengecualian; tidak ada yang direkam.</source>
        <translation>Everything selected is already an exception; nothing to capture.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="295"/>
        <source>Merekam… tahan posisi sampai selesai.</source>
        <translation>Capturing… hold still until it is done.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="327"/>
        <source>{unit}: kualitas {score}, diterima.</source>
        <translation>{unit}: quality {score}, accepted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="333"/>
        <source>{unit}: setelah {tries} kali, hasil terbaik ({score}) disimpan. Bila jari/mata memang tidak dapat direkam lebih baik, tandai pengecualian (E).</source>
        <translation>{unit}: after {tries} tries, the best result ({score}) is kept. If the finger/eye really cannot be captured better, mark an exception (E).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="338"/>
        <source>Sisa percobaan: {left}.</source>
        <translation>Tries left: {left}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="347"/>
        <source>Semua lengkap: tekan Ctrl+Enter untuk selesai.</source>
        <translation>All complete: press Ctrl+Enter to finish.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="422"/>
        <source>{slot} ditandai pengecualian: {reason}.</source>
        <translation>{slot} marked as an exception: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="440"/>
        <source>Pengecualian {slot} dihapus; rekam jari/mata itu.</source>
        <translation>Exception for {slot} removed; capture that finger/eye.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="451"/>
        <source>Belum lengkap: {slots}. Rekam atau tandai pengecualian.</source>
        <translation>Not complete yet: {slots}. Capture them or mark an exception.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="128"/>
        <source>Belum direkam.</source>
        <translation>Not captured yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="134"/>
        <source>{n} terekam (terendah {low})</source>
        <translation>{n} captured (lowest {low})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="137"/>
        <source>{n} pengecualian</source>
        <translation>{n} exceptions</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="140"/>
        <source>{n} belum</source>
        <translation>{n} to do</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="317"/>
        <source>Foto bukti (F6)</source>
        <translation>Proof photo (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="318"/>
        <source>Arahkan kamera ke jari atau mata yang dikecualikan, lalu tekan F6</source>
        <translation>Point the camera at the excepted finger or eye, then press F6</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="358"/>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="380"/>
        <source>Belum ada foto bukti</source>
        <translation>No proof photo yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="365"/>
        <source>Mengambil foto…</source>
        <translation>Taking the photo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="219"/>
        <source>Semua lengkap: periksa, lalu Ctrl+Enter untuk selesai (Spasi merekam ulang yang dipilih).</source>
        <translation>All complete: check, then Ctrl+Enter to finish (Space captures the selected one again).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="246"/>
        <source>foto bukti ✓</source>
        <translation>proof photo ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="247"/>
        <source>tanpa foto bukti</source>
        <translation>no proof photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="248"/>
        <source>{slot}: pengecualian ({reason}), {proof}</source>
        <translation>{slot}: exception ({reason}), {proof}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_step.py" line="425"/>
        <source>Belum ada foto bukti: tekan E lagi lalu F6 untuk mengambilnya.</source>
        <translation>No proof photo yet: press E again, then F6 to take it.</translation>
    </message>
</context>
<context>
    <name>BiometricWords</name>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="38"/>
        <source>Jempol kanan</source>
        <translation>Right thumb</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="39"/>
        <source>Telunjuk kanan</source>
        <translation>Right index finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="40"/>
        <source>Jari tengah kanan</source>
        <translation>Right middle finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="41"/>
        <source>Jari manis kanan</source>
        <translation>Right ring finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="42"/>
        <source>Kelingking kanan</source>
        <translation>Right little finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="43"/>
        <source>Jempol kiri</source>
        <translation>Left thumb</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="44"/>
        <source>Telunjuk kiri</source>
        <translation>Left index finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="45"/>
        <source>Jari tengah kiri</source>
        <translation>Left middle finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="46"/>
        <source>Jari manis kiri</source>
        <translation>Left ring finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="47"/>
        <source>Kelingking kiri</source>
        <translation>Left little finger</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="48"/>
        <source>Mata kiri</source>
        <translation>Left eye</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="49"/>
        <source>Mata kanan</source>
        <translation>Right eye</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="50"/>
        <source>Telapak kiri (4 jari)</source>
        <translation>Left slap (4 fingers)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="51"/>
        <source>Telapak kanan (4 jari)</source>
        <translation>Right slap (4 fingers)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="52"/>
        <source>Dua jempol</source>
        <translation>Two thumbs</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="53"/>
        <source>Amputasi</source>
        <translation>Amputation</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="54"/>
        <source>Luka / perban</source>
        <translation>Wound / bandage</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="55"/>
        <source>Sidik jari aus (lansia)</source>
        <translation>Worn fingerprints (elderly)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="56"/>
        <source>Cacat bawaan</source>
        <translation>Congenital condition</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="57"/>
        <source>Tidak dapat membuka mata</source>
        <translation>Cannot open the eye</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="58"/>
        <source>Tidak dapat duduk / terbaring</source>
        <translation>Cannot sit up / bedridden</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/biometric_parts.py" line="59"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>CameraChooser</name>
    <message>
        <location filename="../../app/ui/widgets/camera_chooser.py" line="45"/>
        <source>Kamera:</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/camera_chooser.py" line="50"/>
        <source>Cari ulang</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/camera_chooser.py" line="51"/>
        <source>Cari lagi kamera yang terpasang (mis. setelah kamera USB dicolok)</source>
        <translation>Search again for connected cameras (e.g. after plugging in a USB camera)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/camera_chooser.py" line="84"/>
        <source>Mencari kamera…</source>
        <translation>Looking for cameras…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/camera_chooser.py" line="120"/>
        <source>Tidak ada kamera ditemukan</source>
        <translation>No camera found</translation>
    </message>
</context>
<context>
    <name>CameraSettings</name>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="41"/>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="49"/>
        <source>Berkas…</source>
        <translation>File…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="50"/>
        <source>Pakai foto, video atau folder foto sebagai kamera (latihan, uji)</source>
        <translation>Use a photo, a video or a folder of photos as the camera (training, testing)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="52"/>
        <source>Kamera belum menyala</source>
        <translation>Camera not on yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="54"/>
        <source>Foto uji</source>
        <translation>Test photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="56"/>
        <source>Uji ambil foto</source>
        <translation>Take a test photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="71"/>
        <source>Kamera menyala.</source>
        <translation>Camera on.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="100"/>
        <source>Memeriksa foto uji…</source>
        <translation>Checking the test photo…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="108"/>
        <source>Menyalakan kamera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="148"/>
        <source>Foto uji tidak bisa dipakai: </source>
        <translation>The test photo cannot be used: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="150"/>
        <source>Foto uji tidak bisa dipotong di sekitar wajah.</source>
        <translation>The test photo could not be cut around the face.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="157"/>
        <source>Foto uji %1 piksel. Catatan: </source>
        <translation>Test photo %1 pixels. Notes: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="160"/>
        <source>Foto uji %1 piksel: wajah terlihat, semua pemeriksaan lolos.</source>
        <translation>Test photo %1 pixels: face visible, all checks passed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="165"/>
        <source>Pilih foto atau video sebagai kamera</source>
        <translation>Choose a photo or video as the camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_camera.py" line="166"/>
        <source>Gambar atau video (*.jpg *.jpeg *.png *.bmp *.webp *.avi *.mp4 *.mkv);;Semua berkas (*)</source>
        <translation>Pictures or videos (*.jpg *.jpeg *.png *.bmp *.webp *.avi *.mp4 *.mkv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="123"/>
        <source>Kartu diterima sekolah</source>
        <translation>Card received by the school</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="125"/>
        <source>nama dan jabatan, mis. Bu Rina (TU)</source>
        <translation>name and position, e.g. Bu Rina (TU)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="129"/>
        <source>Siswa:</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="130"/>
        <source>Diterima oleh:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="131"/>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="138"/>
        <source>Isi tanggal terima kartu.</source>
        <translation>Enter the day the card was received.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="9"/>
        <source>NIK wajib diisi.</source>
        <translation>NIK is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="10"/>
        <source>NIK hanya boleh berisi angka 0-9.</source>
        <translation>NIK may contain only the digits 0-9.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="11"/>
        <source>NIK harus tepat 16 angka (sekarang {length}).</source>
        <translation>NIK must be exactly 16 digits (now {length}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="12"/>
        <source>Angka tanggal lahir dalam NIK (digit 7-12) bukan tanggal yang ada: tanggal 01-31 untuk laki-laki, 41-71 untuk perempuan, bulan 01-12.</source>
        <translation>The birth date digits in the NIK (digits 7-12) are not a real date: day 01-31 for men, 41-71 for women, month 01-12.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="13"/>
        <source>Tanggal lahir dalam NIK tidak ada pada tahun {year}.</source>
        <translation>The birth date in the NIK does not exist in the year {year}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="14"/>
        <source>Nomor urut NIK (4 digit terakhir) tidak boleh 0000.</source>
        <translation>The NIK serial number (last 4 digits) cannot be 0000.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="15"/>
        <source>Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). NIK tidak diterbitkan ulang bila tanggalnya keliru: periksa dokumen, lalu konfirmasi.</source>
        <translation>The birth date in the NIK ({nik_date}) differs from the form ({form_date}). A NIK is not reissued when its date is wrong: check the documents, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="16"/>
        <source>Tanggal lahir dalam NIK ({nik_date}) berbeda dengan formulir ({form_date}). {hint} dipakai untuk tanggal lahir yang tidak diketahui. NIK tidak diterbitkan ulang bila tanggalnya keliru: periksa dokumen, lalu konfirmasi.</source>
        <translation>The birth date in the NIK ({nik_date}) differs from the form ({form_date}). {hint} is used for unknown birth dates. A NIK is not reissued when its date is wrong: check the documents, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="17"/>
        <source>Jenis kelamin dalam NIK ({nik_sex}) berbeda dengan formulir ({form_sex}). Pada NIK perempuan tanggal lahir ditambah 40. Periksa dokumen, lalu konfirmasi.</source>
        <translation>The sex in the NIK ({nik_sex}) differs from the form ({form_sex}). In a woman&apos;s NIK the birth day has 40 added. Check the documents, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="18"/>
        <source>Kode wilayah NIK {region} bukan kecamatan dalam data master saat ini. NIK tetap memakai kode tempat pertama diterbitkan, termasuk kode lama dari wilayah yang sudah dimekarkan. Periksa dokumen, lalu konfirmasi.</source>
        <translation>The NIK region code {region} is not a kecamatan in the current master data. A NIK keeps the code of the place where it was first issued, including old codes of regions that have since been split. Check the documents, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="19"/>
        <source>NIK ini sudah ada di laptop ini: rekaman {status} tanggal {date}. Buka rekaman itu untuk melanjutkan atau memperbaikinya; rekaman kedua untuk warga yang sama perlu alasan.</source>
        <translation>This NIK is already on this laptop: a {status} recording of {date}. Open that recording to continue or correct it; a second recording of the same resident needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="20"/>
        <source>NIK ini sudah ada di laptop ini: rekaman {status} tanggal {date}, dan {more} rekaman lain. Buka rekaman itu untuk melanjutkan atau memperbaikinya; rekaman kedua untuk warga yang sama perlu alasan.</source>
        <translation>This NIK is already on this laptop: a {status} recording of {date}, and {more} other recordings. Open that recording to continue or correct it; a second recording of the same resident needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="21"/>
        <source>Kode wilayah NIK {region} berbeda dengan kecamatan alamat {address}. Wajar bila penduduk pindah atau wilayah dimekarkan: NIK tidak berubah. Konfirmasi bila benar.</source>
        <translation>The NIK region code {region} differs from the address kecamatan {address}. This is normal when a resident has moved or a region was split: the NIK does not change. Confirm if correct.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="22"/>
        <source>Nomor KK wajib diisi.</source>
        <translation>KK number is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="23"/>
        <source>Nomor KK hanya boleh berisi angka 0-9.</source>
        <translation>KK number may contain only the digits 0-9.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="24"/>
        <source>Nomor KK harus tepat 16 angka (sekarang {length}).</source>
        <translation>KK number must be exactly 16 digits (now {length}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="25"/>
        <source>Kode wilayah nomor KK {region} bukan kecamatan dalam data master saat ini (mungkin kode lama sebelum pemekaran). Periksa KK, lalu konfirmasi.</source>
        <translation>The KK number region code {region} is not a kecamatan in the current master data (perhaps an old code from before a region split). Check the KK, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="26"/>
        <source>Kode wilayah nomor KK {region} tidak sesuai dengan alamat ({address}). Wajar bila KK belum diperbarui setelah pindah. Konfirmasi bila benar.</source>
        <translation>The KK number region code {region} does not match the address ({address}). This is normal when the KK was not updated after a move. Confirm if correct.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="27"/>
        <location filename="../../app/ui/catalogue_strings.py" line="35"/>
        <source>{label} wajib diisi.</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="28"/>
        <location filename="../../app/ui/catalogue_strings.py" line="36"/>
        <source>{label} paling banyak {limit} karakter (sekarang {length}).</source>
        <translation>{label} may be at most {limit} characters (now {length}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="29"/>
        <source>{label} berisi karakter yang tidak boleh dipakai: {chars}. Yang boleh: huruf A-Z, spasi, tanda petik (&apos;), tanda hubung (-), titik (.) dan koma (,).</source>
        <translation>{label} contains characters that are not allowed: {chars}. Allowed: letters A-Z, space, apostrophe (&apos;), hyphen (-), full stop (.) and comma (,).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="30"/>
        <source>{label} berisi karakter yang tidak boleh dipakai: {chars} dan {more} lainnya. Yang boleh: huruf A-Z, spasi, tanda petik (&apos;), tanda hubung (-), titik (.) dan koma (,).</source>
        <translation>{label} contains characters that are not allowed: {chars} and {more} more. Allowed: letters A-Z, space, apostrophe (&apos;), hyphen (-), full stop (.) and comma (,).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="31"/>
        <source>{label} harus diawali huruf (A-Z).</source>
        <translation>{label} must start with a letter (A-Z).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="32"/>
        <source>Belum 17 tahun (usia {age}): boleh direkam, kartu ditahan sampai usia 17 pada {card_held_until}.</source>
        <translation>Not yet 17 (age {age}): may be recorded, the card is held until age 17 on {card_held_until}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="33"/>
        <source>Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} (usia {min_age}, kartu ditahan sampai usia 17 pada {card_held_until}).</source>
        <translation>Cannot be recorded yet: aged {age} and never married. May be recorded from {eligible_from} (age {min_age}, the card is held until age 17 on {card_held_until}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="34"/>
        <source>Belum dapat direkam: usia {age} tahun dan belum pernah kawin. Dapat direkam mulai {eligible_from} (usia 17).</source>
        <translation>Cannot be recorded yet: aged {age} and never married. May be recorded from {eligible_from} (age 17).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="37"/>
        <source>Tanggal lahir tidak boleh sesudah tanggal perekaman.</source>
        <translation>The date of birth cannot be after the recording date.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="38"/>
        <source>Usia lebih dari {max_age} tahun: periksa tahun lahir, lalu konfirmasi.</source>
        <translation>Age over {max_age} years: check the year of birth, then confirm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="39"/>
        <source>{label} harus 1-3 angka dan bukan 0 (mis. 001).</source>
        <translation>{label} must be 1-3 digits and not 0 (e.g. 001).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="40"/>
        <source>Nomor telepon harus 8-15 angka, boleh diawali + (mis. 081234567890).</source>
        <translation>The telephone number must be 8-15 digits, optionally starting with + (e.g. 081234567890).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="41"/>
        <source>Kode {level} tidak valid.</source>
        <translation>Invalid {level} code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="42"/>
        <source>Kode {level} {code} tidak ada dalam data master.</source>
        <translation>The {level} code {code} is not in the master data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="43"/>
        <source>{level} {code} tidak berada di bawah {parent}.</source>
        <translation>{level} {code} does not lie within {parent}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="44"/>
        <source>Foto belum diambil (atau catat alasan bila foto tidak memungkinkan).</source>
        <translation>No photo taken yet (or record a reason if a photo is not possible).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="45"/>
        <source>Tanda tangan belum ada (atau catat alasan bila warga tidak dapat menandatangani).</source>
        <translation>No signature yet (or record a reason if the resident cannot sign).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="53"/>
        <source>Wajah tidak terlihat. Minta warga menghadap lurus ke kamera.</source>
        <translation>No face visible. Ask the resident to face the camera straight on.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="54"/>
        <source>Lebih dari satu wajah terlihat. Pastikan hanya warga yang difoto di depan kamera.</source>
        <translation>More than one face visible. Make sure only the resident being photographed is in front of the camera.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="55"/>
        <source>Wajah terlalu kecil. Minta warga mendekat ke kamera.</source>
        <translation>Face too small. Ask the resident to come closer to the camera.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="56"/>
        <source>Wajah terlalu dekat. Minta warga mundur sedikit dari kamera.</source>
        <translation>Face too close. Ask the resident to move back a little from the camera.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="57"/>
        <source>Wajah tidak di tengah. Minta warga bergeser ke tengah bingkai.</source>
        <translation>Face not centred. Ask the resident to move to the middle of the frame.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="58"/>
        <source>Kepala miring ({angle}°). Minta warga menegakkan kepala.</source>
        <translation>Head tilted ({angle}°). Ask the resident to hold their head upright.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="59"/>
        <source>Foto buram. Minta warga diam sejenak, periksa fokus kamera, lalu ambil ulang.</source>
        <translation>Photo blurred. Ask the resident to keep still for a moment, check the camera focus, then take it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="60"/>
        <source>Foto terlalu gelap. Tambah lampu atau hadapkan warga ke arah cahaya.</source>
        <translation>Photo too dark. Add light or turn the resident towards the light.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="61"/>
        <source>Foto terlalu terang. Kurangi cahaya langsung atau jauhi jendela.</source>
        <translation>Photo too bright. Reduce direct light or move away from the window.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="62"/>
        <source>Cahaya tidak merata di wajah (satu sisi gelap). Atur lampu agar dari depan.</source>
        <translation>Uneven light on the face (one side dark). Set the lamps so the light comes from the front.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="63"/>
        <source>Latar belakang tidak polos. Pasang kain latar satu warna di belakang warga.</source>
        <translation>Background not plain. Hang a single-colour backdrop behind the resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="64"/>
        <source>Warna latar belakang tidak sesuai: seharusnya {expected}, terlihat {seen}.</source>
        <translation>Wrong background colour: should be {expected}, seen {seen}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="65"/>
        <source>Latar {expected} kurang terlihat: sebagian besar tertutup orang/benda atau bercampur warna lain. Rapikan kain latar di belakang warga.</source>
        <translation>Too little of the {expected} background shows: most of it is covered by people or things, or mixed with other colours. Straighten the backdrop cloth behind the resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="66"/>
        <source>Warga tampaknya memakai kacamata. Minta kacamata dilepas untuk foto.</source>
        <translation>The resident appears to be wearing glasses. Ask them to take the glasses off for the photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="69"/>
        <source>Kamera tidak ditemukan atau tidak mengirim gambar. Tutup aplikasi lain yang memakai kamera, lalu coba lagi.</source>
        <translation>Camera not found or sending no picture. Close other programs using the camera, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="70"/>
        <source>Kamera terputus. Periksa kabel USB kamera, pasang kembali, lalu tekan &apos;Sambungkan ulang&apos;.</source>
        <translation>The camera was disconnected. Check its USB cable, plug it back in, then press &apos;Reconnect&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="71"/>
        <source>Kamera bermasalah karena kesalahan yang tidak terduga. Coba lagi atau pilih sumber lain.</source>
        <translation>The camera failed because of an unexpected error. Try again or choose another source.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="72"/>
        <source>Berkas sumber gambar tidak ditemukan.</source>
        <translation>The picture source file was not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="73"/>
        <source>Berkas video tidak bisa dibuka atau rusak.</source>
        <translation>The video file cannot be opened or is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="74"/>
        <source>Berkas gambar tidak bisa dibuka atau rusak.</source>
        <translation>The image file cannot be opened or is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="75"/>
        <source>Folder tidak berisi gambar yang bisa dibuka.</source>
        <translation>The folder holds no picture that can be opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="76"/>
        <source>Sumber video terputus atau berkasnya rusak di tengah jalan.</source>
        <translation>The video source stopped, or its file is damaged part-way.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="77"/>
        <source>Gambar di folder sumber hilang atau tidak bisa dibuka lagi.</source>
        <translation>The pictures in the source folder are gone or can no longer be opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="78"/>
        <source>Sumber gambar belum dibuka.</source>
        <translation>The picture source is not open yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="80"/>
        <source>SHA-256 isi rekaman tidak cocok dengan isinya; rekaman tidak disimpan.</source>
        <translation>The recording&apos;s SHA-256 does not match its content; the recording was not stored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="81"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="82"/>
        <source>Rekaman tidak dapat diperiksa server (nilai di luar jangkauan, mis. tahun).</source>
        <translation>The server cannot check this recording (a value out of range, e.g. a year).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="83"/>
        <source>UUID ini sudah diterima dengan isi lain; salinan server tidak diubah dan kiriman ini disimpan untuk ditinjau admin.</source>
        <translation>This UUID was already received with other content; the server&apos;s copy was not changed and this delivery was kept for the administrator to review.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="84"/>
        <source>NIK ini juga direkam pada rekaman lain; keduanya disimpan dan perlu ditinjau petugas.</source>
        <translation>This NIK was also recorded in another recording; both are kept and need an officer&apos;s review.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="85"/>
        <source>Foto tidak ada dan tidak ada alasan pengecualian.</source>
        <translation>There is no photo and no reason for an exception.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="86"/>
        <source>Tanda tangan tidak ada dan tidak ada alasan pengecualian.</source>
        <translation>There is no signature and no reason for an exception.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="87"/>
        <source>Berkas media melebihi batas {limit} bita.</source>
        <translation>The media file is larger than the limit of {limit} bytes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="88"/>
        <source>Ukuran media tidak cocok dengan berkas ber-SHA-256 sama yang sudah ada.</source>
        <translation>The media size does not match the file with the same SHA-256 already held.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="89"/>
        <source>Rekaman tidak dapat menggantikan dirinya sendiri.</source>
        <translation>A recording cannot replace itself.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="90"/>
        <source>Rekaman yang digantikan belum ada di server.</source>
        <translation>The recording it replaces is not on the server yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="91"/>
        <source>Rekaman yang digantikan berasal dari perangkat lain.</source>
        <translation>The recording it replaces comes from another device.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="92"/>
        <source>Rekaman yang digantikan sudah diganti oleh versi lain.</source>
        <translation>The recording it replaces was already replaced by another version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="93"/>
        <source>Ditinjau admin (NIK ganda): rekaman ini diterima.</source>
        <translation>Reviewed by the admin (duplicate NIK): this recording is accepted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="94"/>
        <source>Ditinjau admin (NIK ganda): rekaman ini diterima. Catatan admin: {note}</source>
        <translation>Reviewed by the admin (duplicate NIK): this recording is accepted. Admin&apos;s note: {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="95"/>
        <source>Ditolak admin setelah tinjauan NIK ganda: {note}</source>
        <translation>Rejected by the admin after the duplicate NIK review: {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="98"/>
        <source>Server tidak dapat dihubungi (tidak ada sinyal, atau server mati).</source>
        <translation>The server cannot be reached (no signal, or the server is down).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="99"/>
        <source>Server terlalu lama menjawab (sinyal lemah).</source>
        <translation>The server took too long to answer (weak signal).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="100"/>
        <source>Sertifikat server tidak dapat diverifikasi. Periksa alamat server, atau pasang berkas sertifikat (CA) Dinas di pengaturan sinkron.</source>
        <translation>The server&apos;s certificate cannot be verified. Check the server address, or install the Dinas certificate (CA) file in the sync settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="101"/>
        <source>Berkas sertifikat CA tidak ditemukan: {path}</source>
        <translation>The CA certificate file was not found: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="102"/>
        <source>Alamat server harus diawali https:// (atau http:// di jaringan lokal).</source>
        <translation>The server address must start with https:// (or http:// on a local network).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="106"/>
        <source>Perangkat ini belum didaftarkan ke server. Isi alamat server dan kode pendaftaran dari admin.</source>
        <translation>This device is not registered with the server yet. Enter the server address and the enrollment code from the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="107"/>
        <source>Server tidak mengenali perangkat ini (token ditolak). Pengiriman dihentikan sementara: daftarkan ulang perangkat dengan kode baru dari admin. Rekaman tetap aman di laptop ini.</source>
        <translation>The server does not recognise this device (token refused). Sending is paused: register the device again with a new code from the administrator. Recordings stay safe on this laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="108"/>
        <source>Perangkat ini telah dicabut oleh admin server, jadi pengiriman dihentikan. Rekaman tetap aman di laptop ini. Hubungi admin Dinas untuk kode pendaftaran baru.</source>
        <translation>This device was revoked by the server administrator, so sending has stopped. Recordings stay safe on this laptop. Ask the Dinas administrator for a new enrollment code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="109"/>
        <source>Versi aplikasi ini tidak didukung server. Perbarui aplikasi Jemput, lalu coba lagi.</source>
        <translation>The server does not support this version of the app. Update Jemput, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="110"/>
        <source>Sinkron dihentikan.</source>
        <translation>Sync stopped.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="111"/>
        <source>Sinkron sedang berjalan.</source>
        <translation>A sync is already running.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="112"/>
        <source>Menunggu jadwal percobaan berikutnya.</source>
        <translation>Waiting for the next scheduled attempt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="113"/>
        <source>Sinkron gagal karena kesalahan tak terduga ({kind}). Rekaman tetap aman di laptop ini.</source>
        <translation>Sync failed because of an unexpected error ({kind}). Recordings stay safe on this laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="114"/>
        <source>Kode pendaftaran belum diisi.</source>
        <translation>The enrollment code is empty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="115"/>
        <source>Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa). Minta kode baru ke admin.</source>
        <translation>The enrollment code is not valid (wrong, already used or expired). Ask the administrator for a new code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="116"/>
        <source>Terlalu banyak percobaan kode pendaftaran. Coba lagi dalam {minutes} menit.</source>
        <translation>Too many enrollment code attempts. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="117"/>
        <source>Terlalu banyak percobaan kode pendaftaran. Coba lagi nanti.</source>
        <translation>Too many enrollment code attempts. Try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="118"/>
        <source>Alamat ini tidak menjawab sebagai server Jemput (HTTP {status}). Periksa alamat server.</source>
        <translation>This address does not answer as a Jemput server (HTTP {status}). Check the server address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="119"/>
        <source>Jawaban server tidak dapat dibaca. Periksa alamat server.</source>
        <translation>The server&apos;s answer cannot be read. Check the server address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="121"/>
        <source>Server sedang sibuk (HTTP 429).</source>
        <translation>The server is busy (HTTP 429).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="122"/>
        <source>Server sedang tidak tersedia (HTTP {status}).</source>
        <translation>The server is unavailable at the moment (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="123"/>
        <source>Terjadi kesalahan di server (HTTP {status}).</source>
        <translation>An error occurred on the server (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="124"/>
        <source>Jawaban server terpotong atau tidak dapat dibaca.</source>
        <translation>The server&apos;s answer was cut off or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="125"/>
        <source>Jawaban server tidak sesuai kiriman; dicoba lagi nanti.</source>
        <translation>The server&apos;s answer does not match what was sent; will try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="126"/>
        <source>Server menolak permintaan (HTTP {status}). {words}</source>
        <translation>The server refused the request (HTTP {status}). {words}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="127"/>
        <source>Server belum mengonfirmasi media; dicoba lagi nanti.</source>
        <translation>The server has not confirmed the media yet; will try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="128"/>
        <source>Server tidak menyebut offset unggahan; dicoba lagi nanti.</source>
        <translation>The server did not give the upload offset; will try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="129"/>
        <source>Berkas media berulang kali rusak di jalan; dicoba lagi nanti.</source>
        <translation>The media file was damaged in transit several times; will try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="130"/>
        <source>Server belum mencatat media rekaman ini; dicoba lagi nanti.</source>
        <translation>The server has no record of this recording&apos;s media yet; will try again later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="131"/>
        <source>Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak diubah. Rekaman ini diubah setelah terkirim sebagian: pilih &quot;Jadikan versi baru&quot; untuk mengirim isi laptop ini sebagai versi baru yang menggantikannya, atau hubungi admin.</source>
        <translation>The server already holds another version of this recording (same UUID, different content); the server&apos;s copy was not changed. This recording was edited after it was partly sent: choose &quot;Make a new version&quot; to send what this laptop holds as a new version that replaces it, or ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="132"/>
        <source>Berkas foto/tanda tangan rekaman ini di laptop rusak (SHA-256 tidak cocok); rekam ulang foto atau tanda tangan.</source>
        <translation>The photo/signature file of this recording on the laptop is damaged (SHA-256 does not match); take the photo or signature again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="134"/>
        <source>Server belum menerima sidik jari dan iris (versi server lama). Rekaman ini menunggu; minta admin memperbarui server, lalu kirim ulang.</source>
        <translation>The server does not take fingerprints and irises yet (an older server). This recording waits; ask the admin to update the server, then send again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="135"/>
        <source>Server menolak rekaman sidik jari/iris rekaman ini. {words} Rekam ulang jari atau mata itu lalu kirim lagi.</source>
        <translation>The server refused a fingerprint/iris record of this recording. {words} Capture that finger or eye again, then send again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="136"/>
        <source>Rekaman tidak dapat dikirim: isian tidak sesuai format ({fields}).</source>
        <translation>The recording cannot be sent: fields do not match the format ({fields}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="137"/>
        <source>Server tidak dapat menerima rekaman ini (HTTP {status}). {words}</source>
        <translation>The server cannot accept this recording (HTTP {status}). {words}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="138"/>
        <source>Server tidak menyimpan rekaman ini.</source>
        <translation>The server did not store this recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="139"/>
        <source>{reasons}</source>
        <translation>{reasons}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="140"/>
        <source>Rekaman tidak ditemukan.</source>
        <translation>Recording not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="142"/>
        <source>Rekaman belum dapat diselesaikan: masih ada kesalahan atau peringatan yang belum dikonfirmasi.</source>
        <translation>The recording cannot be completed yet: there are still errors or warnings that have not been confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="143"/>
        <source>status rekaman tidak dapat berubah dari &apos;{current}&apos; ke &apos;{new}&apos;</source>
        <translation>the recording&apos;s status cannot change from &apos;{current}&apos; to &apos;{new}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="144"/>
        <source>hanya rekaman yang sudah selesai yang dapat dikirim</source>
        <translation>only a complete recording can be sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="145"/>
        <source>rekaman berstatus &apos;{status}&apos; tidak disimpan dengan cara ini</source>
        <translation>a recording with status &apos;{status}&apos; is not saved this way</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="146"/>
        <source>rekaman berstatus &apos;{status}&apos; tidak dapat diubah</source>
        <translation>a recording with status &apos;{status}&apos; cannot be changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="147"/>
        <source>Data pribadi rekaman ini sudah dihapus dari laptop setelah diterima server.</source>
        <translation>The personal data of this recording was removed from the laptop after the server accepted it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="148"/>
        <source>Rekaman ini sudah sampai di server (foto/tanda tangan mungkin masih dikirim), jadi tidak dapat diubah lagi. Jika ada yang salah, perbaiki setelah server memberi hasil verifikasi.</source>
        <translation>This recording has already reached the server (the photo/signature may still be sending), so it can no longer be changed. If something is wrong, fix it after the server gives its verification result.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="149"/>
        <source>Hanya rekaman berstatus draf yang dapat dihapus.</source>
        <translation>Only a recording with status draft can be deleted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="150"/>
        <source>Antrean kirim untuk rekaman ini tidak ditemukan.</source>
        <translation>The send queue entry for this recording was not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="151"/>
        <source>Bukti perekaman hanya untuk rekaman yang sudah selesai.</source>
        <translation>A receipt is only for a completed recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="152"/>
        <source>Hanya rekaman yang ditolak server yang dapat diperbaiki.</source>
        <translation>Only a recording the server rejected can be fixed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="153"/>
        <source>Data pribadi rekaman ini sudah dihapus dari laptop; rekam ulang warga ini sebagai rekaman baru.</source>
        <translation>The personal data of this recording was removed from the laptop; record this resident again as a new recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="155"/>
        <source>Rekaman ini sudah diperbaiki dan dikirim ulang sebagai versi baru.</source>
        <translation>This recording was already fixed and sent again as a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="156"/>
        <source>Rekaman ini belum sampai di server: ubah langsung, tanpa versi baru.</source>
        <translation>This recording has not reached the server yet: change it directly, without a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="157"/>
        <source>Hanya rekaman yang ditahan karena konflik dengan server yang dapat dijadikan versi baru.</source>
        <translation>Only a recording held back because of a conflict with the server can be made a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="158"/>
        <source>Rekaman ini sudah dijadikan versi baru.</source>
        <translation>This recording was already made a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="159"/>
        <source>Berkas tidak dapat dibuka.</source>
        <translation>The file cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="160"/>
        <source>Terjadi kesalahan tak terduga ({kind}). Data yang sudah tersimpan aman.</source>
        <translation>An unexpected error occurred ({kind}). Data already saved is safe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="161"/>
        <source>Kata sandi salah. Periksa kembali lalu coba lagi.</source>
        <translation>Wrong password. Check it and try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="162"/>
        <source>Profil tidak ditemukan di folder ini. Buat profil baru lebih dulu.</source>
        <translation>No profile found in this folder. Create a new profile first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="163"/>
        <source>Basis data ini dibuat oleh versi Jemput yang lebih baru. Perbarui aplikasi sebelum membukanya.</source>
        <translation>This database was made by a newer version of Jemput. Update the app before opening it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="164"/>
        <source>Penyimpanan penuh. Kosongkan ruang disk lalu coba lagi.</source>
        <translation>Storage is full. Free up disk space, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="165"/>
        <source>Gagal membaca/menulis berkas basis data (kesalahan disk).</source>
        <translation>Reading/writing the database file failed (disk error).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="166"/>
        <source>Basis data sedang dipakai proses lain. Tutup aplikasi lain lalu coba lagi.</source>
        <translation>The database is in use by another process. Close other applications, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="167"/>
        <source>Berkas basis data rusak.</source>
        <translation>The database file is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="168"/>
        <source>Terlalu banyak cadangan dengan waktu yang sama di folder tujuan.</source>
        <translation>Too many backups with the same time in the destination folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="169"/>
        <source>Folder tujuan tidak dapat dipakai: {dest} ({reason}).</source>
        <translation>The destination folder cannot be used: {dest} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="170"/>
        <source>Gagal menulis cadangan ke tujuan ({reason}); cadangan tidak dibuat. Periksa flashdisk lalu coba lagi.</source>
        <translation>Writing the backup to the destination failed ({reason}); no backup was made. Check the USB stick, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="171"/>
        <source>Jumlah cadangan lama yang disimpan tidak boleh negatif.</source>
        <translation>The number of old backups to keep cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="172"/>
        <source>Folder tujuan tidak ditemukan: {dest}. Pasang flashdisk atau pilih folder lain.</source>
        <translation>The destination folder was not found: {dest}. Plug in the USB stick or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="173"/>
        <source>Tujuan cadangan harus sebuah folder: {dest}</source>
        <translation>The backup destination must be a folder: {dest}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="174"/>
        <source>Cadangan tidak boleh disimpan di dalam folder profil itu sendiri. Pilih folder di disk lain, misalnya flashdisk.</source>
        <translation>A backup cannot be kept inside the profile folder itself. Choose a folder on another disk, such as a USB stick.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="175"/>
        <source>Folder tujuan tidak dapat ditulis: {dest}. Periksa izin atau kunci tulis flashdisk.</source>
        <translation>The destination folder cannot be written: {dest}. Check the permissions or the USB stick&apos;s write lock.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="176"/>
        <source>Ruang kosong di tujuan tidak cukup: perlu sekitar {needed}, tersedia {free}. Kosongkan ruang atau pilih flashdisk lain.</source>
        <translation>Not enough free space at the destination: about {needed} needed, {free} available. Free up space or choose another USB stick.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="177"/>
        <source>Salinan cadangan rusak (integrity_check gagal); cadangan dibatalkan.</source>
        <translation>The backup copy is damaged (integrity_check failed); the backup was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="178"/>
        <source>Isi salinan cadangan tidak sama dengan profil; cadangan dibatalkan.</source>
        <translation>The backup copy&apos;s content differs from the profile; the backup was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="179"/>
        <source>Ruang kosong di tujuan tidak cukup. Kosongkan ruang atau pilih flashdisk lain.</source>
        <translation>Not enough free space at the destination. Free up space or choose another USB stick.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="180"/>
        <source>Ruang di tujuan habis saat menyalin; cadangan tidak dibuat. Kosongkan ruang atau pilih flashdisk lain.</source>
        <translation>The destination ran out of space while copying; no backup was made. Free up space or choose another USB stick.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="181"/>
        <source>Folder cadangan tidak ditemukan: {source}</source>
        <translation>The backup folder was not found: {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="182"/>
        <source>{source} bukan cadangan Jemput yang lengkap (jemput.db dan profile.json harus ada).</source>
        <translation>{source} is not a complete Jemput backup (jemput.db and profile.json must be there).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="183"/>
        <source>Sudah ada profil di {data_dir}; profil yang ada tidak ditimpa. Pulihkan ke folder lain dengan --data, atau buka cadangan langsung.</source>
        <translation>There is already a profile in {data_dir}; the existing profile is not overwritten. Restore to another folder with --data, or open the backup directly.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="184"/>
        <source>Salinan cadangan tidak dapat dibuka dengan kunci profil; cadangan dibatalkan.</source>
        <translation>The backup copy cannot be opened with the profile&apos;s key; the backup was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="185"/>
        <source>Cadangan rusak (integrity_check gagal); tidak dipulihkan.</source>
        <translation>The backup is damaged (integrity_check failed); it was not restored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="186"/>
        <source>Kata sandi tidak boleh kosong.</source>
        <translation>The password cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="187"/>
        <source>Sudah ada profil di folder ini.</source>
        <translation>There is already a profile in this folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="188"/>
        <source>Format profile.json tidak dikenal.</source>
        <translation>The format of profile.json is not recognised.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="189"/>
        <source>Berkas profile.json rusak atau tidak dapat dibaca.</source>
        <translation>The profile.json file is damaged or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="190"/>
        <source>Kata sandi profil demo tidak dapat diganti.</source>
        <translation>The demo profile&apos;s password cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="191"/>
        <source>Kata sandi baru tidak boleh kosong.</source>
        <translation>The new password cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="192"/>
        <source>Kata sandi baru minimal {min} karakter.</source>
        <translation>The new password must have at least {min} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="193"/>
        <source>Kata sandi baru sama dengan kata sandi lama.</source>
        <translation>The new password is the same as the old one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="194"/>
        <source>Kata sandi tidak dapat diganti: basis data tidak dapat ditulis ulang (periksa ruang disk). Kata sandi lama tetap berlaku.</source>
        <translation>The password cannot be changed: the database cannot be rewritten (check the disk space). The old password stays in force.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="195"/>
        <source>Kata sandi baru sudah berlaku, tetapi berkas profile.json belum selesai diperbarui. Buka profil dengan kata sandi baru.</source>
        <translation>The new password is in force, but the profile.json file was not fully updated. Open the profile with the new password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="204"/>
        <source>Operator tidak ditemukan.</source>
        <translation>Operator not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="205"/>
        <source>nama operator tidak boleh kosong</source>
        <translation>the operator name cannot be empty</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="206"/>
        <source>nama operator lebih dari {limit} karakter</source>
        <translation>the operator name is longer than {limit} characters</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="207"/>
        <source>Nama operator sudah dipakai.</source>
        <translation>That operator name is already taken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="208"/>
        <source>Mode jurnal WAL tidak dapat diaktifkan.</source>
        <translation>The WAL journal mode cannot be turned on.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="209"/>
        <source>Kunci basis data tidak tersedia untuk operasi ini.</source>
        <translation>The database key is not available for this operation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="210"/>
        <source>Basis data sudah ditutup.</source>
        <translation>The database is already closed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="232"/>
        <source>Alat biometrik belum terdaftar (belum punya sertifikat dari penyedianya). Hubungi admin atau penyedia alat; alat ini belum dapat dipakai merekam.</source>
        <translation>The biometric device is not registered (it has no certificate from its provider). Contact the admin or the device provider; this device cannot record yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="233"/>
        <source>Alat tidak mendeteksi jari atau mata. Letakkan jari rata di kaca pemindai (atau dekatkan mata), lalu ulangi.</source>
        <translation>The device detects no finger or eye. Place the fingers flat on the scanner glass (or bring the eye closer), then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="234"/>
        <source>Alat gagal mengolah gambar. Bersihkan kaca pemindai, lalu ulangi.</source>
        <translation>The device failed to process the image. Clean the scanner glass, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="235"/>
        <source>Alat melaporkan tanda dibongkar atau dirusak. Jangan dipakai merekam: laporkan ke admin.</source>
        <translation>The device reports signs of being opened or tampered with. Do not use it for recording: report it to the admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="236"/>
        <source>Alat tidak dapat menghubungi server pengelolanya (diperlukan untuk pendaftaran atau pembaruan kunci). Coba lagi saat ada sinyal, atau hubungi admin.</source>
        <translation>The device cannot reach its management server (needed for registration or key renewal). Try again when there is signal, or contact the admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="237"/>
        <source>Posisi jari atau kepala miring. Luruskan tangan (atau kepala), lalu ulangi.</source>
        <translation>The finger or head is tilted. Straighten the hand (or head), then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="238"/>
        <source>Alat biometrik tidak ditemukan. Periksa kabel USB alat, lalu tekan “Cari ulang”.</source>
        <translation>Biometric device not found. Check the device&apos;s USB cable, then press “Cari ulang”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="239"/>
        <source>Kunci alat biometrik sudah kedaluwarsa. Alat perlu diperbarui oleh penyedianya; hubungi admin.</source>
        <translation>The biometric device&apos;s key has expired. The device must be renewed by its provider; contact the admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="240"/>
        <source>Alat belum memiliki kunci server (domain). Hubungi admin atau penyedia alat.</source>
        <translation>The device has no server (domain) key yet. Contact the admin or the device provider.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="241"/>
        <source>Alat tidak dapat merekam jumlah jari atau mata yang diminta. Periksa jenis alat (telapak 4 jari, satu jari, satu atau dua mata).</source>
        <translation>The device cannot record the number of fingers or eyes requested. Check the kind of device (4-finger slap, single finger, one or two eyes).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="242"/>
        <source>Alat biometrik belum siap. Tunggu sebentar (lampu alat menyala), lalu ulangi.</source>
        <translation>The biometric device is not ready. Wait a moment (the device light comes on), then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="243"/>
        <source>Alat biometrik sedang dipakai (perekaman lain belum selesai). Tunggu sebentar, lalu ulangi.</source>
        <translation>The biometric device is in use (another recording has not finished). Wait a moment, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="244"/>
        <source>Alat menolak nomor transaksi perekaman. Ulangi perekaman; bila terulang, hubungi admin.</source>
        <translation>The device refused the recording&apos;s transaction number. Try again; if it happens again, contact the admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="245"/>
        <source>Alat biometrik melaporkan kesalahan {code}: {info}</source>
        <translation>The biometric device reports error {code}: {info}</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="246"/>
        <source>Alat biometrik melaporkan kesalahan yang tidak dikenal (kode {code}). Ulangi; bila terulang, hubungi admin.</source>
        <translation>The biometric device reports an unknown error (code {code}). Try again; if it happens again, contact the admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="247"/>
        <source>Tidak ada alat biometrik yang menjawab. Periksa kabel USB alat dan bahwa layanan alat sudah berjalan, lalu tekan “Cari ulang”.</source>
        <translation>No biometric device answers. Check the device&apos;s USB cable and that the device service is running, then press “Cari ulang”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="248"/>
        <source>Alat biometrik tidak menjawab dalam {seconds} detik. Periksa alat, lalu ulangi.</source>
        <translation>The biometric device did not answer within {seconds} seconds. Check the device, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="249"/>
        <source>Sambungan ke alat biometrik terputus di tengah perekaman. Periksa kabel USB alat, lalu ulangi; hasil yang sudah direkam tetap tersimpan.</source>
        <translation>The connection to the biometric device was lost during the recording. Check the device&apos;s USB cable, then try again; what was already recorded is kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="250"/>
        <source>Jawaban alat biometrik tidak dapat dibaca. Ulangi; bila terulang, mulai ulang layanan alat.</source>
        <translation>The biometric device&apos;s answer cannot be read. Try again; if it happens again, restart the device service.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="251"/>
        <source>Data bertanda tangan dari alat rusak atau tidak lengkap. Hasil ini tidak dipakai; ulangi perekaman.</source>
        <translation>The signed data from the device is damaged or incomplete. This result is not used; record again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="252"/>
        <source>Tanda tangan digital data dari alat tidak cocok. Hasil ini tidak dipakai; ulangi perekaman.</source>
        <translation>The digital signature of the device&apos;s data does not match. This result is not used; record again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="253"/>
        <source>Rantai hash perekaman tidak sambung (data bukan lanjutan perekaman ini). Hasil ini tidak dipakai; ulangi perekaman.</source>
        <translation>The recording&apos;s hash chain is broken (the data does not continue this recording). This result is not used; record again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="254"/>
        <source>Alat mengirim hasil perekaman lain (nomor transaksi berbeda). Hasil ini tidak dipakai; ulangi.</source>
        <translation>The device sent the result of another recording (a different transaction number). This result is not used; try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="255"/>
        <source>Alat mengirim jari atau mata yang tidak diminta ({subtype}). Hasil ini tidak dipakai; ulangi.</source>
        <translation>The device sent a finger or eye that was not asked for ({subtype}). This result is not used; try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="256"/>
        <source>Alat tidak mengirim hasil untuk {subtype}. Ulangi perekaman.</source>
        <translation>The device sent no result for {subtype}. Record again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="257"/>
        <source>Kualitas {subtype} {score} di bawah batas {required}. Bersihkan jari atau kaca, lalu ulangi.</source>
        <translation>Quality of {subtype} {score} is below the threshold {required}. Clean the finger or the glass, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="258"/>
        <source>Alat ini terdaftar untuk autentikasi, bukan untuk perekaman (registrasi). Pakai alat biometrik perekaman.</source>
        <translation>This device is registered for authentication, not for recording (registration). Use a recording biometric device.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="259"/>
        <source>Data biometrik dari alat bukan rekaman ISO 19794 (sidik jari atau iris). Hasil ini tidak dipakai.</source>
        <translation>The biometric data from the device is not an ISO 19794 record (fingerprint or iris). This result is not used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="260"/>
        <source>Rekaman biometrik berjenis lain dari yang diminta (sidik jari dan iris tertukar).</source>
        <translation>The biometric record is of another kind than asked for (fingerprint and iris swapped).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="261"/>
        <source>Versi rekaman ISO {version} tidak didukung (yang didukung: 2011, versi 020).</source>
        <translation>ISO record version {version} is not supported (supported: 2011, version 020).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="262"/>
        <source>Panjang rekaman ISO tidak cocok ({declared} tertulis, {actual} ada). Rekaman rusak.</source>
        <translation>The ISO record&apos;s length does not match ({declared} written, {actual} present). The record is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="263"/>
        <source>Rekaman ISO tidak berisi gambar satu pun.</source>
        <translation>The ISO record holds no image at all.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="264"/>
        <source>Rekaman ISO terpotong (lebih pendek dari isinya). Rekaman rusak.</source>
        <translation>The ISO record is cut short (shorter than its content). The record is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="265"/>
        <source>Rekaman ISO berisi nilai yang tidak sah pada kolom {field}.</source>
        <translation>The ISO record holds an invalid value in the field {field}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="266"/>
        <source>Rekaman ISO tidak berisi data gambar.</source>
        <translation>The ISO record holds no image data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="276"/>
        <source>Berkas rekaman ISO tidak ada untuk jari/mata yang tercatat terekam: {slots}.</source>
        <translation>No ISO record file for the fingers/eyes noted as captured: {slots}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="277"/>
        <source>Ada berkas sidik jari/iris yang tidak sesuai catatannya (rekaman untuk jari/mata yang tidak tercatat terekam, atau foto bukti tanpa pengecualian): {slots}.</source>
        <translation>Some fingerprint/iris files do not match what is noted (a record for a finger/eye not noted as captured, or a proof photo without an exception): {slots}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="395"/>
        <source>Pilih alasan pengembalian dari daftar.</source>
        <translation>Choose a reason for returning it from the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="396"/>
        <source>Tulis catatan untuk operator: apa yang harus diperbaiki.</source>
        <translation>Write a note for the operator: what must be fixed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="398"/>
        <source>Rekaman ini tidak sedang menunggu persetujuan (statusnya &apos;{status}&apos;).</source>
        <translation>This recording is not waiting for approval (its status is &apos;{status}&apos;).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="399"/>
        <source>Dikembalikan supervisor: {words}. Perbaiki, lalu selesaikan lagi.</source>
        <translation>Returned by the supervisor: {words}. Fix it, then complete it again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="400"/>
        <source>Rekaman baru dihentikan: {count} rekaman menunggu persetujuan supervisor. Minta supervisor meninjau rekaman hari ini dulu.</source>
        <translation>New recordings are stopped: {count} recordings are waiting for the supervisor&apos;s approval. Ask the supervisor to review today&apos;s recordings first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="401"/>
        <source>Rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan. Sinkronkan atau buat cadangan.</source>
        <translation>The oldest recording has been neither synced nor backed up for {days} days. Sync or make a backup.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="402"/>
        <source>Rekaman baru dihentikan: rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan.</source>
        <translation>New recordings are stopped: the oldest recording has been neither synced nor backed up for {days} days.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="403"/>
        <source>{count} rekaman menunggu persetujuan supervisor.</source>
        <translation>{count} recordings are waiting for the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="404"/>
        <source>Rekaman baru dihentikan: {count} rekaman menunggu persetujuan supervisor.</source>
        <translation>New recordings are stopped: {count} recordings are waiting for the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="405"/>
        <source>Foto perlu diambil ulang</source>
        <translation>The photo must be taken again</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="406"/>
        <source>Tanda tangan perlu diulang</source>
        <translation>The signature must be done again</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="407"/>
        <source>Data isian perlu diperbaiki</source>
        <translation>The form&apos;s data must be corrected</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="408"/>
        <source>Pengecualian belum beralasan</source>
        <translation>An exception lacks a good reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="409"/>
        <source>Sidik jari / iris perlu diulang</source>
        <translation>Fingerprints / iris must be captured again</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="410"/>
        <source>Lainnya (lihat catatan)</source>
        <translation>Other (see the note)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="46"/>
        <source>Pilih alasan pengecualian foto dari daftar.</source>
        <translation>Choose the reason for the photo exception from the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="47"/>
        <source>Alasan “Lainnya” wajib dituliskan (paling sedikit 3 huruf).</source>
        <translation>The reason “Other” must be written (at least 3 letters).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="48"/>
        <source>Foto dengan pengecualian tidak berisi foto.</source>
        <translation>The photo with an exception holds no photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="49"/>
        <source>Pilih cara pengganti tanda tangan.</source>
        <translation>Choose what replaces the signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="50"/>
        <source>Tuliskan nama wali yang menandatangani.</source>
        <translation>Write the name of the guardian who signs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="51"/>
        <source>Pilih hubungan wali dengan warga.</source>
        <translation>Choose the guardian&apos;s relation to the resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="52"/>
        <source>Cap jempol atau tanda tangan wali belum diambil.</source>
        <translation>The thumbprint or the guardian&apos;s signature has not been taken yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="96"/>
        <source>Tanggal rekaman ({date}) lebih dari {days} hari setelah tanggal server menerimanya ({server_date}); jam laptop mungkin salah. Rekaman disimpan dan perlu ditinjau petugas.</source>
        <translation>The recording date ({date}) is more than {days} days after the date the server received it ({server_date}); the laptop&apos;s clock may be wrong. The recording is kept and needs a reviewer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="97"/>
        <source>Tanggal rekaman ({date}) lebih dari {days} hari sebelum tanggal server menerimanya ({server_date}); jam laptop mungkin salah. Rekaman disimpan dan perlu ditinjau petugas.</source>
        <translation>The recording date ({date}) is more than {days} days before the date the server received it ({server_date}); the laptop&apos;s clock may be wrong. The recording is kept and needs a reviewer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="103"/>
        <source>Alamat server {host} memakai http:// tanpa enkripsi ke jaringan umum: token perangkat, NIK dan foto akan terkirim terbuka. Pakai https://; http:// hanya untuk jaringan lokal (mis. 192.168.x.x).</source>
        <translation>The server address {host} uses http:// without encryption over a public network: the device token, NIK numbers and photos would travel in the clear. Use https://; http:// is only for a local network (e.g. 192.168.x.x).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="104"/>
        <source>Sertifikat server tidak sama dengan sidik jari SHA-256 yang disematkan di pengaturan sinkron, jadi koneksi dihentikan. Hubungi admin Dinas: sertifikat server mungkin diganti, atau ada pihak lain di jalur.</source>
        <translation>The server&apos;s certificate does not match the SHA-256 fingerprint pinned in the sync settings, so the connection was stopped. Contact the Dinas administrator: the server certificate may have been replaced, or someone else is on the line.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="105"/>
        <source>Sidik jari sertifikat server harus SHA-256: 64 digit heksadesimal.</source>
        <translation>The server certificate fingerprint must be a SHA-256: 64 hexadecimal digits.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="133"/>
        <source>Server menolak foto/tanda tangan rekaman ini. {words} Rekam ulang lalu kirim lagi.</source>
        <translation>The server refused this recording&apos;s photo/signature. {words} Capture it again, then send again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="154"/>
        <source>Rekaman ini ditolak admin karena NIK-nya sudah direkam di rekaman lain (keputusan tinjauan NIK ganda); tidak diperbaiki dan dikirim ulang. Hubungi admin bila keputusan itu keliru.</source>
        <translation>The administrator rejected this recording because its NIK is already recorded in another recording (a duplicate-NIK review decision); it is not fixed and sent again. Contact the administrator if that decision is wrong.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="211"/>
        <source>Lansia (60+)</source>
        <translation>Elderly (60+)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="212"/>
        <source>Difabel</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="213"/>
        <source>Pelajar</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="214"/>
        <source>Tahanan (lapas/rutan)</source>
        <translation>Detainee (prison)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="215"/>
        <source>Pekerja (kunjungan perusahaan)</source>
        <translation>Worker (company visit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="216"/>
        <source>Perbatasan/terpencil</source>
        <translation>Border/remote area</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="217"/>
        <source>Direkam</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="218"/>
        <location filename="../../app/ui/catalogue_strings.py" line="337"/>
        <source>Tidak di rumah</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="219"/>
        <location filename="../../app/ui/catalogue_strings.py" line="340"/>
        <source>Menolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="220"/>
        <location filename="../../app/ui/catalogue_strings.py" line="338"/>
        <source>Pindah</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="221"/>
        <location filename="../../app/ui/catalogue_strings.py" line="339"/>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="222"/>
        <source>Sakit / minta kunjungan ulang</source>
        <translation>Ill / asks for another visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="223"/>
        <source>Sudah rekam di tempat lain</source>
        <translation>Already recorded elsewhere</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="224"/>
        <source>Hasil kunjungan tidak dikenal.</source>
        <translation>Unknown visit outcome.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="225"/>
        <source>Warga ini sudah direkam; hasil kunjungan lain tidak dapat dicatat lagi.</source>
        <translation>This resident is already recorded; no other visit outcome can be recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="226"/>
        <source>Hasil &apos;Direkam&apos; dicatat otomatis dari rekaman yang selesai.</source>
        <translation>The outcome &apos;Recorded&apos; is set automatically from a completed recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="227"/>
        <source>Isi tanggal kunjungan ulang.</source>
        <translation>Enter the date of the next visit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="228"/>
        <source>Tanggal kunjungan ulang tidak boleh sebelum hari kunjungan.</source>
        <translation>The next visit cannot be before the day of the visit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="229"/>
        <source>Tanggal kunjungan ulang hanya untuk &apos;Sakit / minta kunjungan ulang&apos;.</source>
        <translation>A next-visit date is only for &apos;Ill / asks for another visit&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="230"/>
        <location filename="../../app/ui/catalogue_strings.py" line="372"/>
        <location filename="../../app/ui/catalogue_strings.py" line="397"/>
        <source>Catatan paling banyak {limit} karakter.</source>
        <translation>The note may be at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="231"/>
        <source>Warga tidak ada dalam daftar target.</source>
        <translation>The resident is not on the target list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="67"/>
        <source>Kamera yang dipilih tidak ditemukan. Periksa kabel USB kamera, lalu coba lagi atau pilih kamera lain di daftar Kamera.</source>
        <translation>The chosen camera was not found. Check the camera&apos;s USB cable, then try again or choose another camera in the Camera list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="68"/>
        <source>Tidak ada kamera yang terdeteksi di laptop ini. Periksa: kabel USB kamera terpasang (coba colokan USB lain); kamera laptop tidak dimatikan dengan tombol atau penutup privasi (tombol Fn kamera) atau di pengaturan privasi Windows; lalu tekan “Cari ulang”.</source>
        <translation>No camera was detected on this laptop. Check: the camera&apos;s USB cable is plugged in (try another USB port); the laptop camera is not switched off with a privacy button or shutter (the Fn camera key) or in the Windows privacy settings; then press “Search again”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="120"/>
        <source>Profil DEMO hanya boleh didaftarkan ke server latihan (server demo). Server ini tidak menyatakan dirinya server demo, jadi pendaftaran dibatalkan dan tidak ada data yang dikirim. Untuk perekaman sungguhan, siapkan profil baru dengan kata sandi sendiri.</source>
        <translation>A DEMO profile may only be registered with a training server (demo server). This server does not declare itself a demo server, so registration was cancelled and nothing was sent. For real recording, set up a new profile with its own passphrase.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="267"/>
        <source>Rekaman ISO bukan untuk {slot} (posisi jari atau label mata di dalamnya lain).</source>
        <translation>The ISO record is not for {slot} (the finger position or eye label inside differs).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="274"/>
        <source>Sidik jari dan iris belum direkam. Rekam sepuluh jari dan dua iris, atau catat pengecualian untuk yang tidak dapat direkam.</source>
        <translation>Fingerprints and irises are not captured. Capture ten fingers and two irises, or record an exception for each that cannot be captured.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="275"/>
        <source>Sidik jari/iris belum lengkap: {count} belum direkam dan tanpa pengecualian ({slots}).</source>
        <translation>Fingerprints/irises incomplete: {count} not captured and without an exception ({slots}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="79"/>
        <source>Data sidik jari/iris rekaman ini tidak dapat dibaca (jari atau mata, nilai mutu, atau alasan pengecualian yang tidak dikenal).</source>
        <translation>The fingerprint/iris data of this recording cannot be read (an unknown finger or eye, quality value or exception reason).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="278"/>
        <source>Rumah (lansia/difabel)</source>
        <translation>Home (elderly/disabled)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="279"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="280"/>
        <source>Lapas/rutan</source>
        <translation>Prison/detention centre</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="281"/>
        <source>Perusahaan</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="282"/>
        <source>Perbatasan (menginap)</source>
        <translation>Border area (overnight)</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="283"/>
        <source>Jenis kunjungan tidak dikenal.</source>
        <translation>Unknown trip type.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="284"/>
        <source>Nama kunjungan wajib diisi.</source>
        <translation>The trip name is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="285"/>
        <source>Nama kunjungan paling banyak {limit} karakter.</source>
        <translation>The trip name may have at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="286"/>
        <source>Tempat kunjungan wajib diisi.</source>
        <translation>The trip place is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="287"/>
        <source>Tempat kunjungan paling banyak {limit} karakter.</source>
        <translation>The trip place may have at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="288"/>
        <source>Isi tanggal mulai dan tanggal selesai kunjungan.</source>
        <translation>Enter the first and the last day of the trip.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="289"/>
        <source>Tanggal selesai tidak boleh sebelum tanggal mulai.</source>
        <translation>The last day may not be before the first day.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="290"/>
        <source>Kunjungan perbatasan menginap: tanggal selesai harus sesudah tanggal mulai.</source>
        <translation>A border trip stays overnight: the last day must be after the first day.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="291"/>
        <source>Kunjungan paling lama {limit} hari.</source>
        <translation>A trip lasts at most {limit} days.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="292"/>
        <source>Nama anggota tim paling banyak {limit} karakter.</source>
        <translation>A team member name may have at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="293"/>
        <source>Isi paling sedikit satu anggota tim.</source>
        <translation>Enter at least one team member.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="294"/>
        <source>Tim paling banyak {limit} orang.</source>
        <translation>A team has at most {limit} people.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="295"/>
        <source>Kunjungan ini belum dimulai; aktifkan pada tanggal mulainya.</source>
        <translation>This trip has not started yet; activate it on its first day.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="296"/>
        <source>Kunjungan ini sudah selesai dan tidak dapat diaktifkan lagi.</source>
        <translation>This trip is over and cannot be activated again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="297"/>
        <source>Kunjungan tidak ditemukan.</source>
        <translation>Trip not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="298"/>
        <source>Kunjungan aktif: {name} ({type})</source>
        <translation>Active trip: {name} ({type})</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="299"/>
        <source>Tidak ada kunjungan aktif</source>
        <translation>No active trip</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="300"/>
        <source>Belum dapat direkam</source>
        <translation>Cannot be recorded yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="301"/>
        <source>Rekam awal: kartu ditahan sampai 17</source>
        <translation>Pre-record: card held until 17</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="302"/>
        <source>Dapat direkam</source>
        <translation>Can be recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="303"/>
        <source>Daftar kelas hanya untuk kunjungan sekolah.</source>
        <translation>Class lists are for school trips only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="304"/>
        <source>Siswa tidak ada dalam daftar kelas kunjungan ini.</source>
        <translation>The student is not on this trip&apos;s class list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="305"/>
        <source>Isi nama penerima kartu di sekolah.</source>
        <translation>Enter who received the card at the school.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="306"/>
        <source>Tanggal terima kartu tidak boleh di masa depan.</source>
        <translation>The day the card was received may not be in the future.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="307"/>
        <source>Berkas ini bukan kiriman flashdisk Jemput.</source>
        <translation>This file is not a Jemput USB bundle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="308"/>
        <source>Format kiriman flashdisk ini tidak dikenal (dibuat versi Jemput yang lebih baru?).</source>
        <translation>The format of this USB bundle is unknown (made by a newer Jemput?).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="309"/>
        <source>Berkas kiriman tidak utuh (terpotong, mungkin flashdisk dicabut saat menyalin). Tidak ada yang diimpor; buat kiriman baru dari laptop.</source>
        <translation>The bundle file is incomplete (cut off, perhaps the stick was pulled while copying). Nothing was imported; make a new bundle on the laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="310"/>
        <source>Berkas kiriman rusak (isinya tidak sesuai susunannya). Tidak ada yang diimpor.</source>
        <translation>The bundle file is damaged (its contents do not match its layout). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="311"/>
        <source>Tanda tangan kiriman tidak cocok: berkas telah diubah atau rusak, atau bukan dari perangkat yang tercatat. Tidak ada yang diimpor.</source>
        <translation>The bundle&apos;s signature does not match: the file was changed or damaged, or it is not from the registered device. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="312"/>
        <source>Isi kiriman tidak dapat dibuka dengan kunci server ini. Tidak ada yang diimpor.</source>
        <translation>The bundle cannot be opened with this server&apos;s key. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="313"/>
        <source>Kiriman ini dienkripsi untuk server lain (kunci server tidak cocok). Tidak ada yang diimpor.</source>
        <translation>This bundle is encrypted for another server (the server key does not match). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="314"/>
        <source>Kiriman ini dari perangkat {device} yang tidak dikenal server ini atau belum punya kunci tanda tangan. Tidak ada yang diimpor.</source>
        <translation>This bundle is from device {device}, which this server does not know or which has no signing key yet. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="315"/>
        <source>Perangkat {device} telah dicabut oleh admin: kirimannya ditolak. Tidak ada yang diimpor.</source>
        <translation>Device {device} was revoked by the administrator: its bundle is refused. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="316"/>
        <source>Kunci dalam kiriman atau profil tidak valid.</source>
        <translation>A key in the bundle or the profile is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="317"/>
        <source>Laptop ini belum menerima kunci kiriman dari server. Daftarkan ulang laptop (jemput register) ke server versi baru, lalu coba lagi.</source>
        <translation>This laptop has not received the server&apos;s bundle key. Register the laptop again (jemput register) with an up-to-date server, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="318"/>
        <source>Tidak ada rekaman yang menunggu dikirim.</source>
        <translation>No recordings are waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="319"/>
        <source>Folder tujuan tidak dapat ditulisi ({why}). Antrian laptop tidak berubah.</source>
        <translation>The target folder cannot be written ({why}). The laptop&apos;s queue is unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="320"/>
        <source>Berkas tidak dapat dibaca ({why}).</source>
        <translation>The file cannot be read ({why}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="321"/>
        <source>Tanda terima tidak sah: tanda tangan server tidak cocok, atau berkasnya rusak. Tidak ada yang ditandai.</source>
        <translation>The receipt is not genuine: the server&apos;s signature does not match, or the file is damaged. Nothing was marked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="322"/>
        <source>Tanda terima ini untuk perangkat lain. Tidak ada yang ditandai.</source>
        <translation>This receipt is for another device. Nothing was marked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="196"/>
        <source>Kata sandi terlalu mudah ditebak. Pakai tiga atau empat kata yang tidak berhubungan, misalnya dengan angka di antaranya; jangan nama, tanggal lahir atau urutan seperti 12345678.</source>
        <translation>The passphrase is too easy to guess. Use three or four unrelated words, for example with a number between them; not a name, a birth date or a sequence like 12345678.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="197"/>
        <source>Kata sandi ini sudah dipakai orang lain di laptop ini. Pilih kata sandi lain.</source>
        <translation>Someone else on this laptop already uses this passphrase. Choose another one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="198"/>
        <source>Peran {role} tidak boleh {action}. Minta supervisor atau admin tim.</source>
        <translation>The role {role} may not {action}. Ask the team&apos;s supervisor or admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="199"/>
        <source>Admin terakhir tidak dapat dihapus atau diturunkan; tambahkan admin lain lebih dulu.</source>
        <translation>The last admin cannot be removed or demoted; add another admin first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="200"/>
        <source>Anda tidak dapat menghapus diri sendiri; minta admin lain.</source>
        <translation>You cannot remove yourself; ask another admin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="201"/>
        <source>Pengguna {name} sudah dihapus.</source>
        <translation>User {name} has already been removed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="202"/>
        <source>Peran tidak dikenal: {role} (pilih operator, supervisor atau admin).</source>
        <translation>Unknown role: {role} (choose operator, supervisor or admin).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="203"/>
        <source>Terlalu banyak kata sandi salah. Coba lagi dalam {seconds} detik.</source>
        <translation>Too many wrong passphrases. Try again in {seconds} seconds.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="141"/>
        <source>Rekaman baru dihentikan: rekaman tertua sudah {days} hari belum tersinkron maupun dicadangkan. Sinkronkan atau buat cadangan dulu.</source>
        <translation>New recordings are stopped: the oldest recording has waited {days} days with neither a sync nor a backup. Sync or make a backup first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="323"/>
        <source>Urutan undangan tidak dikenal (pilih urut daftar atau acak).</source>
        <translation>Unknown invitation order (choose list order or random).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="324"/>
        <source>Tempat perekaman wajib diisi.</source>
        <translation>The recording place is required.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="325"/>
        <source>Tempat perekaman paling banyak {limit} karakter.</source>
        <translation>The recording place may have at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="326"/>
        <source>Isi jam mulai dan jam selesai.</source>
        <translation>Fill in the start and end times.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="327"/>
        <source>Jam selesai harus sesudah jam mulai.</source>
        <translation>The end time must be after the start time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="328"/>
        <source>Jumlah set alat harus {low}-{high}.</source>
        <translation>The number of equipment sets must be {low}-{high}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="329"/>
        <source>Menit per perekaman harus {low}-{high}.</source>
        <translation>Minutes per recording must be {low}-{high}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="330"/>
        <source>Rentang jam terlalu pendek untuk satu perekaman pun.</source>
        <translation>The time window is too short for even one recording.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="331"/>
        <source>Tidak ada hari yang boleh dipakai untuk jadwal.</source>
        <translation>No day may be used for the schedule.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="332"/>
        <source>Jadwal ini perlu {days} hari (paling banyak {limit}): tambah set alat atau jam.</source>
        <translation>This schedule needs {days} days (at most {limit}): add equipment sets or hours.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="333"/>
        <source>Pilih RT yang dijadwalkan.</source>
        <translation>Choose the RT to schedule.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="334"/>
        <source>Kode acak harus bilangan {low}-{high}.</source>
        <translation>The random code must be a number {low}-{high}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="335"/>
        <source>Jadwal tidak ditemukan.</source>
        <translation>Slot not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="336"/>
        <source>Jadwal tidak boleh pada hari yang sudah lewat.</source>
        <translation>A slot cannot be on a day that has passed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="341"/>
        <source>Alamat tidak ditemukan</source>
        <translation>Address not found</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="342"/>
        <location filename="../../app/ui/catalogue_strings.py" line="350"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="343"/>
        <source>Warga sendiri</source>
        <translation>The resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="344"/>
        <source>Suami/istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="345"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="346"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="347"/>
        <source>Saudara</source>
        <translation>Relative</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="348"/>
        <source>Ketua RT</source>
        <translation>Head of the RT</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="349"/>
        <source>Petugas sekolah</source>
        <translation>School staff</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="351"/>
        <source>Belum diantar</source>
        <translation>Not yet delivered</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="352"/>
        <source>Diserahkan</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="353"/>
        <source>Tidak terserahkan</source>
        <translation>Not handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="354"/>
        <source>Alasan tidak terserahkan tidak dikenal.</source>
        <translation>Unknown reason for not handing over.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="355"/>
        <source>Hubungan penerima dengan warga tidak dikenal.</source>
        <translation>Unknown relation of the recipient to the resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="356"/>
        <source>Berkas tidak berisi NIK satu pun.</source>
        <translation>The file holds no NIK at all.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="357"/>
        <source>Satu kiriman kartu paling banyak {limit} NIK; bagi berkasnya.</source>
        <translation>A card batch holds at most {limit} NIK numbers; split the file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="358"/>
        <source>{count} baris bukan NIK 16 angka (baris {lines}). Perbaiki berkasnya; tidak ada kartu yang dimasukkan.</source>
        <translation>{count} lines are not a 16-digit NIK (lines {lines}). Fix the file; no card was added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="359"/>
        <source>{count} NIK tertulis dua kali (baris {lines}). Perbaiki berkasnya; tidak ada kartu yang dimasukkan.</source>
        <translation>{count} NIK numbers are written twice (lines {lines}). Fix the file; no card was added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="360"/>
        <source>Berkas lebih dari {limit} MB; bagi menjadi beberapa kiriman.</source>
        <translation>The file is over {limit} MB; split it into several batches.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="361"/>
        <source>Berkas tidak dapat dibaca sebagai daftar NIK (TXT, CSV UTF-8 atau XLSX).</source>
        <translation>The file cannot be read as a list of NIK numbers (TXT, CSV UTF-8 or XLSX).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="362"/>
        <source>Isi nama kiriman kartu (mis. Cetak 2 Desember).</source>
        <translation>Enter the name of the card batch (e.g. Printed 2 December).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="363"/>
        <source>Nama kiriman paling banyak {limit} karakter.</source>
        <translation>The batch name has at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="364"/>
        <source>{count} NIK sudah ada pada kiriman lain yang belum diserahkan (mis. {nik}). Tidak ada kartu yang dimasukkan.</source>
        <translation>{count} NIK numbers are already in another batch not yet handed over (e.g. {nik}). No card was added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="365"/>
        <source>Kartu dengan NIK ini tidak ada dalam kiriman mana pun.</source>
        <translation>No batch holds a card with this NIK.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="366"/>
        <source>Kartu ini sudah diserahkan; tidak ada yang dapat dicatat lagi.</source>
        <translation>This card was handed over; nothing more can be recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="367"/>
        <source>Isi nama penerima kartu.</source>
        <translation>Enter the recipient&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="368"/>
        <source>Nama penerima atau sekolah paling banyak {limit} karakter.</source>
        <translation>The recipient&apos;s or school&apos;s name has at most {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="369"/>
        <source>Kartu untuk sekolah diterima petugas sekolah: isi nama sekolah dan pilih &apos;Petugas sekolah&apos;.</source>
        <translation>A card for a school is received by its staff: enter the school&apos;s name and choose &apos;School staff&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="370"/>
        <source>Tanggal antar tidak boleh di masa depan.</source>
        <translation>The delivery date cannot be in the future.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="371"/>
        <source>Isi tanggal antar.</source>
        <translation>Enter the delivery date.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="373"/>
        <source>Alasan &apos;Lainnya&apos; wajib dituliskan di catatan (paling sedikit 3 huruf).</source>
        <translation>The reason &apos;Other&apos; must be written in the note (at least 3 letters).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="374"/>
        <source>Ambil foto penerima atau tanda tangannya sebagai bukti serah terima.</source>
        <translation>Take the recipient&apos;s photo or signature as proof of handover.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="375"/>
        <source>Bukti serah terima harus gambar PNG atau JPEG.</source>
        <translation>The proof of handover must be a PNG or JPEG image.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="376"/>
        <source>Bukti serah terima paling besar {limit} KB.</source>
        <translation>The proof of handover is at most {limit} KB.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="377"/>
        <source>Isi paling sedikit satu anggota keluarga (kepala keluarga).</source>
        <translation>Enter at least one family member (the head of family).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="378"/>
        <source>Satu KK paling banyak {limit} anggota keluarga.</source>
        <translation>One KK holds at most {limit} family members.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="379"/>
        <source>Tandai satu anggota sebagai Kepala Keluarga.</source>
        <translation>Mark one member as the head of family (Kepala Keluarga).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="380"/>
        <source>Kepala Keluarga hanya boleh satu orang.</source>
        <translation>There can be only one head of family.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="381"/>
        <source>Usia lebih dari {max_age} tahun: periksa tahun lahir.</source>
        <translation>Older than {max_age} years: check the year of birth.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="382"/>
        <source>Hubungan {relation} harus berjenis kelamin {sex}.</source>
        <translation>The relation {relation} must be of sex {sex}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="383"/>
        <source>Anggota ke-{number} sama dengan anggota lain (nama dan tanggal lahir sama).</source>
        <translation>Member {number} repeats another member (same name and date of birth).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="384"/>
        <source>Isi satu NIK untuk setiap anggota ({members} anggota, {count} NIK diisi).</source>
        <translation>Enter one NIK for each member ({members} members, {count} NIKs entered).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="385"/>
        <source>NIK anggota ke-{number} sama dengan NIK anggota ke-{first}.</source>
        <translation>The NIK of member {number} is the same as that of member {first}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="386"/>
        <source>Registrasi tidak ditemukan.</source>
        <translation>Registration not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="387"/>
        <source>NIK dan KK registrasi ini sudah diterbitkan; tidak dapat diubah.</source>
        <translation>The NIK and KK numbers of this registration were already issued; they cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="388"/>
        <source>NIK anggota ke-{number} sudah dipakai warga lain di server.</source>
        <translation>The NIK of member {number} already belongs to another resident on the server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="389"/>
        <source>Nomor KK ini sudah dipakai keluarga lain di server.</source>
        <translation>This KK number already belongs to another family on the server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="390"/>
        <source>Data registrasi tidak dapat dibaca.</source>
        <translation>The registration data cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="391"/>
        <source>Menunggu NIK/KK dari kantor</source>
        <translation>Waiting for NIK/KK from the office</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="392"/>
        <source>Belum terkirim</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="393"/>
        <source>Ditolak server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="394"/>
        <source>NIK/KK sudah terbit</source>
        <translation>NIK/KK issued</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="268"/>
        <source>Sidik jari belum lengkap: {count} jari belum direkam atau ditandai pengecualian (F4).</source>
        <translation>Fingerprints incomplete: {count} fingers neither captured nor marked as exceptions (F4).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="269"/>
        <source>Iris belum lengkap: {count} mata belum direkam atau ditandai pengecualian (F5).</source>
        <translation>Irises incomplete: {count} eyes neither captured nor marked as exceptions (F5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="270"/>
        <source>Sidik jari belum direkam ({count} jari). Rekam dengan F4, atau konfirmasi dengan alasan (mis. perangkat tidak tersedia); warga perlu merekamnya kemudian.</source>
        <translation>Fingerprints not captured ({count} fingers). Capture them with F4, or confirm with a reason (e.g. device not available); the resident must have them captured later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="271"/>
        <source>Iris belum direkam ({count} mata). Rekam dengan F5, atau konfirmasi dengan alasan (mis. perangkat tidak tersedia); warga perlu merekamnya kemudian.</source>
        <translation>Irises not captured ({count} eyes). Capture them with F5, or confirm with a reason (e.g. device not available); the resident must have them captured later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="272"/>
        <source>{count} pengecualian belum punya foto bukti. Ambil foto bukti di langkahnya, atau konfirmasi dengan alasan.</source>
        <translation>{count} exceptions have no proof photo. Take it in the step, or confirm with a reason.</translation>
    </message>
    <message>
        <location filename="../../app/ui/catalogue_strings.py" line="273"/>
        <source>Foto warga harus diambil dan disetujui warga dulu, sebelum sidik jari dan iris direkam.</source>
        <translation>The resident&apos;s photo must be taken and approved by the resident before fingerprints and irises are captured.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="39"/>
        <location filename="../../app/ui/passphrase_dialog.py" line="65"/>
        <location filename="../../app/ui/passphrase_dialog.py" line="124"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="43"/>
        <source>Kata sandi baru langsung berlaku untuk membuka Jemput berikutnya. Catat dan simpan di tempat aman: tanpa kata sandi, data tidak dapat dibuka oleh siapa pun.</source>
        <translation>The new password is needed from the next time Jemput is opened. Write it down and keep it somewhere safe: without the password nobody can open the data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="51"/>
        <source>tiga kata acak atau lebih, minimal %1 karakter</source>
        <translation>three or more random words, at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="53"/>
        <source>Kata sandi lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="54"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="55"/>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="63"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="87"/>
        <source>Isi kata sandi lama.</source>
        <translation>Enter the old password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="89"/>
        <source>Kata sandi baru minimal %1 karakter.</source>
        <translation>The new password needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="92"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="94"/>
        <source>Kata sandi baru harus berbeda dari kata sandi lama.</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="110"/>
        <source>Kata sandi lama salah. Kata sandi tidak diganti.</source>
        <translation>The old password is wrong. The password was not changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/passphrase_dialog.py" line="124"/>
        <source>Mengganti…</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../app/ui/widgets/date_edit.py" line="54"/>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/date_edit.py" line="58"/>
        <source>Pilih dari kalender</source>
        <translation>Pick from calendar</translation>
    </message>
</context>
<context>
    <name>DayReportOutput</name>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="51"/>
        <source>Simpan laporan akhir hari (PDF, TIDAK terenkripsi: hanya untuk tim, supervisor dan petugas Disdukcapil)</source>
        <translation>Save the day-end report (PDF, NOT encrypted: only for the team, the supervisor and Disdukcapil officers)</translation>
    </message>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="52"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="54"/>
        <source>Laporan tidak disimpan.</source>
        <translation>The report was not saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="62"/>
        <source>Laporan tidak dapat dibuat: </source>
        <translation>The report cannot be made: </translation>
    </message>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="71"/>
        <source>Laporan gagal disimpan di %1.</source>
        <translation>The report could not be saved at %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/day_report_output.py" line="75"/>
        <source>Laporan akhir hari tersimpan (tidak terenkripsi): %1</source>
        <translation>Day-end report saved (not encrypted): %1</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="68"/>
        <source>Antar KTP-el</source>
        <translation>KTP-el delivery</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="71"/>
        <source>&amp;Impor kiriman kartu…</source>
        <translation>&amp;Import card batch…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="72"/>
        <source>&amp;Serahkan (F5)</source>
        <translation>&amp;Hand over (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="73"/>
        <source>&amp;Tidak terserahkan (F6)</source>
        <translation>&amp;Not handed over (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="74"/>
        <source>&amp;Cetak daftar antar… (Ctrl+P)</source>
        <translation>&amp;Print delivery list… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="82"/>
        <source>Pindai atau ketik NIK, lalu Enter</source>
        <translation>Scan or type a NIK, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="85"/>
        <source>Simpan &amp;pindaian sebagai kiriman</source>
        <translation>Save &amp;scans as a batch</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="94"/>
        <source>Kelurahan/desa:</source>
        <translation>Kelurahan/desa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="96"/>
        <source>RT:</source>
        <translation>RT:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="106"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="106"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="106"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="106"/>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="107"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="107"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="109"/>
        <source>Kelurahan/desa</source>
        <translation>Kelurahan/desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="109"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="109"/>
        <source>Kartu</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="110"/>
        <source>Diserahkan</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="110"/>
        <source>Tidak terserahkan</source>
        <translation>Not handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="110"/>
        <source>Belum diantar</source>
        <translation>Not yet delivered</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="111"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="111"/>
        <source>Sudah rekam/target</source>
        <translation>Recorded/target</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="164"/>
        <source>Kartu %1 · diserahkan %2 · tidak terserahkan %3 · belum diantar %4</source>
        <translation>Cards %1 · handed over %2 · not handed over %3 · not yet delivered %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="174"/>
        <source>(tanpa wilayah)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="184"/>
        <location filename="../../app/ui/pages/delivery.py" line="193"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="214"/>
        <source>Impor kiriman kartu</source>
        <translation>Import card batch</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="215"/>
        <source>Daftar NIK kartu tercetak (*.csv *.txt *.xlsx);;Semua berkas (*)</source>
        <translation>NIK numbers of printed cards (*.csv *.txt *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="226"/>
        <source>Membaca kiriman kartu…</source>
        <translation>Reading the card batch…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="232"/>
        <source>Kiriman “%1” disimpan: %2 kartu.</source>
        <translation>Batch “%1” saved: %2 cards.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="235"/>
        <source>%1 NIK tidak ada di daftar target: tanpa alamat.</source>
        <translation>%1 NIK numbers are not on the target list: no address.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="260"/>
        <source>NIK ini sudah dipindai.</source>
        <translation>This NIK was scanned already.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="267"/>
        <source>%1 NIK pindaian belum disimpan</source>
        <translation>%1 scanned NIK numbers not saved yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="275"/>
        <source>Pindaian %1</source>
        <translation>Scans %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="325"/>
        <source>Dicatat: %1.</source>
        <translation>Recorded: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="331"/>
        <source>Simpan daftar antar</source>
        <translation>Save delivery list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="332"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="343"/>
        <source>Menyimpan daftar antar…</source>
        <translation>Saving the delivery list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery.py" line="349"/>
        <source>Daftar antar disimpan di %1.</source>
        <translation>Delivery list saved in %1.</translation>
    </message>
</context>
<context>
    <name>DisabilitasSuggestion</name>
    <message>
        <location filename="../../app/ui/widgets/disabilitas_suggestion.py" line="33"/>
        <source>Isi</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/disabilitas_suggestion.py" line="35"/>
        <source>Abaikan</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/disabilitas_suggestion.py" line="58"/>
        <source>Alasan pengecualian foto menunjukkan disabilitas. Isi Disabilitas: “%1”?</source>
        <translation>The photo exception&apos;s reason points to a disability. Set Disability: “%1”?</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="109"/>
        <location filename="../../app/ui/pages/enroll.py" line="174"/>
        <location filename="../../app/ui/pages/enroll.py" line="604"/>
        <source>Rekam Baru</source>
        <translation>New Recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="136"/>
        <source>Koreksi (versi baru)</source>
        <translation>Correct (new version)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="138"/>
        <source>Buat versi baru rekaman ini untuk diperbaiki; server mengganti versi lama setelah versi baru tiba.</source>
        <translation>Make a new version of this recording to correct; the server replaces the old version once the new one arrives.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="220"/>
        <location filename="../../app/ui/pages/enroll.py" line="605"/>
        <source>Rekaman: </source>
        <translation>Recording: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="229"/>
        <source>Rekaman ini sudah sampai di server (foto/tanda tangan mungkin masih dikirim) dan tidak dapat diubah lagi. Jika ada yang salah, perbaiki sebagai versi baru.</source>
        <translation>This recording has reached the server (photo/signature may still be sending) and can no longer be changed. If something is wrong, correct it as a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="233"/>
        <source>Rekaman ini sudah dikirim ke server dan tidak dapat diubah lagi. Jika ada yang salah, perbaiki sebagai versi baru.</source>
        <translation>This recording was sent to the server and can no longer be changed. If something is wrong, correct it as a new version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="237"/>
        <source> — versi %1</source>
        <translation> — version %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="317"/>
        <source>Versi baru dibuat: perbaiki lalu selesaikan.</source>
        <translation>New version made: correct it, then finish.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="332"/>
        <source>Foto warga</source>
        <translation>Resident&apos;s photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="344"/>
        <source>Foto diambil, disetujui oleh %1 (%2).</source>
        <translation>Photo taken, approved by %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="349"/>
        <source>Tanpa foto: </source>
        <translation>No photo: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="390"/>
        <source>Tanda tangan warga</source>
        <translation>Resident&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="400"/>
        <source>Tanda tangan tersimpan.</source>
        <translation>Signature saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="403"/>
        <source>Tanpa tanda tangan: </source>
        <translation>No signature: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="490"/>
        <source>Berikutnya di RT %1/RW %2: %3 (formulirnya sudah terbuka).</source>
        <translation>Next in RT %1/RW %2: %3 (the form is already open).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="493"/>
        <source>Semua warga RT ini di daftar sudah direkam. Berikutnya: formulir kosong.</source>
        <translation>Everyone of this RT on the list is recorded. Next: an empty form.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="495"/>
        <source>Berikutnya: formulir kosong untuk warga baru.</source>
        <translation>Next: an empty form for a new resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="498"/>
        <source>Rekaman selesai: %1, nomor registrasi %2, menunggu persetujuan supervisor.</source>
        <translation>Recording complete: %1, registration number %2, waiting for the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="499"/>
        <source>Rekaman selesai: %1, nomor registrasi %2, masuk antrian kirim.</source>
        <translation>Recording completed: %1, registration number %2, added to the send queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="510"/>
        <source>Rekaman selesai (%1), tetapi bukti tidak dapat dibuat: </source>
        <translation>Recording completed (%1), but the receipt could not be made: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="531"/>
        <source>Draf tersimpan: %1 — buka dari Beranda.</source>
        <translation>Draft saved: %1 — open it from Home.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="532"/>
        <source>tanpa nama</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="577"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="596"/>
        <source>Rekaman selesai dan menunggu persetujuan supervisor.</source>
        <translation>Recording complete and waiting for the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="598"/>
        <source>Rekaman selesai dan masuk antrian kirim.</source>
        <translation>Recording completed and added to the send queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="600"/>
        <source>Draf tersimpan otomatis (%1).</source>
        <translation>Draft saved automatically (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="602"/>
        <source>Draf tersimpan.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="613"/>
        <source>Gagal menyimpan: </source>
        <translation>Could not save: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="357"/>
        <source>Sidik jari warga</source>
        <translation>Resident&apos;s fingerprints</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="360"/>
        <source>Iris mata warga</source>
        <translation>Resident&apos;s irises</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="367"/>
        <source>Tanpa alat: tutup langkah ini (Esc) dan simpan draf; selesaikan setelah alat tersedia.</source>
        <translation>Without a device: close this step (Esc) and save a draft; complete it once a device is available.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/enroll.py" line="369"/>
        <source>Tanpa alat: tutup langkah ini (Esc). Tanpa sidik jari maupun iris, rekaman dapat diselesaikan dengan alasan di Pemeriksaan; bila sebagian sudah direkam, tandai sisanya pengecualian “Lainnya: perangkat tidak tersedia”.</source>
        <translation>Without a device: close this step (Esc). With no fingerprints and no irises, the recording can be completed with a reason under Checks; when some are captured, mark the rest as exceptions “Other: device not available”.</translation>
    </message>
</context>
<context>
    <name>EnrollmentForm</name>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="126"/>
        <location filename="../../app/ui/enrollment_form.py" line="128"/>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="140"/>
        <source>Tanggal pasti</source>
        <translation>Exact date</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="141"/>
        <source>Hanya bulan &amp; tahun (tgl 15)</source>
        <translation>Month &amp; year only (15th)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="142"/>
        <source>Hanya tahun (1 Juli)</source>
        <translation>Year only (1 July)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="160"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="163"/>
        <location filename="../../app/ui/enrollment_form.py" line="166"/>
        <source>opsional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="177"/>
        <source>Foto (F2)</source>
        <translation>Photo (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="178"/>
        <source>Tanda tangan (F3)</source>
        <translation>Signature (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="194"/>
        <source>%v dari %m isian wajib</source>
        <translation>%v of %m required fields</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="203"/>
        <source>Simpan draf (Ctrl+S)</source>
        <translation>Save draft (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="204"/>
        <source>Selesai (Ctrl+Enter)</source>
        <translation>Complete (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="206"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="251"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="252"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="253"/>
        <source>Nomor KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="254"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="255"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="256"/>
        <source>Kewarganegaraan</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="257"/>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="258"/>
        <source>Gol. darah</source>
        <translation>Blood type</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="260"/>
        <source>Kelahiran</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="261"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="262"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="263"/>
        <source>Ketepatan</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="265"/>
        <location filename="../../app/ui/enrollment_form.py" line="266"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="273"/>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="276"/>
        <source>Provinsi</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="277"/>
        <source>Kab./Kota</source>
        <translation>Kab./Kota</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="278"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="279"/>
        <source>Kel./Desa</source>
        <translation>Kel./Desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="281"/>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="282"/>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="283"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="284"/>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="285"/>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="287"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="290"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="291"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="292"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="293"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="294"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="296"/>
        <location filename="../../app/ui/enrollment_form.py" line="422"/>
        <source>Foto &amp;&amp; tanda tangan</source>
        <translation>Photo &amp;&amp; signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="319"/>
        <source>Pemeriksaan</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="461"/>
        <source>Belum ada foto.</source>
        <translation>No photo yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="462"/>
        <source>Belum ada tanda tangan.</source>
        <translation>No signature yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="607"/>
        <source>Tanggal lahir tidak lengkap atau tidak ada di kalender (HH-BB-TTTT).</source>
        <translation>Date of birth is incomplete or not a real calendar date (DD-MM-YYYY).</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="617"/>
        <source>Pilih salah satu isian dari daftar.</source>
        <translation>Choose one of the entries in the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="662"/>
        <source>Belum diisi: </source>
        <translation>Not filled in yet: </translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="665"/>
        <source>Semua isian wajib sudah terisi.</source>
        <translation>All required fields are filled in.</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="734"/>
        <source>%1: peringatan perlu dikonfirmasi (centang dan alasan).</source>
        <translation>%1: a warning needs confirming (tick and reason).</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="744"/>
        <source>Perbaiki kesalahan dan konfirmasi peringatan (dengan alasan) dulu.</source>
        <translation>Fix the errors and confirm the warnings (with a reason) first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="750"/>
        <source>Belum bisa selesai: %1</source>
        <translation>Cannot complete yet: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="752"/>
        <source>(+%1 lainnya)</source>
        <translation>(+%1 more)</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrollment_form.py" line="421"/>
        <source>Foto, biometrik &amp;&amp; TTD</source>
        <translation>Photo, biometrics &amp;&amp; signature</translation>
    </message>
</context>
<context>
    <name>FindingWords</name>
    <message>
        <location filename="../../app/ui/texts.py" line="36"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="37"/>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="38"/>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="39"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="40"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="41"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="42"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="43"/>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="44"/>
        <source>Status perkawinan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="45"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="46"/>
        <source>Kewarganegaraan</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="47"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="48"/>
        <source>Hubungan dalam keluarga</source>
        <translation>Relationship in the family</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="49"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="50"/>
        <source>laki-laki</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="51"/>
        <source>perempuan</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="52"/>
        <source>merah</source>
        <translation>red</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="53"/>
        <source>oranye</source>
        <translation>orange</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="54"/>
        <source>biru</source>
        <translation>blue</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="55"/>
        <source>warna lain</source>
        <translation>another colour</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="56"/>
        <source>abu-abu/putih/hitam</source>
        <translation>grey/white/black</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="57"/>
        <source>Tanggal 1 Juli (SIAK)</source>
        <translation>The date 1 July (SIAK)</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="58"/>
        <source>Tanggal 31 Desember (SIMDUK)</source>
        <translation>The date 31 December (SIMDUK)</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="60"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="61"/>
        <source>Selesai</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="62"/>
        <source>Menunggu kirim</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="63"/>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="64"/>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="65"/>
        <source>Perlu ditinjau</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="66"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="70"/>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="71"/>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="72"/>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="73"/>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="74"/>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="75"/>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="76"/>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="77"/>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="78"/>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="79"/>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="80"/>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <location filename="../../app/ui/texts.py" line="81"/>
        <source>Desember</source>
        <translation>December</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../app/ui/widgets/findings_panel.py" line="107"/>
        <source>Belum ada temuan.</source>
        <translation>No findings yet.</translation>
    </message>
</context>
<context>
    <name>FingerprintStep</name>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="96"/>
        <source>Sidik jari (10 jari)</source>
        <translation>Fingerprints (10 fingers)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="97"/>
        <source>Rekam empat jari kiri, empat jari kanan, lalu dua jempol. Tab memilih jari, Spasi merekam, E menandai pengecualian, Del menghapusnya.</source>
        <translation>Capture the four left fingers, the four right fingers, then both thumbs. Tab selects a finger, Space captures, E marks an exception, Del removes it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="108"/>
        <source>Letakkan empat jari tangan kiri (tanpa jempol) rata di kaca pemindai, lalu tekan Spasi.</source>
        <translation>Place the four fingers of the left hand (no thumb) flat on the scanner glass, then press Space.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="109"/>
        <source>Letakkan empat jari tangan kanan (tanpa jempol) rata di kaca pemindai, lalu tekan Spasi.</source>
        <translation>Place the four fingers of the right hand (no thumb) flat on the scanner glass, then press Space.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="110"/>
        <source>Letakkan kedua jempol berdampingan di kaca pemindai, lalu tekan Spasi.</source>
        <translation>Place both thumbs side by side on the scanner glass, then press Space.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="112"/>
        <source> Batas kualitas: {score}.</source>
        <translation> Quality threshold: {score}.</translation>
    </message>
</context>
<context>
    <name>HandCarryBox</name>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="44"/>
        <source>Tanpa sinyal: kirim lewat flashdisk</source>
        <translation>No signal: send by USB stick</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="49"/>
        <source>Rekaman yang belum terkirim disalin ke flashdisk, terenkripsi untuk server; kantor mengimpornya dan memberi tanda terima. Antrian di laptop tidak berubah sampai server mengakuinya.</source>
        <translation>Unsent recordings are copied to a USB stick, encrypted for the server; the office imports them and gives a receipt. The laptop&apos;s queue stays until the server acknowledges them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="62"/>
        <source>Kirim lewat flashdisk…</source>
        <translation>Send by USB stick…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="65"/>
        <source>Baca tanda terima…</source>
        <translation>Read receipt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="78"/>
        <source>Daftarkan laptop ke server dulu: kiriman dienkripsi dengan kunci server.</source>
        <translation>Register the laptop with the server first: bundles are encrypted with the server&apos;s key.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="84"/>
        <source>Pilih folder flashdisk</source>
        <translation>Choose the USB stick folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="95"/>
        <source>Menulis kiriman…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="106"/>
        <source>Kiriman ditulis: %1 (%2 rekaman). Cabut flashdisk dengan aman; antrian tetap menunggu tanda terima.</source>
        <translation>Bundle written: %1 (%2 recordings). Eject the stick safely; the queue waits for the receipt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="115"/>
        <source>Kiriman gagal karena kesalahan tak terduga; antrian laptop tidak berubah.</source>
        <translation>The bundle failed because of an unexpected error; the laptop&apos;s queue is unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="122"/>
        <source>Pilih tanda terima</source>
        <translation>Choose the receipt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="123"/>
        <source>Tanda terima (*.terima.json)</source>
        <translation>Receipt (*.terima.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/hand_carry_box.py" line="137"/>
        <source>Tanda terima dibaca: %1 rekaman diakui server.</source>
        <translation>Receipt read: %1 recordings acknowledged by the server.</translation>
    </message>
</context>
<context>
    <name>HandDiagram</name>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="79"/>
        <source>Tangan kiri</source>
        <translation>Left hand</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/fingerprint_step.py" line="79"/>
        <source>Tangan kanan</source>
        <translation>Right hand</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="40"/>
        <source>Serahkan kartu</source>
        <translation>Hand over the card</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="49"/>
        <source>hanya bila kartu diterima sekolah</source>
        <translation>only when a school receives the card</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="56"/>
        <source>Hapus tanda tangan</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="59"/>
        <source>&amp;Foto penerima dari berkas…</source>
        <translation>Recipient&apos;s &amp;photo from a file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="64"/>
        <source>Warga:</source>
        <translation>Resident:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="65"/>
        <source>Hubungan penerima:</source>
        <translation>Recipient is:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="66"/>
        <source>Diterima oleh:</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="67"/>
        <source>Sekolah:</source>
        <translation>School:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="68"/>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="69"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="70"/>
        <source>Tanda tangan penerima:</source>
        <translation>Recipient&apos;s signature:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="72"/>
        <source>atau foto penerima:</source>
        <translation>or the recipient&apos;s photo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="78"/>
        <source>Foto penerima</source>
        <translation>Recipient&apos;s photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="79"/>
        <source>Gambar (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/delivery_dialogs.py" line="98"/>
        <source>Foto dipilih: %1×%2, %3 KB</source>
        <translation>Photo chosen: %1×%2, %3 KB</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="64"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="67"/>
        <source>direkam hari ini</source>
        <translation>recorded today</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="68"/>
        <source>draf belum selesai</source>
        <translation>unfinished drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="69"/>
        <source>menunggu persetujuan</source>
        <translation>waiting for approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="70"/>
        <source>menunggu dikirim</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="71"/>
        <source>diterima server</source>
        <translation>accepted by server</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="72"/>
        <source>perlu ditinjau / ditolak</source>
        <translation>to review / rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="78"/>
        <source>Cari nama atau NIK…</source>
        <translation>Search name or NIK…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="81"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="84"/>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="106"/>
        <location filename="../../app/ui/pages/home.py" line="168"/>
        <source>Belum ada rekaman. Tekan Ctrl+N untuk merekam warga baru.</source>
        <translation>No recordings yet. Press Ctrl+N to record a new resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="170"/>
        <source>Tidak ada rekaman yang cocok dengan saringan.</source>
        <translation>No recordings match the filter.</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="44"/>
        <source>Impor daftar target</source>
        <translation>Import target list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="47"/>
        <source>Mengimpor %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="50"/>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="51"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="63"/>
        <source>%1 dari %2 baris dibaca</source>
        <translation>%1 of %2 rows read</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="65"/>
        <source>%1 baris dibaca</source>
        <translation>%1 rows read</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="76"/>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>IrisStep</name>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="83"/>
        <source>Satu mata per rekaman</source>
        <translation>One eye per capture</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="84"/>
        <source>Untuk kamera satu mata, atau bila warga hanya dapat membuka satu mata</source>
        <translation>For a single-eye camera, or when the resident can open only one eye</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="89"/>
        <source>Iris mata</source>
        <translation>Irises</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="90"/>
        <source>Rekam kedua mata sekaligus (atau satu per satu). Tab memilih mata, Spasi merekam, E menandai pengecualian, Del menghapusnya.</source>
        <translation>Capture both eyes at once (or one at a time). Tab selects an eye, Space captures, E marks an exception, Del removes it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="115"/>
        <source>Kedua mata: minta warga menatap kamera iris dengan mata terbuka lebar, lalu tekan Spasi.</source>
        <translation>Both eyes: ask the resident to look into the iris camera with eyes wide open, then press Space.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="117"/>
        <source>{eye}: minta warga menatap kamera iris dengan mata itu terbuka lebar, lalu tekan Spasi.</source>
        <translation>{eye}: ask the resident to look into the iris camera with that eye wide open, then press Space.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/iris_step.py" line="119"/>
        <source> Batas kualitas: {score}.</source>
        <translation> Quality threshold: {score}.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="15"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="16"/>
        <source>Menunggu persetujuan</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="17"/>
        <source>Menunggu kirim</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18"/>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19"/>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20"/>
        <source>Perlu ditinjau</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>Nomor KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="32"/>
        <source>Gol. darah</source>
        <translation>Blood type</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Provinsi</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>Kab./Kota</source>
        <translation>Kab./Kota</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>Kel./Desa</source>
        <translation>Kel./Desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="41"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42"/>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="43"/>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="44"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="46"/>
        <source>Kewarganegaraan</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="47"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="48"/>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="49"/>
        <source>Sidik jari</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="50"/>
        <source>Iris mata</source>
        <translation>Irises</translation>
    </message>
</context>
<context>
    <name>MainArea</name>
    <message>
        <location filename="../../app/ui/main_area.py" line="80"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="80"/>
        <source>Daftar Warga</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="80"/>
        <source>Rekam Baru</source>
        <translation>New Recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="81"/>
        <source>Antrian &amp; Sinkron</source>
        <translation>Queue &amp; Sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="81"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="81"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="91"/>
        <source>Operator: </source>
        <translation>Operator: </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="81"/>
        <source>Kunjungan</source>
        <translation>Trips</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="82"/>
        <source>Jadwal</source>
        <translation>Schedules</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_area.py" line="82"/>
        <source>Antar KTP-el</source>
        <translation>KTP-el delivery</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="40"/>
        <source>Hasil kunjungan</source>
        <translation>Visit outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="49"/>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="52"/>
        <source>Warga:</source>
        <translation>Resident:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="53"/>
        <source>Hasil:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="54"/>
        <source>Kunjungan ulang:</source>
        <translation>Next visit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="56"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="59"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/outcome_dialog.py" line="60"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PeopleBox</name>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="32"/>
        <source>Pengguna laptop ini</source>
        <translation>Users of this laptop</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="38"/>
        <source>Hapus pengguna terpilih</source>
        <translation>Remove the chosen user</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="42"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="44"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="44"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="45"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="49"/>
        <source>Kata sandinya sendiri</source>
        <translation>Their own passphrase</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="50"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="87"/>
        <source>%1 ditambahkan; kata sandinya membuka profil ini.</source>
        <translation>%1 added; their passphrase opens this profile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="94"/>
        <source>Pilih pengguna yang akan dihapus.</source>
        <translation>Choose the user to remove.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_people.py" line="103"/>
        <source>%1 dihapus; kata sandinya tidak membuka profil ini lagi.</source>
        <translation>%1 removed; their passphrase no longer opens this profile.</translation>
    </message>
</context>
<context>
    <name>PhotoStep</name>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="20"/>
        <source>Satu wajah terlihat</source>
        <translation>One face visible</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="21"/>
        <source>Ukuran wajah pas</source>
        <translation>Face size right</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="22"/>
        <source>Wajah di tengah bingkai</source>
        <translation>Face centred in the frame</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="23"/>
        <source>Kepala tegak</source>
        <translation>Head upright</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="24"/>
        <source>Foto tajam</source>
        <translation>Photo sharp</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="25"/>
        <source>Terang cukup</source>
        <translation>Bright enough</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="26"/>
        <source>Cahaya merata di wajah</source>
        <translation>Even light on the face</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="27"/>
        <source>Latar polos</source>
        <translation>Plain background</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="29"/>
        <source>Warna latar sesuai</source>
        <translation>Right background colour</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_views.py" line="30"/>
        <source>Tanpa kacamata</source>
        <translation>No glasses</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="80"/>
        <source>Kamera belum dinyalakan.</source>
        <translation>The camera is not on yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="55"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="134"/>
        <source>Menunggu gambar dari kamera…</source>
        <translation>Waiting for the camera picture…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="62"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="98"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="125"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="174"/>
        <source>Kamera tidak aktif</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="65"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="126"/>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="74"/>
        <source>Foto juga bisa diambil dari berkas: tekan “Impor dari berkas” di bawah.</source>
        <translation>The photo can also come from a file: press “Import from file” below.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="74"/>
        <source>Ambil foto (Spasi)</source>
        <translation>Take photo (Space)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="76"/>
        <source>Impor dari berkas…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="107"/>
        <source>Pemeriksaan langsung</source>
        <translation>Live checks</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="136"/>
        <source>Tunjukkan foto ini kepada warga</source>
        <translation>Show this photo to the resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="143"/>
        <source>Ulangi foto (R)</source>
        <translation>Retake photo (R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="145"/>
        <source>Ganti latar…</source>
        <translation>Replace background…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="155"/>
        <source>Persetujuan warga</source>
        <translation>Resident&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="158"/>
        <source>Warga sendiri</source>
        <translation>The resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="159"/>
        <source>Keluarga/wali, nama:</source>
        <translation>Family/guardian, name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="166"/>
        <source>nama yang menyetujui</source>
        <translation>name of the person approving</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="172"/>
        <source>Warga setuju dengan foto ini</source>
        <translation>Resident approves this photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="180"/>
        <source>Tekan setelah warga melihat foto dan setuju. Waktu persetujuan dicatat.</source>
        <translation>Press after the resident has seen the photo and agrees. The time of approval is recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="200"/>
        <source>Bandingkan latar belakang</source>
        <translation>Compare backgrounds</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="201"/>
        <source>Kiri foto asli, kanan dengan latar baru. Periksa tepi rambut, telinga dan bahu bersama warga sebelum memakai latar baru.</source>
        <translation>Left: the original photo; right: with the new background. Check the edges of hair, ears and shoulders with the resident before using the new background.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="207"/>
        <source>Asli</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="208"/>
        <source>Latar baru</source>
        <translation>New background</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="223"/>
        <source>Tetap foto asli (Esc)</source>
        <translation>Keep original photo (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="225"/>
        <source>Pakai latar baru</source>
        <translation>Use new background</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="335"/>
        <source>Foto tidak memungkinkan</source>
        <translation>Photo not possible</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="281"/>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="283"/>
        <location filename="../../app/ui/widgets/photo_pages.py" line="341"/>
        <source>Simpan tanpa foto</source>
        <translation>Save without photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="240"/>
        <location filename="../../app/ui/widgets/photo_pages.py" line="348"/>
        <location filename="../../app/ui/widgets/photo_pages.py" line="442"/>
        <source>Tanpa foto</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="352"/>
        <source>Ambil ulang foto</source>
        <translation>Take photo again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="184"/>
        <source>WNA</source>
        <translation>foreign citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="187"/>
        <source>tahun lahir genap</source>
        <translation>even birth year</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="187"/>
        <source>tahun lahir ganjil</source>
        <translation>odd birth year</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="374"/>
        <source>Latar: ? (isi tahun lahir)</source>
        <translation>Background: ? (enter birth year)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="379"/>
        <source>Latar: {colour} ({why})</source>
        <translation>Background: {colour} ({why})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="194"/>
        <source>Isi tahun lahir dulu</source>
        <translation>Enter the birth year first</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="86"/>
        <source>Menyalakan kamera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="87"/>
        <location filename="../../app/ui/widgets/photo_live.py" line="108"/>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="97"/>
        <source>Kamera dimatikan.</source>
        <translation>Camera switched off.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="107"/>
        <source>Menyambungkan ulang kamera…</source>
        <translation>Reconnecting the camera…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="275"/>
        <source>Belum ada gambar dari kamera. Nyalakan kamera atau impor dari berkas.</source>
        <translation>No picture from the camera yet. Turn the camera on or import from a file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="354"/>
        <source>Foto tidak bisa diambil: {message}</source>
        <translation>Could not take the photo: {message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="283"/>
        <source>Pilih foto warga</source>
        <translation>Choose the resident&apos;s photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="284"/>
        <source>Gambar (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="349"/>
        <source>Berkas gambar tidak bisa dibuka atau rusak.</source>
        <translation>The image file cannot be opened or is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="353"/>
        <source>Foto dari berkas tidak bisa dipakai: {message}</source>
        <translation>The photo from the file cannot be used: {message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="355"/>
        <source>Foto tidak bisa dipotong di sekitar wajah. Coba lagi.</source>
        <translation>The photo cannot be cropped around the face. Try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="386"/>
        <source>Sedang mengganti latar… (beberapa detik)</source>
        <translation>Replacing the background… (a few seconds)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="406"/>
        <source>Latar baru ({colour})</source>
        <translation>New background ({colour})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="408"/>
        <source>Tepi potongan tampak rapi.</source>
        <translation>The cut-out edges look clean.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="411"/>
        <source>Tepi potongan mungkin kurang rapi (rambut, bahu). Jika ragu, tetap pakai foto asli atau pasang kain latar.</source>
        <translation>The cut-out edges may be rough (hair, shoulders). If in doubt, keep the original photo or hang a backdrop cloth.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="421"/>
        <source>Latar tidak bisa diganti pada foto ini. Pakai foto asli atau pasang kain latar lalu ulangi foto.</source>
        <translation>The background cannot be replaced on this photo. Use the original photo, or hang a backdrop cloth and retake the photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="455"/>
        <source>Tuliskan nama keluarga/wali yang menyetujui foto.</source>
        <translation>Write the name of the family member/guardian who approves the photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="621"/>
        <source>Belum ada wajah yang bisa difoto.</source>
        <translation>No face to photograph yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="391"/>
        <source>Catatan pemeriksaan (ikut tersimpan dengan foto):</source>
        <translation>Check notes (saved with the photo):</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="395"/>
        <source>Semua pemeriksaan lolos.</source>
        <translation>All checks passed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="397"/>
        <source>Latar belakang sudah diganti.</source>
        <translation>The background has been replaced.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="421"/>
        <source>Foto disetujui</source>
        <translation>Photo approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="422"/>
        <source>warga sendiri</source>
        <translation>the resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="423"/>
        <source>keluarga/wali ({name})</source>
        <translation>family/guardian ({name})</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="424"/>
        <source>Disetujui oleh {who} pukul {when}.</source>
        <translation>Approved by {who} at {when}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="426"/>
        <source>{n} catatan pemeriksaan ikut tersimpan.</source>
        <translation>Check notes saved with it: {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="429"/>
        <source>Latar belakang diganti.</source>
        <translation>Background replaced.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="443"/>
        <source>Alasan: {reason} (dicatat pukul {when}).</source>
        <translation>Reason: {reason} (recorded at {when}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="164"/>
        <source>Kamera bermasalah</source>
        <translation>Camera problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="166"/>
        <source>Sambungkan ulang</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="173"/>
        <source>Sumber gambar berhenti mengirim gambar.</source>
        <translation>The image source stopped sending pictures.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="257"/>
        <source>— pilih alasan —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="261"/>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="265"/>
        <source>keterangan (wajib untuk “Lainnya”)</source>
        <translation>details (required for “Other”)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="268"/>
        <source>&amp;Keterangan:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="306"/>
        <source>Terbaring</source>
        <translation>Bedridden</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="307"/>
        <source>Tidak dapat duduk tegak</source>
        <translation>Cannot sit upright</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="308"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="309"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="317"/>
        <location filename="../../app/ui/widgets/photo_pages.py" line="432"/>
        <source>Foto dengan pengecualian</source>
        <translation>Photo with an exception</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="318"/>
        <source>Untuk warga yang tidak dapat duduk atau menegakkan kepala: foto terbaik yang terlihat kamera disimpan walaupun pemeriksaan gagal. Rekaman ditandai untuk supervisor dan server.</source>
        <translation>For residents who cannot sit up or hold the head straight: the best frame the camera saw is kept although checks failed. The recording is flagged for the supervisor and the server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="327"/>
        <source>Pemeriksaan yang gagal (ikut tersimpan):</source>
        <translation>Failed checks (stored with the photo):</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="330"/>
        <source>Semua pemeriksaan lolos pada foto ini.</source>
        <translation>Every check passed on this photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="331"/>
        <source>Simpan foto dengan pengecualian</source>
        <translation>Save photo with an exception</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="78"/>
        <source>Foto dengan pengecualian…</source>
        <translation>Photo with an exception…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="79"/>
        <source>Warga tidak dapat duduk atau menegakkan kepala: simpan foto terbaik dengan alasan</source>
        <translation>The resident cannot sit up or hold the head straight: keep the best photo with a reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="336"/>
        <source>Belum ada gambar dari kamera. Rekaman disimpan tanpa foto dan ditandai untuk supervisor; alasan wajib. Bila kamera bisa dinyalakan, foto dengan pengecualian lebih baik daripada tanpa foto.</source>
        <translation>No picture from the camera yet. The recording is saved without a photo and flagged for the supervisor; a reason is required. If the camera can be switched on, a photo with an exception is better than none.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_step.py" line="572"/>
        <source>Alasan wajib diisi (pilih dari daftar atau tuliskan, mis. warga terbaring).</source>
        <translation>A reason is required (choose from the list or write it, e.g. resident bedridden).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_pages.py" line="437"/>
        <source>Alasan: {reason}. {n} pemeriksaan gagal ikut tersimpan; rekaman ditandai untuk supervisor dan server (pukul {when}).</source>
        <translation>Reason: {reason}. {n} failed checks stored with it; the recording is flagged for the supervisor and the server (at {when}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/photo_live.py" line="154"/>
        <source>Tidak ada kamera</source>
        <translation>No camera</translation>
    </message>
</context>
<context>
    <name>PrintReceiptBar</name>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="138"/>
        <source>Cetak bukti (Ctrl+P)</source>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="139"/>
        <source>Bukti perekaman untuk warga yang dipilih (rekaman sudah selesai).</source>
        <translation>The receipt for the selected resident (a completed recording).</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="158"/>
        <source>Pilih warga yang rekamannya sudah selesai untuk mencetak buktinya.</source>
        <translation>Select a resident whose recording is completed to print the receipt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="160"/>
        <source>Menyiapkan bukti…</source>
        <translation>Preparing the receipt…</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="83"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="83"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="83"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="83"/>
        <source>Pesan server</source>
        <translation>Server message</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="89"/>
        <source>Ditolak (sudah diperbaiki)</source>
        <translation>Rejected (fixed)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="89"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="90"/>
        <source>Perlu ditinjau</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="87"/>
        <source>Ditahan</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="87"/>
        <source>Ditahan (konflik)</source>
        <translation>On hold (conflict)</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../app/ui/widgets/progress_chart.py" line="28"/>
        <source>Direkam di sini</source>
        <translation>Recorded here</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/progress_chart.py" line="29"/>
        <source>Direkam tim lain</source>
        <translation>Recorded by another team</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/progress_chart.py" line="30"/>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/progress_chart.py" line="31"/>
        <source>Direkam</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/progress_chart.py" line="32"/>
        <source>Hasil kunjungan lain</source>
        <translation>Other visit outcomes</translation>
    </message>
</context>
<context>
    <name>ReceiptOutput</name>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="75"/>
        <source>Bukti tidak dapat dibuat: </source>
        <translation>The receipt could not be made: </translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="90"/>
        <source>Bukti tidak dicetak.</source>
        <translation>The receipt was not printed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="95"/>
        <source>Simpan bukti perekaman (PDF) — tidak ada printer</source>
        <translation>Save the receipt (PDF): no printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="96"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="104"/>
        <source>Bukti gagal dicetak: printer tidak dapat dipakai.</source>
        <translation>The receipt could not be printed: the printer cannot be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="106"/>
        <source>Bukti dikirim ke printer %1.</source>
        <translation>Receipt sent to printer %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="115"/>
        <source>Bukti gagal disimpan di %1.</source>
        <translation>The receipt could not be saved at %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/receipt_output.py" line="118"/>
        <source>Bukti tersimpan: %1</source>
        <translation>Receipt saved: %1</translation>
    </message>
</context>
<context>
    <name>RecordedElsewhereBox</name>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="148"/>
        <source>Sudah direkam tim lain</source>
        <translation>Recorded by another team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="149"/>
        <source>Warga ini sudah direkam oleh tim lain. Tetap rekam?</source>
        <translation>This resident was already recorded by another team. Record anyway?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="150"/>
        <source>Tetap rekam</source>
        <translation>Record anyway</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="151"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordingsModel</name>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="41"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="41"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="41"/>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="42"/>
        <source>Keterangan server</source>
        <translation>Server note</translation>
    </message>
    <message>
        <location filename="../../app/ui/recordings_model.py" line="60"/>
        <source>(data pribadi sudah dihapus)</source>
        <translation>(personal data removed)</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../app/ui/widgets/combos.py" line="232"/>
        <source>Ketik nama provinsi</source>
        <translation>Type a provinsi name</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/combos.py" line="233"/>
        <source>Ketik nama kabupaten/kota</source>
        <translation>Type a kabupaten/kota name</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/combos.py" line="234"/>
        <source>Ketik nama kecamatan</source>
        <translation>Type a kecamatan name</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/combos.py" line="235"/>
        <source>Ketik nama kelurahan/desa</source>
        <translation>Type a kelurahan/desa name</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="50"/>
        <source>Warga belum memiliki NIK/KK</source>
        <translation>Residents with no NIK/KK yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="53"/>
        <source>Registrasi keluarga baru: kantor menerbitkan nomor KK dan NIK setiap anggota; nomornya muncul di laptop ini setelah sinkron.</source>
        <translation>A new family registration: the office issues the KK number and each member&apos;s NIK; the numbers appear on this laptop after a sync.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="61"/>
        <source>Alamat keluarga</source>
        <translation>Family address</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="63"/>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="66"/>
        <source>RW:</source>
        <translation>RW:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="68"/>
        <source>RT:</source>
        <translation>RT:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="69"/>
        <source>Provinsi:</source>
        <translation>Provinsi:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="69"/>
        <source>Kabupaten/kota:</source>
        <translation>Kabupaten/kota:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="70"/>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="70"/>
        <source>Kelurahan/desa:</source>
        <translation>Kelurahan/desa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="78"/>
        <source>&amp;Hapus anggota</source>
        <translation>&amp;Remove member</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="86"/>
        <source>Simpan registrasi</source>
        <translation>Save registration</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="88"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="96"/>
        <source>Anggota keluarga:</source>
        <translation>Family members:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="121"/>
        <source>&amp;Nama:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="122"/>
        <source>Jenis kelamin:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="123"/>
        <source>Tempat lahir:</source>
        <translation>Place of birth:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="124"/>
        <source>Tanggal lahir:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="125"/>
        <source>Hubungan dalam keluarga:</source>
        <translation>Relation in the family:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="126"/>
        <source>Agama:</source>
        <translation>Religion:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="127"/>
        <source>Status perkawinan:</source>
        <translation>Marital status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="128"/>
        <source>Pendidikan:</source>
        <translation>Education:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="129"/>
        <source>Pekerjaan:</source>
        <translation>Occupation:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="130"/>
        <source>Nama ayah:</source>
        <translation>Father&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="131"/>
        <source>Nama ibu:</source>
        <translation>Mother&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="132"/>
        <source>Tambah anggota (Alt+T)</source>
        <translation>Add member (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="161"/>
        <source>Satu KK paling banyak %1 anggota keluarga.</source>
        <translation>One KK holds at most %1 family members.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="184"/>
        <source>Anggota ke-%1</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registration_dialog.py" line="209"/>
        <source>Anggota ke-%1: </source>
        <translation>Member %1: </translation>
    </message>
</context>
<context>
    <name>RegistrationsDialog</name>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="46"/>
        <source>Warga belum memiliki NIK/KK</source>
        <translation>Residents with no NIK/KK yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="52"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="52"/>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="52"/>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="53"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="53"/>
        <source>Nomor KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="62"/>
        <source>Registrasi &amp;baru…</source>
        <translation>&amp;New registration…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="64"/>
        <source>&amp;Rekam anggota</source>
        <translation>&amp;Record member</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="65"/>
        <source>Rekam KTP-el anggota yang dipilih dengan NIK yang sudah terbit</source>
        <translation>Record the KTP-el of the chosen member with the NIK already issued</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="67"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="74"/>
        <source>NIK dan nomor KK dari kantor muncul di sini setelah sinkron.</source>
        <translation>The NIK and KK numbers from the office appear here after a sync.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="98"/>
        <source>Belum ada registrasi.</source>
        <translation>No registrations yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/registrations_list.py" line="112"/>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
</context>
<context>
    <name>RepeatNotice</name>
    <message>
        <location filename="../../app/ui/widgets/repeat_notice.py" line="36"/>
        <source>Buka rekaman itu</source>
        <translation>Open that recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/repeat_notice.py" line="57"/>
        <source>NIK ini sudah ada di laptop ini: %1, %2.</source>
        <translation>This NIK is already on this laptop: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/repeat_notice.py" line="60"/>
        <source>(dan %1 rekaman lain)</source>
        <translation>(and %1 other recordings)</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="27"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="28"/>
        <source>Kelurahan/Desa</source>
        <translation>Kelurahan/Desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="29"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="30"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="31"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="32"/>
        <source>Hasil kunjungan</source>
        <translation>Visit outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="33"/>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="34"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="37"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="37"/>
        <source>Di sini</source>
        <translation>Here</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="38"/>
        <location filename="../../app/ui/pages/report_table.py" line="51"/>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="38"/>
        <source>Tim lain</source>
        <translation>Another team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="39"/>
        <source>Capaian %</source>
        <translation>Progress %</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="42"/>
        <source>Warga di daftar target</source>
        <translation>Residents on the target list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="43"/>
        <source>Sudah direkam di laptop ini (selesai, tidak ditolak)</source>
        <translation>Recorded on this laptop (completed, not rejected)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="44"/>
        <source>Dari yang direkam di sini, yang sudah diterima server</source>
        <translation>Of those recorded here, the ones the server accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="45"/>
        <source>Menurut server sudah direkam tim lain (dan tidak di sini)</source>
        <translation>Recorded by another team as the server says (and not here)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="46"/>
        <source>Belum direkam di mana pun</source>
        <translation>Not recorded anywhere yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="47"/>
        <source>Sudah direkam (di sini atau tim lain) dibagi target</source>
        <translation>Recorded (here or by another team) divided by the target</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="50"/>
        <source>Di daftar</source>
        <translation>On the list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="51"/>
        <source>Kunjungan lain</source>
        <translation>Other visits</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="54"/>
        <source>Rekaman selesai di laptop ini (versi terakhir saja)</source>
        <translation>Recordings completed on this laptop (latest version only)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="55"/>
        <source>Dari rekaman itu, NIK yang ada di daftar target</source>
        <translation>Of those recordings, the ones whose NIK is on the target list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="56"/>
        <source>Dari rekaman itu, yang sudah diterima server</source>
        <translation>Of those recordings, the ones the server accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="57"/>
        <source>Hasil kunjungan lain yang dicatat (tidak di rumah, menolak, ...)</source>
        <translation>Other visit outcomes noted (not at home, refused, ...)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="39"/>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="50"/>
        <source>Direkam</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="59"/>
        <source>Belum dikunjungi</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="60"/>
        <source>(tanpa wilayah)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="61"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="62"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report_table.py" line="63"/>
        <source>Capaian per %1</source>
        <translation>Progress per %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="61"/>
        <source>Laporan capaian</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="63"/>
        <source>&amp;Per:</source>
        <translation>&amp;Per:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="76"/>
        <source>Ekspor &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="78"/>
        <source>Ekspor P&amp;DF…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="153"/>
        <source>Target %1 · direkam %2 (%3%) · di sini %4 · tim lain %5 · belum %6</source>
        <translation>Target %1 · recorded %2 (%3%) · here %4 · another team %5 · not yet %6</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="170"/>
        <source>Tanpa jumlah: satu warga dapat masuk beberapa kategori.</source>
        <translation>No total: a resident can be in several categories.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="189"/>
        <source>Grafik: %1 baris pertama dari %2, dalam urutan tabel (klik judul kolom untuk mengurutkan).</source>
        <translation>Chart: the first %1 rows of %2, in the table&apos;s order (click a column heading to sort).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="196"/>
        <source>Dibuat %1 oleh %2 · kategori turunan per %3</source>
        <translation>Made %1 by %2 · derived categories as of %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="201"/>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="205"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="206"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="235"/>
        <source>Menyimpan laporan…</source>
        <translation>Saving the report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="239"/>
        <source>Laporan disimpan di %1.</source>
        <translation>Report saved in %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="244"/>
        <source>Laporan tidak dapat disimpan di sana (folder tidak ada, penuh, atau tidak boleh ditulisi).</source>
        <translation>The report cannot be saved there (the folder does not exist, is full, or may not be written to).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="246"/>
        <source>Laporan tidak dapat disimpan: %1</source>
        <translation>The report cannot be saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports.py" line="120"/>
        <source>Belum ada daftar target. Impor daftar target untuk melihat capaian.</source>
        <translation>No target list yet. Import a target list to see progress.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="88"/>
        <source>Periksa rekaman</source>
        <translation>Review the recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="107"/>
        <source>Periksa sebelum menyelesaikan</source>
        <translation>Review before completing</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="109"/>
        <source>Bacakan data ini kepada warga. Enter: simpan dan selesai · Esc: kembali ke formulir (tidak ada yang hilang).</source>
        <translation>Read this back to the resident. Enter: save and complete · Esc: back to the form (nothing is lost).</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="114"/>
        <source>Peringatan dan konfirmasi</source>
        <translation>Warnings and confirmations</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="121"/>
        <source>Kembali ke formulir (Esc)</source>
        <translation>Back to the form (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="124"/>
        <location filename="../../app/ui/review_dialog.py" line="375"/>
        <source>Simpan &amp;&amp; selesai (Enter)</source>
        <translation>Save &amp;&amp; complete (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="163"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="176"/>
        <source>(hanya bulan &amp;&amp; tahun)</source>
        <translation>(month &amp;&amp; year only)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="178"/>
        <source>(hanya tahun)</source>
        <translation>(year only)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="180"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="188"/>
        <source>Kelahiran</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="194"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="196"/>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="202"/>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="210"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="213"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="214"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="215"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="220"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="222"/>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="249"/>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="251"/>
        <source>Pengecualian: </source>
        <translation>Exception: </translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="273"/>
        <source>Dikonfirmasi, alasan: </source>
        <translation>Confirmed, reason: </translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="275"/>
        <source>Tidak ada peringatan: semua isian sesuai pemeriksaan.</source>
        <translation>No warnings: every field passes the checks.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="301"/>
        <source>Nomor registrasi (ada di bukti untuk warga)</source>
        <translation>Registration number (on the resident&apos;s receipt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="314"/>
        <source>Cetak bukti (Ctrl+P)</source>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="317"/>
        <source>Warga berikutnya (Enter)</source>
        <translation>Next resident (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="346"/>
        <source>Rekaman selesai dan menunggu persetujuan supervisor.</source>
        <translation>Recording complete and waiting for the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="347"/>
        <source>Rekaman selesai dan masuk antrian kirim.</source>
        <translation>Recording completed and added to the send queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="351"/>
        <source>Cetak bukti untuk warga (Ctrl+P), lalu Enter untuk warga berikutnya.</source>
        <translation>Print the receipt for the resident (Ctrl+P), then Enter for the next resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_dialog.py" line="374"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SbiStatus</name>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="33"/>
        <source>siap</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="33"/>
        <source>sedang dipakai</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="34"/>
        <source>belum siap</source>
        <translation>not ready</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_biometrics.py" line="34"/>
        <source>belum terdaftar</source>
        <translation>not registered</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="53"/>
        <source>Jadwal &amp; Undangan</source>
        <translation>Schedules &amp; Invitations</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="58"/>
        <source>&amp;RT:</source>
        <translation>&amp;RT:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="60"/>
        <source>RT &amp;terjauh: semua warganya dijemput</source>
        <translation>&amp;Farthest RT: all its residents are fetched</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="66"/>
        <source>Rencana jadwal</source>
        <translation>Schedule plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="69"/>
        <source>mis. Balai RW 03, Jl. Merdeka</source>
        <translation>e.g. Balai RW 03, Jl. Merdeka</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="85"/>
        <source>Tanpa hari Minggu</source>
        <translation>No Sundays</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="92"/>
        <location filename="../../app/ui/pages/schedule.py" line="125"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="93"/>
        <source>Mulai tanggal</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="94"/>
        <location filename="../../app/ui/pages/schedule.py" line="125"/>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="95"/>
        <source>Set alat</source>
        <translation>Equipment sets</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="96"/>
        <source>Menit per perekaman</source>
        <translation>Minutes per recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="99"/>
        <location filename="../../app/ui/pages/schedule.py" line="125"/>
        <source>Kapasitas</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="100"/>
        <source>Re&amp;ncanakan jadwal</source>
        <translation>Pla&amp;n slots</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="106"/>
        <source>Urut daftar</source>
        <translation>List order</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="107"/>
        <source>Acak, kode:</source>
        <translation>Random, code:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="115"/>
        <source>&amp;Bagikan undangan</source>
        <translation>&amp;Hand out invitations</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="116"/>
        <source>&amp;Undang ulang yang terlewat</source>
        <translation>&amp;Re-invite who missed</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="125"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="126"/>
        <source>Diundang</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="126"/>
        <source>Sisa</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="130"/>
        <source>&amp;Cetak undangan…</source>
        <translation>&amp;Print invitations…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="131"/>
        <source>hanya yang belum dicetak</source>
        <translation>only those not printed yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="133"/>
        <source>Daftar untuk &amp;ketua RT…</source>
        <translation>List for the RT &amp;head…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="134"/>
        <source>Daftar &amp;jemputan…</source>
        <translation>Pick-up &amp;list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="135"/>
        <source>&amp;Hapus jadwal</source>
        <translation>&amp;Delete slot</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="178"/>
        <source>%1, Kel. %2: %3 target · %4 direkam · %5 jadwal · %6 diundang</source>
        <translation>%1, Kel. %2: %3 targets · %4 recorded · %5 slots · %6 invited</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="185"/>
        <source>Daftar target kosong: impor daftar target dulu (Daftar Warga).</source>
        <translation>The target list is empty: import a target list first (Residents).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="201"/>
        <source> (lewat)</source>
        <translation> (past)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="228"/>
        <source>%1 warga per jadwal</source>
        <translation>%1 residents per slot</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="269"/>
        <source>Semua warga RT ini sudah mendapat tempat: tidak ada jadwal baru.</source>
        <translation>Every resident of this RT already has a seat: no new slots.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="271"/>
        <source>%1 jadwal baru, %2 sampai %3. Lanjutkan dengan &quot;Bagikan undangan&quot;.</source>
        <translation>%1 new slots, %2 to %3. Go on with &quot;Hand out invitations&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="284"/>
        <source>%1 warga diundang.</source>
        <translation>%1 residents invited.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="286"/>
        <source>%1 warga belum mendapat tempat: rencanakan jadwal lagi.</source>
        <translation>%1 residents found no seat: plan more slots.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="298"/>
        <source>%1 warga yang terlewat diundang ke jadwal berikutnya.</source>
        <translation>%1 residents who missed their slot were invited to the next one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="302"/>
        <source>%1 warga tidak mendapat jadwal berikutnya: tambah jadwal, lalu undang ulang.</source>
        <translation>%1 residents found no next slot: add slots, then re-invite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="312"/>
        <source>RT ini ditandai terjauh: semua warganya masuk daftar jemputan.</source>
        <translation>This RT is marked farthest: all its residents are on the pick-up list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="313"/>
        <source>Tanda RT terjauh dihapus.</source>
        <translation>Farthest-RT mark removed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="322"/>
        <source>Hapus jadwal</source>
        <translation>Delete slot</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="323"/>
        <source>Jadwal %1 sudah berisi %2 undangan. Hapus jadwal dan undangannya?</source>
        <translation>The slot of %1 already holds %2 invitations. Delete the slot and its invitations?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="329"/>
        <source>Jadwal dihapus; warganya dapat diundang lagi.</source>
        <translation>Slot deleted; its residents can be invited again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="337"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="337"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="368"/>
        <source>Menyiapkan PDF…</source>
        <translation>Preparing the PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="375"/>
        <source>PDF disimpan: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="381"/>
        <source>Tidak ada undangan untuk dicetak (semua sudah dicetak, atau jadwalnya sudah lewat).</source>
        <translation>No invitations to print (all printed already, or their slots have passed).</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="80"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="81"/>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="86"/>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="89"/>
        <source> tahun</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="90"/>
        <source>Usia minimal perekaman (kartu ditahan sampai 17)</source>
        <translation>Minimum recording age (card held until 17)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="93"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="96"/>
        <source>Pemeriksaan foto (ambang batas)</source>
        <translation>Photo checks (thresholds)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="100"/>
        <source>Ketajaman minimal (makin besar makin ketat)</source>
        <translation>Minimum sharpness (higher is stricter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="101"/>
        <source>Wajah minimal (bagian tinggi bingkai)</source>
        <translation>Minimum face size (share of frame height)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="102"/>
        <source>Wajah maksimal (bagian tinggi bingkai)</source>
        <translation>Maximum face size (share of frame height)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="103"/>
        <source>Kemiringan kepala maksimal (derajat)</source>
        <translation>Maximum head tilt (degrees)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="104"/>
        <source>Terang minimal wajah (0-255)</source>
        <translation>Minimum face brightness (0-255)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="105"/>
        <source>Terang maksimal wajah (0-255)</source>
        <translation>Maximum face brightness (0-255)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="113"/>
        <source>Kembalikan ke bawaan</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="124"/>
        <source>Bukti perekaman untuk warga</source>
        <translation>Resident&apos;s receipt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="129"/>
        <source>Dinas (judul bukti)</source>
        <translation>Dinas (receipt heading)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="133"/>
        <source>Alamat, telepon atau jam layanan tempat warga bertanya tentang KTP-el-nya. Kosong: kalimat bawaan.</source>
        <translation>Address, phone or opening hours where residents ask about their KTP-el. Empty: the default sentence.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="135"/>
        <source>Tempat bertanya</source>
        <translation>Where to ask</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="138"/>
        <source>Keamanan</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="140"/>
        <source>Kata sandi mengunci basis data di laptop ini.</source>
        <translation>The password locks the database on this laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="144"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="159"/>
        <source>Profil demo memakai kata sandi tetap; tidak dapat diganti.</source>
        <translation>The demo profile has a fixed password; it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="162"/>
        <source>Privasi</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="166"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="152"/>
        <location filename="../../app/ui/pages/settings.py" line="167"/>
        <source>Tidak pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="168"/>
        <source>Hapus data pribadi setelah diterima server</source>
        <translation>Remove personal data after the server accepted it</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="170"/>
        <source>Foto, tanda tangan dan biodata rekaman yang sudah diterima server dihapus dari laptop ini, setelah sinkron berhasil. Yang tersisa hanya status, tanggal, wilayah dan RT/RW, sehingga capaian tetap terhitung. 0 = tidak pernah dihapus.</source>
        <translation>Photo, signature and biodata of recordings the server accepted are removed from this laptop after a successful sync. Only the status, dates, region and RT/RW remain, so progress still counts them. 0 = never removed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="198"/>
        <source>Simpan pengaturan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="233"/>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="235"/>
        <source>Salin profil ke flashdisk selama perjalanan: bila laptop rusak atau hilang, rekaman tetap ada. Salinan tetap terkunci dan dibuka dengan kata sandi yang berlaku saat ini (jemput --data &lt;folder cadangan&gt;). Simpan flashdisk terpisah dari laptop.</source>
        <translation>Copy the profile to a USB stick while travelling: if the laptop breaks or is lost, the recordings survive. The copy stays locked and opens with the password in force now (jemput --data &lt;backup folder&gt;). Keep the USB stick apart from the laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="248"/>
        <source>Cadangkan ke…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="264"/>
        <source>Pilih folder cadangan (mis. flashdisk)</source>
        <translation>Choose the backup folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="297"/>
        <source>Cadangan tersimpan: %1, %2 rekaman, %3</source>
        <translation>Backup saved: %1, %2 recordings, %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="304"/>
        <source>Cadangan gagal: </source>
        <translation>Backup failed: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="317"/>
        <source>Cadangan terakhir: belum pernah</source>
        <translation>Last backup: never</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="323"/>
        <source>Cadangan terakhir: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="338"/>
        <source>Kata sandi diganti. Gunakan kata sandi baru saat membuka Jemput berikutnya.</source>
        <translation>Password changed. Use the new password the next time you open Jemput.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="365"/>
        <source>Alamat server harus diawali https://</source>
        <translation>The server address must start with https://</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="387"/>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="151"/>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="154"/>
        <source>Layar terkunci bila laptop tidak dipakai selama ini.</source>
        <translation>The screen locks when the laptop is not used for this long.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="155"/>
        <source>Kunci layar setelah</source>
        <translation>Lock the screen after</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../app/ui/widgets/signature_pad.py" line="151"/>
        <source>Kotak tanda tangan</source>
        <translation>Signature box</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_pad.py" line="191"/>
        <source>Tanda tangan masih kosong. Minta warga menandatangani di dalam kotak.</source>
        <translation>The signature is still empty. Ask the resident to sign inside the box.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_pad.py" line="194"/>
        <source>Tanda tangan terlalu kecil. Minta warga menandatangani lebih besar, memenuhi kotak, lalu tekan Hapus jika perlu.</source>
        <translation>The signature is too small. Ask the resident to sign larger, filling the box; press Clear first if needed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_pad.py" line="322"/>
        <source>Tanda tangan di sini</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignatureStep</name>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="129"/>
        <location filename="../../app/ui/widgets/signature_step.py" line="445"/>
        <source>Tanda tangan warga</source>
        <translation>Resident&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="132"/>
        <source>Minta warga menandatangani di dalam kotak putih dengan pena tablet atau mouse. Tanda tangan harus cukup besar.</source>
        <translation>Ask the resident to sign inside the white box with a tablet pen or the mouse. The signature must be large enough.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="145"/>
        <source>Hapus (Del)</source>
        <translation>Clear (Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="147"/>
        <source>Hapus semua goresan (Del pada kotak)</source>
        <translation>Clear all strokes (Del in the box)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="150"/>
        <source>Simpan tanda tangan (Enter)</source>
        <translation>Save signature (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="225"/>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="257"/>
        <source>Ulangi tanda tangan</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="459"/>
        <source>Alasan wajib diisi (mis. sakit, cap jempol diambil di kantor).</source>
        <translation>A reason is required (e.g. ill, thumbprint taken at the office).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="493"/>
        <source>Tanda tangan tersimpan</source>
        <translation>Signature saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="498"/>
        <source>Disimpan pukul {when}.</source>
        <translation>Saved at {when}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="207"/>
        <location filename="../../app/ui/widgets/signature_step.py" line="500"/>
        <source>Tanpa tanda tangan</source>
        <translation>No signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="502"/>
        <source>Alasan: {reason} (dicatat pukul {when}).</source>
        <translation>Reason: {reason} (recorded at {when}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="148"/>
        <source>Tidak dapat menandatangani (cap jempol, wali)…</source>
        <translation>Cannot sign (thumbprint, guardian)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="166"/>
        <source>Warga tidak dapat menandatangani</source>
        <translation>The resident cannot sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="167"/>
        <source>Pilih penggantinya. Rekaman ditandai untuk supervisor dan server.</source>
        <translation>Choose the replacement. The recording is flagged for the supervisor and the server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="173"/>
        <source>Cap jempol</source>
        <translation>Thumbprint</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="174"/>
        <source>Ambil dari kamera</source>
        <translation>Take from camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="176"/>
        <source>Impor dari berkas/pemindai…</source>
        <translation>Import from file/scanner…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="178"/>
        <location filename="../../app/ui/widgets/signature_step.py" line="287"/>
        <location filename="../../app/ui/widgets/signature_step.py" line="399"/>
        <source>Belum ada gambar</source>
        <translation>No picture yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="190"/>
        <source>Tanda tangan wali</source>
        <translation>Guardian&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="193"/>
        <source>nama wali</source>
        <translation>guardian&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="197"/>
        <source>— hubungan —</source>
        <translation>— relation —</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="210"/>
        <source>alasan (wajib), mis. sakit keras, tidak sadar</source>
        <translation>reason (required), e.g. gravely ill, unconscious</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="227"/>
        <location filename="../../app/ui/widgets/signature_step.py" line="341"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="333"/>
        <source>Pilih cap jempol, tanda tangan wali, atau tanpa tanda tangan.</source>
        <translation>Choose thumbprint, guardian&apos;s signature, or no signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="340"/>
        <source>Lanjut: wali menandatangani</source>
        <translation>Next: the guardian signs</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="360"/>
        <source>Pilih gambar cap jempol</source>
        <translation>Choose the thumbprint picture</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="361"/>
        <source>Gambar (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="377"/>
        <source>Mengambil gambar…</source>
        <translation>Taking the picture…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="402"/>
        <source>Gambar cap jempol tidak bisa diambil.</source>
        <translation>The thumbprint picture could not be taken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="448"/>
        <source>Tanda tangan wali: %1 (%2)</source>
        <translation>Guardian&apos;s signature: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="489"/>
        <source>Cap jempol tersimpan</source>
        <translation>Thumbprint saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="514"/>
        <source>Suami/Istri</source>
        <translation>Husband/Wife</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="515"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="516"/>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="517"/>
        <source>Saudara</source>
        <translation>Sibling/relative</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="518"/>
        <source>Wali (pengampu)</source>
        <translation>Legal guardian</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/signature_step.py" line="519"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>SupervisorBar</name>
    <message>
        <location filename="../../app/ui/pages/supervisor_bar.py" line="31"/>
        <source>Tinjau rekaman (Ctrl+R)</source>
        <translation>Review recordings (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/supervisor_bar.py" line="32"/>
        <source>Setujui rekaman yang selesai agar masuk antrian kirim, atau kembalikan ke operator dengan alasan.</source>
        <translation>Approve completed recordings into the send queue, or return them to the operator with a reason.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/supervisor_bar.py" line="35"/>
        <source>Laporan akhir hari…</source>
        <translation>Day-end report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/supervisor_bar.py" line="36"/>
        <source>PDF per tim dan operator: hasil kunjungan, rekaman, pengecualian, tempat tanda tangan. Tidak terenkripsi.</source>
        <translation>PDF per team and operator: visit outcomes, recordings, exceptions, room to sign. Not encrypted.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/supervisor_bar.py" line="59"/>
        <source>Tinjau rekaman (%n) (Ctrl+R)</source>
        <translation>
            <numerusform>Review recordings (%n) (Ctrl+R)</numerusform>
            <numerusform>Review recordings (%n) (Ctrl+R)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="138"/>
        <source>Antrian &amp; Sinkron</source>
        <translation>Queue &amp; Sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="149"/>
        <source>Daftarkan perangkat ke server</source>
        <translation>Register this device with the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="153"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="155"/>
        <source>kode sekali pakai dari admin</source>
        <translation>one-time code from the admin</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="156"/>
        <source>Kode pendaftaran</source>
        <translation>Registration code</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="158"/>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="164"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="177"/>
        <source>Menunggu persetujuan</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="178"/>
        <source>Menunggu kirim</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="179"/>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="180"/>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="181"/>
        <source>Perlu ditinjau</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="182"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="199"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="201"/>
        <source>Sinkron terakhir</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="205"/>
        <source>Kesalahan terakhir</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="207"/>
        <source>Percobaan berikutnya</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="218"/>
        <source>Sinkron sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="232"/>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="245"/>
        <source>Kirim ulang</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="248"/>
        <source>Jadikan versi baru</source>
        <translation>Make a new version</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="250"/>
        <source>Kirim isi rekaman di laptop ini sebagai versi baru yang menggantikan salinan di server.</source>
        <translation>Send this laptop&apos;s copy of the recording as a new version that replaces the copy on the server.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="253"/>
        <source>Perbaiki</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="287"/>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="305"/>
        <source>belum terdaftar (kerja offline)</source>
        <translation>not registered (working offline)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="308"/>
        <source>terhubung</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="308"/>
        <source>tidak terjangkau</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="309"/>
        <source>belum dicek</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="356"/>
        <source>Rekaman dimasukkan lagi ke antrian.</source>
        <translation>The recording is back in the queue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="370"/>
        <source>Versi baru dibuat dan dimasukkan ke antrian; versi lama diganti saat sinkron berikutnya.</source>
        <translation>A new version was made and queued; it replaces the old one at the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="381"/>
        <source>Isi alamat server dan kode pendaftaran.</source>
        <translation>Enter the server address and the registration code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="384"/>
        <location filename="../../app/ui/pages/sync_page.py" line="415"/>
        <source>Menghubungi server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="392"/>
        <source>Terdaftar sebagai %1 (wilayah %2).</source>
        <translation>Registered as %1 (area %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="402"/>
        <source>Pendaftaran gagal karena kesalahan tak terduga.</source>
        <translation>Registration failed because of an unexpected error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync_page.py" line="423"/>
        <source>%1/%2 rekaman · %3/%4 MB</source>
        <translation>%1/%2 recordings · %3/%4 MB</translation>
    </message>
</context>
<context>
    <name>TargetFilterBar</name>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="39"/>
        <source>Semua kel./desa</source>
        <translation>All kel./desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="41"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="42"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="44"/>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="48"/>
        <source>Semua hasil kunjungan</source>
        <translation>All visit outcomes</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="49"/>
        <source>Belum dikunjungi</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="56"/>
        <source>Daftar kunjungan ulang</source>
        <translation>Revisit list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="57"/>
        <source>Warga yang minta dikunjungi lagi, urut tanggal kunjungan lalu RW/RT.</source>
        <translation>Residents who asked for another visit, by visit date, then RW/RT.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/target_filter_bar.py" line="58"/>
        <source>Saring:</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>TargetImport</name>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="137"/>
        <source>Impor dibatalkan. Tidak ada yang disimpan dari berkas ini: daftar target tetap seperti sebelum impor.</source>
        <translation>Import cancelled. Nothing from this file was saved: the target list is as it was before the import.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="140"/>
        <source>Impor selesai: %1 baru, %2 diperbarui, %3 baris ditolak (dari %4 baris data).</source>
        <translation>Import finished: %1 new, %2 updated, %3 rows refused (of %4 data rows).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="145"/>
        <source>Baris yang ditolak beserta alasannya disimpan di %1 (hanya dapat dibuka oleh akun ini).</source>
        <translation>The refused rows and their reasons were saved in %1 (only this account can open it).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="148"/>
        <source>Berkas tidak berisi baris data (hanya baris judul).</source>
        <translation>The file holds no data rows (only the header row).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="155"/>
        <source>Daftar target tidak diubah.</source>
        <translation>The target list was not changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="157"/>
        <source>Berkas ini tidak dapat diimpor: %1.</source>
        <translation>This file cannot be imported: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="159"/>
        <source>Berkas tidak dapat dibaca (tidak ada, atau tidak boleh dibuka).</source>
        <translation>The file cannot be read (it does not exist, or may not be opened).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets_import.py" line="170"/>
        <source>Impor daftar target</source>
        <translation>Import target list</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="80"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="80"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="80"/>
        <source>Tgl lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="80"/>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="81"/>
        <source>Kel./Desa</source>
        <translation>Kel./Desa</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="81"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="108"/>
        <source>Sudah direkam</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="110"/>
        <source>Sudah direkam tim lain</source>
        <translation>Recorded by another team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="81"/>
        <source>Hasil kunjungan</source>
        <translation>Visit outcome</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="182"/>
        <source>Daftar Warga (target wajib KTP)</source>
        <translation>Residents (wajib KTP targets)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="187"/>
        <source>Cari nama atau awal NIK…</source>
        <translation>Search name or start of NIK…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="190"/>
        <source>Belum direkam</source>
        <translation>Not yet recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="191"/>
        <source>Sudah direkam tim lain</source>
        <translation>Recorded by another team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="192"/>
        <source>Semua warga</source>
        <translation>All residents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="194"/>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="200"/>
        <source>Impor daftar target…</source>
        <translation>Import target list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="232"/>
        <source>Enter atau klik dua kali untuk merekam warga yang dipilih.</source>
        <translation>Press Enter or double-click to record the selected resident.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="338"/>
        <source>Pilih daftar target</source>
        <translation>Choose a target list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="341"/>
        <source>Daftar target (*.csv *.xlsx *.xlsm)</source>
        <translation>Target lists (*.csv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="341"/>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="431"/>
        <source>%1 target, %2 sudah direkam (%4 oleh tim lain), %3 belum.</source>
        <translation>%1 targets, %2 recorded (%4 by another team), %3 not yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="433"/>
        <source>%1 target, %2 sudah direkam, %3 belum.</source>
        <translation>%1 targets, %2 recorded, %3 not yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="208"/>
        <source>Hasil kunjungan…</source>
        <translation>Visit outcome…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="209"/>
        <source>Catat hasil kunjungan warga yang dipilih</source>
        <translation>Record the visit outcome of the selected resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="377"/>
        <source>Ditampilkan: %1 warga</source>
        <translation>Shown: %1 residents</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="387"/>
        <source>Catat hasil kunjungan…</source>
        <translation>Record visit outcome…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="389"/>
        <source>Tandai kategori</source>
        <translation>Mark category</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="203"/>
        <source>Warga belum ber-&amp;NIK…</source>
        <translation>Residents without &amp;NIK…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="204"/>
        <source>Registrasi keluarga yang belum memiliki NIK dan KK</source>
        <translation>Register a family that has no NIK and no KK yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="216"/>
        <source>Tambahkan ke &amp;kunjungan…</source>
        <translation>Add to &amp;kunjungan (trip)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="217"/>
        <source>Rencanakan warga yang dipilih (Ctrl/Shift+klik, Shift+panah) untuk sebuah kunjungan</source>
        <translation>Plan the chosen residents (Ctrl/Shift+click, Shift+arrows) for a kunjungan (trip)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="275"/>
        <source>Pilih dulu warganya di daftar.</source>
        <translation>Choose the residents in the list first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/targets.py" line="294"/>
        <source>%1 warga ditambahkan ke kunjungan %2 (%3 sudah direncanakan).</source>
        <translation>%1 residents added to the kunjungan %2 (%3 already planned).</translation>
    </message>
</context>
<context>
    <name>TripAssignDialog</name>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="30"/>
        <source>Tambahkan ke kunjungan</source>
        <translation>Add to a kunjungan (trip)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="40"/>
        <source>Warga dipilih:</source>
        <translation>Residents chosen:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="41"/>
        <source>&amp;Kunjungan:</source>
        <translation>&amp;Kunjungan (trip):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="44"/>
        <source>Tambahkan</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="45"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_assign_dialog.py" line="53"/>
        <source>Belum ada kunjungan yang belum selesai. Buat kunjungan di halaman Kunjungan.</source>
        <translation>There is no kunjungan (trip) that is not over yet. Create one on the Kunjungan page.</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="72"/>
        <source>Ubah kunjungan</source>
        <translation>Edit trip</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="72"/>
        <source>Kunjungan baru</source>
        <translation>New trip</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="80"/>
        <source>mis. SMAN 1 Solok, Desa Sungai Abu</source>
        <translation>e.g. SMAN 1 Solok, Desa Sungai Abu</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="84"/>
        <source>nama anggota, dipisah koma</source>
        <translation>member names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="97"/>
        <source>Nama kunjungan:</source>
        <translation>Trip name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="98"/>
        <source>Jenis:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="99"/>
        <source>Tempat:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="100"/>
        <source>Mulai:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="101"/>
        <source>Selesai:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="102"/>
        <source>Tim:</source>
        <translation>Team:</translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="83"/>
        <source>Kunjungan</source>
        <translation>Trips</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="89"/>
        <source>Kunjungan &amp;baru</source>
        <translation>&amp;New trip</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="90"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="91"/>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="92"/>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="101"/>
        <source>Nama kunjungan</source>
        <translation>Trip name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="101"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="101"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="102"/>
        <source>Tanggal</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="102"/>
        <source>Tim</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="102"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="113"/>
        <source>&amp;Tambah target dari berkas NIK…</source>
        <translation>Add &amp;targets from a NIK file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="117"/>
        <location filename="../../app/ui/pages/trips.py" line="133"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="117"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="117"/>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="117"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="118"/>
        <source>Hasil kunjungan</source>
        <translation>Visit outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="120"/>
        <source>Target rencana</source>
        <translation>Planned targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="125"/>
        <source>&amp;Impor daftar kelas…</source>
        <translation>&amp;Import class list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="126"/>
        <source>Catat &amp;kartu diterima…</source>
        <translation>Record &amp;card received…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="133"/>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="133"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="134"/>
        <source>Status perekaman</source>
        <translation>Recording status</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="134"/>
        <source>Kartu diterima sekolah</source>
        <translation>Card received by the school</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="136"/>
        <source>Daftar kelas</source>
        <translation>Class list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="172"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="172"/>
        <source>Diaktifkan (di luar tanggalnya)</source>
        <translation>Activated (outside its dates)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="174"/>
        <source>Selesai</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="176"/>
        <source>Rencana</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="178"/>
        <source>Berlangsung</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="190"/>
        <source>Belum ada kunjungan. Buat dengan &quot;Kunjungan baru&quot; (Alt+B).</source>
        <translation>No trips yet. Create one with &quot;New trip&quot; (Alt+N).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="198"/>
        <source>%1 target rencana · %2 rekaman · %3 hasil kunjungan pada kunjungan ini</source>
        <translation>%1 planned targets · %2 recordings · %3 visit outcomes on this trip</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="202"/>
        <source>belum dikunjungi</source>
        <translation>not visited yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="216"/>
        <source>Belum dapat direkam — mulai %1</source>
        <translation>Cannot be recorded yet — from %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="219"/>
        <source>Rekam awal: kartu ditahan sampai 17 (%1)</source>
        <translation>Pre-record: card held until 17 (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="224"/>
        <source> · sudah direkam</source>
        <translation> · recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="230"/>
        <source>%1 siswa: %2 belum dapat direkam · %3 rekam awal (kartu ditahan sampai 17) · %4 dapat direkam</source>
        <translation>%1 students: %2 cannot be recorded yet · %3 pre-record (card held until 17) · %4 can be recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="271"/>
        <source>Kunjungan &quot;%1&quot; disimpan. Tekan Aktifkan (Alt+A) agar rekaman berikutnya tercatat pada kunjungan ini.</source>
        <translation>Trip &quot;%1&quot; saved. Press Activate (Alt+A) so the next recordings are filed under this trip.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="274"/>
        <source>Kunjungan &quot;%1&quot; disimpan.</source>
        <translation>Trip &quot;%1&quot; saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="299"/>
        <source>Rekaman dan hasil kunjungan sekarang dicatat pada &quot;%1&quot;.</source>
        <translation>Recordings and visit outcomes are now attached to &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="306"/>
        <source>Tidak ada kunjungan aktif: rekaman baru tidak dicatat pada kunjungan.</source>
        <translation>No active trip: new recordings are not attached to a trip.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="311"/>
        <source>Tambah target dari berkas NIK</source>
        <translation>Add targets from a NIK file</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="311"/>
        <source>Daftar NIK (*.csv *.txt);;Semua berkas (*)</source>
        <translation>NIK lists (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="328"/>
        <source>%1 NIK direncanakan (%2 baru); %3 baris tanpa NIK dilewati.</source>
        <translation>%1 NIK planned (%2 new); %3 lines without a NIK skipped.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="334"/>
        <source>Impor daftar kelas</source>
        <translation>Import class list</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="334"/>
        <source>Daftar kelas (*.xlsx *.csv);;Semua berkas (*)</source>
        <translation>Class lists (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="346"/>
        <source>Membaca daftar kelas…</source>
        <translation>Reading the class list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="353"/>
        <source>Daftar kelas disimpan: %1 siswa baru, %2 diperbarui, %3 baris ditolak.</source>
        <translation>Class list saved: %1 new students, %2 updated, %3 lines refused.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trips.py" line="357"/>
        <source>baris %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../app/ui/start_pages.py" line="185"/>
        <source>Buka Jemput</source>
        <translation>Unlock Jemput</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="190"/>
        <source>Kata sandi profil</source>
        <translation>Profile password</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="198"/>
        <location filename="../../app/ui/start_pages.py" line="231"/>
        <source>Buka</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="223"/>
        <source>Ketik kata sandi profil.</source>
        <translation>Type the profile password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="231"/>
        <source>Membuka…</source>
        <translation>Unlocking…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/start_pages.py" line="256"/>
        <source>Coba lagi dalam %n detik.</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="258"/>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/start_pages.py" line="65"/>
        <source>Selamat datang di Jemput</source>
        <translation>Welcome to Jemput</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="67"/>
        <source>Perekaman KTP-el jemput bola yang tetap jalan tanpa sinyal. Semua data warga tersimpan terenkripsi di laptop ini.</source>
        <translation>Door-to-door KTP-el recording that keeps working without a signal. All residents&apos; data is stored encrypted on this laptop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="73"/>
        <source>Coba dengan data demo</source>
        <translation>Try it with demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="75"/>
        <source>Profil latihan berisi warga contoh (buatan, bukan data asli) di satu kelurahan. Aman untuk mencoba semua fitur. Kata sandi profil demo:</source>
        <translation>A practice profile with sample residents (made up, not real data) in one kelurahan. Safe for trying every feature. Demo profile password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="81"/>
        <source>Buka profil demo</source>
        <translation>Open demo profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="87"/>
        <source>Siapkan laptop ini untuk perekaman</source>
        <translation>Set up this laptop for recording</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="89"/>
        <source>Kata sandi ini mengunci basis data. Tanpa kata sandi, data tidak dapat dibuka oleh siapa pun, termasuk kami. Catat dan simpan di tempat aman.</source>
        <translation>This password locks the database. Without it nobody can open the data, not even us. Write it down and keep it somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="93"/>
        <source>mis. Rina Operator</source>
        <translation>e.g. Rina Operator</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="140"/>
        <source>Kata sandi minimal %1 karakter.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="99"/>
        <source>Nama operator</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="96"/>
        <source>tiga kata acak atau lebih, minimal %1 karakter</source>
        <translation>three or more random words, at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="100"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="101"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="103"/>
        <source>Kerja offline dulu (server diatur nanti)</source>
        <translation>Work offline for now (set the server later)</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="104"/>
        <source>Sudah punya alamat server:</source>
        <translation>I have a server address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="120"/>
        <location filename="../../app/ui/start_pages.py" line="159"/>
        <source>Buat profil</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="137"/>
        <source>Isi nama operator.</source>
        <translation>Enter the operator name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="143"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="146"/>
        <source>Alamat server harus diawali https:// (atau http:// untuk uji).</source>
        <translation>The server address must start with https:// (or http:// for testing).</translation>
    </message>
    <message>
        <location filename="../../app/ui/start_pages.py" line="159"/>
        <source>Menyiapkan…</source>
        <translation>Setting up…</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="42"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/trip_dialogs.py" line="43"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_WarningRow</name>
    <message>
        <location filename="../../app/ui/widgets/findings_panel.py" line="58"/>
        <source>Sudah diperiksa, lanjut</source>
        <translation>Checked, continue</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/findings_panel.py" line="60"/>
        <source>Alasan (wajib)</source>
        <translation>Reason (required)</translation>
    </message>
</context>
</TS>

"""Sync failures and parked states as stable codes with parameters, and the one dict of their Indonesian texts.

Every `SyncError` carries a ``code`` (``sync.unreachable``, ``sync.revoked``...)
and its ``params``; its ``message`` is `MESSAGES[code]` filled in. Decisions
(pause the queue, offer a conflict as a new version) use the code, never the
words. The texts carry no personal data, so they may be logged.
"""

from __future__ import annotations

from typing import Any

from app.store.outbox import CONFLICT_CODE

__all__ = [
    "MESSAGES", "error_text", "SyncError", "RegistrationError", "Aborted", "LocalMediaError",
    "enrollment_limited", "server_trouble",
]

MESSAGES: dict[str, str] = {
    # the connection
    "sync.unreachable": "Server tidak dapat dihubungi (tidak ada sinyal, atau server mati).",
    "sync.timeout": "Server terlalu lama menjawab (sinyal lemah).",
    "sync.tls": ("Sertifikat server tidak dapat diverifikasi. Periksa alamat server, atau pasang berkas "
                 "sertifikat (CA) Dinas di pengaturan sinkron."),
    "sync.ca_missing": "Berkas sertifikat CA tidak ditemukan: {path}",
    "sync.url_invalid": "Alamat server harus diawali https:// (atau http:// di jaringan lokal).",
    # this device and the server
    "sync.unregistered": ("Perangkat ini belum didaftarkan ke server. Isi alamat server dan kode pendaftaran "
                          "dari admin."),
    "sync.token_rejected": ("Server tidak mengenali perangkat ini (token ditolak). Pengiriman dihentikan "
                            "sementara: daftarkan ulang perangkat dengan kode baru dari admin. Rekaman tetap "
                            "aman di laptop ini."),
    "sync.revoked": ("Perangkat ini telah dicabut oleh admin server, jadi pengiriman dihentikan. Rekaman tetap "
                     "aman di laptop ini. Hubungi admin Dinas untuk kode pendaftaran baru."),
    "sync.version_unsupported": "Versi aplikasi ini tidak didukung server. Perbarui aplikasi Jemput, lalu coba lagi.",
    # the run
    "sync.aborted": "Sinkron dihentikan.",
    "sync.busy": "Sinkron sedang berjalan.",
    "sync.waiting_for_retry": "Menunggu jadwal percobaan berikutnya.",
    # registration
    "sync.enroll_code_missing": "Kode pendaftaran belum diisi.",
    "sync.enroll_code_invalid": ("Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa). "
                                 "Minta kode baru ke admin."),
    "sync.enroll_limited": "Terlalu banyak percobaan kode pendaftaran. Coba lagi dalam {minutes} menit.",
    "sync.enroll_limited_later": "Terlalu banyak percobaan kode pendaftaran. Coba lagi nanti.",
    "sync.not_a_jemput_server": ("Alamat ini tidak menjawab sebagai server Jemput (HTTP {status}). "
                                 "Periksa alamat server."),
    "sync.enroll_answer_unreadable": "Jawaban server tidak dapat dibaca. Periksa alamat server.",
    # the server's answers
    "sync.server_busy": "Server sedang sibuk (HTTP 429).",
    "sync.server_unavailable": "Server sedang tidak tersedia (HTTP {status}).",
    "sync.server_trouble": "Terjadi kesalahan di server (HTTP {status}).",
    "sync.answer_unreadable": "Jawaban server terpotong atau tidak dapat dibaca.",
    "sync.answer_mismatch": "Jawaban server tidak sesuai kiriman; dicoba lagi nanti.",
    "sync.refused": "Server menolak permintaan (HTTP {status}). {words}",
    # media
    "sync.media_unconfirmed": "Server belum mengonfirmasi media; dicoba lagi nanti.",
    "sync.media_offset_missing": "Server tidak menyebut offset unggahan; dicoba lagi nanti.",
    "sync.media_damaged_in_transit": "Berkas media berulang kali rusak di jalan; dicoba lagi nanti.",
    "sync.media_unknown": "Server belum mencatat media rekaman ini; dicoba lagi nanti.",
    # why a recording is parked (a person must look)
    CONFLICT_CODE: ("Server sudah memegang versi lain rekaman ini (UUID sama, isi berbeda); salinan server tidak "
                    "diubah. Rekaman ini diubah setelah terkirim sebagian: pilih \"Jadikan versi baru\" untuk "
                    "mengirim isi laptop ini sebagai versi baru yang menggantikannya, atau hubungi admin."),
    "sync.local_media_damaged": ("Berkas foto/tanda tangan rekaman ini di laptop rusak (SHA-256 tidak cocok); "
                                 "rekam ulang foto atau tanda tangan."),
    "sync.payload_invalid": "Rekaman tidak dapat dikirim: isian tidak sesuai format ({fields}).",
    "sync.item_refused": "Server tidak dapat menerima rekaman ini (HTTP {status}). {words}",
    "sync.not_stored": "Server tidak menyimpan rekaman ini.",
    "sync.not_stored_because": "{reasons}",  # the server's own reasons (they name no person)
}


def error_text(code: str, params: dict[str, Any] | None = None) -> str:
    """The Indonesian text of a code, its parameters filled in (an unknown code reads as itself)."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    return template.format(**(params or {})).strip()


class SyncError(Exception):
    """A sync failure with a stable code, told in the operator's words.

    Attributes:
        kind: how the pump reacts: ``offline``, ``timeout``, ``server``,
            ``busy`` (retried), ``tls``, ``config``, ``refused``, ``media``
            (backed off), ``auth``, ``revoked``, ``protocol`` (pause the
            queue), ``aborted``.
        code, params: what happened (a key of `MESSAGES`) and its values.
        message: Bahasa Indonesia, no personal data (`error_text`).
        status: the HTTP status, when there was an answer.
        problem: the problem code from the server's catalogue, if any.
    """

    TRANSIENT = frozenset({"offline", "timeout", "server", "busy"})

    def __init__(self, kind: str, code: str, params: dict[str, Any] | None = None, *, status: int | None = None,
                 problem: str | None = None, retry_after: float | None = None):
        self.kind = kind
        self.code = code
        self.params = dict(params or {})
        self.message = error_text(code, self.params)
        super().__init__(self.message)
        self.status = status
        self.problem = problem
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.kind in self.TRANSIENT


class RegistrationError(SyncError):
    """The enrollment code was refused (or the address is not a Jemput server)."""


class Aborted(SyncError):
    """The run was asked to stop (`SyncPump.abort`)."""

    def __init__(self) -> None:
        super().__init__("aborted", "sync.aborted")


class LocalMediaError(SyncError):
    """A photo or signature on the laptop no longer matches its SHA-256: the recording is parked."""

    def __init__(self, uuid: str):
        super().__init__("media", "sync.local_media_damaged")
        self.uuid = uuid


def enrollment_limited(retry_after: float | None) -> tuple[str, dict[str, Any]]:
    """The code and params when the server refuses registration for a while (429)."""
    if not retry_after or retry_after <= 0:
        return "sync.enroll_limited_later", {}
    return "sync.enroll_limited", {"minutes": max(1, int(-(-retry_after // 60)))}  # whole minutes, up


def server_trouble(status: int) -> tuple[str, dict[str, Any]]:
    """The code and params of a 5xx or 429 answer."""
    if status == 429:
        return "sync.server_busy", {}
    if status in (502, 503, 504):
        return "sync.server_unavailable", {"status": status}
    return "sync.server_trouble", {"status": status}


MSG_OFFLINE = MESSAGES["sync.unreachable"]
MSG_TIMEOUT = MESSAGES["sync.timeout"]
MSG_TLS = MESSAGES["sync.tls"]
MSG_NOT_REGISTERED = MESSAGES["sync.unregistered"]
MSG_AUTH = MESSAGES["sync.token_rejected"]
MSG_REVOKED = MESSAGES["sync.revoked"]
MSG_PROTOCOL = MESSAGES["sync.version_unsupported"]
MSG_ABORTED = MESSAGES["sync.aborted"]
MSG_BUSY = MESSAGES["sync.busy"]
MSG_ENROLLMENT = MESSAGES["sync.enroll_code_invalid"]
MSG_ENROLLMENT_LIMITED = MESSAGES["sync.enroll_limited"]
MSG_ENROLLMENT_LIMITED_LATER = MESSAGES["sync.enroll_limited_later"]
MSG_CONFLICT = MESSAGES[CONFLICT_CODE]


def enrollment_limited_message(retry_after: float | None) -> str:
    """What the operator reads when the server refuses registration for a while (429)."""
    return error_text(*enrollment_limited(retry_after))

"""The numbered problem catalogue: every error answer's JSON body (like ODK Central's ``lib/util/problem.js``).

Each problem (`ProblemSpec`) has a stable numbered code whose integer part is
the HTTP status, an Indonesian message and its English text; `Problems` lists
them all, `PROBLEMS` keys them by code. A client reads an error answer with
`parse_problem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from pydantic import BaseModel, Field


@dataclass(frozen=True)
class ProblemSpec:
    """One numbered problem. The code's integer part is the HTTP status.

    Messages may hold ``{placeholders}`` filled from the problem's details.
    """

    code: str
    status: int
    message_id: str
    message_en: str

    def body(self, **details: Any) -> dict[str, Any]:
        """The JSON body of a response carrying this problem."""
        return ProblemBody(
            code=self.code,
            status=self.status,
            message=_fill(self.message_id, details),
            message_en=_fill(self.message_en, details),
            details=details,
        ).model_dump(mode="json")


def _fill(template: str, details: Mapping[str, Any]) -> str:
    try:
        return template.format(**details)
    except (KeyError, IndexError, ValueError):
        return template


class ProblemBody(BaseModel):
    """Every error response's JSON body."""

    code: str = Field(description="stable numbered code, e.g. '401.2'")
    status: int
    message: str = Field(description="for the operator, in Bahasa Indonesia")
    message_en: str
    details: dict[str, Any] = Field(default_factory=dict)


def _p(code: str, message_id: str, message_en: str) -> ProblemSpec:
    return ProblemSpec(code, int(code.split(".")[0]), message_id, message_en)


class Problems:
    """The problem catalogue (one place, numbered; codes never change meaning)."""

    PROTOCOL_HEADER_INVALID = _p(
        "400.1",
        "Header X-Jemput-Protocol tidak ada atau tidak dapat dibaca (contoh: 1.0).",
        "The X-Jemput-Protocol header is missing or unreadable (e.g. 1.0).")
    OFFSET_INVALID = _p(
        "400.2",
        "Offset unggahan tidak ada atau tidak valid (header Upload-Offset atau ?offset=).",
        "The upload offset is missing or invalid (Upload-Offset header or ?offset=).")
    TOKEN_MISSING = _p(
        "401.1",
        "Perangkat belum masuk: header Authorization Bearer tidak ada.",
        "Not authenticated: the Authorization Bearer header is missing.")
    TOKEN_INVALID = _p(
        "401.2",
        "Token perangkat tidak dikenal. Daftarkan ulang perangkat ini.",
        "Unknown device token. Register this device again.")
    TOKEN_REVOKED = _p(
        "401.3",
        "Token perangkat ini telah dicabut oleh admin.",
        "This device's token has been revoked by the administrator.")
    ENROLLMENT_INVALID = _p(
        "403.1",
        "Kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa).",
        "The enrollment code is not valid (wrong, already used or expired).")
    LOCAL_ONLY = _p(
        "403.2",
        "Halaman ini hanya dapat dibuka dari komputer server.",
        "This page is only available from the server machine.")
    NOT_FOUND = _p(
        "404.1", "Alamat tidak ditemukan.", "Not found.")
    MEDIA_NOT_EXPECTED = _p(
        "404.2",
        "Media ini tidak diharapkan: kirim dulu rekaman yang memuatnya.",
        "This media is not expected: send the recording that lists it first.")
    METHOD_NOT_ALLOWED = _p(
        "405.1", "Metode tidak diizinkan untuk alamat ini.", "Method not allowed here.")
    OFFSET_MISMATCH = _p(
        "409.1",
        "Offset unggahan tidak cocok: server memegang {offset} bita, lanjutkan dari sana.",
        "Upload offset mismatch: the server holds {offset} bytes, resume from there.")
    BODY_TOO_LARGE = _p(
        "413.1",
        "Permintaan terlalu besar (maksimal {limit} bita).",
        "Request body too large (at most {limit} bytes).")
    CHUNK_TOO_LARGE = _p(
        "413.2",
        "Potongan media terlalu besar (maksimal {limit} bita per potongan).",
        "Media chunk too large (at most {limit} bytes per chunk).")
    BATCH_TOO_LARGE = _p(
        "413.3",
        "Terlalu banyak rekaman dalam satu kiriman (maksimal {limit}).",
        "Too many recordings in one batch (at most {limit}).")
    MEDIA_BEYOND_SIZE = _p(
        "413.4",
        "Potongan melewati ukuran media yang dinyatakan ({size} bita).",
        "The chunk goes beyond the media's declared size ({size} bytes).")
    BUNDLE_TOO_LARGE = _p(
        "413.5",
        "Paket media terlalu besar (maksimal {limit} bita).",
        "Media bundle too large (at most {limit} bytes).")
    BUNDLE_INVALID = _p(
        "422.3",
        "Paket media tidak dapat dibaca: {why}.",
        "The media bundle cannot be read: {why}.")
    MEDIA_SIZE_DIFFERS = _p(
        "422.4",
        "Ukuran media ({size} bita) tidak sama dengan yang tercatat di rekamannya ({expected} bita).",
        "The media size ({size} bytes) differs from the one its recording declares ({expected} bytes).")
    MEDIA_NOT_IMAGE = _p(
        "422.5",
        "Berkas media ditolak: {why}. Foto dan tanda tangan harus gambar JPEG atau PNG yang utuh.",
        "The media file was refused ({check}): photos and signatures must be whole JPEG or PNG images.")
    MEDIA_NOT_BIOMETRIC = _p(
        "422.6",
        "Rekaman biometrik ditolak: {why}. Sidik jari harus rekaman ISO 19794-4 dan iris ISO 19794-6 "
        "untuk jari atau mata yang disebut, dengan gambar utuh di dalamnya.",
        "The biometric record was refused ({check}): a finger must be an ISO 19794-4 record and an iris an "
        "ISO 19794-6 record of the finger or eye named, with a whole image inside.")
    BODY_INVALID = _p(
        "422.1",
        "Isi permintaan tidak valid; lihat daftar kesalahan per kolom.",
        "Invalid request body; see the per-field errors.")
    MEDIA_HASH_MISMATCH = _p(
        "422.2",
        "Isi media tidak cocok dengan SHA-256-nya; unggahan dibuang, kirim ulang dari awal.",
        "The media content does not match its SHA-256; the upload was discarded, send it again.")
    PROTOCOL_MISMATCH = _p(
        "426.1",
        "Versi protokol aplikasi ({client}) tidak didukung server ({server}). Perbarui aplikasi.",
        "Client protocol version ({client}) is not supported by the server ({server}). Update the app.")
    ENROLLMENT_RATE_LIMITED = _p(
        "429.1",
        "Terlalu banyak percobaan kode pendaftaran dari alamat ini. Coba lagi dalam {retry_after} detik.",
        "Too many enrollment code attempts from this address. Try again in {retry_after} seconds.")
    INTERNAL = _p(
        "500.1",
        "Terjadi kesalahan di server; coba lagi nanti.",
        "Internal server error; try again later.")

    @classmethod
    def all(cls) -> list[ProblemSpec]:
        return [v for v in vars(cls).values() if isinstance(v, ProblemSpec)]


PROBLEMS: dict[str, ProblemSpec] = {p.code: p for p in Problems.all()}


def parse_problem(body: Any) -> ProblemBody | None:
    """A response body as a `ProblemBody`, or None when it is not one."""
    try:
        return ProblemBody.model_validate(body)
    except Exception:  # noqa: BLE001 - anything unparseable is "not a problem body"
        return None

"""The dashboard's "Impor bundel flashdisk": an upload streamed to a private file, then the CLI's import.

`receive_bundle` reads a ``multipart/form-data`` body as it arrives (never
whole in memory, never in a system temp folder): the CSRF field must come
first and match the session's token before one byte of the file is written;
the file goes to ``DATA/impor-bundel/`` (0700) under a random name opened 0600
with ``O_EXCL``, counted against ``Settings.max_import_bytes``. The caller runs
`sync.server.bundle_import.import_bundle` on it (in a worker thread) and
removes it. The signed receipt is kept there as ``ID.terima.json`` for the
admin to download (`save_receipt`, `receipt_path`) and removed after
`KEEP_S`. Leftover uploads of a crashed server are removed the same way.
Nothing here logs or keeps resident data: the bundle is encrypted, the receipt
holds UUIDs and statuses only.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from python_multipart.multipart import MultipartParser, parse_options_header

from app.fsio import make_private_dir, open_private
from sync.server.dashboard_page import FILE_FIELD, RECEIPT_PATH, UPLOAD_PATH

__all__ = ["FILE_FIELD", "RECEIPT_PATH", "UPLOAD_PATH", "Received", "UploadRefused", "receive_bundle"]

FOLDER = "impor-bundel"
KEEP_S = 24 * 3600.0
_RECEIPT_ID = re.compile(r"[A-Za-z0-9_-]{20,64}")
_FIELD_MAX = 512  # the CSRF token and any other small field


class UploadRefused(Exception):
    """The upload was not taken: HTTP `status` and the Indonesian sentence to show."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


CSRF_REFUSED = "Formulir tidak sah (token CSRF salah). Muat ulang dasbor lalu unggah lagi. Tidak ada yang diimpor."


def too_large(limit: int) -> UploadRefused:
    return UploadRefused(413, f"Berkas terlalu besar: batas unggah server {_size(limit)}. "
                              "Impor berkas sebesar ini dengan jemput-server import-bundle. Tidak ada yang diimpor.")


def _size(n: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}".replace(".", ",")
    return f"{n} bita"


@dataclass
class Received:
    """The uploaded file (private, to be removed by the caller) and the name the browser gave it."""

    path: Path
    filename: str
    size: int


def folder(data_dir: Path) -> Path:
    """``DATA/impor-bundel``, created 0700; files older than `KEEP_S` removed."""
    target = Path(data_dir) / FOLDER
    make_private_dir(target)
    cutoff = time.time() - KEEP_S
    for entry in os.scandir(target):
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass
    return target


class _Form:
    """python-multipart callbacks: small fields kept, the file part written to `out`."""

    def __init__(self, out_path: Path, limit: int, csrf_ok: Callable[[str], bool]):
        self.out_path, self.limit, self.csrf_ok = out_path, limit, csrf_ok
        self.fields: dict[str, bytes] = {}
        self.header_name = bytearray()
        self.header_value = bytearray()
        self.disposition: bytes = b""
        self.name = ""
        self.filename = ""
        self.value = bytearray()
        self.fd: int | None = None
        self.size = 0
        self.files = 0
        self.csrf_checked = False

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.part_begin, "on_header_field": self.header_field,
            "on_header_value": self.header_value_data, "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def part_begin(self) -> None:
        self.disposition, self.name, self.filename = b"", "", ""
        self.value = bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def header_value_data(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def header_end(self) -> None:
        if bytes(self.header_name).lower() == b"content-disposition":
            self.disposition = bytes(self.header_value)
        self.header_name, self.header_value = bytearray(), bytearray()

    def headers_finished(self) -> None:
        _kind, options = parse_options_header(self.disposition)
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        self.filename = options.get(b"filename", b"").decode("utf-8", "replace") if b"filename" in options else ""
        if self.name == FILE_FIELD:
            if not self.csrf_checked:  # the token comes first in our form; without it nothing is written
                raise UploadRefused(403, CSRF_REFUSED)
            if self.files:
                raise UploadRefused(400, "Unggah satu berkas kiriman saja. Tidak ada yang diimpor.")
            self.files += 1
            self.fd = open_private(self.out_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.name == FILE_FIELD and self.fd is not None:
            self.size += end - start
            if self.size > self.limit:
                raise too_large(self.limit)
            view = memoryview(data)[start:end]
            while view:
                view = view[os.write(self.fd, view):]
        else:
            self.value += data[start:end]
            if len(self.value) > _FIELD_MAX:
                raise UploadRefused(400, "Formulir tidak sah. Tidak ada yang diimpor.")

    def part_end(self) -> None:
        if self.name == FILE_FIELD:
            self.close()
            return
        self.fields[self.name] = bytes(self.value)
        if self.name == "csrf_token":
            if not self.csrf_ok(self.value.decode("utf-8", "replace")):
                raise UploadRefused(403, CSRF_REFUSED)
            self.csrf_checked = True

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.fsync(self.fd)
            finally:
                os.close(self.fd)
                self.fd = None


async def receive_bundle(content_type: str, declared: int | None, body: AsyncIterator[bytes], data_dir: Path,
                         limit: int, csrf_ok: Callable[[str], bool]) -> Received:
    """Stream a multipart body into a private file; `UploadRefused` (nothing kept) when it is not taken."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused(400, "Formulir tidak sah (harus unggahan berkas). Tidak ada yang diimpor.")
    if declared is not None and declared > limit + 64 * 1024:
        raise too_large(limit)
    target = folder(data_dir) / f".unggah-{secrets.token_hex(16)}.jkb"
    form = _Form(target, limit, csrf_ok)
    parser = MultipartParser(boundary, form.callbacks())
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
        form.close()
        if not form.csrf_checked:
            raise UploadRefused(403, CSRF_REFUSED)
        if not form.files or form.size == 0:
            raise UploadRefused(400, "Pilih berkas kiriman (.jkb) dari flashdisk dulu. Tidak ada yang diimpor.")
    except BaseException:
        form.close()
        target.unlink(missing_ok=True)
        raise
    return Received(target, os.path.basename(form.filename.replace("\\", "/")), form.size)


def save_receipt(data_dir: Path, data: bytes) -> str:
    """Keep a receipt for download; its id."""
    receipt_id = secrets.token_urlsafe(24)
    path = folder(data_dir) / f"{receipt_id}.terima.json"
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as fh:
        fh.write(data)
    return receipt_id


def receipt_path(data_dir: Path, receipt_id: str) -> Path | None:
    """The kept receipt of this id, or None (unknown, expired or not an id)."""
    if not _RECEIPT_ID.fullmatch(receipt_id):
        return None
    path = Path(data_dir) / FOLDER / f"{receipt_id}.terima.json"
    try:
        if time.time() - path.stat().st_mtime > KEEP_S:
            return None
    except OSError:
        return None
    return path


def receipt_filename(uploaded: str) -> str:
    """The receipt's name for the stick: beside the bundle, as ``import-bundle`` names it."""
    stem = uploaded.removesuffix(".jkb") if uploaded else "kiriman"
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", stem)[:120].lstrip(".") or "kiriman"
    return f"{stem}.terima.json"

"""(1.1) Media bundles (``POST /media-bundle``): several small whole media files in one request body.

`encode_bundle` makes the body (a one-line JSON `BundleManifest`, a newline, the
files' bytes), sent as `BUNDLE_CONTENT_TYPE` and at most
``Capabilities.max_bundle_bytes`` (0: the server takes no bundles);
`decode_bundle` splits it again. The answer (`BundleResponse`) has one
`BundleItem` per file, in manifest order.
"""

from __future__ import annotations

from pydantic import Field

from sync.protocol import MAX_BUNDLE_FILES, Sha256, _Model, canonical_json

BUNDLE_CONTENT_TYPE = "application/x-jemput-bundle"


class BundleFile(_Model):
    """One file of a media bundle, as listed in its manifest."""

    sha256: Sha256
    size: int = Field(ge=0, le=2**40)


class BundleManifest(_Model):
    files: list[BundleFile] = Field(min_length=1, max_length=MAX_BUNDLE_FILES)


class BundleItem(_Model):
    """The server's answer for one file of a bundle (same order as the manifest).

    ``complete``: the server holds the whole, verified file. Otherwise ``problem``
    is the catalogue code of what went wrong (e.g. 422.2 damaged on the way,
    404.2 not expected) with its ``message``; ``offset`` is what it holds.
    """

    sha256: Sha256
    size: int
    offset: int
    complete: bool
    problem: str | None = None
    message: str | None = None


class BundleResponse(_Model):
    results: list[BundleItem]


def encode_bundle(files: list[tuple[str, bytes]]) -> bytes:
    """The body of ``POST /media-bundle``: a one-line JSON `BundleManifest`
    (sha256 and size of each file), a newline, then the files' bytes one after
    another in manifest order."""
    manifest = {"files": [{"sha256": sha, "size": len(data)} for sha, data in files]}
    return b"".join([canonical_json(manifest), b"\n", *(data for _sha, data in files)])


class BundleFormatError(ValueError):
    """A bundle body that cannot be read (the message says why, in Indonesian)."""


def decode_bundle(body: bytes) -> list[tuple[BundleFile, memoryview]]:
    """Split a bundle body into its files (`BundleFile`, bytes); raises
    `BundleFormatError` when the manifest is unreadable or the sizes do not add up."""
    end = body.find(b"\n", 0, 64 * 1024)
    if end < 0:
        raise BundleFormatError("daftar berkas (baris pertama) tidak ditemukan")
    try:
        manifest = BundleManifest.model_validate_json(body[:end])
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise BundleFormatError("daftar berkas tidak valid") from exc
    view = memoryview(body)[end + 1:]
    total = sum(f.size for f in manifest.files)
    if total != len(view):
        raise BundleFormatError(f"ukuran berkas menurut daftar ({total} bita) tidak sama dengan isi ({len(view)} bita)")
    out, at = [], 0
    for f in manifest.files:
        out.append((f, view[at:at + f.size]))
        at += f.size
    return out

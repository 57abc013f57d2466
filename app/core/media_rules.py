"""What a complete recording needs besides biodata: a photo and a signature, or reasons.

The photo may be missing only with an exception reason (bedridden resident,
medical device); the signature only with one too (cannot sign: the thumbprint
is taken at the office). A photo kept with an exception, and a thumbprint or
a guardian's signature, carry a flag judged by `app.core.exceptions`. The same
rule is checked by the server.
"""

from __future__ import annotations

from app.core.exceptions import PhotoFlag, SignatureFlag, photo_flag_findings, signature_flag_findings
from app.core.findings import MIN_REASON_LENGTH, Finding, Severity, finding


def check_media(*, has_photo: bool, photo_exception: str | None,
                has_signature: bool, signature_exception: str | None,
                photo_flag: PhotoFlag | None = None, signature_flag: SignatureFlag | None = None) -> list[Finding]:
    """Findings that block completion until both steps are done (and their exception flags hold)."""
    out: list[Finding] = photo_flag_findings(photo_flag, has_photo=has_photo)
    out += signature_flag_findings(signature_flag, has_signature=has_signature)
    if not has_photo and len((photo_exception or "").strip()) < MIN_REASON_LENGTH:
        out.append(finding("media.photo_required", "photo", Severity.ERROR))
    if not has_signature and len((signature_exception or "").strip()) < MIN_REASON_LENGTH:
        out.append(finding("media.signature_required", "signature", Severity.ERROR))
    return out

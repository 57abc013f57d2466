"""One check of a whole recording (biodata, media rule, acknowledgements): the form, the save and the server.

The form shows `RecordingCheck.findings` as the operator types, `Session.save_form`
refuses to queue what `can_complete` refuses, and the server's intake rejects
with `verdict.blocking`: all three call `check_recording` with what they hold,
so the same recording gets the same findings everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.exceptions import PhotoFlag, SignatureFlag
from app.core.findings import Acknowledgement, Finding, Verdict, verdict
from app.core.media_rules import check_media
from app.core.resident import Resident
from app.core.validation import ValidationContext, validate_resident


@dataclass(frozen=True)
class RecordingCheck:
    """The findings of a recording and what still blocks it.

    Attributes:
        findings: every finding in form order (biodata, then photo and signature), one per
            (code, field).
        verdict: `findings` judged with the acknowledgements given.
    """

    findings: tuple[Finding, ...]
    verdict: Verdict

    @property
    def can_complete(self) -> bool:
        return self.verdict.can_complete


def check_recording(resident: Resident, ctx: ValidationContext, *,
                    has_photo: bool, photo_exception: str | None,
                    has_signature: bool, signature_exception: str | None,
                    acknowledgements: Iterable[Acknowledgement] = (),
                    input_findings: Iterable[Finding] = (),
                    photo_flag: PhotoFlag | None = None,
                    signature_flag: SignatureFlag | None = None,
                    normalized: bool = False) -> RecordingCheck:
    """Check a recording as it would be completed.

    Args:
        resident: the biodata (normalised here as it is stored).
        ctx: regions, recording date and minimum age.
        has_photo, photo_exception, has_signature, signature_exception: the media
            state; a missing photo or signature needs an exception reason (`check_media`).
        photo_flag, signature_flag: a photo kept with an exception (its reason from the
            list counts; the photo is present), a thumbprint, a guardian's signature or
            none (`app.core.exceptions`).
        acknowledgements: the operator's confirmations of warnings, with reasons.
        input_findings: findings the caller found before the record could be read
            (the form's half-typed date); listed first.
        normalized: `resident` is already normalised (`normalize_resident`): not done again.
    """
    found = list(input_findings) + validate_resident(resident, ctx, normalized=normalized)
    found += check_media(has_photo=has_photo, photo_exception=photo_exception,
                         has_signature=has_signature, signature_exception=signature_exception,
                         photo_flag=photo_flag, signature_flag=signature_flag)
    seen: set[tuple[str, str]] = set()
    unique: list[Finding] = []
    for f in found:
        if (f.code, f.field) not in seen:
            seen.add((f.code, f.field))
            unique.append(f)
    return RecordingCheck(tuple(unique), verdict(unique, acknowledgements))

"""What the photo step keeps: the photo under review (`Capture`) and the step's outcome (`PhotoResult`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.capture import quality
from app.capture.face import Box
from app.core.findings import Finding

ROLE_RESIDENT = "warga"
ROLE_GUARDIAN = "keluarga_wali"


@dataclass(frozen=True)
class PhotoResult:
    """The outcome of the photo step.

    Attributes:
        jpeg: the 480x640 pas foto, or None when no photo could be taken.
        findings: what the checks found on the photo that was kept (warnings only).
        approved_by: ``warga`` or ``keluarga/wali: NAME``; empty for the exception.
        approved_at: when the step was completed (ISO 8601 UTC): the approval,
            or the recording of the exception.
        exception_reason: why there is no photo (then `jpeg` is None).
        background_replaced: the operator accepted a replaced background.
        approver_role: ``warga``, ``keluarga_wali`` or empty.
        approver_name: the family member's/guardian's name, else None.
        source: ``camera`` or ``file`` (never the file name), empty for the exception.
        expected_background: 'merah'/'biru'/'oranye' expected at capture, or None.
        background_score: mask quality (0-1) of an accepted replacement.
        flag: a photo kept with an exception (`app.core.exceptions.PhotoFlag` as a dict:
            reason, text, failed checks); then `findings` lists every check that failed.
    """

    jpeg: bytes | None
    findings: list[Finding]
    approved_by: str
    approved_at: str
    exception_reason: str | None = None
    background_replaced: bool = False
    approver_role: str = ""
    approver_name: str | None = None
    source: str = ""
    expected_background: str | None = None
    background_score: float | None = None
    flag: dict[str, Any] | None = None

    @property
    def has_photo(self) -> bool:
        return self.jpeg is not None

    @property
    def flagged(self) -> bool:
        """A photo kept with an exception."""
        return self.flag is not None

    def to_meta(self) -> dict[str, Any]:
        """JSON-safe metadata to store with the media item (no image bytes)."""
        return {
            "kind": "photo",
            "width": 480 if self.jpeg else None,
            "height": 640 if self.jpeg else None,
            "size": len(self.jpeg) if self.jpeg else 0,
            "findings": [f.to_dict() for f in self.findings],
            "approved_by": self.approved_by,
            "approver_role": self.approver_role,
            "approver_name": self.approver_name,
            "approved_at": self.approved_at,
            "exception_reason": self.exception_reason,
            "background_replaced": self.background_replaced,
            "background_score": None if self.background_score is None else round(self.background_score, 3),
            "expected_background": self.expected_background,
            "source": self.source,
            "exception": self.flag,
        }


@dataclass
class Capture:
    """A photo being reviewed: the frame it was cut from and the cut."""

    frame: np.ndarray
    report: quality.QualityReport
    face: Box
    jpeg: bytes
    image: np.ndarray
    source: str
    # A proposed / accepted replacement:
    replaced_jpeg: bytes | None = None
    replaced_image: np.ndarray | None = None
    replaced_findings: list[Finding] = field(default_factory=list)
    replaced_score: float | None = None
    replaced_clean: bool = False
    replaced_colour: Any = None
    use_replaced: bool = False

    @property
    def final_jpeg(self) -> bytes:
        return self.replaced_jpeg if self.use_replaced and self.replaced_jpeg else self.jpeg

    @property
    def final_image(self) -> np.ndarray:
        if self.use_replaced and self.replaced_image is not None:
            return self.replaced_image
        return self.image

    @property
    def final_findings(self) -> list[Finding]:
        return list(self.replaced_findings if self.use_replaced else self.report.findings)

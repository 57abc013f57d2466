"""Exceptions for the residents who cannot sit for a photo or cannot sign: reasons, flags and their rules.

A **photo with an exception** keeps the best frame the camera saw although
some checks failed: it carries a reason from `PhotoExceptionReason` (free text
only for ``lainnya``), the codes of the checks that failed, and is flagged for
the supervisor and the server (`PhotoFlag`). A resident who cannot sign gives
a thumbprint (cap jempol) as an image, or a guardian signs with name and
relation, or there is none with a reason (`SignatureFlag`, `SignatureMode`).

The laptop (form, save), the payload and the server's intake all judge a flag
with `photo_flag_findings` / `signature_flag_findings`, so one rule holds
everywhere. `suggested_disabilitas` maps a reason to the Disabilitas value the
form *suggests* (the operator confirms; it is never set silently).

Pure Python: no Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app.core.findings import MIN_REASON_LENGTH, Finding, Severity, finding
from app.core.values import Disabilitas

MAX_FLAG_TEXT = 200
"""The longest reason text or guardian name kept in a flag."""

MAX_FAILED_CHECKS = 20


class PhotoExceptionReason(str, Enum):
    """Why a photo is kept although its checks failed."""

    TERBARING = "terbaring"
    TIDAK_DAPAT_DUDUK_TEGAK = "tidak_dapat_duduk_tegak"
    DISABILITAS = "disabilitas"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return _PHOTO_LABELS[self]


_PHOTO_LABELS = {
    PhotoExceptionReason.TERBARING: "Terbaring",
    PhotoExceptionReason.TIDAK_DAPAT_DUDUK_TEGAK: "Tidak dapat duduk tegak",
    PhotoExceptionReason.DISABILITAS: "Disabilitas",
    PhotoExceptionReason.LAINNYA: "Lainnya",
}


class SignatureMode(str, Enum):
    """How the resident's consent mark was given."""

    TANDA_TANGAN = "tanda_tangan"
    CAP_JEMPOL = "cap_jempol"
    TANDA_TANGAN_WALI = "tanda_tangan_wali"
    TIDAK_ADA = "tidak_ada"

    @property
    def label(self) -> str:
        return _MODE_LABELS[self]


_MODE_LABELS = {
    SignatureMode.TANDA_TANGAN: "Tanda tangan warga",
    SignatureMode.CAP_JEMPOL: "Cap jempol",
    SignatureMode.TANDA_TANGAN_WALI: "Tanda tangan wali",
    SignatureMode.TIDAK_ADA: "Tanpa tanda tangan",
}


class GuardianRelation(str, Enum):
    """The guardian's relation to the resident."""

    SUAMI_ISTRI = "suami_istri"
    ANAK = "anak"
    ORANG_TUA = "orang_tua"
    SAUDARA = "saudara"
    WALI = "wali"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return _RELATION_LABELS[self]


_RELATION_LABELS = {
    GuardianRelation.SUAMI_ISTRI: "Suami/Istri",
    GuardianRelation.ANAK: "Anak",
    GuardianRelation.ORANG_TUA: "Orang tua",
    GuardianRelation.SAUDARA: "Saudara",
    GuardianRelation.WALI: "Wali (pengampu)",
    GuardianRelation.LAINNYA: "Lainnya",
}


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())[:MAX_FLAG_TEXT]


def _enum(kind: type[Enum], value: Any) -> Any:
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class PhotoFlag:
    """A photo kept with an exception.

    Attributes:
        reason: the reason from the list (None when unreadable: then it is refused).
        text: the operator's words (required for ``lainnya``, optional otherwise).
        failed_checks: codes of the photo checks that failed on the kept frame.
    """

    reason: PhotoExceptionReason | None
    text: str = ""
    failed_checks: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def make(cls, reason: Any, text: str = "", failed_checks: Any = ()) -> "PhotoFlag":
        codes = tuple(dict.fromkeys(str(c) for c in (failed_checks or ()) if c))[:MAX_FAILED_CHECKS]
        return cls(_enum(PhotoExceptionReason, reason), _clean(text), codes)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "PhotoFlag | None":
        if not isinstance(data, dict):
            return None
        return cls.make(data.get("reason"), data.get("text", ""), data.get("failed_checks", ()))

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason.value if self.reason else None, "text": self.text,
                "failed_checks": list(self.failed_checks)}

    def summary(self) -> str:
        """One Indonesian line: the reason and how many checks failed."""
        what = self.reason.label if self.reason else "?"
        if self.text:
            what = f"{what}: {self.text}"
        line = f"Foto dengan pengecualian ({what})"
        if self.failed_checks:
            line += f", {len(self.failed_checks)} pemeriksaan gagal"
        return line + "."


@dataclass(frozen=True)
class SignatureFlag:
    """How the signature step ended when the resident did not sign by hand.

    Attributes:
        mode: cap jempol, guardian's signature or none.
        guardian_name, guardian_relation: for ``tanda_tangan_wali``.
        reason: for ``tidak_ada`` (required) and optional words for the others.
    """

    mode: SignatureMode | None
    guardian_name: str = ""
    guardian_relation: GuardianRelation | None = None
    reason: str = ""

    @classmethod
    def make(cls, mode: Any, *, guardian_name: str = "", guardian_relation: Any = None,
             reason: str = "") -> "SignatureFlag":
        relation = _enum(GuardianRelation, guardian_relation) if guardian_relation else None
        return cls(_enum(SignatureMode, mode), _clean(guardian_name), relation, _clean(reason))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "SignatureFlag | None":
        if not isinstance(data, dict):
            return None
        return cls.make(data.get("mode"), guardian_name=data.get("guardian_name", ""),
                        guardian_relation=data.get("guardian_relation"), reason=data.get("reason", ""))

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode.value if self.mode else None, "guardian_name": self.guardian_name,
                "guardian_relation": self.guardian_relation.value if self.guardian_relation else None,
                "reason": self.reason}

    @property
    def has_image(self) -> bool:
        """A thumbprint or a guardian's signature comes with an image."""
        return self.mode in (SignatureMode.CAP_JEMPOL, SignatureMode.TANDA_TANGAN_WALI)

    def summary(self) -> str:
        if self.mode is SignatureMode.TANDA_TANGAN_WALI:
            relation = self.guardian_relation.label.lower() if self.guardian_relation else "?"
            return f"Tanda tangan wali: {self.guardian_name} ({relation})."
        if self.mode is SignatureMode.CAP_JEMPOL:
            return "Cap jempol tersimpan."
        if self.mode is SignatureMode.TIDAK_ADA:
            return f"Tanpa tanda tangan: {self.reason}."
        return "Tanda tangan: ?"


def photo_flag_findings(flag: PhotoFlag | None, *, has_photo: bool) -> list[Finding]:
    """What blocks a flagged photo: a reason from the list, words for ``lainnya``, and the photo itself."""
    if flag is None:
        return []
    out: list[Finding] = []
    if flag.reason is None:
        out.append(finding("exception.photo_reason_required", "photo", Severity.ERROR))
    elif flag.reason is PhotoExceptionReason.LAINNYA and len(flag.text) < MIN_REASON_LENGTH:
        out.append(finding("exception.reason_text_required", "photo", Severity.ERROR))
    if not has_photo:
        out.append(finding("exception.photo_missing", "photo", Severity.ERROR))
    return out


def signature_flag_findings(flag: SignatureFlag | None, *, has_signature: bool) -> list[Finding]:
    """What blocks a signature exception: a mode, the guardian's name and relation, a reason for none,
    and an image for a thumbprint or a guardian's signature."""
    if flag is None:
        return []
    out: list[Finding] = []
    if flag.mode is None:
        out.append(finding("exception.signature_mode_required", "signature", Severity.ERROR))
        return out
    if flag.mode is SignatureMode.TANDA_TANGAN_WALI:
        if len(flag.guardian_name) < MIN_REASON_LENGTH:
            out.append(finding("exception.guardian_name_required", "signature", Severity.ERROR))
        if flag.guardian_relation is None:
            out.append(finding("exception.guardian_relation_required", "signature", Severity.ERROR))
    if flag.mode is SignatureMode.TIDAK_ADA and len(flag.reason) < MIN_REASON_LENGTH:
        out.append(finding("exception.reason_text_required", "signature", Severity.ERROR))
    if flag.has_image and not has_signature:
        out.append(finding("exception.signature_image_missing", "signature", Severity.ERROR))
    return out


_SUGGESTIONS = {
    PhotoExceptionReason.TERBARING: Disabilitas.FISIK,
    PhotoExceptionReason.TIDAK_DAPAT_DUDUK_TEGAK: Disabilitas.FISIK,
    PhotoExceptionReason.DISABILITAS: Disabilitas.FISIK,
}


def suggested_disabilitas(reason: PhotoExceptionReason | str | None,
                          current: tuple[Disabilitas, ...] | list[Disabilitas] = ()) -> Disabilitas | None:
    """The Disabilitas value to suggest for a photo exception's reason, or None.

    None when the reason suggests nothing (``lainnya``) or the resident already
    has a Disabilitas value (the operator chose it: it is not second-guessed).
    """
    if current:
        return None
    reason = _enum(PhotoExceptionReason, reason) if reason is not None else None
    return _SUGGESTIONS.get(reason) if reason is not None else None

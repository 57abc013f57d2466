"""Whether a recording needs its fingers and irises, and when they may be captured.

`BiometricMode` is the profile's setting (Pengaturan, "Perangkat biometrik"):
``off`` photo and signature only (no biometric steps: a laptop without devices),
``optional`` the steps are offered and a recording completed without any
finger or eye carries a warning the operator confirms with a reason (e.g.
"perangkat tidak tersedia"; one that carries some must carry all, as the
server's policy wants), ``required`` every finger and eye is captured or an exception
before the recording completes (without a device it stays a draft).
`biometric_findings` says this as findings with codes, for the form and the
save alike; `photo_settled` is the Dukcapil order rule: the photo is shown to
the resident and approved (or its exception recorded) before fingerprints and
iris are captured (letter 400.8.1.2/13999/Dukcapil, REFERENCE.md).

Pure Python: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from app.core.biometric_content import ContentError, from_content
from app.core.biometric_policy import BiometricPolicy, completeness
from app.core.biometric_positions import EYE_BY_SBI, FINGER_BY_SBI, Modality
from app.core.biometric_set import BiometricSet, modality_of
from app.core.findings import Finding, Severity, finding

SETTING_KEY = "biometrics_mode"
FINGER_FIELD, IRIS_FIELD = "fingerprint", "iris"
FIELD_OF = {Modality.FINGER: FINGER_FIELD, Modality.IRIS: IRIS_FIELD}


class BiometricMode(str, Enum):
    """How the profile treats fingerprints and irises."""

    OFF = "off"
    OPTIONAL = "optional"
    REQUIRED = "required"

    @classmethod
    def parse(cls, value: object) -> "BiometricMode":
        """The mode a stored setting names; OFF for anything else (an older profile has none)."""
        try:
            return cls(value)
        except ValueError:
            return cls.OFF

    @property
    def steps(self) -> bool:
        """The fingerprint and iris steps are part of the flow."""
        return self is not BiometricMode.OFF


def photo_settled(*, has_photo: bool, approved_by: str, exception: str | None) -> bool:
    """The photo is approved by the resident (or a guardian), or its exception is recorded: biometrics may start."""
    return bool(exception) or (has_photo and bool(approved_by.strip()))


def biometric_findings(biometrics: BiometricSet | None, mode: BiometricMode,
                       proofs: Iterable[str] = (), *, photo_done: bool = True) -> list[Finding]:
    """What `mode` says of `biometrics` (None: none captured), fingers then irises.

    ``required``: an error per modality with slots neither captured nor excepted
    (``biometrics.fingers_required`` / ``biometrics.irises_required``);
    ``optional``: with nothing captured or excepted, a warning per modality instead, confirmed
    with a reason (``biometrics.fingers_not_captured`` / ``biometrics.irises_not_captured``): the
    recording then carries no set; once it carries one, the server's policy
    (`app.core.biometric_policy`, ``required_when_present``) wants it complete, so the errors of
    ``required``; both: a warning per modality whose exceptions lack their proof photo
    (``biometrics.proof_missing``; `proofs` holds the slots that have one). While the photo is not
    settled (`photo_done` False: the steps are not open yet) ``optional`` says nothing of what is not
    captured: the photo's own requirement speaks first, and an operator starting a form is not asked
    to confirm skipping steps they cannot reach yet.
    """
    if not mode.steps:
        return []
    bset = biometrics or BiometricSet()
    have_proof = set(proofs)
    strict = mode is BiometricMode.REQUIRED or bool(
        bset.slots and completeness(bset, BiometricPolicy.REQUIRED_WHEN_PRESENT))
    out: list[Finding] = []
    for modality, required, not_captured in (
            (Modality.FINGER, "biometrics.fingers_required", "biometrics.fingers_not_captured"),
            (Modality.IRIS, "biometrics.irises_required", "biometrics.irises_not_captured")):
        field = FIELD_OF[modality]
        missing = bset.missing((modality,))
        if missing and strict:
            out.append(finding(required, field, Severity.ERROR, count=len(missing)))
        elif missing and photo_done:
            out.append(finding(not_captured, field, Severity.WARNING, count=len(missing)))
        unproved = [s for s in bset.exceptions() if modality_of(s) is modality and s not in have_proof]
        if unproved:
            out.append(finding("biometrics.proof_missing", field, Severity.WARNING, count=len(unproved)))
    return out



def exception_lines(content: object) -> list[str]:
    """Each finger or eye exception of a recording's `biometrics` content in words, for the supervisor
    ("Jempol kanan: Amputasi"; "Lainnya" with its text); a malformed content says so in one line."""
    try:
        bset = from_content(content)
    except ContentError:
        return ["Sidik jari/iris: data tidak terbaca"]
    out = []
    for slot, state in bset.exceptions().items():
        place = (FINGER_BY_SBI.get(slot) or EYE_BY_SBI[slot]).label
        out.append(f"{place}: {state.reason.label}" + (f" ({state.text})" if state.text else ""))
    return out

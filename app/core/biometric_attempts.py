"""Quality thresholds and retries of a biometric capture: when to ask again, and which attempt to keep.

The requested score per modality and the number of tries are settings
(reference: MOSIP's registration client, 40 for a finger slap, 60 for iris,
3 tries). A slap's score is the mean of its fingers' scores (the SBI spec:
"the average of all will be considered for the capture threshold"). After a
try that reaches the threshold the capture is accepted; below it the operator
tries again until the tries are spent, and then the best attempt is kept with
its score (or the operator marks the finger or eye an exception).

Pure Python: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.biometric_positions import Modality
from app.core.sbi_codes import Fault


@dataclass(frozen=True)
class QualityPolicy:
    """Requested scores (0-100) and tries per capture."""

    finger: float = 40.0
    thumbs: float = 40.0
    iris: float = 60.0
    face: float = 40.0
    tries: int = 3

    def required(self, modality: Modality | str, thumbs: bool = False) -> float:
        kind = Modality(modality)
        if kind is Modality.FINGER:
            return self.thumbs if thumbs else self.finger
        return self.iris if kind is Modality.IRIS else self.face


def segment_score(scores: list[float] | tuple[float, ...]) -> float:
    """The score a multi-finger capture is judged by: the mean of its fingers' scores (0 for none)."""
    return sum(scores) / len(scores) if scores else 0.0


ACCEPTED, RETRY, BEST_KEPT = "accepted", "retry", "best_kept"


@dataclass(frozen=True)
class Attempts:
    """The scores of the tries of one capture so far (immutable: `add` returns the next state)."""

    required: float
    tries: int = 3
    scores: tuple[float, ...] = ()

    def add(self, score: float) -> "Attempts":
        if self.verdict != RETRY:
            raise ValueError("no try left for this capture")
        return Attempts(self.required, self.tries, self.scores + (float(score),))

    @property
    def verdict(self) -> str:
        """ACCEPTED (a try reached the threshold), RETRY (tries left) or BEST_KEPT (spent, none reached it)."""
        if self.scores and self.scores[-1] >= self.required:
            return ACCEPTED
        return BEST_KEPT if len(self.scores) >= self.tries else RETRY

    @property
    def best(self) -> int | None:
        """Index of the try to keep: the accepted one, else the highest score (the first of equals)."""
        if not self.scores:
            return None
        if self.verdict == ACCEPTED:
            return len(self.scores) - 1
        return max(range(len(self.scores)), key=lambda i: (self.scores[i], -i))

    def low_score(self, label: str) -> tuple[str, dict[str, object]] | None:
        """The message (code, params) for a last try below the threshold; None when it reached it."""
        if not self.scores or self.scores[-1] >= self.required:
            return None
        return Fault.LOW_SCORE, {"subtype": label, "score": round(self.scores[-1]), "required": round(self.required)}

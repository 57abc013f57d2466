"""(1.3, optional) The fingers and irises a recording carries, as they travel in its payload.

`BiometricsData` is the JSON form of `app.core.biometric_content.to_content`:
``{"slots": {media kind: {"score", "tries", "reached"} | {"exception", "text"}}}``.
Only its shape is checked here (an object of at most 12 slots with short keys),
so one odd recording never fails a whole batch; what the slots mean (known
kinds, scores 0-100, reasons) is the server's validation, which rejects the
recording with the reason ``biometrics.invalid``. Each captured slot's ISO
record and each exception's proof photo travel as media of the same kind
(`sync.protocol.MediaKind`). Absent from the payload when the recording has
none, so older recordings hash as before.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

MAX_SLOTS = 12

SlotKey = Annotated[str, Field(max_length=40)]


class BiometricsData(BaseModel):
    """The per-slot state of a recording's ten fingers and two irises."""

    model_config = ConfigDict(extra="ignore")

    slots: dict[SlotKey, dict[Annotated[str, Field(max_length=20)], Any]] = Field(max_length=MAX_SLOTS)

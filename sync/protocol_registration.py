"""Registrations of residents with no NIK/KK yet (optional part of protocol 1.3): the wire models.

A laptop sends the families it registered (`app.core.registration.Registration`)
with ``POST /registrations`` (`RegistrationBatch`), only to a server whose
``Capabilities.registrations`` is true. Each is keyed by its client UUID: a new
UUID is ``accepted``, the same content again ``already_have``, other content
under a held UUID ``conflict`` (`RegistrationResult`). A registration the rules
refuse makes the request a 422 naming it (``details.errors[].loc`` = ``["body",
"items", i]``), nothing of it stored. When the office enters the KK number and
NIKs it issued, the device's status feed (``GET /status``) carries them in the
optional ``registrations`` list (`StatusFeedWithRegistrations`), on the same
cursor as the recordings' verdicts; a feed without any leaves the field out, so
an older laptop reads it as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from sync.protocol import MAX_BATCH_ITEMS, IsoDate, ResidentData, TripRef, Uuid, _Model, payload_sha256
from sync.protocol_feeds import StatusFeed

REGISTRATIONS_PATH = "/registrations"
MAX_MEMBERS = 20
"""The most members of one family (`app.core.registration.MAX_MEMBERS`; tests keep the two equal)."""


class FamilyData(_Model):
    """The family as `Registration.to_dict` gives it: the address, and each member's KK-form fields
    (`ResidentData`; their NIK and KK fields stay empty: the office issues them)."""

    alamat: str = Field(default="", max_length=500)
    rt: str = Field(default="", max_length=8)
    rw: str = Field(default="", max_length=8)
    provinsi_kode: str = Field(default="", max_length=20)
    kabupaten_kode: str = Field(default="", max_length=20)
    kecamatan_kode: str = Field(default="", max_length=20)
    kelurahan_kode: str = Field(default="", max_length=20)
    members: list[ResidentData] = Field(min_length=1, max_length=MAX_MEMBERS)


class RegistrationItem(_Model):
    """One family registered for a new KK, keyed by its client UUID (sent once, kept once).

    ``recorded_on``: the day the team recorded it (the laptop's date); ``created_at``
    its device timestamp as reported.
    """

    uuid: Uuid
    recorded_on: IsoDate
    created_at: str = Field(default="", max_length=40)
    operator: str = Field(default="", max_length=100)
    family: FamilyData
    trip: TripRef | None = None

    @model_serializer(mode="wrap")
    def _omit_empty_trip(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("trip") is None:
            data.pop("trip", None)
        return data

    def content_sha256(self) -> str:
        """What "the same registration again" means: SHA-256 of its canonical JSON."""
        return payload_sha256(self.model_dump(mode="json"))


class RegistrationBatch(_Model):
    items: list[RegistrationItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class RegistrationResult(_Model):
    """The server's answer for one registration (same order as the request)."""

    uuid: str
    outcome: Literal["accepted", "already_have", "conflict"]


class RegistrationBatchResponse(_Model):
    results: list[RegistrationResult]


class IssuedNumbers(_Model):
    """The KK number and the NIKs (one per member, in member order) the office issued for a registration."""

    uuid: str
    no_kk: str = Field(pattern=r"^[0-9]{16}$")
    niks: list[str] = Field(min_length=1, max_length=MAX_MEMBERS)
    issued_on: dt.date | None = None
    seq: int


class StatusFeedWithRegistrations(StatusFeed):
    """`StatusFeed` with the numbers issued since the cursor (absent when none: older laptops read it as before)."""

    registrations: list[IssuedNumbers] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _omit_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if not data.get("registrations"):
            data.pop("registrations", None)
        return data


__all__ = ["REGISTRATIONS_PATH", "FamilyData", "IsoDate", "IssuedNumbers", "RegistrationBatch",
           "RegistrationBatchResponse", "RegistrationItem", "RegistrationResult", "StatusFeedWithRegistrations"]

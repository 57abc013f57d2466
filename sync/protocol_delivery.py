"""Card delivery on the wire (antar KTP-el): the cards of a batch and their handovers and attempts.

POST `DELIVERY_PATH` with a `DeliveryPush` (cards, events or both), to a server
whose ``Capabilities.card_delivery`` is true. Each card is keyed by its id and
each event by its UUID: the server keeps the first copy, answers ``accepted``
for a new one, ``already_have`` for the same content again (a resend after a
lost answer) and ``conflict`` for other content under a held key. The rules for
an event are `app.core.card_delivery`'s (the server checks with them); the
values below are that module's (tests keep them equal). A handover's proof
(the recipient's photo or signature) travels inside the event, base64.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any, Literal

from pydantic import ConfigDict, Field, SerializerFunctionWrapHandler, field_validator, model_serializer, model_validator

from sync.protocol import IsoDate, Sha256, TripRef, Uuid, _Model, sha256_hex

DELIVERY_PATH = "/card-deliveries"
MAX_DELIVERY_CARDS = 500
MAX_DELIVERY_EVENTS = 50
PROOF_MAX_BYTES = 256 * 1024

DeliveryKind = Literal["diserahkan", "tidak_terserahkan"]
ReasonValue = Literal["tidak_di_rumah", "pindah", "meninggal", "menolak", "alamat_tidak_ditemukan", "lainnya"]
RelationValue = Literal["sendiri", "suami_istri", "orang_tua", "anak", "saudara", "ketua_rt", "petugas_sekolah",
                        "lainnya"]


class DeliveryCardItem(_Model):
    """A printed card that came to the team in a batch, with the area it is delivered to."""

    id: Uuid
    batch_id: Uuid
    batch_name: str = Field(min_length=1, max_length=100)
    nik: str = Field(pattern=r"^[0-9]{16}$")
    kelurahan_kode: str = Field(default="", max_length=20)
    rw: str = Field(default="", max_length=8)
    rt: str = Field(default="", max_length=8)


class DeliveryProof(_Model):
    """The recipient's photo or signature: PNG or JPEG bytes (base64), with their SHA-256."""

    kind: Literal["foto", "tanda_tangan"]
    mime: Literal["image/png", "image/jpeg"]
    sha256: Sha256
    data: str = Field(max_length=(PROOF_MAX_BYTES + 2) // 3 * 4)

    def raw(self) -> bytes:
        return base64.b64decode(self.data, validate=True)

    @model_validator(mode="after")
    def _matches(self) -> "DeliveryProof":
        try:
            data = self.raw()
        except (binascii.Error, ValueError):
            raise ValueError("bukti bukan base64") from None
        if sha256_hex(data) != self.sha256:
            raise ValueError("SHA-256 bukti tidak cocok dengan isinya")
        return self

    @classmethod
    def of(cls, kind: str, mime: str, data: bytes) -> "DeliveryProof":
        return cls(kind=kind, mime=mime, sha256=sha256_hex(data), data=base64.b64encode(data).decode("ascii"))


class DeliveryEventItem(_Model):
    """A handover (``diserahkan``: receiver, relation, proof) or an attempt (``tidak_terserahkan``: reason)."""

    uuid: Uuid
    card_id: Uuid
    kind: DeliveryKind
    reason: ReasonValue | None = None
    receiver_name: str = Field(default="", max_length=100)
    relation: RelationValue | None = None
    school: str = Field(default="", max_length=100)
    event_date: IsoDate
    recorded_at: dt.datetime
    operator: str = Field(default="", max_length=100)
    note: str = Field(default="", max_length=300)
    proof: DeliveryProof | None = None
    trip: TripRef | None = None

    @field_validator("recorded_at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("recorded_at harus dengan zona waktu")
        return value

    @model_serializer(mode="wrap")
    def _omit_empty(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        for key in ("trip", "proof", "reason", "relation"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class DeliveryPush(_Model):
    """Cards first (they must be held before their events count), then events: at least one of either."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"anyOf": [
        {"required": ["cards"], "properties": {"cards": {"minItems": 1}}},
        {"required": ["events"], "properties": {"events": {"minItems": 1}}},
    ]})

    cards: list[DeliveryCardItem] = Field(default_factory=list, max_length=MAX_DELIVERY_CARDS)
    events: list[DeliveryEventItem] = Field(default_factory=list, max_length=MAX_DELIVERY_EVENTS)

    @model_validator(mode="after")
    def _not_empty(self) -> "DeliveryPush":
        if not self.cards and not self.events:
            raise ValueError("kiriman kosong: tidak ada kartu atau catatan antar")
        return self


class DeliveryResult(_Model):
    """One answer per card (its id) or event (its UUID), in the order sent."""

    id: str
    outcome: Literal["accepted", "already_have", "conflict"]


class DeliveryPushResponse(_Model):
    cards: list[DeliveryResult] = Field(default_factory=list)
    events: list[DeliveryResult] = Field(default_factory=list)

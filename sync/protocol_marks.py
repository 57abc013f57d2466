"""Marked categories of targets (optional part of protocol 1.3): the wire models.

A laptop sends each change of a marked category (`app.store.category_marks`:
a NIK marked difabel, tahanan, pekerja, perbatasan or pelajar from a school
list, or such a mark taken off) with ``POST /category-marks``
(`CategoryMarkBatch`), only to a server whose ``Capabilities.category_marks``
is true. Each is keyed by its client UUID: a new UUID is ``accepted``, the
same content again ``already_have``, other content under a held UUID
``conflict``. The server counts a NIK in a category when the latest change it
holds for them (by ``changed_at``) marks it, as the laptop does.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from app.core.categories import Category
from sync.protocol import MAX_BATCH_ITEMS, IsoMoment, Uuid, _Model, payload_sha256

CATEGORY_MARKS_PATH = "/category-marks"
SOURCE_MAX = 200
MarkableCategory = Literal[tuple(c.value for c in Category if c.markable)]  # type: ignore[valid-type]
"""The categories a laptop may mark (`Category.markable`: every one but lansia, which the birth date decides)."""


class CategoryMarkItem(_Model):
    """One change: ``marked`` true when the NIK was marked, false when the mark was taken off.

    ``category``: a category that may be marked (`Category.markable`: not lansia, which the birth
    date decides); ``source``: who or which list marked it (a class list's name), never a person's data.
    """

    uuid: Uuid
    nik: str = Field(pattern=r"^[0-9]{16}$")
    category: MarkableCategory
    marked: StrictBool
    changed_at: IsoMoment
    source: str = Field(default="", max_length=SOURCE_MAX)

    def content_sha256(self) -> str:
        """What "the same change again" means: SHA-256 of its canonical JSON."""
        return payload_sha256(self.model_dump(mode="json"))


class CategoryMarkBatch(_Model):
    items: list[CategoryMarkItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class CategoryMarkResult(_Model):
    """The server's answer for one change (same order as the request)."""

    uuid: str
    outcome: Literal["accepted", "already_have", "conflict"]


class CategoryMarkBatchResponse(_Model):
    results: list[CategoryMarkResult]


__all__ = ["CATEGORY_MARKS_PATH", "CategoryMarkBatch", "CategoryMarkBatchResponse", "CategoryMarkItem",
           "CategoryMarkResult"]

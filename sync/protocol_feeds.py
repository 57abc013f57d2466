"""The feeds a laptop pulls: its recordings' verdicts and its area's targets.

``GET /status?since=CURSOR`` returns a `StatusFeed`: the verification results of
this device's recordings (`StatusEntry`); keep ``next_cursor`` for the next call.
``GET /targets?since=CURSOR`` returns a `TargetFeed` (`TargetEntry`) for the
device's area.

The compact form of the target feed (``GET /targets?form=compact``, protocol 1.3,
optional) is the same page as `TargetFeed`, with the rows as arrays under one
column header instead of an object per row repeating every key; rows carry no
``seq`` of their own (the page's ``next_cursor`` is what a client keeps). A
server that does not know the form ignores the parameter and answers a
`TargetFeed`; `parse_target_page` reads either. Together with gzip
(``Accept-Encoding``) this is what makes the first pull of a whole city fit a
field link.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, TypeAdapter

from sync.protocol import Reason, ServerStatus, _Model


class StatusEntry(_Model):
    """The verification result of one of this device's recordings."""

    uuid: str
    status: ServerStatus
    reasons: list[Reason] = Field(default_factory=list)
    received_complete: bool
    replaced_by: str | None = None
    seq: int


class StatusFeed(_Model):
    """A page of changes since the cursor; call again with ``next_cursor`` while ``more``."""

    items: list[StatusEntry]
    next_cursor: int
    more: bool


class TargetEntry(_Model):
    """A resident of the device's area on the target list (wajib KTP belum rekam).

    ``recorded_by``: ``none`` (still to record), ``this_device`` or
    ``other_device`` (someone else already recorded this NIK).
    """

    nik: str
    nama: str
    tanggal_lahir: dt.date | None
    jenis_kelamin: Literal["L", "P"] | None
    alamat: str
    rt: str
    rw: str
    kelurahan_kode: str
    recorded_by: Literal["none", "this_device", "other_device"]
    seq: int
    no_kk: str | None = Field(default=None, description="(1.2) NO_KK of the office's list; None: not on it")
    tempat_lahir: str | None = Field(default=None, description="(1.2) TMPT_LHR of the office's list; None: not on it")


class TargetFeed(_Model):
    items: list[TargetEntry]
    next_cursor: int
    more: bool
    area_reset: list[str] | None = Field(
        default=None, description="(1.3) the admin changed this device's area to these codes: the feed restarted "
                                  "at its beginning; targets from this server outside them are no longer the device's")


# --------------------------------------------------------------------------- the compact target feed

FORM_COMPACT = "compact"

TARGET_COLUMNS = ("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat", "rt", "rw", "kelurahan_kode",
                  "no_kk", "tempat_lahir", "recorded_by")
"""The columns a server sends, in this order (a client reads them by the header, not by position)."""


class CompactTargetFeed(_Model):
    form: Literal["compact"]
    columns: list[str] = Field(max_length=64)
    rows: list[list[Any]]
    next_cursor: int
    more: bool
    area_reset: list[str] | None = None

    def as_feed(self) -> TargetFeed:
        """The page as a `TargetFeed` (each row validated as a `TargetEntry`; seq: the page's cursor)."""
        items = [TargetEntry.model_validate({**dict(zip(self.columns, row)), "seq": self.next_cursor})
                 for row in self.rows]
        return TargetFeed(items=items, next_cursor=self.next_cursor, more=self.more, area_reset=self.area_reset)


_EITHER = TypeAdapter(CompactTargetFeed | TargetFeed)


def parse_target_page(body: bytes) -> TargetFeed:
    """A target feed page in either form (pydantic's ValidationError when it is neither)."""
    page = _EITHER.validate_json(body)
    return page.as_feed() if isinstance(page, CompactTargetFeed) else page

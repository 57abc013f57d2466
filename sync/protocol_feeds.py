"""The compact form of the target feed (``GET /targets?form=compact``, protocol 1.3, optional).

The same page as `TargetFeed`, with the rows as arrays under one column header
instead of an object per row repeating every key; rows carry no ``seq`` of
their own (the page's ``next_cursor`` is what a client keeps). A server that
does not know the form ignores the parameter and answers a `TargetFeed`;
`parse_target_page` reads either. Together with gzip (``Accept-Encoding``) this
is what makes the first pull of a whole city fit a field link.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, TypeAdapter

from sync.protocol import TargetEntry, TargetFeed, _Model

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

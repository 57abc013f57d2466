"""The server's clock, as the database tables store moments (UTC, naive)."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """The server's clock, UTC, naive (stored as such on every backend)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def as_stored(moment: dt.datetime) -> dt.datetime:
    """A moment as the tables store it: UTC, naive (a naive one is taken as UTC already)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment

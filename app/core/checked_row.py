"""A target-list row the reader checked (`app.targetfile`): its values are already what the store keeps.

The store (`app.store.targets.target_row`) takes such a row without checking
it again; any other dict is checked there. Pure: a marker type only.
"""

from __future__ import annotations


class CheckedRow(dict):
    """A dict of a checked row (the keys of `app.targetfile.COLUMNS`, dates as YYYY-MM-DD)."""

    __slots__ = ()

"""A list cut into slices: bounded ``IN (...)`` lists and short transactions (the store's and the sync client's)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["chunks"]

T = TypeVar("T")


def chunks(seq: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """`seq` in consecutive slices of at most `size` items (the last may be shorter)."""
    for i in range(0, len(seq), size):
        yield seq[i:i + size]

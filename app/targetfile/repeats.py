"""The first line of each NIK in a file, kept compactly (12 bytes a slot, no object per NIK).

A city-sized list has over a million rows: a dict of NIK strings would cost
about 150 MB, this table about 25 MB, so reading stays streamed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

import numpy as np

_GOLDEN = 0x9E3779B97F4A7C15
_FEW = 8  # keys left to probe that are placed one by one (fewer numpy rounds)
_SIXTEEN_DIGITS = re.compile(r"[0-9]{16}")
_WORD = (1 << 64) - 1


class FirstLines:
    """An open-addressing table NIK -> the first line (0 .. 2**32-1) it was seen on.

    Linear probing over two flat arrays; the table grows fourfold when three
    quarters full. `first_many` does a reader's batch at once (numpy over the
    same arrays), as `first` would one NIK after another.
    """

    def __init__(self, bits: int = 12):
        self._extra: dict[str, int] = {}  # a NIK that is not 16 digits (never after check_nik)
        self._count = 0
        self._resize(bits)

    def __len__(self) -> int:
        return self._count + len(self._extra)

    def first(self, nik: str, line: int) -> int | None:
        """The line NIK was first seen on, or None (and `line` is remembered as its first)."""
        if len(nik) != 16 or not nik.isdigit():
            earlier = self._extra.get(nik)
            if earlier is None:
                self._extra[nik] = line
            return earlier
        key = int(nik) + 1  # 0 marks an empty slot
        keys = self._keys
        slot = ((key * _GOLDEN) & _WORD) >> self._shift
        found = keys[slot]
        while found:
            if found == key:
                return self._lines[slot]
            slot = (slot + 1) & self._mask
            found = keys[slot]
        keys[slot] = key
        self._lines[slot] = line
        self._count += 1
        if self._count > self._limit:
            self._rehash(self._bits + 2)
        return None

    def first_many(self, niks: Sequence[str], lines: Sequence[int]) -> list[int | None]:
        """`first` for each NIK in turn (a NIK twice in `niks`: its later rows get the earlier's line),
        on the whole batch at once."""
        if not niks or not all(map(_SIXTEEN_DIGITS.fullmatch, niks)):
            return list(map(self.first, niks, lines))
        while self._count + len(niks) > self._limit:
            self._rehash(self._bits + 2)
        keys = np.fromiter(map(int, niks), dtype=np.int64, count=len(niks)) + 1
        batch_lines = np.asarray(lines, dtype=np.int64)
        unique, first_at, which = np.unique(keys, return_index=True, return_inverse=True)
        table_keys = np.frombuffer(self._keys, dtype=np.int64)
        table_lines = np.frombuffer(self._lines, dtype=np.uint32)
        slots = self._find(table_keys, unique)
        known = slots >= 0
        earlier = np.where(known, table_lines[np.where(known, slots, 0)], 0).astype(np.int64)
        new = np.flatnonzero(~known)
        self._insert(table_keys, table_lines, unique[new], batch_lines[first_at[new]])
        earlier[new] = batch_lines[first_at[new]]
        result = earlier[which].tolist()
        is_first = np.zeros(len(niks), dtype=bool)
        is_first[first_at[new]] = True
        for i in np.flatnonzero(is_first).tolist():
            result[i] = None
        return result

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * np.uint64(_GOLDEN)) >> np.uint64(self._shift)).astype(np.int64)

    def _find(self, table_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
        """The slot of each key in the table, -1 where it is not there."""
        found = np.full(len(keys), -1, dtype=np.int64)
        slots = self._home(keys)
        pending = np.arange(len(keys))
        while len(pending) > _FEW:
            at = table_keys[slots]
            hit = at == keys[pending]
            found[pending[hit]] = slots[hit]
            going = (at != 0) & ~hit
            pending, slots = pending[going], (slots[going] + 1) & self._mask
        for i, slot in zip(pending.tolist(), slots.tolist()):  # the last few of a long cluster, one by one
            key = int(keys[i])
            while table_keys[slot] and table_keys[slot] != key:
                slot = (slot + 1) & self._mask
            found[i] = slot if table_keys[slot] else -1
        return found

    def _insert(self, table_keys: np.ndarray, table_lines: np.ndarray, keys: np.ndarray, lines: np.ndarray) -> None:
        """Put `keys` (none in the table yet, each once) with their lines in free slots, probing linearly."""
        slots = self._home(keys)
        pending = np.arange(len(keys))
        while len(pending):
            free = table_keys[slots] == 0
            taken_slots, winner = np.unique(slots[free], return_index=True)  # one key a free slot
            chosen = pending[free][winner]
            table_keys[taken_slots] = keys[chosen]
            table_lines[taken_slots] = lines[chosen]
            placed = np.zeros(len(pending), dtype=bool)
            placed[np.flatnonzero(free)[winner]] = True
            pending, slots = pending[~placed], (slots[~placed] + 1) & self._mask
            if len(pending) <= _FEW:
                break
        for i, slot in zip(pending.tolist(), slots.tolist()):  # the last few of a long cluster, one by one
            while table_keys[slot]:
                slot = (slot + 1) & self._mask
            table_keys[slot] = keys[i]
            table_lines[slot] = lines[i]
        self._count += len(keys)

    def _resize(self, bits: int) -> None:
        self._bits = bits
        self._shift = 64 - bits
        self._mask = (1 << bits) - 1
        self._limit = 3 << (bits - 2)
        self._keys = array("q", [0]) * (1 << bits)
        self._lines = array("I", [0]) * (1 << bits)

    def _rehash(self, bits: int) -> None:
        old_keys = np.frombuffer(self._keys, dtype=np.int64)
        used = np.flatnonzero(old_keys)
        keys = old_keys[used].copy()
        lines = np.frombuffer(self._lines, dtype=np.uint32)[used].astype(np.int64)
        self._resize(bits)
        self._count -= len(keys)
        self._insert(np.frombuffer(self._keys, dtype=np.int64), np.frombuffer(self._lines, dtype=np.uint32),
                     keys, lines)

"""The first line of each NIK in a file, kept compactly (12 bytes a slot, no object per NIK).

A city-sized list has over a million rows: a dict of NIK strings would cost
about 150 MB, this table about 25 MB, so reading stays streamed.
"""

from __future__ import annotations

from array import array

_GOLDEN = 0x9E3779B97F4A7C15
_WORD = (1 << 64) - 1


class FirstLines:
    """An open-addressing table NIK -> the first line (0 .. 2**32-1) it was seen on.

    Linear probing over two flat arrays; the table grows fourfold when three
    quarters full (fewer rehashes: each one is a Python loop).
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

    def _resize(self, bits: int) -> None:
        self._bits = bits
        self._shift = 64 - bits
        self._mask = (1 << bits) - 1
        self._limit = 3 << (bits - 2)
        self._keys = array("q", [0]) * (1 << bits)
        self._lines = array("I", [0]) * (1 << bits)

    def _rehash(self, bits: int) -> None:
        old_keys, old_lines = self._keys, self._lines
        self._resize(bits)
        keys, lines, shift, mask = self._keys, self._lines, self._shift, self._mask
        for key, line in zip(old_keys, old_lines):
            if key:
                slot = ((key * _GOLDEN) & _WORD) >> shift
                while keys[slot]:
                    slot = (slot + 1) & mask
                keys[slot] = key
                lines[slot] = line

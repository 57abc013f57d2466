"""The first line of each NIK in a file, kept compactly (12 bytes a slot, no object per NIK).

A city-sized list has over a million rows: a dict of NIK strings would cost
about 150 MB, this table about 25 MB, so reading stays streamed.
"""

from __future__ import annotations

from array import array

_GOLDEN = 0x9E3779B97F4A7C15
_WORD = (1 << 64) - 1


class FirstLines:
    """An open-addressing table NIK -> the first line (0 .. 2**32-1) it was seen on."""

    def __init__(self, bits: int = 10):
        self._bits = bits
        self._keys = array("q", [0]) * (1 << bits)
        self._lines = array("I", [0]) * (1 << bits)
        self._count = 0
        self._extra: dict[str, int] = {}  # a NIK that is not 16 digits (never after check_nik)

    def __len__(self) -> int:
        return self._count + len(self._extra)

    def first(self, nik: str, line: int) -> int | None:
        """The line NIK was first seen on, or None (and `line` is remembered as its first)."""
        if len(nik) != 16 or not nik.isdigit() or nik[0] == "0":
            earlier = self._extra.get(nik)
            if earlier is None:
                self._extra[nik] = line
            return earlier
        key = int(nik)
        keys = self._keys
        mask = (1 << self._bits) - 1
        slot = ((key * _GOLDEN) & _WORD) >> (64 - self._bits)
        while True:
            found = keys[slot]
            if found == key:
                return self._lines[slot]
            if found == 0:
                break
            slot = (slot + 1) & mask
        keys[slot] = key
        self._lines[slot] = line
        self._count += 1
        if self._count * 4 > 3 << self._bits:
            self._grow()
        return None

    def _grow(self) -> None:
        old_keys, old_lines = self._keys, self._lines
        self._bits += 1
        bits = self._bits
        mask = (1 << bits) - 1
        keys = self._keys = array("q", [0]) * (1 << bits)
        lines = self._lines = array("I", [0]) * (1 << bits)
        for key, line in zip(old_keys, old_lines):
            if key:
                slot = ((key * _GOLDEN) & _WORD) >> (64 - bits)
                while keys[slot]:
                    slot = (slot + 1) & mask
                keys[slot] = key
                lines[slot] = line

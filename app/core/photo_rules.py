"""The KTP-el photo background colour a resident must have.

Ditjen Dukcapil (confirmed 2025): WNI born in an even year -> blue, odd year ->
red; WNA -> orange. `capture.quality` compares the photo with `.rgb`/`.hue`.
"""

from __future__ import annotations

import colorsys
from enum import Enum

from app.core.values import Kewarganegaraan


class BackgroundColour(str, Enum):
    BLUE = "biru"
    RED = "merah"
    ORANGE = "oranye"

    @property
    def label(self) -> str:
        """The colour as the operator reads it."""
        return self.value.capitalize()

    @property
    def rgb(self) -> tuple[int, int, int]:
        """A reference colour (8-bit RGB) for comparisons, not an exact official value."""
        return _RGB[self]

    @property
    def hue(self) -> float:
        """Hue of `rgb` in degrees, 0-360."""
        r, g, b = (c / 255 for c in self.rgb)
        return colorsys.rgb_to_hsv(r, g, b)[0] * 360


_RGB = {
    BackgroundColour.BLUE: (0, 102, 204),
    BackgroundColour.RED: (204, 0, 0),
    BackgroundColour.ORANGE: (255, 140, 0),
}


def expected_background(
    birth_year: int, kewarganegaraan: Kewarganegaraan | str
) -> BackgroundColour:
    """Blue for WNI born in an even year, red for an odd year, orange for any WNA."""
    if isinstance(birth_year, bool) or not isinstance(birth_year, int):
        raise ValueError("tahun lahir harus bilangan bulat")
    if Kewarganegaraan.parse(kewarganegaraan) is Kewarganegaraan.WNA:
        return BackgroundColour.ORANGE
    return BackgroundColour.BLUE if birth_year % 2 == 0 else BackgroundColour.RED

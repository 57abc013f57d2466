"""Photo background colour by birth year and citizenship."""

from __future__ import annotations

import pytest

from app.core.photo_rules import BackgroundColour, expected_background
from app.core.values import Kewarganegaraan

B, R, O = BackgroundColour.BLUE, BackgroundColour.RED, BackgroundColour.ORANGE


@pytest.mark.parametrize(
    "year, citizenship, colour",
    [
        (1990, Kewarganegaraan.WNI, B),
        (1991, Kewarganegaraan.WNI, R),
        (2000, "WNI", B),
        (2008, "wni", B),
        (2009, Kewarganegaraan.WNI, R),
        (1945, Kewarganegaraan.WNI, R),
        (1990, Kewarganegaraan.WNA, O),
        (1991, "WNA", O),
    ],
)
def test_expected_background(year, citizenship, colour):
    assert expected_background(year, citizenship) is colour


@pytest.mark.parametrize(
    "year, citizenship",
    [
        ("1990", "WNI"), (1990.0, "WNI"), (None, "WNI"), (True, "WNI"),
        (1990, "ASING"), (1990, None),
    ],
)
def test_bad_input_raises(year, citizenship):
    with pytest.raises(ValueError):
        expected_background(year, citizenship)


def test_colours_have_labels_and_reference_rgb():
    assert [c.label for c in BackgroundColour] == ["Biru", "Merah", "Oranye"]
    assert [c.value for c in BackgroundColour] == ["biru", "merah", "oranye"]
    for colour in BackgroundColour:
        assert len(colour.rgb) == 3 and all(0 <= v <= 255 for v in colour.rgb)
    # the hues are where a camera check expects them: red ~0, orange ~30, blue ~210
    assert B.hue == pytest.approx(210, abs=15)
    assert R.hue == pytest.approx(0, abs=10)
    assert O.hue == pytest.approx(33, abs=10)
    b, r = B.rgb, R.rgb
    assert b[2] > b[0] and r[0] > r[2]

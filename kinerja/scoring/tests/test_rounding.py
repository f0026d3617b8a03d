"""The one rounding rule: half up, exact, never a float."""

from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja.scoring.rounding import quantize, quantize2, quantize4, to_fraction


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("2.345"), 2, "2.35"),
        (Decimal("2.344999"), 2, "2.34"),
        (Decimal("-2.345"), 2, "-2.35"),
        (Fraction(1, 8), 2, "0.13"),
        (Fraction(2, 3), 4, "0.6667"),
        (Fraction(-1, 1000), 2, "0.00"),
        (88, 2, "88.00"),
        (Decimal("382.634"), 0, "383"),
        (Decimal("0.5"), 0, "1"),
    ],
)
def test_quantize_rounds_half_up_on_the_exact_value(
    value: Decimal | Fraction | int, places: int, expected: str
) -> None:
    assert str(quantize(value, places)) == expected


def test_quantize2_and_quantize4_fix_the_number_of_places() -> None:
    assert str(quantize2(Fraction(71, 20))) == "3.55"
    assert str(quantize4(Fraction(73, 19))) == "3.8421"


def test_a_float_is_refused() -> None:
    with pytest.raises(TypeError, match="float tidak diterima"):
        to_fraction(0.5)  # type: ignore[arg-type]

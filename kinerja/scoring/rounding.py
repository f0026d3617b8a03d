"""The one rounding rule of the scoring core: half up, to a fixed number of decimal places.

Every figure that leaves the scoring core rounded (achievement percentages, IKM, element
means, behaviour means, distribution shares) goes through `quantize`. Computations stay exact
(`fractions.Fraction` or `decimal.Decimal`) until this last step; there is no float anywhere.

ROUND_HALF_UP is the rounding taught in Indonesian schools and used by the official SKM and
SKP spreadsheets ("dibulatkan ke atas jika 5 atau lebih"). [I]
"""

from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

Exact: TypeAlias = Decimal | Fraction | int
"""A number the scoring core accepts: never a float."""


def to_fraction(value: Exact) -> Fraction:
    """Convert an exact number to a `Fraction` without any loss."""
    if isinstance(value, float):
        raise TypeError("float tidak diterima; gunakan Decimal, Fraction atau int")
    return Fraction(value)


def quantize(value: Exact, places: int) -> Decimal:
    """Round `value` half up (away from zero on a tie) to `places` decimal places.

    The rounding is done on the exact rational value, so ``1/8`` becomes ``0.13`` and not the
    result of first turning ``1/8`` into a 28-digit Decimal.
    """
    exact = to_fraction(value)
    scaled = abs(exact) * 10**places
    magnitude = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    signed = -magnitude if exact < 0 else magnitude
    return Decimal(signed).scaleb(-places)


def quantize2(value: Exact) -> Decimal:
    """Round half up to 2 decimal places (percentages, IKM, means shown to people)."""
    return quantize(value, 2)


def quantize4(value: Exact) -> Decimal:
    """Round half up to 4 decimal places (survey element means and the index)."""
    return quantize(value, 4)

"""Indonesian number and date formats."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja.scoring.formatting import (
    format_date_id,
    format_decimal,
    format_percent,
    month_name,
)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("1234.56"), 2, "1.234,56"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("88.625"), 2, "88,63"),
        (Decimal("-0.5"), 2, "-0,50"),
        (Fraction(2425, 684), 4, "3,5453"),
        (Decimal("383"), 0, "383"),
    ],
)
def test_numbers_use_a_decimal_comma_and_a_thousands_dot(
    value: Decimal | Fraction, places: int, expected: str
) -> None:
    assert format_decimal(value, places) == expected


def test_a_share_is_shown_as_a_percentage_with_two_decimals() -> None:
    assert format_percent(Fraction(4, 5)) == "80,00%"
    assert format_percent(Fraction(1, 3)) == "33,33%"


def test_dates_use_indonesian_month_names() -> None:
    assert format_date_id(date(2026, 11, 29)) == "29 November 2026"
    assert format_date_id(date(1986, 9, 26)) == "26 September 1986"
    assert [month_name(month) for month in (1, 5, 8, 12)] == [
        "Januari",
        "Mei",
        "Agustus",
        "Desember",
    ]

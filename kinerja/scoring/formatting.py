"""Indonesian presentation of numbers and dates: "1.234,56", "80,00%", "26 September 1986".

Used by the scoring core's own messages and by its command line. Rounding goes through
`kinerja.scoring.rounding`, so what is shown is what was computed.
"""

from datetime import date

from kinerja.scoring.rounding import Exact, quantize

MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Indonesian month names, January first."""


def format_decimal(value: Exact, places: int = 2) -> str:
    """Format with a thousands dot and a decimal comma: ``Decimal("1234.5")`` → ``"1.234,50"``."""
    english = f"{quantize(value, places):,.{places}f}"
    return english.replace(",", "_").replace(".", ",").replace("_", ".")


def format_percent(share: Exact, places: int = 2) -> str:
    """Format a share (0-1) as a percentage: ``Fraction(4, 5)`` → ``"80,00%"``."""
    return f"{format_decimal(share * 100, places)}%"


def month_name(month: int) -> str:
    """The Indonesian name of a month number 1-12."""
    return MONTH_NAMES[month - 1]


def format_date_id(day: date) -> str:
    """Format a date the Indonesian way: ``date(2026, 11, 29)`` → ``"29 November 2026"``."""
    return f"{day.day} {month_name(day.month)} {day.year}"

"""The share of the performance allowance (TPP, Tambahan Penghasilan Pegawai) an employee
receives for one month, from a scheme, the month's predikat and the month's attendance.

A scheme splits the allowance into a part paid on performance and a part paid on attendance
(the shares sum to 100%). The performance part is paid at the scheme's multiplier for the
predikat (a percentage, 0-100); the attendance part in proportion to the days present over the
working days:

    performance part = performance_share * multiplier / 100
    attendance part  = attendance_share * present_days / working_days
    total            = performance part + attendance part

Sources: the 2019 Surakarta scheme, 80% on performance and 20% on daily attendance
(/work/shared/reference/surakarta.json, "allowance_2019") [V2]; the multiplier per predikat is
our decision [I], documented in docs/scoring.md ("Allowance (TPP)").

Every figure is a percentage of the employee's full allowance. Computation is exact
(`Fraction`); each figure is rounded half up to 2 decimals only at the end (`quantize2`), so
the rounded total may differ from the sum of the rounded parts by 0,01.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ratings import Predikat
from kinerja.scoring.rounding import Exact, quantize2, to_fraction

HUNDRED = Fraction(100)

SURAKARTA_2019_PERFORMANCE_SHARE = 80
"""Percent of the allowance paid on performance in the 2019 Surakarta scheme. [V2]"""
SURAKARTA_2019_ATTENDANCE_SHARE = 20
"""Percent of the allowance paid on daily attendance in the 2019 Surakarta scheme. [V2]"""

DEFAULT_MULTIPLIERS: Mapping[Predikat, int] = {
    Predikat.SANGAT_BAIK: 100,
    Predikat.BAIK: 100,
    Predikat.BUTUH_PERBAIKAN: 75,
    Predikat.KURANG: 50,
    Predikat.SANGAT_KURANG: 25,
}
"""Percent of the performance part paid for each predikat in the default scheme. [I]

Meeting expectation (Baik) is doing the agreed plan and earns the whole part; Sangat Baik
cannot earn more because the allowance of a post is its budgeted ceiling (rewards above it are
the follow-up of PermenPANRB 6/2022, not pay); below Baik the part falls in equal steps of 25
in the order of the predikat, so that the multiplier never rises as the predikat falls. A
scheme may set other values (docs/scoring.md, "Allowance (TPP)")."""


@dataclass(frozen=True)
class AllowanceShare:
    """The month's allowance as percentages of the full allowance, each rounded half up."""

    performance: Decimal
    attendance: Decimal
    total: Decimal


def _shown(value: Fraction) -> str:
    return format_decimal(quantize2(value))


def _percentage(name: str, value: Exact) -> Fraction:
    exact = to_fraction(value)
    if exact < 0 or exact > HUNDRED:
        raise ValueError(f"{name} {_shown(exact)}% tidak sah; isi angka 0 sampai 100.")
    return exact


def _days(name: str, value: int) -> int:
    if value < 0:
        raise ValueError(f"{name} {value} tidak sah; isi bilangan bulat 0 atau lebih.")
    return value


def allowance_share(
    *,
    performance_share: Exact,
    attendance_share: Exact,
    multiplier: Exact,
    working_days: int,
    present_days: int,
) -> AllowanceShare:
    """The month's share of the allowance (see the module docstring for the rule).

    Raises ValueError, in Indonesian naming the value and what is accepted, for a share or a
    multiplier outside 0-100, shares that do not sum to 100, a negative number of days, zero
    working days, or more days present than working days.
    """
    performance = _percentage("Porsi kinerja", performance_share)
    attendance = _percentage("Porsi kehadiran", attendance_share)
    paid = _percentage("Pengali predikat", multiplier)
    if performance + attendance != HUNDRED:
        raise ValueError(
            f"Porsi kinerja {_shown(performance)}% dan porsi kehadiran {_shown(attendance)}% "
            f"berjumlah {_shown(performance + attendance)}%; jumlahnya harus 100%."
        )
    working = _days("Hari kerja", working_days)
    present = _days("Hari hadir", present_days)
    if working == 0:
        raise ValueError("Hari kerja 0 tidak sah; isi jumlah hari kerja bulan itu, paling kecil 1.")
    if present > working:
        raise ValueError(
            f"Hari hadir {present} melebihi hari kerja {working}; hari hadir paling banyak "
            "sama dengan hari kerja."
        )
    performance_part = performance * paid / HUNDRED
    attendance_part = attendance * Fraction(present, working)
    return AllowanceShare(
        performance=quantize2(performance_part),
        attendance=quantize2(attendance_part),
        total=quantize2(performance_part + attendance_part),
    )

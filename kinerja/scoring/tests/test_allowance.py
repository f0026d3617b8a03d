"""The month's share of the allowance (TPP): the rule, its refusals and its promises."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.allowance import (
    DEFAULT_MULTIPLIERS,
    SURAKARTA_2019_ATTENDANCE_SHARE,
    SURAKARTA_2019_PERFORMANCE_SHARE,
    AllowanceShare,
    allowance_share,
)
from kinerja.scoring.ratings import Predikat


def share(
    multiplier: Decimal | Fraction | int = 100,
    working: int = 20,
    present: int = 20,
    performance: Decimal | Fraction | int = 80,
    attendance: Decimal | Fraction | int = 20,
) -> AllowanceShare:
    return allowance_share(
        performance_share=performance,
        attendance_share=attendance,
        multiplier=multiplier,
        working_days=working,
        present_days=present,
    )


def test_full_performance_and_full_attendance_give_the_whole_allowance() -> None:
    assert share() == AllowanceShare(Decimal("80.00"), Decimal("20.00"), Decimal("100.00"))


def test_a_butuh_perbaikan_with_19_of_21_days_present() -> None:
    found = share(multiplier=75, working=21, present=19)
    # 80 x 75% = 60; 20 x 19/21 = 18,0952...
    assert found == AllowanceShare(Decimal("60.00"), Decimal("18.10"), Decimal("78.10"))


def test_rounding_happens_once_at_the_end_so_the_total_may_differ_from_the_parts() -> None:
    # 80 x 33,335% = 26,668 -> 26,67; 20 x 2/3 = 13,333... -> 13,33; exact total 40,001... -> 40,00
    found = share(multiplier=Decimal("33.335"), working=3, present=2)
    assert found.performance == Decimal("26.67")
    assert found.attendance == Decimal("13.33")
    assert found.total == Decimal("40.00")


def test_halves_round_up() -> None:
    # 50 x 1/8 = 6,25 exactly; 50 x 0,25% = 0,125 -> 0,13
    found = share(performance=50, attendance=50, multiplier=Decimal("0.25"), working=8, present=1)
    assert found.performance == Decimal("0.13")
    assert found.attendance == Decimal("6.25")
    assert found.total == Decimal("6.38")


def test_no_day_present_pays_only_the_performance_part() -> None:
    assert share(present=0).total == Decimal("80.00")


def test_the_default_scheme_is_surakarta_2019_with_multipliers_falling_with_the_predikat() -> None:
    assert (SURAKARTA_2019_PERFORMANCE_SHARE, SURAKARTA_2019_ATTENDANCE_SHARE) == (80, 20)
    assert set(DEFAULT_MULTIPLIERS) == set(Predikat)
    by_rank = sorted(Predikat, key=lambda p: p.rank)
    values = [DEFAULT_MULTIPLIERS[p] for p in by_rank]
    assert values == sorted(values)
    assert DEFAULT_MULTIPLIERS[Predikat.BAIK] == 100


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"performance": -1, "attendance": 101}, "Porsi kinerja -1,00% tidak sah; isi angka 0"),
        ({"performance": 101, "attendance": -1}, "Porsi kinerja 101,00% tidak sah"),
        ({"performance": 80, "attendance": -20}, "Porsi kehadiran -20,00% tidak sah"),
        ({"multiplier": -5}, "Pengali predikat -5,00% tidak sah; isi angka 0 sampai 100."),
        ({"multiplier": Decimal("100.5")}, "Pengali predikat 100,50% tidak sah"),
        (
            {"performance": 70, "attendance": 20},
            "Porsi kinerja 70,00% dan porsi kehadiran 20,00% berjumlah 90,00%; jumlahnya harus",
        ),
        ({"working": -1, "present": 0}, "Hari kerja -1 tidak sah; isi bilangan bulat 0 atau"),
        ({"present": -2}, "Hari hadir -2 tidak sah"),
        ({"working": 0, "present": 0}, "Hari kerja 0 tidak sah; isi jumlah hari kerja"),
        ({"working": 20, "present": 21}, "Hari hadir 21 melebihi hari kerja 20"),
    ],
)
def test_bad_numbers_are_refused_with_a_sentence_naming_the_value(
    kwargs: dict[str, int | Decimal], message: str
) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        share(**kwargs)  # type: ignore[arg-type]


def test_a_float_is_refused() -> None:
    with pytest.raises(TypeError):
        share(multiplier=0.5)  # type: ignore[arg-type]


percent = st.integers(min_value=0, max_value=10_000).map(lambda n: Fraction(n, 100))
days = st.integers(min_value=1, max_value=31)


@st.composite
def schemes(draw: st.DrawFn) -> tuple[Fraction, Fraction]:
    performance = draw(percent)
    return performance, 100 - performance


@settings(max_examples=200, deadline=None)
@given(schemes(), percent, days, st.data())
def test_more_days_present_never_pays_less(
    scheme: tuple[Fraction, Fraction], multiplier: Fraction, working: int, data: st.DataObject
) -> None:
    low = data.draw(st.integers(min_value=0, max_value=working))
    high = data.draw(st.integers(min_value=low, max_value=working))
    performance, attendance = scheme
    first = share(multiplier, working, low, performance, attendance)
    second = share(multiplier, working, high, performance, attendance)
    assert first.attendance <= second.attendance
    assert first.total <= second.total
    assert first.performance == second.performance


@settings(max_examples=200, deadline=None)
@given(schemes(), percent, percent, days, st.data())
def test_a_higher_multiplier_never_pays_less(
    scheme: tuple[Fraction, Fraction],
    one: Fraction,
    other: Fraction,
    working: int,
    data: st.DataObject,
) -> None:
    present = data.draw(st.integers(min_value=0, max_value=working))
    low, high = sorted((one, other))
    performance, attendance = scheme
    first = share(low, working, present, performance, attendance)
    second = share(high, working, present, performance, attendance)
    assert first.performance <= second.performance
    assert first.total <= second.total


@settings(max_examples=300, deadline=None)
@given(schemes(), percent, days, st.data())
def test_the_share_is_never_below_0_nor_above_100_percent(
    scheme: tuple[Fraction, Fraction], multiplier: Fraction, working: int, data: st.DataObject
) -> None:
    present = data.draw(st.integers(min_value=0, max_value=working))
    performance, attendance = scheme
    found = share(multiplier, working, present, performance, attendance)
    assert Decimal(0) <= found.total <= Decimal(100)
    assert found.performance <= performance + Fraction(1, 200)
    assert found.attendance <= attendance + Fraction(1, 200)

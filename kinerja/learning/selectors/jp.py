"""Lesson-hours (JP) of a year: the JP of confirmed items completed in that calendar year
(`rules.JP_TARGET` a year), for many employees in one query, and the progress toward the target
in words ("12 dari 20 JP")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from kinerja.learning.models import DevelopmentItem, ItemState
from kinerja.learning.rules import JP_TARGET
from kinerja.scoring.formatting import format_decimal

JP_FIELD: DecimalField[Decimal, Decimal] = DecimalField(max_digits=7, decimal_places=1)

ZERO = Decimal(0)


def jp_by_employee(employee_ids: Iterable[int], year: int) -> dict[int, Decimal]:
    """Every given employee's confirmed JP of `year` (0 when none), in ONE GROUP BY query (none
    for no employee)."""
    ids = sorted(set(employee_ids))
    found = dict.fromkeys(ids, ZERO)
    if not ids:
        return found
    rows = (
        DevelopmentItem.objects.filter(
            plan__employee_id__in=ids, state=ItemState.CONFIRMED, completed_on__year=year
        )
        .values("plan__employee_id")
        .annotate(total=Sum("jp_earned"))
        .order_by()
    )
    for row in rows:
        found[row["plan__employee_id"]] = row["total"] or ZERO
    return found


def jp_text(value: Decimal) -> str:
    """ "12" or "12,5": JP without a needless decimal."""
    return format_decimal(value, 0 if value == value.to_integral_value() else 1)


@dataclass(frozen=True)
class JpProgress:
    """One employee's JP of the year toward `JP_TARGET`."""

    earned: Decimal
    target: Decimal = JP_TARGET

    @property
    def percent(self) -> int:
        """0 to 100, for the progress bar."""
        if self.target <= 0:
            return 100
        return min(100, int(self.earned * 100 / self.target))

    @property
    def reached(self) -> bool:
        return self.earned >= self.target

    @property
    def missing(self) -> Decimal:
        return max(ZERO, self.target - self.earned)

    @property
    def label(self) -> str:
        """ "12 dari 20 JP"."""
        return f"{jp_text(self.earned)} dari {jp_text(self.target)} JP"


def jp_progress(earned: Decimal) -> JpProgress:
    return JpProgress(earned=earned)


def jp_of_year_subquery(year: int, employee_ref: str = "pk") -> Coalesce:
    """An employee's JP of `year`: their confirmed items completed that year (`rules`)."""
    total = (
        DevelopmentItem.objects.filter(
            plan__employee_id=OuterRef(employee_ref),
            state=ItemState.CONFIRMED,
            completed_on__year=year,
        )
        .values("plan__employee_id")
        .annotate(total=Sum("jp_earned"))
        .values("total")
    )
    return Coalesce(
        Subquery(total, output_field=JP_FIELD), Value(Decimal(0)), output_field=JP_FIELD
    )


def jp_of_year(*, employee_id: int, year: int) -> Decimal:
    """One employee's JP of `year` in one query."""
    total = DevelopmentItem.objects.filter(
        plan__employee_id=employee_id, state=ItemState.CONFIRMED, completed_on__year=year
    ).aggregate(total=Sum("jp_earned"))["total"]
    return Decimal(total or 0)

"""Lesson-hours (JP) of a year: the JP of confirmed items completed in that calendar year
(`rules.JP_TARGET` a year), for many employees in one query, and the progress toward the target
in words ("12 dari 20 JP")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from kinerja.learning.models import DevelopmentItem, ItemState
from kinerja.learning.rules import JP_TARGET
from kinerja.scoring.formatting import format_decimal

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

"""Builders for tests of periods and every app above it (planning, …)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from kinerja.periods.models import PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.services import period_open


def make_period(
    *,
    year: int | None = None,
    state: str = PeriodState.PLANNING,
    window_kind: str = WindowKind.MONTHLY,
    is_trial: bool = False,
    start_date: date | None = None,
    end_date: date | None = None,
    name: str = "",
) -> PerformancePeriod:
    """A period of `year` (default: this year), 1 January to 31 December unless told, opened
    through `period_open` by the system (so its windows exist: 12 monthly or 4 quarterly), then
    put in `state` directly (no audit events for the stage). Plan due 31 January, realisation
    due on the 5th of the next month, annual evaluation due 31 January of the next year.

    Only one real (non-trial) period per year: a second call for the same year needs
    `is_trial=True` or another `year`."""
    year = year or timezone.localdate().year
    start = start_date or date(year, 1, 1)
    end = end_date or date(year, 12, 31)
    period = period_open(
        actor=None,
        year=year,
        name=name or (f"Uji Coba {year}" if is_trial else f"Periode Penilaian {year}"),
        start_date=start,
        end_date=end,
        window_kind=window_kind,
        plan_due_date=max(start, min(end, date(year, 1, 31))),
        realization_due_day=5,
        evaluation_due_date=date(year + 1, 1, 31),
        is_trial=is_trial,
    )
    if state != PeriodState.PLANNING:
        PerformancePeriod.objects.filter(pk=period.pk).update(state=state)
        period.state = state
    return period

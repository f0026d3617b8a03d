"""The periods seed of `seed_demo`: this year's period in Pelaksanaan (monthly windows, SKP due
31 January) and last year's, closed, so that "copy from last year" has a source. Idempotent:
a year that already has a real period is left as it is."""

from __future__ import annotations

from datetime import date

from kinerja.core.demo import DemoOptions
from kinerja.periods.models import PerformancePeriod, PeriodState, WindowKind
from kinerja.periods.rules import STATE_ORDER
from kinerja.periods.services import period_advance, period_open


def _period_ensure(year: int, state: PeriodState) -> bool:
    """Open the period of `year` and walk it to `state`; False when the year already has one."""
    if PerformancePeriod.objects.filter(year=year, is_trial=False).exists():
        return False
    period = period_open(
        actor=None,
        year=year,
        name=f"Periode Penilaian {year}",
        start_date=date(year, 1, 1),
        end_date=date(year, 12, 31),
        window_kind=WindowKind.MONTHLY,
        plan_due_date=date(year, 1, 31),
        realization_due_day=5,
        evaluation_due_date=date(year + 1, 1, 31),
    )
    for step in STATE_ORDER[1 : STATE_ORDER.index(state) + 1]:
        period = period_advance(actor=None, period=period, to_state=step)
    return True


def demo_seed(options: DemoOptions) -> list[str]:
    year = options.today.year
    created = [
        _period_ensure(year - 1, PeriodState.CLOSED),
        _period_ensure(year, PeriodState.EXECUTION),
    ]
    if not any(created):
        return [f"Periode penilaian {year - 1} dan {year} sudah ada."]
    return [
        f"Periode penilaian {year} (Pelaksanaan, 12 evaluasi bulanan) dan {year - 1} (Ditutup) "
        "disiapkan."
    ]

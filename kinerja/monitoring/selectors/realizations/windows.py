"""The plan's evaluation windows as the realisation pages show them: the label, the windows
overlapping the plan, and the one a page opens on by default."""

from __future__ import annotations

from datetime import date

from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan


def window_label(window: EvaluationWindow, year: int) -> str:
    return f"{window.name} {year}"


def plan_windows(plan: PerformancePlan) -> list[EvaluationWindow]:
    """The windows of the plan's period that overlap the plan, in order (one query)."""
    return list(
        EvaluationWindow.objects.filter(
            period_id=plan.period_id,
            end_date__gte=plan.start_date,
            start_date__lte=plan.end_date,
        ).order_by("number")
    )


def default_window(windows: list[EvaluationWindow], day: date) -> EvaluationWindow | None:
    """The window containing `day`, else the last started, else the first."""
    started = [w for w in windows if w.start_date <= day]
    for window in started:
        if window.end_date >= day:
            return window
    if started:
        return started[-1]
    return windows[0] if windows else None

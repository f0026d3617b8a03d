"""Which stages of a period allow what. Every app asks here, never compares states itself."""

from __future__ import annotations

from kinerja.periods.models import PerformancePeriod, PeriodState

PLANNING_STATES = frozenset({PeriodState.PLANNING, PeriodState.EXECUTION})
"""Plans are written and changed while the period is in planning or execution: an employee
who moves mid-year writes a second plan during execution."""


def period_planning_refusal(period: PerformancePeriod) -> str | None:
    """The sentence that refuses a plan change in `period`, or None when plans may change."""
    if period.state in PLANNING_STATES:
        return None
    return (
        f"{period.name} sedang pada tahap {period.get_state_display()}; SKP hanya dapat dibuat "
        "atau diubah pada tahap Perencanaan atau Pelaksanaan."
    )

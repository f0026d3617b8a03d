"""What the chain pages share: the period a page shows and its day, names and NIPs from plain
values, plan state labels and plan links."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404
from django.urls import reverse

from kinerja.people.holdings import today
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.selectors import period_current
from kinerja.planning.models import (
    PlanState,
)

# --- --------------------------------------------------------------------------


def period_for_view(*, period_id: int | None = None, day: date | None = None) -> PerformancePeriod:
    """The period a page shows: the one asked for (`?periode=`), else the current one
    (`periods.selectors.period_current`), else the latest; 404 when there is none."""
    if period_id is not None:
        chosen = PerformancePeriod.objects.filter(pk=period_id).first()
    else:
        chosen = (
            period_current(day=day)
            or PerformancePeriod.objects.order_by("is_trial", "-start_date", "pk").first()
        )
    if chosen is None:
        raise Http404("Belum ada periode penilaian.")
    return chosen


def period_day(period: PerformancePeriod, day: date | None = None) -> date:
    """The day whose chain of command a page of `period` shows: today, clipped to the period."""
    day = day or today()
    return min(max(day, period.start_date), period.end_date)


def state_labels() -> dict[str, str]:
    return {value: str(label) for value, label in PlanState.choices}


def plan_url_maker() -> Any:
    head, _, tail = reverse("planning:plan_detail", kwargs={"plan_id": 0}).rpartition("/0/")
    return lambda plan_id: f"{head}/{plan_id}/{tail}"


EMPLOYEE_FIELDS = ("title_prefix", "name", "title_suffix", "nip", "employment_type")

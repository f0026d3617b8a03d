"""What the card modules share: how many cards of one sort are shown, the states that count as
done, the texts (counts, shortened text, a window's label and due date) and the running plans
with their number of indicators filled by hand."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet

from kinerja.monitoring.models import RealizationState
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import window_close_date
from kinerja.planning.models import IndicatorSource, PerformancePlan
from kinerja.scoring.formatting import format_date_id, format_decimal

SHOWN = 5
"""At most this many cards of one sort (feedback requests asked of me, mine, dialogues,
actions); one more card says how many others there are."""

DONE_STATES = (RealizationState.SUBMITTED, RealizationState.ACCEPTED)


def num(count: int) -> str:
    return format_decimal(count, 0)


def shorten(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def window_label(window: EvaluationWindow) -> str:
    return f"{window.name} {window.period.year}"


def overlaps(plan: PerformancePlan, window: EvaluationWindow) -> bool:
    return (
        window.period_id == plan.period_id
        and window.start_date <= plan.end_date
        and window.end_date >= plan.start_date
    )


def due_text(window: EvaluationWindow, day: date) -> str:
    due = window.realization_due_date
    if due >= day:
        return f"Batas pengisian {format_date_id(due)}."
    return (
        f"Batas pengisian {format_date_id(due)} sudah lewat; realisasi masih diterima sebagai "
        f"terlambat sampai {format_date_id(window_close_date(window))}."
    )


def running_plans(query: Q, period_ids: Iterable[int]) -> QuerySet[PerformancePlan]:
    """Approved plans (a version in force) in the given periods, each with `manual`, its number
    of indicators filled by hand."""
    return (
        PerformancePlan.objects.filter(query, approved_version__isnull=False)
        .filter(period_id__in=list(period_ids))
        .annotate(
            manual=Count(
                "results__indicators",
                filter=Q(results__indicators__source=IndicatorSource.MANUAL),
            )
        )
        .order_by("period__year", "start_date", "pk")
    )


def manual_count(plan: PerformancePlan) -> int:
    """The `manual` annotation of `running_plans`."""
    return int(getattr(plan, "manual", 0))

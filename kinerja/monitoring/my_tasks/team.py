"""The appraiser's cards (and Pimpinan's for the plans the Wali Kota rates): realisations
waiting for my decision, one card with the count per employee, and my team's realisations not
submitted yet in an open window."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone

from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.my_tasks.common import (
    DONE_STATES,
    due_text,
    manual_count,
    num,
    overlaps,
    running_plans,
    window_label,
)
from kinerja.people.models import Employee
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.planning.models import IndicatorSource
from kinerja.scoring.formatting import format_date_id


def decider_query(employee_id: int | None, leader: bool, prefix: str = "") -> Q | None:
    query = Q(**{f"{prefix}appraiser_id": employee_id}) if employee_id is not None else None
    if leader:
        mayor = Q(**{f"{prefix}appraiser_is_mayor": True})
        query = mayor if query is None else query | mayor
    return query


def decision_cards(decider: Q) -> list[TaskItem]:
    waiting = list(
        Realization.objects.filter(decider, state=RealizationState.SUBMITTED)
        .exclude(plan__period__state=PeriodState.CLOSED)
        .values("plan__employee_id")
        .annotate(n=Count("id"), since=Min("submitted_at"))
        .order_by("since", "plan__employee_id")
    )
    if not waiting:
        return []
    names = {
        e.pk: e.full_name
        for e in Employee.objects.filter(pk__in=[row["plan__employee_id"] for row in waiting])
    }
    total = sum(row["n"] for row in waiting)
    parts = [f"{names.get(row['plan__employee_id'], '?')} ({num(row['n'])})" for row in waiting]
    shown = ", ".join(parts[:5]) + (
        f", dan {num(len(parts) - 5)} pegawai lain" if parts[5:] else ""
    )
    since = waiting[0]["since"]
    oldest = f" Terlama diajukan {format_date_id(timezone.localdate(since))}." if since else ""
    return [
        TaskItem(
            "Putuskan realisasi tim",
            f"{num(total)} realisasi menunggu keputusan Anda: {shown}.{oldest}",
            reverse("monitoring:realization_team"),
            "Periksa realisasi",
        )
    ]


def team_missing_cards(decider: Q, windows: list[EvaluationWindow], day: date) -> list[TaskItem]:
    if not windows:
        return []
    plans = list(
        running_plans(decider, {w.period_id for w in windows}).only(
            "pk", "period_id", "start_date", "end_date"
        )
    )
    if not plans:
        return []
    done = dict(
        Realization.objects.filter(
            plan__in=[p.pk for p in plans],
            window__in=windows,
            indicator__source=IndicatorSource.MANUAL,
            state__in=(*DONE_STATES, RealizationState.RETURNED),
        )
        .values("window_id")
        .annotate(n=Count("id"))
        .values_list("window_id", "n")
    )
    expected: dict[int, int] = defaultdict(int)
    for plan in plans:
        for window in windows:
            if overlaps(plan, window):
                expected[window.pk] += manual_count(plan)
    cards: list[TaskItem] = []
    for window in windows:
        missing = expected[window.pk] - done.get(window.pk, 0)
        if missing <= 0:
            continue
        late = window.realization_due_date < day
        state = "terlambat, belum diajukan" if late else "belum diajukan"
        cards.append(
            TaskItem(
                f"Realisasi tim {window_label(window)}",
                f"{num(missing)} dari {num(expected[window.pk])} realisasi tim Anda {state}. "
                f"{due_text(window, day)}",
                reverse("monitoring:realization_team"),
                "Lihat realisasi tim",
                urgent=late,
                kind=CardKind.WAITING,
            )
        )
    return cards

"""Cards on "Tugas saya" for objections, registered in AppealsConfig.ready().

- Appraiser: "Beri penjelasan keberatan": the objections awaiting their explanation, with how
  many are overdue and the earliest due date (one query).
- Decider: "Putuskan keberatan": the open objections they decide (the designated decider; for
  a Pimpinan user the Wali Kota's office's objections, except those of evaluations they set),
  with how many are overdue and the earliest due date (one query).
- Employee: one card per open objection of their own with its next step: answer the
  explanation (a task, optional, with its due date) or waiting for the explanation or the
  decision (with its due date) (one query).
A constant number of queries whatever the number of objections.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Min, Q
from django.urls import reverse

from kinerja.accounts.permissions import is_leader
from kinerja.appeals.models import OPEN_STATES, Objection, ObjectionState
from kinerja.appeals.reminders import filed_until
from kinerja.appeals.rules import (
    DECISION_DAYS,
    EXPLANATION_DAYS,
    answer_due,
    decision_due,
    explanation_due,
    local_day,
)
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.scoring.formatting import format_decimal


def _counts(where: Q, *, days: int, day: date) -> tuple[int, int, date | None]:
    """How many objections match, how many are past `days` after filing on `day`, and the
    earliest due date (one query)."""
    found = Objection.objects.filter(where).aggregate(
        n=Count("pk"),
        late=Count("pk", filter=Q(filed_at__lt=filed_until(day - timedelta(days=days + 1)))),
        first=Min("filed_at"),
    )
    first = found["first"]
    due = local_day(first) + timedelta(days=days) if first is not None else None
    return found["n"], found["late"], due


def _late_text(late: int) -> str:
    return f"; {format_decimal(late, 0)} di antaranya terlambat" if late else ""


def appraiser_cards(employee_id: int, day: date) -> list[TaskItem]:
    n, late, due = _counts(
        Q(state=ObjectionState.FILED, appraiser_id=employee_id), days=EXPLANATION_DAYS, day=day
    )
    if not n:
        return []
    return [
        TaskItem(
            "Beri penjelasan keberatan",
            f"{format_decimal(n, 0)} keberatan atas penilaian yang Anda tetapkan menunggu "
            f"penjelasan Anda sebagai pejabat penilai{_late_text(late)}.",
            reverse("appeals:objection_list"),
            "Buka keberatan",
            urgent=bool(late),
            due=due,
        )
    ]


def decider_cards(user: Any, employee_id: int | None, day: date) -> list[TaskItem]:
    where = Q(pk__in=[])
    if employee_id is not None:
        where |= Q(decider_id=employee_id)
    if is_leader(user):
        mayor = Q(decider_is_mayor=True) & ~Q(evaluation__rated_by_id=user.pk)
        if employee_id is not None:
            mayor &= ~Q(appraiser_id=employee_id)
        where |= mayor
    if employee_id is None and not is_leader(user):
        return []
    n, late, due = _counts(Q(state__in=OPEN_STATES) & where, days=DECISION_DAYS, day=day)
    if not n:
        return []
    return [
        TaskItem(
            "Putuskan keberatan",
            f"{format_decimal(n, 0)} keberatan menunggu keputusan Anda sebagai atasan pejabat "
            f"penilai{_late_text(late)}. Keputusan bersifat final.",
            reverse("appeals:objection_list"),
            "Buka keberatan",
            urgent=bool(late),
            due=due,
        )
    ]


def employee_cards(employee_id: int, day: date) -> list[TaskItem]:
    rows = (
        Objection.objects.filter(employee_id=employee_id, state__in=OPEN_STATES)
        .select_related("evaluation__window", "evaluation__plan__period")
        .order_by("filed_at", "pk")
    )
    cards = []
    for objection in rows:
        evaluation = objection.evaluation
        name = evaluation.window.name if evaluation.window else "Tahunan"
        what = f"Keberatan atas penilaian {name} {evaluation.plan.period.year}"
        url = reverse("appeals:objection_detail", kwargs={"objection_id": objection.pk})
        answer = answer_due(objection)
        if objection.state == ObjectionState.FILED and objection.appraiser_id is not None:
            due = explanation_due(objection)
            late = day > due
            cards.append(
                TaskItem(
                    what,
                    "Menunggu penjelasan pejabat penilai"
                    + (" (sudah lewat batas)." if late else "."),
                    url,
                    "Lihat keberatan",
                    kind=CardKind.WAITING,
                    due=due,
                )
            )
        elif answer is not None and objection.answered_at is None and day <= answer:
            cards.append(
                TaskItem(
                    "Tanggapi penjelasan pejabat penilai",
                    f"{what}: pejabat penilai sudah menjelaskan. Anda dapat menanggapinya "
                    "sekali (tidak wajib) sebelum atasan pejabat penilai memutus.",
                    url,
                    "Baca dan tanggapi",
                    due=answer,
                )
            )
        else:
            due = decision_due(objection)
            cards.append(
                TaskItem(
                    what,
                    "Menunggu keputusan atasan pejabat penilai"
                    + (" (sudah lewat batas)." if day > due else "."),
                    url,
                    "Lihat keberatan",
                    kind=CardKind.WAITING,
                    due=due,
                )
            )
    return cards


def appeals_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    day = today()
    employee_id = employee_id_for_user(user)
    cards: list[TaskItem] = []
    if employee_id is not None:
        cards += appraiser_cards(employee_id, day)
    cards += decider_cards(user, employee_id, day)
    if employee_id is not None:
        cards += employee_cards(employee_id, day)
    return cards

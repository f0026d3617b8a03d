"""Home cards of the periods app, for Admin BKPSDM: open this year's period when none covers
today, move a period on when its dates have passed, else the current period and its deadlines.

Registered in PeriodsConfig.ready() (kinerja.core.my_tasks); it replaces the people app's
"not open yet" card for periods.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import can_manage_city
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.people.holdings import today
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.rules import PLANNING_STATES
from kinerja.periods.selectors import period_current
from kinerja.scoring.formatting import format_date_id


def _detail(period: PerformancePeriod) -> str:
    return reverse("periods:period_detail", kwargs={"period_id": period.pk})


def periods_cards_for(user: Any) -> list[TaskItem]:
    if not can_manage_city(user):
        return []
    day = today()
    cards: list[TaskItem] = []
    overdue = PerformancePeriod.objects.filter(end_date__lt=day, state__in=PLANNING_STATES)
    for period in overdue.order_by("year", "pk")[:3]:
        cards.append(
            TaskItem(
                f"{period.name} sudah berakhir",
                f"Periode berakhir {format_date_id(period.end_date)} dan masih pada tahap "
                f"{period.get_state_display()}; majukan tahapnya sampai Evaluasi agar evaluasi "
                "tahunan dapat dimulai.",
                reverse("periods:period_stage", kwargs={"period_id": period.pk}),
                "Pindah tahap",
                urgent=True,
            )
        )
    current = period_current(day=day)
    if current is None or current.is_trial:
        cards.append(
            TaskItem(
                f"Periode penilaian {day.year} belum dibuka",
                "SKP tahun ini baru dapat disusun setelah periode penilaian dibuka, lengkap "
                "dengan evaluasi periodik dan batas waktunya.",
                reverse("periods:period_open"),
                "Buka periode",
                urgent=True,
            )
        )
    if current is not None:
        cards.append(
            TaskItem(
                "Periode penilaian",
                f"{current.name}: tahap {current.get_state_display()}. Batas penetapan SKP "
                f"{format_date_id(current.plan_due_date)}; batas evaluasi tahunan "
                f"{format_date_id(current.evaluation_due_date)}.",
                _detail(current),
                "Lihat periode",
                kind=CardKind.PLACE,
            )
        )
    return cards

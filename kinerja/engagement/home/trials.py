"""Home page cards of the trials part: for Admin BKPSDM, the trial periods to look after; for
an employee whose plan lies in a trial period running today, that their results are uji coba
and do not count. At most one query each."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kinerja.core.my_tasks import CardKind, HomeNotice, TaskItem
from kinerja.engagement.permissions import can_manage_trials
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.formatting import format_decimal


def notices_for(user: Any) -> list[HomeNotice]:
    return []


def _admin_cards() -> list[TaskItem]:
    count = PerformancePeriod.objects.filter(is_trial=True).count()
    if not count:
        return []
    return [
        TaskItem(
            title="Periode uji coba",
            description=(
                f"{format_decimal(count, 0)} periode uji coba: kosongkan hasilnya atau jadikan "
                "resmi setelah uji coba selesai."
            ),
            url=reverse("engagement:trial_list"),
            action_label="Kelola uji coba",
            kind=CardKind.PLACE,
        )
    ]


def _employee_cards(employee_id: int) -> list[TaskItem]:
    day = today()
    plan = (
        PerformancePlan.objects.filter(
            employee_id=employee_id,
            period__is_trial=True,
            period__start_date__lte=day,
            period__end_date__gte=day,
        )
        .select_related("period")
        .order_by("-start_date", "-pk")
        .first()
    )
    if plan is None:
        return []
    return [
        TaskItem(
            title="SKP Anda pada periode uji coba",
            description=(
                f"{plan.period.name} adalah uji coba: hasil penilaian Anda diberi label uji coba "
                "dan tidak dihitung dalam ekspor e-Kinerja maupun TPP."
            ),
            url=reverse("planning:plan_detail", kwargs={"plan_id": plan.pk}),
            action_label="Buka SKP",
            kind=CardKind.PLACE,
        )
    ]


def cards_for(user: Any) -> list[TaskItem]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if can_manage_trials(user):
        return _admin_cards()
    employee_id = employee_id_for_user(user)
    if employee_id is None:
        return []
    return _employee_cards(employee_id)

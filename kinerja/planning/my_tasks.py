"""Home cards of planning ("Tugas saya"): writing one's own SKP before the period's due date,
and deciding the SKP that subordinates submitted. Registered in PlanningConfig.ready().

Employee: while the current period is open for plans, "Susun SKP <year>" with the due date
when they have no plan, a draft, or a returned plan; once submitted, a card waiting for the
appraiser (CardKind.WAITING); once approved, a place card that says so. Appraiser (and
Pimpinan for plans the Wali Kota rates): one "Setujui SKP <name>" task for each submitted plan
they must decide, fetched in one query. Deadlines show on both (`TaskItem.due`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse

from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.people.permissions import team_chain_of
from kinerja.periods.models import PerformancePeriod
from kinerja.periods.rules import period_planning_refusal
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PerformancePlan, PlanState
from kinerja.planning.selectors import plans_awaiting_decision
from kinerja.scoring.formatting import format_date_id

SOON = timedelta(days=7)
_NOT_OPEN_OWN = (
    "SKP tahun ini",
    "Penyusunan SKP belum dibuka di Kinerja; rencana Anda tampil di sini setelah periode "
    "penilaian dibuka.",
)
_NOT_OPEN_TEAM = (
    "Persetujuan SKP bawahan",
    "Belum dibuka: SKP bawahan tampil di sini untuk Anda setujui setelah penyusunan SKP dibuka.",
)


def _due_text(period: PerformancePeriod) -> str:
    due = period.plan_due_date
    late = " (sudah lewat)" if due < today() else ""
    return f"Batas penetapan SKP: {format_date_id(due)}{late}."


def _urgent(period: PerformancePeriod) -> bool:
    return period.plan_due_date - SOON <= today()


def _own_cards(employee_id: int, period: PerformancePeriod) -> list[TaskItem]:
    plans = list(
        PerformancePlan.objects.filter(employee_id=employee_id, period=period)
        .select_related("appraiser")
        .order_by("-start_date", "-pk")
    )
    title = f"Susun SKP {period.year}"
    due = _due_text(period)
    if not plans:
        return [
            TaskItem(
                title,
                f"SKP Anda untuk {period.name} belum dimulai. {due}",
                reverse("planning:plan_list"),
                "Mulai SKP",
                urgent=_urgent(period),
                due=period.plan_due_date,
            )
        ]
    plan = plans[0]
    url = reverse("planning:plan_detail", kwargs={"plan_id": plan.pk})
    if plan.state == PlanState.DRAFT:
        return [
            TaskItem(
                title,
                f"Draf SKP Anda belum diajukan. {due}",
                url,
                "Lanjutkan SKP",
                urgent=_urgent(period),
                due=period.plan_due_date,
            )
        ]
    if plan.state == PlanState.RETURNED:
        return [
            TaskItem(
                title,
                f"SKP Anda dikembalikan pejabat penilai: perbaiki lalu ajukan kembali. {due}",
                url,
                "Perbaiki SKP",
                urgent=True,
                due=period.plan_due_date,
            )
        ]
    if plan.state == PlanState.SUBMITTED:
        who = plan.appraiser.full_name if plan.appraiser else "Wali Kota"
        text = f"Diajukan; menunggu persetujuan {sentence_end(who)} {due}"
        return [TaskItem(f"SKP {period.year}", text, url, "Buka SKP", kind=CardKind.WAITING)]
    version = f"versi {plan.approved_version}" if plan.approved_version else ""
    return [
        TaskItem(
            f"SKP {period.year}", f"Disetujui ({version}).", url, "Buka SKP", kind=CardKind.PLACE
        )
    ]


def _decision_cards(user: Any) -> list[TaskItem]:
    cards = []
    for plan in plans_awaiting_decision(actor=user):
        submitted = (
            f"Diajukan {format_date_id(plan.submitted_at.date())}. " if plan.submitted_at else ""
        )
        cards.append(
            TaskItem(
                f"Setujui SKP {plan.employee.full_name}",
                f"{submitted}{plan.position.name}, {plan.period.name}. {_due_text(plan.period)}",
                reverse("planning:plan_detail", kwargs={"plan_id": plan.pk}),
                "Periksa SKP",
                urgent=_urgent(plan.period),
                due=plan.period.plan_due_date,
            )
        )
    return cards


def _not_open_cards(user: Any) -> list[TaskItem]:
    """While no period is open for plans: say so, rather than "nothing to do"."""
    cards = [TaskItem(*_NOT_OPEN_OWN, kind=CardKind.NOT_OPEN)]
    chain = team_chain_of(user)
    if chain is not None and chain.subordinates:
        cards.append(TaskItem(*_NOT_OPEN_TEAM, kind=CardKind.NOT_OPEN))
    return cards


def planning_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    cards: list[TaskItem] = []
    employee_id = employee_id_for_user(user)
    if employee_id is not None:
        period = period_current()
        if period is not None and period_planning_refusal(period) is None:
            cards += _own_cards(employee_id, period)
        else:
            cards += _not_open_cards(user)
    return cards + _decision_cards(user)

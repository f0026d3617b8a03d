"""Cards on "Tugas saya": the employee's plan (to write, returned, coaching required, JP
progress), the appraiser's plans to agree and completions to confirm, coaching to schedule.

- Employee (their plan of the current period): a DRAFT plan to propose, a RETURNED plan to
  correct (urgent), a PROPOSED plan waiting for the appraiser; a coaching plan (urgent while its
  coaching has no dialogue scheduled); the year's JP below `JP_TARGET` from `JP_BEHIND_MONTH`
  on (only for an employee with a plan: the card follows what they planned).
- Appraiser (plans whose appraiser they are; a Pimpinan user for plans rated by the Wali Kota):
  plans to agree, completions to confirm, and the mandatory coaching plans, urgent while a
  coaching item has no dialogue ("jadwalkan").
A constant number of queries whatever the number of plans or items.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from kinerja.accounts.permissions import is_leader
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.learning.models import (
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
)
from kinerja.learning.selectors.jp import JpProgress, jp_by_employee
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.selectors import period_current
from kinerja.scoring.formatting import format_decimal

JP_BEHIND_MONTH = 10
"""From October on, a year's JP below the target is a task."""


def _unscheduled() -> Exists:
    """The plan has a coaching item without a dialogue."""
    return Exists(
        DevelopmentItem.objects.filter(
            plan=OuterRef("pk"), source=ItemSource.COACHING, dialogue__isnull=True
        )
    )


def _plan_url(plan_id: int) -> str:
    return reverse("learning:plan_detail", kwargs={"plan_id": plan_id})


def employee_cards(employee_id: int) -> list[TaskItem]:
    day = today()
    period = period_current(day=day)
    if period is None:
        return []
    plan = (
        DevelopmentPlan.objects.filter(employee_id=employee_id, period=period)
        .annotate(unscheduled=_unscheduled())
        .first()
    )
    if plan is None:
        return []
    url = _plan_url(plan.pk)
    cards: list[TaskItem] = []
    if plan.is_coaching:
        cards.append(
            TaskItem(
                "Bimbingan kinerja wajib",
                "Predikat kinerja Anda mewajibkan bimbingan kinerja (coaching) bersama pejabat "
                "penilai; kegiatannya ada di rencana pengembangan Anda"
                + (", jadwalnya menunggu pejabat penilai." if plan.unscheduled else "."),
                url,
                "Buka rencana",
                urgent=bool(plan.unscheduled),
            )
        )
    if plan.state == PlanState.DRAFT:
        cards.append(
            TaskItem(
                "Susun rencana pengembangan kompetensi",
                f"Rencana {period.name} masih draf: lengkapi kegiatannya lalu ajukan ke pejabat "
                "penilai.",
                url,
                "Lanjutkan rencana",
            )
        )
    elif plan.state == PlanState.RETURNED:
        cards.append(
            TaskItem(
                "Perbaiki rencana pengembangan kompetensi",
                f"Pejabat penilai mengembalikan rencana Anda: {plan.return_reason}".rstrip(": "),
                url,
                "Perbaiki rencana",
                urgent=True,
            )
        )
    elif plan.state == PlanState.PROPOSED:
        cards.append(
            TaskItem(
                "Rencana pengembangan kompetensi diajukan",
                "Menunggu kesepakatan pejabat penilai.",
                url,
                "Lihat rencana",
                kind=CardKind.WAITING,
            )
        )
    progress = JpProgress(jp_by_employee([employee_id], day.year)[employee_id])
    if day.month >= JP_BEHIND_MONTH and not progress.reached:
        cards.append(
            TaskItem(
                "Jam pelajaran tahun ini belum tercapai",
                f"{progress.label} dikonfirmasi; kurang {format_decimal(progress.missing, 1)} JP "
                f"sebelum akhir tahun {day.year}.",
                url,
                "Buka rencana",
            )
        )
    return cards


def appraiser_cards(user: Any, employee_id: int | None) -> list[TaskItem]:
    mine = Q(pk__in=[])
    if employee_id is not None:
        mine |= Q(appraiser_id=employee_id)
    if is_leader(user):
        mine |= Q(appraiser__isnull=True)
    if employee_id is None and not is_leader(user):
        return []
    if employee_id is not None:
        mine &= ~Q(employee_id=employee_id)
    found = DevelopmentPlan.objects.filter(mine).aggregate(
        proposed=Count("pk", filter=Q(state=PlanState.PROPOSED), distinct=True),
        coaching=Count("pk", filter=Q(is_coaching=True), distinct=True),
        unscheduled=Count(
            "pk",
            filter=Q(
                is_coaching=True,
                items__source=ItemSource.COACHING,
                items__dialogue__isnull=True,
            ),
            distinct=True,
        ),
        completed=Count("items", filter=Q(items__state=ItemState.COMPLETED), distinct=True),
    )
    index = reverse("learning:index")
    cards: list[TaskItem] = []
    if found["unscheduled"]:
        cards.append(
            TaskItem(
                "Jadwalkan bimbingan kinerja",
                f"{found['unscheduled']} pegawai yang Anda nilai wajib mendapat bimbingan kinerja "
                "(predikat Butuh Perbaikan atau lebih rendah) dan belum ada dialog bimbingan yang "
                "dijadwalkan.",
                index,
                "Buka Tim saya",
                urgent=True,
            )
        )
    elif found["coaching"]:
        cards.append(
            TaskItem(
                "Bimbingan kinerja wajib",
                f"{found['coaching']} pegawai yang Anda nilai menjalani bimbingan kinerja wajib.",
                index,
                "Buka Tim saya",
                kind=CardKind.PLACE,
            )
        )
    if found["proposed"]:
        cards.append(
            TaskItem(
                "Sepakati rencana pengembangan",
                f"{found['proposed']} rencana pengembangan kompetensi menunggu kesepakatan Anda.",
                index,
                "Buka Tim saya",
            )
        )
    if found["completed"]:
        cards.append(
            TaskItem(
                "Konfirmasi penyelesaian pengembangan",
                f"{found['completed']} kegiatan pengembangan selesai menunggu konfirmasi Anda "
                "(JP dihitung setelah dikonfirmasi).",
                index,
                "Buka Tim saya",
            )
        )
    return cards


def learning_cards_for(actor: Any) -> list[TaskItem]:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return []
    employee_id = employee_id_for_user(actor)
    cards = appraiser_cards(actor, employee_id)
    if employee_id is not None:
        cards += employee_cards(employee_id)
    return cards

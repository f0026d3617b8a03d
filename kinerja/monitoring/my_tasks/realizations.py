"""The employee's realisation cards: one per open window not all submitted yet, each returned
realisation to correct, the submitted ones waiting for the appraiser, and the plan's page."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse

from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.core.templatetags.kinerja_ui import sentence_end
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.my_tasks.common import (
    DONE_STATES,
    due_text,
    manual_count,
    num,
    overlaps,
    running_plans,
    shorten,
    window_label,
)
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import window_close_date
from kinerja.planning.models import IndicatorSource

NOT_OPEN_REALIZATIONS = TaskItem(
    "Realisasi dan bukti dukung",
    "Pengisian realisasi dibuka setelah SKP disetujui dan periode penilaian memasuki tahap "
    "Pelaksanaan.",
    kind=CardKind.NOT_OPEN,
)


def own_realization_cards(
    employee_id: int, windows: list[EvaluationWindow], day: date
) -> list[TaskItem]:
    period_ids = {w.period_id for w in windows}
    plans = list(
        running_plans(Q(employee_id=employee_id), period_ids).select_related("appraiser", "period")
    )
    if not plans:
        return [NOT_OPEN_REALIZATIONS]
    open_ids = [w.pk for w in windows]
    rows = list(
        Realization.objects.filter(plan__in=plans, indicator__source=IndicatorSource.MANUAL)
        .filter(Q(window_id__in=open_ids) | Q(state=RealizationState.SUBMITTED))
        .select_related("indicator", "window__period")
        .order_by("window__realization_due_date", "indicator__result__number", "indicator__number")
    )
    cards: list[TaskItem] = []
    for plan in plans:
        url = reverse("monitoring:realizations", kwargs={"plan_id": plan.pk})
        mine = [r for r in rows if r.plan_id == plan.pk]
        for window in (w for w in windows if overlaps(plan, w)):
            written = sum(
                1
                for r in mine
                if r.window_id == window.pk and r.state in (*DONE_STATES, RealizationState.RETURNED)
            )
            missing = manual_count(plan) - written
            if missing <= 0:
                continue
            late = window.realization_due_date < day
            cards.append(
                TaskItem(
                    f"Isi realisasi {window_label(window)}",
                    f"{num(missing)} dari {num(manual_count(plan))} indikator belum diajukan. "
                    f"{due_text(window, day)}",
                    url,
                    "Isi realisasi",
                    urgent=late,
                    due=window.realization_due_date,
                )
            )
        for r in mine:
            if r.state != RealizationState.RETURNED or r.window_id not in open_ids:
                continue
            reason = f" Alasan: {shorten(r.return_reason)}" if r.return_reason.strip() else ""
            cards.append(
                TaskItem(
                    f"Perbaiki realisasi {window_label(r.window)}",
                    f"Realisasi “{shorten(r.indicator.text, 60)}” dikembalikan pejabat "
                    f"penilai.{reason}",
                    reverse(
                        "monitoring:realization_edit",
                        kwargs={
                            "plan_id": plan.pk,
                            "window_id": r.window_id,
                            "indicator_id": r.indicator_id,
                        },
                    ),
                    "Perbaiki realisasi",
                    urgent=True,
                    due=window_close_date(r.window),
                    due_label="Batas akhir",
                )
            )
        submitted = [r for r in mine if r.state == RealizationState.SUBMITTED]
        if submitted:
            who = plan.appraiser.full_name if plan.appraiser else "Wali Kota (Pimpinan)"
            cards.append(
                TaskItem(
                    f"Realisasi SKP {plan.period.year} diajukan",
                    f"{num(len(submitted))} realisasi menunggu keputusan {sentence_end(who)}",
                    url,
                    "Lihat realisasi",
                    kind=CardKind.WAITING,
                )
            )
        cards.append(
            TaskItem(
                f"Realisasi SKP {plan.period.year}",
                "Realisasi, bukti dukung dan capaian per indikator pada setiap evaluasi periodik.",
                url,
                "Buka realisasi",
                kind=CardKind.PLACE,
            )
        )
    return cards

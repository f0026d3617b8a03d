"""Cards on "Tugas saya" for evaluation, registered in EvaluationConfig.ready().

Appraiser (and Pimpinan for the plans the Wali Kota rates):
- "Nilai kinerja tim": per period in Pelaksanaan or Evaluasi, the group that is due (the
  latest window whose realisations have closed; the year once the last window has closed)
  with the number of approved plans it covers that have no set evaluation yet; one card with
  the count, linking to /penilaian/ on that group.
Employee:
- "Terima hasil penilaian": one card per set evaluation not acknowledged yet.

Three queries for the appraiser's card and one for the employee's, whatever the size of the
team.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from django.urls import reverse

from kinerja.accounts.permissions import is_agency_admin, is_auditor, is_hr_admin, is_leader
from kinerja.core.my_tasks import CardKind, TaskItem
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import OBJECTION_DAYS, Scope
from kinerja.evaluation.selectors.common import PERIOD_PARAM, SCOPE_PARAM
from kinerja.evaluation.selectors.evaluations import RATING_STATES, decider_plans
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.models import EvaluationWindow, PerformancePeriod
from kinerja.periods.rules import window_close_date
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.formatting import format_decimal

SET_STATES = (EvaluationState.RATED, EvaluationState.ACKNOWLEDGED)


def _label(evaluation: Evaluation) -> str:
    return Scope(evaluation.plan.period, evaluation.window).label


def acknowledge_cards(employee_id: int) -> list[TaskItem]:
    """One card per set evaluation of mine that I have not acknowledged yet (one query)."""
    rows = (
        Evaluation.objects.filter(plan__employee_id=employee_id, state=EvaluationState.RATED)
        .select_related("plan__period", "window")
        .order_by("rated_at", "pk")
    )
    return [
        TaskItem(
            f"Terima hasil penilaian {_label(e)}",
            f"Pejabat penilai menetapkan predikat {e.get_predikat_display()}. Baca hasil dan "
            "alasannya, lalu nyatakan bahwa Anda telah menerimanya; jangka waktu keberatan "
            f"{OBJECTION_DAYS} hari dimulai sejak itu.",
            reverse("evaluation:evaluation_detail", kwargs={"evaluation_id": e.pk}),
            "Baca hasil",
        )
        for e in rows
    ]


def _due_scopes(windows: list[EvaluationWindow], day: date) -> dict[int, Scope]:
    """Per period, the group due for rating on `day`: the year once its last window has
    closed, else its latest closed window (none before the first window closes)."""
    by_period: dict[int, list[EvaluationWindow]] = defaultdict(list)
    for window in windows:
        by_period[window.period_id].append(window)
    due: dict[int, Scope] = {}
    for rows in by_period.values():
        rows.sort(key=lambda w: w.number)
        closed = [w for w in rows if window_close_date(w) < day]
        if not closed:
            continue
        period: PerformancePeriod = closed[-1].period
        due[period.pk] = Scope(period, None if closed[-1] is rows[-1] else closed[-1])
    return due


def _covers(plan: PerformancePlan, scope: Scope) -> bool:
    window = scope.window
    return window is None or (
        window.start_date <= plan.end_date and window.end_date >= plan.start_date
    )


def team_rating_cards(user: Any, day: date) -> list[TaskItem]:
    """The appraiser's card per period: plans of the due group without a set evaluation."""
    decider = decider_plans(user)
    if decider is None:
        return []
    plans = list(
        PerformancePlan.objects.filter(
            decider, approved_version__isnull=False, period__state__in=list(RATING_STATES)
        ).only("pk", "period_id", "start_date", "end_date")
    )
    if not plans:
        return []
    windows = list(
        EvaluationWindow.objects.filter(period_id__in={p.period_id for p in plans}).select_related(
            "period"
        )
    )
    due = _due_scopes(windows, day)
    covered = [p for p in plans if p.period_id in due and _covers(p, due[p.period_id])]
    if not covered:
        return []
    rated = {
        (plan_id, window_id)
        for plan_id, window_id in Evaluation.objects.filter(
            plan_id__in=[p.pk for p in covered], state__in=SET_STATES
        ).values_list("plan_id", "window_id")
    }
    missing: Counter[int] = Counter(
        p.period_id for p in covered if (p.pk, due[p.period_id].window_id) not in rated
    )
    cards = []
    for period_id, count in sorted(missing.items()):
        scope = due[period_id]
        url = (
            reverse("evaluation:evaluation_list")
            + f"?{PERIOD_PARAM}={scope.period.pk}&{SCOPE_PARAM}={scope.param}"
        )
        cards.append(
            TaskItem(
                "Nilai kinerja tim",
                f"{format_decimal(count, 0)} pegawai belum dinilai untuk {scope.label}: "
                "realisasinya sudah ditutup.",
                url,
                "Buka penilaian",
            )
        )
    return cards


def role_cards(user: Any) -> list[TaskItem]:
    """Where each stored role finds its part of evaluation (no query)."""
    if is_leader(user):
        return [
            TaskItem(
                "Predikat kinerja organisasi",
                "Tetapkan predikat setiap perangkat daerah per evaluasi periodik dan tahunan; "
                "kurva distribusi dan kalibrasi mengikutinya.",
                reverse("evaluation:organization_rating_list"),
                "Buka predikat organisasi",
                kind=CardKind.PLACE,
            )
        ]
    if is_auditor(user):
        return [
            TaskItem(
                "Pemeriksaan hasil evaluasi",
                "Sebaran predikat pegawai per perangkat daerah terhadap pedoman, sesi kalibrasi "
                "dan setiap pergeseran rating dengan alasannya.",
                reverse("evaluation:curve_index"),
                "Buka kurva distribusi",
                kind=CardKind.PLACE,
            )
        ]
    if is_hr_admin(user) or is_agency_admin(user):
        return [
            TaskItem(
                "Penilaian kinerja perangkat daerah",
                "Siapkan penilaian serentak dengan saran dari realisasi, pantau kurva "
                "distribusi, unduh dokumen penilaian, ekspor e-Kinerja dan lembar TPP.",
                reverse("evaluation:evaluation_prepare"),
                "Siapkan penilaian",
                kind=CardKind.PLACE,
            )
        ]
    return []


def evaluation_cards_for(user: Any) -> list[TaskItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    cards: list[TaskItem] = []
    employee_id = employee_id_for_user(user)
    if employee_id is not None:
        cards += acknowledge_cards(employee_id)
    cards += team_rating_cards(user, today())
    return cards + role_cards(user)

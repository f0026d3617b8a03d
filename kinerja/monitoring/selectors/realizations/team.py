"""The appraiser's team view: each plan the actor decides, with per window started so far the
realisations waiting for a decision, the missing and the late (five queries at any size)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_leader
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.selectors.realizations.windows import window_label
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import REALIZATION_STATES
from kinerja.planning.models import Indicator, PerformancePlan
from kinerja.planning.selectors import plan_queryset


@dataclass
class TeamWindowCell:
    window: EvaluationWindow
    label: str
    waiting: int
    missing: int
    late: int


@dataclass
class TeamPlanRow:
    plan: PerformancePlan
    cells: list[TeamWindowCell]

    @property
    def waiting(self) -> int:
        return sum(c.waiting for c in self.cells)

    @property
    def missing(self) -> int:
        return sum(c.missing for c in self.cells)

    @property
    def late(self) -> int:
        return sum(c.late for c in self.cells)

    @property
    def attention(self) -> list[TeamWindowCell]:
        return [c for c in self.cells if c.waiting or c.missing or c.late]


@dataclass
class TeamRealizations:
    rows: list[TeamPlanRow]

    @property
    def waiting(self) -> int:
        return sum(r.waiting for r in self.rows)

    @property
    def missing(self) -> int:
        return sum(r.missing for r in self.rows)

    @property
    def late(self) -> int:
        return sum(r.late for r in self.rows)


def realization_team_for_actor(*, actor: Actor, day: date | None = None) -> TeamRealizations:
    """Each approved plan the actor decides in a period in Pelaksanaan or Evaluasi, with, per
    window started so far, the realisations waiting for a decision, the missing and the late.
    Five queries at any size: the plans, the windows, the manual indicator counts, the
    realisation counts (GROUP BY), and none per plan."""
    day = day or today()
    me = employee_id_for_user(actor)
    condition = Q(appraiser_id=me) if me is not None else Q(pk__in=[])
    if is_leader(actor):
        condition |= Q(appraiser_is_mayor=True)
    plans = list(
        plan_queryset()
        .filter(condition, approved_version__isnull=False)
        .filter(period__state__in=list(REALIZATION_STATES))
        .order_by("employee__name", "pk")
    )
    if not plans:
        return TeamRealizations(rows=[])
    period_ids = {p.period_id for p in plans}
    windows = list(
        EvaluationWindow.objects.filter(period_id__in=period_ids, start_date__lte=day).order_by(
            "number"
        )
    )
    plan_ids = [p.pk for p in plans]
    manual = dict(
        Indicator.objects.filter(result__plan_id__in=plan_ids)
        .exclude(source="SATISFACTION_INDEX")
        .values("result__plan_id")
        .annotate(n=Count("pk"))
        .values_list("result__plan_id", "n")
    )
    counts = {
        (row["plan_id"], row["window_id"]): row
        for row in Realization.objects.filter(plan_id__in=plan_ids)
        .values("plan_id", "window_id")
        .annotate(
            waiting=Count("pk", filter=Q(state=RealizationState.SUBMITTED)),
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
        )
    }
    late_rows = Counter(
        (plan_id, window_id)
        for plan_id, window_id, submitted_at, due in Realization.objects.filter(
            plan_id__in=plan_ids, submitted_at__isnull=False
        ).values_list("plan_id", "window_id", "submitted_at", "window__realization_due_date")
        if submitted_at is not None and _local(submitted_at) > due
    )
    rows = []
    for plan in plans:
        cells = []
        for window in windows:
            if window.period_id != plan.period_id or window.end_date < plan.start_date:
                continue
            if window.start_date > plan.end_date:
                continue
            row = counts.get((plan.pk, window.pk), {})
            submitted = row.get("submitted", 0)
            missing = (
                max(0, manual.get(plan.pk, 0) - submitted)
                if day > window.realization_due_date
                else 0
            )
            cells.append(
                TeamWindowCell(
                    window=window,
                    label=window_label(window, plan.period.year),
                    waiting=row.get("waiting", 0),
                    missing=missing,
                    late=late_rows[(plan.pk, window.pk)],
                )
            )
        rows.append(TeamPlanRow(plan=plan, cells=cells))
    return TeamRealizations(rows=rows)


def _local(moment: datetime) -> date:
    return timezone.localdate(moment)

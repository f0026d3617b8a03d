"""Reads of realisations: a plan's realisations by window (the page and the API), one
realisation for its edit page, and the appraiser's team view.

Each selector fetches and authorises in one call; a plan the actor may not see is a 404. Lists
cost the same number of queries at any size: the page of a plan reads the plan, its windows,
its indicators, all its realisations, their evidence counts (one GROUP BY) and, only when an
indicator is sourced from a satisfaction index, the index values (two queries).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_leader
from kinerja.audit.models import AuditEvent
from kinerja.monitoring.models import Evidence, Realization, RealizationState
from kinerja.monitoring.permissions import (
    can_decide_realization,
    can_view_realizations,
    can_write_realization,
)
from kinerja.monitoring.realization_rules import (
    indicator_achievement,
    is_late,
    is_missing,
    is_self_filled,
)
from kinerja.monitoring.selectors.evidence import EvidenceItem, evidence_items
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import REALIZATION_STATES, window_realization_refusal
from kinerja.planning.models import Indicator, PerformancePlan
from kinerja.planning.selectors import (
    indicator_target_text,
    plan_get_for_actor,
    plan_queryset,
    plan_satisfaction_values,
)

NOT_FOUND = "Realisasi tidak ditemukan."

STATE_TONES: dict[str, str] = {
    RealizationState.DRAFT: "neutral",
    RealizationState.SUBMITTED: "info",
    RealizationState.RETURNED: "warning",
    RealizationState.ACCEPTED: "success",
}
SELF_FILLED_LABEL = "Terisi otomatis (IKM)"
NOT_WRITTEN_LABEL = "Belum diisi"


def window_label(window: EvaluationWindow, year: int) -> str:
    return f"{window.name} {year}"


def plan_windows(plan: PerformancePlan) -> list[EvaluationWindow]:
    """The windows of the plan's period that overlap the plan, in order (one query)."""
    return list(
        EvaluationWindow.objects.filter(
            period_id=plan.period_id,
            end_date__gte=plan.start_date,
            start_date__lte=plan.end_date,
        ).order_by("number")
    )


def default_window(windows: list[EvaluationWindow], day: date) -> EvaluationWindow | None:
    """The window containing `day`, else the last started, else the first."""
    started = [w for w in windows if w.start_date <= day]
    for window in started:
        if window.end_date >= day:
            return window
    if started:
        return started[-1]
    return windows[0] if windows else None


# --- the plan's page --------------------------------------------------------------------------


@dataclass
class WindowStatus:
    window: EvaluationWindow
    label: str
    selected: bool
    started: bool
    open: bool
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def summary(self) -> str:
        """A short status for the window picker: what is done and what is not."""
        if not self.started:
            return "Belum dimulai"
        parts = []
        for key, label in (
            (RealizationState.ACCEPTED, "diterima"),
            (RealizationState.SUBMITTED, "diajukan"),
            (RealizationState.RETURNED, "dikembalikan"),
            (RealizationState.DRAFT, "draf"),
            ("missing", "belum diisi lewat batas"),
            ("late", "terlambat"),
        ):
            if self.counts[key]:
                parts.append(f"{self.counts[key]} {label}")
        return ", ".join(parts) or "Belum ada isian"


@dataclass
class TrendPoint:
    label: str
    achievement: Decimal | None


@dataclass
class RealizationRow:
    indicator: Indicator
    result_label: str
    target_text: str
    realization: Realization | None
    self_filled: bool
    value: Decimal | None
    description: str
    achievement: Decimal | None
    state: str
    state_label: str
    tone: str
    late: bool
    missing: bool
    evidence_count: int
    url: str
    action_label: str
    trend: list[TrendPoint]


@dataclass
class RealizationPage:
    plan: PerformancePlan
    windows: list[WindowStatus]
    window: EvaluationWindow | None
    status: WindowStatus | None
    rows: list[RealizationRow]
    is_owner_view: bool = False

    @property
    def counts(self) -> Counter[str]:
        return self.status.counts if self.status else Counter()


def _realization_url(plan_id: int, window_id: int, indicator_id: int) -> str:
    return reverse(
        "monitoring:realization_edit",
        kwargs={"plan_id": plan_id, "window_id": window_id, "indicator_id": indicator_id},
    )


def plan_indicators(plan: PerformancePlan) -> list[Indicator]:
    """The plan's indicators with their result and service unit, in the document's order."""
    return list(
        Indicator.objects.filter(result__plan=plan)
        .select_related("result", "service_unit")
        .order_by("result__kind", "result__number", "number")
    )


def realization_page_for_actor(
    *, actor: Actor, plan_id: int, window_id: int | None = None, day: date | None = None
) -> RealizationPage:
    """The plan's realisations in one window (default: the one containing today, else the last
    started) with the window picker's status of every window and each indicator's trend of
    achievement over the windows. 404 unless the actor may see the plan or when `window_id` is
    not one of its windows."""
    day = day or today()
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    windows = plan_windows(plan)
    if window_id is not None:
        chosen = next((w for w in windows if w.pk == window_id), None)
        if chosen is None:
            raise Http404("Evaluasi periodik tidak ditemukan pada SKP ini.")
    else:
        chosen = default_window(windows, day)
    for window in windows:
        window.period = plan.period
    indicators = plan_indicators(plan)
    realizations = list(Realization.objects.filter(plan=plan))
    by_key = {(r.indicator_id, r.window_id): r for r in realizations}
    evidence = dict(
        Evidence.objects.filter(plan=plan)
        .values("realization_id")
        .annotate(n=Count("pk"))
        .values_list("realization_id", "n")
    )
    satisfaction = plan_satisfaction_values(plan=plan, indicators=indicators, day=day)
    year = plan.period.year

    def self_value(indicator: Indicator, window: EvaluationWindow) -> Decimal | None:
        for value in satisfaction.get(indicator.pk, []):
            if value.start == window.start_date and value.result is not None:
                return value.result.value
        return None

    statuses = []
    for window in windows:
        status = WindowStatus(
            window=window,
            label=window_label(window, year),
            selected=chosen is not None and window.pk == chosen.pk,
            started=window.start_date <= day,
            open=window_realization_refusal(window, day) is None,
        )
        for indicator in indicators:
            if is_self_filled(indicator):
                continue
            found = by_key.get((indicator.pk, window.pk))
            if found is not None:
                status.counts[found.state] += 1
                status.counts["late"] += is_late(found, window)
            if status.started and is_missing(found, window, day):
                status.counts["missing"] += 1
        statuses.append(status)

    rows = []
    if chosen is not None:
        for indicator in indicators:
            rows.append(
                _row(
                    plan=plan,
                    indicator=indicator,
                    window=chosen,
                    windows=[w for w in windows if w.start_date <= day],
                    by_key=by_key,
                    evidence=evidence,
                    self_value=self_value,
                    actor=actor,
                    day=day,
                    year=year,
                )
            )
    return RealizationPage(
        plan=plan,
        windows=statuses,
        window=chosen,
        status=next((s for s in statuses if s.selected), None),
        rows=rows,
    )


def _row(
    *,
    plan: PerformancePlan,
    indicator: Indicator,
    window: EvaluationWindow,
    windows: list[EvaluationWindow],
    by_key: dict[tuple[int, int], Realization],
    evidence: dict[int, int],
    self_value: object,
    actor: Actor,
    day: date,
    year: int,
) -> RealizationRow:
    assert callable(self_value)
    result = indicator.result
    kind = "utama" if result.kind == "UTAMA" else "tambahan"
    found = by_key.get((indicator.pk, window.pk))
    self_filled = is_self_filled(indicator)
    trend = []
    for past in windows:
        if self_filled:
            point = indicator_achievement(indicator, self_value(indicator, past))
        else:
            other = by_key.get((indicator.pk, past.pk))
            point = other.achievement if other is not None and other.submitted_at else None
        trend.append(TrendPoint(label=window_label(past, year), achievement=point))
    url = _realization_url(plan.pk, window.pk, indicator.pk)
    if self_filled:
        value = self_value(indicator, window)
        return RealizationRow(
            indicator=indicator,
            result_label=f"RHK {kind} {result.number}: {result.text}",
            target_text=indicator_target_text(indicator),
            realization=None,
            self_filled=True,
            value=value,
            description="",
            achievement=indicator_achievement(indicator, value),
            state="",
            state_label=SELF_FILLED_LABEL,
            tone="info",
            late=False,
            missing=False,
            evidence_count=0,
            url="",
            action_label="",
            trend=trend,
        )
    if found is not None:
        found.plan = plan
        found.indicator = indicator
        found.window = window
    if can_write_realization(actor, plan, window, found):
        action = "Ubah" if found is not None else "Isi"
    elif found is not None and can_decide_realization(actor, found):
        action = "Putuskan"
    elif found is not None:
        action = "Lihat"
    else:
        url, action = "", ""
    return RealizationRow(
        indicator=indicator,
        result_label=f"RHK {kind} {result.number}: {result.text}",
        target_text=indicator_target_text(indicator),
        realization=found,
        self_filled=False,
        value=found.value if found else None,
        description=found.description if found else "",
        achievement=found.achievement if found and found.submitted_at else None,
        state=found.state if found else "",
        state_label=found.get_state_display() if found else NOT_WRITTEN_LABEL,
        tone=STATE_TONES.get(found.state, "neutral") if found else "neutral",
        late=is_late(found, window),
        missing=is_missing(found, window, day),
        evidence_count=evidence.get(found.pk, 0) if found else 0,
        url=url,
        action_label=action,
        trend=trend,
    )


# --- one realisation ----------------------------------------------------------------------------


@dataclass
class RealizationDetail:
    plan: PerformancePlan
    window: EvaluationWindow
    indicator: Indicator
    realization: Realization | None
    evidence_items: list[EvidenceItem]
    history: list[AuditEvent]


def realization_get_for_actor(
    *, actor: Actor, plan_id: int, window_id: int, indicator_id: int
) -> RealizationDetail:
    """One indicator's realisation in one window (None when not written yet), with its
    evidence and its history (the audit events of the realisation); 404 unless the actor may
    see the plan, the window is one of the plan's and the indicator is the plan's."""
    plan = plan_get_for_actor(actor=actor, plan_id=plan_id)
    window = (
        EvaluationWindow.objects.filter(pk=window_id, period_id=plan.period_id)
        .filter(end_date__gte=plan.start_date, start_date__lte=plan.end_date)
        .first()
    )
    indicator = (
        Indicator.objects.filter(pk=indicator_id, result__plan=plan)
        .select_related("result", "service_unit")
        .first()
    )
    if window is None or indicator is None:
        raise Http404(NOT_FOUND)
    window.period = plan.period
    realization = Realization.objects.filter(indicator=indicator, window=window).first()
    evidence: list[EvidenceItem] = []
    history: list[AuditEvent] = []
    if realization is not None:
        realization.plan = plan
        realization.indicator = indicator
        realization.window = window
        evidence = evidence_items(realization.evidence.order_by("created_at", "pk"))
        history = list(
            AuditEvent.objects.filter(
                object_type=Realization._meta.label,
                object_id=str(realization.pk),
                action__in=[
                    "realization.submitted",
                    "realization.returned",
                    "realization.accepted",
                ],
            ).order_by("occurred_at", "pk")
        )
    return RealizationDetail(
        plan=plan,
        window=window,
        indicator=indicator,
        realization=realization,
        evidence_items=evidence,
        history=history,
    )


def realization_by_id_for_actor(*, actor: Actor, realization_id: int) -> Realization:
    """A realisation by id (API); 404 unless the actor may see its plan."""
    realization = (
        Realization.objects.select_related("indicator", "indicator__result", "window")
        .filter(pk=realization_id)
        .first()
    )
    if realization is None:
        raise Http404(NOT_FOUND)
    plan = plan_queryset().filter(pk=realization.plan_id).first()
    if plan is None or not can_view_realizations(actor, plan):
        raise Http404(NOT_FOUND)
    realization.plan = plan
    realization.window.period = plan.period
    return realization


# --- the appraiser's team ---------------------------------------------------------------------


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

"""The plan's realisation page (and its API): one window's rows, the window picker's status of
every window, and each indicator's trend of achievement over the windows started so far.

The same number of queries at any size: the plan, its windows, its indicators, all its
realisations, their evidence counts (one GROUP BY) and, only when an indicator is sourced from a
satisfaction index, the index values (two queries).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.http import Http404
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.monitoring.models import Evidence, Realization, RealizationState
from kinerja.monitoring.permissions import can_decide_realization, can_write_realization
from kinerja.monitoring.realization_rules import (
    indicator_achievement,
    is_late,
    is_missing,
    is_self_filled,
)
from kinerja.monitoring.selectors.realizations.windows import (
    default_window,
    plan_windows,
    window_label,
)
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow
from kinerja.periods.rules import window_realization_refusal
from kinerja.planning.models import Indicator, PerformancePlan
from kinerja.planning.selectors import (
    indicator_target_text,
    plan_get_for_actor,
    plan_satisfaction_values,
)

STATE_TONES: dict[str, str] = {
    RealizationState.DRAFT: "neutral",
    RealizationState.SUBMITTED: "info",
    RealizationState.RETURNED: "warning",
    RealizationState.ACCEPTED: "success",
}
SELF_FILLED_LABEL = "Terisi otomatis (IKM)"
NOT_WRITTEN_LABEL = "Belum diisi"


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

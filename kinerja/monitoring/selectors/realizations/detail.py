"""One realisation: for its edit page (with its evidence and its history) and by id for the
API. Each fetches and authorises in one call; what the actor may not see is a 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.audit.models import AuditEvent
from kinerja.monitoring.models import Realization
from kinerja.monitoring.permissions import can_view_realizations
from kinerja.monitoring.selectors.evidence import EvidenceItem, evidence_items
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import Indicator, PerformancePlan
from kinerja.planning.selectors import plan_get_for_actor, plan_queryset

NOT_FOUND = "Realisasi tidak ditemukan."


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

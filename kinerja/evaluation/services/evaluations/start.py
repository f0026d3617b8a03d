"""Opening an evaluation of a plan for a window or the year."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.permissions import NOT_APPRAISER, can_rate_plan
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.evaluation.selectors.evaluations import RATING_STATES
from kinerja.evaluation.services.evaluations.stored import evaluation_snapshot
from kinerja.evaluation.services.rows import evaluation_rows_build, evaluation_rows_save
from kinerja.evaluation.suggestions import plan_suggestions
from kinerja.monitoring.permissions import window_of_plan_refusal
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan
from kinerja.scoring.ratings import OrganizationPredikat


def _start_errors(plan: PerformancePlan, window: EvaluationWindow | None) -> dict[str, list[str]]:
    if plan.approved_version is None:
        return {"plan": ["Penilaian hanya dapat dimulai untuk SKP yang sudah disetujui."]}
    period = plan.period
    if period.state not in RATING_STATES:
        return {
            "plan": [
                f"{period.name} sedang pada tahap {period.get_state_display()}; penilaian "
                "hanya dapat dimulai pada tahap Pelaksanaan atau Evaluasi."
            ]
        }
    if window is not None:
        refusal = window_of_plan_refusal(plan, window)
        if refusal:
            return {"window": [refusal]}
    return {}


def _existing(plan: PerformancePlan, window: EvaluationWindow | None) -> Evaluation | None:
    found = Evaluation.objects.filter(plan_id=plan.pk)
    if window is None:
        return found.filter(window__isnull=True).first()
    return found.filter(window_id=window.pk).first()


def evaluation_start(
    *, actor: Actor, plan: PerformancePlan, window: EvaluationWindow | None
) -> Evaluation:
    """Open (or return the existing) evaluation of `plan` for `window` (None: the year), with
    a rating row per result carrying its suggestion and a row per core value
    [evaluation.started]. Only the deciding side, on an approved plan, for a window of the
    plan, while the period is in Pelaksanaan or Evaluasi."""
    if actor is not None and not can_rate_plan(actor, plan):
        raise PermissionDenied(NOT_APPRAISER)
    existing = _existing(plan, window)
    if existing is not None:
        return existing
    errors = _start_errors(plan, window)
    if errors:
        raise ValidationError(errors)
    if window is not None:
        window.period = plan.period
    scope = Scope(plan.period, window)
    with transaction.atomic():
        PerformancePlan.objects.select_for_update().filter(pk=plan.pk).first()
        existing = _existing(plan, window)
        if existing is not None:
            return existing
        head = plan.position.is_head_of_agency
        organization = None
        if head:
            found = organization_rating_for(agency_id=plan.position.agency_id, scope=scope)
            organization = OrganizationPredikat(found.predikat) if found else None
        suggestions = plan_suggestions(plan_ids=[plan.pk], scope=scope)[plan.pk]
        rows = evaluation_rows_build(
            plan=plan,
            scope=scope,
            suggestions=suggestions,
            organization=organization,
            is_head_of_agency=head,
        )
        (evaluation,) = evaluation_rows_save([rows])
        evaluation.plan = plan
        evaluation.window = window
        audit_record(
            actor=actor,
            action="evaluation.started",
            obj=evaluation,
            after=evaluation_snapshot(evaluation),
        )
    return evaluation

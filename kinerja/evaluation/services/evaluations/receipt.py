"""The employee's receipt of a set evaluation; the objection window starts."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.permissions import NOT_OWNER, evaluation_acknowledge_refusal
from kinerja.evaluation.services.evaluations.stored import (
    evaluation_scope,
    evaluation_url,
    refresh_from,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify


def evaluation_acknowledge(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """The employee acknowledges receipt; the objection window starts [evaluation.acknowledged].
    The appraiser is told (nobody for a plan the Wali Kota rates)."""
    refusal = evaluation_acknowledge_refusal(actor, evaluation)
    if refusal == NOT_OWNER:
        raise PermissionDenied(refusal)
    if refusal:
        raise ValidationError({"state": [refusal]})
    plan = evaluation.plan
    with transaction.atomic():
        fresh = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        fresh.plan = plan
        refusal = evaluation_acknowledge_refusal(actor, fresh)
        if refusal:
            raise ValidationError({"state": [refusal]})
        before = {"state": fresh.state, "acknowledged_at": None}
        fresh.state = EvaluationState.ACKNOWLEDGED
        fresh.acknowledged_at = timezone.now()
        fresh.save(update_fields=["state", "acknowledged_at", "updated_at"])
        audit_record(
            actor=actor,
            action="evaluation.acknowledged",
            obj=fresh,
            before=before,
            after={"state": fresh.state, "acknowledged_at": fresh.acknowledged_at},
        )
        appraiser = None if plan.appraiser_is_mayor or plan.appraiser is None else plan.appraiser
        notify(
            recipient_ids=[appraiser.user_id if appraiser is not None else None],
            kind=NotificationKind.EVALUATION_ACKNOWLEDGED,
            title=f"Hasil penilaian {plan.employee.full_name} diterima",
            text=(
                f"{plan.employee.full_name} menyatakan telah menerima hasil penilaian "
                f"{evaluation_scope(fresh).label}."
            ),
            url=evaluation_url(fresh),
        )
    refresh_from(evaluation, fresh)
    return evaluation

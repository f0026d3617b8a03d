"""Setting (tetapkan) the draft: everything rated and reasoned; the employee is told."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.hooks import predikat_hooks_run
from kinerja.evaluation.models import BehaviorRating, Evaluation, EvaluationState, ResultRating
from kinerja.evaluation.rules import rating_early_refusal, rating_errors, reason_errors
from kinerja.evaluation.services.evaluations.inputs import (
    behavior_field,
    result_field,
    result_label,
    result_reason_field,
)
from kinerja.evaluation.services.evaluations.stored import (
    apply_suggestions,
    evaluation_scope,
    evaluation_snapshot,
    evaluation_url,
    ordered_result_ratings,
    refresh_from,
    require_rater,
)
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.holdings import today
from kinerja.planning.selectors import core_values


def evaluation_set_errors(
    evaluation: Evaluation, results: list[ResultRating], behaviors: list[BehaviorRating]
) -> dict[str, list[str]]:
    """Everything that keeps a draft from being set: a missing rating, a departure from a
    suggestion without a reason, realisations still open without an early reason, a head of
    agency without the organisation predikat."""
    errors: dict[str, list[str]] = {}
    for row in results:
        label = result_label(row)
        errors.update(rating_errors(result_field(row.result_id), label, row.rating, required=True))
        errors.update(
            reason_errors(
                field=result_reason_field(row.result_id),
                label=label,
                rating=row.rating,
                suggestion=row.suggestion,
                reason=row.reason,
            )
        )
    names = {value.code: value.name for value in core_values()}
    for behavior in behaviors:
        label = f"rating nilai dasar {names.get(behavior.core_value, behavior.core_value).lower()}"
        errors.update(
            rating_errors(
                behavior_field(behavior.core_value), label, behavior.rating, required=True
            )
        )
    if evaluation.results_from_organization and not evaluation.results_rating:
        scope = evaluation_scope(evaluation)
        errors["results_rating"] = [
            f"Predikat kinerja organisasi {evaluation.plan.position.agency.name} untuk "
            f"{scope.label} belum ditetapkan Pimpinan; rating hasil kerja kepala perangkat "
            "daerah mengikuti predikat itu, jadi penilaian belum dapat ditetapkan."
        ]
    else:
        errors.update(
            rating_errors(
                "results_rating", "rating hasil kerja", evaluation.results_rating, required=True
            )
        )
        errors.update(
            reason_errors(
                field="results_reason",
                label="rating hasil kerja",
                rating=evaluation.results_rating,
                suggestion=evaluation.results_suggestion,
                reason=evaluation.results_reason,
            )
        )
    errors.update(
        rating_errors(
            "behavior_rating", "rating perilaku kerja", evaluation.behavior_rating, required=True
        )
    )
    errors.update(
        reason_errors(
            field="behavior_reason",
            label="rating perilaku kerja",
            rating=evaluation.behavior_rating,
            suggestion=evaluation.behavior_suggestion,
            reason=evaluation.behavior_reason,
        )
    )
    early = rating_early_refusal(evaluation_scope(evaluation), today(), evaluation.early_reason)
    if early:
        errors["early_reason"] = [early]
    return errors


def evaluation_set(*, actor: Actor, evaluation: Evaluation) -> Evaluation:
    """Set (tetapkan) the draft: every rating present, every departure reasoned, realisations
    closed or an early reason; the employee is told [evaluation.rated]."""
    require_rater(actor, evaluation)
    plan = evaluation.plan
    with transaction.atomic():
        fresh = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        fresh.plan = plan
        fresh.window = evaluation.window
        require_rater(actor, fresh)
        results = ordered_result_ratings(fresh)
        behaviors = list(fresh.behavior_ratings.all())
        before = evaluation_snapshot(fresh)
        apply_suggestions(fresh, results, behaviors)
        errors = evaluation_set_errors(fresh, results, behaviors)
        if errors:
            raise ValidationError(errors)
        fresh.state = EvaluationState.RATED
        fresh.rated_at = timezone.now()
        fresh.rated_by = actor
        fresh.appraiser_id = plan.appraiser_id
        fresh.save()
        audit_record(
            actor=actor,
            action="evaluation.rated",
            obj=fresh,
            before=before,
            after=evaluation_snapshot(fresh),
        )
        predikat_hooks_run(actor=actor, evaluation=fresh)
        label = evaluation_scope(fresh).label
        notify(
            recipient_ids=[plan.employee.user_id],
            kind=NotificationKind.EVALUATION_RATED,
            title=f"Hasil penilaian {label} ditetapkan",
            text=(
                f"Predikat kinerja Anda: {fresh.get_predikat_display()}. Baca hasil dan "
                "alasannya, lalu nyatakan bahwa Anda telah menerimanya."
            ),
            url=evaluation_url(fresh),
        )
    refresh_from(evaluation, fresh)
    return evaluation

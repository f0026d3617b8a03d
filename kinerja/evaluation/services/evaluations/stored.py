"""The stored evaluation as the services read and recompute it: its scope and address, the
audit snapshot, the result rows in order, the overall suggestions and predikat recomputed
from the ratings, and the checks every write starts with."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.evaluation.models import BehaviorRating, Evaluation, EvaluationState, ResultRating
from kinerja.evaluation.permissions import evaluation_rate_refusal
from kinerja.evaluation.rules import REASON_MAX, Scope, evaluation_change_refusal, predikat_for
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.evaluation.suggestions import results_suggestion
from kinerja.scoring.achievement import ResultKind
from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.suggestions import Suggestion, suggest_behavior_rating


def evaluation_scope(evaluation: Evaluation) -> Scope:
    return Scope(evaluation.plan.period, evaluation.window)


def evaluation_url(evaluation: Evaluation) -> str:
    return reverse("evaluation:evaluation_detail", kwargs={"evaluation_id": evaluation.pk})


def evaluation_snapshot(evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation with every rating, for the audit trail (before and after)."""
    return {
        "state": evaluation.state,
        "results_rating": evaluation.results_rating,
        "results_suggestion": evaluation.results_suggestion,
        "results_reason": evaluation.results_reason,
        "behavior_rating": evaluation.behavior_rating,
        "behavior_suggestion": evaluation.behavior_suggestion,
        "behavior_reason": evaluation.behavior_reason,
        "predikat": evaluation.predikat,
        "early_reason": evaluation.early_reason,
        "result_ratings": {
            str(row.result_id): {"rating": row.rating, "reason": row.reason}
            for row in sorted(evaluation.result_ratings.all(), key=lambda r: r.result_id)
        },
        "behavior_ratings": {
            row.core_value: {"rating": row.rating, "note": row.note}
            for row in sorted(evaluation.behavior_ratings.all(), key=lambda r: r.core_value)
        },
    }


def ordered_result_ratings(evaluation: Evaluation) -> list[ResultRating]:
    """The result rows, main results first, then by number (one query)."""
    rows = list(evaluation.result_ratings.select_related("result"))
    return sorted(
        rows,
        key=lambda r: (r.result.kind != ResultKind.UTAMA.value, r.result.number, r.result_id),
    )


def organization_of(evaluation: Evaluation) -> OrganizationPredikat | None:
    found = organization_rating_for(
        agency_id=evaluation.plan.position.agency_id, scope=evaluation_scope(evaluation)
    )
    return OrganizationPredikat(found.predikat) if found else None


def _results_overall(evaluation: Evaluation, rows: list[ResultRating]) -> Suggestion | None:
    if evaluation.results_from_organization:
        return results_suggestion([], organization=organization_of(evaluation), head_of_agency=True)
    return results_suggestion([(row.result.kind, row.rating or row.suggestion) for row in rows])


def _behavior_overall(rows: list[BehaviorRating]) -> Suggestion | None:
    rated = [Rating(row.rating) for row in rows if row.rating]
    return suggest_behavior_rating(rated) if rated else None


def apply_suggestions(
    evaluation: Evaluation, results: list[ResultRating], behaviors: list[BehaviorRating]
) -> None:
    """Recompute the overall suggestions (and, for a head of agency, the results rating that
    follows the organisation predikat) and the predikat from the stored ratings."""
    overall = _results_overall(evaluation, results)
    evaluation.results_suggestion = overall.rating.value if overall else ""
    evaluation.results_suggestion_text = overall.explanation if overall else ""
    if evaluation.results_from_organization:
        evaluation.results_rating = evaluation.results_suggestion
        evaluation.results_reason = ""
    behavior = _behavior_overall(behaviors)
    evaluation.behavior_suggestion = behavior.rating.value if behavior else ""
    evaluation.behavior_suggestion_text = behavior.explanation if behavior else ""
    found = predikat_for(evaluation.results_rating, evaluation.behavior_rating)
    evaluation.predikat = found.value if found else ""


def length_errors(field: str, label: str, text: str) -> dict[str, list[str]]:
    if len(text) <= REASON_MAX:
        return {}
    return {
        field: [
            f"{label} terlalu panjang ({len(text)} karakter); paling banyak {REASON_MAX} karakter."
        ]
    }


def require_rater(actor: Actor, evaluation: Evaluation) -> None:
    if actor is not None:
        refuse(evaluation_rate_refusal(actor, evaluation))
    elif evaluation.state != EvaluationState.DRAFT:
        raise PermissionDenied("Hasil penilaian ini sudah ditetapkan.")
    refusal = evaluation_change_refusal(evaluation)
    if refusal:
        raise ValidationError({"state": [refusal]})


def refresh_from(target: Evaluation, source: Evaluation) -> None:
    for field in (
        "state",
        "results_rating",
        "results_suggestion",
        "results_suggestion_text",
        "results_reason",
        "behavior_rating",
        "behavior_suggestion",
        "behavior_suggestion_text",
        "behavior_reason",
        "predikat",
        "early_reason",
        "appraiser_id",
        "rated_by_id",
        "rated_at",
        "acknowledged_at",
        "updated_at",
    ):
        setattr(target, field, getattr(source, field))

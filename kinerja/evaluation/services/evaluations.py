"""The appraiser's evaluation of a plan for a window or the year, and the employee's receipt.

Rights are asked of `kinerja.evaluation.permissions` (only the deciding side rates; only the
employee acknowledges), the stage and lock rules of `kinerja.evaluation.rules`. Each service
checks, validates, then writes in one transaction with its audit event
(`evaluation.started|saved|rated|acknowledged`) and, when the other side must know, a
notification. Errors name the form field they belong to (`result_field` and friends), so the
page shows each sentence under its field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import refuse
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import (
    BehaviorRating,
    Evaluation,
    EvaluationState,
    ResultRating,
)
from kinerja.evaluation.permissions import (
    NOT_APPRAISER,
    NOT_OWNER,
    can_rate_plan,
    evaluation_acknowledge_refusal,
    evaluation_rate_refusal,
)
from kinerja.evaluation.rules import (
    REASON_MAX,
    Scope,
    evaluation_change_refusal,
    predikat_for,
    rating_early_refusal,
    rating_errors,
    reason_errors,
)
from kinerja.evaluation.selectors.distribution import organization_rating_for
from kinerja.evaluation.selectors.evaluations import RATING_STATES
from kinerja.evaluation.services.rows import evaluation_rows_build, evaluation_rows_save
from kinerja.evaluation.suggestions import plan_suggestions, results_suggestion
from kinerja.monitoring.permissions import window_of_plan_refusal
from kinerja.notifications.models import NotificationKind
from kinerja.notifications.services import notify
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan
from kinerja.planning.selectors import core_values
from kinerja.scoring.achievement import ResultKind
from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.suggestions import Suggestion, suggest_behavior_rating


@dataclass(frozen=True)
class ResultInput:
    """The appraiser's rating of one result and the reason when it departs from the
    suggestion."""

    result_id: int
    rating: str
    reason: str = ""


@dataclass(frozen=True)
class BehaviorInput:
    core_value: str
    rating: str
    note: str = ""


# --- field names shared with the form ------------------------------------------------------


def result_field(result_id: int) -> str:
    return f"result_{result_id}"


def result_reason_field(result_id: int) -> str:
    return f"result_reason_{result_id}"


def behavior_field(code: str) -> str:
    return f"behavior_{code}"


def behavior_note_field(code: str) -> str:
    return f"behavior_note_{code}"


# --- what is shown and stored --------------------------------------------------------------


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


def result_label(row: ResultRating) -> str:
    """How a refusal names a result: "rating hasil kerja utama 2" (lower case: the rules
    capitalise the first letter of the sentence)."""
    kind = "utama" if row.result.kind == ResultKind.UTAMA.value else "tambahan"
    return f"rating hasil kerja {kind} {row.result.number}"


def ordered_result_ratings(evaluation: Evaluation) -> list[ResultRating]:
    """The result rows, main results first, then by number (one query)."""
    rows = list(evaluation.result_ratings.select_related("result"))
    return sorted(
        rows,
        key=lambda r: (r.result.kind != ResultKind.UTAMA.value, r.result.number, r.result_id),
    )


def _organization(evaluation: Evaluation) -> OrganizationPredikat | None:
    found = organization_rating_for(
        agency_id=evaluation.plan.position.agency_id, scope=evaluation_scope(evaluation)
    )
    return OrganizationPredikat(found.predikat) if found else None


def _results_overall(evaluation: Evaluation, rows: list[ResultRating]) -> Suggestion | None:
    if evaluation.results_from_organization:
        return results_suggestion([], organization=_organization(evaluation), head_of_agency=True)
    return results_suggestion([(row.result.kind, row.rating or row.suggestion) for row in rows])


def _behavior_overall(rows: list[BehaviorRating]) -> Suggestion | None:
    rated = [Rating(row.rating) for row in rows if row.rating]
    return suggest_behavior_rating(rated) if rated else None


def _apply_suggestions(
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


def _length_errors(field: str, label: str, text: str) -> dict[str, list[str]]:
    if len(text) <= REASON_MAX:
        return {}
    return {
        field: [
            f"{label} terlalu panjang ({len(text)} karakter); paling banyak {REASON_MAX} karakter."
        ]
    }


def _require_rater(actor: Actor, evaluation: Evaluation) -> None:
    if actor is not None:
        refuse(evaluation_rate_refusal(actor, evaluation))
    elif evaluation.state != EvaluationState.DRAFT:
        raise PermissionDenied("Hasil penilaian ini sudah ditetapkan.")
    refusal = evaluation_change_refusal(evaluation)
    if refusal:
        raise ValidationError({"state": [refusal]})


# --- start ---------------------------------------------------------------------------------


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


# --- save ----------------------------------------------------------------------------------


def _input_errors(
    *,
    rows: dict[int, ResultRating],
    results: list[ResultInput],
    behaviors: list[BehaviorInput],
    values: dict[str, str],
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    unknown = sorted({str(item.result_id) for item in results if item.result_id not in rows})
    if unknown:
        errors["results"] = [
            f"RHK {', '.join(unknown)} bukan rencana hasil kerja dalam penilaian ini; nilai "
            "hanya RHK yang tercantum."
        ]
    codes = {value.code for value in core_values()}
    strange = sorted({item.core_value[:40] for item in behaviors if item.core_value not in codes})
    if strange:
        errors["behaviors"] = [
            f"Nilai dasar {', '.join(strange)} tidak dikenal; pilih salah satu dari "
            f"{', '.join(sorted(codes))}."
        ]
    for item in results:
        row = rows.get(item.result_id)
        if row is None:
            continue
        label = result_label(row)
        errors.update(
            rating_errors(result_field(row.result_id), label, item.rating, required=False)
        )
        errors.update(
            _length_errors(result_reason_field(row.result_id), f"Alasan {label}", item.reason)
        )
    names = {value.code: value.name for value in core_values()}
    for behavior in behaviors:
        code = behavior.core_value
        if code not in codes:
            continue
        label = f"rating nilai dasar {names[code].lower()}"
        errors.update(rating_errors(behavior_field(code), label, behavior.rating, required=False))
        errors.update(_length_errors(behavior_note_field(code), f"Catatan {label}", behavior.note))
    errors.update(
        rating_errors(
            "results_rating", "rating hasil kerja", values["results_rating"], required=False
        )
    )
    errors.update(
        rating_errors(
            "behavior_rating", "rating perilaku kerja", values["behavior_rating"], required=False
        )
    )
    for field, label in (
        ("results_reason", "Alasan rating hasil kerja"),
        ("behavior_reason", "Alasan rating perilaku kerja"),
        ("early_reason", "Alasan menilai lebih awal"),
    ):
        errors.update(_length_errors(field, label, values[field]))
    return errors


def evaluation_save(
    *,
    actor: Actor,
    evaluation: Evaluation,
    results: list[ResultInput],
    behaviors: list[BehaviorInput],
    results_rating: str,
    results_reason: str,
    behavior_rating: str,
    behavior_reason: str,
    early_reason: str = "",
) -> Evaluation:
    """Save the draft's ratings (anything may still be missing); refuses bad values
    [evaluation.saved]. Stores the overall suggestions recomputed from the ratings and the
    predikat of the two overall ratings. A head of agency's results rating follows the
    organisation predikat, whatever is sent."""
    _require_rater(actor, evaluation)
    values = {
        "results_rating": results_rating.strip(),
        "results_reason": results_reason.strip(),
        "behavior_rating": behavior_rating.strip(),
        "behavior_reason": behavior_reason.strip(),
        "early_reason": early_reason.strip(),
    }
    rows = {row.result_id: row for row in ordered_result_ratings(evaluation)}
    errors = _input_errors(rows=rows, results=results, behaviors=behaviors, values=values)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        fresh = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        fresh.plan = evaluation.plan
        fresh.window = evaluation.window
        _require_rater(actor, fresh)
        before = evaluation_snapshot(fresh)
        result_rows = ordered_result_ratings(fresh)
        by_id = {row.result_id: row for row in result_rows}
        for given in results:
            row = by_id[given.result_id]
            row.rating = given.rating.strip()
            row.reason = given.reason.strip()
        ResultRating.objects.bulk_update(result_rows, ["rating", "reason"])
        behavior_rows = list(fresh.behavior_ratings.all())
        by_code = {row.core_value: row for row in behavior_rows}
        for behavior in behaviors:
            target = by_code.get(behavior.core_value)
            if target is None:
                target = BehaviorRating.objects.create(
                    evaluation=fresh, core_value=behavior.core_value
                )
                behavior_rows.append(target)
                by_code[behavior.core_value] = target
            target.rating = behavior.rating.strip()
            target.note = behavior.note.strip()
        BehaviorRating.objects.bulk_update(behavior_rows, ["rating", "note"])
        for field, value in values.items():
            setattr(fresh, field, value)
        _apply_suggestions(fresh, result_rows, behavior_rows)
        fresh.save()
        audit_record(
            actor=actor,
            action="evaluation.saved",
            obj=fresh,
            before=before,
            after=evaluation_snapshot(fresh),
        )
    _refresh(evaluation, fresh)
    return evaluation


def _refresh(target: Evaluation, source: Evaluation) -> None:
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


# --- set -----------------------------------------------------------------------------------


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
    _require_rater(actor, evaluation)
    plan = evaluation.plan
    with transaction.atomic():
        fresh = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        fresh.plan = plan
        fresh.window = evaluation.window
        _require_rater(actor, fresh)
        results = ordered_result_ratings(fresh)
        behaviors = list(fresh.behavior_ratings.all())
        before = evaluation_snapshot(fresh)
        _apply_suggestions(fresh, results, behaviors)
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
    _refresh(evaluation, fresh)
    return evaluation


# --- acknowledge ---------------------------------------------------------------------------


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
    _refresh(evaluation, fresh)
    return evaluation

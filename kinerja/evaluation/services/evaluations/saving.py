"""Saving the appraiser's draft: any rating may still be missing, bad values are refused."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.evaluation.models import BehaviorRating, Evaluation, ResultRating
from kinerja.evaluation.rules import rating_errors
from kinerja.evaluation.services.evaluations.inputs import (
    BehaviorInput,
    ResultInput,
    behavior_field,
    behavior_note_field,
    result_field,
    result_label,
    result_reason_field,
)
from kinerja.evaluation.services.evaluations.stored import (
    apply_suggestions,
    evaluation_snapshot,
    length_errors,
    ordered_result_ratings,
    refresh_from,
    require_rater,
)
from kinerja.planning.selectors import core_values


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
            length_errors(result_reason_field(row.result_id), f"Alasan {label}", item.reason)
        )
    names = {value.code: value.name for value in core_values()}
    for behavior in behaviors:
        code = behavior.core_value
        if code not in codes:
            continue
        label = f"rating nilai dasar {names[code].lower()}"
        errors.update(rating_errors(behavior_field(code), label, behavior.rating, required=False))
        errors.update(length_errors(behavior_note_field(code), f"Catatan {label}", behavior.note))
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
        errors.update(length_errors(field, label, values[field]))
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
    require_rater(actor, evaluation)
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
        require_rater(actor, fresh)
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
        apply_suggestions(fresh, result_rows, behavior_rows)
        fresh.save()
        audit_record(
            actor=actor,
            action="evaluation.saved",
            obj=fresh,
            before=before,
            after=evaluation_snapshot(fresh),
        )
    refresh_from(evaluation, fresh)
    return evaluation

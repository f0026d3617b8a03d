"""The rater's answers: saved as a draft (autosave) or sent, editable until the due date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import AnswerSheet, BehaviorReview, ReviewCycle
from kinerja.assessment.permissions import is_rater
from kinerja.assessment.rules import answer_errors, answer_refusal
from kinerja.audit.services import audit_record
from kinerja.people.holdings import today

NOT_RATER = "Hanya penilai yang ditunjuk yang dapat mengisi umpan balik 360 ini."
WITHDRAWN = "Anda sudah ditarik dari daftar penilai ini; jawaban tidak dapat diisi atau diubah."


def _merged_comments(saved: Mapping[str, Any], comments: Mapping[str, Any]) -> dict[str, Any]:
    """Saved comments with the given ones in their place; an empty comment removes the key."""
    merged = dict(saved)
    for code, text in comments.items():
        clean = text.strip() if isinstance(text, str) else text
        if clean == "":
            merged.pop(code, None)
        else:
            merged[code] = clean
    return merged


def answers_save(
    *,
    actor: Actor,
    review: BehaviorReview,
    scores: Mapping[str, int | None],
    comments: Mapping[str, str],
    submit: bool,
) -> AnswerSheet:
    """Write the rater's own sheet (found or created by `keys.sheet_key(review.pk)`), merging
    `scores` and `comments` into what is saved. With `submit`, every behaviour must be
    answered (`rules.answer_errors(complete=True)`), the sheet becomes `submitted` and the
    review's `submitted_on` is today (a date). Editing after sending keeps it sent (and
    complete).

    Refused: not the rater (PermissionDenied); review withdrawn; `rules.answer_refusal`
    (round not open, due date passed); `rules.answer_errors` (ValidationError naming the code).
    Audit `behavior_review.submitted` on the review (first send) or `behavior_review.revised`
    (a later change), with no score and no comment in the event; a draft save is not audited."""
    if actor is not None and not is_rater(actor, review):
        raise PermissionDenied(NOT_RATER)
    day = today()
    # The given values alone first: a wrong value is named even before the sheet is read.
    errors = answer_errors(scores, comments, complete=False)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        fresh = (
            BehaviorReview.objects.select_for_update()
            .select_related("reviewer_list")
            .get(pk=review.pk)
        )
        if fresh.withdrawn_on is not None:
            raise ValidationError({"review": [WITHDRAWN]})
        cycle = ReviewCycle.objects.get(pk=fresh.reviewer_list.cycle_id)
        refusal = answer_refusal(cycle, day)
        if refusal:
            raise ValidationError({"state": [refusal]})
        key = sheet_key(fresh.pk)
        sheet = AnswerSheet.objects.filter(key=key).first()
        if sheet is None:
            sheet = AnswerSheet(
                cycle_id=cycle.pk,
                ratee_id=fresh.reviewer_list.employee_id,
                relation=fresh.relation,
                key=key,
                submitted=False,
                scores={},
                comments={},
            )
        merged_scores = {**sheet.scores, **scores}
        merged_comments = _merged_comments(sheet.comments, comments)
        was_sent = sheet.submitted
        sent = was_sent or submit
        if sent:
            errors = answer_errors(merged_scores, merged_comments, complete=True)
            if errors:
                raise ValidationError(errors)
        changed = (
            sheet._state.adding
            or merged_scores != sheet.scores
            or merged_comments != sheet.comments
            or sent != was_sent
        )
        sheet.scores = merged_scores
        sheet.comments = merged_comments
        sheet.submitted = sent
        if changed:
            sheet.save()
        if sent and not was_sent:
            fresh.submitted_on = day
            fresh.save(update_fields=["submitted_on", "updated_at"])
            audit_record(
                actor=actor,
                action="behavior_review.submitted",
                obj=fresh,
                before={"submitted_on": None},
                after={"submitted_on": day},
            )
        elif was_sent and changed:
            audit_record(
                actor=actor,
                action="behavior_review.revised",
                obj=fresh,
                after={"submitted_on": fresh.submitted_on},
            )
    review.submitted_on = fresh.submitted_on
    return sheet

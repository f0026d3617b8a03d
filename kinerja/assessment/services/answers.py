"""The rater's answers: saved as a draft (autosave) or sent, editable until the due date."""

from __future__ import annotations

from collections.abc import Mapping

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import AnswerSheet, BehaviorReview


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
    raise NotImplementedError

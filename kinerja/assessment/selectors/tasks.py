"""The rater's own tasks and their own sheet: the only reads of one answer sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.assessment.keys import sheet_key
from kinerja.assessment.models import (
    AnswerSheet,
    BehaviorReview,
    CycleState,
    RelationChoice,
    ReviewCycle,
)
from kinerja.assessment.rules import answer_refusal
from kinerja.people.holdings import employee_id_for_user, today

NOT_FOUND = "Tugas umpan balik 360 tidak ditemukan."


@dataclass(frozen=True)
class ReviewTask:
    """One person the actor is asked to rate."""

    review: BehaviorReview
    ratee_name: str
    relation_label: str
    cycle: ReviewCycle
    due_date: date
    sent: bool
    may_answer: bool  # round open and due date not passed


def review_tasks_for_actor(*, actor: Actor, cycle: ReviewCycle | None = None) -> list[ReviewTask]:
    """The actor's own active reviews of rounds in Pengisian or Selesai, self first then by
    name; one query at any size."""
    me = employee_id_for_user(actor)
    if me is None:
        return []
    rows = BehaviorReview.objects.select_related(
        "reviewer_list__cycle__period",
        "reviewer_list__cycle__window",
        "reviewer_list__cycle__agency",
        "reviewer_list__employee",
    ).filter(
        rater_id=me,
        withdrawn_on__isnull=True,
        reviewer_list__cycle__state__in=(CycleState.OPEN, CycleState.CLOSED),
    )
    if cycle is not None:
        rows = rows.filter(reviewer_list__cycle_id=cycle.pk)
    day = today()
    tasks = [
        ReviewTask(
            review=review,
            ratee_name=review.reviewer_list.employee.full_name,
            relation_label=review.get_relation_display(),
            cycle=review.reviewer_list.cycle,
            due_date=review.reviewer_list.cycle.due_date,
            sent=review.submitted_on is not None,
            may_answer=answer_refusal(review.reviewer_list.cycle, day) is None,
        )
        for review in rows
    ]
    return sorted(
        tasks,
        # open tasks first, soonest due first; then finished rounds, latest first
        key=lambda t: (
            not t.may_answer,
            t.cycle.due_date.toordinal() * (1 if t.may_answer else -1),
            t.review.relation != RelationChoice.SELF,
            t.ratee_name,
        ),
    )


def review_get_for_rater(*, actor: Actor, review_id: int) -> BehaviorReview:
    """The actor's own active review with its list, round and rated employee; 404 for anyone
    else (even an admin: nobody reads another person's answers)."""
    me = employee_id_for_user(actor)
    review = (
        BehaviorReview.objects.select_related(
            "reviewer_list__cycle__period",
            "reviewer_list__cycle__window",
            "reviewer_list__employee",
        )
        .filter(pk=review_id, rater_id=me, withdrawn_on__isnull=True)
        .first()
        if me is not None
        else None
    )
    if review is None:
        raise Http404(NOT_FOUND)
    return review


def own_sheet(*, review: BehaviorReview) -> AnswerSheet | None:
    """The rater's own sheet of a review fetched by `review_get_for_rater` (through
    `keys.sheet_key`)."""
    return AnswerSheet.objects.filter(key=sheet_key(review.pk)).first()

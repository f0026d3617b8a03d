"""Rounds the actor may see, and the rater's own tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import AnswerSheet, BehaviorReview, ReviewCycle


def cycle_list_for_actor(*, actor: Actor) -> QuerySet[ReviewCycle]:
    """Rounds the actor takes part in (as rater or rated) or administers (BKPSDM all, Admin
    OPD their agency's and the city's), newest first, with period, window and agency."""
    raise NotImplementedError


def cycle_get_for_actor(*, actor: Actor, cycle_id: int) -> ReviewCycle:
    """One round; 404 unless `cycle_list_for_actor` would list it."""
    raise NotImplementedError


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
    """The actor's own active reviews (of open and, read-only, closed rounds), self first then
    by name; two queries at any size."""
    raise NotImplementedError


def review_get_for_rater(*, actor: Actor, review_id: int) -> BehaviorReview:
    """The actor's own review with its list, round and rated employee; 404 for anyone else
    (even an admin: nobody reads another person's answers)."""
    raise NotImplementedError


def own_sheet(*, review: BehaviorReview) -> AnswerSheet | None:
    """The rater's own sheet of a review fetched by `review_get_for_rater` (through
    `keys.sheet_key`); the only read of one sheet."""
    raise NotImplementedError

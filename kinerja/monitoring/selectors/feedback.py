"""Reading feedback and feedback requests for the person asking: each fetches and authorises in
one call (404 when the record is private), and every list costs the same queries at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.monitoring.feedback_permissions import (
    appraiser_id_of,
    can_view_feedback,
    can_view_request,
)
from kinerja.monitoring.models import (
    Competency,
    Feedback,
    FeedbackRequest,
    FeedbackRequestState,
    FeedbackTag,
)
from kinerja.people.holdings import covering, employee_id_for_user, today
from kinerja.people.models import Assignment, Employee
from kinerja.people.permissions import team_chain_of
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PlannedResult

Direction = Literal["received", "given"]
RequestDirection = Literal["waiting", "mine"]


def _feedback_queryset() -> QuerySet[Feedback]:
    return Feedback.objects.select_related(
        "employee", "author", "result", "request"
    ).prefetch_related(Prefetch("tags", queryset=FeedbackTag.objects.order_by("competency")))


def feedback_get_for_actor(*, actor: Actor, feedback_id: int) -> Feedback:
    """One feedback with its people, result and tags; 404 for those who may not see it."""
    feedback = _feedback_queryset().filter(pk=feedback_id).first()
    if feedback is None or not can_view_feedback(actor, feedback):
        raise Http404("Umpan balik tidak ditemukan.")
    return feedback


def feedback_list_for_actor(*, actor: Actor, direction: Direction) -> QuerySet[Feedback]:
    """The feedback I received or gave, newest first (none for an account without employee)."""
    me = employee_id_for_user(actor)
    if me is None:
        return Feedback.objects.none()
    rows = _feedback_queryset()
    if direction == "received":
        return rows.filter(employee_id=me)
    return rows.filter(author_id=me)


@dataclass(frozen=True)
class CompetencyCount:
    code: str
    label: str
    count: int


def feedback_competency_counts(*, employee_id: int) -> list[CompetencyCount]:
    """How many feedback the employee received per competency, every competency listed (zero
    included), most mentioned first: what the development plan will build on. One query."""
    counts = dict(
        FeedbackTag.objects.filter(feedback__employee_id=employee_id)
        .values_list("competency")
        .annotate(n=Count("pk"))
        .values_list("competency", "n")
    )
    rows = [
        CompetencyCount(code=code, label=str(label), count=counts.get(code, 0))
        for code, label in Competency.choices
    ]
    return sorted(rows, key=lambda row: -row.count)


def _request_queryset() -> QuerySet[FeedbackRequest]:
    return FeedbackRequest.objects.select_related("employee", "asked", "result").prefetch_related(
        Prefetch("feedback", queryset=Feedback.objects.order_by("pk").only("pk", "request_id"))
    )


def feedback_request_list_for_actor(
    *, actor: Actor, direction: RequestDirection
) -> QuerySet[FeedbackRequest]:
    """Requests waiting for my answer (open, oldest first), or every request I made (newest
    first)."""
    me = employee_id_for_user(actor)
    if me is None:
        return FeedbackRequest.objects.none()
    if direction == "waiting":
        return (
            _request_queryset()
            .filter(asked_id=me, state=FeedbackRequestState.OPEN)
            .order_by("created_at", "pk")
        )
    return _request_queryset().filter(employee_id=me)


def feedback_request_get_for_actor(*, actor: Actor, request_id: int) -> FeedbackRequest:
    """One request; 404 for anyone but the employee who asked and the person asked."""
    request = _request_queryset().filter(pk=request_id).first()
    if request is None or not can_view_request(actor, request):
        raise Http404("Permintaan umpan balik tidak ditemukan.")
    return request


def feedback_colleagues_for(*, employee_id: int) -> list[Employee]:
    """Whom the employee may pick from a list when asking for feedback: those holding a post
    today in the employee's units or in the unit just above them (a seksi's whole bidang), and
    their appraiser; by name. Constant queries."""
    day = today()
    units = set(
        Assignment.objects.filter(
            covering(day), employee_id=employee_id, position__unit__isnull=False
        ).values_list("position__unit_id", "position__unit__parent_id")
    )
    unit_ids = {pk for pk, _ in units} | {parent for _, parent in units if parent is not None}
    colleague_ids = set(
        Assignment.objects.filter(covering(day), position__unit_id__in=unit_ids)
        .exclude(employee_id=employee_id)
        .values_list("employee_id", flat=True)
    )
    appraiser = appraiser_id_of(employee_id)
    if appraiser is not None:
        colleague_ids.add(appraiser)
    return sorted(Employee.objects.filter(pk__in=colleague_ids), key=lambda e: e.name)


def feedback_team_for_actor(*, actor: Actor) -> list[Employee]:
    """The actor's team today ("Tim saya"), whom an appraiser gives feedback to, by name."""
    chain = team_chain_of(actor)
    if chain is None:
        return []
    ids = {holder.employee_id for holder in chain.subordinates}
    return sorted(Employee.objects.filter(pk__in=ids), key=lambda e: e.name)


def feedback_results_for(*, employee_id: int) -> QuerySet[PlannedResult]:
    """The results of the employee's plans in the current period: what feedback may be on."""
    period = period_current()
    if period is None:
        return PlannedResult.objects.none()
    return PlannedResult.objects.filter(
        plan__employee_id=employee_id, plan__period_id=period.pk
    ).order_by("plan_id", "kind", "number")

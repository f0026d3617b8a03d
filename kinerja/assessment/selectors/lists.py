"""Lists of raters: the employee's own, and the lists an appraiser approves."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.assessment.models import BehaviorReview, ReviewCycle, ReviewerList
from kinerja.assessment.permissions import can_view_list
from kinerja.people.holdings import employee_id_for_user
from kinerja.people.permissions import team_chain_of

NOT_FOUND = "Daftar penilai tidak ditemukan."


def _with_reviews(rows: QuerySet[ReviewerList]) -> QuerySet[ReviewerList]:
    return rows.prefetch_related(
        Prefetch(
            "reviews",
            queryset=BehaviorReview.objects.select_related("rater").order_by(
                "relation", "rater__name", "pk"
            ),
        )
    )


def appraised_lists_q(actor: Actor) -> Q:
    """The lists the actor approves as appraiser: those naming them, and those of their team
    today (after a mutasi the list still names the former appraiser). The one rule for
    "my team's lists"; matches nothing for an actor without an employee record."""
    me = employee_id_for_user(actor)
    if me is None:
        return Q(pk__in=[])
    where = Q(appraiser_id=me)
    chain = team_chain_of(actor)
    if chain is not None and chain.subordinates:
        where |= Q(employee_id__in=[h.employee_id for h in chain.subordinates])
    return where


def reviewer_list_get_for_actor(
    *, actor: Actor, cycle: ReviewCycle, employee_id: int
) -> ReviewerList:
    """The list of one employee in the round, with its reviews and raters; 404 unless
    `permissions.can_view_list`. Shows who is asked, never who has answered."""
    found = (
        _with_reviews(
            ReviewerList.objects.select_related(
                "cycle__period", "cycle__window", "employee", "appraiser", "unit", "agency"
            )
        )
        .filter(cycle_id=cycle.pk, employee_id=employee_id)
        .first()
    )
    if found is None or not can_view_list(actor, found):
        raise Http404(NOT_FOUND)
    return found


def team_lists_for_actor(*, actor: Actor, cycle: ReviewCycle) -> list[ReviewerList]:
    """The lists the actor approves as appraiser in the round: those naming them as appraiser
    and those of their team today (a team's appraiser is its supervisor). Admins reach any
    list from the completion table instead. Reviews prefetched; a constant number of
    queries."""
    rows = _with_reviews(ReviewerList.objects.select_related("employee", "unit"))
    return list(
        rows.filter(appraised_lists_q(actor), cycle_id=cycle.pk).order_by("employee__name", "pk")
    )

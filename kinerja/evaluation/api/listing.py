"""What the API lists, fetched and authorised in one query each (the same rules as
`permissions.py`, written as filters so that a list costs the same for ten rows or ten
thousand):

- evaluations: the actor's own once rated (never a draft); those the actor rates (drafts too:
  the appraiser of the plan, or Pimpinan when the Wali Kota rates); once rated, every
  evaluation of the agencies the actor reads (BKPSDM, Pimpinan and Inspektorat all of them,
  an Admin OPD their own). Supervisors' and the appraiser's superior's reading rights are
  answered one evaluation at a time (`evaluation_get_for_actor`), not listed here.
- organisation ratings: those of the agencies the actor reads.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_read_all_agencies,
    is_agency_admin,
    is_leader,
    managed_agency_id,
)
from kinerja.evaluation.models import Evaluation, EvaluationState, OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import evaluation_queryset, scope_filter
from kinerja.people.holdings import employee_id_for_user
from kinerja.periods.models import PerformancePeriod


def evaluation_visible_filter(actor: Actor) -> Q | None:
    """The evaluations the actor may list, as one filter (None: nothing)."""
    rated = ~Q(state=EvaluationState.DRAFT)
    found: list[Q] = []
    if can_read_all_agencies(actor):
        found.append(rated)
    elif is_agency_admin(actor):
        found.append(rated & Q(plan__position__agency_id=managed_agency_id(actor)))
    me = employee_id_for_user(actor)
    if me is not None:
        found.append(rated & Q(plan__employee_id=me))
        found.append(Q(plan__appraiser_id=me, plan__appraiser_is_mayor=False))
    if is_leader(actor):
        found.append(Q(plan__appraiser_is_mayor=True))
    return reduce(or_, found) if found else None


def evaluation_list_for_actor(
    *,
    actor: Actor,
    period: PerformancePeriod | None = None,
    scope: Scope | None = None,
    agency_id: int | None = None,
    state: str = "",
) -> QuerySet[Evaluation]:
    """The evaluations the actor may see, filtered by period, group (window or year), the post's
    agency and state; newest period first, then window, employee name."""
    visible = evaluation_visible_filter(actor)
    if visible is None:
        return Evaluation.objects.none()
    rows = evaluation_queryset().filter(visible)
    if scope is not None:
        rows = rows.filter(scope_filter(scope))
    elif period is not None:
        rows = rows.filter(plan__period_id=period.pk)
    if agency_id is not None:
        rows = rows.filter(plan__position__agency_id=agency_id)
    if state:
        rows = rows.filter(state=state)
    return rows.order_by(
        "-plan__period__year", "window__number", "plan__employee__name", "plan_id", "pk"
    )


def organization_rating_list_for_actor(
    *,
    actor: Actor,
    period: PerformancePeriod | None = None,
    scope: Scope | None = None,
    agency_id: int | None = None,
) -> QuerySet[OrganizationRating]:
    """The organisation ratings of the agencies the actor reads, filtered like the evaluations."""
    rows = OrganizationRating.objects.select_related("agency", "period", "window", "set_by")
    if not can_read_all_agencies(actor):
        own = managed_agency_id(actor)
        if own is None:
            return rows.none()
        rows = rows.filter(agency_id=own)
    if scope is not None:
        rows = rows.filter(scope.period_window_q())
    elif period is not None:
        rows = rows.filter(period_id=period.pk)
    if agency_id is not None:
        rows = rows.filter(agency_id=agency_id)
    return rows.order_by("-period__year", "agency__name", "window__number", "pk")

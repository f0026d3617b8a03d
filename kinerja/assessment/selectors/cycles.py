"""Rounds the actor may see, and the actor's own lists in them."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_agency_admin, is_hr_admin, managed_agency_id
from kinerja.assessment.models import CycleState, ReviewCycle, ReviewerList
from kinerja.assessment.selectors.lists import appraised_lists_q
from kinerja.people.holdings import employee_id_for_user

NOT_FOUND = "Putaran umpan balik 360 tidak ditemukan."
CITY = "Seluruh perangkat daerah"
ANNUAL = "Tahunan"


def cycle_agency_label(cycle: ReviewCycle) -> str:
    """The agency's name, or "Seluruh perangkat daerah" for a city round."""
    return cycle.agency.name if cycle.agency is not None else CITY


def cycle_window_label(cycle: ReviewCycle) -> str:
    """ "Triwulan I 2026" style: the window's name and the year, or "Tahunan 2026"."""
    year = cycle.period.year
    return f"{cycle.window.name} {year}" if cycle.window is not None else f"{ANNUAL} {year}"


def cycle_list_for_actor(*, actor: Actor) -> QuerySet[ReviewCycle]:
    """Rounds the actor takes part in (as rater or rated) or administers (BKPSDM all, Admin
    OPD their agency's and the city's), newest first, with period, window and agency."""
    rows = ReviewCycle.objects.select_related("period", "window", "agency").order_by(
        "-period__year", "-due_date", "-pk"
    )
    if is_hr_admin(actor):
        return rows
    where = Q(pk__in=[])
    if is_agency_admin(actor):
        where |= Q(agency__isnull=True) | Q(agency_id=managed_agency_id(actor))
    me = employee_id_for_user(actor)
    if me is not None:
        where |= Q(lists__employee_id=me) | Q(lists__reviews__rater_id=me)
        where |= Q(pk__in=ReviewerList.objects.filter(appraised_lists_q(actor)).values("cycle_id"))
    return rows.filter(pk__in=ReviewCycle.objects.filter(where).values("pk"))


def cycle_get_for_actor(*, actor: Actor, cycle_id: int) -> ReviewCycle:
    """One round; 404 unless `cycle_list_for_actor` would list it."""
    cycle = cycle_list_for_actor(actor=actor).filter(pk=cycle_id).first()
    if cycle is None:
        raise Http404(NOT_FOUND)
    return cycle


def own_lists_for_actor(
    *,
    actor: Actor,
    states: tuple[str, ...] = tuple(CycleState.values),
    cycle: ReviewCycle | None = None,
) -> list[ReviewerList]:
    """The actor's own lists of raters (they are the rated employee) in rounds of `states`
    (or in `cycle`), newest round first, each with `raters`: its number of active reviews.
    One query. Never who has answered."""
    me = employee_id_for_user(actor)
    if me is None:
        return []
    rows = ReviewerList.objects.filter(employee_id=me, cycle__state__in=states)
    if cycle is not None:
        rows = rows.filter(cycle_id=cycle.pk)
    return _with_raters(rows)


def _with_raters(rows: QuerySet[ReviewerList]) -> list[ReviewerList]:
    return list(
        rows.select_related("cycle__period", "cycle__window", "cycle__agency", "employee", "unit")
        .annotate(raters=Count("reviews", filter=Q(reviews__withdrawn_on__isnull=True)))
        .order_by("-cycle__period__year", "-cycle__due_date", "-cycle_id", "employee__name", "pk")
    )


def team_lists_in_progress_for_actor(
    *, actor: Actor, cycle: ReviewCycle | None = None
) -> list[ReviewerList]:
    """The lists the actor approves as appraiser (as `lists.team_lists_for_actor` says: naming
    them as appraiser, or of their team today) in every round in Penyusunan or Pengisian (or
    in `cycle`), each with `raters`; the same queries for one round or many."""
    if employee_id_for_user(actor) is None:
        return []
    rows = ReviewerList.objects.filter(appraised_lists_q(actor))
    if cycle is not None:
        rows = rows.filter(cycle_id=cycle.pk)
    else:
        rows = rows.filter(cycle__state__in=(CycleState.DRAFT, CycleState.OPEN))
    return _with_raters(rows)

"""Rounds the actor may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_agency_admin, is_hr_admin, managed_agency_id
from kinerja.assessment.models import ReviewCycle
from kinerja.people.holdings import employee_id_for_user

NOT_FOUND = "Putaran umpan balik 360 tidak ditemukan."


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
        where |= Q(lists__appraiser_id=me)
    return rows.filter(pk__in=ReviewCycle.objects.filter(where).values("pk"))


def cycle_get_for_actor(*, actor: Actor, cycle_id: int) -> ReviewCycle:
    """One round; 404 unless `cycle_list_for_actor` would list it."""
    cycle = cycle_list_for_actor(actor=actor).filter(pk=cycle_id).first()
    if cycle is None:
        raise Http404(NOT_FOUND)
    return cycle

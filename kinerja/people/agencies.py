"""The agency list with what each agency holds: code, units, and the employees in it today.

Served by the people app for the same reason as the organisation chart: the employee counts
come from assignments, and organization may not import people (layers). Scoping is
organization's own `agency_list_for_actor`; one query per page at any city size.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from kinerja.organization.models import Agency, Unit
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.people.holdings import today
from kinerja.people.models import Assignment


def _count(queryset: QuerySet[Any], field: str) -> Coalesce:
    counted = queryset.order_by().values(field).annotate(n=Count("*")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def agency_overview_for_actor(
    *, actor: Any, query: str = "", day: date | None = None
) -> QuerySet[Agency]:
    """Agencies the actor may read (403 for others), each with `unit_count` and
    `employee_count` (holders of a definitive post there on `day`), filtered by name or code."""
    day = day or today()
    agencies = agency_list_for_actor(actor=actor)
    for word in query.split():
        agencies = agencies.filter(Q(name__icontains=word) | Q(code__icontains=word))
    units = Unit.objects.filter(agency=OuterRef("pk"))
    holders = (
        Assignment.objects.filter(position__agency=OuterRef("pk"), is_acting=False)
        .filter(start_date__lte=day)
        .exclude(end_date__lt=day)
    )
    return agencies.annotate(
        unit_count=_count(units, "agency"),
        employee_count=_count(holders, "position__agency"),
    )

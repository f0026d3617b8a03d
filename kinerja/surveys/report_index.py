"""The SKM index at /skm/: which service units and agencies an actor may see, and their
respondents, IKM and grade for a span, in a constant number of queries.

Admin BKPSDM, Pimpinan and Inspektorat see the city figure, every agency and every unit; an
Admin OPD their agency and its units; a member of staff the units they work in (a service
unit's staff hold posts in its work unit or below, `permissions.units_served_by`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_read_all_agencies, is_agency_admin
from kinerja.organization.models import ServiceUnit
from kinerja.people.holdings import employee_id_for_user
from kinerja.scoring.ikm import WeightConvention
from kinerja.surveys.aggregation import EMPTY, Totals, totals_by, totals_of
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.permissions import can_view_agency_reports, units_served_by
from kinerja.surveys.spans import Span

GRADE_TONES = {"A": "success", "B": "info", "C": "warning", "D": "danger"}


@dataclass(frozen=True)
class IndexRow:
    """One agency or service unit of the index."""

    pk: int
    name: str
    slug: str  # a unit's address, "" for an agency
    agency_name: str
    is_active: bool
    respondents: int
    ikm: Decimal | None
    grade: str
    label: str


@dataclass(frozen=True)
class SurveyIndex:
    span: Span
    convention: WeightConvention
    city: IndexRow | None  # only for those who read every agency
    agencies: list[IndexRow]
    units: list[IndexRow]

    @property
    def empty(self) -> bool:
        return self.city is None and not self.agencies and not self.units


def _staff_unit_filter(actor: Actor) -> Q | None:
    """Service units the actor serves in (`permissions.units_served_by`)."""
    employee_id = employee_id_for_user(actor)
    if employee_id is None:
        return None
    _headed, within = units_served_by(employee_id)
    return Q(unit_id__in=within) if within else None


def service_unit_list_for_actor(*, actor: Actor) -> QuerySet[ServiceUnit]:
    """The service units whose reports `actor` may read (see the module's docstring)."""
    units = ServiceUnit.objects.select_related("unit__agency").order_by("name", "pk")
    if can_read_all_agencies(actor):
        return units
    allowed = Q(pk__in=[])
    if is_agency_admin(actor) and actor is not None and actor.agency_id:
        allowed |= Q(unit__agency_id=actor.agency_id)
    if (staff := _staff_unit_filter(actor)) is not None:
        allowed |= staff
    return units.filter(allowed)


def _row(
    pk: int,
    name: str,
    totals: Totals,
    convention: WeightConvention,
    unit: ServiceUnit | None = None,
) -> IndexRow:
    result = totals.ikm(convention)
    return IndexRow(
        pk=pk,
        name=name,
        slug=unit.slug if unit else "",
        agency_name=unit.unit.agency.name if unit else "",
        is_active=unit.is_active if unit else True,
        respondents=totals.respondents,
        ikm=result.value if result else None,
        grade=result.grade if result else "",
        label=result.label if result else "",
    )


def survey_index_build(*, actor: Actor, span: Span, convention: WeightConvention) -> SurveyIndex:
    """The figures of the index the actor may see, for `span`."""
    every = can_read_all_agencies(actor)
    units = list(service_unit_list_for_actor(actor=actor))
    in_span = SurveyResponse.objects.filter(survey_date__range=(span.start, span.end))
    scoped = in_span if every else in_span.filter(service_unit__in=[u.pk for u in units])
    by_unit = totals_by(scoped, "service_unit_id") if units else {}
    agencies = {
        u.unit.agency_id: u.unit.agency.name
        for u in units
        if every or can_view_agency_reports(actor, u.unit.agency_id)
    }
    by_agency = (
        totals_by(
            in_span if every else in_span.filter(service_unit__unit__agency_id__in=agencies),
            "service_unit__unit__agency_id",
        )
        if agencies
        else {}
    )
    city = None
    if every:
        city = _row(0, "", totals_of(in_span), convention)
    return SurveyIndex(
        span=span,
        convention=convention,
        city=city,
        agencies=[
            _row(pk, name, by_agency.get(pk, EMPTY), convention)
            for pk, name in sorted(agencies.items(), key=lambda item: (item[1], item[0]))
        ],
        units=[_row(u.pk, u.name, by_unit.get(u.pk, EMPTY), convention, unit=u) for u in units],
    )

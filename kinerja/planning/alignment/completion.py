"""Completion counters per agency: employees on the period's day, plans by state, employees
without a plan and the share approved. BKPSDM, Pimpinan and Inspektorat see every agency, an
Admin OPD their own; others 403."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q

from kinerja.accounts.actors import Actor
from kinerja.organization.selectors import agency_list_for_actor
from kinerja.people.holdings import covering
from kinerja.people.models import Assignment
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.alignment.common import period_day, period_for_view
from kinerja.planning.models import (
    PerformancePlan,
    PlanState,
)

# --- completion counters ----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyCompletion:
    agency_id: int
    agency_name: str
    employees: int
    draft: int
    submitted: int
    returned: int
    approved: int
    not_started: int
    approved_share: Decimal
    """Employees with an approved plan ÷ employees (0 when the agency has none)."""


@dataclass(frozen=True)
class Completion:
    period: PerformancePeriod
    day: date
    agencies: list[AgencyCompletion]
    total: AgencyCompletion


def _share(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def completion_for_actor(*, actor: Actor, period_id: int | None = None) -> Completion:
    """Per agency the actor may read: employees on the period's day, plans by state, employees
    without a plan and the share approved. Five queries at any size; 403 for non-admins."""
    agencies = list(agency_list_for_actor(actor=actor).values("id", "name"))
    period = period_for_view(period_id=period_id)
    day = period_day(period)
    agency_ids = [a["id"] for a in agencies]
    staff = {
        row["position__agency_id"]: row["n"]
        for row in Assignment.objects.filter(
            covering(day), is_acting=False, position__agency_id__in=agency_ids
        )
        .values("position__agency_id")
        .annotate(n=Count("employee_id", distinct=True))
        .order_by()
    }
    states: dict[int, dict[str, int]] = defaultdict(dict)
    people: dict[int, tuple[int, int]] = {}
    plans = PerformancePlan.objects.filter(period=period, position__agency_id__in=agency_ids)
    for row in plans.values("position__agency_id", "state").annotate(n=Count("id")).order_by():
        states[row["position__agency_id"]][row["state"]] = row["n"]
    for row in (
        plans.values("position__agency_id")
        .annotate(
            planned=Count("employee_id", distinct=True),
            approved=Count("employee_id", distinct=True, filter=Q(state=PlanState.APPROVED)),
        )
        .order_by()
    ):
        people[row["position__agency_id"]] = (row["planned"], row["approved"])
    rows = []
    for agency in agencies:
        by_state = states.get(agency["id"], {})
        planned, approved_people = people.get(agency["id"], (0, 0))
        employees = max(staff.get(agency["id"], 0), planned)
        rows.append(
            AgencyCompletion(
                agency_id=agency["id"],
                agency_name=agency["name"],
                employees=employees,
                draft=by_state.get(PlanState.DRAFT, 0),
                submitted=by_state.get(PlanState.SUBMITTED, 0),
                returned=by_state.get(PlanState.RETURNED, 0),
                approved=by_state.get(PlanState.APPROVED, 0),
                not_started=max(employees - planned, 0),
                approved_share=_share(approved_people, employees),
            )
        )
    total_employees = sum(r.employees for r in rows)
    approved_total = sum(people.get(a, (0, 0))[1] for a in agency_ids)
    total = AgencyCompletion(
        agency_id=0,
        agency_name="Jumlah",
        employees=total_employees,
        draft=sum(r.draft for r in rows),
        submitted=sum(r.submitted for r in rows),
        returned=sum(r.returned for r in rows),
        approved=sum(r.approved for r in rows),
        not_started=sum(r.not_started for r in rows),
        approved_share=_share(approved_total, total_employees),
    )
    return Completion(period=period, day=day, agencies=rows, total=total)

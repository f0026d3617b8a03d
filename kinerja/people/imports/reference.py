"""Everything validation compares against, fetched in bulk before looking at any row.

A fixed handful of queries whatever the size of the file: agencies, units, positions, the
employees named by the file (with their home agency, the rule the pages use), their
assignments, and the open definitive holders of posts in the agencies named.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kinerja.organization.models import Agency, Position, Unit
from kinerja.people.imports.columns import position_name_key
from kinerja.people.models import Assignment, Employee

CHUNK = 5000
"""NIPs per `IN (…)` query: below the parameter limits of SQLite and PostgreSQL."""


@dataclass
class Reference:
    agencies: dict[str, Agency]
    units: dict[tuple[int, str], int] = field(default_factory=dict)
    positions: dict[tuple[int, str], list[dict[str, Any]]] = field(default_factory=dict)
    employees: dict[str, Employee] = field(default_factory=dict)
    """Existing employees by NIP, each with its stored `home_agency_id`."""
    assignments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    holders: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def reference_load(*, agency_codes: set[str], nips: set[str]) -> Reference:
    ref = Reference(agencies={a.code: a for a in Agency.objects.filter(code__in=agency_codes)})
    agency_ids = [a.pk for a in ref.agencies.values()]
    for unit in Unit.objects.filter(agency_id__in=agency_ids).values("id", "agency_id", "code"):
        ref.units[(unit["agency_id"], unit["code"])] = unit["id"]
    for position in Position.objects.filter(agency_id__in=agency_ids).values(
        "id", "agency_id", "name", "kind"
    ):
        key = (position["agency_id"], position_name_key(position["name"]))
        ref.positions.setdefault(key, []).append(dict(position))
    nip_list = sorted(nips)
    for chunk in chunks(nip_list):
        for employee in Employee.objects.filter(nip__in=chunk):
            ref.employees[employee.nip] = employee
    for chunk in chunks(nip_list):
        for assignment in Assignment.objects.filter(employee__nip__in=chunk).values(
            "id",
            "employee_id",
            "position_id",
            "position__agency_id",
            "start_date",
            "end_date",
            "is_acting",
            "acting_kind",
        ):
            ref.assignments.setdefault(assignment["employee_id"], []).append(dict(assignment))
    for holder in Assignment.objects.filter(
        position__agency_id__in=agency_ids, end_date__isnull=True, is_acting=False
    ).values("id", "position_id", "employee_id", "employee__nip", "start_date"):
        ref.holders.setdefault(holder["position_id"], []).append(dict(holder))
    return ref

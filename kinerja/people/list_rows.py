"""The rows of the employee list, as plain values: only the columns the page shows.

A row is built once in Python from the prefetched employees of one page, so the template loops
over simple attributes instead of following relations and calling methods per cell; this keeps
the list page's server time close to a trivial page's (bench/org_pages.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.scoring.nip import format_nip


@dataclass(frozen=True)
class PostCell:
    name: str
    acting_label: str  # "Plt" / "Plh", empty for the employee's own (definitive) post


@dataclass(frozen=True)
class EmployeeRow:
    url: str
    name: str
    nip: str
    grade: str
    employment_type: str
    posts: list[PostCell]
    agency: str
    status: str


def employee_rows(employees: Iterable[Employee]) -> list[EmployeeRow]:
    """Rows of employees fetched by `employee_list_for_actor` (with `current_assignments`)."""
    # Per page, not per row: choice labels (lazy translations) and the URL pattern.
    statuses = {value: str(label) for value, label in EmployeeStatus.choices}
    acting_kinds = {value: str(label)[:3] for value, label in Assignment.ActingKind.choices}
    head, _, tail = reverse("people:employee_detail", kwargs={"employee_id": 0}).rpartition("/0/")
    rows = []
    for employee in employees:
        current = getattr(employee, "current_assignments", [])
        try:
            nip = format_nip(employee.nip, employee.employment_type)
        except ValueError:
            nip = employee.nip
        rows.append(
            EmployeeRow(
                url=f"{head}/{employee.pk}/{tail}",
                name=employee.full_name,
                nip=nip,
                grade=employee.grade,
                employment_type=employee.employment_type,
                posts=[
                    PostCell(
                        name=a.position.name,
                        acting_label=acting_kinds.get(a.acting_kind, "Plt") if a.is_acting else "",
                    )
                    for a in current
                ],
                agency=current[0].position.agency.name if current else "",
                status=statuses.get(employee.status, employee.status),
            )
        )
    return rows

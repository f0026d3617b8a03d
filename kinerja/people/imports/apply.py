"""`employee_import_apply`: validate again and write the plan in one transaction.

One summary audit event per applied import, also when nothing changed (the auditor sees that
an import happened). It names who confirmed the import and, through the request context the
job carries, from which address; it lists the created NIPs and, per changed employee, the
values before and after, at most `MAX_AUDITED_NIPS` each (beyond that it says how many were
left out; the counts are always complete).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.organization.models import Position
from kinerja.people.holdings import employee_homes_refresh
from kinerja.people.imports.plan import Plan
from kinerja.people.imports.reference import chunks
from kinerja.people.imports.report import ChangedEmployee, ImportOutcome, ImportRejected
from kinerja.people.imports.validation import employee_import_validate
from kinerja.people.models import Assignment, Employee

MAX_AUDITED_NIPS = 2000
"""NIPs listed per kind (created, updated) in the audit event; the counts are exact."""
MAX_LINKED_EMPLOYEES = 200
"""Employees linked from the result page (the counts say how many changed in all)."""


def employee_import_apply(
    *,
    actor: Actor,
    content: bytes,
    file_name: str,
    expected_sha256: str | None = None,
    job: Any = None,
) -> ImportOutcome:
    """Validate again and, when clean, write everything in one transaction with one audit event.

    Raises ImportRejected when the file has errors now (the data may have changed since the
    preview) or is not the file that was previewed.
    """
    sha256 = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        report = employee_import_validate(actor=actor, content=content, file_name=file_name)
        if expected_sha256 is not None and expected_sha256 != sha256:
            raise ImportRejected(report, "Berkas berbeda dengan yang divalidasi; unggah ulang.")
        if not report.is_clean or report.plan is None:
            raise ImportRejected(
                report,
                f"Berkas kini berisi {len(report.errors)} kesalahan (data mungkin berubah sejak "
                "pratinjau); tidak ada yang disimpan. Unggah ulang untuk melihat rinciannya.",
            )
        plan = report.plan
        _write_employees(plan)
        _write_positions(plan)
        employee_homes_refresh(employee_ids=_write_assignments(plan))
        audit_record(
            actor=actor,
            action="employee_import.applied",
            obj=job,
            before=_audit_before(plan),
            after=_audit_after(plan, file_name=file_name, sha256=sha256, rows=report.total_rows)
            | asdict(report.counts),
        )
    return ImportOutcome(counts=report.counts, total_rows=report.total_rows, changed=_changed(plan))


def _audit_before(plan: Plan) -> dict[str, Any]:
    updated = plan.employees_update[:MAX_AUDITED_NIPS]
    return {"employees": {employee.nip: before for employee, before in updated}}


def _audit_after(plan: Plan, *, file_name: str, sha256: str, rows: int) -> dict[str, Any]:
    created = [e.nip for e in plan.employees_create]
    updated = plan.employees_update
    return {
        "file_name": file_name,
        "sha256": sha256,
        "rows": rows,
        "created_nips": created[:MAX_AUDITED_NIPS],
        "updated_nips": [e.nip for e, _ in updated[:MAX_AUDITED_NIPS]],
        "employees": {
            employee.nip: {name: getattr(employee, name) for name in before}
            for employee, before in updated[:MAX_AUDITED_NIPS]
        },
        "nips_left_out": max(0, len(created) - MAX_AUDITED_NIPS)
        + max(0, len(updated) - MAX_AUDITED_NIPS),
    }


def _changed(plan: Plan) -> tuple[ChangedEmployee, ...]:
    people = [(e, True) for e in plan.employees_create] + [
        (e, False) for e, _ in plan.employees_update
    ]
    return tuple(
        ChangedEmployee(id=e.pk, nip=e.nip, name=e.full_name, created=created)
        for e, created in people[:MAX_LINKED_EMPLOYEES]
        if e.pk is not None
    )


def _write_employees(plan: Plan) -> None:
    now = timezone.now()
    Employee.objects.bulk_create(plan.employees_create, batch_size=1000)
    groups: dict[tuple[str, ...], list[Employee]] = defaultdict(list)
    for employee, before in plan.employees_update:
        employee.updated_at = now
        groups[tuple(sorted(before))].append(employee)
    for fields, employees in groups.items():
        Employee.objects.bulk_update(employees, [*fields, "updated_at"], batch_size=1000)


def _write_positions(plan: Plan) -> None:
    """Create new positions supervisors first, so each row carries its supervisor at insert.

    Loops were refused by validation, so every round places at least one position. Both
    supported databases (SQLite ≥ 3.35, PostgreSQL) return primary keys from bulk_create.
    """
    pending = list(plan.positions_create)
    while pending:
        ready = [
            new
            for new in pending
            if new.supervisor_key is None or new.supervisor_key in plan.position_ids
        ]
        if not ready:
            raise RuntimeError("supervision loop among new positions passed validation")
        created = Position.objects.bulk_create(
            [
                Position(
                    agency_id=new.agency_id,
                    unit_id=new.unit_id,
                    name=new.name,
                    kind=new.kind,
                    level=new.level,
                    is_head_of_agency=new.is_head,
                    supervisor_id=(
                        plan.position_ids[new.supervisor_key] if new.supervisor_key else None
                    ),
                )
                for new in ready
            ],
            batch_size=1000,
        )
        for new, position in zip(ready, created, strict=True):
            assert position.pk is not None
            plan.position_ids[new.key] = position.pk
        placed = {new.key for new in ready}
        pending = [new for new in pending if new.key not in placed]


def _write_assignments(plan: Plan) -> set[int]:
    """Write the plan's assignments; returns the ids of the employees whose assignments
    changed (their stored home is refreshed)."""
    touched: set[int] = set()
    if plan.assignments_change:
        # Closing first: the "one open definitive holder" constraint must hold after each query.
        changes = []
        for pk, values in plan.assignments_change.items():
            assignment = Assignment(pk=pk, **values)
            changes.append((assignment, tuple(sorted(values))))
        groups: dict[tuple[str, ...], list[Assignment]] = defaultdict(list)
        for assignment, fields in changes:
            groups[fields].append(assignment)
        for fields, assignments in groups.items():
            Assignment.objects.bulk_update(assignments, list(fields), batch_size=1000)
        for chunk in chunks(sorted(plan.assignments_change)):
            touched.update(
                Assignment.objects.filter(pk__in=chunk).values_list("employee_id", flat=True)
            )
    if not plan.assignments_create:
        return touched
    nips = [spec["nip"] for spec in plan.assignments_create]
    employee_ids: dict[str, int] = {}
    for chunk in chunks(nips):
        employee_ids.update(Employee.objects.filter(nip__in=chunk).values_list("nip", "id"))
    Assignment.objects.bulk_create(
        [
            Assignment(
                employee_id=employee_ids[spec["nip"]],
                position_id=plan.position_ids[spec["position_key"]],
                start_date=spec["start_date"],
                end_date=spec["end_date"],
                is_acting=spec["is_acting"],
                acting_kind=spec["acting_kind"],
            )
            for spec in plan.assignments_create
        ],
        batch_size=1000,
    )
    return touched | set(employee_ids.values())

"""Applying a clean file: everything written in one go; importing it again changes nothing.

Personas (conftest.py): hr_admin imports for any agency; agency_admin only for `agency`;
employee, leader, auditor and outsider may not open the import pages at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import Position, PositionKind
from kinerja.organization.testing import make_unit
from kinerja.people.imports import (
    employee_import_apply,
)
from kinerja.people.imports.testing import employee_rows, to_csv, to_xlsx
from kinerja.people.models import Assignment, Employee
from kinerja.people.testing import Personas, make_employee, make_position


@pytest.mark.django_db
def test_the_clean_file_imports_and_importing_it_again_changes_nothing(
    personas: Personas,
) -> None:
    make_unit(agency=personas.agency, code="bidang-uji", name="Bidang Uji")
    content = to_csv(employee_rows(1000, personas.agency, unit_code="bidang-uji"))

    first = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.csv")
    assert first.counts.employees_created == 1000
    assert first.counts.positions_created == 1000
    assert first.counts.assignments_created == 1000
    head = Position.objects.get(name="Kepala Dinas")
    assert head.is_head_of_agency
    staff = Position.objects.select_related("supervisor").get(name="Pengadministrasi Umum 7")
    assert staff.supervisor is not None
    assert staff.supervisor.name == "Kepala Bidang 3"
    totals = (Employee.objects.count(), Position.objects.count(), Assignment.objects.count())

    second = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.csv")

    assert second.counts.changes == 0
    assert second.counts.employees_created == 0
    assert second.counts.employees_updated == 0
    assert second.counts.employees_unchanged == 1000
    assert (
        Employee.objects.count(),
        Position.objects.count(),
        Assignment.objects.count(),
    ) == totals
    # A no-op import is still recorded: the auditor sees that an import happened.
    events = [
        event.after or {}
        for event in AuditEvent.objects.filter(action="employee_import.applied").order_by("id")
    ]
    assert len(events) == 2
    assert events[0]["employees_created"] == 1000
    assert len(events[0]["created_nips"]) == 1000
    assert events[1]["employees_created"] == 0
    assert events[1]["created_nips"] == []


@pytest.mark.django_db
def test_an_xlsx_file_with_excel_date_cells_imports(personas: Personas) -> None:
    content = to_xlsx(employee_rows(20, personas.agency), date_cells=True)
    outcome = employee_import_apply(actor=personas.hr_admin, content=content, file_name="a.xlsx")
    assert outcome.counts.employees_created == 20
    assert Assignment.objects.filter(start_date=date(2020, 1, 2)).count() == 20


@pytest.mark.django_db
def test_a_changed_grade_updates_only_that_employee(personas: Personas) -> None:
    rows = employee_rows(10, personas.agency)
    employee_import_apply(actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv")
    rows[4]["Golongan"] = "IV/b"
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="b.csv"
    )
    assert outcome.counts.employees_updated == 1
    assert outcome.counts.employees_created == 0
    nip = rows[4]["NIP"].replace(" ", "")
    assert Employee.objects.get(nip=nip).grade == "IV/b"
    event = AuditEvent.objects.filter(action="employee_import.applied").latest("id")
    assert (event.after or {})["updated_nips"] == [nip]


@pytest.mark.django_db
def test_a_post_is_free_when_the_file_also_moves_its_holder_out(personas: Personas) -> None:
    post = make_position(
        agency=personas.agency, name="Kepala Seksi Data", kind=PositionKind.PENGAWAS
    )
    holder = make_employee(nip="197501012000031001")
    old = Assignment.objects.create(employee=holder, position=post, start_date=date(2018, 1, 1))
    rows = employee_rows(3, personas.agency)
    rows[2]["Jabatan"] = "Kepala Seksi Data"
    rows[2]["TMT Jabatan"] = "2021-03-01"
    moved = dict(rows[1])
    moved.update(
        {
            "NIP": "197501012000031001",
            "Tanggal Lahir": "1975-01-01",
            "Jenis Kelamin": "L",
            "Jabatan": "Kepala Bidang Baru",
            "TMT Jabatan": "2021-02-01",
        }
    )
    rows.append(moved)
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="mutasi.csv"
    )
    assert outcome.counts.assignments_closed == 1
    old.refresh_from_db()
    assert old.end_date == date(2021, 1, 31)
    assert post.assignments.get(end_date__isnull=True).employee.nip == rows[2]["NIP"].replace(
        " ", ""
    )


@pytest.mark.django_db
def test_an_existing_employee_keeps_their_record_and_gets_the_new_post(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    make_employee(nip=rows[2]["NIP"].replace(" ", ""), name="Nama Lama", grade=rows[2]["Golongan"])
    outcome = employee_import_apply(
        actor=personas.hr_admin, content=to_csv(rows), file_name="a.csv"
    )
    assert outcome.counts.employees_created == 2
    assert outcome.counts.employees_updated == 1
    assert Employee.objects.get(nip=rows[2]["NIP"].replace(" ", "")).name == rows[2]["Nama"]

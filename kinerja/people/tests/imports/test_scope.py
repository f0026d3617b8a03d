"""Agency scope in the import (issue 8.3): an Admin OPD changes only the employees of their
agency, by the rule the pages use (an employee's agency is that of their most recent definitive
assignment), and adds an employee only into a definitive post of that agency.

Personas (conftest.py): agency_admin manages `agency`; hr_admin manages every agency.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.organization.models import Position
from kinerja.people.holdings import employee_homes_refresh
from kinerja.people.imports.testing import employee_rows, only_error, validate
from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db


def existing(rows: list[dict[str, Any]], index: int) -> Employee:
    return make_employee(nip=rows[index]["NIP"].replace(" ", ""), grade=rows[index]["Golongan"])


def placed(employee: Employee, post: Position, start: date, end: date | None = None) -> None:
    assign(employee, post, start=start, end=end)


def test_an_agency_admin_may_not_update_an_employee_whose_last_post_is_in_another_agency(
    personas: Personas,
) -> None:
    rows = employee_rows(3, personas.agency)
    employee = existing(rows, 2)
    # Once in our agency, then moved: the most recent definitive post decides, not an old one.
    placed(employee, make_position(agency=personas.agency, name="Staf Lama"), date(2015, 1, 1))
    placed(
        employee, make_position(agency=personas.other_agency, name="Staf Baru"), date(2019, 1, 1)
    )
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "NIP")
    assert "termasuk Perangkat Daerah lain" in reason
    assert validate(personas.hr_admin, rows).errors == []


def test_an_employee_whose_post_ended_elsewhere_still_belongs_there(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    employee = existing(rows, 2)
    post = make_position(agency=personas.other_agency, name="Staf Selesai")
    placed(employee, post, date(2015, 1, 1), end=date(2020, 12, 31))  # no current post
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "NIP")
    assert "Perangkat Daerah lain" in reason


def test_an_employee_with_no_current_post_in_our_agency_may_be_updated(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    employee = existing(rows, 2)
    placed(
        employee,
        make_position(agency=personas.agency, name="Staf"),
        date(2015, 1, 1),
        date(2020, 1, 1),
    )
    assert validate(personas.agency_admin, rows).errors == []


def test_a_retired_employee_of_another_agency_is_refused_and_of_ours_is_not(
    personas: Personas,
) -> None:
    rows = employee_rows(3, personas.agency)
    rows[2]["Status"] = "Pensiun"
    employee = existing(rows, 2)
    Employee.objects.filter(pk=employee.pk).update(status=EmployeeStatus.RETIRED)
    post = make_position(agency=personas.other_agency, name="Staf Purna")
    placed(employee, post, date(2010, 1, 1), end=date(2024, 1, 1))
    assert only_error(validate(personas.agency_admin, rows))[:2] == (4, "NIP")
    Assignment.objects.filter(employee=employee).update(
        position=make_position(agency=personas.agency, name="Staf Purna Kami")
    )
    employee_homes_refresh(employee_ids=[employee.pk])
    assert validate(personas.agency_admin, rows).errors == []


def test_an_employee_who_never_held_a_post_is_only_for_hr_admin(personas: Personas) -> None:
    rows = employee_rows(3, personas.agency)
    existing(rows, 2)
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "NIP")
    assert "belum pernah memegang jabatan definitif" in reason
    assert validate(personas.hr_admin, rows).errors == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"Jabatan": "", "TMT Jabatan": "", "Jenis Jabatan": ""}, "no post"),
        ({"Plt/Plh": "Plt"}, "acting only"),
    ],
)
def test_an_agency_admin_may_not_create_an_employee_without_a_definitive_post(
    personas: Personas, change: dict[str, str], why: str
) -> None:
    rows = employee_rows(3, personas.agency)
    rows[2].update(change)
    rows[2]["Jabatan Atasan"] = "" if why == "no post" else rows[2]["Jabatan Atasan"]
    got_row, column, reason = only_error(validate(personas.agency_admin, rows))
    assert (got_row, column) == (4, "Jabatan")
    assert "harus ditempatkan pada jabatan definitif" in reason
    assert validate(personas.hr_admin, rows).errors == []


def test_the_scope_check_costs_the_same_queries_for_ten_rows_and_three_hundred(
    personas: Personas,
) -> None:
    def count(n: int) -> int:
        rows = employee_rows(n, personas.agency)
        for i in range(0, n, 3):
            employee = existing(rows, i)
            placed(
                employee,
                make_position(agency=personas.agency, name=f"Lama {n}-{i}"),
                date(2010, 1, 1),
                date(2011, 1, 1),
            )
        with CaptureQueriesContext(connection) as queries:
            validate(personas.agency_admin, rows)
        Assignment.objects.all().delete()
        Employee.objects.all().delete()
        return len(queries)

    assert count(10) == count(300)

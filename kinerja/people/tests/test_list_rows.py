"""The employee list's rows: plain values built once per page, rendered without an include."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja.people.list_rows import employee_rows
from kinerja.people.selectors import EmployeeFilters, employee_list_for_actor
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

TEMPLATE = Path(__file__).parents[1] / "templates" / "people" / "_employee_table_part.html"


def test_a_row_shows_the_grouped_nip_the_post_the_agency_and_links_to_the_profile(
    personas: Personas,
) -> None:
    employees = employee_list_for_actor(actor=personas.hr_admin, filters=EmployeeFilters())
    rows = {row.name: row for row in employee_rows(employees)}
    row = rows["Agus Wibowo"]
    assert row.nip == "19900115 201503 1 002"
    assert row.url == f"/pegawai/{personas.staff.employee.pk}/"
    assert [(p.name, p.acting_label) for p in row.posts] == [("Pengolah Data", "")]
    assert row.agency == personas.agency.name
    assert row.status == "Aktif"


def test_an_unreadable_nip_is_shown_as_stored(personas: Personas) -> None:
    personas.staff.head.nip = "12345"
    personas.staff.head.save(update_fields=["nip"])
    employees = employee_list_for_actor(actor=personas.hr_admin, filters=EmployeeFilters())
    assert "12345" in [row.nip for row in employee_rows(employees)]


def test_the_rows_template_has_no_include_per_row() -> None:
    rows_block = TEMPLATE.read_text().split("{% block rows %}", 1)[1]
    assert "{% include" not in rows_block
    assert "{% url" not in rows_block

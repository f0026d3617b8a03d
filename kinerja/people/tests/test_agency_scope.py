"""One rule for an Admin OPD, at every entrance: the employee's home agency must be theirs.

The home agency is the agency of the most recent definitive assignment (the rule the pages
use to list people). The services check it, so the page forms and the API refuse alike; the
spreadsheet import is tested in test_imports.py. Each entrance is tried with an employee of
the other agency, one between posts (last post ended in our agency), one who never had a post,
and a retired one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from kinerja.organization.models import Position
from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.people.services import assignment_start, employee_create, employee_move
from kinerja.people.testing import Personas, assign, make_employee, make_position

pytestmark = pytest.mark.django_db

MOVE_DAY = "2026-01-05"


@dataclass
class Cases:
    other_agency: Employee
    between_posts: Employee
    never_placed: Employee
    retired: Employee
    vacant: Position


@pytest.fixture
def cases(personas: Personas) -> Cases:
    agency = personas.agency
    old_post = make_position(agency=agency, name="Pengadministrasi Lama")
    between = make_employee(name="Budi Antara")
    assign(between, old_post, end=date(2025, 6, 30))
    retired = make_employee(name="Siti Purna", status=EmployeeStatus.RETIRED)
    assign(retired, make_position(agency=agency, name="Arsiparis Lama"), end=date(2025, 3, 31))
    return Cases(
        other_agency=personas.staff.other_head,
        between_posts=between,
        never_placed=make_employee(name="Tono Baru"),
        retired=retired,
        vacant=make_position(
            agency=agency, name="Analis Kependudukan", supervisor=personas.staff.kasi_post
        ),
    )


def _open_posts(employee: Employee) -> list[int]:
    return list(
        Assignment.objects.filter(employee=employee, end_date__isnull=True).values_list(
            "position_id", flat=True
        )
    )


# --- the service every entrance calls ---------------------------------------------------------


def test_admin_opd_cannot_move_or_appoint_an_employee_of_another_agency(
    personas: Personas, cases: Cases
) -> None:
    employee = cases.other_agency
    with pytest.raises(PermissionDenied, match="perangkat daerah Anda sendiri"):
        employee_move(
            actor=personas.agency_admin, employee=employee, position=cases.vacant,
            start_date=date(2026, 1, 5),
        )  # fmt: skip
    with pytest.raises(PermissionDenied, match="perangkat daerah Anda sendiri"):
        assignment_start(
            actor=personas.agency_admin, employee=employee, position=cases.vacant,
            start_date=date(2026, 1, 5), is_acting=True, acting_kind="PLT",
        )  # fmt: skip
    assert cases.vacant.pk not in _open_posts(employee)


def test_admin_opd_places_their_employee_who_is_between_posts(
    personas: Personas, cases: Cases
) -> None:
    employee_move(
        actor=personas.agency_admin, employee=cases.between_posts, position=cases.vacant,
        start_date=date(2026, 1, 5),
    )  # fmt: skip
    assert _open_posts(cases.between_posts) == [cases.vacant.pk]


def test_an_employee_who_never_had_a_post_is_placed_by_bkpsdm_only(
    personas: Personas, cases: Cases
) -> None:
    with pytest.raises(PermissionDenied):
        assignment_start(
            actor=personas.agency_admin, employee=cases.never_placed, position=cases.vacant,
            start_date=date(2026, 1, 5),
        )  # fmt: skip
    assignment_start(
        actor=personas.hr_admin, employee=cases.never_placed, position=cases.vacant,
        start_date=date(2026, 1, 5),
    )  # fmt: skip
    assert _open_posts(cases.never_placed) == [cases.vacant.pk]


def test_a_retired_employee_of_the_agency_is_refused_a_move_with_the_reason(
    personas: Personas, cases: Cases
) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_move(
            actor=personas.agency_admin, employee=cases.retired, position=cases.vacant,
            start_date=date(2026, 1, 5),
        )  # fmt: skip
    assert "berstatus Pensiun; hanya pegawai aktif" in exc.value.message_dict["employee"][0]


NEW: dict[str, Any] = {
    "nip": "199503102020012004", "employment_type": "PNS", "name": "Ratna Lestari",
    "gender": "P", "birth_date": date(1995, 3, 10), "grade": "III/a",
}  # fmt: skip


def test_admin_opd_may_not_add_an_employee_without_a_post(personas: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_create(actor=personas.agency_admin, **NEW)
    assert "Jabatan wajib dipilih" in exc.value.message_dict["position"][0]
    assert not Employee.objects.filter(nip=NEW["nip"]).exists()
    with pytest.raises(PermissionDenied, match="Hanya Admin BKPSDM dan Admin OPD"):
        employee_create(actor=personas.employee, **NEW)
    assert employee_create(actor=personas.hr_admin, **NEW).nip == NEW["nip"]


# --- the page forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["mutasi", "plt"])
def test_the_forms_do_not_exist_for_another_agencys_or_a_never_placed_employee(
    client: Client, personas: Personas, cases: Cases, page: str
) -> None:
    client.force_login(personas.agency_admin)
    for employee in (cases.other_agency, cases.never_placed):
        response = client.post(
            f"/pegawai/{employee.pk}/{page}/",
            {"position": cases.vacant.pk, "start_date": MOVE_DAY, "acting_kind": "PLT"},
        )
        assert response.status_code == 404
        assert employee.name not in response.content.decode()
        assert cases.vacant.pk not in _open_posts(employee)


def test_the_move_form_places_an_employee_between_posts(
    client: Client, personas: Personas, cases: Cases
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/pegawai/{cases.between_posts.pk}/mutasi/",
        {"position": cases.vacant.pk, "start_date": MOVE_DAY, "konfirmasi": "1"},
    )
    assert response.status_code == 302
    assert _open_posts(cases.between_posts) == [cases.vacant.pk]


def test_the_move_form_tells_why_a_retired_employee_cannot_move(
    client: Client, personas: Personas, cases: Cases
) -> None:
    client.force_login(personas.agency_admin)
    response = client.post(
        f"/pegawai/{cases.retired.pk}/mutasi/",
        {"position": cases.vacant.pk, "start_date": MOVE_DAY, "konfirmasi": "1"},
    )
    assert response.status_code == 200
    assert "hanya pegawai aktif yang dapat dimutasi" in response.content.decode()
    assert _open_posts(cases.retired) == []


def test_the_add_form_offers_only_posts_of_the_admins_agency(
    client: Client, personas: Personas
) -> None:
    elsewhere = make_position(agency=personas.other_agency, name="Staf Terminal")
    client.force_login(personas.agency_admin)
    data = {**NEW, "birth_date": "1995-03-10", "start_date": MOVE_DAY}
    body = client.post("/pegawai/tambah/", {**data, "position": elsewhere.pk}).content.decode()
    assert "Jabatan: pilih jabatan lowong dari daftar." in body
    body = client.post("/pegawai/tambah/", data).content.decode()
    assert "Jabatan wajib dipilih." in body
    assert not Employee.objects.filter(nip=NEW["nip"]).exists()


# --- the API ------------------------------------------------------------------------------------


def test_the_move_api_hides_another_agencys_and_a_never_placed_employee(
    client: Client, personas: Personas, cases: Cases
) -> None:
    client.force_login(personas.agency_admin)
    body = {"position_id": cases.vacant.pk, "start_date": MOVE_DAY}
    for employee in (cases.other_agency, cases.never_placed):
        response = client.post(
            f"/api/v1/employees/{employee.pk}/move/", body, content_type="application/json"
        )
        assert response.status_code == 404
        assert cases.vacant.pk not in _open_posts(employee)


def test_the_move_api_places_between_posts_and_refuses_the_retired_with_the_field(
    client: Client, personas: Personas, cases: Cases
) -> None:
    client.force_login(personas.agency_admin)
    body = {"position_id": cases.vacant.pk, "start_date": MOVE_DAY}
    response = client.post(
        f"/api/v1/employees/{cases.retired.pk}/move/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "hanya pegawai aktif" in response.json()["employee"][0]
    response = client.post(
        f"/api/v1/employees/{cases.between_posts.pk}/move/", body, content_type="application/json"
    )
    assert response.status_code == 201
    assert _open_posts(cases.between_posts) == [cases.vacant.pk]


def test_the_create_api_refuses_admin_opd_without_a_post_or_with_another_agencys_post(
    client: Client, personas: Personas
) -> None:
    elsewhere = make_position(agency=personas.other_agency, name="Staf Terminal")
    client.force_login(personas.agency_admin)
    body = {**NEW, "birth_date": "1995-03-10"}
    response = client.post("/api/v1/employees/", body, content_type="application/json")
    assert response.status_code == 400
    assert "Jabatan wajib dipilih" in response.json()["position"][0]
    response = client.post(
        "/api/v1/employees/",
        {**body, "position_id": elsewhere.pk, "start_date": MOVE_DAY},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Employee.objects.filter(nip=NEW["nip"]).exists()

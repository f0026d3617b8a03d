from __future__ import annotations

import pytest
from django.test import Client

from kinerja.people.testing import Personas, make_position

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "status", "sees"),
    [
        ("employee", 403, set()),
        ("agency_admin", 200, {"Agus Wibowo"}),
        ("other_admin", 200, {"Joko Perhubungan"}),
        ("hr_admin", 200, {"Agus Wibowo", "Joko Perhubungan"}),
        ("leader", 200, {"Agus Wibowo", "Joko Perhubungan"}),
        ("auditor", 200, {"Agus Wibowo", "Joko Perhubungan"}),
        ("outsider", 403, set()),
    ],
)
def test_employee_list_api_is_scoped(
    client: Client, personas: Personas, name: str, status: int, sees: set[str]
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/api/v1/employees/")
    assert response.status_code == status
    if status == 200:
        listed = {row["name"] for row in response.json()["results"]}
        assert listed & {"Agus Wibowo", "Joko Perhubungan"} == sees


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 200),
        ("agency_admin", 200),
        ("other_admin", 404),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("outsider", 404),
    ],
)
def test_employee_detail_api_has_the_chain(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/api/v1/employees/{personas.staff.employee.pk}/")
    assert response.status_code == status
    if status == 200:
        chain = response.json()["chain_of_command"]
        assert chain["supervisor"]["name"] == "Sri Handayani"
    else:
        # "Agus" alone would also match a date in August (Agustus).
        staff = personas.staff.employee
        assert staff.name not in response.content.decode()
        assert staff.nip not in response.content.decode()


NEW = {
    "nip": "199503102020012004", "employment_type": "PNS", "name": "Ratna Lestari",
    "gender": "P", "birth_date": "1995-03-10", "grade": "III/a", "start_date": "2025-01-02",
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("agency_admin", 201),
        ("other_admin", 403),
        ("hr_admin", 201),
        ("leader", 403),
        ("auditor", 403),
        ("outsider", 403),
    ],
)
def test_employee_create_api_is_for_admins_of_the_agency(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post)
    client.force_login(personas.all()[name])
    response = client.post(
        "/api/v1/employees/", {**NEW, "position_id": post.pk}, content_type="application/json"
    )
    assert response.status_code == status
    if status == 403:
        assert NEW["name"] not in response.content.decode()
        assert NEW["nip"] not in response.content.decode()


def test_api_refusal_names_field_and_rule(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.post(
        "/api/v1/employees/", {**NEW, "grade": "IX"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Golongan 'IX' tidak berlaku untuk PNS" in response.json()["grade"][0]


def test_move_api_refuses_a_held_post_and_other_agencies(
    client: Client, personas: Personas
) -> None:
    url = f"/api/v1/employees/{personas.staff.employee.pk}/move/"
    body = {"position_id": personas.staff.kasi_post.pk, "start_date": "2025-07-01"}
    client.force_login(personas.agency_admin)
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "sudah dipegang Sri Handayani" in response.json()["position"][0]
    client.force_login(personas.other_admin)
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 404
    assert personas.staff.employee.name not in response.content.decode()
    assert personas.staff.employee.nip not in response.content.decode()

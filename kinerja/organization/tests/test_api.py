from __future__ import annotations

import pytest
from django.test import Client

from kinerja.organization.models import Position, Unit
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "status", "sees"),
    [
        ("employee", 403, set()),
        ("agency_admin", 200, {"agency"}),
        ("other_admin", 200, {"other_agency"}),
        ("hr_admin", 200, {"agency", "other_agency"}),
        ("leader", 200, {"agency", "other_agency"}),
        ("auditor", 200, {"agency", "other_agency"}),
        ("outsider", 403, set()),
    ],
)
def test_agency_list_api_is_scoped(
    client: Client, personas: Personas, name: str, status: int, sees: set[str]
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/api/v1/agencies/")
    assert response.status_code == status
    if status == 200:
        listed = {row["name"] for row in response.json()["results"]}
        for attribute in ("agency", "other_agency"):
            agency_name = getattr(personas, attribute).name
            assert (agency_name in listed) is (attribute in sees)


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 404),
        ("agency_admin", 200),
        ("other_admin", 404),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("outsider", 404),
    ],
)
def test_units_and_positions_api_hide_other_agencies(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    unit = Unit.objects.create(agency=personas.agency, code="bidang-a", name="Bidang Rahasia")
    Position.objects.create(agency=personas.agency, unit=unit, name="Kabid Rahasia", kind="JPT")
    client.force_login(personas.all()[name])
    for path in ("units", "positions"):
        response = client.get(f"/api/v1/agencies/{personas.agency.pk}/{path}/")
        assert response.status_code == status
        if status == 404:
            assert "Rahasia" not in response.content.decode()

from __future__ import annotations

import pytest
from django.test import Client

from conftest import Personas
from kinerja.organization.models import Position, Unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "status", "count"),
    [
        ("employee", 403, None),
        ("agency_admin", 200, 1),
        ("other_admin", 200, 1),
        ("hr_admin", 200, 2),
        ("leader", 200, 2),
        ("auditor", 200, 2),
        ("outsider", 403, None),
    ],
)
def test_agency_list_api_is_scoped(
    client: Client, personas: Personas, name: str, status: int, count: int | None
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/api/v1/agencies/")
    assert response.status_code == status
    if count is not None:
        assert response.json()["count"] == count


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

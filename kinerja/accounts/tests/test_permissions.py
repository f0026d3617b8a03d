from __future__ import annotations

import pytest
from django.test import Client

from kinerja.accounts import permissions
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

# persona -> (reads all agencies, manages own agency, manages other agency, reads audit trail)
EXPECTED = {
    "employee": (False, False, False, False),
    "agency_admin": (False, True, False, False),
    "other_admin": (False, False, True, False),
    "hr_admin": (True, True, True, False),
    "leader": (True, False, False, False),
    "auditor": (True, False, False, True),
    "outsider": (False, False, False, False),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_has_exactly_its_rights(personas: Personas, name: str) -> None:
    user = personas.all()[name]
    got = (
        permissions.can_read_all_agencies(user),
        permissions.can_manage_agency(user, personas.agency.pk),
        permissions.can_manage_agency(user, personas.other_agency.pk),
        permissions.can_read_audit_trail(user),
    )
    assert got == EXPECTED[name]


def test_inactive_user_has_no_role_rights(personas: Personas) -> None:
    personas.hr_admin.is_active = False
    assert not permissions.is_hr_admin(personas.hr_admin)


def test_agency_admin_sees_only_their_agency_in_the_list(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    body = client.get("/organisasi/").content.decode()
    assert personas.agency.name in body
    assert personas.other_agency.name not in body


def test_agency_admin_gets_404_for_another_agency_and_no_data(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.agency_admin)
    assert client.get(f"/organisasi/{personas.agency.pk}/").status_code == 200
    response = client.get(f"/organisasi/{personas.other_agency.pk}/")
    assert response.status_code == 404
    assert personas.other_agency.name not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("outsider", 403),
        ("hr_admin", 200),
        ("leader", 200),
        ("auditor", 200),
        ("agency_admin", 200),
    ],
)
def test_agency_list_page_by_role(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    assert client.get("/organisasi/").status_code == status


def test_navigation_shows_links_by_role(client: Client, personas: Personas) -> None:
    client.force_login(personas.auditor)
    body = client.get("/").content.decode()
    assert "Jejak audit" in body
    assert "Perangkat daerah" in body
    assert "Survei kepuasan" in body
    client.force_login(personas.employee)
    body = client.get("/").content.decode()
    assert "Jejak audit" not in body
    assert "Perangkat daerah" not in body
    assert "Survei kepuasan" not in body


def test_refuse_raises_the_rules_own_sentence_or_nothing() -> None:
    from django.core.exceptions import PermissionDenied

    from kinerja.accounts.permissions import refuse

    refuse(None)
    with pytest.raises(PermissionDenied, match="Hanya pejabat penilai"):
        refuse("Hanya pejabat penilai yang dapat mencatat dialog ini.")

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

COMPONENTS = (
    'class="k-header"',  # page shell with the city's identity
    'class="k-crumbs"',  # page header with breadcrumbs
    'class="k-card',  # summary cards
    'class="k-badge',  # status badges
    'class="table k-table',  # data table
    'class="k-dl"',  # definition list
    'class="k-field',  # form fields with help text and errors
    'class="k-empty"',  # empty state
    'class="k-confirm',  # confirmation
    'role="progressbar"',  # progress
    'class="k-chart"',  # chart with a text alternative
    'class="k-filters',  # filters folded behind "Saring"
)


def test_hr_admin_sees_every_component_on_the_style_guide(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/gaya/")
    assert response.status_code == 200
    body = response.content.decode()
    for marker in COMPONENTS:
        assert marker in body, marker
    assert "19900115 201503 1 002" in body
    assert "1 Desember 2026" in body
    assert "1.234,56" in body


@pytest.mark.parametrize(
    "name", ["employee", "agency_admin", "other_admin", "leader", "auditor", "outsider"]
)
def test_style_guide_is_refused_to_everyone_but_hr_admin(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    assert client.get("/gaya/").status_code == 403


@override_settings(DEBUG=True)
def test_style_guide_is_open_to_any_user_while_debugging(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    assert client.get("/gaya/").status_code == 200


def test_style_guide_asks_anonymous_visitors_to_log_in(client: Client) -> None:
    response = client.get("/gaya/")
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]

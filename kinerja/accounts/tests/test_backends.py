"""The session's user comes with their employee record, so no page pays a query to ask."""

from __future__ import annotations

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.backends import SessionUserBackend
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_a_linked_account_is_loaded_with_its_employee_in_one_query(personas: Personas) -> None:
    with CaptureQueriesContext(connection) as loading:
        user = SessionUserBackend().get_user(personas.employee.pk)
    assert user is not None
    with CaptureQueriesContext(connection) as following:
        assert user.employee.pk == personas.staff.employee.pk
    assert (len(loading), len(following)) == (1, 0)


def test_an_unlinked_account_knows_it_has_no_employee_without_a_query(
    personas: Personas,
) -> None:
    user = SessionUserBackend().get_user(personas.hr_admin.pk)
    assert user is not None
    with CaptureQueriesContext(connection) as following, pytest.raises(ObjectDoesNotExist):
        _ = user.employee
    assert len(following) == 0


def test_an_inactive_account_has_no_session_user(personas: Personas) -> None:
    personas.outsider.is_active = False
    personas.outsider.save(update_fields=["is_active"])
    assert SessionUserBackend().get_user(personas.outsider.pk) is None


def test_the_menu_offers_my_profile_without_querying_the_employee(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    with CaptureQueriesContext(connection) as page:
        response = client.get("/akun/token/")
    assert response.status_code == 200
    assert "Profil saya" in response.content.decode()
    employee_of_user = [
        q["sql"] for q in page.captured_queries if '"people_employee"."user_id" =' in q["sql"]
    ]
    assert employee_of_user == []

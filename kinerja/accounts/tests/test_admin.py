"""The Django admin changes role, agency and active status only through the services, and
never the password (see admin.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from kinerja.accounts.api_tokens import api_token_issue
from kinerja.accounts.models import ApiToken, RevokeReason, Role, User
from kinerja.accounts.testing import make_user
from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _superuser(user: User) -> User:
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


def _change_url(user: User) -> str:
    return f"/admin-django/accounts/user/{user.pk}/change/"


def _form_data(client: Client, user: User, **changes: Any) -> dict[str, Any]:
    """What the admin's change form posts back unchanged, with `changes` applied."""
    form = client.get(_change_url(user)).context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = "on" if value is True else value
    return data


def _post(client: Client, user: User, **changes: Any) -> list[str]:
    response = client.post(_change_url(user), _form_data(client, user, **changes), follow=True)
    assert response.status_code == 200
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_hr_admin_deactivating_in_django_admin_revokes_tokens_and_is_audited(
    client: Client, personas: Personas
) -> None:
    client.force_login(_superuser(personas.hr_admin))
    api_token_issue(actor=personas.employee)
    _post(client, personas.employee, is_active=False, full_name="Agus Wibowo, S.Kom.")
    personas.employee.refresh_from_db()
    assert personas.employee.is_active is False
    assert personas.employee.full_name == "Agus Wibowo, S.Kom."
    event = AuditEvent.objects.get(action="user.deactivated")
    assert event.actor_id == personas.hr_admin.pk
    assert ApiToken.objects.get().revoked_reason == RevokeReason.DEACTIVATED
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


def test_hr_admin_activating_in_django_admin_is_audited(client: Client, personas: Personas) -> None:
    personas.outsider.is_active = False
    personas.outsider.save(update_fields=["is_active"])
    client.force_login(_superuser(personas.hr_admin))
    _post(client, personas.outsider, is_active=True)
    personas.outsider.refresh_from_db()
    assert personas.outsider.is_active is True
    assert AuditEvent.objects.filter(action="user.activated").count() == 1


def test_a_role_given_in_django_admin_is_audited_as_a_role_change(
    client: Client, personas: Personas
) -> None:
    client.force_login(_superuser(personas.hr_admin))
    _post(client, personas.outsider, role=Role.ADMIN_OPD, agency=personas.agency.pk)
    personas.outsider.refresh_from_db()
    assert (personas.outsider.role, personas.outsider.agency_id) == (
        Role.ADMIN_OPD,
        personas.agency.pk,
    )
    event = AuditEvent.objects.get(action="user.role_changed")
    assert event.after is not None
    assert event.after["role"] == Role.ADMIN_OPD


def test_a_superuser_who_is_not_hr_admin_cannot_deactivate_and_is_told_why(
    client: Client, personas: Personas
) -> None:
    technician = _superuser(make_user(username="admin.teknis"))
    client.force_login(technician)
    api_token_issue(actor=personas.employee)
    shown = _post(client, personas.employee, is_active=False)
    personas.employee.refresh_from_db()
    assert personas.employee.is_active is True
    assert ApiToken.objects.get().revoked_at is None
    assert not AuditEvent.objects.filter(action="user.deactivated").exists()
    assert any("tidak disimpan" in m and "Admin BKPSDM" in m for m in shown)
    assert not any("berhasil" in m for m in shown)


def test_hr_admin_cannot_deactivate_themselves_in_django_admin(
    client: Client, personas: Personas
) -> None:
    client.force_login(_superuser(personas.hr_admin))
    shown = _post(client, personas.hr_admin, is_active=False)
    personas.hr_admin.refresh_from_db()
    assert personas.hr_admin.is_active is True
    assert any("tidak dapat menonaktifkan akun Anda sendiri" in m for m in shown)


def test_django_admin_offers_no_password_field_and_shows_no_hash(
    client: Client, personas: Personas
) -> None:
    client.force_login(_superuser(personas.hr_admin))
    response = client.get(_change_url(personas.employee))
    body = response.content.decode()
    assert "password" not in response.context["adminform"].form.fields
    assert personas.employee.password not in body
    assert "/akun/kata-sandi/" in body
    old_hash = personas.employee.password
    _post(client, personas.employee, password="argon2$dipaksa")
    personas.employee.refresh_from_db()
    assert personas.employee.password == old_hash

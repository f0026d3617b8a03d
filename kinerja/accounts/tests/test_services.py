from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.accounts.models import Role, User
from kinerja.accounts.services import (
    user_active_set,
    user_create,
    user_password_change,
    user_role_set,
)
from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_hr_admin_creates_an_employee_login_and_it_is_audited(personas: Personas) -> None:
    user = user_create(
        actor=personas.hr_admin, username="19850301 201001 2 003", full_name="Sri Wahyuni"
    )
    assert user.username == "198503012010012003"
    assert user.must_change_password
    event = AuditEvent.objects.get(action="user.created", object_id=str(user.pk))
    assert event.actor_id == personas.hr_admin.pk
    assert event.after is not None
    assert event.after["username"] == "198503012010012003"


def test_agency_admin_creates_plain_logins_for_own_agency_only(personas: Personas) -> None:
    user_create(
        actor=personas.agency_admin,
        username="198503012010012003",
        full_name="Sri",
        agency_id=personas.agency.pk,
    )
    with pytest.raises(PermissionDenied):
        user_create(
            actor=personas.agency_admin,
            username="198503012010012004",
            full_name="Sri",
            agency_id=personas.other_agency.pk,
        )
    with pytest.raises(PermissionDenied):
        user_create(
            actor=personas.agency_admin,
            username="x.admin",
            full_name="X",
            role=Role.ADMIN_BKPSDM,
        )


@pytest.mark.parametrize("name", ["employee", "leader", "auditor", "outsider"])
def test_other_roles_cannot_create_logins(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        user_create(actor=personas.all()[name], username="abc", full_name="Abc")


def test_duplicate_login_name_is_refused_naming_the_field(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        user_create(actor=personas.hr_admin, username="19900115 201503 1 002", full_name="Dobel")
    assert "199001152015031002 sudah dipakai" in excinfo.value.message_dict["username"][0]
    assert User.objects.filter(full_name="Dobel").count() == 0


def test_agency_admin_role_requires_an_agency(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        user_create(actor=personas.hr_admin, username="a.b", full_name="A B", role=Role.ADMIN_OPD)
    assert "agency" in excinfo.value.message_dict


def test_unknown_role_and_empty_name_are_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        user_create(actor=personas.hr_admin, username="", full_name=" ", role="RAJA")
    assert set(excinfo.value.message_dict) == {"username", "full_name", "role"}


def test_role_change_is_for_hr_admin_and_audited(personas: Personas) -> None:
    user_role_set(
        actor=personas.hr_admin,
        user=personas.employee,
        role=Role.ADMIN_OPD,
        agency_id=personas.agency.pk,
    )
    event = AuditEvent.objects.get(action="user.role_changed")
    assert event.before is not None
    assert event.before["role"] == ""
    assert event.after is not None
    assert event.after["role"] == Role.ADMIN_OPD
    with pytest.raises(PermissionDenied):
        user_role_set(actor=personas.agency_admin, user=personas.employee, role="", agency_id=None)
    with pytest.raises(ValidationError):
        user_role_set(actor=personas.hr_admin, user=personas.employee, role="RAJA", agency_id=None)
    with pytest.raises(ValidationError):
        user_role_set(
            actor=personas.hr_admin, user=personas.employee, role=Role.ADMIN_OPD, agency_id=None
        )


def test_nobody_changes_another_persons_password(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        user_password_change(
            actor=personas.hr_admin, user=personas.employee, new_password="Sangat-Rahasia-77"
        )
    assert AuditEvent.objects.filter(action="user.password_changed").count() == 0


def test_hr_admin_deactivates_and_reactivates_a_login_both_audited(personas: Personas) -> None:
    user_active_set(actor=personas.hr_admin, user=personas.employee, is_active=False)
    assert not User.objects.get(pk=personas.employee.pk).is_active
    user_active_set(actor=personas.hr_admin, user=personas.employee, is_active=True)
    assert User.objects.get(pk=personas.employee.pk).is_active
    actions = list(
        AuditEvent.objects.filter(object_id=str(personas.employee.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["user.deactivated", "user.activated"]


@pytest.mark.parametrize(
    "name", ["employee", "agency_admin", "other_admin", "leader", "auditor", "outsider"]
)
def test_only_hr_admin_deactivates_logins(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        user_active_set(actor=personas.all()[name], user=personas.employee, is_active=False)
    assert not AuditEvent.objects.filter(action="user.deactivated").exists()


def test_hr_admin_cannot_deactivate_themself(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        user_active_set(actor=personas.hr_admin, user=personas.hr_admin, is_active=False)
    assert "akun Anda sendiri" in excinfo.value.message_dict["is_active"][0]


def test_setting_the_state_a_login_already_has_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        user_active_set(actor=personas.hr_admin, user=personas.employee, is_active=True)
    assert "199001152015031002 sudah aktif" in excinfo.value.message_dict["is_active"][0]

"""Admin BKPSDM sees the login locks in force and lifts one (login_lock_lift)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.accounts.login_guard import login_lock_lift
from kinerja.accounts.models import LockScope, LoginLock
from kinerja.accounts.testing import TEST_PASSWORD, make_lock
from kinerja.audit.models import AuditEvent
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

LOCKS = "/akun/kunci/"


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("employee", 403),
        ("agency_admin", 403),
        ("other_admin", 403),
        ("hr_admin", 200),
        ("leader", 403),
        ("auditor", 403),
        ("outsider", 403),
    ],
)
def test_lock_list_page_is_for_hr_admin_only(
    client: Client, personas: Personas, name: str, status: int
) -> None:
    client.force_login(personas.all()[name])
    assert client.get(LOCKS).status_code == status


@pytest.mark.parametrize(
    "name", ["employee", "agency_admin", "other_admin", "leader", "auditor", "outsider"]
)
def test_only_hr_admin_may_unlock(client: Client, personas: Personas, name: str) -> None:
    lock = make_lock(user=personas.employee)
    client.force_login(personas.all()[name])
    assert client.post(f"{LOCKS}{lock.pk}/buka/").status_code == 403
    lock.refresh_from_db()
    assert lock.lifted_at is None


def test_lock_list_shows_account_address_failures_and_until_when(
    client: Client, personas: Personas
) -> None:
    make_lock(user=personas.employee)
    make_lock(scope=LockScope.ADDRESS, address="198.51.100.7")
    make_lock(user=personas.leader, minutes_left=-1)  # run out: not listed
    client.force_login(personas.hr_admin)
    body = client.get(LOCKS).content.decode()
    assert personas.employee.full_name in body
    assert "203.0.113.10" in body
    assert "198.51.100.7" in body
    assert "Semua akun" in body
    assert personas.leader.full_name not in body
    assert "Buka kunci" in body
    until = timezone.localtime(LoginLock.objects.filter(user=personas.employee).get().locked_until)
    assert f"{until:%H.%M} WIB" in body
    assert "Kunci masuk" in client.get("/").content.decode()


def test_lock_list_costs_the_same_queries_for_one_lock_and_for_many(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    make_lock(user=personas.employee)
    with CaptureQueriesContext(connection) as one:
        client.get(LOCKS)
    for n in range(15):
        make_lock(user=personas.all()["outsider"], address=f"192.0.2.{n}")
        make_lock(login_name=f"tebakan{n}", address=f"192.0.2.{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(LOCKS)
    assert len(many) == len(one)


def test_hr_admin_unlocks_and_the_owner_can_log_in_again(
    client: Client, personas: Personas
) -> None:
    for _ in range(5):
        Client().post("/akun/masuk/", {"username": personas.employee.username, "password": "salah"})
    lock = LoginLock.objects.get()
    client.force_login(personas.hr_admin)
    response = client.post(f"{LOCKS}{lock.pk}/buka/", follow=True)
    assert "dibuka" in response.content.decode()
    lock.refresh_from_db()
    assert lock.lifted_by == personas.hr_admin
    login = Client().post(
        "/akun/masuk/", {"username": personas.employee.username, "password": TEST_PASSWORD}
    )
    assert login.status_code == 302


def test_unlock_needs_a_post(client: Client, personas: Personas) -> None:
    lock = make_lock(user=personas.employee)
    client.force_login(personas.hr_admin)
    assert client.get(f"{LOCKS}{lock.pk}/buka/").status_code == 405


def test_lock_lift_is_audited_with_who_and_the_address(personas: Personas) -> None:
    lock = make_lock(user=personas.employee)
    login_lock_lift(actor=personas.hr_admin, lock=lock)
    event = AuditEvent.objects.get(action="login_lock.lifted")
    assert event.actor_id == personas.hr_admin.pk
    assert event.object_id == str(lock.pk)
    assert event.before is not None
    assert event.before["lifted_at"] is None
    assert event.after is not None
    assert event.after["lifted_at"] is not None
    assert event.after["client_address"] == "203.0.113.10"


def test_lock_lift_refuses_other_roles(personas: Personas) -> None:
    lock = make_lock(user=personas.employee)
    with pytest.raises(PermissionDenied):
        login_lock_lift(actor=personas.auditor, lock=lock)
    assert not AuditEvent.objects.filter(action="login_lock.lifted").exists()


def test_lock_lift_refuses_a_lock_that_already_ran_out_or_was_lifted(
    client: Client, personas: Personas
) -> None:
    ran_out = make_lock(user=personas.employee, minutes_left=-1)
    with pytest.raises(ValidationError) as excinfo:
        login_lock_lift(actor=personas.hr_admin, lock=ran_out)
    assert "sudah tidak berlaku" in excinfo.value.message_dict["lock"][0]
    lifted = make_lock(user=personas.leader)
    login_lock_lift(actor=personas.hr_admin, lock=lifted)
    client.force_login(personas.hr_admin)
    page = client.post(f"{LOCKS}{lifted.pk}/buka/", follow=True).content.decode()
    assert "sudah tidak berlaku" in page
    assert AuditEvent.objects.filter(action="login_lock.lifted").count() == 1


def test_unknown_lock_answers_404(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.post(f"{LOCKS}999999/buka/").status_code == 404


def test_lock_list_without_locks_says_so(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert "Tidak ada kunci masuk yang berlaku" in client.get(LOCKS).content.decode()

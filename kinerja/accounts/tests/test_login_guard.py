"""The lockout policy of kinerja/accounts/README.md, as a user and an attacker meet it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from kinerja.accounts.login_guard import client_address_key
from kinerja.accounts.models import LockScope, LoginLock
from kinerja.accounts.testing import TEST_PASSWORD, make_user
from kinerja.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"
NIP = "199001152015031002"
OFFICE = "203.0.113.10"
HOME = "198.51.100.7"


def post_login(client: Client, username: str, password: str = TEST_PASSWORD, ip: str = OFFICE):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client: Client, username: str, times: int, ip: str = OFFICE) -> None:
    for _ in range(times):
        post_login(client, username, "salah-terus", ip)


def test_five_failures_lock_the_account_from_that_address_only(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 5, ip=OFFICE)
    assert post_login(client, NIP, ip=OFFICE).status_code == 429
    # The owner at home is not shut out by a guesser in the office.
    assert post_login(Client(), NIP, ip=HOME).status_code == 302
    lock = LoginLock.objects.get()
    assert (lock.scope, lock.login_name, lock.client_address, lock.failures) == (
        LockScope.ACCOUNT_ADDRESS,
        NIP,
        OFFICE,
        5,
    )


def test_attempts_during_a_lock_do_not_extend_it(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 5)
    lock = LoginLock.objects.get()
    until = lock.locked_until
    assert until - lock.locked_at == timedelta(minutes=15)
    fail(client, NIP, 20)
    lock.refresh_from_db()
    assert lock.locked_until == until
    assert LoginLock.objects.count() == 1


def test_lock_runs_out_after_its_duration_and_the_next_try_starts_afresh(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 5)
    LoginLock.objects.update(locked_until=timezone.now() - timedelta(seconds=1))
    # One more mistake does not lock again at once: counting restarted when the lock began.
    assert post_login(client, NIP, "salah").status_code == 200
    assert post_login(client, NIP).status_code == 302


def test_success_resets_the_count_for_that_account_and_address(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 4)
    assert post_login(client, NIP).status_code == 302
    fail(Client(), NIP, 4)
    assert post_login(Client(), NIP).status_code == 302
    assert not LoginLock.objects.exists()


def test_a_whole_office_mistyping_behind_one_address_is_not_locked(client: Client) -> None:
    names = [f"1990011520150310{n:02d}" for n in range(30)]
    for name in names:
        make_user(username=name)
        post_login(Client(), name, "salah-ketik")
    assert all(post_login(Client(), name).status_code == 302 for name in names)
    assert not LoginLock.objects.exists()


@override_settings(LOGIN_FAILURES_PER_ADDRESS=12)
def test_an_address_spraying_many_accounts_is_throttled(client: Client) -> None:
    make_user(username=NIP)
    for n in range(12):
        post_login(client, f"tebakan{n}", "salah")
    response = post_login(client, NIP)
    assert response.status_code == 429
    assert "dari alamat jaringan ini" in response.content.decode()
    assert post_login(Client(), NIP, ip=HOME).status_code == 302
    assert LoginLock.objects.get().scope == LockScope.ADDRESS


@override_settings(LOGIN_FAILURES_PER_ACCOUNT=8)
def test_guessing_one_account_from_many_addresses_locks_it_everywhere(client: Client) -> None:
    make_user(username=NIP)
    for ip in ("192.0.2.1", "192.0.2.2"):
        fail(Client(), NIP, 4, ip=ip)
    assert post_login(Client(), NIP, ip=HOME).status_code == 429
    assert LoginLock.objects.get().scope == LockScope.ACCOUNT


def test_lockout_page_says_until_when_and_sends_retry_after(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 4)
    response = post_login(client, NIP, "salah")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    body = response.content.decode()
    assert "Akun dikunci sementara" in body
    assert "tidak memperpanjang kunci" in body
    assert "Admin BKPSDM" in body


def test_ipv6_clients_in_one_slash_64_count_as_one_address() -> None:
    assert client_address_key("2001:db8:1:2::1") == client_address_key("2001:db8:1:2:ffff::9")
    assert client_address_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert client_address_key("2001:db8:1:3::1") != client_address_key("2001:db8:1:2::1")
    assert client_address_key("::ffff:192.0.2.5") == "192.0.2.5"
    assert client_address_key(OFFICE) == OFFICE
    assert client_address_key(None) == ""


def test_login_success_is_audited_with_who_and_the_address(client: Client) -> None:
    user = make_user(username=NIP)
    post_login(client, NIP)
    event = AuditEvent.objects.get(action="login.succeeded")
    assert event.actor_id == user.pk
    assert event.client_ip == OFFICE
    assert event.after == {"channel": "web"}


def test_failed_login_of_a_known_account_is_audited_without_the_password(
    client: Client,
) -> None:
    user = make_user(username=NIP)
    post_login(client, NIP, "RahasiaYangSalah99")
    event = AuditEvent.objects.get(action="login.failed")
    assert event.actor_id is None
    assert event.actor_label == "Pengguna belum masuk"
    assert event.object_id == str(user.pk)
    assert event.client_ip == OFFICE
    assert event.after == {"login_name": NIP, "known_account": True, "channel": "web"}
    assert "RahasiaYangSalah99" not in json.dumps([event.before, event.after, event.object_label])


def test_failed_login_of_an_unknown_name_keeps_only_the_truncated_name(client: Client) -> None:
    post_login(client, "seseorang.yang.tidak.ada.di.kinerja", "apa-saja")
    event = AuditEvent.objects.get(action="login.failed")
    assert event.object_id == ""
    assert event.after == {
        "login_name": "seseorang.yang.tidak",
        "known_account": False,
        "channel": "web",
    }


def test_lock_is_audited_once_and_refused_attempts_write_nothing(client: Client) -> None:
    make_user(username=NIP)
    fail(client, NIP, 5)
    assert AuditEvent.objects.filter(action="login_lock.imposed").count() == 1
    imposed = AuditEvent.objects.get(action="login_lock.imposed")
    assert imposed.after is not None
    assert imposed.after["scope"] == LockScope.ACCOUNT_ADDRESS
    assert imposed.client_ip == OFFICE
    events_before = AuditEvent.objects.count()
    fail(client, NIP, 10)
    post_login(client, NIP)
    assert AuditEvent.objects.count() == events_before


def test_token_endpoint_follows_the_same_lock(client: Client) -> None:
    make_user(username=NIP)
    for _ in range(5):
        response = client.post(
            "/api/v1/token/", {"username": NIP, "password": "salah"}, REMOTE_ADDR=OFFICE
        )
    assert response.status_code == 429
    assert "dikunci" in response.json()["detail"]
    assert "Retry-After" in response
    # Shared with the login page: the web login from that address is locked as well.
    assert post_login(client, NIP).status_code == 429
    refused = client.post(
        "/api/v1/token/", {"username": NIP, "password": TEST_PASSWORD}, REMOTE_ADDR=OFFICE
    )
    assert refused.status_code == 429
    failed = AuditEvent.objects.filter(action="login.failed")
    assert {event.after["channel"] for event in failed if event.after} == {"api"}


def test_django_admin_login_follows_the_same_lock(client: Client) -> None:
    user = make_user(username="admin.teknis")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    admin_login = "/admin-django/login/"
    for _ in range(5):
        client.post(
            admin_login, {"username": "admin.teknis", "password": "salah"}, REMOTE_ADDR=OFFICE
        )
    response = client.post(
        admin_login, {"username": "admin.teknis", "password": TEST_PASSWORD}, REMOTE_ADDR=OFFICE
    )
    assert response.status_code == 200
    assert "Akun dikunci sementara" in response.content.decode()
    assert LoginLock.objects.get().user == user
    assert AuditEvent.objects.filter(action="login.failed").count() == 5


def test_django_admin_login_refuses_accounts_without_staff_access(client: Client) -> None:
    make_user(username=NIP)
    response = client.post("/admin-django/login/", {"username": NIP, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "tidak memiliki akses admin Django" in response.content.decode()

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.accounts.testing import TEST_PASSWORD, make_user
from kinerja.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"


def post_login(client: Client, username: str, password: str = TEST_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_page_is_in_indonesian(client: Client) -> None:
    response = client.get(LOGIN)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="id"' in body
    assert "Masuk ke Kinerja" in body
    assert "NIP atau nama pengguna" in body


@pytest.mark.parametrize(
    "typed",
    [
        "199001152015031002",
        "19900115 201503 1 002",
        " 19900115.201503.1.002 ",
        "19900115  201503 1002",
    ],
)
def test_employee_logs_in_with_nip_typed_with_or_without_spaces(client: Client, typed: str) -> None:
    make_user(username="199001152015031002")
    response = post_login(client, typed)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")


def test_staff_username_is_case_insensitive(client: Client) -> None:
    make_user(username="admin.bkpsdm")
    assert post_login(client, "Admin.BKPSDM").status_code == 302


def test_wrong_password_is_refused_with_an_indonesian_message(client: Client) -> None:
    make_user(username="199001152015031002")
    response = post_login(client, "199001152015031002", "salah-sekali")
    assert response.status_code == 200
    assert "kata sandi salah" in response.content.decode()


def test_five_failures_lock_the_account_and_say_when_to_retry(client: Client) -> None:
    make_user(username="199001152015031002")
    for _ in range(4):
        assert post_login(client, "19900115 201503 1 002", "salah").status_code == 200
    response = post_login(client, "199001152015031002", "salah")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Akun dikunci sementara" in body
    assert "coba lagi setelah pukul" in body.lower()
    assert "15 menit" in body
    # Even the right password is refused while locked.
    assert post_login(client, "199001152015031002").status_code == 429


def test_lockout_of_one_account_leaves_colleagues_alone(client: Client) -> None:
    make_user(username="199001152015031002")
    make_user(username="199202202019032001")
    for _ in range(5):
        post_login(client, "199001152015031002", "salah")
    assert post_login(client, "199202202019032001").status_code == 302


def test_logout_ends_the_session(client: Client) -> None:
    user = make_user()
    client.force_login(user)
    response = client.post("/akun/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_anonymous_visitor_is_sent_to_login(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_imported_account_must_change_password_before_anything_else(client: Client) -> None:
    user = make_user(must_change_password=True)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change")
    page = client.get(reverse("accounts:password_change"))
    assert "login pertama" in page.content.decode()


def test_password_change_clears_the_obligation_and_is_audited(client: Client) -> None:
    user = make_user(must_change_password=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "Sangat-Rahasia-77",
            "new_password2": "Sangat-Rahasia-77",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert user.check_password("Sangat-Rahasia-77")
    event = AuditEvent.objects.get(action="user.password_changed")
    assert event.actor_id == user.pk
    assert event.client_ip == "127.0.0.1"
    assert "password" not in (event.after or {})
    assert client.get("/").status_code == 200


def test_weak_new_password_is_refused_and_keeps_the_old_one(client: Client) -> None:
    user = make_user(must_change_password=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)
    assert user.must_change_password

"""A password may not contain or resemble the owner's full name or NIP."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.accounts.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def agus() -> User:
    return make_user(username="199001152015031002", full_name="Agus Wibowo Santoso")


@pytest.mark.parametrize(
    "password", ["AgusWibowo2026!", "wibowo-kuat-sekali", "S4nt0s0!" + "santoso", "agswibowosantos"]
)
def test_password_like_the_full_name_is_refused_naming_the_rule(agus: User, password: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_password(password, agus)
    message = " ".join(excinfo.value.messages)
    assert "mirip nama lengkap Anda (Agus Wibowo Santoso)" in message
    assert "tidak boleh memuat bagian nama lengkap atau NIP" in message


@pytest.mark.parametrize(
    "password",
    ["x199001152015031002", "Lahir-19900115!", "Sandi-201503-Baru", "1990011520150310xy"],
)
def test_password_with_the_nip_or_its_birth_date_is_refused(agus: User, password: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_password(password, agus)
    assert "mirip NIP/nama pengguna Anda (199001152015031002)" in " ".join(excinfo.value.messages)


def test_staff_username_is_refused_too() -> None:
    user = make_user(username="admin.bkpsdm", full_name="Sri Rahayu")
    with pytest.raises(ValidationError):
        validate_password("AdminBkpsdm-2026", user)


def test_unrelated_password_is_accepted(agus: User) -> None:
    validate_password("Teh-Hangat-Di-Pagi-Hari", agus)


def test_short_name_parts_alone_are_not_forbidden() -> None:
    user = make_user(username="199202202019032001", full_name="Sri Ani")
    validate_password("Sri-dan-Ani-pergi-ke-pasar", user)


def test_password_page_refuses_a_password_with_the_name_and_keeps_the_old_one(
    client: Client, agus: User
) -> None:
    client.force_login(agus)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "AgusWibowo-2026",
            "new_password2": "AgusWibowo-2026",
        },
    )
    assert response.status_code == 200
    assert "mirip nama lengkap Anda" in response.content.decode()
    agus.refresh_from_db()
    assert agus.check_password(TEST_PASSWORD)

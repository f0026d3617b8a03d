"""Account links in the header: every user reaches their API tokens, Admin BKPSDM the locks."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

PERSONAS = [
    "employee",
    "supervisor",
    "appraiser_superior",
    "agency_admin",
    "other_admin",
    "hr_admin",
    "leader",
    "auditor",
    "outsider",
]


@pytest.mark.parametrize("name", PERSONAS)
def test_every_user_finds_token_api_next_to_kata_sandi_in_the_header(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    body = client.get("/").content.decode()
    assert '<a class="btn btn-sm btn-outline-light" href="/akun/token/">Token API</a>' in body
    assert 'href="/akun/kata-sandi/">Kata sandi</a>' in body


@pytest.mark.parametrize("name", PERSONAS)
def test_only_hr_admin_finds_kunci_masuk_in_the_menu(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.all()[name])
    body = client.get("/").content.decode()
    assert ('href="/akun/kunci/">Kunci masuk</a>' in body) is (name == "hr_admin")


def test_the_token_link_is_marked_current_on_the_token_page(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    body = client.get("/akun/token/").content.decode()
    assert 'href="/akun/token/" aria-current="page">Token API</a>' in body


def test_a_visitor_who_has_not_logged_in_sees_no_account_links(client: Client) -> None:
    body = client.get("/akun/masuk/").content.decode()
    assert "/akun/token/" not in body

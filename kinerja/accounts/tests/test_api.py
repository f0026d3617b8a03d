from __future__ import annotations

import pytest
from django.test import Client

from kinerja.accounts.api_tokens import api_token_hash
from kinerja.accounts.models import ApiToken
from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_me_needs_authentication(client: Client) -> None:
    assert client.get("/api/v1/me/").status_code in {401, 403}


def test_me_with_session(client: Client, personas: Personas) -> None:
    client.force_login(personas.agency_admin)
    data = client.get("/api/v1/me/").json()
    assert data == {
        "username": "admin.opd",
        "full_name": personas.agency_admin.full_name,
        "role": "ADMIN_OPD",
        "agency_id": personas.agency.pk,
    }


def test_token_is_issued_for_a_nip_with_spaces_and_authenticates(
    client: Client, personas: Personas
) -> None:
    response = client.post(
        "/api/v1/token/", {"username": "199001152015031002", "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert ApiToken.objects.filter(key_hash=api_token_hash(token), user=personas.employee).exists()
    me = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200
    assert me.json()["username"] == "199001152015031002"


def test_schema_and_offline_docs_are_served_locally(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/me/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn" not in docs.lower()
    assert "unpkg" not in docs
    assert "jsdelivr" not in docs


def test_schema_describes_the_token_header_and_the_token_endpoint(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    schema = client.get("/api/schema/").content.decode()
    assert "tokenAuth" in schema
    assert "/api/v1/token/" in schema
    assert "expires_at" in schema

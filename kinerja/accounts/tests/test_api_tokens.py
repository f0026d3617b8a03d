"""API tokens: expiry, revocation, the owner's token page, and what the audit trail keeps."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.accounts.api_tokens import api_token_hash, api_token_issue, api_token_revoke
from kinerja.accounts.models import ApiToken, RevokeReason
from kinerja.accounts.services import user_active_set, user_password_change
from kinerja.accounts.testing import TEST_PASSWORD
from kinerja.audit.models import AuditEvent
from kinerja.core.templatetags.kinerja_ui import datetime_id
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db

TOKENS = "/akun/token/"


def me_with(key: str):  # type: ignore[no-untyped-def]
    return Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")


def test_token_endpoint_returns_the_expiry_thirty_days_ahead(
    client: Client, personas: Personas
) -> None:
    response = client.post(
        "/api/v1/token/",
        {"username": personas.employee.username, "password": TEST_PASSWORD, "name": "skrip"},
    )
    assert response.status_code == 200
    data = response.json()
    token = ApiToken.objects.get(pk=data["token_id"])
    assert token.name == "skrip"
    assert token.expires_at - token.created_at == timedelta(days=30)
    assert data["expires_at"].startswith(timezone.localtime(token.expires_at).date().isoformat())
    assert me_with(data["token"]).status_code == 200
    issued = AuditEvent.objects.get(action="api_token.issued")
    assert (issued.actor_id, issued.client_ip) == (personas.employee.pk, "127.0.0.1")
    assert data["token"] not in json.dumps(issued.after)


def test_wrong_password_gets_no_token(client: Client, personas: Personas) -> None:
    response = client.post(
        "/api/v1/token/", {"username": personas.employee.username, "password": "salah"}
    )
    assert response.status_code == 400
    assert "kata sandi salah" in response.json()["detail"]
    assert not ApiToken.objects.exists()


@override_settings(API_TOKEN_DAYS=7)
def test_token_lifetime_is_a_setting(personas: Personas) -> None:
    token = api_token_issue(actor=personas.employee).token
    assert token.expires_at - token.created_at == timedelta(days=7)


def test_only_the_hash_of_the_key_is_stored_and_audited_without_it(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    token = ApiToken.objects.get()
    assert token.key_hash == api_token_hash(issued.key)
    assert issued.key not in token.key_hash
    assert token.key_prefix == issued.key[:8]
    event = AuditEvent.objects.get(action="api_token.issued")
    assert event.actor_id == personas.employee.pk
    assert event.object_id == str(token.pk)
    payload = json.dumps([event.before, event.after])
    assert issued.key not in payload
    assert token.key_hash not in payload


def test_expired_token_answers_401_in_indonesian(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = me_with(issued.key)
    assert response.status_code == 401
    assert "kedaluwarsa" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Token"


def test_unknown_token_answers_401(personas: Personas) -> None:
    response = me_with("bukan-token-siapa-pun")
    assert response.status_code == 401
    assert "tidak dikenal" in response.json()["detail"]


def test_using_a_token_records_when_it_was_last_used(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    assert issued.token.last_used_at is None
    me_with(issued.key)
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_password_change_revokes_every_token(personas: Personas) -> None:
    keys = [api_token_issue(actor=personas.employee).key for _ in range(2)]
    user_password_change(
        actor=personas.employee, user=personas.employee, new_password="Sangat-Rahasia-77"
    )
    assert set(ApiToken.objects.values_list("revoked_reason", flat=True)) == {
        RevokeReason.PASSWORD_CHANGED
    }
    for key in keys:
        response = me_with(key)
        assert response.status_code == 401
        assert "dicabut" in response.json()["detail"]
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 2


def test_deactivation_revokes_every_token_and_is_audited(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    user_active_set(actor=personas.hr_admin, user=personas.employee, is_active=False)
    issued.token.refresh_from_db()
    assert issued.token.revoked_reason == RevokeReason.DEACTIVATED
    assert me_with(issued.key).status_code == 401
    event = AuditEvent.objects.get(action="user.deactivated")
    assert event.actor_id == personas.hr_admin.pk
    assert event.after is not None
    assert event.after["is_active"] is False
    revoked = AuditEvent.objects.get(action="api_token.revoked")
    assert revoked.actor_id == personas.hr_admin.pk


def test_token_of_an_account_deactivated_outside_the_service_stops_working(
    personas: Personas,
) -> None:
    issued = api_token_issue(actor=personas.employee)
    personas.employee.is_active = False
    personas.employee.save(update_fields=["is_active"])
    assert me_with(issued.key).status_code == 401


@override_settings(API_TOKEN_MAX_ACTIVE=2)
def test_issuing_past_the_limit_revokes_the_oldest_token(personas: Personas) -> None:
    first, second, third = (api_token_issue(actor=personas.employee) for _ in range(3))
    first.token.refresh_from_db()
    assert first.token.revoked_reason == RevokeReason.REPLACED
    assert me_with(second.key).status_code == 200
    assert me_with(third.key).status_code == 200


def test_token_name_longer_than_100_characters_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as excinfo:
        api_token_issue(actor=personas.employee, name="x" * 101)
    assert "101 karakter" in excinfo.value.message_dict["name"][0]
    assert not ApiToken.objects.exists()


def test_owner_revokes_a_token_and_it_is_audited(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    api_token_revoke(actor=personas.employee, token=issued.token)
    assert issued.token.revoked_reason == RevokeReason.OWNER
    assert me_with(issued.key).status_code == 401
    event = AuditEvent.objects.get(action="api_token.revoked")
    assert event.actor_id == personas.employee.pk
    assert event.after is not None
    assert event.after["revoked_reason"] == RevokeReason.OWNER


def test_nobody_revokes_someone_elses_token(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=personas.hr_admin, token=issued.token)
    assert not AuditEvent.objects.filter(action="api_token.revoked").exists()


def test_revoking_twice_is_refused_naming_the_token(personas: Personas) -> None:
    issued = api_token_issue(actor=personas.employee)
    api_token_revoke(actor=personas.employee, token=issued.token)
    with pytest.raises(ValidationError) as excinfo:
        api_token_revoke(actor=personas.employee, token=issued.token)
    assert issued.key[:8] in excinfo.value.message_dict["token"][0]


@pytest.mark.parametrize(
    "name",
    ["employee", "agency_admin", "other_admin", "hr_admin", "leader", "auditor", "outsider"],
)
def test_every_persona_sees_only_their_own_tokens(
    client: Client, personas: Personas, name: str
) -> None:
    own = api_token_issue(actor=personas.all()[name], name="punya-saya")
    other_owner = personas.outsider if name != "outsider" else personas.employee
    other = api_token_issue(actor=other_owner, name="punya-orang-lain")
    client.force_login(personas.all()[name])
    response = client.get(TOKENS)
    assert response.status_code == 200
    body = response.content.decode()
    assert own.key[:8] in body
    assert other.key[:8] not in body
    assert own.key not in body
    # Someone else's token does not exist as far as this user can tell.
    assert client.post(f"{TOKENS}{other.token.pk}/cabut/").status_code == 404
    other.token.refresh_from_db()
    assert other.token.revoked_at is None


def test_anonymous_visitor_is_sent_to_login_from_the_token_page(client: Client) -> None:
    response = client.get(TOKENS)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


def test_token_page_shows_created_last_used_expiry_and_revokes(
    client: Client, personas: Personas
) -> None:
    issued = api_token_issue(actor=personas.employee)
    client.force_login(personas.employee)
    body = client.get(TOKENS).content.decode()
    for moment in (issued.token.created_at, issued.token.expires_at):
        assert datetime_id(moment) in body  # "30 Desember 2026 pukul 07.37"
    assert "Belum pernah" in body
    assert "Aktif" in body
    response = client.post(f"{TOKENS}{issued.token.pk}/cabut/", follow=True)
    page = response.content.decode()
    assert "dicabut" in page
    assert "Dicabut" in page
    assert me_with(issued.key).status_code == 401


def test_token_page_costs_the_same_queries_for_one_token_and_for_many(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    api_token_issue(actor=personas.employee)
    with CaptureQueriesContext(connection) as one:
        client.get(TOKENS)
    for _ in range(12):
        api_token_issue(actor=personas.employee)
    with CaptureQueriesContext(connection) as many:
        client.get(TOKENS)
    assert len(many) == len(one)


def test_token_page_without_tokens_says_how_to_get_one(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    body = client.get(TOKENS).content.decode()
    assert "Anda belum memiliki token API" in body
    assert "POST /api/v1/token/" in body

"""The kiosk at the counter (/s/<slug>/kios/) and the registration of its tablet
(/skm/<slug>/kios/)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import Channel, RefusalReason, SubmissionRefusal, SurveyResponse
from kinerja.surveys.protection import KIOSK_COOKIE, kiosk_cookie_value
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="token" value="([^"]+)"')
MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}


def token_of(html: bytes) -> str:
    found = TOKEN.search(html.decode())
    assert found
    return found[1]


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {f"u{n}": "3" for n in range(1, 10)}
    data.update(website="", suggestion="Kursi tunggu kurang.")
    data.update(changes)
    return data


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket KTP", slug="loket-ktp")


def test_the_kiosk_returns_to_a_fresh_empty_form_and_echoes_no_answer(
    client: Client, unit: ServiceUnit
) -> None:
    page = client.get(f"/s/{unit.slug}/kios/")
    html = page.content.decode()
    assert 'class="pub-kiosk"' in html
    assert 'autocomplete="off"' in html
    assert "no-store" in page["Cache-Control"]
    response = client.post(f"/s/{unit.slug}/kios/", answers(token=token_of(page.content)))
    assert response.status_code == 303
    assert SurveyResponse.objects.get().channel == Channel.KIOSK
    thanks = client.get(response["Location"])
    assert "no-store" in thanks["Cache-Control"]
    thanks_html = thanks.content.decode()
    assert f'<meta http-equiv="refresh" content="5;url=/s/{unit.slug}/kios/">' in thanks_html
    assert f'href="/s/{unit.slug}/kios/"' in thanks_html
    assert "Kursi tunggu kurang" not in thanks_html
    assert "<script" not in thanks_html
    fresh = client.get(f"/s/{unit.slug}/kios/").content.decode()
    assert " checked" not in fresh
    assert "Kursi tunggu kurang" not in fresh
    assert token_of(fresh.encode()) != token_of(page.content)


def test_a_registered_kiosk_has_the_kiosk_limit_and_no_duplicate_check(
    client: Client, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_RATE_LIMIT = 2
    settings.SKM_RATE_LIMIT_KIOSK = 4
    client.cookies[KIOSK_COOKIE] = kiosk_cookie_value(service_unit_id=unit.pk)
    codes = [
        client.post(
            f"/s/{unit.slug}/kios/",
            answers(token=token_of(client.get(f"/s/{unit.slug}/kios/").content)),
        ).status_code
        for _ in range(5)
    ]
    assert codes == [303, 303, 303, 303, 429]
    assert SurveyResponse.objects.count() == 4  # four citizens who answered alike


def test_a_kiosk_cookie_of_another_unit_gives_the_ordinary_limit(
    client: Client, unit: ServiceUnit, personas: Personas, settings: Any
) -> None:
    settings.SKM_RATE_LIMIT = 1
    other = make_service_unit(unit=personas.staff.unit)
    client.cookies[KIOSK_COOKIE] = kiosk_cookie_value(service_unit_id=other.pk)
    codes = [
        client.post(
            f"/s/{unit.slug}/kios/",
            answers(token=token_of(client.get(f"/s/{unit.slug}/kios/").content), u1=str(n)),
        ).status_code
        for n in (1, 2)
    ]
    assert codes == [303, 429]
    assert SubmissionRefusal.objects.get().reason == RefusalReason.RATE_LIMIT


def test_the_unit_head_registers_the_tablet_audited_and_gets_the_cookie(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.appraiser_superior)
    page = client.get(f"/skm/{unit.slug}/kios/")
    assert page.status_code == 200
    assert "Daftarkan perangkat ini sebagai kios?" in page_text(page.content)
    response = client.post(f"/skm/{unit.slug}/kios/")
    assert response.status_code == 200
    assert "Perangkat ini sudah terdaftar sebagai kios Loket KTP." in page_text(response.content)
    cookie = response.cookies[KIOSK_COOKIE]
    assert cookie["path"] == f"/s/{unit.slug}/"
    assert cookie["httponly"]
    assert int(cookie["max-age"]) > 365 * 24 * 3600
    event = AuditEvent.objects.get(action="survey_kiosk.activated")
    assert event.actor_id == personas.appraiser_superior.pk
    assert event.object_id == str(unit.pk)


@pytest.mark.parametrize(
    "name",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_only_the_unit_head_and_admins_may_register_a_kiosk(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    expected = 200 if name in MANAGERS else 403
    assert client.get(f"/skm/{unit.slug}/kios/").status_code == expected
    assert client.post(f"/skm/{unit.slug}/kios/").status_code == expected
    assert (KIOSK_COOKIE in client.cookies) == (name in MANAGERS)
    assert AuditEvent.objects.filter(action="survey_kiosk.activated").count() == (
        1 if name in MANAGERS else 0
    )


def test_anonymous_visitors_are_sent_to_login_for_the_kiosk_registration(
    client: Client, unit: ServiceUnit
) -> None:
    response = client.get(f"/skm/{unit.slug}/kios/")
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]

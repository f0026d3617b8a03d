"""The citizens' form /s/<slug>/: no login, no JavaScript, a plain POST and a 303."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from kinerja.core.testing import headings, page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import Channel, RefusalReason, SubmissionRefusal, SurveyResponse
from kinerja.surveys.testing import make_service, make_service_unit

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def token_of(html: bytes) -> str:
    found = TOKEN.search(html.decode())
    assert found, "the form carries a hidden token"
    return found[1]


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {f"u{n}": "3" for n in range(1, 10)}
    data.update(website="", gender="P", age="34", education="S1", occupation="SWASTA")
    data["suggestion"] = "Antrean cepat."
    data.update(changes)
    return data


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket KTP", slug="loket-ktp")


def open_form(client: Client, unit: ServiceUnit) -> str:
    return token_of(client.get(f"/s/{unit.slug}/").content)


def test_an_anonymous_citizen_sends_the_form_and_lands_on_the_thank_you_page(
    client: Client, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    token = open_form(client, unit)
    response = client.post(f"/s/{unit.slug}/", answers(token=token, service=str(service.pk)))
    assert response.status_code == 303
    assert response["Location"] == f"/s/{unit.slug}/terima-kasih/"
    stored = SurveyResponse.objects.get()
    assert (stored.u1, stored.u9, stored.service, stored.channel) == (3, 3, service, Channel.ONLINE)
    assert (stored.gender, stored.age, stored.education) == ("P", 34, "S1")
    assert len(stored.client_hash) == 64 and "127.0.0.1" not in stored.client_hash
    thanks = client.get(response["Location"])
    assert "Terima kasih, jawaban Anda sudah kami terima" in page_text(thanks.content)
    assert f'href="/s/{unit.slug}/hasil/"' in thanks.content.decode()
    assert "Lihat hasil survei unit ini" in page_text(thanks.content)

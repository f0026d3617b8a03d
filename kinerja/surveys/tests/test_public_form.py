"""The citizens' form /s/<slug>/: no login, no JavaScript, a plain POST and a 303."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

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
    assert len(stored.client_hash) == 64
    assert "127.0.0.1" not in stored.client_hash
    thanks = client.get(response["Location"])
    assert "Terima kasih, jawaban Anda sudah kami terima" in page_text(thanks.content)
    assert f'href="/s/{unit.slug}/hasil/"' in thanks.content.decode()
    assert "Lihat hasil survei unit ini" in page_text(thanks.content)


def test_the_form_is_one_small_page_without_script_that_lists_the_nine_questions(
    client: Client, unit: ServiceUnit
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    response = client.get(f"/s/{unit.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) < 30 * 1024
    css = finders.find("surveys/public.css")
    assert css is not None
    with open(css, "rb") as handle:
        assert len(handle.read()) < 8 * 1024
    assert "<script" not in html
    assert "<style" not in html
    assert response["Cache-Control"].count("no-store") == 1
    text = page_text(response.content)
    assert "Loket KTP" in text
    assert f'href="/s/{unit.slug}/standar/"' in html
    assert "Layanan yang diterima" in text
    assert "Perekaman KTP-el" in text
    assert "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan" in text
    assert html.count('type="radio" name="u') == 36
    assert "Sangat sesuai" in text
    assert "Dikelola dengan baik" in text
    assert 'name="website"' in html
    assert 'tabindex="-1"' in html
    for name in ("gender", "age", "education", "occupation", "suggestion"):
        assert f'name="{name}"' in html
    assert "Pendapat Anda" in headings(response.content)


def test_a_unit_without_services_asks_no_service(client: Client, unit: ServiceUnit) -> None:
    html = client.get(f"/s/{unit.slug}/").content.decode()
    assert 'name="service"' not in html
    response = client.post(f"/s/{unit.slug}/", answers(token=token_of(html.encode())))
    assert response.status_code == 303
    assert SurveyResponse.objects.get().service is None


def test_missing_and_bad_answers_are_named_next_to_the_field_and_the_rest_is_kept(
    client: Client, unit: ServiceUnit
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    token = open_form(client, unit)
    response = client.post(
        f"/s/{unit.slug}/", answers(token=token, u4="", u7="9", age="5", suggestion="Ruang panas")
    )
    assert response.status_code == 200
    text = page_text(response.content)
    html = response.content.decode()
    assert "Ada 4 isian yang perlu diperbaiki" in text
    assert "Layanan yang diterima wajib dipilih." in text
    assert "Jawaban U4 (Biaya/Tarif) wajib dipilih." in text
    assert "Jawaban U7 (Perilaku Pelaksana) '9' di luar skala; isi 1, 2, 3 atau 4." in text
    assert "Usia '5' tidak sah" in text
    assert 'href="#f-u4-1"' in html
    assert 'href="#f-service"' in html
    # the other answers are kept, the same (unused) token too
    assert 'id="f-u1-3" value="3" required checked' in html
    assert 'id="f-gender-P" value="P" checked' in html
    assert "Ruang panas</textarea>" in html
    assert token_of(response.content) == token
    assert SurveyResponse.objects.count() == 0
    assert SubmissionRefusal.objects.get().reason == RefusalReason.INVALID
    # corrected, the same form goes through
    fixed = client.post(
        f"/s/{unit.slug}/",
        answers(token=token, service="Perekaman KTP-el", age="40", suggestion="Ruang panas"),
    )
    assert fixed.status_code == 303


def test_an_over_long_suggestion_is_refused_with_its_length(
    client: Client, unit: ServiceUnit
) -> None:
    token = open_form(client, unit)
    response = client.post(f"/s/{unit.slug}/", answers(token=token, suggestion="a" * 2001))
    assert "terlalu panjang (2001 karakter); paling banyak 2000 karakter" in page_text(
        response.content
    )
    assert SurveyResponse.objects.count() == 0


def test_an_unknown_service_is_refused_naming_the_accepted_ones(
    client: Client, unit: ServiceUnit
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    token = open_form(client, unit)
    response = client.post(f"/s/{unit.slug}/", answers(token=token, service="999999"))
    text = page_text(response.content)
    expected = "Layanan '999999' tidak ada di unit layanan ini; pilih salah satu: Perekaman KTP-el."
    assert expected in text
    assert SurveyResponse.objects.count() == 0


def test_an_unknown_unit_is_a_404_page(client: Client, db: None) -> None:
    assert client.get("/s/tidak-ada/").status_code == 404
    assert client.post("/s/tidak-ada/", answers(token="x")).status_code == 404
    assert client.get("/s/tidak-ada/kios/").status_code == 404
    assert client.get("/s/tidak-ada/terima-kasih/").status_code == 404


def test_an_inactive_unit_shows_a_polite_page_and_stores_nothing(
    client: Client, personas: Personas
) -> None:
    closed = make_service_unit(unit=personas.staff.unit, name="Loket Lama", is_active=False)
    page = client.get(f"/s/{closed.slug}/")
    assert page.status_code == 200
    assert "Survei unit ini sedang tidak dibuka" in headings(page.content)
    assert "<form" not in page.content.decode()
    posted = client.post(f"/s/{closed.slug}/", answers(token="x"))
    assert posted.status_code == 200
    assert "Survei unit ini sedang tidak dibuka" in page_text(posted.content)
    assert SurveyResponse.objects.count() == 0
    assert client.get(f"/s/{closed.slug}/kios/").status_code == 200


def test_hostile_values_never_break_the_form(client: Client, unit: ServiceUnit) -> None:
    token = open_form(client, unit)
    hostile = dict.fromkeys(answers(), "x" * 5000)
    response = client.post(f"/s/{unit.slug}/", {**hostile, "token": token, "website": ""})
    assert response.status_code == 200
    assert len(response.content) < 40 * 1024
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize(
    "name",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_every_persona_and_anonymous_sees_the_same_public_form(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get(f"/s/{unit.slug}/")
    assert response.status_code == 200
    assert "Kirim jawaban" in page_text(response.content)
    token = token_of(response.content)
    assert client.post(f"/s/{unit.slug}/", answers(token=token)).status_code == 303


def test_each_citizen_gets_the_same_page_with_a_fresh_token(
    client: Client, unit: ServiceUnit
) -> None:
    first, second = client.get(f"/s/{unit.slug}/"), client.get(f"/s/{unit.slug}/")
    assert token_of(first.content) != token_of(second.content)
    assert first.content.replace(token_of(first.content).encode(), b"") == (
        second.content.replace(token_of(second.content).encode(), b"")
    )
    assert "no-store" in first["Cache-Control"]
    assert "Set-Cookie" not in first


def test_a_new_renamed_or_closed_service_and_a_renamed_unit_show_on_the_form_at_once(
    client: Client, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    assert "Perekaman KTP-el" in page_text(client.get(f"/s/{unit.slug}/").content)
    make_service(service_unit=unit, name="Kartu Keluarga")
    service.name = "Cetak ulang KTP-el"
    service.save()
    unit.name = "Loket Kependudukan"
    unit.save()
    text = page_text(client.get(f"/s/{unit.slug}/").content)
    assert "Cetak ulang KTP-el" in text
    assert "Kartu Keluarga" in text
    assert "Perekaman KTP-el" not in text
    assert "Loket Kependudukan" in text
    service.is_active = False
    service.save()
    text = page_text(client.get(f"/s/{unit.slug}/kios/").content)
    assert "Cetak ulang KTP-el" not in text
    assert "Kartu Keluarga" in text


def statements(captured: CaptureQueriesContext) -> list[str]:
    """The SQL sent, without the savepoints of the test's own transaction."""
    return [
        query["sql"].split(" ", 1)[0]
        for query in captured.captured_queries
        if "SAVEPOINT" not in query["sql"]
    ]


def test_the_form_costs_at_most_one_query_and_a_stored_submission_two(
    client: Client, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    with CaptureQueriesContext(connection) as captured:
        client.get(f"/s/{unit.slug}/")
    assert statements(captured) == ["SELECT"]  # the unit with its active services
    with CaptureQueriesContext(connection) as captured:
        token = open_form(client, unit)
    assert statements(captured) == []  # the next citizens: from the cache, a few seconds
    # the salts of the day (created on first use) are read once, then kept in the cache
    client.post(f"/s/{unit.slug}/", answers(token=token, service=str(service.pk)))
    token = open_form(client, unit)
    with CaptureQueriesContext(connection) as captured:  # the unit is read afresh
        response = client.post(
            f"/s/{unit.slug}/", answers(token=token, service=str(service.pk), u1="1")
        )
    assert response.status_code == 303
    assert statements(captured) == ["SELECT", "INSERT"]  # the insert checks for a duplicate
    assert SurveyResponse.objects.count() == 2


def test_a_unit_closed_while_its_form_is_cached_refuses_the_submission(
    client: Client, unit: ServiceUnit
) -> None:
    token = open_form(client, unit)
    ServiceUnit.objects.filter(pk=unit.pk).update(is_active=False)  # no signal: cache kept
    assert token_of(client.get(f"/s/{unit.slug}/").content)  # the form, a few seconds behind
    response = client.post(f"/s/{unit.slug}/", answers(token=token))
    assert "Survei unit ini sedang tidak dibuka" in page_text(response.content)
    assert not SurveyResponse.objects.exists()


def test_an_overlong_address_is_a_404_page(client: Client, db: None) -> None:
    from kinerja.surveys.selectors import SLUG_MAX

    assert ServiceUnit._meta.get_field("slug").max_length == SLUG_MAX
    assert client.get(f"/s/{'x' * 81}/").status_code == 404
    assert client.get(f"/s/{'x' * 81}/kios/").status_code == 404

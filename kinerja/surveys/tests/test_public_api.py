"""The public submission API: the form with a token, then the answers; the same protections
and the same sentences as the public page."""

from __future__ import annotations

import time
from typing import Any

import pytest
from rest_framework.test import APIClient

from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import Channel, RefusalReason, SubmissionRefusal, SurveyResponse
from kinerja.surveys.protection import form_token_issue
from kinerja.surveys.testing import make_service, make_service_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket KTP", slug="loket-ktp")


def form_url(unit: ServiceUnit) -> str:
    return f"/api/v1/service-units/{unit.slug}/form/"


def post_url(unit: ServiceUnit) -> str:
    return f"/api/v1/service-units/{unit.slug}/responses/"


def fresh(api: APIClient, unit: ServiceUnit) -> str:
    return str(api.get(form_url(unit)).json()["token"])


def body(token: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {f"u{n}": 2 for n in range(1, 10)}
    data.update(token=token, website="", gender="L", age=29, education="SMA")
    data.update(changes)
    return data


def refusals(unit: ServiceUnit) -> dict[str, int]:
    return dict(SubmissionRefusal.objects.filter(service_unit=unit).values_list("reason", "count"))


def test_the_form_gives_questions_services_profile_choices_and_a_token(
    api: APIClient, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    response = api.get(form_url(unit))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["service_unit"] == "Loket KTP"
    assert data["is_open"] is True
    assert data["services"] == [{"id": service.pk, "name": "Perekaman KTP-el"}]
    assert [q["field"] for q in data["questions"]] == [f"u{n}" for n in range(1, 10)]
    assert data["questions"][0]["answers"][3] == {"value": 4, "text": "Sangat sesuai"}
    assert {"value": "P", "text": "Perempuan"} in data["profile"]["gender"]
    assert data["token"]
    assert data["suggestion_max_chars"] == 2000


def test_a_citizen_app_sends_answers_and_receives_201(api: APIClient, unit: ServiceUnit) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    data = body(fresh(api, unit), service=service.pk, suggestion="Cepat")
    response = api.post(post_url(unit), data, format="json")
    assert response.status_code == 201
    assert response.json() == {"received": True}
    stored = SurveyResponse.objects.get()
    assert (stored.channel, stored.u5, stored.service, stored.age) == (Channel.API, 2, service, 29)


def test_bad_answers_answer_400_with_the_same_sentences_as_the_form(
    api: APIClient, unit: ServiceUnit
) -> None:
    response = api.post(post_url(unit), body(fresh(api, unit), u3=7, u8=None), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "u3": ["Jawaban U3 (Waktu Penyelesaian) '7' di luar skala; isi 1, 2, 3 atau 4."],
        "u8": ["Jawaban U8 (Penanganan Pengaduan, Saran dan Masukan) wajib dipilih."],
    }
    assert SurveyResponse.objects.count() == 0
    assert refusals(unit) == {RefusalReason.INVALID: 1}


def test_a_reused_token_is_refused_and_counted(api: APIClient, unit: ServiceUnit) -> None:
    token = fresh(api, unit)
    assert api.post(post_url(unit), body(token), format="json").status_code == 201
    again = api.post(post_url(unit), body(token, u1=4), format="json")
    assert again.status_code == 400
    assert again.json() == {
        "token": ["Token formulir ini sudah dipakai untuk satu kiriman; ambil formulir baru."]
    }
    assert refusals(unit) == {RefusalReason.TOKEN_REUSED: 1}


def test_a_token_of_another_unit_or_none_is_invalid(
    api: APIClient, unit: ServiceUnit, personas: Personas
) -> None:
    other = make_service_unit(unit=personas.staff.unit)
    response = api.post(post_url(unit), body(fresh(api, other)), format="json")
    assert response.status_code == 400
    assert "milik unit layanan lain" in response.json()["token"][0]
    assert api.post(post_url(unit), body(""), format="json").status_code == 400
    assert api.post(post_url(unit), ["not", "an", "object"], format="json").status_code == 400
    assert refusals(unit) == {RefusalReason.TOKEN_INVALID: 3}


def test_an_expired_token_is_refused(api: APIClient, unit: ServiceUnit, settings: Any) -> None:
    old = form_token_issue(
        service_unit_id=unit.pk, issued_at=time.time() - settings.SKM_TOKEN_MAX_AGE_SECONDS - 1
    )
    response = api.post(post_url(unit), body(old), format="json")
    assert response.status_code == 400
    assert "kedaluwarsa" in response.json()["token"][0]
    assert refusals(unit) == {RefusalReason.TOKEN_EXPIRED: 1}


def test_answers_sent_too_fast_are_refused(
    api: APIClient, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_MIN_FILL_SECONDS = 5
    response = api.post(post_url(unit), body(fresh(api, unit)), format="json")
    assert response.status_code == 400
    assert "terlalu cepat" in response.json()["token"][0]
    assert refusals(unit) == {RefusalReason.TOO_FAST: 1}


def test_a_filled_honeypot_answers_201_and_stores_nothing(
    api: APIClient, unit: ServiceUnit
) -> None:
    response = api.post(post_url(unit), body(fresh(api, unit), website="x"), format="json")
    assert response.status_code == 201
    assert response.json() == {"received": True}
    assert SurveyResponse.objects.count() == 0
    assert refusals(unit) == {RefusalReason.HONEYPOT: 1}


def test_the_same_answers_twice_are_a_duplicate(api: APIClient, unit: ServiceUnit) -> None:
    assert api.post(post_url(unit), body(fresh(api, unit)), format="json").status_code == 201
    again = api.post(post_url(unit), body(fresh(api, unit)), format="json")
    assert again.status_code == 400
    assert "Jawaban yang sama sudah kami terima" in again.json()["non_field_errors"][0]
    assert refusals(unit) == {RefusalReason.DUPLICATE: 1}


def test_a_burst_above_the_rate_limit_answers_429(
    api: APIClient, unit: ServiceUnit, settings: Any
) -> None:
    settings.SKM_RATE_LIMIT = 2
    codes = [
        api.post(post_url(unit), body(fresh(api, unit), age=20 + n), format="json").status_code
        for n in range(4)
    ]
    assert codes == [201, 201, 429, 429]
    last = api.post(post_url(unit), body(fresh(api, unit)), format="json")
    assert "Terlalu banyak kiriman" in last.json()["detail"]
    assert refusals(unit) == {RefusalReason.RATE_LIMIT: 3}
    assert SurveyResponse.objects.count() == 2


def test_an_inactive_unit_refuses_and_an_unknown_one_is_404(
    api: APIClient, personas: Personas
) -> None:
    closed = make_service_unit(unit=personas.staff.unit, is_active=False)
    form = api.get(form_url(closed)).json()
    assert form["is_open"] is False
    assert form["token"] is None
    response = api.post(post_url(closed), body("x"), format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Survei unit ini sedang tidak dibuka."]}
    assert api.get("/api/v1/service-units/tidak-ada/form/").status_code == 404
    assert api.post("/api/v1/service-units/tidak-ada/responses/", {}).status_code == 404


def test_a_signed_in_session_needs_no_csrf_token_and_form_posts_work_too(
    personas: Personas, unit: ServiceUnit
) -> None:
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(personas.employee)
    response = api.post(post_url(unit), body(fresh(api, unit)))  # multipart, like a form
    assert response.status_code == 201


def test_the_endpoints_are_documented_in_the_openapi_schema(
    client: Any, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    post = schema["paths"]["/api/v1/service-units/{slug}/responses/"]["post"]
    assert {"201", "400", "429"} <= set(post["responses"])
    assert "/api/v1/service-units/{slug}/form/" in schema["paths"]

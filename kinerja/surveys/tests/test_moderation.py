"""Moderation of suggestions: the services and the page /skm/<slug>/saran/."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit, Unit
from kinerja.people.testing import AGENCY_READERS, Personas
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.services.moderation import suggestion_hide, suggestion_show
from kinerja.surveys.testing import make_responses, make_service, make_service_unit

pytestmark = pytest.mark.django_db

ANSWERS = [3, 3, 3, 3, 3, 3, 3, 3, 3]
MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}
READERS = AGENCY_READERS


def _unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, slug="loket-ktp", name="Loket KTP")


def _suggestion(
    unit: ServiceUnit, text: str = "Antrean terlalu lama.", **kwargs: object
) -> SurveyResponse:
    return make_responses(service_unit=unit, answers=[ANSWERS], suggestion=text, **kwargs)[0]  # type: ignore[arg-type]


# --- services ---------------------------------------------------------------------------------


def test_the_unit_head_hides_a_suggestion_with_a_reason_and_it_is_audited(
    personas: Personas,
) -> None:
    response = _suggestion(_unit(personas))
    suggestion_hide(actor=personas.appraiser_superior, response=response, reason="Kata kasar")
    response.refresh_from_db()
    assert response.suggestion_hidden
    assert response.suggestion_hidden_reason == "Kata kasar"
    assert response.suggestion == "Antrean terlalu lama."
    event = AuditEvent.objects.get(action="survey_suggestion.hidden")
    assert (event.after or {})["suggestion_hidden_reason"] == "Kata kasar"


def test_the_agency_admin_shows_a_hidden_suggestion_again_and_it_is_audited(
    personas: Personas,
) -> None:
    response = _suggestion(_unit(personas))
    suggestion_hide(actor=personas.agency_admin, response=response, reason="Menyebut nama")
    suggestion_show(actor=personas.agency_admin, response=response)
    response.refresh_from_db()
    assert not response.suggestion_hidden
    assert response.suggestion_hidden_reason == ""
    assert AuditEvent.objects.filter(action="survey_suggestion.shown").count() == 1


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "other_admin", "leader", "auditor", "outsider"]
)
def test_whoever_does_not_manage_the_unit_may_not_hide_or_show(
    personas: Personas, name: str
) -> None:
    response = _suggestion(_unit(personas))
    actor = personas.all()[name]
    with pytest.raises(PermissionDenied):
        suggestion_hide(actor=actor, response=response, reason="Kasar")
    SurveyResponse.objects.filter(pk=response.pk).update(suggestion_hidden=True)
    with pytest.raises(PermissionDenied):
        suggestion_show(actor=actor, response=response)
    assert not AuditEvent.objects.filter(action__startswith="survey_suggestion").exists()


def test_the_head_of_one_unit_may_not_moderate_another_agencys_unit(personas: Personas) -> None:
    other = make_service_unit(
        unit=Unit.objects.create(agency=personas.other_agency, code="dishub-x", name="Loket Dishub")
    )
    response = _suggestion(other)
    with pytest.raises(PermissionDenied):
        suggestion_hide(actor=personas.appraiser_superior, response=response, reason="Kasar")


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Alasan menyembunyikan saran wajib diisi."), ("   ", "wajib diisi"),
     ("x" * 201, "paling banyak 200 karakter")],
)  # fmt: skip
def test_hiding_needs_a_reason_of_at_most_200_characters(
    personas: Personas, reason: str, message: str
) -> None:
    response = _suggestion(_unit(personas))
    with pytest.raises(ValidationError) as error:
        suggestion_hide(actor=personas.appraiser_superior, response=response, reason=reason)
    assert message in error.value.message_dict["reason"][0]
    response.refresh_from_db()
    assert not response.suggestion_hidden
    assert not AuditEvent.objects.exists()


def test_a_response_without_a_suggestion_or_already_hidden_is_refused(personas: Personas) -> None:
    unit = _unit(personas)
    blank = _suggestion(unit, text="")
    with pytest.raises(ValidationError, match="tidak berisi saran"):
        suggestion_hide(actor=personas.agency_admin, response=blank, reason="Kasar")
    response = _suggestion(unit)
    suggestion_hide(actor=personas.agency_admin, response=response, reason="Kasar")
    with pytest.raises(ValidationError, match="sudah disembunyikan"):
        suggestion_hide(actor=personas.agency_admin, response=response, reason="Lagi")
    suggestion_show(actor=personas.agency_admin, response=response)
    with pytest.raises(ValidationError, match="tidak sedang disembunyikan"):
        suggestion_show(actor=personas.agency_admin, response=response)
    assert AuditEvent.objects.count() == 2


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted([
    "employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
    "leader", "auditor", "outsider",
]))  # fmt: skip
def test_the_suggestion_list_is_read_by_the_units_readers_only(
    client: Client, personas: Personas, name: str
) -> None:
    unit = _unit(personas)
    response = _suggestion(unit, text="Petugas ramah sekali.")
    suggestion_hide(actor=personas.agency_admin, response=_suggestion(unit, text="Kasar!"),
                    reason="Kata kasar")  # fmt: skip
    client.force_login(personas.all()[name])
    page = client.get("/skm/loket-ktp/saran/")
    if name not in READERS:
        assert page.status_code == 403
        assert client.get(f"/skm/loket-ktp/saran/{response.pk}/moderasi/").status_code == 403
        return
    assert page.status_code == 200
    text = page_text(page.content)
    assert "Petugas ramah sekali." in text
    assert "Kasar!" in text
    assert "disembunyikan: Kata kasar" in text
    assert "Saran dan pengaduan 2" in text
    assert "Disembunyikan dari publik 1" in text
    assert ("Sembunyikan" in text) is (name in MANAGERS)
    moderate = client.get(f"/skm/loket-ktp/saran/{response.pk}/moderasi/")
    assert moderate.status_code == (200 if name in MANAGERS else 403)


def test_an_anonymous_visitor_is_sent_to_login(client: Client, personas: Personas) -> None:
    _unit(personas)
    assert client.get("/skm/loket-ktp/saran/").status_code == 302


def test_the_head_hides_a_suggestion_through_the_page_and_sees_it_marked(
    client: Client, personas: Personas
) -> None:
    response = _suggestion(_unit(personas))
    client.force_login(personas.appraiser_superior)
    url = f"/skm/loket-ktp/saran/{response.pk}/moderasi/"
    done = client.post(url, {"reason": "Menyebut nama petugas"}, follow=True)
    text = page_text(done.content)
    assert "Saran disembunyikan dari publik; jumlah saran tetap." in text
    assert "disembunyikan: Menyebut nama petugas" in text
    client.post(url, {})
    response.refresh_from_db()
    assert not response.suggestion_hidden
    assert AuditEvent.objects.filter(action="survey_suggestion.shown").count() == 1


def test_a_missing_or_long_reason_is_said_on_the_page_and_the_text_is_kept(
    client: Client, personas: Personas
) -> None:
    response = _suggestion(_unit(personas))
    client.force_login(personas.agency_admin)
    url = f"/skm/loket-ktp/saran/{response.pk}/moderasi/"
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert "menyembunyikan saran wajib diisi." in page_text(empty.content)
    long = client.post(url, {"reason": "panjang " * 30})
    assert "paling banyak 200 karakter" in page_text(long.content)
    assert "panjang panjang" in long.content.decode()
    response.refresh_from_db()
    assert not response.suggestion_hidden


def test_a_response_of_another_unit_or_without_suggestion_is_not_found(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    other = make_service_unit(unit=personas.staff.unit, slug="loket-lain")
    elsewhere = _suggestion(other)
    blank = _suggestion(unit, text="")
    client.force_login(personas.hr_admin)
    assert client.get(f"/skm/loket-ktp/saran/{elsewhere.pk}/moderasi/").status_code == 404
    assert client.get(f"/skm/loket-ktp/saran/{blank.pk}/moderasi/").status_code == 404


def test_a_bad_period_is_said_on_the_page(client: Client, personas: Personas) -> None:
    _unit(personas)
    client.force_login(personas.employee)
    page = client.get("/skm/loket-ktp/saran/?tahun=abc")
    assert page.status_code == 200
    assert "'abc' bukan periode yang dikenal" in page_text(page.content)


def test_the_suggestion_list_costs_the_same_queries_for_few_and_many(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    service = make_service(service_unit=unit)
    _suggestion(unit, service=service)
    client.force_login(personas.employee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/skm/loket-ktp/saran/").status_code == 200
        return len(captured)

    few = queries()
    for number in range(40):
        _suggestion(unit, text=f"Saran {number}", service=service)
    assert queries() == few


def test_the_newest_suggestion_comes_first_and_older_years_need_their_year(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    old = _suggestion(unit, text="Saran lama", day=date(2020, 5, 1))
    SurveyResponse.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=9))
    _suggestion(unit, text="Saran pertama")
    _suggestion(unit, text="Saran kedua")
    client.force_login(personas.employee)
    text = page_text(client.get("/skm/loket-ktp/saran/").content)
    assert "Saran lama" not in text
    assert text.index("Saran kedua") < text.index("Saran pertama")
    assert "Saran lama" in page_text(client.get("/skm/loket-ktp/saran/?tahun=2020").content)

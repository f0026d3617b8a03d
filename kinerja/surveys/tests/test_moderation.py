"""Moderation of suggestions: the services and the page /skm/<slug>/saran/."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import ServiceUnit, Unit
from kinerja.people.testing import Personas
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.services.moderation import suggestion_hide, suggestion_show
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

ANSWERS = [3, 3, 3, 3, 3, 3, 3, 3, 3]
MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}
READERS = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin", "leader",
           "auditor"}  # fmt: skip


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
    assert event.after["suggestion_hidden_reason"] == "Kata kasar"


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

"""Services of the unit's list of services: add, rename, deactivate; refusals; audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import Service
from kinerja.surveys.services.catalogue import service_add, service_update
from kinerja.surveys.testing import make_service, make_service_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, name="Loket Adminduk")


@pytest.mark.parametrize("name", ["appraiser_superior", "agency_admin", "hr_admin"])
def test_the_head_or_an_admin_adds_a_service_last_in_order(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    service = service_add(actor=personas.all()[name], service_unit=unit, name="  Akta   Lahir ")
    assert service.name == "Akta Lahir"
    assert service.position == 1
    event = AuditEvent.objects.get(action="survey_service.created")
    assert event.after == {"service_unit_id": unit.pk, "name": "Akta Lahir", "is_active": True}


@pytest.mark.parametrize("name", ["employee", "supervisor", "other_admin", "leader", "outsider"])
def test_others_may_not_add_or_change_a_service(
    personas: Personas, unit: ServiceUnit, name: str
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    with pytest.raises(PermissionDenied):
        service_add(actor=personas.all()[name], service_unit=unit, name="Akta Lahir")
    with pytest.raises(PermissionDenied):
        service_update(actor=personas.all()[name], service=service, name="X", is_active=False)
    assert Service.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("   ", "Nama layanan kosong tidak diterima"),
        ("x" * 201, "sepanjang 201 karakter tidak diterima: paling banyak 200"),
        ("perekaman ktp-EL", "Jenis layanan “perekaman ktp-EL” sudah ada di Loket Adminduk"),
    ],
)
def test_a_bad_name_is_refused(
    personas: Personas, unit: ServiceUnit, name: str, words: str
) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    with pytest.raises(ValidationError) as refusal:
        service_add(actor=personas.agency_admin, service_unit=unit, name=name)
    assert words in refusal.value.message_dict["name"][0]
    assert Service.objects.count() == 1


def test_the_same_name_in_another_unit_is_accepted(personas: Personas, unit: ServiceUnit) -> None:
    make_service(service_unit=unit, name="Perekaman KTP-el")
    other = make_service_unit(unit=personas.staff.unit)
    assert service_add(actor=personas.agency_admin, service_unit=other, name="Perekaman KTP-el")


def test_a_service_is_renamed_and_deactivated_with_an_audit_event(
    personas: Personas, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    service_update(
        actor=personas.appraiser_superior, service=service, name="KTP elektronik", is_active=False
    )
    service.refresh_from_db()
    assert service.name == "KTP elektronik"
    assert not service.is_active
    event = AuditEvent.objects.get(action="survey_service.updated")
    assert event.before is not None
    assert event.before["name"] == "Perekaman KTP-el"
    assert event.after == {
        "service_unit_id": unit.pk,
        "name": "KTP elektronik",
        "is_active": False,
    }


def test_renaming_to_another_services_name_is_refused_but_keeping_ones_own_is_not(
    personas: Personas, unit: ServiceUnit
) -> None:
    make_service(service_unit=unit, name="Akta Lahir")
    service = make_service(service_unit=unit, name="Perekaman KTP-el")
    with pytest.raises(ValidationError):
        service_update(
            actor=personas.agency_admin, service=service, name="akta lahir", is_active=True
        )
    service_update(
        actor=personas.agency_admin, service=service, name="Perekaman KTP-el", is_active=False
    )
    service.refresh_from_db()
    assert not service.is_active


def test_an_update_that_changes_nothing_is_not_audited(
    personas: Personas, unit: ServiceUnit
) -> None:
    service = make_service(service_unit=unit, name="Akta Lahir")
    service_update(actor=personas.agency_admin, service=service, name="Akta Lahir", is_active=True)
    assert not AuditEvent.objects.filter(action="survey_service.updated").exists()

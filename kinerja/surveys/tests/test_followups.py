"""The follow-up plan: the services and the pages /skm/<slug>/tindak-lanjut/."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import Personas
from kinerja.surveys.models import FollowUpAction, FollowUpState
from kinerja.surveys.services.followups import followup_create, followup_delete, followup_update
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db

MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}
READERS = {"employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin", "leader",
           "auditor"}  # fmt: skip


def _unit(personas: Personas) -> ServiceUnit:
    return make_service_unit(unit=personas.staff.unit, slug="loket-ktp", name="Loket KTP")


def _plan(**overrides: Any) -> dict[str, Any]:
    return {
        "year": 2026, "element": "U3", "action": "Tambah petugas loket pada jam sibuk",
        "owner": "Kepala Seksi Identitas", "due_date": date(2026, 12, 31),
        "state": FollowUpState.PLANNED,
    } | overrides  # fmt: skip


# --- services ---------------------------------------------------------------------------------


def test_the_unit_head_adds_changes_and_deletes_an_action_each_audited(
    personas: Personas,
) -> None:
    unit = _unit(personas)
    actor = personas.appraiser_superior
    followup = followup_create(actor=actor, service_unit=unit, **_plan())
    assert followup.element == "U3"
    followup_update(
        actor=actor, followup=followup, element="U9", action="Perbaiki ruang tunggu",
        owner="Kasubag Umum", due_date=date(2027, 3, 31), state=FollowUpState.IN_PROGRESS,
    )  # fmt: skip
    followup.refresh_from_db()
    assert (followup.element, followup.state, followup.year) == ("U9", "IN_PROGRESS", 2026)
    followup_delete(actor=actor, followup=followup)
    assert not FollowUpAction.objects.exists()
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "survey_followup.created", "survey_followup.updated", "survey_followup.deleted",
    ]  # fmt: skip
    updated = AuditEvent.objects.get(action="survey_followup.updated")
    assert updated.before["element"] == "U3"
    assert updated.after["element"] == "U9"


@pytest.mark.parametrize(
    "name", ["employee", "supervisor", "other_admin", "leader", "auditor", "outsider"]
)
def test_whoever_does_not_manage_the_unit_may_not_write_the_plan(
    personas: Personas, name: str
) -> None:
    unit = _unit(personas)
    actor = personas.all()[name]
    with pytest.raises(PermissionDenied):
        followup_create(actor=actor, service_unit=unit, **_plan())
    followup = followup_create(actor=personas.agency_admin, service_unit=unit, **_plan())
    fields = _plan()
    del fields["year"]
    with pytest.raises(PermissionDenied):
        followup_update(actor=actor, followup=followup, **fields)
    with pytest.raises(PermissionDenied):
        followup_delete(actor=actor, followup=followup)
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("element", "U10", "Unsur 'U10' tidak dikenal; pilih salah satu dari U1-U9."),
        ("action", "  ", "Tindak lanjut wajib diisi."),
        ("action", "x" * 2001, "paling banyak 2000 karakter"),
        ("owner", "", "Penanggung jawab wajib diisi."),
        ("owner", "x" * 201, "paling banyak 200 karakter"),
        ("due_date", None, "Target selesai wajib diisi."),
        ("due_date", date(2025, 12, 31), "harus pada tahun 2026 atau sesudahnya"),
        ("due_date", date(2032, 1, 1), "paling lambat tahun 2031"),
        ("state", "LATE", "Status 'LATE' tidak dikenal"),
        ("year", 1999, "Tahun survei 1999 di luar rentang"),
    ],
)
def test_a_bad_action_is_refused_naming_the_field_and_nothing_is_stored(
    personas: Personas, field: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        followup_create(actor=personas.agency_admin, service_unit=_unit(personas),
                        **_plan(**{field: value}))  # fmt: skip
    assert message in error.value.message_dict[field][0]
    assert not FollowUpAction.objects.exists()
    assert not AuditEvent.objects.exists()

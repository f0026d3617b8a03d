"""The follow-up plan: the services and the pages /skm/<slug>/tindak-lanjut/."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import page_text
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import AGENCY_READERS, Personas
from kinerja.surveys.models import FollowUpAction, FollowUpState
from kinerja.surveys.services.followups import followup_create, followup_delete, followup_update
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

MANAGERS = {"appraiser_superior", "agency_admin", "hr_admin"}
READERS = AGENCY_READERS


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
    assert (updated.before or {})["element"] == "U3"
    assert (updated.after or {})["element"] == "U9"


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


# --- pages ------------------------------------------------------------------------------------

ALL = ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
       "leader", "auditor", "outsider"]  # fmt: skip


@pytest.mark.parametrize("name", ALL)
def test_the_plan_page_is_read_by_the_units_readers_and_written_by_its_managers(
    client: Client, personas: Personas, name: str
) -> None:
    unit = _unit(personas)
    year = timezone.localdate().year
    followup = followup_create(actor=personas.agency_admin, service_unit=unit,
                               **_plan(year=year, due_date=date(year, 12, 31)))  # fmt: skip
    client.force_login(personas.all()[name])
    page = client.get("/skm/loket-ktp/tindak-lanjut/")
    edit = client.get(f"/skm/loket-ktp/tindak-lanjut/{followup.pk}/")
    if name not in READERS:
        assert page.status_code == 403
        assert edit.status_code == 403
        return
    assert page.status_code == 200
    text = page_text(page.content)
    assert "Tambah petugas loket pada jam sibuk" in text
    assert ("Tambah tindak lanjut" in text) is (name in MANAGERS)
    assert edit.status_code == (200 if name in MANAGERS else 403)


def test_the_three_weakest_elements_of_the_year_are_suggested(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    make_responses(service_unit=unit, answers=[[4, 4, 1, 4, 2, 4, 4, 4, 3]],
                   day=date(2025, 6, 1))  # fmt: skip
    client.force_login(personas.employee)
    text = page_text(client.get("/skm/loket-ktp/tindak-lanjut/?tahun=2025").content)
    assert "Unsur terlemah tahun 2025" in text
    weakest = text[text.index("Unsur terlemah tahun 2025") :]
    assert weakest.index("U3 Waktu Penyelesaian") < weakest.index("U5 Produk")
    assert weakest.index("U5 Produk") < weakest.index("U9 Sarana")


def test_the_head_adds_an_action_through_the_page_and_a_bad_one_keeps_the_input(
    client: Client, personas: Personas
) -> None:
    _unit(personas)
    client.force_login(personas.appraiser_superior)
    url = "/skm/loket-ktp/tindak-lanjut/?tahun=2026"
    bad = client.post(url, {"element": "U3", "action": "Buka loket sore", "owner": "",
                            "due_date": "31-12-2025", "state": "PLANNED"})  # fmt: skip
    assert bad.status_code == 200
    text = page_text(bad.content)
    assert "Penanggung jawab wajib diisi." in text
    assert "harus pada tahun 2026 atau sesudahnya" in text
    assert "Buka loket sore" in bad.content.decode()
    assert not FollowUpAction.objects.exists()
    fields = {"element": "U3", "action": "Buka loket sore", "owner": "Kasi",
              "due_date": "31-12-2026", "state": "PLANNED"}  # fmt: skip
    done = client.post(url, fields, follow=True)
    assert "Tindak lanjut tahun 2026 ditambahkan." in page_text(done.content)
    assert FollowUpAction.objects.get().year == 2026


def test_the_head_changes_and_deletes_an_action_through_the_page(
    client: Client, personas: Personas
) -> None:
    unit = _unit(personas)
    followup = followup_create(actor=personas.agency_admin, service_unit=unit, **_plan())
    client.force_login(personas.appraiser_superior)
    url = f"/skm/loket-ktp/tindak-lanjut/{followup.pk}/"
    client.post(url, {"element": "U9", "action": "Kursi tunggu baru", "owner": "Kasubag",
                      "due_date": "30-06-2027", "state": "DONE"})  # fmt: skip
    followup.refresh_from_db()
    assert (followup.element, followup.state, followup.due_date) == (
        "U9",
        "DONE",
        date(2027, 6, 30),
    )
    client.post(f"{url}?hapus=1")
    assert not FollowUpAction.objects.exists()
    assert AuditEvent.objects.filter(action="survey_followup.deleted").count() == 1


def test_an_action_of_another_unit_is_not_found(client: Client, personas: Personas) -> None:
    _unit(personas)
    other = make_service_unit(unit=personas.staff.unit, slug="loket-lain")
    followup = followup_create(actor=personas.agency_admin, service_unit=other, **_plan())
    client.force_login(personas.hr_admin)
    assert client.get(f"/skm/loket-ktp/tindak-lanjut/{followup.pk}/").status_code == 404


def test_a_visitor_is_sent_to_login(client: Client, personas: Personas) -> None:
    _unit(personas)
    assert client.get("/skm/loket-ktp/tindak-lanjut/").status_code == 302

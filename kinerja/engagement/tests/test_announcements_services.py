"""Writing announcements: who may announce to whom, each field's refusal, the audit events, the
idempotent read receipt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.engagement.models import AnnouncementRead, Audience, AudienceRole
from kinerja.engagement.services.announcements import (
    announcement_create,
    announcement_mark_read,
    announcement_publish,
    announcement_update,
)
from kinerja.engagement.testing import make_announcement
from kinerja.people.holdings import today
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def test_bkpsdm_writes_a_city_wide_draft_and_it_is_audited(personas: Personas) -> None:
    item = announcement_create(
        actor=personas.hr_admin, title="  Uji coba dimulai ", body="Isi", audience=Audience.CITY
    )
    assert item.title == "Uji coba dimulai"
    assert item.published_at is None
    assert item.author == personas.hr_admin
    assert _events("announcement.created") == 1


def test_an_agency_admin_announces_to_their_own_agency(personas: Personas) -> None:
    item = announcement_create(
        actor=personas.agency_admin, title="Rapat", body="Isi", audience=Audience.AGENCY,
        agency=personas.agency,
    )  # fmt: skip
    assert item.agency == personas.agency


def test_a_unit_announcement_takes_the_units_agency(personas: Personas) -> None:
    item = announcement_create(
        actor=personas.agency_admin, title="Rapat bidang", body="Isi", audience=Audience.UNIT,
        unit=personas.staff.unit,
    )  # fmt: skip
    assert item.agency == personas.agency
    assert item.unit == personas.staff.unit


@pytest.mark.parametrize("audience", [Audience.CITY, Audience.ROLE])
def test_an_agency_admin_is_refused_the_city_and_a_role(personas: Personas, audience: str) -> None:
    with pytest.raises(PermissionDenied, match="Admin BKPSDM"):
        announcement_create(
            actor=personas.agency_admin, title="Semua", body="Isi", audience=audience,
            role=AudienceRole.PEGAWAI,
        )  # fmt: skip


def test_an_agency_admin_is_refused_another_agency(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        announcement_create(
            actor=personas.other_admin, title="Rapat", body="Isi", audience=Audience.AGENCY,
            agency=personas.agency,
        )  # fmt: skip


@pytest.mark.parametrize("name", ["employee", "supervisor", "leader", "auditor", "outsider"])
def test_other_roles_cannot_announce(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        announcement_create(
            actor=personas.all()[name], title="X", body="Isi", audience=Audience.CITY
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"body": "  "}, "body"),
        ({"audience": "PLANET"}, "audience"),
        ({"audience": Audience.AGENCY}, "agency"),
        ({"audience": Audience.UNIT}, "unit"),
        ({"audience": Audience.ROLE, "role": "RAJA"}, "role"),
        ({"expires_on": "yesterday"}, "expires_on"),
    ],
)
def test_each_bad_field_is_refused_by_name(
    personas: Personas, fields: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"title": "Judul", "body": "Isi", "audience": Audience.CITY}
    values.update(fields)
    if values.get("expires_on") == "yesterday":
        values["expires_on"] = today() - timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        announcement_create(actor=personas.hr_admin, **values)  # type: ignore[arg-type]
    assert field in caught.value.message_dict
    assert _events("announcement.created") == 0


def test_an_update_is_audited_with_the_changed_fields_only(personas: Personas) -> None:
    item = make_announcement(title="Lama", author=personas.hr_admin)
    announcement_update(
        actor=personas.hr_admin, announcement=item, title="Baru", body=item.body,
        audience=Audience.CITY, is_important=True,
    )  # fmt: skip
    event = AuditEvent.objects.get(action="announcement.updated")
    assert event.after is not None
    assert event.before is not None
    assert set(event.after) == {"title", "is_important"}
    assert event.before["title"] == "Lama"


def test_an_agency_admin_cannot_change_another_agencys_announcement(personas: Personas) -> None:
    item = make_announcement(audience=Audience.AGENCY, agency=personas.agency)
    with pytest.raises(PermissionDenied):
        announcement_update(
            actor=personas.other_admin, announcement=item, title="Diambil", body="Isi",
            audience=Audience.AGENCY, agency=personas.other_agency,
        )  # fmt: skip


def test_publishing_stamps_the_time_once_and_is_audited(personas: Personas) -> None:
    item = make_announcement(published=False)
    published = announcement_publish(actor=personas.hr_admin, announcement=item)
    assert published.published_at is not None
    assert _events("announcement.published") == 1
    with pytest.raises(ValidationError) as caught:
        announcement_publish(actor=personas.hr_admin, announcement=published)
    assert "state" in caught.value.message_dict


def test_an_agency_admin_cannot_publish_a_city_announcement(personas: Personas) -> None:
    item = make_announcement(published=False)
    with pytest.raises(PermissionDenied):
        announcement_publish(actor=personas.agency_admin, announcement=item)


def test_the_read_receipt_is_kept_once_and_not_audited(personas: Personas) -> None:
    item = make_announcement()
    assert announcement_mark_read(actor=personas.employee, announcement=item) is True
    assert announcement_mark_read(actor=personas.employee, announcement=item) is False
    assert AnnouncementRead.objects.filter(announcement=item).count() == 1
    assert AuditEvent.objects.filter(action__startswith="announcement").count() == 0


def test_a_draft_gets_no_receipt(personas: Personas) -> None:
    item = make_announcement(published=False)
    assert announcement_mark_read(actor=personas.hr_admin, announcement=item) is False

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import AgencyKind
from kinerja.organization.services import (
    position_create,
    position_update,
    service_unit_create,
    unit_create,
)
from kinerja.organization.testing import make_agency
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_admin_opd_builds_units_and_posts_of_own_agency(personas: Personas) -> None:
    unit = unit_create(actor=personas.agency_admin, agency=personas.agency, name="Bidang Pelayanan")
    head = position_create(
        actor=personas.agency_admin, agency=personas.agency, name="Kepala Dinas", kind="JPT",
        level="Pratama", is_head_of_agency=True,
    )  # fmt: skip
    kabid = position_create(
        actor=personas.agency_admin, agency=personas.agency, unit=unit,
        name="Kepala Bidang Pelayanan", kind="ADMINISTRATOR", supervisor=head,
    )  # fmt: skip
    counter = service_unit_create(actor=personas.agency_admin, unit=unit, name="Loket Adminduk")
    assert kabid.supervisor == head
    assert counter.slug == "loket-adminduk"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"unit.created", "position.created", "service_unit.created"} <= actions


def test_admin_opd_cannot_touch_another_agency(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        unit_create(actor=personas.other_admin, agency=personas.agency, name="Bidang X")
    with pytest.raises(PermissionDenied):
        position_create(
            actor=personas.auditor, agency=personas.agency, name="Analis", kind="PELAKSANA"
        )


def test_position_cannot_supervise_itself_or_form_a_loop(personas: Personas) -> None:
    a = position_create(actor=personas.hr_admin, agency=personas.agency, name="A", kind="JPT")
    b = position_create(
        actor=personas.hr_admin, agency=personas.agency, name="B", kind="ADMINISTRATOR",
        supervisor=a,
    )  # fmt: skip
    c = position_create(
        actor=personas.hr_admin, agency=personas.agency, name="C", kind="PENGAWAS", supervisor=b
    )
    with pytest.raises(ValidationError) as exc:
        position_update(actor=personas.hr_admin, position=a, supervisor=a)
    assert "dirinya sendiri" in exc.value.message_dict["supervisor"][0]
    with pytest.raises(ValidationError) as exc:
        position_update(actor=personas.hr_admin, position=a, supervisor=c)
    assert "berputar" in exc.value.message_dict["supervisor"][0]
    position_update(actor=personas.hr_admin, position=c, supervisor=a)
    assert (AuditEvent.objects.get(action="position.updated").before or {})["supervisor_id"] == b.pk


def test_supervisor_in_another_agency_only_for_a_lurah_under_the_camat(
    personas: Personas,
) -> None:
    kecamatan = make_agency(name="Kecamatan Laweyan", kind=AgencyKind.KECAMATAN)
    kelurahan = make_agency(name="Kelurahan Pajang", kind=AgencyKind.KELURAHAN, parent=kecamatan)
    camat = position_create(
        actor=personas.hr_admin, agency=kecamatan, name="Camat Laweyan", kind="ADMINISTRATOR",
        is_head_of_agency=True,
    )  # fmt: skip
    lurah = position_create(
        actor=personas.hr_admin, agency=kelurahan, name="Lurah Pajang", kind="PENGAWAS",
        supervisor=camat, is_head_of_agency=True,
    )  # fmt: skip
    assert lurah.supervisor == camat
    with pytest.raises(ValidationError) as exc:
        position_create(
            actor=personas.hr_admin, agency=personas.agency, name="Staf", kind="PELAKSANA",
            supervisor=camat,
        )  # fmt: skip
    assert "perangkat daerah lain" in exc.value.message_dict["supervisor"][0]


def test_unknown_kind_and_level_name_what_is_accepted(personas: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        position_create(actor=personas.hr_admin, agency=personas.agency, name="X", kind="ESELON")
    assert "PELAKSANA" in exc.value.message_dict["kind"][0]
    with pytest.raises(ValidationError) as exc:
        position_create(
            actor=personas.hr_admin, agency=personas.agency, name="X",
            kind="FUNGSIONAL_KEAHLIAN", level="Terampil",
        )  # fmt: skip
    assert "Ahli Pertama" in exc.value.message_dict["level"][0]

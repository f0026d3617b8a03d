from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.people.models import Assignment
from kinerja.people.services import (
    assignment_end,
    assignment_start,
    employee_create,
    employee_move,
    employee_update,
)
from kinerja.people.testing import Personas, make_position

pytestmark = pytest.mark.django_db

NEW: dict[str, Any] = {
    "nip": "19950310 202001 2 004",
    "employment_type": "PNS",
    "name": "Ratna Lestari",
    "gender": "P",
    "birth_date": date(1995, 3, 10),
    "grade": "III/a",
}


def refusal(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def test_admin_opd_adds_employee_into_a_vacant_post_of_own_agency(personas: Personas) -> None:
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post)
    employee = employee_create(
        actor=personas.agency_admin, position=post, start_date=date(2025, 1, 2), **NEW
    )
    assert employee.nip == "199503102020012004"
    assert employee.assignments.get().position == post
    actions = list(AuditEvent.objects.values_list("action", flat=True).order_by("id"))
    assert actions[-2:] == ["employee.created", "assignment.started"]
    assert (AuditEvent.objects.get(action="employee.created").after or {})["nip"] == employee.nip


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"nip": "1995031020200120"}, "nip", "18 digit"),
        ({"birth_date": date(1995, 3, 11)}, "birth_date", "10 Maret 1995"),
        ({"gender": "L"}, "gender", "Perempuan"),
        ({"grade": "IX"}, "grade", "III/a"),
        ({"employment_type": "PPPK"}, "employment_type", "bukan nomor PPPK"),
        ({"name": "  "}, "name", "wajib"),
    ],
)
def test_bad_identity_is_refused_naming_field_and_rule(
    personas: Personas, change: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_create(actor=personas.hr_admin, **{**NEW, **change})
    assert words in " ".join(refusal(exc)[field])


def test_pppk_grade_must_be_roman(personas: Personas) -> None:
    pppk: dict[str, Any] = {
        **NEW,
        "nip": "199503102021212004",
        "employment_type": "PPPK",
        "grade": "III/a",
    }
    with pytest.raises(ValidationError) as exc:
        employee_create(actor=personas.hr_admin, **pppk)
    assert "XVII" in refusal(exc)["grade"][0]
    employee = employee_create(actor=personas.hr_admin, **{**pppk, "grade": "IX"})
    assert employee.employment_type == "PPPK"


def test_duplicate_nip_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_create(
            actor=personas.hr_admin, **{**NEW, "nip": personas.staff.employee.nip,
                                        "birth_date": date(1990, 1, 15), "gender": "L"}
        )  # fmt: skip
    assert "sudah terdaftar" in refusal(exc)["nip"][0]


def test_admin_opd_cannot_add_into_another_agency(personas: Personas) -> None:
    post = make_position(agency=personas.other_agency, supervisor=personas.staff.other_head_post)
    with pytest.raises(PermissionDenied):
        employee_create(
            actor=personas.agency_admin, position=post, start_date=date(2025, 1, 2), **NEW
        )


def test_moving_into_a_held_post_is_refused_naming_the_holder(personas: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_move(
            actor=personas.hr_admin,
            employee=personas.staff.employee,
            position=personas.staff.kasi_post,
            start_date=date(2025, 7, 1),
        )
    message = refusal(exc)["position"][0]
    assert "Kepala Seksi Identitas sudah dipegang Sri Handayani (19820412 200801 2 003)" in message
    assert "gunakan Plt/Plh" in message


def test_move_ends_the_old_post_the_day_before_and_is_audited(personas: Personas) -> None:
    post = make_position(
        agency=personas.agency, name="Analis Data", supervisor=personas.staff.kabid_post
    )
    new = employee_move(
        actor=personas.agency_admin,
        employee=personas.staff.employee,
        position=post,
        start_date=date(2025, 7, 1),
    )
    old = Assignment.objects.get(
        employee=personas.staff.employee, position=personas.staff.staff_post
    )
    assert old.end_date == date(2025, 6, 30)
    assert new.start_date == date(2025, 7, 1)
    assert AuditEvent.objects.filter(action="employee.moved").count() == 1
    assert (AuditEvent.objects.get(action="assignment.ended").after or {})[
        "end_date"
    ] == "2025-06-30"


def test_move_to_another_agency_needs_rights_on_both(personas: Personas) -> None:
    post = make_position(agency=personas.other_agency, supervisor=personas.staff.other_head_post)
    for admin in (personas.agency_admin, personas.other_admin):
        with pytest.raises(PermissionDenied):
            employee_move(
                actor=admin,
                employee=personas.staff.employee,
                position=post,
                start_date=date(2025, 7, 1),
            )
    employee_move(
        actor=personas.hr_admin, employee=personas.staff.employee, position=post,
        start_date=date(2025, 7, 1),
    )  # fmt: skip


def test_plt_may_act_in_a_held_or_vacant_post(personas: Personas) -> None:
    acting = assignment_start(
        actor=personas.agency_admin,
        employee=personas.staff.supervisor,
        position=personas.staff.kabid_post,
        start_date=date(2025, 2, 1),
        is_acting=True,
        acting_kind="PLH",
    )
    assert acting.is_acting
    assert acting.acting_kind == "PLH"


def test_second_definitive_post_is_refused(personas: Personas) -> None:
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post)
    with pytest.raises(ValidationError) as exc:
        assignment_start(
            actor=personas.agency_admin, employee=personas.staff.employee, position=post,
            start_date=date(2025, 2, 1),
        )  # fmt: skip
    assert "gunakan mutasi" in refusal(exc)["position"][0]


def test_assignment_cannot_end_before_it_starts(personas: Personas) -> None:
    assignment = personas.staff.employee.assignments.get()
    with pytest.raises(ValidationError) as exc:
        assignment_end(
            actor=personas.agency_admin, assignment=assignment, end_date=date(2020, 1, 1)
        )
    assert "tidak boleh sebelum tanggal mulai 02-01-2024" in refusal(exc)["end_date"][0]
    with pytest.raises(ValidationError) as exc:
        assignment_start(
            actor=personas.agency_admin, employee=personas.staff.supervisor,
            position=personas.staff.kabid_post, start_date=date(2025, 2, 1),
            end_date=date(2025, 1, 1), is_acting=True, acting_kind="PLT",
        )  # fmt: skip
    assert "end_date" in refusal(exc)
    ended = assignment_end(
        actor=personas.agency_admin, assignment=assignment, end_date=date(2025, 1, 31)
    )
    assert ended.end_date == date(2025, 1, 31)


def test_other_admin_cannot_end_or_update(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        assignment_end(
            actor=personas.other_admin,
            assignment=personas.staff.employee.assignments.get(),
            end_date=date(2025, 1, 31),
        )
    with pytest.raises(PermissionDenied):
        employee_update(actor=personas.other_admin, employee=personas.staff.employee, grade="III/b")


def test_update_changes_grade_with_before_and_after(personas: Personas) -> None:
    employee_update(actor=personas.agency_admin, employee=personas.staff.employee, grade="III/b")
    event = AuditEvent.objects.get(action="employee.updated")
    assert (event.before or {})["grade"] == "III/a"
    assert (event.after or {})["grade"] == "III/b"
    with pytest.raises(ValidationError) as exc:
        employee_update(actor=personas.agency_admin, employee=personas.staff.employee, grade="X")
    assert "grade" in refusal(exc)

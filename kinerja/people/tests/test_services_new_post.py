"""Placing an employee when no vacant post fits: the post is created on the spot, audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.organization.models import Position
from kinerja.people.services import NewPost, employee_create, employee_move
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


def test_employee_added_into_a_new_post_under_the_chosen_supervisor(personas: Personas) -> None:
    new_post = NewPost(
        name="Analis Data Kependudukan", kind="PELAKSANA", supervisor=personas.staff.kasi_post
    )
    employee = employee_create(
        actor=personas.agency_admin, new_post=new_post, start_date=date(2025, 1, 2), **NEW
    )
    post = employee.assignments.get().position
    assert post.name == "Analis Data Kependudukan"
    assert (post.agency, post.unit, post.supervisor) == (
        personas.agency, personas.staff.unit, personas.staff.kasi_post,
    )  # fmt: skip
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == ["position.created", "employee.created", "assignment.started"]


def test_choosing_a_vacant_post_and_a_new_post_at_once_is_refused(personas: Personas) -> None:
    vacant = make_position(agency=personas.agency, name="Pranata Komputer")
    new_post = NewPost(name="Analis", kind="PELAKSANA", supervisor=personas.staff.kasi_post)
    with pytest.raises(ValidationError) as exc:
        employee_create(
            actor=personas.agency_admin, position=vacant, new_post=new_post,
            start_date=date(2025, 1, 2), **NEW,
        )  # fmt: skip
    assert (
        "Pranata Komputer atau buat jabatan baru Analis"
        in exc.value.message_dict["new_post_name"][0]
    )


def test_a_refused_new_post_leaves_neither_post_nor_employee(personas: Personas) -> None:
    posts = Position.objects.count()
    new_post = NewPost(name="Analis", kind="STAF", supervisor=personas.staff.kasi_post)
    with pytest.raises(ValidationError) as exc:
        employee_create(
            actor=personas.agency_admin, new_post=new_post, start_date=date(2025, 1, 2), **NEW
        )
    assert "Jenis jabatan 'STAF' tidak dikenal" in exc.value.message_dict["new_post_kind"][0]
    assert Position.objects.count() == posts
    assert not AuditEvent.objects.filter(action="employee.created").exists()


def test_a_new_post_whose_employee_is_refused_is_not_kept(personas: Personas) -> None:
    posts = Position.objects.count()
    new_post = NewPost(name="Analis", kind="PELAKSANA", supervisor=personas.staff.kasi_post)
    with pytest.raises(ValidationError):
        employee_create(actor=personas.agency_admin, new_post=new_post, start_date=None, **NEW)
    assert Position.objects.count() == posts


def test_admin_opd_cannot_create_a_post_under_another_agencys_supervisor(
    personas: Personas,
) -> None:
    new_post = NewPost(name="Analis", kind="PELAKSANA", supervisor=personas.staff.other_head_post)
    with pytest.raises(PermissionDenied):
        employee_create(
            actor=personas.agency_admin, new_post=new_post, start_date=date(2025, 1, 2), **NEW
        )
    assert not Position.objects.filter(name="Analis").exists()


def test_move_into_a_new_post_ends_the_old_one_and_audits_both(personas: Personas) -> None:
    new_post = NewPost(
        name="Analis Kebijakan", kind="PELAKSANA", supervisor=personas.staff.kabid_post
    )
    assignment = employee_move(
        actor=personas.agency_admin, employee=personas.staff.employee, new_post=new_post,
        start_date=date(2025, 7, 1),
    )  # fmt: skip
    assert assignment.position.name == "Analis Kebijakan"
    old = personas.staff.employee.assignments.get(position=personas.staff.staff_post)
    assert old.end_date == date(2025, 6, 30)
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == ["position.created", "assignment.ended", "employee.moved"]


def test_move_without_any_post_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        employee_move(
            actor=personas.agency_admin,
            employee=personas.staff.employee,
            start_date=date(2025, 7, 1),
        )
    assert "Jabatan baru wajib dipilih" in exc.value.message_dict["position"][0]

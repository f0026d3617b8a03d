"""A plan returned or approved lands in the employee's inbox, with the note and the link."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.notifications.models import Notification
from kinerja.people.testing import Personas
from kinerja.planning.services import plan_approve, plan_return, plan_submit
from kinerja.planning.testing import make_plan

pytestmark = pytest.mark.django_db


def test_a_returned_plan_notifies_the_employee_with_the_note(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state="SUBMITTED")
    plan_return(actor=personas.supervisor, plan=plan, note="Target IKI 1 perlu angka.")
    [notification] = Notification.objects.all()
    assert notification.recipient == personas.employee
    assert notification.kind == "PLAN_RETURNED"
    assert "dikembalikan" in notification.title
    assert notification.text == "Catatan pejabat penilai: Target IKI 1 perlu angka."
    assert notification.url == f"/skp/{plan.pk}/"


def test_an_approved_plan_notifies_the_employee(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state="SUBMITTED")
    plan_approve(actor=personas.supervisor, plan=plan)
    [notification] = Notification.objects.all()
    assert (notification.recipient, notification.kind) == (personas.employee, "PLAN_APPROVED")
    assert notification.url == f"/skp/{plan.pk}/"


def test_a_refused_decision_notifies_nobody(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1, state="SUBMITTED")
    with pytest.raises(PermissionDenied):
        plan_approve(actor=personas.outsider, plan=plan)
    assert not Notification.objects.exists()


def test_a_submitted_plan_notifies_the_appraiser(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, results=1)
    plan_submit(actor=personas.employee, plan=plan, note="Mohon diperiksa.")
    [notification] = Notification.objects.all()
    assert (notification.recipient, notification.kind) == (personas.supervisor, "PLAN_SUBMITTED")
    assert notification.title == f"SKP {personas.staff.employee.full_name} diajukan"
    assert "Mohon diperiksa." in notification.text
    assert notification.url == f"/skp/{plan.pk}/"

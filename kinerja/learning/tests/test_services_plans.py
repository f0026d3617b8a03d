"""Plans and their items (services/plans.py): the employee opens, adds, removes and proposes;
the appraiser adds while proposed, agrees or returns; both comment. Every refusal, the audit
events, the version and who is told."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.discussions.models import Comment, DocumentVersion
from kinerja.learning.models import (
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
)
from kinerja.learning.services.plans import (
    development_item_add,
    development_item_remove,
    development_plan_agree,
    development_plan_comment,
    development_plan_open,
    development_plan_propose,
    development_plan_return,
)
from kinerja.learning.testing import (
    make_competency,
    make_course,
    make_development_plan,
    make_item,
)
from kinerja.notifications.models import Notification, NotificationKind
from kinerja.people.testing import Personas
from kinerja.planning.testing import make_open_period

pytestmark = pytest.mark.django_db


def _plan(personas: Personas, state: str = PlanState.DRAFT, **kwargs: Any) -> DevelopmentPlan:
    return make_development_plan(employee=personas.staff.employee, state=state, **kwargs)


def _add(
    personas: Personas, plan: DevelopmentPlan, actor: User | None = None, **kwargs: Any
) -> DevelopmentItem:
    values: dict[str, Any] = {
        "title": "Belajar menulis surat dinas",
        "kind": CourseKind.ELEARNING,
        "jp_planned": Decimal(4),
        "target_date": timezone.localdate() + timedelta(days=10),
        "source": ItemSource.EMPLOYEE,
    }
    values.update(kwargs)
    target = values.pop("target_date")
    if target > plan.period.end_date:
        target = plan.period.end_date
    return development_item_add(
        actor=actor or personas.employee, plan=plan, target_date=target, **values
    )


def _refusal(call: Any, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.message_dict


def _notified(user: User, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind))


# --- open --------------------------------------------------------------------------------------


def test_the_employee_opens_a_draft_plan_with_their_appraiser_and_agency(
    personas: Personas,
) -> None:
    period = make_open_period()
    plan = development_plan_open(
        actor=personas.employee, employee=personas.staff.employee, period=period
    )

    assert plan.state == PlanState.DRAFT
    assert plan.appraiser_id == personas.staff.supervisor.pk
    assert plan.agency_id == personas.agency.pk
    event = AuditEvent.objects.get(action="development_plan.opened")
    assert event.object_id == str(plan.pk)


def test_opening_again_returns_the_same_plan_without_a_second_event(personas: Personas) -> None:
    period = make_open_period()
    employee = personas.staff.employee
    first = development_plan_open(actor=personas.employee, employee=employee, period=period)
    again = development_plan_open(actor=None, employee=employee, period=period)

    assert again.pk == first.pk
    assert AuditEvent.objects.filter(action="development_plan.opened").count() == 1


@pytest.mark.parametrize("name", ["supervisor", "hr_admin", "agency_admin", "outsider"])
def test_nobody_but_the_employee_opens_their_plan(personas: Personas, name: str) -> None:
    with pytest.raises(PermissionDenied):
        development_plan_open(
            actor=getattr(personas, name),
            employee=personas.staff.employee,
            period=make_open_period(),
        )
    assert not DevelopmentPlan.objects.exists()


# --- items -------------------------------------------------------------------------------------


def test_the_employee_adds_a_course_whose_title_kind_and_jp_are_the_defaults(
    personas: Personas,
) -> None:
    competency = make_competency()
    course = make_course(competencies=[competency], jp=Decimal(16))
    plan = _plan(personas)

    item = _add(
        personas,
        plan,
        title="",
        kind="",
        jp_planned=None,
        course=course,
        source=ItemSource.SUGGESTED,
        reason="3 umpan balik bertanda komunikasi",
    )

    assert item.title == course.title
    assert item.kind == course.kind
    assert item.jp_planned == Decimal(16)
    assert item.competency_id == competency.pk
    assert item.source == ItemSource.SUGGESTED
    event = AuditEvent.objects.get(action="development_item.added")
    assert (event.after or {})["title"] == course.title


def test_the_appraiser_adds_while_proposed_and_the_source_is_theirs(personas: Personas) -> None:
    plan = _plan(personas, PlanState.PROPOSED)

    item = _add(personas, plan, actor=personas.supervisor, source=ItemSource.EMPLOYEE)

    assert item.source == ItemSource.APPRAISER


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("employee", PlanState.PROPOSED),
        ("employee", PlanState.AGREED),
        ("supervisor", PlanState.DRAFT),
        ("supervisor", PlanState.AGREED),
    ],
)
def test_adding_in_the_wrong_state_is_refused_on_the_plan(
    personas: Personas, name: str, state: str
) -> None:
    plan = _plan(personas, state)
    with pytest.raises(ValidationError) as caught:
        _add(personas, plan, actor=getattr(personas, name))
    assert "plan" in caught.value.message_dict
    assert not DevelopmentItem.objects.exists()


@pytest.mark.parametrize(
    "name", ["appraiser_superior", "agency_admin", "other_admin", "hr_admin", "leader",
             "auditor", "outsider"],
)  # fmt: skip
def test_nobody_else_adds_an_item(personas: Personas, name: str) -> None:
    plan = _plan(personas)
    with pytest.raises(PermissionDenied):
        _add(personas, plan, actor=getattr(personas, name))


def test_bad_items_are_refused_naming_the_field(personas: Personas) -> None:
    plan = _plan(personas)
    course = make_course(competencies=[make_competency()])
    make_item(plan=plan, course=course)
    period = plan.period

    def refused(**kwargs: Any) -> dict[str, list[str]]:
        values: dict[str, Any] = {
            "actor": personas.employee, "plan": plan, "title": "Belajar",
            "kind": CourseKind.ELEARNING, "jp_planned": Decimal(2),
            "target_date": period.start_date, "source": ItemSource.EMPLOYEE,
        }  # fmt: skip
        values.update(kwargs)
        return _refusal(development_item_add, **values)

    late = refused(target_date=period.end_date + timedelta(days=1))["target_date"][0]
    assert "di luar periode" in late
    assert "0,5 sampai 200" in refused(jp_planned=Decimal("0.2"))["jp_planned"][0]
    assert "0,5 sampai 200" in refused(jp_planned=Decimal(201))["jp_planned"][0]
    assert "wajib diisi" in refused(title="  ")["title"][0]
    assert "paling banyak 200" in refused(title="x" * 201)["title"][0]
    assert "sudah ada di rencana" in refused(course=course)["course"][0]
    assert "tidak dikenal" in refused(kind="SEMINAR")["kind"][0]
    assert "tidak diterima" in refused(source=ItemSource.COACHING)["source"][0]
    assert "tidak ada di kamus" in refused(competency_id=999_999)["competency_id"][0]
    assert DevelopmentItem.objects.count() == 1


def test_the_employee_removes_a_planned_item(personas: Personas) -> None:
    plan = _plan(personas)
    item = make_item(plan=plan)

    development_item_remove(actor=personas.employee, item=item)

    assert not DevelopmentItem.objects.exists()
    event = AuditEvent.objects.get(action="development_item.removed")
    assert (event.before or {})["title"] == item.title


def test_a_mandatory_coaching_item_is_never_removed(personas: Personas) -> None:
    plan = _plan(personas, is_coaching=True)
    item = make_item(plan=plan)
    DevelopmentItem.objects.filter(pk=item.pk).update(source=ItemSource.COACHING)
    item.refresh_from_db()

    errors = _refusal(development_item_remove, actor=personas.employee, item=item)

    assert "tidak dapat dihapus" in errors["item"][0]
    assert DevelopmentItem.objects.filter(pk=item.pk).exists()


def test_a_completed_item_is_not_removed_and_others_may_not_remove(personas: Personas) -> None:
    plan = _plan(personas)
    done = make_item(plan=plan, state=ItemState.COMPLETED)
    planned = make_item(plan=plan)

    assert (
        "Direncanakan"
        in _refusal(development_item_remove, actor=personas.employee, item=done)["item"][0]
    )
    with pytest.raises(PermissionDenied):
        development_item_remove(actor=personas.hr_admin, item=planned)
    assert DevelopmentItem.objects.count() == 2


# --- propose, agree, return, comment -----------------------------------------------------------


def test_proposing_records_a_version_and_tells_the_appraiser(personas: Personas) -> None:
    plan = _plan(personas)
    make_item(plan=plan, jp=Decimal("2.5"))

    development_plan_propose(actor=personas.employee, plan=plan)

    plan.refresh_from_db()
    assert plan.state == PlanState.PROPOSED
    assert plan.proposed_at is not None
    version = DocumentVersion.objects.get()
    assert version.number == 1
    [line] = version.lines
    assert line.startswith("Belajar mandiri — 2,5 JP — ")
    assert AuditEvent.objects.filter(action="development_plan.proposed").count() == 1
    [note] = _notified(personas.supervisor, NotificationKind.DEVELOPMENT_PLAN_PROPOSED)
    assert "mengajukan rencana pengembangan" in note.title


def test_an_empty_plan_is_not_proposed_and_only_the_employee_proposes(personas: Personas) -> None:
    plan = _plan(personas)
    errors = _refusal(development_plan_propose, actor=personas.employee, plan=plan)
    assert "paling sedikit satu kegiatan" in errors["items"][0]
    make_item(plan=plan)
    with pytest.raises(PermissionDenied):
        development_plan_propose(actor=personas.supervisor, plan=plan)
    proposed = development_plan_propose(actor=personas.employee, plan=plan)
    assert "plan" in _refusal(development_plan_propose, actor=personas.employee, plan=proposed)


def test_the_appraiser_agrees_and_the_employee_is_told(personas: Personas) -> None:
    plan = _plan(personas, PlanState.PROPOSED)

    development_plan_agree(actor=personas.supervisor, plan=plan)

    plan.refresh_from_db()
    assert plan.state == PlanState.AGREED
    assert plan.agreed_by_id == personas.supervisor.pk
    assert AuditEvent.objects.filter(action="development_plan.agreed").count() == 1
    assert _notified(personas.employee, NotificationKind.DEVELOPMENT_PLAN_AGREED)


@pytest.mark.parametrize("name", ["employee", "appraiser_superior", "hr_admin", "leader"])
def test_only_the_appraiser_agrees_or_returns(personas: Personas, name: str) -> None:
    plan = _plan(personas, PlanState.PROPOSED)
    actor = getattr(personas, name)
    with pytest.raises(PermissionDenied):
        development_plan_agree(actor=actor, plan=plan)
    with pytest.raises(PermissionDenied):
        development_plan_return(actor=actor, plan=plan, reason="Tambah pelatihan teknis.")
    plan.refresh_from_db()
    assert plan.state == PlanState.PROPOSED


def test_a_draft_is_neither_agreed_nor_returned(personas: Personas) -> None:
    plan = _plan(personas)
    assert "plan" in _refusal(development_plan_agree, actor=personas.supervisor, plan=plan)
    assert "plan" in _refusal(
        development_plan_return, actor=personas.supervisor, plan=plan, reason="Kurang."
    )


def test_returning_keeps_the_reason_as_a_comment_and_tells_the_employee(
    personas: Personas,
) -> None:
    plan = _plan(personas, PlanState.PROPOSED)

    development_plan_return(
        actor=personas.supervisor, plan=plan, reason="  Tambahkan pelatihan pelayanan.  "
    )

    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED
    assert plan.return_reason == "Tambahkan pelatihan pelayanan."
    assert Comment.objects.get().body == "Tambahkan pelatihan pelayanan."
    assert AuditEvent.objects.filter(action="development_plan.returned").count() == 1
    [note] = _notified(personas.employee, NotificationKind.DEVELOPMENT_PLAN_RETURNED)
    assert "Tambahkan pelatihan pelayanan." in note.text


def test_returning_without_a_reason_is_refused(personas: Personas) -> None:
    plan = _plan(personas, PlanState.PROPOSED)
    errors = _refusal(development_plan_return, actor=personas.supervisor, plan=plan, reason=" ")
    assert "Alasan dikembalikan wajib diisi" in errors["reason"][0]


def test_a_returned_plan_is_edited_and_proposed_again_as_version_two(personas: Personas) -> None:
    plan = _plan(personas)
    make_item(plan=plan)
    development_plan_propose(actor=personas.employee, plan=plan)
    development_plan_return(actor=personas.supervisor, plan=plan, reason="Tambah satu.")
    _add(personas, plan)
    development_plan_propose(actor=personas.employee, plan=plan)

    assert [v.number for v in DocumentVersion.objects.order_by("number")] == [1, 2]
    assert len(DocumentVersion.objects.get(number=2).lines) == 2


def test_the_employee_and_the_appraiser_comment_others_may_not(personas: Personas) -> None:
    plan = _plan(personas)
    development_plan_comment(actor=personas.employee, plan=plan, body="Mohon saran.")
    development_plan_comment(actor=personas.supervisor, plan=plan, body="Ambil e-learning.")
    with pytest.raises(PermissionDenied):
        development_plan_comment(actor=personas.hr_admin, plan=plan, body="Catatan.")
    assert "body" in _refusal(
        development_plan_comment, actor=personas.employee, plan=plan, body=" "
    )
    assert Comment.objects.count() == 2

"""The figures of the training-needs analysis (`selectors/needs.py`): each source counted in
employees, a confirmed item meeting a post's need, the JP of the year."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.learning.models import DevelopmentItem, ItemState, PlanState
from kinerja.learning.needs_export import training_needs_download_record
from kinerja.learning.selectors.needs import (
    jp_behind_for_agency,
    jp_of_year,
    needs_scope,
    training_needs_for_agency,
)
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.testing import make_feedback
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def _figures(personas: Personas) -> dict[str, tuple[int, int, int]]:
    scope = needs_scope(agency=personas.agency)
    return {r.name: (r.feedback, r.planned, r.post) for r in training_needs_for_agency(scope=scope)}


def test_feedback_counts_employees_not_tags(personas: Personas) -> None:
    make_competency(name="Komunikasi", feedback_tag="KOMUNIKASI")
    staff = personas.staff
    for _ in range(3):
        make_feedback(employee=staff.employee, author=staff.kabid, competencies=("KOMUNIKASI",))
    make_feedback(employee=staff.supervisor, author=staff.kabid, competencies=("KOMUNIKASI",))
    make_feedback(employee=staff.other_head, author=staff.head, competencies=("KOMUNIKASI",))
    assert _figures(personas) == {"Komunikasi": (2, 0, 0)}


def test_open_items_count_by_their_own_competency_or_their_courses(personas: Personas) -> None:
    own = make_competency(name="Sendiri")
    via = make_competency(name="Dari pelatihan")
    plan = make_development_plan(employee=personas.staff.employee, state=PlanState.AGREED)
    item = make_item(plan=plan)
    DevelopmentItem.objects.filter(pk=item.pk).update(competency=own)
    make_item(plan=plan, course=make_course(competencies=[via]), state=ItemState.REJECTED)
    make_item(plan=plan, course=make_course(competencies=[via]), state=ItemState.COMPLETED)
    assert _figures(personas) == {"Sendiri": (0, 1, 0), "Dari pelatihan": (0, 1, 0)}


def test_a_confirmed_item_this_year_meets_the_posts_need(personas: Personas) -> None:
    need = make_competency(name="Pengawasan", position_kinds=["PENGAWAS", "PELAKSANA"])
    assert _figures(personas) == {"Pengawasan": (0, 0, 2)}
    plan = make_development_plan(employee=personas.staff.supervisor, state=PlanState.AGREED)
    make_item(plan=plan, course=make_course(competencies=[need]), state=ItemState.CONFIRMED)
    assert _figures(personas) == {"Pengawasan": (0, 0, 1)}


def test_a_confirmed_item_of_last_year_does_not_meet_it(personas: Personas) -> None:
    need = make_competency(name="Pengawasan", position_kinds=["PENGAWAS"])
    plan = make_development_plan(employee=personas.staff.supervisor, state=PlanState.AGREED)
    last_year = timezone.localdate().replace(month=1, day=1) - timedelta(days=1)
    make_item(
        plan=plan,
        course=make_course(competencies=[need]),
        state=ItemState.CONFIRMED,
        completed_on=last_year,
    )
    assert _figures(personas) == {"Pengawasan": (0, 0, 1)}


def test_jp_of_the_year_count_only_confirmed_items(personas: Personas) -> None:
    employee = personas.staff.employee
    plan = make_development_plan(employee=employee, state=PlanState.AGREED)
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(12))
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal("4.5"))
    make_item(plan=plan, state=ItemState.COMPLETED, jp=Decimal(10))
    year = timezone.localdate().year
    assert jp_of_year(employee_id=employee.pk, year=year) == Decimal("16.5")
    behind = jp_behind_for_agency(scope=needs_scope(agency=personas.agency))
    found = {e.pk: e.jp for e in behind}  # type: ignore[attr-defined]
    assert found[employee.pk] == Decimal("16.5")
    assert personas.staff.other_head.pk not in found  # another agency
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(4))
    assert employee.pk not in {
        e.pk for e in jp_behind_for_agency(scope=needs_scope(agency=personas.agency))
    }


def test_without_a_period_the_analysis_still_counts_posts_and_jp(personas: Personas) -> None:
    make_competency(name="Pengawasan", position_kinds=["PENGAWAS"])
    scope = needs_scope(agency=personas.agency)
    assert scope.period is None
    assert _figures(personas) == {"Pengawasan": (0, 0, 1)}
    behind = list(jp_behind_for_agency(scope=scope))
    assert {e.plan_state for e in behind} == {None}  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["employee", "auditor", "other_admin", "outsider"])
def test_recording_a_download_is_refused_to_those_who_may_not_read_it(
    personas: Personas, name: str
) -> None:
    with pytest.raises(PermissionDenied):
        training_needs_download_record(
            actor=personas.all()[name],
            agency=personas.agency,
            table="kebutuhan",
            file_format="xlsx",
            rows=0,
            year=2026,
        )
    assert not AuditEvent.objects.filter(action="training_needs.downloaded").exists()

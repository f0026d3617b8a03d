"""Who may see, change, submit, decide and comment on the employee's plan, per persona."""

from __future__ import annotations

import pytest

from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.models import PlanState
from kinerja.planning.permissions import (
    can_comment_plan,
    can_decide_plan,
    can_edit_plan,
    can_revise_plan,
    can_set_expectation,
    can_start_plan,
    can_submit_plan,
    can_view_plan,
)
from kinerja.planning.testing import make_open_period, make_plan

pytestmark = pytest.mark.django_db

EVERYONE = PERSONA_NAMES
VIEWERS = {
    "employee",
    "supervisor",
    "appraiser_superior",
    "agency_admin",
    "hr_admin",
    "leader",
    "auditor",
}


def _allowed(personas: Personas, predicate: object, plan: object) -> set[str]:
    return {name for name, user in personas.all().items() if predicate(user, plan)}  # type: ignore[operator]


def test_the_plan_is_seen_by_its_people_the_agency_admin_and_the_city_roles(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    assert _allowed(personas, can_view_plan, plan) == VIEWERS
    assert not can_view_plan(None, plan)


def test_a_draft_is_changed_only_by_the_employee_and_the_appraiser(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    assert _allowed(personas, can_edit_plan, plan) == {"employee", "supervisor"}
    assert _allowed(personas, can_submit_plan, plan) == {"employee"}
    assert _allowed(personas, can_set_expectation, plan) == {"supervisor"}
    assert _allowed(personas, can_decide_plan, plan) == set()


def test_a_submitted_plan_is_decided_only_by_the_appraiser_and_changed_by_nobody(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    assert _allowed(personas, can_decide_plan, plan) == {"supervisor"}
    assert _allowed(personas, can_edit_plan, plan) == set()
    assert _allowed(personas, can_submit_plan, plan) == set()


def test_an_approved_plan_is_revised_by_either_side(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.APPROVED, results=1)
    assert _allowed(personas, can_revise_plan, plan) == {"employee", "supervisor"}
    assert _allowed(personas, can_edit_plan, plan) == set()


def test_comments_come_from_the_employee_the_appraiser_and_the_appraisers_superior(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    assert _allowed(personas, can_comment_plan, plan) == {
        "employee",
        "supervisor",
        "appraiser_superior",
    }


def test_nobody_changes_a_plan_of_a_closed_period(personas: Personas) -> None:
    plan = make_plan(
        employee=personas.staff.employee, period=make_open_period(state=PeriodState.CLOSED)
    )
    assert _allowed(personas, can_edit_plan, plan) == set()
    assert _allowed(personas, can_view_plan, plan) == VIEWERS


def test_the_mayors_side_is_a_pimpinan_user(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.head, state=PlanState.SUBMITTED, results=1)
    assert _allowed(personas, can_decide_plan, plan) == {"leader"}


def test_a_plan_is_started_by_the_employee_or_their_supervisor(personas: Personas) -> None:
    day = make_open_period().start_date
    starters = {
        name
        for name, user in personas.all().items()
        if can_start_plan(user, personas.staff.employee, day=day)
    }
    assert starters == {"employee", "supervisor"}

"""Home cards: "Susun SKP" with the due date for the employee, "Setujui SKP <name>" for the
appraiser."""

from __future__ import annotations

from typing import Any

import pytest

from kinerja.core.my_tasks import CardKind
from kinerja.people.testing import Personas, bulk_staff
from kinerja.planning.models import PlanState
from kinerja.planning.my_tasks import planning_cards_for
from kinerja.planning.testing import make_open_period, make_plan
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def test_an_employee_without_a_plan_is_asked_to_write_it_by_the_due_date(
    personas: Personas,
) -> None:
    period = make_open_period()
    [card] = planning_cards_for(personas.employee)
    assert card.title == f"Susun SKP {period.year}"
    assert f"Batas penetapan SKP: {format_date_id(period.plan_due_date)}" in card.description
    assert card.url == "/skp/"
    assert card.due == period.plan_due_date


def test_a_returned_plan_is_an_urgent_task_and_a_submitted_one_waits_for_the_appraiser(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.RETURNED, results=1)
    [card] = planning_cards_for(personas.employee)
    assert card.urgent
    assert "dikembalikan" in card.description
    assert card.url == f"/skp/{plan.pk}/"
    assert card.due == plan.period.plan_due_date
    plan.state = PlanState.SUBMITTED
    plan.save()
    personas.staff.supervisor.title_suffix = "S.E., M.M."
    personas.staff.supervisor.save()
    [card] = planning_cards_for(personas.employee)
    assert card.kind == CardKind.WAITING
    assert personas.staff.supervisor.full_name in card.description
    assert ".." not in card.description  # a name ending in a title closes the sentence once


def test_the_appraiser_sees_one_task_per_submitted_plan_in_one_query(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    make_plan(employee=personas.staff.supervisor, state=PlanState.SUBMITTED, results=1)
    cards = [c for c in planning_cards_for(personas.supervisor) if c.title.startswith("Setujui")]
    assert [c.title for c in cards] == [f"Setujui SKP {personas.staff.employee.full_name}"]
    assert cards[0].url == f"/skp/{plan.pk}/"
    assert "Batas penetapan SKP" in cards[0].description
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=5,
    )
    for post in personas.staff.kasi_post.subordinate_positions.exclude(
        pk=personas.staff.staff_post.pk
    ):
        holder = post.assignments.get()
        make_plan(employee=holder.employee, state=PlanState.SUBMITTED, results=1)
    supervisor = (
        type(personas.supervisor).objects.select_related("employee").get(pk=personas.supervisor.pk)
    )
    with django_assert_num_queries(3):
        cards = planning_cards_for(supervisor)
    assert len([c for c in cards if c.title.startswith("Setujui")]) == 6


def test_the_leader_decides_plans_the_mayor_rates(personas: Personas) -> None:
    make_plan(employee=personas.staff.head, state=PlanState.SUBMITTED, results=1)
    titles = [c.title for c in planning_cards_for(personas.leader)]
    assert titles == [f"Setujui SKP {personas.staff.head.full_name}"]


def test_without_an_open_period_the_cards_say_plans_are_not_open(personas: Personas) -> None:
    [card] = planning_cards_for(personas.employee)
    assert (card.kind, card.title) == (CardKind.NOT_OPEN, "SKP tahun ini")
    titles = [c.title for c in planning_cards_for(personas.supervisor)]
    assert titles == ["SKP tahun ini", "Persetujuan SKP bawahan"]
    assert planning_cards_for(personas.outsider) == []

"""The chain seen from above: the results-role matrix, the alignment tree, the counters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from kinerja.accounts.testing import make_user
from kinerja.people.models import Employee
from kinerja.people.testing import Personas, bulk_staff
from kinerja.planning.alignment import (
    alignment_tree_for_actor,
    completion_for_actor,
    results_matrix_for_actor,
)
from kinerja.planning.models import PerformancePlan, PlannedResult, PlanState, TargetKind
from kinerja.planning.testing import (
    make_goal,
    make_indicator,
    make_open_period,
    make_plan,
    make_result,
)

pytestmark = pytest.mark.django_db


def _chain(personas: Personas) -> dict[str, Any]:
    """Goal → head's result → kabid's → supervisor's two results (one orphan) → employee's two
    results (one linked, one loose)."""
    staff = personas.staff
    period = make_open_period()
    goal = make_goal(agency=personas.agency, period=period, statement="Pelayanan adminduk prima")
    head = make_plan(employee=staff.head, period=period, state=PlanState.APPROVED)
    h1 = make_result(plan=head, text="IKM Dukcapil naik", goal=goal)
    kabid = make_plan(employee=staff.kabid, period=period, state=PlanState.APPROVED)
    k1 = make_result(plan=kabid, text="Pelayanan KTP-el cepat", parent=h1)
    boss = make_plan(employee=staff.supervisor, period=period, state=PlanState.APPROVED)
    s1 = make_result(plan=boss, text="KTP-el selesai sehari", parent=k1)
    s2 = make_result(plan=boss, text="Arsip digital lengkap", parent=k1)
    mine = make_plan(employee=staff.employee, period=period, state=PlanState.SUBMITTED)
    e1 = make_result(plan=mine, text="Data KTP-el terolah", parent=s1, indicators=0)
    make_indicator(
        result=e1,
        text="Berkas terolah tepat waktu",
        target_kind=TargetKind.RANGE,
        target_value=80,  # type: ignore[arg-type]
        target_max=90,  # type: ignore[arg-type]
        target_unit="%",
    )
    e2 = make_result(plan=mine, text="Membantu piket", kind="TAMBAHAN")
    return {"period": period, "goal": goal, "s1": s1, "s2": s2, "e1": e1, "e2": e2}


# --- matrix ----------------------------------------------------------------------------------


def test_matrix_puts_each_subordinate_result_under_the_supervisor_result_it_serves(
    personas: Personas,
) -> None:
    made = _chain(personas)
    matrix = results_matrix_for_actor(actor=personas.supervisor)
    assert [m.name for m in matrix.columns] == [personas.staff.employee.full_name]
    assert [row.result.text for row in matrix.rows] == [
        "KTP-el selesai sehari",
        "Arsip digital lengkap",
    ]
    first, second = matrix.rows
    assert [r.text for r in first.cells[0].results] == ["Data KTP-el terolah"]
    assert second.cells[0].results == []
    assert [row.result.id for row in matrix.orphans] == [made["s2"].pk]
    assert [(u.member.name, u.result.text) for u in matrix.unlinked] == [
        (personas.staff.employee.full_name, "Membantu piket")
    ]
    assert matrix.columns[0].state == PlanState.SUBMITTED


def test_matrix_lists_subordinates_without_a_plan(personas: Personas) -> None:
    make_open_period()
    make_plan(employee=personas.staff.supervisor, results=1)
    matrix = results_matrix_for_actor(actor=personas.supervisor)
    assert [m.name for m in matrix.without_plan] == [personas.staff.employee.full_name]
    assert matrix.without_plan[0].plan_id is None


def test_matrix_of_an_account_without_employee_record_is_empty(personas: Personas) -> None:
    make_open_period()
    matrix = results_matrix_for_actor(actor=personas.hr_admin)
    assert not matrix.is_employee
    assert matrix.columns == []
    assert matrix.rows == []


def test_matrix_without_any_period_is_not_found(personas: Personas) -> None:
    with pytest.raises(Http404):
        results_matrix_for_actor(actor=personas.supervisor)


def _count(run: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        run()
    return len(ctx.captured_queries)


def _staff_with_plans(personas: Personas, count: int) -> None:
    """`count` more staff under the supervisor, each with a plan and a result linked to the
    supervisor's first result."""
    period = make_open_period()
    boss = PerformancePlan.objects.filter(employee=personas.staff.supervisor).first()
    if boss is None:
        boss = make_plan(employee=personas.staff.supervisor, period=period, results=2)
    parent = boss.results.order_by("number").first()
    before = set(Employee.objects.values_list("pk", flat=True))
    bulk_staff(
        agency=personas.agency,
        supervisor=personas.staff.kasi_post,
        unit=personas.staff.unit,
        count=count,
    )
    for employee in Employee.objects.exclude(pk__in=before):
        plan = make_plan(employee=employee, period=period)
        make_result(plan=plan, parent=parent, indicators=2)


def test_matrix_costs_the_same_queries_for_3_and_30_subordinates(personas: Personas) -> None:
    _staff_with_plans(personas, 3)
    small = _count(lambda: results_matrix_for_actor(actor=personas.supervisor))
    _staff_with_plans(personas, 27)
    matrix = results_matrix_for_actor(actor=personas.supervisor)
    assert matrix.team_size == 31
    assert len(matrix.columns) == 10
    assert _count(lambda: results_matrix_for_actor(actor=personas.supervisor)) == small


# --- tree ------------------------------------------------------------------------------------


def test_tree_runs_from_the_goal_down_to_each_indicator(personas: Personas) -> None:
    _chain(personas)
    tree = alignment_tree_for_actor(actor=personas.agency_admin, agency_id=personas.agency.pk)
    lines = [(e.depth, e.node.text) for e in tree.entries]
    assert lines == [
        (0, "Pelayanan adminduk prima"),
        (1, "IKM Dukcapil naik"),
        (2, "Pelayanan KTP-el cepat"),
        (3, "KTP-el selesai sehari"),
        (4, "Data KTP-el terolah"),
        (3, "Arsip digital lengkap"),
    ]
    leaf = tree.entries[4].node
    assert leaf.employee_name == personas.staff.employee.full_name
    assert leaf.state_label == "Diajukan"
    assert [(i.aspect, i.text, i.target) for i in leaf.indicators] == [
        ("Kuantitas", "Berkas terolah tepat waktu", "80 s.d. 90 %")
    ]
    assert [e.node.text for e in tree.unlinked] == ["Membantu piket"]
    assert tree.entries[0].is_open
    assert not tree.entries[3].is_open


def test_tree_closes_every_level_it_opens(personas: Personas) -> None:
    _chain(personas)
    tree = alignment_tree_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)
    opened = sum(1 for e in tree.entries if e.has_children)
    closed = sum(len(e.closes) for e in tree.entries)
    assert opened == closed


def test_tree_lists_who_has_not_started_a_plan(personas: Personas) -> None:
    make_open_period()
    make_plan(employee=personas.staff.employee)
    tree = alignment_tree_for_actor(actor=personas.leader, agency_id=personas.agency.pk)
    names = sorted(p.name for p in tree.not_started)
    staff = personas.staff
    assert names == sorted(
        [staff.head.full_name, staff.kabid.full_name, staff.supervisor.full_name]
    )


def test_a_loop_of_parents_in_stored_data_is_shown_loose_not_lost(personas: Personas) -> None:
    made = _chain(personas)
    # Stored data that the rules would refuse: the supervisor's result under the employee's.
    PlannedResult.objects.filter(pk=made["s2"].pk).update(parent=made["e2"])
    PlannedResult.objects.filter(pk=made["e2"].pk).update(parent=made["s2"])
    tree = alignment_tree_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)
    shown = {e.node.text for e in tree.entries} | {e.node.text for e in tree.unlinked}
    assert {"Arsip digital lengkap", "Membantu piket"} <= shown


@pytest.mark.parametrize("name", ["agency_admin", "hr_admin", "leader", "auditor"])
def test_admins_leaders_and_auditors_see_the_tree(personas: Personas, name: str) -> None:
    make_open_period()
    tree = alignment_tree_for_actor(actor=personas.all()[name], agency_id=personas.agency.pk)
    assert tree.agency == personas.agency


@pytest.mark.parametrize("name", ["employee", "supervisor", "other_admin", "outsider"])
def test_others_are_told_the_tree_does_not_exist(personas: Personas, name: str) -> None:
    make_open_period()
    with pytest.raises(Http404):
        alignment_tree_for_actor(actor=personas.all()[name], agency_id=personas.agency.pk)


def test_the_head_of_the_agency_sees_its_tree(personas: Personas) -> None:
    make_open_period()
    head = personas.staff.head
    head.user = make_user(username="kepala.dinas")
    head.save(update_fields=["user"])
    tree = alignment_tree_for_actor(actor=head.user, agency_id=personas.agency.pk)
    assert tree.agency == personas.agency
    with pytest.raises(Http404):
        alignment_tree_for_actor(actor=head.user, agency_id=personas.other_agency.pk)


def test_tree_costs_the_same_queries_for_3_and_30_planned_staff(personas: Personas) -> None:
    _chain(personas)
    _staff_with_plans(personas, 3)

    def run() -> Any:
        return alignment_tree_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)

    small = _count(run)
    _staff_with_plans(personas, 27)
    assert _count(run) == small


# --- completion ------------------------------------------------------------------------------


def test_counters_show_plans_by_state_and_the_share_approved(personas: Personas) -> None:
    _chain(personas)
    counters = completion_for_actor(actor=personas.hr_admin)
    row = next(r for r in counters.agencies if r.agency_id == personas.agency.pk)
    assert (row.employees, row.approved, row.submitted, row.draft, row.not_started) == (
        4,
        3,
        1,
        0,
        0,
    )
    assert row.approved_share == pytest.approx(0.75)
    other = next(r for r in counters.agencies if r.agency_id == personas.other_agency.pk)
    assert (other.employees, other.not_started) == (1, 1)
    assert counters.total.employees == 5


def test_an_agency_admin_counts_only_their_own_agency(personas: Personas) -> None:
    make_open_period()
    counters = completion_for_actor(actor=personas.agency_admin)
    assert [r.agency_id for r in counters.agencies] == [personas.agency.pk]


@pytest.mark.parametrize("name", ["employee", "supervisor", "outsider"])
def test_counters_are_refused_to_everyone_else(personas: Personas, name: str) -> None:
    make_open_period()
    with pytest.raises(PermissionDenied):
        completion_for_actor(actor=personas.all()[name])


def test_counters_cost_the_same_queries_for_3_and_30_staff(personas: Personas) -> None:
    _staff_with_plans(personas, 3)
    small = _count(lambda: completion_for_actor(actor=personas.hr_admin))
    _staff_with_plans(personas, 27)
    assert _count(lambda: completion_for_actor(actor=personas.hr_admin)) == small


def test_a_branch_too_deep_for_the_page_is_a_link_that_shows_it(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _chain(personas)
    monkeypatch.setattr("kinerja.planning.alignment.tree.TREE_DEPTH", 2)
    tree = alignment_tree_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)
    assert [e.node.text for e in tree.entries] == [
        "Pelayanan adminduk prima",
        "IKM Dukcapil naik",
        "Pelayanan KTP-el cepat",
    ]
    kabid = tree.entries[2].node
    assert kabid.hidden == 3
    branch = alignment_tree_for_actor(
        actor=personas.hr_admin, agency_id=personas.agency.pk, branch_id=kabid.branch_id
    )
    assert [(e.depth, e.node.text) for e in branch.entries] == [
        (0, "Pelayanan KTP-el cepat"),
        (1, "KTP-el selesai sehari"),
        (2, "Data KTP-el terolah"),
        (1, "Arsip digital lengkap"),
    ]
    assert branch.branch_path == ["Sasaran 1: Pelayanan adminduk prima", "IKM Dukcapil naik"]
    with pytest.raises(Http404):
        alignment_tree_for_actor(
            actor=personas.hr_admin, agency_id=personas.other_agency.pk, branch_id=made["s1"].pk
        )


def test_the_page_stops_at_its_budget_and_links_the_rest(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chain(personas)
    monkeypatch.setattr("kinerja.planning.alignment.tree.TREE_BUDGET", 2)
    tree = alignment_tree_for_actor(actor=personas.hr_admin, agency_id=personas.agency.pk)
    texts = [e.node.text for e in tree.entries]
    assert texts == ["Pelayanan adminduk prima", "IKM Dukcapil naik", "Pelayanan KTP-el cepat"]
    assert tree.entries[2].node.hidden == 3


def test_a_large_team_is_paged_and_the_warnings_cover_every_page(personas: Personas) -> None:
    _staff_with_plans(personas, 30)
    first = results_matrix_for_actor(actor=personas.supervisor)
    second = results_matrix_for_actor(actor=personas.supervisor, page_number="2")
    assert (len(first.columns), len(second.columns), first.team_size) == (10, 10, 31)
    assert {m.employee_id for m in first.columns}.isdisjoint(m.employee_id for m in second.columns)
    # Only the first supervisor result has contributors (30 of them); it is no orphan on any page.
    assert [row.contributions for row in second.rows] == [30, 0]
    assert [row.result.number for row in second.orphans] == [2]
    assert first.without_plan_count == 1

"""Starting a plan and writing its results, indicators, annex and expectations."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from kinerja.audit.models import AuditEvent
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas, assign, make_position
from kinerja.planning.models import (
    Indicator,
    LeaderExpectation,
    PerformancePlan,
    PlannedResult,
    TargetKind,
)
from kinerja.planning.services import (
    expectation_set,
    indicator_add,
    indicator_remove,
    indicator_update,
    plan_copy_previous,
    plan_start,
    plan_update_annex,
    result_add,
    result_cascade,
    result_remove,
    result_update,
)
from kinerja.planning.testing import (
    make_goal,
    make_open_period,
    make_plan,
    make_result,
)

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    """Audit actions written by planning (the builders' period is opened through its service)."""
    actions = AuditEvent.objects.exclude(action__startswith="period.").order_by("pk")
    return list(actions.values_list("action", flat=True))


def test_the_employee_starts_their_own_plan_with_their_post_and_appraiser(
    personas: Personas,
) -> None:
    period = make_open_period()
    plan = plan_start(actor=personas.employee, employee=personas.staff.employee, period=period)
    assert plan.position == personas.staff.staff_post
    assert plan.appraiser == personas.staff.supervisor
    assert plan.state == "DRAFT"
    assert plan.started_by == personas.employee
    assert _actions() == ["plan.started"]


def test_the_supervisor_starts_a_plan_for_a_subordinate(personas: Personas) -> None:
    plan = plan_start(
        actor=personas.supervisor, employee=personas.staff.employee, period=make_open_period()
    )
    assert plan.employee == personas.staff.employee
    assert plan.started_by == personas.supervisor


def test_a_result_contributes_to_the_supervisors_result_and_gets_indicators(
    personas: Personas,
) -> None:
    boss = make_plan(employee=personas.staff.supervisor)
    parent = make_result(plan=boss, text="Layanan KTP-el tepat waktu")
    plan = make_plan(employee=personas.staff.employee)
    result = result_add(
        actor=personas.employee,
        plan=plan,
        kind="UTAMA",
        text=" Data KTP-el terolah ",
        parent=parent,
    )
    assert (result.number, result.text, result.parent) == (1, "Data KTP-el terolah", parent)
    indicator = indicator_add(
        actor=personas.supervisor,
        result=result,
        aspect="QUANTITY",
        text="Berkas terolah",
        target_kind=TargetKind.NUMBER,
        target_value="1250",
        target_unit="berkas",
        polarity="HIGHER_IS_BETTER",
        source="MANUAL",
    )
    assert indicator.target_value == Decimal(1250)
    assert indicator.number == 1
    assert _actions() == ["result.added", "indicator.added"]


def test_a_described_target_keeps_no_number(personas: Personas) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.employee), indicators=0)
    indicator = indicator_add(
        actor=personas.employee,
        result=result,
        aspect="QUALITY",
        text="Mutu layanan",
        target_kind=TargetKind.DESCRIBED,
        target_value="5",
        target_description="Tanpa keluhan",
    )
    assert indicator.target_value is None
    assert indicator.target_description == "Tanpa keluhan"


def test_updating_and_removing_results_and_indicators_renumbers_them(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    first, second = make_result(plan=plan, indicators=2), make_result(plan=plan)
    result_update(
        actor=personas.employee, result=second, kind="UTAMA", text="Diubah", parent=None, goal=None
    )
    indicator = first.indicators.get(number=1)
    indicator_update(
        actor=personas.employee,
        indicator=indicator,
        aspect="TIME",
        text="Tepat waktu",
        target_kind=TargetKind.RANGE,
        target_value=1,
        target_max=3,
        target_unit="hari",
        polarity="LOWER_IS_BETTER",
    )
    indicator.refresh_from_db()
    assert (indicator.aspect, indicator.target_max) == ("TIME", Decimal(3))
    indicator_remove(actor=personas.employee, indicator=indicator)
    assert list(first.indicators.values_list("number", flat=True)) == [1]
    result_remove(actor=personas.employee, result=first)
    second.refresh_from_db()
    assert (second.number, second.text) == (1, "Diubah")
    assert _actions() == [
        "result.updated",
        "indicator.updated",
        "indicator.removed",
        "result.removed",
    ]


def test_the_annex_and_approach_are_saved(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    plan_update_annex(
        actor=personas.employee,
        plan=plan,
        resource_support="Komputer",
        approach="QUALITATIVE",
        accountability_scheme="Laporan bulanan",
        consequences="Sesuai peraturan",
    )
    plan.refresh_from_db()
    assert (plan.resource_support, plan.approach) == ("Komputer", "QUALITATIVE")
    assert _actions() == ["plan.updated"]


def test_the_appraiser_writes_a_leader_expectation(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    expectation_set(actor=personas.supervisor, plan=plan, core_value="AKUNTABEL", text="Jujur")
    expectation_set(actor=personas.supervisor, plan=plan, core_value="AKUNTABEL", text="Cermat")
    assert list(LeaderExpectation.objects.values_list("core_value", "text")) == [
        ("AKUNTABEL", "Cermat")
    ]
    assert _actions() == ["plan.expectation_set", "plan.expectation_set"]


def test_the_head_of_agency_links_results_to_organisation_goals(personas: Personas) -> None:
    goal = make_goal(agency=personas.agency)
    plan = make_plan(employee=personas.staff.head)
    result = result_add(
        actor=None,
        plan=plan,
        kind="UTAMA",
        text="Cakupan naik",
        goal=goal,
        perspective="SERVICE_RECIPIENTS",
    )
    assert result.goal == goal


def test_last_years_plan_is_copied_without_its_links(personas: Personas) -> None:
    this_year = make_open_period()
    last_year = make_open_period(year=this_year.year - 1, state="CLOSED")
    parent = make_result(plan=make_plan(employee=personas.staff.supervisor, period=last_year))
    old = make_plan(employee=personas.staff.employee, period=last_year)
    make_result(plan=old, text="RHK lama", parent=parent, indicators=2)
    make_result(plan=old, text="RHK tambahan lama", kind="TAMBAHAN")
    plan = make_plan(employee=personas.staff.employee, period=this_year)
    assert plan_copy_previous(actor=personas.employee, plan=plan) == 2
    copied = list(plan.results.order_by("kind", "number"))
    assert [(r.kind, r.text, r.parent_id) for r in copied] == [
        ("TAMBAHAN", "RHK tambahan lama", None),
        ("UTAMA", "RHK lama", None),
    ]
    assert Indicator.objects.filter(result__plan=plan).count() == 3
    plan.refresh_from_db()
    assert plan.copied_from == old
    assert _actions() == ["plan.copied"]


def test_a_cascade_adds_the_result_to_subordinates_and_starts_missing_plans(
    personas: Personas,
) -> None:
    boss = make_plan(employee=personas.staff.supervisor)
    result = make_result(plan=boss, text="Layanan cepat", indicators=2)
    report = result_cascade(
        actor=personas.supervisor,
        result=result,
        employees=[personas.staff.employee, personas.staff.kabid],
    )
    assert [r.plan.employee for r in report.added] == [personas.staff.employee]
    assert [p.employee for p in report.started] == [personas.staff.employee]
    assert report.skipped == [(personas.staff.kabid, "bukan bawahan langsung")]
    added = report.added[0]
    assert (added.text, added.parent) == ("Layanan cepat", result)
    assert added.indicators.count() == 2
    assert _actions() == ["plan.started", "result.cascaded"]
    again = result_cascade(
        actor=personas.supervisor, result=result, employees=[personas.staff.employee]
    )
    assert again.skipped == [(personas.staff.employee, "sudah mengintervensi RHK ini")]


def test_a_cascade_skips_a_submitted_plan(personas: Personas) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.supervisor))
    make_plan(employee=personas.staff.employee, state="SUBMITTED", results=1)
    report = result_cascade(
        actor=personas.supervisor, result=result, employees=[personas.staff.employee]
    )
    assert report.added == []
    assert report.skipped == [(personas.staff.employee, "SKP berstatus Diajukan")]
    assert PlannedResult.objects.filter(parent=result).count() == 0
    assert PerformancePlan.objects.count() == 2


def test_numbers_that_a_described_target_does_not_need_are_ignored(personas: Personas) -> None:
    result = make_result(plan=make_plan(employee=personas.staff.employee), indicators=0)
    indicator = indicator_add(
        actor=personas.employee,
        result=result,
        aspect="QUALITY",
        text="Mutu",
        target_kind=TargetKind.DESCRIBED,
        target_value="abc",
        target_max="x",
        target_description="Baik",
    )
    assert (indicator.target_value, indicator.target_max) == (None, None)


def test_a_mid_year_move_starts_a_second_plan_and_ends_the_first_the_day_before(
    personas: Personas,
) -> None:
    period = make_open_period()
    first = make_plan(employee=personas.staff.employee, start_date=period.start_date)
    moved_on = period.start_date + timedelta(days=120)
    new_post = make_position(
        agency=personas.agency, name="Analis Data", supervisor=personas.staff.kabid_post
    )
    Assignment.objects.filter(employee=personas.staff.employee).update(
        end_date=moved_on - timedelta(days=1)
    )
    assign(personas.staff.employee, new_post, start=moved_on)
    second = plan_start(
        actor=personas.employee,
        employee=personas.staff.employee,
        period=period,
        start_date=moved_on,
    )
    assert (second.position, second.appraiser) == (new_post, personas.staff.kabid)
    first.refresh_from_db()
    assert first.end_date == moved_on - timedelta(days=1)
    assert _actions() == ["plan.ended", "plan.started"]

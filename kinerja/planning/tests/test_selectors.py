"""The plan for an actor, the plan as a document, its lines, and the lists."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.http import Http404

from kinerja.discussions.versions import lines_diff
from kinerja.people.testing import Personas, bulk_staff
from kinerja.planning.models import LeaderExpectation, PlanState, TargetKind
from kinerja.planning.selectors import (
    plan_document_build,
    plan_get_for_actor,
    plan_lines,
    plan_list_for_actor,
    plan_queryset,
    plan_team_list_for_actor,
)
from kinerja.planning.testing import make_indicator, make_open_period, make_plan, make_result

pytestmark = pytest.mark.django_db


def test_an_outsider_asking_for_a_plan_is_told_it_does_not_exist(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    with pytest.raises(Http404):
        plan_get_for_actor(actor=personas.outsider, plan_id=plan.pk)
    assert plan_get_for_actor(actor=personas.employee, plan_id=plan.pk) == plan


def test_the_plan_fixes_the_supervisor_as_appraiser_and_the_primary_post(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee)
    assert plan.position == personas.staff.staff_post
    assert plan.appraiser == personas.staff.supervisor
    assert plan.appraiser_position == personas.staff.kasi_post
    assert not plan.appraiser_is_mayor


def test_the_document_shows_the_supervisor_result_each_result_contributes_to(
    personas: Personas,
) -> None:
    boss = make_plan(employee=personas.staff.supervisor)
    parent = make_result(plan=boss, text="Layanan KTP-el tepat waktu")
    plan = make_plan(employee=personas.staff.employee)
    make_result(plan=plan, text="Data KTP-el terolah", parent=parent)
    make_result(plan=plan, text="Membantu arsip", kind="TAMBAHAN")
    LeaderExpectation.objects.create(plan=plan, core_value="AKUNTABEL", text="Jujur dan cermat")
    document = plan_document_build(plan=plan_queryset().get(pk=plan.pk))
    assert [v.result.text for v in document.main] == ["Data KTP-el terolah"]
    assert document.main[0].parent_text == "Layanan KTP-el tepat waktu"
    assert [v.result.text for v in document.additional] == ["Membantu arsip"]
    assert len(document.expectations) == 7
    assert [e.text for e in document.expectations if e.code == "AKUNTABEL"] == ["Jujur dan cermat"]
    assert all(len(e.behaviors) == 3 for e in document.expectations)
    assert document.appraiser_name == personas.staff.supervisor.full_name
    assert document.appraiser_position_name == "Kepala Seksi Identitas"
    assert document.agency_name == personas.agency.name
    assert document.unit_name == personas.staff.unit.name


def test_a_head_of_agency_plan_is_appraised_by_the_mayor(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.head)
    document = plan_document_build(plan=plan_queryset().get(pk=plan.pk))
    assert plan.appraiser_is_mayor
    assert plan.appraiser is None
    assert document.appraiser_name == "Wali Kota"


def test_building_the_document_costs_the_same_queries_for_any_size(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    small = make_plan(employee=personas.staff.employee, results=1)
    big = make_plan(employee=personas.staff.supervisor, results=6)
    for plan in (small, big):
        fresh = plan_queryset().get(pk=plan.pk)
        with django_assert_num_queries(3):
            plan_lines(document=plan_document_build(plan=fresh))


def test_the_lines_name_each_result_indicator_and_target(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    result = make_result(plan=plan, text="Data terolah", indicators=0)
    make_indicator(
        result=result, text="Jumlah berkas", target_value=Decimal("1250.5"), target_unit="berkas"
    )
    make_indicator(
        result=result,
        text="Kepuasan",
        target_kind=TargetKind.RANGE,
        target_value=Decimal(80),
        target_max=Decimal(90),
        target_unit="%",
    )
    lines = plan_lines(document=plan_document_build(plan=plan_queryset().get(pk=plan.pk)))
    assert "RHK Utama: Data terolah" in lines
    assert any("IKI (Kuantitas): Jumlah berkas; target: 1.250,5 berkas" in x for x in lines)
    assert any("target: 80 s.d. 90 %" in line for line in lines)


def test_removing_the_first_result_shows_only_that_result_as_removed(personas: Personas) -> None:
    plan = make_plan(employee=personas.staff.employee)
    first = make_result(plan=plan, text="Data terolah")
    make_result(plan=plan, text="Arsip tertata")

    def lines() -> list[str]:
        return plan_lines(document=plan_document_build(plan=plan_queryset().get(pk=plan.pk)))

    before = lines()
    first.indicators.all().delete()
    first.delete()
    diff = lines_diff(before, lines())
    removed = [line.text for line in diff if line.op == "removed"]
    assert removed
    assert all("Arsip tertata" not in text for text in removed)
    assert not [line for line in diff if line.op == "added"]


def test_my_plans_lists_only_my_own(personas: Personas) -> None:
    mine = make_plan(employee=personas.staff.employee)
    make_plan(employee=personas.staff.supervisor)
    assert list(plan_list_for_actor(actor=personas.employee)) == [mine]
    assert list(plan_list_for_actor(actor=personas.outsider)) == []


def test_the_team_list_shows_each_subordinate_with_their_state_or_not_started(
    personas: Personas,
) -> None:
    plan = make_plan(employee=personas.staff.employee, state=PlanState.SUBMITTED, results=1)
    team = plan_team_list_for_actor(actor=personas.appraiser_superior, period_id=plan.period_id)
    assert [(r.employee.name, r.state_label) for r in team.rows] == [
        (personas.staff.supervisor.name, "Belum mulai")
    ]
    team = plan_team_list_for_actor(actor=personas.supervisor)
    assert [(r.employee, r.state_label) for r in team.rows] == [
        (personas.staff.employee, "Diajukan")
    ]


@pytest.mark.parametrize("extra", [1, 12])
def test_the_team_list_costs_the_same_queries_for_any_team_size(
    personas: Personas, django_assert_num_queries: Any, extra: int
) -> None:
    bulk_staff(agency=personas.agency, supervisor=personas.staff.kasi_post, unit=None, count=extra)
    plan = make_plan(employee=personas.staff.employee, results=1)
    supervisor = (
        type(personas.supervisor).objects.select_related("employee").get(pk=personas.supervisor.pk)
    )
    with django_assert_num_queries(9):  # the session user carries its employee: no lookup
        team = plan_team_list_for_actor(actor=supervisor, period_id=plan.period_id)
    assert len(team.rows) == extra + 1
    assert team.count("") == extra
    assert team.count(PlanState.DRAFT) == 1


@pytest.mark.parametrize("years", [1, 4])
def test_my_plans_cost_one_query_for_any_number(
    personas: Personas, django_assert_num_queries: Any, years: int
) -> None:
    for year in range(2024, 2024 + years):
        make_plan(employee=personas.staff.employee, period=make_open_period(year=year))
    user = type(personas.employee).objects.select_related("employee").get(pk=personas.employee.pk)
    with django_assert_num_queries(1):
        plans = list(plan_list_for_actor(actor=user))
    assert [p.period.year for p in plans] == list(range(2023 + years, 2023, -1))

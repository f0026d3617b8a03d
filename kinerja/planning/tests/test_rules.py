"""The rules every entrance asks: targets, contributions, goals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.people.testing import Personas, assign, make_employee, make_position
from kinerja.periods.models import PeriodState
from kinerja.planning.rules import (
    Number,
    contribution_errors,
    goal_errors,
    number_text,
    target_errors,
)
from kinerja.planning.testing import make_goal, make_open_period, make_plan, make_result


@pytest.mark.parametrize(
    ("kind", "value", "maximum", "description", "field", "message"),
    [
        (
            "NUMBER",
            Decimal(-5),
            None,
            "",
            "target_value",
            "Target -5 tidak diterima: target harus angka positif, rentang dengan batas bawah "
            "< batas atas, atau uraian.",
        ),
        ("NUMBER", None, None, "", "target_value", "Target belum diisi"),
        ("NUMBER", "abc", None, "", "target_value", "Target abc tidak diterima: bukan angka"),
        ("NUMBER", 0, None, "", "target_value", "Target 0 tidak diterima"),
        (
            "NUMBER",
            "0.001",
            None,
            "",
            "target_value",
            "Target 0.001 tidak diterima: paling banyak 2",
        ),
        ("NUMBER", 10**15, None, "", "target_value", "kurang dari 100 triliun"),
        (
            "RANGE",
            90,
            80,
            "",
            "target_max",
            "Rentang target 90 s.d. 80 tidak diterima: batas bawah harus lebih kecil dari batas "
            "atas.",
        ),
        ("RANGE", 80, 80, "", "target_max", "Rentang target 80 s.d. 80 tidak diterima"),
        ("RANGE", 80, None, "", "target_max", "Batas atas target belum diisi"),
        ("DESCRIBED", None, None, "  ", "target_description", "Uraian target kosong"),
        ("BOGUS", 1, None, "", "target_kind", "Jenis target 'BOGUS' tidak dikenal"),
    ],
)
def test_a_bad_target_is_refused_naming_the_value_and_the_rule(
    kind: str, value: Number, maximum: Number, description: str, field: str, message: str
) -> None:
    errors = target_errors(
        kind=kind,
        value=value,
        maximum=maximum,
        unit="",
        description=description,
    )
    assert message in errors[field][0]


@pytest.mark.parametrize(
    ("kind", "value", "maximum", "description"),
    [
        ("NUMBER", Decimal("0.5"), None, ""),
        ("RANGE", 80, 90, ""),
        ("DESCRIBED", None, None, "Baik"),
    ],
)
def test_a_good_target_is_accepted(
    kind: str, value: Number, maximum: Number, description: str
) -> None:
    assert target_errors(kind=kind, value=value, maximum=maximum, description=description) == {}


def test_the_field_prefix_names_the_fields() -> None:
    errors = target_errors(kind="NUMBER", value=-1, maximum=None, field_prefix="goal_target")
    assert list(errors) == ["goal_target_value"]


def test_numbers_are_written_the_indonesian_way() -> None:
    assert number_text(Decimal("1250.50")) == "1.250,5"
    assert number_text(Decimal(10)) == "10"


@pytest.mark.django_db
def test_a_result_may_contribute_to_the_supervisors_result(personas: Personas) -> None:
    parent = make_result(plan=make_plan(employee=personas.staff.supervisor))
    plan = make_plan(employee=personas.staff.employee)
    assert contribution_errors(plan=plan, parent=parent) == {}


@pytest.mark.django_db
def test_a_result_may_not_contribute_to_someone_who_is_not_the_supervisor(
    personas: Personas,
) -> None:
    parent = make_result(plan=make_plan(employee=personas.staff.kabid), text="Pelayanan prima")
    plan = make_plan(employee=personas.staff.employee)
    errors = contribution_errors(plan=plan, parent=parent)
    assert errors["parent"] == [
        "RHK atasan “Pelayanan prima” milik Dewi Kabid, bukan atasan langsung "
        f"{personas.staff.employee.full_name} pada {plan.period.name}; RHK hanya dapat "
        "mengintervensi RHK atasan langsung."
    ]


@pytest.mark.django_db
def test_a_result_may_not_contribute_to_a_result_of_another_period(personas: Personas) -> None:
    last_year = make_open_period(year=make_open_period().year - 1)
    parent = make_result(plan=make_plan(employee=personas.staff.supervisor, period=last_year))
    plan = make_plan(employee=personas.staff.employee)
    assert "berasal dari" in contribution_errors(plan=plan, parent=parent)["parent"][0]


@pytest.mark.django_db
def test_a_loop_of_contributions_is_refused(personas: Personas) -> None:
    # A supervisor's result that (through bad data) already contributes to the employee's.
    plan = make_plan(employee=personas.staff.employee)
    mine = make_result(plan=plan)
    boss = make_result(plan=make_plan(employee=personas.staff.supervisor), parent=mine)
    errors = contribution_errors(result=mine, parent=boss)
    assert "membentuk lingkaran" in errors["parent"][0]
    assert "dirinya sendiri" in contribution_errors(result=mine, parent=mine)["parent"][0]


@pytest.mark.django_db
def test_only_a_head_of_agency_links_a_result_to_a_goal_of_their_agency(
    personas: Personas,
) -> None:
    goal = make_goal(agency=personas.agency, statement="Cakupan KTP-el meningkat")
    other = make_goal(agency=personas.other_agency)
    head_plan = make_plan(employee=personas.staff.head)
    assert goal_errors(plan=head_plan, goal=goal) == {}
    assert "bukan sasaran" in goal_errors(plan=head_plan, goal=other)["goal"][0]
    staff_plan = make_plan(employee=personas.staff.employee)
    assert goal_errors(plan=staff_plan, goal=goal)["goal"] == [
        "Sasaran strategis “Cakupan KTP-el meningkat” tidak dapat dipilih: hanya RHK kepala "
        "perangkat daerah yang dikaitkan langsung dengan sasaran strategis; RHK lain "
        "mengintervensi RHK atasan."
    ]


@pytest.mark.django_db
def test_a_closed_period_keeps_its_plans_and_the_chain_is_read_on_the_start_date(
    personas: Personas,
) -> None:
    period = make_open_period(state=PeriodState.CLOSED)
    newcomer = make_employee(name="Pegawai Baru")
    post = make_position(agency=personas.agency, supervisor=personas.staff.kasi_post)
    assign(newcomer, post, start=period.start_date)
    plan = make_plan(employee=newcomer, period=period, start_date=period.start_date)
    assert plan.appraiser == personas.staff.supervisor

"""JP of a year: confirmed items by the year they were completed, one query for many."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kinerja.learning.models import ItemState
from kinerja.learning.selectors.jp import JpProgress, jp_by_employee
from kinerja.learning.testing import make_development_plan, make_item
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_only_confirmed_items_of_the_year_count(personas: Personas) -> None:
    plan = make_development_plan(employee=personas.staff.employee)
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(8), completed_on=date(2026, 3, 1))
    make_item(
        plan=plan, state=ItemState.CONFIRMED, jp=Decimal("4.5"), completed_on=date(2026, 6, 1)
    )
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(30), completed_on=date(2025, 12, 31))
    make_item(plan=plan, state=ItemState.COMPLETED, jp=Decimal(16), completed_on=date(2026, 6, 2))
    make_item(plan=plan, state=ItemState.PLANNED)

    found = jp_by_employee([personas.staff.employee.pk, personas.staff.supervisor.pk], 2026)

    assert found == {personas.staff.employee.pk: Decimal("12.5"), personas.staff.supervisor.pk: 0}


def test_many_employees_cost_one_query(personas: Personas, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    for employee in (personas.staff.employee, personas.staff.supervisor, personas.staff.kabid):
        plan = make_development_plan(employee=employee)
        make_item(plan=plan, state=ItemState.CONFIRMED, completed_on=date(2026, 2, 2))
    ids = [personas.staff.employee.pk, personas.staff.supervisor.pk, personas.staff.kabid.pk]

    with django_assert_num_queries(1):
        found = jp_by_employee(ids, 2026)

    assert set(found.values()) == {Decimal(16)}


def test_no_employee_costs_no_query(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(0):
        assert jp_by_employee([], 2026) == {}


def test_progress_reads_as_jp_of_the_target() -> None:
    assert JpProgress(Decimal(12)).label == "12 dari 20 JP"
    assert JpProgress(Decimal("12.5")).label == "12,5 dari 20 JP"
    assert JpProgress(Decimal(12)).percent == 60
    assert JpProgress(Decimal(25)).percent == 100
    assert JpProgress(Decimal(25)).reached
    assert JpProgress(Decimal(5)).missing == 15

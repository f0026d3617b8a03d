"""Indicators most often below target: per city, agency and unit, linking to the person."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.monitoring.models import Realization, RealizationState
from kinerja.monitoring.testing import make_realization, plan_indicators
from kinerja.organization.models import Unit
from kinerja.periods.models import EvaluationWindow, PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_plan
from kinerja.reporting.models import Ranking
from kinerja.reporting.rankings import below_target
from kinerja.reporting.selectors.dashboard import dashboard_for_actor
from kinerja.reporting.testing import make_ranked

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():  # type: ignore[no-untyped-def]
    return make_period(year=timezone.localdate().year - 1, state=PeriodState.EVALUATION)


def _realize(
    plan: Any, indicator: Any, number: int, achievement: int, state: str = RealizationState.ACCEPTED
) -> None:
    window = EvaluationWindow.objects.get(period=plan.period, number=number)
    found = make_realization(plan=plan, indicator=indicator, window=window, state=state)
    Realization.objects.filter(pk=found.pk).update(achievement=Decimal(achievement))


def test_most_misses_first_per_scope_with_the_person(personas, period):  # type: ignore[no-untyped-def]
    staff = personas.staff
    plan = make_plan(
        employee=staff.employee,
        period=period,
        state=PlanState.APPROVED,
        results=2,
        start_date=period.start_date,
    )
    often, once = plan_indicators(plan)
    for number, achievement in ((1, 50), (2, 80), (3, 120)):
        _realize(plan, often, number, achievement)
    _realize(plan, once, 1, 90)
    _realize(plan, once, 2, 10, state=RealizationState.DRAFT)  # not submitted
    boss = make_plan(
        employee=staff.head, period=period, state=PlanState.APPROVED, results=1,
        start_date=period.start_date,
    )  # fmt: skip
    (met,) = plan_indicators(boss)
    _realize(boss, met, 1, 100)  # on target: never listed
    trial = make_period(year=period.year, is_trial=True, state=PeriodState.EVALUATION)
    trial_plan = make_plan(
        employee=staff.employee, period=trial, state=PlanState.APPROVED, results=1,
        start_date=trial.start_date,
    )  # fmt: skip
    _realize(trial_plan, plan_indicators(trial_plan)[0], 1, 10)

    rows = below_target.compute(period)
    by_scope: dict[tuple[int | None, int | None], list[Any]] = {}
    for row in rows:
        by_scope.setdefault((row.agency_id, row.unit_id), []).append(row)
    unit = staff.unit
    scopes = {(None, None), (personas.agency.pk, None), (personas.agency.pk, unit.pk)}
    parent = Unit.objects.get(pk=unit.pk).parent_id
    if parent is not None:
        scopes.add((personas.agency.pk, parent))
    assert set(by_scope) == scopes
    first, second = by_scope[(None, None)]
    assert (first.position, first.label, first.count) == (1, often.text, 2)
    assert first.value == Decimal("83.33")
    assert first.detail == f"{staff.employee.name} · {unit.name}"
    assert first.target_id == staff.employee.pk
    assert (second.position, second.label, second.count) == (2, once.text, 1)
    assert below_target.link(staff.employee.pk) == reverse(
        "reporting:person", args=[staff.employee.pk]
    )


def test_the_lists_appear_on_the_city_and_agency_pages(client, personas, period):  # type: ignore[no-untyped-def]
    employee = personas.staff.employee
    for agency in (None, personas.agency):
        make_ranked(
            period=period,
            ranking=Ranking.BELOW_TARGET,
            agency=agency,
            label="Jumlah dokumen kependudukan yang diterbitkan",
            detail=f"{employee.name} · {personas.staff.unit.name}",
            value=Decimal("62.5"),
            count=3,
            target_id=employee.pk,
        )
    board = dashboard_for_actor(actor=personas.leader, period_id=period.pk)
    view = next(r for r in board.rankings if r.spec.ranking == Ranking.BELOW_TARGET)
    (line,) = view.lines
    assert line.url == reverse("reporting:person", args=[employee.pk])
    assert line.value_text == "62,50"
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(f"{url}?periode={period.pk}").content)
        assert "Jumlah dokumen kependudukan yang diterbitkan" in text


def test_compute_is_two_queries(personas, period, django_assert_num_queries):  # type: ignore[no-untyped-def]
    for employee in (personas.staff.employee, personas.staff.supervisor):
        plan = make_plan(
            employee=employee, period=period, state=PlanState.APPROVED, results=2,
            start_date=period.start_date,
        )  # fmt: skip
        for indicator in plan_indicators(plan):
            _realize(plan, indicator, 1, 40)
    with django_assert_num_queries(2):
        assert len(below_target.compute(period)) >= 4

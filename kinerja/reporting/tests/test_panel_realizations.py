"""The realisation timeliness panel: due, on time, late and missing realisations per unit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.monitoring.models import RealizationState
from kinerja.monitoring.testing import make_realization, plan_indicators
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.planning.models import PlanState
from kinerja.planning.testing import make_plan
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import realizations
from kinerja.reporting.selectors.dashboard import dashboard_for_actor
from kinerja.reporting.testing import local_moment, make_figure

pytestmark = pytest.mark.django_db


def _last_year(is_trial: bool = False) -> PerformancePeriod:
    year = timezone.localdate().year - 1
    return make_period(year=year, state=PeriodState.EXECUTION, is_trial=is_trial)


def _plan(employee: Any, period: PerformancePeriod, state: str = PlanState.APPROVED) -> Any:
    return make_plan(
        employee=employee, period=period, state=state, results=2, start_date=period.start_date
    )


def _figures(period: PerformancePeriod) -> dict[tuple[int, int | None, str], int]:
    return {(f.agency_id, f.unit_id, f.category): f.count for f in realizations.compute(period)}


def test_due_on_time_late_and_missing_per_unit(personas):  # type: ignore[no-untyped-def]
    period = _last_year()
    plan = _plan(personas.staff.employee, period)
    first, second = plan_indicators(plan)
    january = EvaluationWindow.objects.get(period=period, number=1)
    due = january.realization_due_date
    # on the due day, 20:00 in Jakarta (13:00 UTC): on time
    make_realization(
        plan=plan,
        indicator=first,
        window=january,
        state=RealizationState.ACCEPTED,
        submitted_at=local_moment(due, 20),
    )
    make_realization(
        plan=plan,
        indicator=second,
        window=january,
        state=RealizationState.SUBMITTED,
        submitted_at=local_moment(due + timedelta(days=3), 9),
    )
    # a draft is not submitted: still missing
    february = EvaluationWindow.objects.get(period=period, number=2)
    make_realization(plan=plan, indicator=first, window=february)
    # a plan that is not approved owes nothing
    _plan(personas.staff.supervisor, period, state=PlanState.DRAFT)

    key = (personas.agency.pk, personas.staff.unit.pk)
    found = _figures(period)
    assert found == {
        (*key, realizations.DUE): 24,
        (*key, realizations.ON_TIME): 1,
        (*key, realizations.LATE): 1,
        (*key, realizations.MISSING): 22,
    }


def test_trial_records_and_windows_not_yet_due_are_not_counted(personas):  # type: ignore[no-untyped-def]
    period = _last_year()
    _plan(personas.staff.employee, period)
    before = _figures(period)
    trial = _last_year(is_trial=True)
    trial_plan = _plan(personas.staff.supervisor, trial)
    make_realization(
        plan=trial_plan,
        window=EvaluationWindow.objects.get(period=trial, number=1),
        state=RealizationState.SUBMITTED,
    )
    assert _figures(period) == before
    # a period whose windows are all still open owes nothing yet
    future = make_period(year=timezone.localdate().year + 1, state=PeriodState.EXECUTION)
    _plan(personas.staff.employee, future)
    assert realizations.compute(future) == []


def _shown(personas: Any, period: PerformancePeriod) -> None:
    unit = personas.staff.unit
    for category, count in (("DUE", 20), ("ON_TIME", 15), ("LATE", 3), ("MISSING", 2)):
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.REALIZATIONS,
            category=category,
            count=count,
        )


def test_present_rows_links_total_and_chart(personas):  # type: ignore[no-untyped-def]
    period = _last_year()
    _shown(personas, period)
    city = dashboard_for_actor(actor=personas.leader, period_id=period.pk)
    view = city.panel(Panel.REALIZATIONS)
    assert view.columns[:3] == ("Jatuh tempo", "Tepat waktu", "% tepat waktu")
    (row,) = view.rows
    assert row.label == personas.agency.name
    assert [c.text for c in row.cells] == ["20", "15", "75,0%", "3", "2"]
    agency_url = reverse("reporting:agency", args=[personas.agency.pk])
    assert all(c.url == f"{agency_url}?periode={period.pk}#realisasi" for c in row.cells)
    assert view.total is not None
    assert view.total.cells[0].text == "20"
    assert "<svg" in view.chart_svg
    assert "15 dari 20" in view.chart_summary

    agency = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, agency_id=personas.agency.pk
    )
    (unit_row,) = agency.panel(Panel.REALIZATIONS).rows
    assert unit_row.label == personas.staff.unit.name


def test_present_is_empty_without_figures(personas):  # type: ignore[no-untyped-def]
    period = _last_year()
    view = dashboard_for_actor(actor=personas.leader, period_id=period.pk).panel(Panel.REALIZATIONS)
    assert view.is_empty
    assert view.total is None
    assert view.chart_svg == ""


def test_city_and_agency_pages_show_the_table(client, personas):  # type: ignore[no-untyped-def]
    period = _last_year()
    _shown(personas, period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(f"{url}?periode={period.pk}").content)
        assert "Ketepatan waktu realisasi" in text
        assert "Tepat waktu" in text
        assert "75,0%" in text


def test_compute_is_three_queries_whatever_the_plans(personas, django_assert_num_queries):  # type: ignore[no-untyped-def]
    period = _last_year()
    for employee in (personas.staff.employee, personas.staff.supervisor, personas.staff.kabid):
        _plan(employee, period)
    with django_assert_num_queries(3):
        realizations.compute(period)

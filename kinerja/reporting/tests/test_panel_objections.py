"""The objections panel: total, open with their age, decided with their length, withdrawn."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.appeals.models import ObjectionState
from kinerja.core.testing import page_text
from kinerja.periods.models import PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import objections
from kinerja.reporting.selectors.dashboard import dashboard_for_actor
from kinerja.reporting.testing import make_figure, make_objections

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():  # type: ignore[no-untyped-def]
    return make_period(year=timezone.localdate().year - 1, state=PeriodState.EVALUATION)


def test_counts_and_days_per_unit(personas, period):  # type: ignore[no-untyped-def]
    unit = personas.staff.unit
    make_objections(
        agency=personas.agency,
        period=period,
        unit=unit,
        states=[
            (ObjectionState.FILED, 20, None),
            (ObjectionState.EXPLAINED, 4, None),
            (ObjectionState.ACCEPTED, 30, 6),
            (ObjectionState.REJECTED, 30, 10),
            (ObjectionState.WITHDRAWN, 2, None),
        ],
    )
    make_objections(
        agency=personas.other_agency, period=period, states=[(ObjectionState.FILED, 1, None)]
    )
    trial = make_period(year=period.year, is_trial=True, state=PeriodState.EVALUATION)
    make_objections(
        agency=personas.agency, period=trial, unit=unit, states=[(ObjectionState.FILED, 40, None)]
    )

    found = {
        (f.agency_id, f.unit_id, f.category): (f.count, int(f.amount))
        for f in objections.compute(period)
    }
    key = (personas.agency.pk, unit.pk)
    assert {c: v for (a, u, c), v in found.items() if (a, u) == key} == {
        objections.FILED: (5, 0),
        objections.OPEN: (2, 24),
        objections.OPEN_OVER_14: (1, 0),
        objections.ACCEPTED: (1, 0),
        objections.REJECTED: (1, 0),
        objections.DECIDED: (2, 16),
        objections.WITHDRAWN: (1, 0),
    }
    assert found[(personas.other_agency.pk, None, objections.FILED)] == (1, 0)


def _shown(personas: Any, period: PerformancePeriod) -> None:
    unit = personas.staff.unit
    for category, count, amount in (
        ("FILED", 7, 0),
        ("OPEN", 4, 50),
        ("OPEN_OVER_14", 1, 0),
        ("DECIDED", 2, 9),
        ("WITHDRAWN", 1, 0),
    ):
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.OBJECTIONS,
            category=category,
            count=count,
            amount=amount,
        )


def test_present_first_column_is_the_total_and_means_in_days(personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period)
    view = dashboard_for_actor(actor=personas.leader, period_id=period.pk).panel(Panel.OBJECTIONS)
    assert view.columns[0] == "Keberatan"
    (row,) = view.rows
    assert row.label == personas.agency.name
    assert [c.text for c in row.cells] == ["7", "4", "1", "12,5", "2", "4,5", "1"]
    agency_url = reverse("reporting:agency", args=[personas.agency.pk])
    assert row.cells[0].url == f"{agency_url}?periode={period.pk}#keberatan"
    assert view.total is not None
    assert view.total.cells[0].text == "7"
    assert "<svg" in view.chart_svg
    assert "7 keberatan, 4 masih terbuka (1 lebih dari 14 hari)" in view.chart_summary


def test_present_is_empty_without_objections(personas, period):  # type: ignore[no-untyped-def]
    view = dashboard_for_actor(actor=personas.leader, period_id=period.pk).panel(Panel.OBJECTIONS)
    assert view.is_empty
    assert view.total is None
    assert view.chart_summary == ""


def test_city_and_agency_pages_show_the_table(client, personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(f"{url}?periode={period.pk}").content)
        assert "Keberatan dan umurnya" in text
        assert "Terbuka > 14 hari" in text
        assert "12,5" in text


def test_compute_is_one_query(personas, period, django_assert_num_queries):  # type: ignore[no-untyped-def]
    states = [(ObjectionState.FILED, 3, None), (ObjectionState.ACCEPTED, 9, 2)]
    make_objections(agency=personas.agency, period=period, states=states)
    with django_assert_num_queries(1):
        objections.compute(period)

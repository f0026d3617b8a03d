"""The organisation predikat panel: one rating per agency, annual else the latest window."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_org_rating
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import org_rating
from kinerja.reporting.panels.base import Figure
from kinerja.reporting.selectors.dashboard import dashboard_for_actor
from kinerja.reporting.testing import make_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():  # type: ignore[no-untyped-def]
    return make_period(year=timezone.localdate().year - 1, state=PeriodState.EVALUATION)


def _window(period: PerformancePeriod, number: int) -> EvaluationWindow:
    return EvaluationWindow.objects.get(period=period, number=number)


def test_annual_rating_else_the_latest_window(personas, period):  # type: ignore[no-untyped-def]
    agency, other = personas.agency, personas.other_agency
    make_org_rating(agency=agency, scope=Scope(period, _window(period, 1)), predikat="KURANG")
    make_org_rating(agency=agency, scope=Scope(period, None), predikat="BAIK")
    make_org_rating(agency=other, scope=Scope(period, _window(period, 1)), predikat="KURANG")
    make_org_rating(agency=other, scope=Scope(period, _window(period, 3)), predikat="ISTIMEWA")
    trial = make_period(year=period.year, is_trial=True)
    make_org_rating(agency=agency, scope=Scope(trial, None), predikat="SANGAT_KURANG")

    assert sorted(org_rating.compute(period), key=lambda f: f.agency_id) == sorted(
        [
            Figure(agency.pk, None, "BAIK", 1, Decimal(0)),
            Figure(other.pk, None, "ISTIMEWA", 1, Decimal(3)),
        ],
        key=lambda f: f.agency_id,
    )


def _shown(personas: Any, period: PerformancePeriod) -> None:
    make_figure(
        period=period, agency=personas.agency, panel=Panel.ORG_RATING, category="BAIK", count=1
    )


def test_city_row_per_agency_in_words_and_a_bar_per_predikat(personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period)
    view = dashboard_for_actor(actor=personas.leader, period_id=period.pk).panel(Panel.ORG_RATING)
    rows = {row.label: row for row in view.rows}
    assert rows[personas.agency.name].cells[0].text == "Baik"
    assert rows[personas.agency.name].cells[1].text == "Tahunan"
    assert rows[personas.agency.name].cells[0].url.endswith("#predikat-organisasi")
    assert rows[personas.other_agency.name].cells[0].text == "Belum ditetapkan"
    assert view.total is not None
    assert view.total.cells[0].text == "1 ditetapkan"
    assert "<svg" in view.chart_svg
    assert "1 Baik" in view.chart_summary


def test_agency_page_shows_the_agency_rating(personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period)
    view = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, agency_id=personas.agency.pk
    ).panel(Panel.ORG_RATING)
    (row,) = view.rows
    assert row.cells[0].text == "Baik"
    unit = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, unit_id=personas.staff.unit.pk
    ).panel(Panel.ORG_RATING)
    assert unit.rows[0].cells[0].text == "Baik"
    other = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, agency_id=personas.other_agency.pk
    ).panel(Panel.ORG_RATING)
    assert other.is_empty
    assert other.chart_svg == ""


def test_city_and_agency_pages_show_the_table(client, personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(f"{url}?periode={period.pk}").content)
        assert "Predikat kinerja organisasi" in text
        assert "Tahunan" in text


def test_compute_is_one_query(personas, period, django_assert_num_queries):  # type: ignore[no-untyped-def]
    make_org_rating(agency=personas.agency, scope=Scope(period, None), predikat="BAIK")
    with django_assert_num_queries(1):
        org_rating.compute(period)

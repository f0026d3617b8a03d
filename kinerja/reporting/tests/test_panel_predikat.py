"""The predikat distribution panel: final evaluations per unit against the guidance."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_group, make_org_rating
from kinerja.periods.models import EvaluationWindow, PerformancePeriod, PeriodState
from kinerja.periods.testing import make_period
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import predikat
from kinerja.reporting.selectors.dashboard import dashboard_for_actor
from kinerja.reporting.testing import make_figure
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

SB, B, BP = Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN


@pytest.fixture
def period():  # type: ignore[no-untyped-def]
    return make_period(year=timezone.localdate().year - 1, state=PeriodState.EVALUATION)


def _window(period: PerformancePeriod, number: int) -> EvaluationWindow:
    return EvaluationWindow.objects.get(period=period, number=number)


def _figures(period: PerformancePeriod) -> dict[tuple[int, int | None, str], int]:
    return {(f.agency_id, f.unit_id, f.category): f.count for f in predikat.compute(period)}


def test_annual_evaluations_count_else_the_latest_window(personas, period):  # type: ignore[no-untyped-def]
    agency, other, unit = personas.agency, personas.other_agency, personas.staff.unit
    annual = Scope(period, None)
    make_group(agency=agency, scope=annual, predikats=[SB, B, B], unit=unit)
    make_group(agency=agency, scope=annual, predikats=[B], unit=unit, state=EvaluationState.DRAFT)
    make_group(agency=agency, scope=Scope(period, _window(period, 3)), predikats=[BP], unit=unit)
    make_org_rating(agency=agency, scope=annual, predikat="BAIK")
    make_group(agency=other, scope=Scope(period, _window(period, 2)), predikats=[SB])
    make_group(agency=other, scope=Scope(period, _window(period, 5)), predikats=[B, BP])
    make_org_rating(agency=other, scope=Scope(period, _window(period, 2)), predikat="ISTIMEWA")
    trial = make_period(year=period.year, is_trial=True, state=PeriodState.EVALUATION)
    make_group(agency=agency, scope=Scope(trial, None), predikats=[SB], unit=unit)

    assert _figures(period) == {
        (agency.pk, unit.pk, "SANGAT_BAIK"): 1,
        (agency.pk, unit.pk, "BAIK"): 2,
        (agency.pk, unit.pk, "ORG_BAIK"): 1,
        # the other agency: window 5 (its latest); its rating is of window 2, not of 5
        (other.pk, None, "BAIK"): 1,
        (other.pk, None, "BUTUH_PERBAIKAN"): 1,
    }


def _shown(
    personas: Any, period: PerformancePeriod, counts: dict[str, int], org: str = "BAIK"
) -> None:
    unit = personas.staff.unit
    for category, count in counts.items():
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.PREDIKAT,
            category=category,
            count=count,
        )
    if org:
        make_figure(
            period=period,
            agency=personas.agency,
            unit=unit,
            panel=Panel.PREDIKAT,
            category=f"ORG_{org}",
            count=1,
        )


def test_present_counts_links_and_notes_outside_guidance(personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period, {"SANGAT_BAIK": 8, "BAIK": 2})
    city = dashboard_for_actor(actor=personas.leader, period_id=period.pk)
    view = city.panel(Panel.PREDIKAT)
    assert view.columns == (
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
        "Dinilai",
    )
    (row,) = view.rows
    assert [c.text for c in row.cells] == ["8", "2", "0", "0", "0", "10"]
    assert row.cells[0].url.endswith("#predikat")
    assert view.total is not None
    assert view.total.cells[-1].text == "10"
    # the agency (Baik) must have Baik as its largest group and needs someone below Baik
    assert any(note.startswith(personas.agency.name) for note in view.notes)
    # the city's curve is drawn without guidance
    assert "tanpa pedoman" in view.chart_summary
    assert "<svg" in view.chart_svg

    agency = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, agency_id=personas.agency.pk
    ).panel(Panel.PREDIKAT)
    assert "organisasi berpredikat Baik" in agency.chart_summary
    assert any(note.startswith("Jumlah:") for note in agency.notes)
    assert any(note.startswith(personas.staff.unit.name) for note in agency.notes)


def test_present_without_organisation_predikat_and_empty(personas, period):  # type: ignore[no-untyped-def]
    empty = dashboard_for_actor(actor=personas.leader, period_id=period.pk).panel(Panel.PREDIKAT)
    assert empty.is_empty
    assert empty.chart_svg == ""
    _shown(personas, period, {"BAIK": 3}, org="")
    view = dashboard_for_actor(
        actor=personas.leader, period_id=period.pk, agency_id=personas.agency.pk
    ).panel(Panel.PREDIKAT)
    assert view.notes == (
        "Predikat kinerja organisasi belum ditetapkan; sebaran belum dapat dibandingkan "
        "dengan pedoman.",
    )


def test_city_and_agency_pages_show_the_table(client, personas, period):  # type: ignore[no-untyped-def]
    _shown(personas, period, {"SANGAT_BAIK": 4, "BAIK": 6})
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(f"{url}?periode={period.pk}").content)
        assert "Sebaran predikat kinerja pegawai" in text
        assert "Butuh Perbaikan" in text
        assert "Dinilai" in text


def test_compute_is_two_queries(personas, period, django_assert_num_queries):  # type: ignore[no-untyped-def]
    make_group(agency=personas.agency, scope=Scope(period, None), predikats=[SB, B])
    make_group(agency=personas.other_agency, scope=Scope(period, _window(period, 1)), predikats=[B])
    with django_assert_num_queries(2):
        predikat.compute(period)

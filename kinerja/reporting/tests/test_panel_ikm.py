"""The IKM panel: SKM answers of the period's year per unit, the index and grade by the surveys
rule over pooled sums, the trend across years, the page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.core.testing import page_text
from kinerja.planning.testing import make_open_period
from kinerja.reporting.models import Panel, UnitFigure
from kinerja.reporting.panels import ikm
from kinerja.reporting.panels.base import Amounts, Child, Counts, Level, PanelData
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_ikm_figures
from kinerja.scoring.ikm import Element, ikm_from_totals
from kinerja.surveys.aggregation import totals_of
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db


def _data(
    by_child: Mapping[int | None, Counts],
    children: Sequence[Child],
    history: Sequence[tuple[str, Counts]] = (),
) -> PanelData:
    total: dict[str, Amounts] = {}
    for counts in by_child.values():
        for category, amounts in counts.items():
            total[category] = total.get(category, Amounts()) + amounts
    return PanelData(
        panel=Panel.IKM,
        level=Level.CITY,
        children=children,
        by_child=by_child,
        total=total,
        employees={},
        employees_total=0,
        history=history,
    )


def _counts(respondents: int, answer: int) -> dict[str, Amounts]:
    counts = {ikm.RESPONSES: Amounts(respondents)}
    for code in ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"):
        counts[code] = Amounts(respondents, Decimal(respondents * answer))
    return counts


def test_compute_stores_sums_per_unit_of_the_year_only(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    office = make_service_unit(unit=personas.staff.unit)
    year = period.year
    make_responses(service_unit=office, answers=[[4] * 9, [3] * 8 + [None]], day=date(year, 3, 1))
    make_responses(service_unit=office, answers=[[1] * 9], day=date(year - 1, 12, 31))
    figures = {(f.agency_id, f.unit_id, f.category): f for f in ikm.compute(period)}
    key = (personas.agency.pk, personas.staff.unit.pk)
    assert figures[(*key, ikm.RESPONSES)].count == 2
    assert (figures[(*key, "U1")].count, figures[(*key, "U1")].amount) == (2, Decimal(7))
    assert (figures[(*key, "U9")].count, figures[(*key, "U9")].amount) == (1, Decimal(4))


def test_the_pooled_ikm_is_the_surveys_rule(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    office = make_service_unit(unit=personas.staff.unit)
    make_responses(
        service_unit=office,
        answers=[[4, 3, 2, 3, 4, 4, 3, 3, 2], [3, 3, 3, None, 4, 2, 3, 4, 4]],
        day=date(period.year, 5, 2),
    )
    counts: dict[str, Amounts] = {}
    for f in ikm.compute(period):
        counts[f.category] = counts.get(f.category, Amounts()) + Amounts(f.count, f.amount)
    expected = totals_of(SurveyResponse.objects.all()).ikm()
    result = ikm.result_of(counts)
    assert expected is not None
    assert result is not None
    assert (result.value, result.grade) == (expected.value, expected.grade)


def test_present_rows_grade_links_and_total():  # type: ignore[no-untyped-def]
    children = [
        Child(key=1, label="Dinas A", url="/dasbor/opd/1/"),
        Child(key=2, label="Dinas B", url="/dasbor/opd/2/"),
        Child(key=3, label="Dinas Tanpa Layanan", url="/dasbor/opd/3/"),
    ]
    view = ikm.present(_data({1: _counts(10, 4), 2: _counts(30, 3)}, children))
    assert [row.label for row in view.rows] == ["Dinas A", "Dinas B"]
    first = view.rows[0].cells
    assert [c.text for c in first] == ["10", "100,00", "A (Sangat Baik)", "-"]
    assert all(c.url == "/dasbor/opd/1/#ikm" for c in first[:3])
    assert view.rows[1].cells[1].text == "75,00"
    assert view.rows[1].cells[2].text.startswith("C")
    pooled = ikm_from_totals(
        respondents=40,
        sums=dict.fromkeys(Element, 10 * 4 + 30 * 3),
        counts=dict.fromkeys(Element, 40),
    )
    assert view.total is not None
    assert view.total.cells[0].text == "40"
    assert view.total.cells[1].value == pooled.value
    assert "<svg" in str(view.chart_svg)
    assert "IKM seluruhnya" in view.chart_summary


def test_no_figure_while_an_element_is_unanswered():  # type: ignore[no-untyped-def]
    counts = _counts(5, 3)
    del counts["U4"]
    view = ikm.present(_data({1: counts}, [Child(key=1, label="Dinas A", url="/a/")]))
    assert [c.text for c in view.rows[0].cells] == ["5", "-", "-", "-"]


def test_trend_in_words_and_line_chart_for_a_single_row():  # type: ignore[no-untyped-def]
    history = (("2025", _counts(10, 3)), ("2026", _counts(10, 4)))
    view = ikm.present(
        _data({1: _counts(10, 4)}, [Child(key=1, label="Dinas A", url="/a/")], history)
    )
    assert "naik 25,00 poin dari 75,00 (2025) menjadi 100,00 (2026)" in view.chart_summary
    assert "<svg" in str(view.chart_svg)
    assert ikm.trend_text([("2025", Decimal(80)), ("2026", Decimal("79.5"))]).startswith(
        "IKM turun 0,50 poin"
    )


def test_each_row_has_its_own_trend_since_the_year_before():  # type: ignore[no-untyped-def]
    children = [Child(key=1, label="Dinas A", url="/a/"), Child(key=2, label="Dinas B", url="/b/")]
    data = _data({1: _counts(10, 4), 2: _counts(10, 3)}, children)
    data = replace(
        data,
        history_by_child={
            1: (("2025", _counts(10, 3)), ("2026", _counts(10, 4))),
            2: (("2026", _counts(10, 3)),),
        },
    )
    rows = {row.label: row for row in ikm.present(data).rows}
    assert rows["Dinas A"].cells[3].text == "naik 25,00 sejak 2025"
    assert rows["Dinas A"].cells[3].url == "/a/#ikm"
    assert rows["Dinas B"].cells[3].text == "-"


def test_empty_state():  # type: ignore[no-untyped-def]
    view = ikm.present(_data({}, [Child(key=1, label="Dinas A", url="/a/")]))
    assert view.is_empty
    assert view.total is None


def test_refresh_and_the_pages_show_the_ikm(client, personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    trial = make_open_period(year=period.year, is_trial=True)
    office = make_service_unit(unit=personas.staff.unit)
    make_responses(service_unit=office, answers=[[4] * 9] * 3, day=date(period.year, 2, 3))
    summary_refresh(actor=personas.hr_admin, period=period)
    assert UnitFigure.objects.filter(period=period, panel=Panel.IKM).exists()
    assert not UnitFigure.objects.filter(period=trial).exists()
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(url).content)
        assert "Indeks Kepuasan Masyarakat" in text
        assert "A (Sangat Baik)" in text
        assert "100,00" in text


def test_history_figures_give_the_trend_on_the_page(client, personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    earlier = make_open_period(year=period.year - 1)
    make_ikm_figures(period=earlier, agency=personas.agency, respondents=4, answer=3)
    make_ikm_figures(period=period, agency=personas.agency, respondents=4, answer=4)
    client.force_login(personas.leader)
    text = page_text(client.get(reverse("reporting:city") + f"?periode={period.pk}").content)
    assert "naik 25,00 poin" in text

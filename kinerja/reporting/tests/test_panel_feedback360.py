"""The 360° completion panel: review requests per unit of the rated employee, by the assessment
app's completion rule; counts, never answers."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from kinerja.assessment.models import RelationChoice
from kinerja.assessment.testing import make_cycle, make_review, make_reviewer_list
from kinerja.core.testing import page_text
from kinerja.planning.testing import make_open_period
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import feedback360
from kinerja.reporting.panels.base import Amounts, Child, Counts, Level, PanelData
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_360_figures

pytestmark = pytest.mark.django_db


def _reviews(period, personas, *, sent: int, open_: int, withdrawn: int):  # type: ignore[no-untyped-def]
    cycle = make_cycle(period=period)
    staff = personas.staff
    listed = make_reviewer_list(
        cycle, staff.employee, agency=personas.agency, unit_id=staff.unit.pk
    )
    raters = [staff.supervisor, staff.kabid, staff.head, staff.other_head, staff.employee]
    for number in range(sent + open_ + withdrawn):
        review = make_review(listed, raters[number % len(raters)], RelationChoice.PEER)
        if number < sent:
            review.submitted_on = date(period.year, 3, 1)
        elif number >= sent + open_:
            review.withdrawn_on = date(period.year, 3, 2)
        review.save()
    return cycle


def test_compute_counts_per_unit_of_the_ratee(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    _reviews(period, personas, sent=2, open_=1, withdrawn=1)
    trial = make_open_period(year=period.year, is_trial=True)
    _reviews(trial, personas, sent=3, open_=0, withdrawn=0)
    figures = {(f.agency_id, f.unit_id, f.category): f.count for f in feedback360.compute(period)}
    key = (personas.agency.pk, personas.staff.unit.pk)
    assert figures == {
        (*key, feedback360.LISTS): 1,
        (*key, feedback360.ASKED): 3,
        (*key, feedback360.SENT): 2,
        (*key, feedback360.WITHDRAWN): 1,
    }


def test_present_cells_links_total_and_chart():  # type: ignore[no-untyped-def]
    children = [
        Child(key=1, label="Dinas A", url="/a/"),
        Child(key=2, label="Dinas B", url="/b/"),
        Child(key=3, label="Dinas C", url="/c/"),
    ]
    by_child: dict[int | None, Counts] = {
        1: {"LISTS": Amounts(2), "ASKED": Amounts(8), "SENT": Amounts(6), "WITHDRAWN": Amounts(1)},
        2: {"LISTS": Amounts(1), "ASKED": Amounts(4), "SENT": Amounts(1)},
    }
    total = {
        "LISTS": Amounts(3),
        "ASKED": Amounts(12),
        "SENT": Amounts(7),
        "WITHDRAWN": Amounts(1),
    }
    data = PanelData(
        panel=Panel.FEEDBACK360,
        level=Level.CITY,
        children=children,
        by_child=by_child,
        total=total,
        employees={},
        employees_total=0,
    )
    view = feedback360.present(data)
    assert [row.label for row in view.rows] == ["Dinas A", "Dinas B"]
    assert [c.text for c in view.rows[0].cells] == ["2", "8", "6", "75,0%", "1"]
    assert all(c.url == "/a/#umpan-balik-360" for c in view.rows[0].cells)
    assert view.total is not None
    assert [c.text for c in view.total.cells] == ["3", "12", "7", "58,3%", "1"]
    assert "<svg" in str(view.chart_svg)
    assert view.chart_summary == "7 dari 12 permintaan penilaian 360° sudah dikirim."


def test_empty_state():  # type: ignore[no-untyped-def]
    data = PanelData(
        panel=Panel.FEEDBACK360,
        level=Level.CITY,
        children=[Child(key=1, label="Dinas A", url="/a/")],
        by_child={},
        total={},
        employees={},
        employees_total=0,
    )
    view = feedback360.present(data)
    assert view.is_empty
    assert view.chart_summary == ""


def test_refresh_and_the_pages_show_the_completion(client, personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    _reviews(period, personas, sent=3, open_=1, withdrawn=0)
    summary_refresh(actor=personas.hr_admin, period=period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(url).content)
        assert "Kelengkapan umpan balik 360°" in text
        assert "75,0%" in text


def test_the_unit_page_reads_figures(client, personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    make_360_figures(
        period=period, agency=personas.agency, unit=personas.staff.unit, asked=5, sent=4
    )
    client.force_login(personas.leader)
    text = page_text(client.get(reverse("reporting:unit", args=[personas.staff.unit.pk])).content)
    assert "4 dari 5 permintaan penilaian 360° sudah dikirim." in text

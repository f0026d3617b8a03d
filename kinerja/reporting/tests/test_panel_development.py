"""The development panel: confirmed JP of the period's plans per unit of the employee's post,
the employees reaching the yearly target (learning's rule)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.testing import page_text
from kinerja.learning.models import ItemState
from kinerja.learning.testing import make_development_plan, make_item
from kinerja.planning.testing import make_open_period
from kinerja.reporting.models import Panel
from kinerja.reporting.panels import development
from kinerja.reporting.panels.base import Amounts, Child, Counts, Level, PanelData
from kinerja.reporting.services import summary_refresh
from kinerja.reporting.testing import make_development_figures

pytestmark = pytest.mark.django_db


def _done() -> date:
    return timezone.localdate().replace(month=6, day=1)


@pytest.fixture
def period(personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    staff = personas.staff
    plan = make_development_plan(employee=staff.employee, period=period)
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal(16), completed_on=_done())
    make_item(plan=plan, state=ItemState.CONFIRMED, jp=Decimal("4.5"), completed_on=_done())
    make_item(plan=plan, state=ItemState.COMPLETED, jp=Decimal(30), completed_on=_done())
    other = make_development_plan(employee=staff.supervisor, period=period)
    make_item(plan=other, state=ItemState.CONFIRMED, jp=Decimal(8), completed_on=_done())
    last_year = date(period.year - 1, 12, 1)
    make_item(plan=other, state=ItemState.CONFIRMED, jp=Decimal(40), completed_on=last_year)
    trial = make_open_period(year=period.year, is_trial=True)
    tried = make_development_plan(employee=staff.kabid, period=trial)
    make_item(plan=tried, state=ItemState.CONFIRMED, jp=Decimal(50), completed_on=_done())
    return period


def test_compute_counts_confirmed_jp_of_the_year_per_unit(personas, period):  # type: ignore[no-untyped-def]
    figures = {(f.agency_id, f.unit_id, f.category): f for f in development.compute(period)}
    key = (personas.agency.pk, personas.staff.unit.pk)
    planned = figures[(*key, development.WITH_PLAN)]
    assert (planned.count, planned.amount) == (2, Decimal("28.5"))
    assert figures[(*key, development.REACHED)].count == 1
    assert len(figures) == 2


def _data(by_child: Mapping[int | None, Counts], employees: Mapping[int | None, int]) -> PanelData:
    total: dict[str, Amounts] = {}
    for counts in by_child.values():
        for category, amounts in counts.items():
            total[category] = total.get(category, Amounts()) + amounts
    return PanelData(
        panel=Panel.DEVELOPMENT,
        level=Level.CITY,
        children=[
            Child(key=1, label="Dinas A", url="/a/"),
            Child(key=2, label="Dinas B", url="/b/"),
        ],
        by_child=by_child,
        total=total,
        employees=employees,
        employees_total=sum(employees.values()),
    )


def test_present_cells_links_total_and_chart():  # type: ignore[no-untyped-def]
    by_child: dict[int | None, Counts] = {
        1: {"WITH_PLAN": Amounts(3, Decimal("45.5")), "REACHED": Amounts(1)},
        2: {"WITH_PLAN": Amounts(1, Decimal(20)), "REACHED": Amounts(1)},
    }
    view = development.present(_data(by_child, {1: 4, 2: 2}))
    assert [c.text for c in view.rows[0].cells] == ["4", "3", "45,5", "11,4", "1", "25,0%"]
    assert all(c.url == "/a/#pengembangan" for c in view.rows[0].cells)
    assert view.total is not None
    assert [c.text for c in view.total.cells] == ["6", "4", "65,5", "10,9", "2", "33,3%"]
    assert "<svg" in str(view.chart_svg)
    assert view.chart_summary.startswith("2 dari 6 pegawai sudah mencapai 20 JP")


def test_empty_state_without_figures():  # type: ignore[no-untyped-def]
    view = development.present(_data({}, {1: 4}))
    assert view.is_empty
    assert view.total is None


def test_refresh_and_the_pages_show_the_jp(client, personas, period):  # type: ignore[no-untyped-def]
    summary_refresh(actor=personas.hr_admin, period=period)
    client.force_login(personas.leader)
    for url in (
        reverse("reporting:city"),
        reverse("reporting:agency", args=[personas.agency.pk]),
    ):
        text = page_text(client.get(url).content)
        assert "Pengembangan kompetensi (JP)" in text
        assert "28,5" in text


def test_the_unit_page_reads_figures(client, personas):  # type: ignore[no-untyped-def]
    period = make_open_period()
    make_development_figures(
        period=period, agency=personas.agency, unit=personas.staff.unit, with_plan=2, jp=41,
        reached=1,
    )  # fmt: skip
    client.force_login(personas.leader)
    text = page_text(client.get(reverse("reporting:unit", args=[personas.staff.unit.pk])).content)
    assert "41,0" in text

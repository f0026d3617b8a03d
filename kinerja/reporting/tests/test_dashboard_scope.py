"""How the dashboard groups summary rows per child: units rolled up over their subtree, a
unit's own posts in their own row, kelurahan in their kecamatan's row, and the trail back."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.accounts.models import Role
from kinerja.accounts.testing import make_user
from kinerja.organization.models import AgencyKind, Unit
from kinerja.organization.testing import make_agency, make_unit
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.testing import make_open_period
from kinerja.reporting.charts import hbar_svg
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Level
from kinerja.reporting.selectors.dashboard import (
    AGENCY_DIRECT,
    DIRECT,
    dashboard_for_actor,
    sub_agency_key,
)
from kinerja.reporting.testing import make_figure, make_ikm_figures

pytestmark = pytest.mark.django_db


def _employees(period: PerformancePeriod, agency: Any, unit: Unit | None, count: int) -> None:
    make_figure(
        period=period, agency=agency, unit=unit, panel=Panel.EMPLOYEES, category="ALL", count=count
    )
    make_figure(
        period=period, agency=agency, unit=unit, panel=Panel.PLANS, category="APPROVED", count=count
    )


def _people(dashboard: Any) -> dict[str, str]:
    """Row label → the plans table's employees figure."""
    return {row.label: row.cells[0].text for row in dashboard.panel(Panel.PLANS).rows}


def test_units_roll_up_over_their_subtree_and_a_units_own_posts_have_their_own_row(
    personas: Any,
) -> None:
    period = make_open_period()
    agency = personas.agency
    top = make_unit(agency=agency, name="Bidang Atas")
    child = make_unit(agency=agency, name="Seksi Bawah")
    child.parent = top
    child.save()
    _employees(period, agency, top, 2)
    _employees(period, agency, child, 3)
    _employees(period, agency, None, 1)

    city = dashboard_for_actor(actor=personas.leader)
    assert _people(city)[agency.name] == "6"

    whole = dashboard_for_actor(actor=personas.leader, agency_id=agency.pk)
    assert whole.scope.level == Level.AGENCY
    assert _people(whole)["Bidang Atas"] == "5"
    assert _people(whole)[AGENCY_DIRECT] == "1"

    unit = dashboard_for_actor(actor=personas.leader, unit_id=top.pk)
    assert _people(unit) == {"Seksi Bawah": "3", DIRECT: "2"}
    assert [label for label, _ in unit.scope.trail] == ["Dasbor kota", agency.name]
    below = dashboard_for_actor(actor=personas.leader, unit_id=child.pk)
    assert [label for label, _ in below.scope.trail] == ["Dasbor kota", agency.name, "Bidang Atas"]


def test_kelurahan_count_in_their_kecamatan_which_lists_them_to_readers_of_all(
    personas: Any,
) -> None:
    period = make_open_period()
    kecamatan = make_agency(name="Kecamatan Uji", kind=AgencyKind.KECAMATAN)
    kelurahan = make_agency(name="Kelurahan Uji", kind=AgencyKind.KELURAHAN, parent=kecamatan)
    _employees(period, kecamatan, None, 4)
    _employees(period, kelurahan, None, 6)

    city = _people(dashboard_for_actor(actor=personas.leader))
    assert city["Kecamatan Uji (termasuk 1 kelurahan)"] == "10"
    assert "Kelurahan Uji" not in city

    page = dashboard_for_actor(actor=personas.leader, agency_id=kecamatan.pk)
    rows = {row.label: row for row in page.panel(Panel.PLANS).rows}
    assert rows["Kelurahan Uji"].cells[0].text == "6"
    assert f"/dasbor/opd/{kelurahan.pk}/" in rows["Kelurahan Uji"].url
    assert sub_agency_key(kelurahan.pk) < 0

    admin = make_user(role=Role.ADMIN_OPD, agency=kecamatan)
    own = dashboard_for_actor(actor=admin, agency_id=kecamatan.pk)
    assert "Kelurahan Uji" not in _people(own)
    with pytest.raises(PermissionDenied):
        dashboard_for_actor(actor=admin, agency_id=kelurahan.pk)


def test_the_bar_chart_names_each_row_and_prints_its_figure() -> None:
    svg = hbar_svg(
        title="SKP disetujui",
        labels=["Dinas <A>", "Badan dengan nama yang panjang sekali melebihi empat puluh huruf"],
        values=[50, None],
        texts=["50,0%", "-"],
        maximum=100,
    )
    assert "Dinas &lt;A&gt;" in svg
    assert "…" in svg
    assert "50,0%" in svg
    assert 'data-chart="hbar"' in svg
    assert "<script" not in svg


def test_each_row_of_the_ikm_table_has_its_own_trend(personas: Any) -> None:
    period = make_open_period()
    before = make_open_period(year=period.year - 1)
    agency = personas.agency
    unit = personas.staff.unit
    kecamatan = make_agency(name="Kecamatan Tren", kind=AgencyKind.KECAMATAN)
    kelurahan = make_agency(name="Kelurahan Tren", kind=AgencyKind.KELURAHAN, parent=kecamatan)
    make_ikm_figures(period=before, agency=agency, unit=unit, respondents=10, answer=3)
    make_ikm_figures(period=period, agency=agency, unit=unit, respondents=10, answer=4)
    make_ikm_figures(period=before, agency=kelurahan, respondents=10, answer=4)
    make_ikm_figures(period=period, agency=kelurahan, respondents=10, answer=3)

    city = dashboard_for_actor(actor=personas.leader, period_id=period.pk)
    trend = {row.label: row.cells[3].text for row in city.panel(Panel.IKM).rows}
    assert trend[agency.name] == f"naik 25,00 sejak {before.year}"
    assert trend["Kecamatan Tren (termasuk 1 kelurahan)"] == f"turun 25,00 sejak {before.year}"

    page = dashboard_for_actor(actor=personas.leader, agency_id=agency.pk, period_id=period.pk)
    assert {row.label: row.cells[3].text for row in page.panel(Panel.IKM).rows} == {
        unit.name: f"naik 25,00 sejak {before.year}"
    }

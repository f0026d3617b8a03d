"""Employees per unit: the denominator of the shares of people (plans, 360°, JP). An employee
counts where their definitive post is on the period's reference day (today within the
period, else its last day)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count
from django.utils import timezone

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Figure, PanelData, PanelSpec, PanelView, Row
from kinerja.reporting.panels.common import count_cell, current_holdings, total_row

ALL = "ALL"


def reference_day(period: PerformancePeriod) -> date:
    today = timezone.localdate()
    start: date = period.start_date
    end: date = period.end_date
    return min(max(today, start), end)


def compute(period: PerformancePeriod) -> list[Figure]:
    rows = (
        current_holdings(reference_day(period))
        .values("position__agency_id", "position__unit_id")
        .annotate(n=Count("employee_id", distinct=True))
        .order_by()
    )
    return [Figure(r["position__agency_id"], r["position__unit_id"], ALL, r["n"]) for r in rows]


def present(data: PanelData) -> PanelView:
    rows = tuple(
        _row(child.label, child.url, data.employees.get(child.key, 0)) for child in data.children
    )
    return PanelView(
        panel=Panel.EMPLOYEES,
        title="Pegawai",
        lede="Pegawai menurut jabatan definitif pada hari acuan periode.",
        columns=("Pegawai",),
        rows=rows,
        total=total_row([count_cell(data.employees_total, "", "")]),
    )


def _row(label: str, url: str, count: int) -> Row:
    return Row(label=label, url=url, cells=(count_cell(count, url, "pegawai"),))


SPEC = PanelSpec(panel=Panel.EMPLOYEES, compute=compute, present=present, shown=False)

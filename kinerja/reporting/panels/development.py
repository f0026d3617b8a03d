"""Competency development (JP): per unit of the employee's definitive post on the period's
reference day (`employees.reference_day`), the employees with a development plan of the period,
the JP they completed and how many reached the yearly target.

JP follow the learning app's rule (`learning/selectors/jp.py`, `learning.rules.JP_TARGET`): the
JP earned of **confirmed** items completed in the period's calendar year; only items of the
period's plans count (a trial period's plans never do). One query: each holding carries its
employee's JP as a subquery, grouped per unit.

Categories: `WITH_PLAN` (employees with a plan; amount = their JP), `REACHED` (employees with at
least `JP_TARGET` JP).
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Cell, Figure, PanelData, PanelSpec, PanelView, Row
from kinerja.reporting.panels.common import (
    bars,
    count_cell,
    current_holdings,
    decimal_cell,
    percent_cell,
    total_row,
)
from kinerja.reporting.panels.employees import reference_day
from kinerja.scoring.formatting import format_decimal

WITH_PLAN = "WITH_PLAN"
REACHED = "REACHED"
ANCHOR = "pengembangan"
JP_FIELD: DecimalField[Decimal, Decimal] = DecimalField(max_digits=9, decimal_places=1)


def target() -> Decimal:
    from kinerja.learning.rules import JP_TARGET

    return JP_TARGET


COLUMNS = (
    "Pegawai",
    "Punya rencana",
    "JP selesai",
    "Rata-rata JP per pegawai",
    "Mencapai target JP",
    "% mencapai target",
)


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.learning.models import DevelopmentItem, DevelopmentPlan, ItemState

    jp = (
        DevelopmentItem.objects.filter(
            plan__period=period,
            plan__employee_id=OuterRef("employee_id"),
            state=ItemState.CONFIRMED,
            completed_on__year=period.year,
        )
        .values("plan__employee_id")
        .annotate(total=Sum("jp_earned"))
        .values("total")
    )
    has_plan = DevelopmentPlan.objects.filter(period=period, employee_id=OuterRef("employee_id"))
    rows = (
        current_holdings(reference_day(period))
        .annotate(
            jp=Coalesce(
                Subquery(jp, output_field=JP_FIELD), Value(Decimal(0)), output_field=JP_FIELD
            )
        )
        .filter(Exists(has_plan))
        .values("position__agency_id", "position__unit_id")
        .annotate(
            people=Count("employee_id", distinct=True),
            total=Sum("jp"),
            reached=Count("employee_id", distinct=True, filter=Q(jp__gte=target())),
        )
        .order_by()
    )
    figures: list[Figure] = []
    for r in rows:
        agency, unit = r["position__agency_id"], r["position__unit_id"]
        figures.append(Figure(agency, unit, WITH_PLAN, r["people"], Decimal(r["total"] or 0)))
        if r["reached"]:
            figures.append(Figure(agency, unit, REACHED, r["reached"]))
    return figures


def _cells(data: PanelData, key: int | None, url: str, *, total: bool = False) -> list[Cell]:
    get = data.total_of if total else (lambda category: data.get(key, category))
    people = data.employees_total if total else data.employees.get(key, 0)
    planned = get(WITH_PLAN)
    reached = get(REACHED).count
    mean = (planned.amount / people).quantize(Decimal("0.1")) if people else None
    return [
        count_cell(people, url, ANCHOR),
        count_cell(planned.count, url, ANCHOR),
        decimal_cell(planned.amount, url, ANCHOR, 1),
        decimal_cell(mean, url, ANCHOR, 1),
        count_cell(reached, url, ANCHOR),
        percent_cell(reached, people, url, ANCHOR),
    ]


def present(data: PanelData) -> PanelView:
    rows = tuple(
        Row(label=child.label, url=child.url, cells=tuple(_cells(data, child.key, child.url)))
        for child in data.children
        if data.by_child.get(child.key) or data.employees.get(child.key)
    )
    jp_target = format_decimal(target(), 0)
    means = [row.cells[3].value for row in rows]
    people = data.employees_total
    reached = data.total_of(REACHED).count
    has_figures = bool(data.total)
    return PanelView(
        panel=Panel.DEVELOPMENT,
        title="Pengembangan kompetensi (JP)",
        lede=f"JP pengembangan kompetensi yang selesai dan dikonfirmasi pada tahun periode ini "
        f"menurut jabatan definitif pegawai; target {jp_target} JP per pegawai setahun. "
        "Rata-rata dihitung atas semua pegawai unit.",
        columns=COLUMNS,
        rows=rows if has_figures else (),
        total=total_row(_cells(data, None, "", total=True)) if has_figures else None,
        chart_svg=_chart(data, rows, means) if has_figures else "",
        chart_summary=(
            f"{format_decimal(reached, 0)} dari {format_decimal(people, 0)} pegawai sudah "
            f"mencapai {jp_target} JP; rata-rata JP per pegawai menurut "
            f"{'perangkat daerah' if data.level == 'city' else 'unit kerja'}."
            if has_figures and people
            else ""
        ),
    )


def _chart(data: PanelData, rows: tuple[Row, ...], means: list[Decimal | int | None]) -> str:
    by_label = dict(zip((row.label for row in rows), means, strict=True))
    values = [by_label.get(child.label) for child in data.children]
    return bars(data=data, title="Rata-rata JP per pegawai", series="JP", values=values)


SPEC = PanelSpec(panel=Panel.DEVELOPMENT, compute=compute, present=present)

"""Plan completion: how many SKP of the period are approved, on time or late, and how many
employees have none yet. A plan counts in the unit of its post.

Categories: one per plan state (`PlanState`), `LATE_APPROVED` (approved after the period's
`plan_due_date`), `OVERDUE` (not approved and the due date has passed), `WITH_PLAN` (employees
with at least one plan in the unit).
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel
from kinerja.reporting.panels.base import Cell, Figure, PanelData, PanelSpec, PanelView, Row
from kinerja.reporting.panels.common import bars, count_cell, percent_cell, total_row
from kinerja.scoring.formatting import format_decimal

LATE_APPROVED = "LATE_APPROVED"
OVERDUE = "OVERDUE"
WITH_PLAN = "WITH_PLAN"
ANCHOR = "skp"


def compute(period: PerformancePeriod) -> list[Figure]:
    from kinerja.planning.models import PerformancePlan, PlanState

    due = period.plan_due_date
    overdue_now = timezone.localdate() > due
    rows = (
        PerformancePlan.objects.filter(period=period)
        .values("position__agency_id", "position__unit_id")
        .annotate(
            draft=Count("id", filter=Q(state=PlanState.DRAFT)),
            submitted=Count("id", filter=Q(state=PlanState.SUBMITTED)),
            returned=Count("id", filter=Q(state=PlanState.RETURNED)),
            approved=Count("id", filter=Q(state=PlanState.APPROVED)),
            late=Count("id", filter=Q(state=PlanState.APPROVED, approved_at__date__gt=due)),
            people=Count("employee_id", distinct=True),
        )
        .order_by()
    )
    figures: list[Figure] = []
    for r in rows:
        agency, unit = r["position__agency_id"], r["position__unit_id"]
        open_plans = r["draft"] + r["submitted"] + r["returned"]
        for category, count in (
            (PlanState.DRAFT, r["draft"]),
            (PlanState.SUBMITTED, r["submitted"]),
            (PlanState.RETURNED, r["returned"]),
            (PlanState.APPROVED, r["approved"]),
            (LATE_APPROVED, r["late"]),
            (OVERDUE, open_plans if overdue_now else 0),
            (WITH_PLAN, r["people"]),
        ):
            if count:
                figures.append(Figure(agency, unit, str(category), count))
    return figures


COLUMNS = (
    "Pegawai",
    "SKP disetujui",
    "% disetujui",
    "Diajukan",
    "Draf atau dikembalikan",
    "Belum punya SKP",
    "Terlambat",
)


def _cells(data: PanelData, key: int | None, url: str, *, total: bool = False) -> list[Cell]:
    get = data.total_of if total else (lambda category: data.get(key, category))
    people = data.employees_total if total else data.employees.get(key, 0)
    approved = get("APPROVED").count
    without = max(people - get(WITH_PLAN).count, 0)
    late = get(LATE_APPROVED).count + get(OVERDUE).count
    return [
        count_cell(people, url, ANCHOR),
        count_cell(approved, url, ANCHOR),
        percent_cell(approved, people, url, ANCHOR),
        count_cell(get("SUBMITTED").count, url, ANCHOR),
        count_cell(get("DRAFT").count + get("RETURNED").count, url, ANCHOR),
        count_cell(without, url, ANCHOR),
        count_cell(late, url, ANCHOR),
    ]


def present(data: PanelData) -> PanelView:
    rows = tuple(
        Row(label=child.label, url=child.url, cells=tuple(_cells(data, child.key, child.url)))
        for child in data.children
    )
    approved = data.total_of("APPROVED").count
    people = data.employees_total
    shares = [row.cells[2].value for row in rows]
    return PanelView(
        panel=Panel.PLANS,
        title="Penyusunan SKP",
        lede="SKP periode ini menurut statusnya; terlambat = disetujui setelah batas penetapan "
        "atau belum disetujui padahal batasnya sudah lewat.",
        columns=COLUMNS,
        rows=rows,
        total=total_row(_cells(data, None, "", total=True)),
        chart_svg=bars(
            data=data,
            title="SKP disetujui",
            series="% pegawai",
            values=shares,
            texts=[row.cells[2].text for row in rows],
            maximum=100,
        ),
        chart_summary=(
            f"{format_decimal(approved, 0)} dari {format_decimal(people, 0)} pegawai sudah "
            "memiliki SKP yang disetujui."
            if people
            else ""
        ),
    )


SPEC = PanelSpec(panel=Panel.PLANS, compute=compute, present=present)

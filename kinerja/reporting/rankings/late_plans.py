"""Units with late plans: per scope (the city, each agency, each unit and its sub-units), the
units with the most plans of the period not approved by the period's `plan_due_date`, by the
plans panel's rule (`panels/plans.py`: approved after the due date, or not approved while the
due date has passed). A plan counts in the unit of its post; plans of posts without a unit are
not listed. Value = % of the unit's plans that are late; count = late plans.

The counts are the plans panel's own figures (`plans.compute`: one GROUP BY over plans per
unit), so the list and the panel cannot disagree; one more query reads the units.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from kinerja.periods.models import PerformancePeriod
from kinerja.reporting.models import Panel, Ranking
from kinerja.reporting.panels import plans as plans_panel
from kinerja.reporting.panels.base import Figure, RankedRow, RankingSpec, each
from kinerja.reporting.panels.common import percent_value
from kinerja.reporting.panels.plans import LATE_APPROVED, OVERDUE
from kinerja.reporting.rankings.scopes import top_per_scope

RULE = (LATE_APPROVED, OVERDUE)
"""The plans panel's categories of a late plan (a plan is in at most one of them)."""


@dataclass(frozen=True)
class _Line:
    unit_id: int
    agency_id: int
    name: str
    agency_name: str
    late: int
    plans: int

    @property
    def share(self) -> Decimal:
        value = percent_value(self.late, self.plans) or Decimal(0)
        return value.quantize(Decimal("0.01"))


def compute(
    period: PerformancePeriod, panels: Mapping[str, list[Figure]] | None = None
) -> list[RankedRow]:
    """Ranked from the plans panel's figures (those the refresh just computed, when given)."""
    from kinerja.organization.models import Unit
    from kinerja.planning.models import PlanState

    late: dict[int, int] = defaultdict(int)
    plans: dict[int, int] = defaultdict(int)
    states = {str(state) for state in PlanState}
    plan_figures = (panels or {}).get(Panel.PLANS)
    if plan_figures is None:
        plan_figures = plans_panel.compute(period)
    for figure in plan_figures:
        if figure.unit_id is None:
            continue
        if figure.category in RULE:
            late[figure.unit_id] += figure.count
        elif figure.category in states:
            plans[figure.unit_id] += figure.count
    counts = {unit: (n, plans[unit]) for unit, n in late.items() if n}
    if not counts:
        return []
    units = Unit.objects.values_list("id", "parent_id", "agency_id", "name", "agency__name")
    parent: dict[int, int | None] = {}
    lines: list[_Line] = []
    for pk, up, agency, name, agency_name in units:
        parent[pk] = up
        if pk in counts:
            lines.append(_Line(pk, agency, name, agency_name, *counts[pk]))
    return top_per_scope(
        lines,
        place=lambda m: (m.agency_id, m.unit_id),
        parent=parent,
        order=lambda m: (-m.late, -m.share, m.name.casefold(), m.unit_id),
        row=lambda m: {
            "label": m.name,
            "detail": m.agency_name,
            "value": m.share,
            "count": m.late,
            "target_id": m.unit_id,
        },
    )


def link(target_id: int) -> str:
    return reverse("reporting:unit", args=[target_id])


SPEC = RankingSpec(
    ranking=Ranking.LATE_PLANS,
    compute=compute,
    links=each(link),
    value_heading="% SKP terlambat",
    count_heading="SKP terlambat",
    empty_text="Tidak ada unit kerja dengan SKP terlambat pada periode ini.",
    help_text="Unit kerja dengan SKP terbanyak yang belum disetujui pada batas penetapan: "
    "disetujui setelah batas atau belum disetujui padahal batasnya sudah lewat.",
)
